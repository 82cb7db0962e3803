// node:http2 for the VM: HTTP/2 framing, HPACK (RFC 7541) and flow control in JavaScript over the runtime's net
// sockets (which are the kernel's), with Node's client, server and compatibility APIs. Evaluated on the first
// require('http2'); `deps` are the runtime's own modules.
(function (deps) {
  'use strict';
  const { Buffer, EventEmitter, Duplex, Readable, Stream, NodeError, typeError, errInvalidArgType, nextTick, net, tls, STATUS_CODES, URL } = deps;

  // ------------------------------------------------------------------------------------------------ constants
  const FRAME = { DATA: 0, HEADERS: 1, PRIORITY: 2, RST_STREAM: 3, SETTINGS: 4, PUSH_PROMISE: 5, PING: 6, GOAWAY: 7, WINDOW_UPDATE: 8, CONTINUATION: 9 };
  const FLAG = { END_STREAM: 0x1, ACK: 0x1, END_HEADERS: 0x4, PADDED: 0x8, PRIORITY: 0x20 };
  const ERR = { NO_ERROR: 0, PROTOCOL_ERROR: 1, INTERNAL_ERROR: 2, FLOW_CONTROL_ERROR: 3, SETTINGS_TIMEOUT: 4, STREAM_CLOSED: 5,
    FRAME_SIZE_ERROR: 6, REFUSED_STREAM: 7, CANCEL: 8, COMPRESSION_ERROR: 9, CONNECT_ERROR: 10, ENHANCE_YOUR_CALM: 11,
    INADEQUATE_SECURITY: 12, HTTP_1_1_REQUIRED: 13 };
  const ERR_NAME = Object.fromEntries(Object.entries(ERR).map(([k, v]) => [v, 'NGHTTP2_' + k]));
  const SETTING = { headerTableSize: 1, enablePush: 2, maxConcurrentStreams: 3, initialWindowSize: 4, maxFrameSize: 5,
    maxHeaderListSize: 6, enableConnectProtocol: 8 };
  const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
  const MAX_WINDOW = 2 ** 31 - 1;
  const sensitiveHeaders = Symbol('nodejs.http2.sensitiveHeaders');
  const kNoPayload = new Set(['GET', 'HEAD', 'DELETE']);

  const HEADER_NAMES = [':status', ':method', ':authority', ':scheme', ':path', ':protocol', 'accept-encoding', 'accept-language',
    'accept-ranges', 'accept', 'access-control-allow-credentials', 'access-control-allow-headers', 'access-control-allow-methods',
    'access-control-allow-origin', 'access-control-expose-headers', 'access-control-request-headers', 'access-control-request-method',
    'age', 'authorization', 'cache-control', 'connection', 'content-disposition', 'content-encoding', 'content-length',
    'content-type', 'cookie', 'date', 'etag', 'forwarded', 'host', 'if-modified-since', 'if-none-match', 'if-range', 'last-modified',
    'link', 'location', 'range', 'referer', 'server', 'set-cookie', 'strict-transport-security', 'transfer-encoding', 'te',
    'upgrade-insecure-requests', 'upgrade', 'user-agent', 'vary', 'x-content-type-options', 'x-frame-options', 'keep-alive',
    'proxy-connection', 'x-xss-protection', 'alt-svc', 'content-security-policy', 'early-data', 'expect-ct', 'origin', 'purpose',
    'timing-allow-origin', 'x-forwarded-for', 'priority', 'accept-charset', 'access-control-max-age', 'allow', 'content-language',
    'content-location', 'content-md5', 'content-range', 'dnt', 'expect', 'expires', 'from', 'if-match', 'if-unmodified-since',
    'max-forwards', 'prefer', 'proxy-authenticate', 'proxy-authorization', 'refresh', 'retry-after', 'trailer', 'tk', 'via',
    'warning', 'www-authenticate', 'http2-settings'];
  const constants = {
    NGHTTP2_SESSION_SERVER: 0, NGHTTP2_SESSION_CLIENT: 1, NGHTTP2_STREAM_STATE_IDLE: 1, NGHTTP2_STREAM_STATE_OPEN: 2,
    NGHTTP2_STREAM_STATE_RESERVED_LOCAL: 3, NGHTTP2_STREAM_STATE_RESERVED_REMOTE: 4, NGHTTP2_STREAM_STATE_HALF_CLOSED_LOCAL: 5,
    NGHTTP2_STREAM_STATE_HALF_CLOSED_REMOTE: 6, NGHTTP2_STREAM_STATE_CLOSED: 7, NGHTTP2_FLAG_NONE: 0, NGHTTP2_FLAG_END_STREAM: 1,
    NGHTTP2_FLAG_END_HEADERS: 4, NGHTTP2_FLAG_ACK: 1, NGHTTP2_FLAG_PADDED: 8, NGHTTP2_FLAG_PRIORITY: 32,
    DEFAULT_SETTINGS_HEADER_TABLE_SIZE: 4096, DEFAULT_SETTINGS_ENABLE_PUSH: 1, DEFAULT_SETTINGS_MAX_CONCURRENT_STREAMS: 4294967295,
    DEFAULT_SETTINGS_INITIAL_WINDOW_SIZE: 65535, DEFAULT_SETTINGS_MAX_FRAME_SIZE: 16384, DEFAULT_SETTINGS_MAX_HEADER_LIST_SIZE: 65535,
    DEFAULT_SETTINGS_ENABLE_CONNECT_PROTOCOL: 0, MAX_MAX_FRAME_SIZE: 16777215, MIN_MAX_FRAME_SIZE: 16384,
    MAX_INITIAL_WINDOW_SIZE: MAX_WINDOW, NGHTTP2_SETTINGS_HEADER_TABLE_SIZE: 1, NGHTTP2_SETTINGS_ENABLE_PUSH: 2,
    NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS: 3, NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE: 4, NGHTTP2_SETTINGS_MAX_FRAME_SIZE: 5,
    NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE: 6, NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL: 8, PADDING_STRATEGY_NONE: 0,
    PADDING_STRATEGY_ALIGNED: 1, PADDING_STRATEGY_MAX: 2, PADDING_STRATEGY_CALLBACK: 1, NGHTTP2_DEFAULT_WEIGHT: 16,
  };
  for (const [k, v] of Object.entries(ERR)) constants['NGHTTP2_' + k] = v;
  for (const h of HEADER_NAMES) constants['HTTP2_HEADER_' + h.replace(/^:/, '').replace(/-/g, '_').toUpperCase()] = h;
  for (const m of ['ACL', 'BASELINE_CONTROL', 'BIND', 'CHECKIN', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LABEL',
    'LINK', 'LOCK', 'MERGE', 'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MKREDIRECTREF', 'MKWORKSPACE', 'MOVE', 'OPTIONS',
    'ORDERPATCH', 'PATCH', 'POST', 'PRI', 'PROPFIND', 'PROPPATCH', 'PUT', 'REBIND', 'REPORT', 'SEARCH', 'TRACE', 'UNBIND',
    'UNCHECKOUT', 'UNLINK', 'UNLOCK', 'UPDATE', 'UPDATEREDIRECTREF', 'VERSION_CONTROL']) {
    constants['HTTP2_METHOD_' + m] = m.replace(/_/g, '-');
  }
  for (const [code, text] of Object.entries(STATUS_CODES)) {
    const name = code === '418' ? 'TEAPOT' : text.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/_$/, '');
    constants['HTTP_STATUS_' + name] = Number(code);
  }

  function h2Error(code, message) { return new NodeError(code, message); }
  // A peer's protocol violation (as opposed to an exception from user code, which propagates).
  class PeerError extends Error {
    constructor(message, code = 1) { super(message); this.h2code = code; }
  }
  function streamError(code) {
    return h2Error('ERR_HTTP2_STREAM_ERROR', 'Stream closed with error code ' + (ERR_NAME[code] || code));
  }

  // ------------------------------------------------------------------------------------------------ HPACK
  const STATIC = [null, [':authority', ''], [':method', 'GET'], [':method', 'POST'], [':path', '/'], [':path', '/index.html'],
    [':scheme', 'http'], [':scheme', 'https'], [':status', '200'], [':status', '204'], [':status', '206'], [':status', '304'],
    [':status', '400'], [':status', '404'], [':status', '500'], ['accept-charset', ''], ['accept-encoding', 'gzip, deflate'],
    ['accept-language', ''], ['accept-ranges', ''], ['accept', ''], ['access-control-allow-origin', ''], ['age', ''], ['allow', ''],
    ['authorization', ''], ['cache-control', ''], ['content-disposition', ''], ['content-encoding', ''], ['content-language', ''],
    ['content-length', ''], ['content-location', ''], ['content-range', ''], ['content-type', ''], ['cookie', ''], ['date', ''],
    ['etag', ''], ['expect', ''], ['expires', ''], ['from', ''], ['host', ''], ['if-match', ''], ['if-modified-since', ''],
    ['if-none-match', ''], ['if-range', ''], ['if-unmodified-since', ''], ['last-modified', ''], ['link', ''], ['location', ''],
    ['max-forwards', ''], ['proxy-authenticate', ''], ['proxy-authorization', ''], ['range', ''], ['referer', ''], ['refresh', ''],
    ['retry-after', ''], ['server', ''], ['set-cookie', ''], ['strict-transport-security', ''], ['transfer-encoding', ''],
    ['user-agent', ''], ['vary', ''], ['via', ''], ['www-authenticate', '']];
  const STATIC_PAIR = new Map();
  const STATIC_NAME = new Map();
  for (let i = STATIC.length - 1; i > 0; i--) { STATIC_PAIR.set(STATIC[i][0] + '\0' + STATIC[i][1], i); STATIC_NAME.set(STATIC[i][0], i); }

  // RFC 7541 Appendix B is a canonical Huffman code: these are its code lengths for symbols 0..255 (EOS is 30 bits
  // of ones); the codes follow from them (shorter codes first, then by symbol).
  const HUFFMAN_LENGTHS = [
    13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
    13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
    15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
    20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
    22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
    26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
    20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26];
  const huffman = (() => {
    const order = HUFFMAN_LENGTHS.map((len, sym) => [len, sym]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const codes = new Array(256);
    let code = 0, prevLen = order[0][0];
    for (const [len, sym] of order) { code *= 2 ** (len - prevLen); prevLen = len; codes[sym] = code; code++; }
    // Decoding tree as nested arrays of [zeroChild, oneChild]; leaves are symbols (numbers).
    const root = [null, null];
    for (let sym = 0; sym < 256; sym++) {
      let node = root;
      const len = HUFFMAN_LENGTHS[sym];
      for (let bit = len - 1; bit >= 0; bit--) {
        const b = Math.floor(codes[sym] / 2 ** bit) % 2;
        if (bit === 0) node[b] = sym;
        else node = node[b] || (node[b] = [null, null]);
      }
    }
    return { codes, root };
  })();
  function huffmanDecode(buf) {
    const out = [];
    let node = huffman.root, depth = 0, ones = true;
    for (let i = 0; i < buf.length; i++) {
      for (let bit = 7; bit >= 0; bit--) {
        const b = (buf[i] >> bit) & 1;
        const next = node[b];
        if (next === null || next === undefined) throw new PeerError('invalid Huffman code', 9);
        depth++;
        ones = ones && b === 1;
        if (typeof next === 'number') { out.push(next); node = huffman.root; depth = 0; ones = true; } else node = next;
      }
    }
    if (depth > 7 || !ones) throw new PeerError('invalid Huffman padding', 9);
    return Buffer.from(out);
  }
  function huffmanEncode(buf) {
    const out = [];
    let acc = 0, bits = 0;
    for (const c of buf) {
      const len = HUFFMAN_LENGTHS[c];
      let code = huffman.codes[c];
      for (let bit = len - 1; bit >= 0; bit--) {
        acc = (acc << 1) | (Math.floor(code / 2 ** bit) % 2);
        if (++bits === 8) { out.push(acc); acc = 0; bits = 0; }
      }
    }
    if (bits) out.push(((acc << (8 - bits)) | ((1 << (8 - bits)) - 1)) & 0xff);
    return Buffer.from(out);
  }
  function huffmanLength(buf) { let n = 0; for (const c of buf) n += HUFFMAN_LENGTHS[c]; return Math.ceil(n / 8); }

  function encodeInt(out, first, prefixBits, value) {
    const max = (1 << prefixBits) - 1;
    if (value < max) { out.push(first | value); return; }
    out.push(first | max);
    value -= max;
    while (value >= 128) { out.push((value % 128) + 128); value = Math.floor(value / 128); }
    out.push(value);
  }

  class DynamicTable {
    constructor(max) { this.entries = []; this.size = 0; this.max = max; }
    add(name, value) {
      const n = 32 + Buffer.byteLength(name) + Buffer.byteLength(value);
      this.entries.unshift([name, value, n]);
      this.size += n;
      this.evict();
    }
    resize(max) { this.max = max; this.evict(); }
    evict() { while (this.size > this.max && this.entries.length) this.size -= this.entries.pop()[2]; }
    get(index) {
      if (index <= 0) throw new PeerError('invalid header index 0', 9);
      if (index < STATIC.length) return STATIC[index];
      const e = this.entries[index - STATIC.length];
      if (!e) throw new PeerError('invalid header index ' + index, 9);
      return e;
    }
  }

  class HpackDecoder {
    constructor() { this.table = new DynamicTable(4096); this.limit = 4096; }
    decode(buf) {
      const headers = [];
      let p = 0;
      const int = (prefixBits) => {
        const max = (1 << prefixBits) - 1;
        let v = buf[p++] & max;
        if (v < max) return v;
        let m = 1;
        for (;;) {
          if (p >= buf.length) throw new PeerError('truncated integer', 9);
          const b = buf[p++];
          v += (b & 127) * m;
          m *= 128;
          if (b < 128) return v;
          if (m > 2 ** 35) throw new PeerError('integer overflow', 9);
        }
      };
      const str = () => {
        if (p >= buf.length) throw new PeerError('truncated string', 9);
        const huff = (buf[p] & 0x80) !== 0;
        const len = int(7);
        if (p + len > buf.length) throw new PeerError('truncated string', 9);
        const raw = buf.subarray(p, p + len);
        p += len;
        return (huff ? huffmanDecode(raw) : Buffer.from(raw)).toString('latin1');
      };
      while (p < buf.length) {
        const b = buf[p];
        if (b & 0x80) { const [n, v] = this.table.get(int(7)); headers.push([n, v, false]); } else if (b & 0x40) {
          const idx = int(6);
          const name = idx ? this.table.get(idx)[0] : str();
          const value = str();
          this.table.add(name, value);
          headers.push([name, value, false]);
        } else if (b & 0x20) {
          const size = int(5);
          if (size > this.limit) throw new PeerError('dynamic table size update over the limit', 9);
          this.table.resize(size);
        } else {
          const never = (b & 0x10) !== 0;
          const idx = int(4);
          const name = idx ? this.table.get(idx)[0] : str();
          headers.push([name, str(), never]);
        }
      }
      return headers;
    }
  }

  class HpackEncoder {
    constructor() { this.table = new DynamicTable(4096); this.pendingSize = null; }
    setMaxSize(n) { const m = Math.min(n, 4096); if (m !== this.table.max) { this.table.resize(m); this.pendingSize = m; } }
    literal(out, s) {
      const b = Buffer.from(s, 'latin1');
      const hl = huffmanLength(b);
      if (hl < b.length) { encodeInt(out, 0x80, 7, hl); for (const c of huffmanEncode(b)) out.push(c); } else { encodeInt(out, 0, 7, b.length); for (const c of b) out.push(c); }
    }
    encode(list) {
      const out = [];
      if (this.pendingSize !== null) { encodeInt(out, 0x20, 5, this.pendingSize); this.pendingSize = null; }
      for (const [name, value, sensitive] of list) {
        const full = STATIC_PAIR.get(name + '\0' + value);
        if (full && !sensitive) { encodeInt(out, 0x80, 7, full); continue; }
        const dyn = sensitive ? -1 : this.table.entries.findIndex((e) => e[0] === name && e[1] === value);
        if (dyn >= 0) { encodeInt(out, 0x80, 7, STATIC.length + dyn); continue; }
        const nameIdx = STATIC_NAME.get(name) || 0;
        // Values worth remembering are indexed; sensitive ones never are, and one-off pseudo-headers like :path stay literal.
        const index = !sensitive && name !== ':path' && name !== 'content-length' && name !== 'date'
          && 32 + name.length + value.length <= this.table.max / 2;
        if (sensitive) encodeInt(out, 0x10, 4, nameIdx);
        else if (index) encodeInt(out, 0x40, 6, nameIdx);
        else encodeInt(out, 0, 4, nameIdx);
        if (!nameIdx) this.literal(out, name);
        this.literal(out, value);
        if (index) this.table.add(name, value);
      }
      return Buffer.from(out);
    }
  }

  // ------------------------------------------------------------------------------------------------ headers
  const CONNECTION_HEADERS = new Set(['connection', 'upgrade', 'http2-settings', 'te', 'transfer-encoding', 'keep-alive', 'proxy-connection']);
  const SINGLE_VALUE = new Set([':status', ':method', ':authority', ':scheme', ':path', ':protocol', 'access-control-allow-credentials',
    'access-control-max-age', 'access-control-request-method', 'age', 'authorization', 'content-encoding', 'content-language',
    'content-length', 'content-location', 'content-md5', 'content-range', 'content-type', 'date', 'dnt', 'etag', 'expires', 'from',
    'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since', 'last-modified', 'location',
    'max-forwards', 'proxy-authorization', 'range', 'referer', 'retry-after', 'tk', 'upgrade-insecure-requests', 'user-agent',
    'x-content-type-options']);

  // Node's header object -> HPACK list, validated as Node does; pseudo-headers first.
  function headerList(headers, kind) {
    const pseudo = [], regular = [];
    const sensitive = new Set((headers && headers[sensitiveHeaders]) || []);
    for (const key of Object.keys(headers || {})) {
      const value = headers[key];
      if (value === undefined) continue;
      const name = key.toLowerCase();
      if (name[0] === ':') {
        const allowed = kind === 'response' ? name === ':status' : [':method', ':authority', ':scheme', ':path', ':protocol'].includes(name);
        if (!allowed) throw typeError('ERR_HTTP2_INVALID_PSEUDOHEADER', '"' + name + '" is an invalid pseudoheader or is used incorrectly');
      } else if (!/^[\^_`a-z\-0-9!#$%&'*+.|~]+$/.test(name)) {
        throw typeError('ERR_INVALID_HTTP_TOKEN', 'Header name must be a valid HTTP token ["' + name + '"]');
      } else if (CONNECTION_HEADERS.has(name) && !(name === 'te' && String(value) === 'trailers')) {
        throw typeError('ERR_HTTP2_INVALID_CONNECTION_HEADERS', 'HTTP/1 Connection specific headers are forbidden: "' + name + '"');
      }
      const values = Array.isArray(value) ? value : [value];
      if (values.length > 1 && SINGLE_VALUE.has(name)) {
        throw typeError('ERR_HTTP2_HEADER_SINGLE_VALUE', 'Header field "' + name + '" must only have a single value');
      }
      for (const v of values) (name[0] === ':' ? pseudo : regular).push([name, String(v), sensitive.has(name) || sensitive.has(key)]);
    }
    return pseudo.concat(regular);
  }

  // HPACK list -> Node's incoming header object (null prototype, duplicates joined like Node) and raw headers.
  function incomingHeaders(list) {
    const headers = Object.create(null);
    const raw = [];
    const sens = [];
    for (const [name, v, never] of list) {
      raw.push(name, v);
      const value = name === ':status' ? v | 0 : v;
      if (never) sens.push(name);
      const prev = headers[name];
      if (prev === undefined) headers[name] = name === 'set-cookie' ? [value] : value;
      else if (name === 'set-cookie') prev.push(value);
      else if (SINGLE_VALUE.has(name)) continue;
      else headers[name] = prev + (name === 'cookie' ? '; ' : ', ') + value;
    }
    headers[sensitiveHeaders] = sens;
    return { headers, raw };
  }

  // ------------------------------------------------------------------------------------------------ settings
  const DEFAULTS = { headerTableSize: 4096, enablePush: true, initialWindowSize: 65535, maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295, maxHeaderListSize: 65535, maxHeaderSize: 65535, enableConnectProtocol: false };
  function getDefaultSettings() { return Object.assign({}, DEFAULTS); }
  function validateSettings(s) {
    if (s === null || typeof s !== 'object') throw typeError('ERR_INVALID_ARG_TYPE', 'The "settings" argument must be of type object');
    const ranges = { headerTableSize: [0, 2 ** 32 - 1], initialWindowSize: [0, MAX_WINDOW], maxFrameSize: [16384, 2 ** 24 - 1],
      maxConcurrentStreams: [0, 2 ** 32 - 1], maxHeaderListSize: [0, 2 ** 32 - 1], maxHeaderSize: [0, 2 ** 32 - 1] };
    for (const [k, [lo, hi]] of Object.entries(ranges)) {
      const v = s[k];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) {
        const e = new RangeError('Invalid value for setting "' + k + '": ' + v);
        e.code = 'ERR_HTTP2_INVALID_SETTING_VALUE';
        throw e;
      }
    }
    for (const k of ['enablePush', 'enableConnectProtocol']) {
      if (s[k] !== undefined && typeof s[k] !== 'boolean') {
        throw typeError('ERR_HTTP2_INVALID_SETTING_VALUE', 'Invalid value for setting "' + k + '": ' + s[k]);
      }
    }
  }
  function packSettings(s) {
    const parts = [];
    for (const [k, id] of Object.entries(SETTING)) {
      let v = s[k];
      if (k === 'maxHeaderListSize' && v === undefined) v = s.maxHeaderSize;
      if (v === undefined) continue;
      const b = Buffer.alloc(6);
      b.writeUInt16BE(id, 0);
      b.writeUInt32BE(typeof v === 'boolean' ? (v ? 1 : 0) : v, 2);
      parts.push(b);
    }
    return Buffer.concat(parts);
  }
  function getPackedSettings(s) { s = s || {}; validateSettings(s); return packSettings(s); }
  function getUnpackedSettings(buf) {
    if (!Buffer.isBuffer(buf) && !(buf instanceof Uint8Array)) throw typeError('ERR_INVALID_ARG_TYPE', 'The "buf" argument must be an instance of Buffer or TypedArray');
    if (buf.length % 6 !== 0) { const e = new RangeError('Packed settings length must be a multiple of six'); e.code = 'ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH'; throw e; }
    const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
    const out = {};
    for (let i = 0; i < b.length; i += 6) {
      const id = b.readUInt16BE(i), v = b.readUInt32BE(i + 2);
      const name = Object.keys(SETTING).find((k) => SETTING[k] === id);
      if (!name) continue;
      out[name] = name === 'enablePush' || name === 'enableConnectProtocol' ? v !== 0 : v;
      if (name === 'maxHeaderListSize') out.maxHeaderSize = v;
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------ sessions
  function frame(type, flags, id, payload) {
    const h = Buffer.alloc(9);
    h.writeUIntBE(payload ? payload.length : 0, 0, 3);
    h[3] = type; h[4] = flags; h.writeUInt32BE(id & 0x7fffffff, 5);
    return payload && payload.length ? Buffer.concat([h, payload]) : h;
  }
  function u32(n) { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0, 0); return b; }

  class Http2Session extends EventEmitter {
    constructor(type, options, socket) {
      super();
      this.type = type;                           // NGHTTP2_SESSION_SERVER (0) or _CLIENT (1)
      this._options = options || {};
      this.socket = socket;
      this.streams = new Map();
      this.encoder = new HpackEncoder();
      this.decoder = new HpackDecoder();
      this.localSettings = Object.assign(getDefaultSettings(), this._options.settings || {});
      if (type === 0) this.localSettings.enablePush = false;
      this.remoteSettings = getDefaultSettings();
      this.pendingSettingsAck = true;
      this._settingsCbs = [];
      this._pings = [];
      this.sendWindow = 65535;
      this.recvWindow = 65535;
      this.nextStreamId = type === 1 ? 1 : 2;
      this.lastPeerStream = 0;
      this.closed = false;
      this.destroyed = false;
      this.connecting = true;
      this.encrypted = !!(socket && socket.encrypted);
      this.alpnProtocol = this.encrypted ? 'h2' : 'h2c';
      this.originSet = undefined;
      this._buf = Buffer.alloc(0);
      this._prefaceSeen = type === 1;
      this._continuation = null;
      this._goawaySent = false;
      this._timeout = 0;
      this._timer = null;
    }
    get state() {
      return { effectiveLocalWindowSize: this.recvWindow, effectiveRecvDataLength: 0, nextStreamID: this.nextStreamId,
        localWindowSize: this.recvWindow, lastProcStreamID: this.lastPeerStream, remoteWindowSize: this.sendWindow,
        outboundQueueSize: 0, deflateDynamicTableSize: this.encoder.table.size, inflateDynamicTableSize: this.decoder.table.size };
    }
    _start() {
      const s = this.socket;
      s.on('data', (d) => this._onData(d));
      s.on('end', () => this._onSocketEnd());
      s.on('close', () => this._onSocketEnd());
      s.on('error', (e) => this.destroy(e));
      if (this.type === 1) s.write(PREFACE);
      this._settingsCbs.push(null);
      const settings = Object.assign({}, this.localSettings);
      s.write(frame(FRAME.SETTINGS, 0, 0, packSettings(settings)));
      // Node opens the connection window wide; so do we, and we replenish as data arrives.
      const bump = MAX_WINDOW - 65535;
      this.recvWindow = MAX_WINDOW;
      s.write(frame(FRAME.WINDOW_UPDATE, 0, 0, u32(bump)));
      this.connecting = false;
      for (const b of this._queued || []) s.write(b);
      this._queued = null;
      nextTick(() => { if (!this.destroyed) this.emit('connect', this, s); });
    }
    _send(buf) {
      if (this.connecting) { (this._queued || (this._queued = [])).push(buf); return; } // pings/settings before the preface
      if (!this.destroyed && this.socket && !this.socket.destroyed) this.socket.write(buf);
    }
    _touch() {
      if (!this._timeout) return;
      clearTimeout(this._timer);
      this._timer = setTimeout(() => { this.emit('timeout'); }, this._timeout);
      if (this._timer.unref) this._timer.unref();
    }
    setTimeout(ms, cb) { this._timeout = ms; if (cb) this.on('timeout', cb); this._touch(); if (!ms) clearTimeout(this._timer); }
    ref() { if (this.socket && this.socket.ref) this.socket.ref(); }
    unref() { if (this.socket && this.socket.unref) this.socket.unref(); }
    settings(settings, cb) {
      validateSettings(settings);
      if (cb !== undefined && typeof cb !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function');
      Object.assign(this.localSettings, settings);
      this.pendingSettingsAck = true;
      this._settingsCbs.push(cb || null);
      this._send(frame(FRAME.SETTINGS, 0, 0, packSettings(settings)));
    }
    ping(payload, cb) {
      if (typeof payload === 'function') { cb = payload; payload = undefined; }
      if (payload !== undefined && payload.length !== 8) {
        const e = new RangeError('HTTP2 ping payload must be 8 bytes'); e.code = 'ERR_HTTP2_PING_LENGTH'; throw e;
      }
      const data = payload ? Buffer.from(payload) : Buffer.alloc(8);
      this._pings.push({ cb: cb || (() => {}), started: process.hrtime.bigint() });
      this._send(frame(FRAME.PING, 0, 0, data));
      return true;
    }
    goaway(code = 0, lastStreamID = this.lastPeerStream, opaqueData) {
      const extra = opaqueData ? Buffer.from(opaqueData) : Buffer.alloc(0);
      this._goawaySent = true;
      this._send(frame(FRAME.GOAWAY, 0, 0, Buffer.concat([u32(lastStreamID), u32(code), extra])));
    }
    setLocalWindowSize(size) {
      const delta = size - this.recvWindow;
      if (delta > 0) this._send(frame(FRAME.WINDOW_UPDATE, 0, 0, u32(delta)));
      this.recvWindow = size;
    }
    close(cb) {
      if (this.closed || this.destroyed) { if (cb) nextTick(cb); return; }
      this.closed = true;
      if (cb) this.once('close', cb);
      if (!this._goawaySent) this.goaway(0, this.lastPeerStream);
      this._maybeFinish();
    }
    _maybeFinish() { if (this.closed && this.streams.size === 0) this.destroy(); }
    destroy(error, code) {
      if (this.destroyed) return;
      if (typeof error === 'number') { code = error; error = undefined; }
      this.destroyed = true;
      this.closed = true;
      clearTimeout(this._timer);
      const rst = code === undefined ? ERR.NO_ERROR : code;
      for (const st of [...this.streams.values()]) st._abort(error || (rst ? streamError(rst) : null), rst);
      if (code !== undefined && code !== 0 && !this._goawaySent && this.socket && !this.socket.destroyed) {
        this._goawaySent = true;
        this.socket.write(frame(FRAME.GOAWAY, 0, 0, Buffer.concat([u32(this.lastPeerStream), u32(code)])));
      }
      // end() first so a GOAWAY still queued reaches the peer before the socket goes.
      if (this.socket && !this.socket.destroyed) { const s = this.socket; s.end(() => s.destroy()); }
      nextTick(() => {
        if (error) this.emit('error', error);
        this.emit('close');
      });
    }
    _onSocketEnd() {
      if (this.destroyed) return;
      this.destroy();
    }
    _protocolError(message, code = ERR.PROTOCOL_ERROR) {
      if (typeof process !== 'undefined' && process.env.H2DEBUG) console.error('h2 protocol error (' + (this.type ? 'client' : 'server') + '):', message);
      const e = h2Error('ERR_HTTP2_ERROR', message);
      this.destroy(e, code);
    }
    _onData(chunk) {
      this._touch();
      this._buf = this._buf.length ? Buffer.concat([this._buf, chunk]) : chunk;
      if (!this._prefaceSeen) {
        if (this._buf.length < PREFACE.length) {
          if (!PREFACE.subarray(0, this._buf.length).equals(this._buf)) this._badPreface();
          return;
        }
        if (!this._buf.subarray(0, PREFACE.length).equals(PREFACE)) { this._badPreface(); return; }
        this._prefaceSeen = true;
        this._buf = this._buf.subarray(PREFACE.length);
      }
      while (this._buf.length >= 9 && !this.destroyed) {
        const len = this._buf.readUIntBE(0, 3);
        if (len > this.localSettings.maxFrameSize) { this._protocolError('frame of ' + len + ' bytes exceeds the maximum frame size', ERR.FRAME_SIZE_ERROR); return; }
        if (this._buf.length < 9 + len) break;
        const type = this._buf[3], flags = this._buf[4], id = this._buf.readUInt32BE(5) & 0x7fffffff;
        const payload = this._buf.subarray(9, 9 + len);
        this._buf = this._buf.subarray(9 + len);
        try {
          this._onFrame(type, flags, id, payload);
        } catch (e) {
          if (!(e instanceof PeerError)) throw e;
          this._protocolError(e.message, e.h2code);
          return;
        }
      }
    }
    _badPreface() {
      if (this.emit('unknownProtocol', this.socket)) return;
      this._protocolError('the client did not send the HTTP/2 connection preface');
    }
    _unpad(flags, payload) {
      if (!(flags & FLAG.PADDED)) return payload;
      const pad = payload[0];
      if (pad >= payload.length) throw new PeerError('padding exceeds the frame');
      return payload.subarray(1, payload.length - pad);
    }
    _onFrame(type, flags, id, payload) {
      if (this._continuation && type !== FRAME.CONTINUATION) throw new PeerError('expected CONTINUATION');
      switch (type) {
        case FRAME.DATA: return this._onDataFrame(flags, id, payload);
        case FRAME.HEADERS: {
          let p = this._unpad(flags, payload);
          if (flags & FLAG.PRIORITY) p = p.subarray(5);
          this._continuation = { id, flags, blocks: [p] };
          if (flags & FLAG.END_HEADERS) this._endHeaders();
          return;
        }
        case FRAME.CONTINUATION:
          if (!this._continuation || this._continuation.id !== id) throw new PeerError('unexpected CONTINUATION');
          this._continuation.blocks.push(payload);
          if (flags & FLAG.END_HEADERS) this._endHeaders();
          return;
        case FRAME.PRIORITY: return;
        case FRAME.RST_STREAM: {
          const st = this.streams.get(id);
          if (st) st._onReset(payload.readUInt32BE(0));
          return;
        }
        case FRAME.SETTINGS: return this._onSettings(flags, payload);
        case FRAME.PUSH_PROMISE: {
          // We never enable push as a client we expose; refuse the promised stream.
          const p = this._unpad(flags, payload);
          const promised = p.readUInt32BE(0) & 0x7fffffff;
          this._continuation = { id, flags: flags | 0x100, blocks: [p.subarray(4)], promised };
          if (flags & FLAG.END_HEADERS) this._endHeaders();
          return;
        }
        case FRAME.PING:
          if (flags & FLAG.ACK) {
            const p = this._pings.shift();
            if (p) { const ms = Number(process.hrtime.bigint() - p.started) / 1e6; p.cb(null, ms, Buffer.from(payload)); }
          } else {
            this._send(frame(FRAME.PING, FLAG.ACK, 0, payload));
            this.emit('ping', Buffer.from(payload));
          }
          return;
        case FRAME.GOAWAY: {
          const last = payload.readUInt32BE(0) & 0x7fffffff, code = payload.readUInt32BE(4);
          const opaque = Buffer.from(payload.subarray(8));
          this.emit('goaway', code, last, opaque);
          for (const [sid, st] of this.streams) if (sid > last && this._isLocal(sid)) st._onReset(ERR.REFUSED_STREAM);
          if (code !== ERR.NO_ERROR) {
            this.destroy(h2Error('ERR_HTTP2_SESSION_ERROR', 'Session closed with error code ' + code), code);
          } else {
            this.closed = true;
            this._maybeFinish();
          }
          return;
        }
        case FRAME.WINDOW_UPDATE: {
          const inc = payload.readUInt32BE(0) & 0x7fffffff;
          if (id === 0) {
            this.sendWindow += inc;
            for (const st of this.streams.values()) st._flush();
          } else {
            const st = this.streams.get(id);
            if (st) { st.sendWindow += inc; st._flush(); }
          }
          return;
        }
        default: return; // unknown frame types are ignored (RFC 9113 §4.1)
      }
    }
    _isLocal(id) { return (id % 2 === 1) === (this.type === 1); }
    _onSettings(flags, payload) {
      if (flags & FLAG.ACK) {
        const cb = this._settingsCbs.shift();
        this.pendingSettingsAck = this._settingsCbs.length > 0;
        this.emit('localSettings', Object.assign({}, this.localSettings));
        if (cb) cb(null, Object.assign({}, this.localSettings), 0);
        return;
      }
      if (payload.length % 6) throw new PeerError('SETTINGS payload is not a multiple of 6');
      const s = getUnpackedSettings(payload);
      if (s.initialWindowSize !== undefined) {
        const delta = s.initialWindowSize - this.remoteSettings.initialWindowSize;
        for (const st of this.streams.values()) st.sendWindow += delta;
      }
      if (s.headerTableSize !== undefined) this.encoder.setMaxSize(s.headerTableSize);
      Object.assign(this.remoteSettings, s);
      this._send(frame(FRAME.SETTINGS, FLAG.ACK, 0));
      this.emit('remoteSettings', Object.assign({}, this.remoteSettings));
      for (const st of this.streams.values()) st._flush();
    }
    _onDataFrame(flags, id, payload) {
      const st = this.streams.get(id);
      this.recvWindow -= payload.length;
      if (this.recvWindow < MAX_WINDOW / 2) {
        this._send(frame(FRAME.WINDOW_UPDATE, 0, 0, u32(MAX_WINDOW - this.recvWindow)));
        this.recvWindow = MAX_WINDOW;
      }
      if (!st) {
        if (id === 0) throw new PeerError('DATA on stream 0');
        this._send(frame(FRAME.RST_STREAM, 0, id, u32(ERR.STREAM_CLOSED)));
        return;
      }
      st._onData(this._unpad(flags, payload), payload.length, (flags & FLAG.END_STREAM) !== 0);
    }
    _endHeaders() {
      const c = this._continuation;
      this._continuation = null;
      const list = this.decoder.decode(Buffer.concat(c.blocks));
      const size = list.reduce((n, [k, v]) => n + k.length + v.length + 32, 0);
      const { headers, raw } = incomingHeaders(list);
      if (c.promised !== undefined) { this._send(frame(FRAME.RST_STREAM, 0, c.promised, u32(ERR.REFUSED_STREAM))); return; }
      const endStream = (c.flags & FLAG.END_STREAM) !== 0;
      let st = this.streams.get(c.id);
      if (!st) {
        if (this.type === 1 || c.id % 2 === 0) { this._send(frame(FRAME.RST_STREAM, 0, c.id, u32(ERR.PROTOCOL_ERROR))); return; }
        if (c.id <= this.lastPeerStream) throw new PeerError('stream id ' + c.id + ' reused');
        this.lastPeerStream = c.id;
        if (this.closed) { this._send(frame(FRAME.RST_STREAM, 0, c.id, u32(ERR.REFUSED_STREAM))); return; }
        if (size > this.localSettings.maxHeaderListSize) {
          this._send(frame(FRAME.RST_STREAM, 0, c.id, u32(ERR.ENHANCE_YOUR_CALM)));
          return;
        }
        st = new ServerHttp2Stream(this, c.id, headers);
        this.streams.set(c.id, st);
        st._remoteHeaders(headers, c.flags, raw, endStream);
        return;
      }
      st._remoteHeaders(headers, c.flags, raw, endStream);
    }
  }

  // ------------------------------------------------------------------------------------------------ streams
  class Http2Stream extends Duplex {
    constructor(session, id, options) {
      super(Object.assign({ allowHalfOpen: true, decodeStrings: false, autoDestroy: false }, options || {}));
      this.session = session;
      this.id = id;
      this.sendWindow = session ? session.remoteSettings.initialWindowSize : 65535;
      this.rstCode = undefined;
      this.sentHeaders = undefined;
      this.sentTrailers = undefined;
      this.sentInfoHeaders = undefined;
      this.headersSent = false;
      this.aborted = false;
      this.endAfterHeaders = false;
      this._pending = [];            // [buffer, callback] waiting for window
      this._localEnded = false;
      this._remoteEnded = false;
      this._unread = 0;
      this._waitForTrailers = false;
      this._timeout = 0;
      this._timer = null;
      this.on('finish', () => this._sendEnd());
    }
    get pending() { return this.id === undefined; }
    get closed() { return this.rstCode !== undefined || (this._localEnded && this._remoteEnded); }
    get bufferSize() { return this._pending.reduce((n, [b]) => n + b.length, 0) + this.writableLength; }
    get state() {
      const s = this._localEnded && this._remoteEnded ? 7 : this._localEnded ? 5 : this._remoteEnded ? 6 : 2;
      return { localWindowSize: 65535, state: s, localClose: this._localEnded ? 1 : 0, remoteClose: this._remoteEnded ? 1 : 0,
        sumDependencyWeight: 0, weight: 16 };
    }
    setTimeout(ms, cb) {
      this._timeout = ms;
      if (cb) this.on('timeout', cb);
      clearTimeout(this._timer);
      if (ms) { this._timer = setTimeout(() => this.emit('timeout'), ms); if (this._timer.unref) this._timer.unref(); }
      return this;
    }
    priority() {}
    _headersFrame(list, endStream) {
      const block = this.session.encoder.encode(list);
      const max = this.session.remoteSettings.maxFrameSize;
      const frames = [];
      for (let off = 0, first = true; first || off < block.length; first = false) {
        const part = block.subarray(off, off + max);
        off += part.length;
        const last = off >= block.length;
        const flags = (last ? FLAG.END_HEADERS : 0) | (first && endStream ? FLAG.END_STREAM : 0);
        frames.push(frame(first ? FRAME.HEADERS : FRAME.CONTINUATION, flags, this.id, part));
      }
      this.session._send(Buffer.concat(frames));
      this._headersOut = true;
      if (endStream) this._markLocalEnd();
    }
    _write(chunk, encoding, cb) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding);
      if (this.rstCode !== undefined) { cb(streamError(this.rstCode)); return; }
      this._pending.push([b, cb]);
      this._flush();
    }
    _final(cb) { this._finalCb = cb; this._flush(); }
    _flush() {
      if (this.id === undefined || !this.session || this.session.destroyed || !this._canSendData()) return;
      const s = this.session;
      while (this._pending.length) {
        const [buf, cb] = this._pending[0];
        const room = Math.min(this.sendWindow, s.sendWindow, s.remoteSettings.maxFrameSize);
        if (room <= 0 && buf.length) return;
        const n = Math.min(room, buf.length);
        const part = buf.subarray(0, n);
        s._send(frame(FRAME.DATA, 0, this.id, part));
        this.sendWindow -= n; s.sendWindow -= n;
        if (n === buf.length) { this._pending.shift(); cb(); } else this._pending[0][0] = buf.subarray(n);
      }
      if (this._finalCb) { const cb = this._finalCb; this._finalCb = null; cb(); }
    }
    _canSendData() { return this._headersOut === true; }
    _sendEnd() {
      if (this._localEnded || this.rstCode !== undefined || !this.session) return;
      if (!this._headersOut) { this.once('ready', () => this._sendEnd()); return; }
      if (this._waitForTrailers) { this._waitForTrailers = false; this.emit('wantTrailers'); return; } // sendTrailers() ends it
      this.session._send(frame(FRAME.DATA, FLAG.END_STREAM, this.id));
      this._markLocalEnd();
    }
    sendTrailers(headers) {
      if (this.destroyed || this.closed) throw h2Error('ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed');
      if (this.sentTrailers) throw h2Error('ERR_HTTP2_TRAILERS_ALREADY_SENT', 'Trailing headers have already been sent');
      const list = headerList(headers, 'trailers');
      this.sentTrailers = headers;
      if (list.length === 0) { this.session._send(frame(FRAME.DATA, FLAG.END_STREAM, this.id)); this._markLocalEnd(); return; }
      this._headersFrame(list, true);
    }
    _markLocalEnd() { this._localEnded = true; this._maybeClose(); }
    _onData(data, flowBytes, end) {
      this._touch();
      if (data.length) {
        this._unread += flowBytes;
        if (!this.push(Buffer.from(data))) this._stalled = true;
        else this._ack();
      } else if (flowBytes) this._ackBytes(flowBytes);
      if (end) this._onRemoteEnd();
    }
    _ack() { if (this._unread) { this._ackBytes(this._unread); this._unread = 0; } }
    _ackBytes(n) { if (!this._remoteEnded && this.session) this.session._send(frame(FRAME.WINDOW_UPDATE, 0, this.id, u32(n))); }
    _read() { this._didRead = true; if (this._stalled) { this._stalled = false; this._ack(); } }
    _touch() { if (this._timeout) this.setTimeout(this._timeout); }
    _onRemoteEnd() {
      if (this._remoteEnded) return;
      this._remoteEnded = true;
      this.push(null);
      this._maybeClose();
    }
    _remoteHeaders(headers, flags, raw, endStream) {
      if (this._gotHeaders && !this._informational) {
        this.emit('trailers', headers, flags, raw);
        if (endStream) this._onRemoteEnd();
        else this.session._protocolError('trailers without END_STREAM');
        return;
      }
      this._onHeaders(headers, flags, raw, endStream);
      if (endStream) this._onRemoteEnd();
    }
    _maybeClose() {
      if (!(this._localEnded && this._remoteEnded) || this._closing) return;
      this._closing = true;
      // Like Node: the stream closes once its readable side has been consumed; a server stream nobody reads is drained.
      if (this.readableEnded) { nextTick(() => this._finish(0)); return; }
      this.once('end', () => this._finish(0));
      if (this.session && this.session.type === 0 && !this._didRead && this.readableFlowing === null) this.resume();
      else this.read(0);
    }
    _finish(code) {
      if (this._finished) return;
      this._finished = true;
      if (this.rstCode === undefined) this.rstCode = code;
      clearTimeout(this._timer);
      if (this.session) { this.session.streams.delete(this.id); this.session._maybeFinish(); }
      this.destroy();
    }
    close(code = ERR.NO_ERROR, cb) {
      if (typeof code !== 'number' || code < 0 || code > 2 ** 32 - 1) {
        const e = new RangeError('Invalid code: ' + code); e.code = 'ERR_OUT_OF_RANGE'; throw e;
      }
      if (cb !== undefined && typeof cb !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function');
      if (cb) this.once('close', cb);
      if (this.rstCode !== undefined || this._finished) return;
      this.rstCode = code;
      if (this.id !== undefined && this.session) this.session._send(frame(FRAME.RST_STREAM, 0, this.id, u32(code)));
      this._pending.forEach(([, c]) => c(streamError(code)));
      this._pending = [];
      this._localEnded = true;
      if (!this._remoteEnded) { this._remoteEnded = true; this.push(null); }
      this._finish(code);
    }
    _onReset(code) {
      if (this._finished) return;
      this.rstCode = code;
      this._localEnded = this._remoteEnded = true;
      this._pending.forEach(([, c]) => c(streamError(code)));
      this._pending = [];
      this.aborted = !this.writableFinished || !this.readableEnded;
      if (this.aborted && code !== ERR.NO_ERROR) this.emit('aborted');
      if (code !== ERR.NO_ERROR && code !== ERR.CANCEL) {
        this._finished = true;
        if (this.session) { this.session.streams.delete(this.id); this.session._maybeFinish(); }
        this.destroy(streamError(code));
        return;
      }
      this.push(null);
      this._finish(code);
    }
    _abort(error, code) {
      if (this._finished) return;
      this.rstCode = this.rstCode === undefined ? code : this.rstCode;
      this._finished = true;
      this._pending.forEach(([, c]) => c(error || streamError(code)));
      this._pending = [];
      if (this.session) this.session.streams.delete(this.id);
      this.destroy(error || undefined);
    }
    _destroy(err, cb) {
      if (!this._finished && this.session && this.id !== undefined) {
        const code = err ? ERR.INTERNAL_ERROR : ERR.CANCEL;
        if (this.rstCode === undefined) this.rstCode = code;
        this._finished = true;
        if (!this.session.destroyed) this.session._send(frame(FRAME.RST_STREAM, 0, this.id, u32(this.rstCode)));
        this.session.streams.delete(this.id);
        this.session._maybeFinish();
      }
      clearTimeout(this._timer);
      cb(err);
    }
  }

  class ClientHttp2Stream extends Http2Stream {
    _onHeaders(headers, flags, raw, endStream) {
      const status = Number(headers[':status']);
      if (status >= 100 && status < 200) { this._informational = true; this.emit('headers', headers, flags, raw); return; }
      this._informational = false;
      this._gotHeaders = true;
      this.endAfterHeaders = endStream;
      this.emit('response', headers, flags, raw);
    }
  }

  class ServerHttp2Stream extends Http2Stream {
    constructor(session, id) {
      super(session, id);
      this.pushAllowed = false;
      this._gotHeaders = false;
    }
    _onHeaders(headers, flags, raw, endStream) {
      this._gotHeaders = true;
      this._head = headers[':method'] === 'HEAD';
      this.endAfterHeaders = endStream;
      this.session.emit('stream', this, headers, flags, raw);
    }
    _checkRespond() {
      if (this.destroyed || this.closed) throw h2Error('ERR_HTTP2_INVALID_STREAM', 'The stream has been destroyed');
      if (this.headersSent) throw h2Error('ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.');
    }
    _responseList(headers) {
      headers = Object.assign(Object.create(null), headers || {});
      for (const k of Object.keys(headers)) if (k !== k.toLowerCase()) { headers[k.toLowerCase()] = headers[k]; delete headers[k]; }
      if (headers[':status'] === undefined) headers[':status'] = 200;
      const status = Number(headers[':status']);
      if (!Number.isInteger(status) || status < 200 || status > 599) {
        const e = new RangeError('Invalid status code: ' + headers[':status']); e.code = 'ERR_HTTP2_STATUS_INVALID'; throw e;
      }
      if (headers.date === undefined && this.session._options.sendDate !== false) headers.date = new Date().toUTCString();
      return { headers, list: headerList(headers, 'response'), status };
    }
    respond(headers, options) {
      this._checkRespond();
      options = options || {};
      const { headers: h, list, status } = this._responseList(headers);
      const endStream = !!options.endStream || status === 204 || status === 304 || this._head;
      this.headersSent = true;
      this.sentHeaders = h;
      this._waitForTrailers = !!options.waitForTrailers && !endStream;
      this._headersFrame(list, endStream);
      if (endStream) { this._localEnded = true; this.end(); this._maybeClose(); }
      this._flush();
    }
    additionalHeaders(headers) {
      if (this.headersSent) throw h2Error('ERR_HTTP2_HEADERS_AFTER_RESPOND', 'Cannot specify additional headers after response initiated');
      const status = Number(headers && headers[':status']);
      if (!(status >= 100 && status < 200)) {
        const e = new RangeError('Invalid informational status code: ' + (headers && headers[':status'])); e.code = 'ERR_HTTP2_INVALID_INFO_STATUS'; throw e;
      }
      this.sentInfoHeaders = (this.sentInfoHeaders || []).concat([headers]);
      this._headersFrame(headerList(headers, 'response'), false);
    }
    respondWithFD(fd, headers, options) {
      this.respondWithFile(null, headers, Object.assign({}, options, { fd }));
    }
    respondWithFile(path, headers, options) {
      this._checkRespond();
      options = options || {};
      const fs = deps.fs;
      let data;
      try {
        if (options.fd !== undefined) {
          const chunks = [];
          const buf = Buffer.alloc(65536);
          let pos = options.offset || 0, n;
          while ((n = fs.readSync(typeof options.fd === 'object' ? options.fd.fd : options.fd, buf, 0, buf.length, pos)) > 0) { chunks.push(Buffer.from(buf.subarray(0, n))); pos += n; }
          data = Buffer.concat(chunks);
        } else {
          const st = fs.statSync(path);
          if (st.isDirectory()) { const e = new Error('EISDIR: illegal operation on a directory'); e.code = 'ERR_HTTP2_SEND_FILE'; throw e; }
          data = fs.readFileSync(path);
          if (options.offset) data = data.subarray(options.offset);
        }
        if (options.length !== undefined && options.length >= 0) data = data.subarray(0, options.length);
      } catch (e) {
        if (typeof options.onError === 'function') { options.onError(e); return; }
        throw e;
      }
      headers = Object.assign({}, headers);
      if (options.statCheck) options.statCheck({ size: data.length }, headers, options);
      if (headers['content-length'] === undefined) headers['content-length'] = data.length;
      this.respond(headers, { waitForTrailers: options.waitForTrailers });
      this.end(data);
    }
    pushStream(headers, options, cb) {
      if (typeof options === 'function') { cb = options; options = {}; }
      const err = h2Error('ERR_HTTP2_PUSH_DISABLED', 'HTTP/2 client has disabled push streams');
      if (cb) nextTick(cb, err); else throw err;
    }
    // Writing before respond() responds 200 first, as Node does.
    _write(chunk, encoding, cb) { if (!this.headersSent && !this.destroyed) this.respond(); super._write(chunk, encoding, cb); }
    _final(cb) { if (!this.headersSent && !this.destroyed) this.respond(); super._final(cb); }
  }

  // ------------------------------------------------------------------------------------------------ client
  class ClientHttp2Session extends Http2Session {
    constructor(options, socket, authority) {
      super(1, options, socket);
      this._authority = authority;
    }
    request(headers, options) {
      if (this.destroyed) throw h2Error('ERR_HTTP2_INVALID_SESSION', 'The session has been destroyed');
      if (this.closed) throw h2Error('ERR_HTTP2_GOAWAY_SESSION', 'New streams cannot be created after receiving a GOAWAY');
      if (headers !== undefined && (headers === null || typeof headers !== 'object')) {
        throw typeError('ERR_INVALID_ARG_TYPE', 'The "headers" argument must be of type object');
      }
      options = Object.assign({}, options || {});
      headers = Object.assign(Object.create(null), headers || {});
      for (const k of Object.keys(headers)) if (k !== k.toLowerCase()) { headers[k.toLowerCase()] = headers[k]; delete headers[k]; }
      if (headers[':method'] === undefined) headers[':method'] = 'GET';
      const method = String(headers[':method']).toUpperCase();
      if (method !== 'CONNECT' || headers[':protocol'] !== undefined) {
        if (headers[':authority'] === undefined) headers[':authority'] = this._authority.host;
        if (headers[':scheme'] === undefined) headers[':scheme'] = this._authority.protocol.replace(':', '');
        if (headers[':path'] === undefined) headers[':path'] = '/';
      } else if (headers[':authority'] === undefined) {
        throw typeError('ERR_HTTP2_CONNECT_AUTHORITY', ':authority header is required for CONNECT requests');
      }
      const list = headerList(headers, 'request');
      if (options.endStream === undefined) options.endStream = kNoPayload.has(method);
      const stream = new ClientHttp2Stream(this, this.nextStreamId);
      this.nextStreamId += 2;
      this.streams.set(stream.id, stream);
      stream.sentHeaders = headers;
      stream.headersSent = true;
      stream._waitForTrailers = !!options.waitForTrailers;
      if (options.signal) {
        const abort = () => stream.destroy(Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' }));
        if (options.signal.aborted) nextTick(abort); else options.signal.addEventListener('abort', abort, { once: true });
      }
      const send = () => {
        if (stream.destroyed) return;
        stream._headersFrame(list, options.endStream);
        if (options.endStream) stream.end();
        stream.emit('ready');
        stream._flush();
      };
      if (this.connecting) {
        // One 'connect' listener for all requests made before the session connects (Node's kPendingRequestCalls).
        if (this._pendingRequests) this._pendingRequests.push(send);
        else {
          this._pendingRequests = [send];
          this.once('connect', () => { const calls = this._pendingRequests; this._pendingRequests = null; for (const f of calls) f(); });
        }
      } else nextTick(send);
      return stream;
    }
  }

  function connect(authority, options, listener) {
    if (typeof options === 'function') { listener = options; options = undefined; }
    options = Object.assign({}, options || {});
    const url = typeof authority === 'string' ? new URL(authority) : authority instanceof URL ? authority
      : new URL((authority.protocol || 'http:') + '//' + (authority.hostname || authority.host || 'localhost') + (authority.port ? ':' + authority.port : ''));
    const protocol = url.protocol;
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw typeError('ERR_HTTP2_UNSUPPORTED_PROTOCOL', 'protocol "' + protocol + '" is unsupported.');
    }
    const host = url.hostname.replace(/^\[|\]$/g, '') || 'localhost';
    const port = Number(url.port) || (protocol === 'https:' ? 443 : 80);
    let socket;
    const ownTls = typeof options.createConnection !== 'function' && protocol === 'https:';
    if (typeof options.createConnection === 'function') socket = options.createConnection(url, options);
    else if (protocol === 'https:') socket = tls.connect(Object.assign({}, options, { host, port, servername: options.servername || host, ALPNProtocols: ['h2'] }));
    else socket = net.connect({ host: options.host || host, port, localAddress: options.localAddress, family: options.family, lookup: options.lookup });
    const session = new ClientHttp2Session(options, socket, { host: url.host, protocol });
    if (listener) session.once('connect', listener);
    const ready = socket.encrypted ? 'secureConnect' : 'connect';
    const start = () => {
      if (socket.encrypted) {
        session.encrypted = true;
        session.alpnProtocol = socket.alpnProtocol || 'h2';
        if (ownTls && socket.alpnProtocol !== 'h2') {
          session.destroy(h2Error('ERR_HTTP2_ERROR', 'the server did not negotiate h2 in TLS ALPN (it chose ' + (socket.alpnProtocol || 'nothing') + ')'));
          return;
        }
      }
      session._start();
    };
    if (socket.connecting || (socket.encrypted && socket.secureConnecting)) socket.once(ready, start);
    else nextTick(start);
    socket.once('error', (e) => { if (session.connecting) session.destroy(e); });
    return session;
  }

  // ------------------------------------------------------------------------------------------------ server
  class Http2Server extends net.Server {
    constructor(options, handler) {
      if (typeof options === 'function') { handler = options; options = {}; }
      options = Object.assign({}, options || {});
      if (options.settings) validateSettings(options.settings);
      super({ allowHalfOpen: true });
      this._h2options = options;
      this.timeout = 0;
      this._sessions = new Set();
      if (handler) this.on('request', handler);
      this.on('connection', (socket) => this._serve(socket));
    }
    _serve(socket) {
      const session = new ServerHttp2Session(this._h2options, socket, this);
      this._sessions.add(session);
      session.on('close', () => this._sessions.delete(session));
      session.on('error', (e) => { if (!this.emit('sessionError', e, session)) { /* Node drops the session quietly */ } });
      session.on('stream', (stream, headers, flags, raw) => this._onStream(stream, headers, flags, raw));
      if (this.timeout) session.setTimeout(this.timeout, () => { if (!this.emit('timeout', session)) session.destroy(); });
      session._start();
      this.emit('session', session);
    }
    _onStream(stream, headers, flags, raw) {
      if (this.listenerCount('stream')) this.emit('stream', stream, headers, flags, raw);
      if (this.listenerCount('request')) {
        const req = new Http2ServerRequest(stream, headers, undefined, raw);
        const res = new Http2ServerResponse(stream);
        stream.__req = req;
        if (headers.expect === '100-continue') {
          if (this.listenerCount('checkContinue')) { this.emit('checkContinue', req, res); return; }
          stream.additionalHeaders({ ':status': 100 });
        }
        this.emit('request', req, res);
      }
    }
    setTimeout(ms, cb) { this.timeout = ms; if (cb) this.on('timeout', cb); for (const s of this._sessions) s.setTimeout(ms); return this; }
    updateSettings(settings) { validateSettings(settings); this._h2options.settings = Object.assign({}, this._h2options.settings, settings); }
    close(cb) {
      super.close(cb);
      for (const s of this._sessions) s.close();
      return this;
    }
  }

  class ServerHttp2Session extends Http2Session {
    constructor(options, socket, server) {
      super(0, options, socket);
      this.server = server;
    }
    altsvc() {}
    origin() {}
  }

  function createServer(options, handler) { return new Http2Server(options, handler); }
  // h2 over TLS: tls.Server's handshake (ALPN h2, and http/1.1 too with allowHTTP1), then the same sessions.
  class Http2SecureServer extends tls.Server {
    constructor(options, handler) {
      if (typeof options === 'function') { handler = options; options = {}; }
      options = Object.assign({}, options || {});
      if (options.settings) validateSettings(options.settings);
      if (options.ALPNProtocols === undefined && options.ALPNCallback === undefined) {
        options.ALPNProtocols = options.allowHTTP1 ? ['h2', 'http/1.1'] : ['h2'];
      }
      super(Object.assign({ allowHalfOpen: true }, options));
      this._h2options = options;
      this.timeout = 0;
      this._sessions = new Set();
      if (handler) this.on('request', handler);
      this.on('secureConnection', (socket) => {
        if (socket.alpnProtocol === 'h2' || (socket.alpnProtocol === false && !options.allowHTTP1)) { this._serve(socket); return; }
        if (options.allowHTTP1 && deps.serveHttp1) { deps.serveHttp1(this, socket); return; }
        if (!this.emit('unknownProtocol', socket)) socket.destroy();
      });
    }
  }
  for (const k of ['_serve', '_onStream', 'setTimeout', 'updateSettings', 'close']) {
    Object.defineProperty(Http2SecureServer.prototype, k, Object.getOwnPropertyDescriptor(Http2Server.prototype, k));
  }
  function createSecureServer(options, handler) { return new Http2SecureServer(options, handler); }

  // ------------------------------------------------------------------------------------------------ compatibility API
  class Http2ServerRequest extends Readable {
    constructor(stream, headers, options, rawHeaders) {
      super({ autoDestroy: false });
      this.stream = stream;
      this.headers = headers;
      this.rawHeaders = rawHeaders || [];
      this.trailers = {};
      this.rawTrailers = [];
      this.complete = false;
      this.aborted = false;
      stream.on('trailers', (t, f, raw) => { this.trailers = t; this.rawTrailers = raw; });
      stream.on('data', (d) => { if (!this.push(d)) stream.pause(); });
      stream.on('end', () => { this.complete = true; this.push(null); });
      stream.on('aborted', () => { this.aborted = true; this.emit('aborted'); });
      stream.on('close', () => { if (!this.complete) this.aborted = true; this.emit('close'); });
      stream.on('error', () => {});
    }
    _read() { this.stream.resume(); }
    get method() { return this.headers[':method']; }
    get authority() { return this.headers[':authority']; }
    get scheme() { return this.headers[':scheme']; }
    get url() { return this.headers[':path']; }
    set url(v) { this.headers[':path'] = v; }
    get httpVersion() { return '2.0'; }
    get httpVersionMajor() { return 2; }
    get httpVersionMinor() { return 0; }
    get socket() { return this.stream.session && this.stream.session.socket; }
    get connection() { return this.socket; }
    setTimeout(ms, cb) { this.stream.setTimeout(ms, cb); return this; }
  }

  function headerName(name) {
    if (typeof name !== 'string') throw errInvalidArgType('name', 'of type string', name);
    return name.trim().toLowerCase();
  }

  class Http2ServerResponse extends Stream {
    constructor(stream) {
      super();
      this.stream = stream;
      this.statusCode = 200;
      this.sendDate = true;
      this._headers = Object.create(null);
      this._trailers = null;
      this.writable = true;
      this.finished = false;
      stream.on('drain', () => this.emit('drain'));
      stream.on('close', () => { this.writable = false; this.emit('close'); });
      stream.on('finish', () => this.emit('finish'));
      stream.on('wantTrailers', () => { this._trailers ? stream.sendTrailers(this._trailers) : stream.sendTrailers({}); });
      stream.on('error', () => {});
    }
    get req() { return this.stream && this.stream.__req; }
    get socket() { return this.stream.session && this.stream.session.socket; }
    get connection() { return this.socket; }
    get headersSent() { return this.stream.headersSent; }
    get writableEnded() { return this.finished; }
    get statusMessage() { return ''; }
    set statusMessage(v) {}
    setHeader(name, value) {
      if (this.headersSent) throw h2Error('ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.');
      name = headerName(name);
      if (name[0] === ':') throw typeError('ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED', 'Cannot set HTTP/2 pseudo-headers');
      if (CONNECTION_HEADERS.has(name) && !(name === 'te' && value === 'trailers')) {
        process.emitWarning('The provided connection header is not valid, the value will be dropped from the header and will never be in use.', 'UnsupportedWarning');
        return this;
      }
      this._headers[name] = value;
      return this;
    }
    appendHeader(name, value) {
      name = headerName(name);
      const prev = this._headers[name];
      this._headers[name] = prev === undefined ? value : [].concat(prev, value);
      return this;
    }
    getHeader(name) { return this._headers[headerName(name)]; }
    getHeaders() { return Object.assign(Object.create(null), this._headers); }
    getHeaderNames() { return Object.keys(this._headers); }
    hasHeader(name) { return headerName(name) in this._headers; }
    removeHeader(name) {
      name = headerName(name);
      if (this.headersSent) throw h2Error('ERR_HTTP2_HEADERS_SENT', 'Response has already been initiated.');
      delete this._headers[name];
    }
    addTrailers(t) { this._trailers = Object.assign(this._trailers || {}, t); }
    setTrailer(name, value) { this.addTrailers({ [name]: value }); }
    writeHead(statusCode, statusMessage, headers) {
      if (typeof statusMessage === 'object') headers = statusMessage;
      if (this.headersSent) return this;
      if (headers) {
        if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
        else for (const k of Object.keys(headers)) this.setHeader(k, headers[k]);
      }
      this.statusCode = statusCode;
      this._respond();
      return this;
    }
    writeContinue() { this.stream.additionalHeaders({ ':status': 100 }); }
    writeEarlyHints(hints) { this.stream.additionalHeaders(Object.assign({ ':status': 103 }, hints)); }
    _respond() {
      if (this.stream.headersSent || this.stream.destroyed) return;
      const h = Object.assign({}, this._headers, { ':status': this.statusCode });
      if (!this.sendDate) h.date = undefined;
      this.stream.respond(h, { waitForTrailers: true });
    }
    write(chunk, encoding, cb) {
      if (this.finished) {
        const e = h2Error('ERR_STREAM_WRITE_AFTER_END', 'write after end');
        if (typeof encoding === 'function') nextTick(encoding, e); else if (cb) nextTick(cb, e);
        return false;
      }
      this._respond();
      return this.stream.write(chunk, encoding, cb);
    }
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      else if (typeof encoding === 'function') { cb = encoding; encoding = undefined; }
      if (this.finished) { if (cb) nextTick(cb); return this; }
      this.finished = true;
      this._respond();
      if (chunk !== undefined && chunk !== null) this.stream.end(chunk, encoding, cb); else this.stream.end(cb);
      return this;
    }
    setTimeout(ms, cb) { this.stream.setTimeout(ms, cb); return this; }
    createPushResponse(headers, cb) { this.stream.pushStream(headers, {}, cb); }
  }

  function performServerHandshake(socket, options) {
    const session = new ServerHttp2Session(options || {}, socket, null);
    session._start();
    return session;
  }

  return { connect, createServer, createSecureServer, constants, getDefaultSettings, getPackedSettings, getUnpackedSettings,
    sensitiveHeaders, Http2ServerRequest, Http2ServerResponse, performServerHandshake,
    // for the runtime's own tests
    _hpack: { HpackEncoder, HpackDecoder, huffmanEncode, huffmanDecode } };
})
