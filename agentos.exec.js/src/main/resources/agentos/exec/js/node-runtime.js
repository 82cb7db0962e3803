// The Node.js-compatible runtime of a `node` process in an Agent OS VM. Evaluated once per context; returns
// a function that takes the host bridge (the kernel's syscalls, see Host.java) and returns the event-loop
// dispatcher the Java side calls with (kind, id, value). Everything a guest can reach goes through `host`.
(function (host) {
'use strict';

const NODE_VERSION = 'v22.14.0';
const G = globalThis;
for (const name of ['Java', 'Polyglot', 'Graal', 'load', 'print', 'printErr', 'quit', 'read', 'readbuffer', 'readline']) {
  try { delete G[name]; } catch (e) { /* not configurable: leave it */ }
}
G.global = G;

// ---------------------------------------------------------------- errors

const ERRNO_MESSAGES = {};
function errnoMessage(code) {
  return ERRNO_MESSAGES[code] || (ERRNO_MESSAGES[code] = String(host.errnoDescription(code)));
}

function uvError(code, syscall, path, dest) {
  let msg = code + ': ' + errnoMessage(code) + ', ' + syscall;
  if (path !== undefined) msg += " '" + path + "'";
  if (dest !== undefined) msg += " -> '" + dest + "'";
  const e = new Error(msg);
  e.errno = host.errnoNumber(code);
  e.code = code;
  e.syscall = syscall;
  if (path !== undefined) e.path = path;
  if (dest !== undefined) e.dest = dest;
  return e;
}

function isHostErrno(e) {
  try { return e != null && typeof e.errno === 'function' && typeof e.syscall === 'function'; } catch (x) { return false; }
}

// Runs a host call; kernel errors become Node errors ({code, errno, syscall, path}).
function sys(syscall, path, fn, dest) {
  try {
    return fn();
  } catch (e) {
    if (isHostErrno(e)) throw uvError(String(e.errno().name()), syscall, path, dest);
    throw e;
  }
}

class NodeError extends Error {
  constructor(code, message) { super(message); this.code = code; }
  get name() { return 'Error'; }
}
function typeError(code, message) { const e = new TypeError(message); e.code = code; return e; }
// Node's constructors of this kind are functions that work without `new` (http.Server(), net.Socket(), ...).
function callable(C) { return new Proxy(C, { apply: (target, thisArg, args) => new target(...args) }); }

if (!Error.captureStackTrace) {
  Error.captureStackTrace = function (obj) {
    const stack = new Error().stack;
    try { Object.defineProperty(obj, 'stack', { value: stack, writable: true, configurable: true }); } catch (e) { /* frozen */ }
  };
}
if (Error.stackTraceLimit === undefined) Error.stackTraceLimit = 10;
if (typeof Symbol.dispose !== 'symbol') Object.defineProperty(Symbol, 'dispose', { value: Symbol.for('Symbol.dispose') });
if (typeof Symbol.asyncDispose !== 'symbol') Object.defineProperty(Symbol, 'asyncDispose', { value: Symbol.for('Symbol.asyncDispose') });

// ---------------------------------------------------------------- nextTick and the loop

const tickQueue = [];
function nextTick(fn, ...args) {
  if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function');
  const snap = G.AsyncContext ? new G.AsyncContext.Snapshot() : null;
  tickQueue.push(snap ? () => snap.run(inDomainScope, fn, args) : () => fn(...args));
  // A tick queued from a promise job must run even though no host event follows it.
  if (!tickDrainQueued) { tickDrainQueued = true; Promise.resolve().then(drainTicksFromMicrotask); }
}
let tickDrainQueued = false;
// Runs a callback inside its captured async context, so that a throw records the domain active there.
function inDomainScope(fn, args) {
  if (!domainState) return fn(...args);
  try { return fn(...args); } catch (e) { domainState.markActive(e); throw e; }
}
function drainTicksFromMicrotask() { tickDrainQueued = false; runTicks(); }
function runTicks() {
  while (tickQueue.length) {
    const t = tickQueue.shift();
    try { t(); } catch (e) { uncaught(e); }
  }
}

// ---------------------------------------------------------------- events

const kCapture = Symbol('kCapture');
// Set once node:domain is loaded (makeDomain); emitters and the error path consult it.
let domainState = null;
// EventEmitter as Node's lib/events.js lays it out: one listener stored as the function itself, several as an
// array; _events/_eventsCount/_maxListeners are what libraries poke at, and the methods work on any receiver.
const kErrorMonitor = Symbol('events.errorMonitor');
const kRejection = Symbol.for('nodejs.rejection');
const kShapeMode = Symbol('shapeMode');
function EventEmitter(opts) { EventEmitter.init.call(this, opts); }
EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
EventEmitter.init = function (opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else this[kShapeMode] = true;
  this._maxListeners = this._maxListeners || undefined;
  if (opts && opts.captureRejections) {
    if (typeof opts.captureRejections !== 'boolean') throw errInvalidArgType('options.captureRejections', 'of type boolean', opts.captureRejections);
    this[kCapture] = true;
  } else this[kCapture] = EventEmitter.prototype[kCapture];
  if (domainState && this.domain === undefined) this.domain = domainState.active() || null;
};
function checkListener(listener) {
  if (typeof listener !== 'function') throw errInvalidArgType('listener', 'of type function', listener);
}
function maxListenersOf(target) { return target._maxListeners === undefined ? defaultMaxListeners : target._maxListeners; }
function addListenerTo(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events, existing;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    else if (prepend) existing.unshift(listener);
    else existing.push(listener);
    const m = maxListenersOf(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const w = new Error('Possible EventEmitter memory leak detected. ' + existing.length + ' ' + String(type) + ' listeners added to ' +
        inspect(target, { depth: -1 }) + '. MaxListeners is ' + m + '. Use emitter.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target; w.type = type; w.count = existing.length;
      process.emitWarning(w);
    }
  }
  return target;
}
function onceWrapper(...args) {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    return this.listener.apply(this.target, args);
  }
}
function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}
function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === 'function') then.call(promise, undefined, (err) => nextTick(emitRejectionOrError, that, err, type, args));
  } catch (err) { that.emit('error', err); }
}
function emitRejectionOrError(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') { ee[kRejection](err, type, ...args); return; }
  const prev = ee[kCapture];
  try { ee[kCapture] = false; ee.emit('error', err); } finally { ee[kCapture] = prev; }
}
function callListeners(ee, handler, type, args) {
  if (typeof handler === 'function') {
    const result = handler.apply(ee, args);
    if (result !== undefined && result !== null) addCatch(ee, result, type, args);
  } else {
    const listeners = handler.slice();
    for (let i = 0; i < listeners.length; ++i) {
      const result = listeners[i].apply(ee, args);
      if (result !== undefined && result !== null) addCatch(ee, result, type, args);
    }
  }
}
Object.assign(EventEmitter.prototype, {
  setMaxListeners(n) { checkMaxListeners(n, 'n'); this._maxListeners = n; return this; },
  getMaxListeners() { return maxListenersOf(this); },
  emit(type, ...args) {
    let doError = type === 'error';
    const events = this._events;
    if (events !== undefined) {
      if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
      doError = doError && events.error === undefined;
    } else if (!doError) return false;
    if (doError) {
      const er = args[0];
      if (domainState && this.domain && this.domain !== this && typeof this.domain.emit === 'function') {
        if (er !== null && typeof er === 'object') { er.domainEmitter = this; er.domain = this.domain; er.domainThrown = false; }
        this.domain.emit('error', er);
        return false;
      }
      if (er instanceof Error) throw er;
      let shown;
      try { shown = inspect(er); } catch (e) { shown = er; }
      const err = new NodeError('ERR_UNHANDLED_ERROR', er === undefined ? 'Unhandled error.' : 'Unhandled error. (' + shown + ')');
      err.context = er;
      throw err;
    }
    const handler = events[type];
    if (handler === undefined) return false;
    if (domainState && this.domain && this.domain !== this && typeof this.domain.emit === 'function') {
      domainState.emitIn(this.domain, () => callListeners(this, handler, type, args));
      return true;
    }
    callListeners(this, handler, type, args);
    return true;
  },
  addListener(type, listener) { return addListenerTo(this, type, listener, false); },
  prependListener(type, listener) { return addListenerTo(this, type, listener, true); },
  once(type, listener) { checkListener(listener); this.on(type, onceWrap(this, type, listener)); return this; },
  prependOnceListener(type, listener) { checkListener(listener); this.prependListener(type, onceWrap(this, type, listener)); return this; },
  removeListener(type, listener) {
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      this._eventsCount -= 1;
      if (this[kShapeMode]) events[type] = undefined;
      else if (this._eventsCount === 0) this._events = Object.create(null);
      else {
        delete events[type];
        if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
      }
    } else if (typeof list !== 'function') {
      let position = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) { position = i; break; }
      }
      if (position < 0) return this;
      if (position === 0) list.shift(); else list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
    }
    return this;
  },
  removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) { this._events = Object.create(null); this._eventsCount = 0; }
      else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = Object.create(null); else delete events[type];
      }
      this[kShapeMode] = false;
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Reflect.ownKeys(events)) { if (key !== 'removeListener') this.removeAllListeners(key); }
      this.removeAllListeners('removeListener');
      this._events = Object.create(null);
      this._eventsCount = 0;
      this[kShapeMode] = false;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === 'function') this.removeListener(type, listeners);
    else if (listeners !== undefined) for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    return this;
  },
  listeners(type) { return listenersOf(this, type, true); },
  rawListeners(type) { return listenersOf(this, type, false); },
  listenerCount(type, listener) {
    const events = this._events;
    if (events === undefined) return 0;
    const l = events[type];
    if (typeof l === 'function') return listener != null ? (listener === l || listener === l.listener ? 1 : 0) : 1;
    if (l === undefined) return 0;
    if (listener == null) return l.length;
    let n = 0;
    for (const x of l) if (x === listener || x.listener === listener) n++;
    return n;
  },
  eventNames() { return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : []; },
});
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;
Object.defineProperty(EventEmitter.prototype, kCapture, { value: false, writable: true, enumerable: false });
function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const l = events[type];
  if (l === undefined) return [];
  if (typeof l === 'function') return unwrap ? [l.listener || l] : [l];
  return unwrap ? l.map((x) => x.listener || x) : l.slice();
}
EventEmitter.addAbortListener = function (signal, listener) {
  if (signal.aborted) { Promise.resolve().then(() => listener()); return { [Symbol.dispose || Symbol.for('nodejs.dispose')]() {} }; }
  signal.addEventListener('abort', listener, { once: true });
  return { [Symbol.dispose || Symbol.for('nodejs.dispose')]() { signal.removeEventListener('abort', listener); } };
};
function checkMaxListeners(n, name) {
  if (typeof n !== 'number') throw errInvalidArgType(name, 'of type number', n);
  if (n < 0 || Number.isNaN(n)) throw errOutOfRange(name, 'a non-negative number', n);
}
let defaultMaxListeners = 10;
Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true, configurable: true,
  get() { return defaultMaxListeners; },
  set(n) { checkMaxListeners(n, 'defaultMaxListeners'); defaultMaxListeners = n; },
});
EventEmitter.EventEmitter = EventEmitter;
Object.defineProperty(EventEmitter, 'captureRejections', {
  enumerable: true,
  get() { return EventEmitter.prototype[kCapture]; },
  set(v) { if (typeof v !== 'boolean') throw errInvalidArgType('EventEmitter.captureRejections', 'of type boolean', v); EventEmitter.prototype[kCapture] = v; },
});
EventEmitter.getMaxListeners = (target) => {
  if (target && typeof target.getMaxListeners === 'function') return target.getMaxListeners();
  if (target !== null && typeof target === 'object' && typeof target.addEventListener === 'function') return target._maxListeners === undefined ? defaultMaxListeners : target._maxListeners;
  throw errInvalidArgType('emitter', 'an instance of EventEmitter or EventTarget', target);
};
EventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');
EventEmitter.errorMonitor = kErrorMonitor;
EventEmitter.once = function (emitter, name) {
  return new Promise((resolve, reject) => {
    const onError = (err) => { emitter.removeListener(name, onEvent); reject(err); };
    const onEvent = (...args) => { if (name !== 'error') emitter.removeListener('error', onError); resolve(args); };
    emitter.once(name, onEvent);
    if (name !== 'error') emitter.once('error', onError);
  });
};
EventEmitter.on = function (emitter, name) {
  const queue = [], waiting = [];
  emitter.on(name, (...args) => { if (waiting.length) waiting.shift()({ value: args, done: false }); else queue.push(args); });
  return { [Symbol.asyncIterator]() { return this; },
    next() { return queue.length ? Promise.resolve({ value: queue.shift(), done: false }) : new Promise(r => waiting.push(r)); },
    return() { return Promise.resolve({ value: undefined, done: true }); } };
};
EventEmitter.listenerCount = (emitter, name) => emitter.listenerCount(name);
EventEmitter.getEventListeners = (emitter, name) => emitter.listeners(name);
EventEmitter.setMaxListeners = (n = defaultMaxListeners, ...targets) => {
  checkMaxListeners(n, 'n');
  if (targets.length === 0) { defaultMaxListeners = n; return; }
  for (const t of targets) {
    if (t && typeof t.setMaxListeners === 'function') t.setMaxListeners(n);
    else if (t !== null && typeof t === 'object' && typeof t.addEventListener === 'function') t._maxListeners = n;
    else throw errInvalidArgType('eventTargets', 'an instance of EventEmitter or EventTarget', t);
  }
};

// ---------------------------------------------------------------- Buffer

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function normEnc(enc) {
  if (enc === undefined || enc === null) return 'utf8';
  const e = String(enc).toLowerCase();
  switch (e) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'hex': return 'hex';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    default: throw typeError('ERR_UNKNOWN_ENCODING', 'Unknown encoding: ' + enc);
  }
}

function base64Decode(s) {
  s = String(s);
  if (s.length > 4096) return fromHost(host.base64Decode(s));
  const pad = s.indexOf('=');
  if (pad >= 0) s = s.slice(0, pad);
  s = s.replace(/[^A-Za-z0-9+/\-_]/g, '').replace(/-/g, '+').replace(/_/g, '/');
  const out = new Uint8Array(Math.floor(s.length * 3 / 4));
  let bits = 0, value = 0, j = 0;
  for (let i = 0; i < s.length; i++) {
    value = (value << 6) | B64.indexOf(s[i]);
    bits += 6;
    if (bits >= 8) { bits -= 8; out[j++] = (value >> bits) & 0xff; }
  }
  return out.subarray(0, j);
}
function base64Encode(bytes, url) {
  if (bytes.length > 3072) return String(host.base64Encode(bytes.buffer, bytes.byteOffset, bytes.length, url));
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((i + 1 < bytes.length ? bytes[i + 1] : 0) << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + '=';
  }
  if (url) out = out.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return out;
}

function bytesOf(string, enc) {
  switch (normEnc(enc)) {
    case 'utf8': return encoder.encode(string);
    case 'hex': {
      const n = string.length >> 1, out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = parseInt(string.substr(i * 2, 2), 16);
        if (Number.isNaN(v)) return out.subarray(0, i);
        out[i] = v;
      }
      return out;
    }
    case 'base64': case 'base64url': return base64Decode(string);
    case 'latin1': case 'ascii': {
      const out = new Uint8Array(string.length);
      for (let i = 0; i < string.length; i++) out[i] = string.charCodeAt(i) & 0xff;
      return out;
    }
    case 'utf16le': {
      const out = new Uint8Array(string.length * 2);
      for (let i = 0; i < string.length; i++) { const c = string.charCodeAt(i); out[i * 2] = c & 0xff; out[i * 2 + 1] = c >> 8; }
      return out;
    }
  }
}

class Buffer extends Uint8Array {
  static from(value, encOrOffset, length) {
    if (typeof value === 'string') return toBuffer(bytesOf(value, encOrOffset));
    if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
      const off = encOrOffset >>> 0;
      return new Buffer(value, off, length === undefined ? value.byteLength - off : length);
    }
    if (ArrayBuffer.isView(value)) {
      const b = Buffer.allocUnsafe(value.byteLength);
      b.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      return b;
    }
    if (Array.isArray(value)) { const b = Buffer.allocUnsafe(value.length); for (let i = 0; i < value.length; i++) b[i] = value[i]; return b; }
    if (value && value.type === 'Buffer' && Array.isArray(value.data)) return Buffer.from(value.data);
    if (value && typeof value[Symbol.toPrimitive] === 'function') return Buffer.from(value[Symbol.toPrimitive]('string'), encOrOffset);
    if (value && typeof value.valueOf === 'function' && value.valueOf() !== value) return Buffer.from(value.valueOf(), encOrOffset, length);
    throw typeError('ERR_INVALID_ARG_TYPE', 'The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object. Received ' + typeof value);
  }
  static alloc(size, fill, enc) { const b = new Buffer(size); if (fill !== undefined && fill !== 0) b.fill(fill, 0, size, enc); return b; }
  static allocUnsafe(size) { return new Buffer(size); }
  static allocUnsafeSlow(size) { return new Buffer(size); }
  static isBuffer(b) { return b instanceof Buffer; }
  static isEncoding(e) { try { normEnc(e); return typeof e === 'string'; } catch (x) { return false; } }
  static byteLength(s, enc) {
    if (typeof s !== 'string') return s.byteLength;
    return bytesOf(s, enc).length;
  }
  static concat(list, total) {
    if (total === undefined) total = list.reduce((n, b) => n + b.length, 0);
    const out = Buffer.alloc(total);
    let off = 0;
    for (const b of list) { if (off >= total) break; const take = Math.min(b.length, total - off); out.set(take === b.length ? b : b.subarray(0, take), off); off += take; }
    return out;
  }
  static compare(a, b) { return a.compare(b); }
  toString(enc, start, end) {
    start = start === undefined ? 0 : Math.max(0, start | 0);
    end = end === undefined ? this.length : Math.min(this.length, end | 0);
    if (end <= start) return '';
    const view = new Uint8Array(this.buffer, this.byteOffset + start, end - start);
    switch (normEnc(enc)) {
      case 'utf8': return decoder.decode(view);
      case 'hex': { let s = ''; for (const x of view) s += HEX[x >> 4] + HEX[x & 15]; return s; }
      case 'base64': return base64Encode(view, false);
      case 'base64url': return base64Encode(view, true);
      case 'latin1': { let s = ''; for (let i = 0; i < view.length; i += 8192) s += String.fromCharCode.apply(null, view.subarray(i, i + 8192)); return s; }
      case 'ascii': { let s = ''; for (const x of view) s += String.fromCharCode(x & 0x7f); return s; }
      case 'utf16le': { let s = ''; for (let i = 0; i + 1 < view.length; i += 2) s += String.fromCharCode(view[i] | (view[i + 1] << 8)); return s; }
    }
  }
  toJSON() { return { type: 'Buffer', data: Array.from(this) }; }
  equals(other) { return this.compare(other) === 0; }
  compare(other) {
    const n = Math.min(this.length, other.length);
    for (let i = 0; i < n; i++) if (this[i] !== other[i]) return this[i] < other[i] ? -1 : 1;
    return this.length === other.length ? 0 : this.length < other.length ? -1 : 1;
  }
  slice(start, end) { return this.subarray(start, end); }
  subarray(start, end) { const u = Uint8Array.prototype.subarray.call(this, start, end); return new Buffer(u.buffer, u.byteOffset, u.length); }
  write(string, offset, length, enc) {
    if (typeof offset === 'string') { enc = offset; offset = 0; length = undefined; }
    else if (typeof length === 'string') { enc = length; length = undefined; }
    offset = offset >>> 0;
    const bytes = bytesOf(string, enc);
    const n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length);
    this.set(bytes.subarray(0, n), offset);
    return n;
  }
  fill(value, start, end, enc) {
    if (typeof start === 'string') { enc = start; start = 0; end = this.length; }
    start = start === undefined ? 0 : start; end = end === undefined ? this.length : end;
    if (typeof value === 'number') return Uint8Array.prototype.fill.call(this, value & 0xff, start, end);
    const bytes = typeof value === 'string' ? bytesOf(value, enc) : value;
    if (!bytes.length) return Uint8Array.prototype.fill.call(this, 0, start, end);
    for (let i = start, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  }
  indexOf(value, from, enc) {
    if (typeof value === 'number') return Uint8Array.prototype.indexOf.call(this, value, from);
    const needle = typeof value === 'string' ? bytesOf(value, enc) : value;
    outer: for (let i = from | 0; i <= this.length - needle.length; i++) {
      for (let j = 0; j < needle.length; j++) if (this[i + j] !== needle[j]) continue outer;
      return i;
    }
    return -1;
  }
  includes(value, from, enc) { return this.indexOf(value, from, enc) !== -1; }
  copy(target, targetStart, sourceStart, sourceEnd) {
    targetStart = targetStart | 0; sourceStart = sourceStart | 0;
    sourceEnd = sourceEnd === undefined ? this.length : sourceEnd;
    const n = Math.max(0, Math.min(sourceEnd - sourceStart, target.length - targetStart));
    target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
    return n;
  }
}
// Node's fixed-width readers and writers, with Node's argument checks and messages.
function receivedType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'bigint': return 'type bigint (' + value + 'n)';
    case 'number': return 'type number (' + (Object.is(value, -0) ? '-0' : value) + ')';
    case 'boolean': return 'type boolean (' + value + ')';
    case 'symbol': return 'type symbol (' + String(value) + ')';
    case 'function': return 'function ' + value.name;
    case 'object': return value.constructor && value.constructor.name ? 'an instance of ' + value.constructor.name : inspect(value, { depth: -1 });
    case 'string': { const v = value.length > 28 ? value.slice(0, 25) + '...' : value; return 'type string (' + (v.includes("'") ? JSON.stringify(v) : "'" + v + "'") + ')'; }
    default: return 'type ' + typeof value;
  }
}
function errInvalidArgType(name, expected, value) {
  // Node's wording: "options.x" is a property, "x" an argument.
  const what = name.endsWith(' argument') ? name : '"' + name + '" ' + (name.includes('.') ? 'property' : 'argument');
  return typeError('ERR_INVALID_ARG_TYPE', 'The ' + what + ' must be ' + expected + '. Received ' + receivedType(value));
}
function withSeparators(s) {
  let out = '', i = s.length;
  const start = s[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = '_' + s.slice(i - 3, i) + out;
  return s.slice(0, i) + out;
}
function errOutOfRange(name, range, value) {
  let received;
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) received = withSeparators(String(value));
  else if (typeof value === 'bigint') { received = String(value); if (value > 2n ** 32n || value < -(2n ** 32n)) received = withSeparators(received); received += 'n'; }
  else received = inspect(value);
  const e = new RangeError('The value of "' + name + '" is out of range. It must be ' + range + '. Received ' + received);
  e.code = 'ERR_OUT_OF_RANGE';
  return e;
}
function bufferBoundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    if (typeof value !== 'number') throw errInvalidArgType(type || 'offset', 'of type number', value);
    throw errOutOfRange(type || 'offset', 'an integer', value);
  }
  if (length < 0) { const e = new RangeError('Attempt to access memory outside buffer bounds'); e.code = 'ERR_BUFFER_OUT_OF_BOUNDS'; throw e; }
  throw errOutOfRange(type || 'offset', '>= ' + (type ? 1 : 0) + ' and <= ' + length, value);
}
function bufferOffset(buf, offset, bytes) {
  if (offset === undefined) offset = 0;
  if (typeof offset !== 'number') throw errInvalidArgType('offset', 'of type number', offset);
  if (buf[offset] === undefined || buf[offset + bytes - 1] === undefined) bufferBoundsError(offset, buf.length - bytes);
  return offset;
}
function checkIntValue(value, min, max, bytes) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (bytes > 4) {
      range = min === 0 || min === 0n ? '>= 0' + n + ' and < 2' + n + ' ** ' + bytes * 8 + n
        : '>= -(2' + n + ' ** ' + (bytes * 8 - 1) + n + ') and < 2 ** ' + (bytes * 8 - 1) + n;
    } else range = '>= ' + min + n + ' and <= ' + max + n;
    throw errOutOfRange('value', range, value);
  }
}
function dataView(buf) { return new DataView(buf.buffer, buf.byteOffset, buf.byteLength); }
// Integers of up to 6 bytes by arithmetic (no DataView per call: protocol parsers read these in hot loops).
function readBytes(buf, offset, n, little, signed) {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + buf[little ? offset + n - 1 - i : offset + i];
  if (signed && v >= 2 ** (n * 8 - 1)) v -= 2 ** (n * 8);
  return v;
}
function writeBytes(buf, value, offset, n, little) {
  let v = value < 0 ? value + 2 ** (n * 8) : value;
  for (let i = 0; i < n; i++) {
    buf[little ? offset + i : offset + n - 1 - i] = v % 256;
    v = Math.floor(v / 256);
  }
  return offset + n;
}
{
  const P = Buffer.prototype;
  const fixed = [['UInt8', 1, 'Uint8'], ['Int8', 1, 'Int8'], ['UInt16', 2, 'Uint16'], ['Int16', 2, 'Int16'], ['UInt32', 4, 'Uint32'],
    ['Int32', 4, 'Int32'], ['Float', 4, 'Float32'], ['Double', 8, 'Float64'], ['BigUInt64', 8, 'BigUint64'], ['BigInt64', 8, 'BigInt64']];
  for (const [name, bytes, dv] of fixed) {
    for (const end of bytes === 1 ? [''] : ['LE', 'BE']) {
      const little = end === 'LE';
      const big = name.startsWith('Big');
      const float = name === 'Float' || name === 'Double';
      const signed = !name.includes('UInt') && !float;
      const bits = bytes * 8;
      const min = big ? (signed ? -(2n ** 63n) : 0n) : signed ? -(2 ** (bits - 1)) : 0;
      const max = big ? (signed ? 2n ** 63n - 1n : 2n ** 64n - 1n) : signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
      if (big || float) {
        P['read' + name + end] = function (offset) {
          offset = bufferOffset(this, offset, bytes);
          return dataView(this)['get' + dv](offset, little);
        };
        P['write' + name + end] = function (value, offset) {
          if (big && typeof value !== 'bigint') throw errInvalidArgType('value', 'of type bigint', value);
          if (big) checkIntValue(value, min, max, bytes);
          offset = bufferOffset(this, offset, bytes);
          dataView(this)['set' + dv](offset, big ? value : +value, little);
          return offset + bytes;
        };
      } else {
        P['read' + name + end] = function (offset) { return readBytes(this, bufferOffset(this, offset, bytes), bytes, little, signed); };
        P['write' + name + end] = function (value, offset) {
          checkIntValue(+value, min, max, bytes);
          return writeBytes(this, +value, bufferOffset(this, offset, bytes), bytes, little);
        };
      }
      if (name.includes('UInt')) {
        P['read' + name.replace('UInt', 'Uint') + end] = P['read' + name + end];
        P['write' + name.replace('UInt', 'Uint') + end] = P['write' + name + end];
      }
    }
  }
  // Variable widths (1..6 bytes).
  const checkWidth = (byteLength) => {
    if (typeof byteLength !== 'number') throw errInvalidArgType('byteLength', 'of type number', byteLength);
    if (!(byteLength >= 1 && byteLength <= 6) || Math.floor(byteLength) !== byteLength) bufferBoundsError(byteLength, 6, 'byteLength');
  };
  const readVar = (buf, offset, byteLength, little, signed) => {
    if (offset === undefined) throw errInvalidArgType('offset', 'of type number', offset);
    checkWidth(byteLength);
    return readBytes(buf, bufferOffset(buf, offset, byteLength), byteLength, little, signed);
  };
  const writeVar = (buf, value, offset, byteLength, little, signed) => {
    if (offset === undefined) throw errInvalidArgType('offset', 'of type number', offset);
    checkWidth(byteLength);
    const bits = byteLength * 8;
    checkIntValue(+value, signed ? -(2 ** (bits - 1)) : 0, signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1, byteLength);
    return writeBytes(buf, +value, bufferOffset(buf, offset, byteLength), byteLength, little);
  };
  P.readUIntLE = function (o, n) { return readVar(this, o, n, true, false); };
  P.readUIntBE = function (o, n) { return readVar(this, o, n, false, false); };
  P.readIntLE = function (o, n) { return readVar(this, o, n, true, true); };
  P.readIntBE = function (o, n) { return readVar(this, o, n, false, true); };
  P.writeUIntLE = function (v, o, n) { return writeVar(this, v, o, n, true, false); };
  P.writeUIntBE = function (v, o, n) { return writeVar(this, v, o, n, false, false); };
  P.writeIntLE = function (v, o, n) { return writeVar(this, v, o, n, true, true); };
  P.writeIntBE = function (v, o, n) { return writeVar(this, v, o, n, false, true); };
  for (const k of ['readUIntLE', 'readUIntBE', 'writeUIntLE', 'writeUIntBE']) P[k.replace('UInt', 'Uint')] = P[k];
  P.readUint8 = P.readUInt8; P.writeUint8 = P.writeUInt8;
}
Buffer.poolSize = 8192;
// As in Node, Buffer's statics are enumerable own properties (safer-buffer and others copy them with for-in).
for (const k of Object.getOwnPropertyNames(Buffer)) {
  if (k === 'length' || k === 'name' || k === 'prototype') continue;
  const d = Object.getOwnPropertyDescriptor(Buffer, k);
  if (d.configurable) Object.defineProperty(Buffer, k, Object.assign(d, { enumerable: true }));
}
function toBuffer(u8) { return new Buffer(u8.buffer, u8.byteOffset, u8.length); }
// A host ByteBuffer as a Buffer (one copy into guest memory).
function fromHost(bb) {
  const view = new Uint8Array(bb);
  const b = Buffer.allocUnsafe(view.length);
  b.set(view);
  return b;
}
function asBytes(data, enc) {
  if (typeof data === 'string') return bytesOf(data, enc);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw typeError('ERR_INVALID_ARG_TYPE', 'The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ' + inspect(data));
}
// Passes bytes to the host: an ArrayBuffer plus offset and length.
function hostWrite(fd, data, enc, position) {
  if (typeof data === 'string' && normEnc(enc) === 'utf8') return host.writeString(fd, data, position === undefined || position === null ? -1 : position);
  const b = asBytes(data, enc);
  return host.write(fd, b.buffer, b.byteOffset, b.byteLength, position === undefined || position === null ? -1 : position);
}

// ---------------------------------------------------------------- util

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
function inspect(value, opts) {
  const options = Object.assign({ depth: 2, colors: false, showHidden: false, breakLength: 80, compact: 3 },
    typeof opts === 'object' && opts !== null ? opts : {});
  return formatValue(value, options.depth, options, new Set(), true);
}
inspect.custom = inspectCustom;
inspect.defaultOptions = { depth: 2 };

function quote(s) { return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t') + "'"; }
function keyString(k) {
  if (typeof k === 'symbol') return '[' + k.toString() + ']';
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}
function constructorName(v) {
  try {
    const proto = Object.getPrototypeOf(v);
    if (proto === null) return '[Object: null prototype]';
    const c = proto.constructor;
    return c && c.name ? c.name : 'Object';
  } catch (e) { return 'Object'; }
}
function formatValue(v, depth, opts, seen, top) {
  switch (typeof v) {
    case 'string': return top ? v : quote(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return v + 'n';
    case 'boolean': return String(v);
    case 'undefined': return 'undefined';
    case 'symbol': return v.toString();
    case 'function': {
      const name = v.name ? ': ' + v.name : ' (anonymous)';
      const isClass = /^class\b/.test(Function.prototype.toString.call(v));
      const base = '[' + (isClass ? 'class' : v.constructor && v.constructor.name === 'AsyncFunction' ? 'AsyncFunction' : 'Function') + (isClass ? (v.name ? ' ' + v.name : ' (anonymous)') : name) + ']';
      const keys = Object.keys(v);
      return keys.length && depth >= 0 ? base + ' ' + formatProps(v, keys, depth, opts, seen) : base;
    }
  }
  if (v === null) return 'null';
  if (typeof v[inspectCustom] === 'function' && v[inspectCustom] !== inspect) {
    const r = v[inspectCustom](depth, Object.assign({}, opts, { stylize: (s) => s }), inspect);
    return typeof r === 'string' ? r : formatValue(r, depth, opts, seen, false);
  }
  if (seen.has(v)) return '[Circular *1]';
  if (v instanceof Error) {
    const stack = v.stack ? String(v.stack) : String(v);
    const keys = Object.keys(v).filter(k => k !== 'stack' && k !== 'message');
    return keys.length ? stack + ' ' + formatProps(v, keys, depth, opts, seen) : stack;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (v instanceof Promise) return 'Promise { <pending> }';
  if (typeof v.then === 'function' && constructorName(v) === 'Promise') return 'Promise { <pending> }';
  if (depth < 0) return Array.isArray(v) ? '[Array]' : '[' + constructorName(v) + ']';
  seen.add(v);
  try {
    if (Array.isArray(v)) {
      const items = [];
      const n = Math.min(v.length, 100);
      for (let i = 0; i < n; i++) items.push(i in v ? formatValue(v[i], depth - 1, opts, seen, false) : '<empty>');
      if (v.length > 100) items.push('... ' + (v.length - 100) + ' more items');
      for (const k of Object.keys(v)) if (!/^\d+$/.test(k)) items.push(keyString(k) + ': ' + formatValue(v[k], depth - 1, opts, seen, false));
      return wrap('[', items, ']', opts);
    }
    if (v instanceof Buffer) {
      let s = '<Buffer';
      for (let i = 0; i < Math.min(v.length, 50); i++) s += ' ' + HEX[v[i] >> 4] + HEX[v[i] & 15];
      return s + (v.length > 50 ? ' ... ' + (v.length - 50) + ' more bytes>' : '>');
    }
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const items = Array.from(v.subarray(0, 100), x => formatValue(x, 0, opts, seen, false));
      if (v.length > 100) items.push('... ' + (v.length - 100) + ' more items');
      return constructorName(v) + '(' + v.length + ') ' + wrap('[', items, ']', opts);
    }
    if (v instanceof Map) {
      const items = [];
      for (const [k, val] of v) items.push(formatValue(k, depth - 1, opts, seen, false) + ' => ' + formatValue(val, depth - 1, opts, seen, false));
      return 'Map(' + v.size + ') ' + wrap('{', items, '}', opts);
    }
    if (v instanceof Set) {
      const items = [];
      for (const x of v) items.push(formatValue(x, depth - 1, opts, seen, false));
      return 'Set(' + v.size + ') ' + wrap('{', items, '}', opts);
    }
    const name = constructorName(v);
    const keys = Object.keys(v).concat(Object.getOwnPropertySymbols(v).filter(s => Object.prototype.propertyIsEnumerable.call(v, s)));
    const body = formatProps(v, keys, depth, opts, seen);
    if (name === 'Object') return body;
    return name + ' ' + body;
  } finally {
    seen.delete(v);
  }
}
function formatProps(v, keys, depth, opts, seen) {
  const items = keys.map(k => {
    const d = Object.getOwnPropertyDescriptor(v, k);
    const val = d && (d.get || d.set) ? (d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]') : formatValue(v[k], depth - 1, opts, seen, false);
    return keyString(k) + ': ' + val;
  });
  return wrap('{', items, '}', opts);
}
function wrap(open, items, close, opts) {
  if (!items.length) return open + close;
  const oneLine = open + ' ' + items.join(', ') + ' ' + close;
  if (oneLine.length <= (opts.breakLength || 80) && !oneLine.includes('\n')) return oneLine;
  return open + '\n' + items.map(i => '  ' + i.replace(/\n/g, '\n  ')).join(',\n') + '\n' + close;
}

function format(f, ...args) {
  if (typeof f !== 'string') return [f, ...args].map(a => formatValue(a, 2, {}, new Set(), true)).join(' ');
  let i = 0;
  let out = f.replace(/%[sdifjoOc%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    switch (m) {
      case '%s': return typeof a === 'string' ? a : typeof a === 'bigint' ? a + 'n' : typeof a === 'object' && a !== null ? formatValue(a, 1, {}, new Set(), false) : String(a);
      case '%d': return typeof a === 'bigint' ? a + 'n' : typeof a === 'object' ? 'NaN' : String(Number(a));
      case '%i': return typeof a === 'bigint' ? a + 'n' : String(parseInt(a));
      case '%f': return String(parseFloat(a));
      case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
      case '%o': case '%O': return formatValue(a, 4, {}, new Set(), false);
      case '%c': return '';
    }
  });
  for (; i < args.length; i++) out += ' ' + (typeof args[i] === 'string' ? args[i] : formatValue(args[i], 2, {}, new Set(), false));
  return out;
}

const customPromisify = Symbol.for('nodejs.util.promisify.custom');
const customPromisifyArgs = Symbol('customPromisifyArgs');
function promisify(fn) {
  if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', 'The "original" argument must be of type function');
  if (fn[customPromisify]) return fn[customPromisify];
  // Like Node: the first value, or an object named by the function's customPromisifyArgs (fs.read, dns.lookup, …).
  const names = fn[customPromisifyArgs];
  const p = function (...args) {
    return new Promise((resolve, reject) => fn.call(this, ...args, (err, ...values) => {
      if (err) { reject(err); return; }
      if (names && values.length > 1) { const o = {}; names.forEach((n, i) => { o[n] = values[i]; }); resolve(o); } else resolve(values[0]);
    }));
  };
  Object.setPrototypeOf(p, Object.getPrototypeOf(fn));
  return p;
}
promisify.custom = customPromisify;

const types = {
  isPromise: (v) => v instanceof Promise,
  isDate: (v) => v instanceof Date,
  isRegExp: (v) => v instanceof RegExp,
  isMap: (v) => v instanceof Map,
  isSet: (v) => v instanceof Set,
  isNativeError: (v) => v instanceof Error,
  isUint8Array: (v) => v instanceof Uint8Array,
  isTypedArray: (v) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isArrayBuffer: (v) => v instanceof ArrayBuffer,
  isAnyArrayBuffer: (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer),
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isAsyncFunction: (v) => typeof v === 'function' && v.constructor && v.constructor.name === 'AsyncFunction',
  isGeneratorFunction: (v) => typeof v === 'function' && /GeneratorFunction/.test(v.constructor && v.constructor.name),
  isProxy: () => false,
  isBoxedPrimitive: (v) => v instanceof Number || v instanceof String || v instanceof Boolean,
  isWeakMap: (v) => v instanceof WeakMap,
  isWeakSet: (v) => v instanceof WeakSet,
  isDataView: (v) => v instanceof DataView,
};

let errnoMap = null;
function systemErrorMap() {
  if (!errnoMap) {
    errnoMap = new Map();
    for (const line of String(host.errnoTable()).split('\n')) {
      if (!line) continue;
      const a = line.indexOf(' '), b = line.indexOf(' ', a + 1);
      errnoMap.set(-Number(line.slice(0, a)), [line.slice(a + 1, b), line.slice(b + 1)]);
    }
  }
  return errnoMap;
}
const deprecationCodesWarned = new Set();
const util = {
  format, inspect, promisify, types,
  getSystemErrorMap: () => new Map(systemErrorMap()),
  getSystemErrorName(err) {
    if (typeof err !== 'number') throw errInvalidArgType('err', 'of type number', err);
    if (err >= 0 || !Number.isSafeInteger(err)) throw errOutOfRange('err', 'a negative integer', err);
    const e = systemErrorMap().get(err);
    return e ? e[0] : 'Unknown system error ' + err;
  },
  getSystemErrorMessage(err) {
    if (typeof err !== 'number') throw errInvalidArgType('err', 'of type number', err);
    if (err >= 0 || !Number.isSafeInteger(err)) throw errOutOfRange('err', 'a negative integer', err);
    const e = systemErrorMap().get(err);
    return e ? e[1] : 'Unknown system error ' + err;
  },
  formatWithOptions: (o, ...a) => format(...a),
  _extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    for (const k of Object.keys(source)) target[k] = source[k];
    return target;
  },
  inherits(ctor, superCtor) { Object.setPrototypeOf(ctor.prototype, superCtor.prototype); Object.setPrototypeOf(ctor, superCtor); ctor.super_ = superCtor; },
  deprecate(fn, msg, code) {
    if (typeof fn !== 'function') throw errInvalidArgType('fn', 'of type function', fn);
    if (code !== undefined && typeof code !== 'string') throw errInvalidArgType('code', 'of type string', code);
    if (process.noDeprecation === true) return fn;
    let warned = false;
    function deprecated(...a) {
      // Once per function, and once per code however many functions share it (as in Node).
      if (!warned && !process.noDeprecation) {
        warned = true;
        if (code === undefined || !deprecationCodesWarned.has(code)) {
          if (code !== undefined) deprecationCodesWarned.add(code);
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
        }
      }
      return new.target ? Reflect.construct(fn, a, new.target) : fn.apply(this, a);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  },
  callbackify(fn) { return function (...args) { const cb = args.pop(); fn.apply(this, args).then(v => nextTick(cb, null, v), e => nextTick(cb, e)); }; },
  isDeepStrictEqual: (a, b) => deepEqual(a, b, true),
  debuglog: () => { const f = () => {}; f.enabled = false; return f; },
  // Deprecated in Node 22 but still there (removed in 23).
  log(...args) {
    const d = new Date(), pad = (n) => String(n).padStart(2, '0');
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getMonth()];
    console.log('%s - %s', d.getDate() + ' ' + month + ' ' + [d.getHours(), d.getMinutes(), d.getSeconds()].map(pad).join(':'), format(...args));
  },
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isBuffer: (v) => Buffer.isBuffer(v),
  isDate: (v) => v instanceof Date,
  isError: (v) => v instanceof Error || Object.prototype.toString.call(v) === '[object Error]',
  isFunction: (v) => typeof v === 'function',
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isObject: (v) => v !== null && typeof v === 'object',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  isRegExp: (v) => v instanceof RegExp,
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  debug: () => () => {},
  isArray: Array.isArray,
  isError: (e) => e instanceof Error,
  isFunction: (f) => typeof f === 'function',
  isString: (s) => typeof s === 'string',
  isObject: (o) => o !== null && typeof o === 'object',
  stripVTControlCharacters: (s) => String(s).replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''),
  toUSVString: (s) => String(s).toWellFormed ? String(s).toWellFormed() : String(s),
  TextEncoder, TextDecoder,
  styleText: (f, t) => t,
  parseArgs: () => { throw new NodeError('ERR_NOT_AVAILABLE', 'util.parseArgs is not available yet in this runtime'); },
};

function deepEqual(a, b, strict) {
  if (strict ? Object.is(a, b) : a == b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !deepEqual(v, b.get(k), strict)) return false;
    return true;
  }
  if (a instanceof Set && b instanceof Set) {
    if (a.size !== b.size) return false;
    for (const v of a) if (!b.has(v)) return false;
    return true;
  }
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !deepEqual(a[k], b[k], strict)) return false;
  return true;
}

// ---------------------------------------------------------------- path (POSIX)

function normalizeString(path, allowAboveRoot) {
  const out = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
    } else out.push(seg);
  }
  return out.join('/');
}
const path = {
  sep: '/',
  delimiter: ':',
  resolve(...args) {
    let resolved = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1 && !absolute; i--) {
      const p = i >= 0 ? args[i] : process.cwd();
      if (typeof p !== 'string') throw typeError('ERR_INVALID_ARG_TYPE', 'The "paths[' + i + ']" argument must be of type string. Received ' + inspect(p));
      if (!p) continue;
      resolved = p + '/' + resolved;
      absolute = p[0] === '/';
    }
    const n = normalizeString(resolved, !absolute);
    return absolute ? '/' + n : (n || '.');
  },
  normalize(p) {
    if (!p) return '.';
    const abs = p[0] === '/', trailing = p[p.length - 1] === '/';
    let n = normalizeString(p, !abs);
    if (!n && !abs) n = '.';
    if (n && trailing) n += '/';
    return abs ? '/' + n : n;
  },
  isAbsolute: (p) => p.length > 0 && p[0] === '/',
  join(...args) {
    const parts = args.filter(a => { if (typeof a !== 'string') throw typeError('ERR_INVALID_ARG_TYPE', 'The "path" argument must be of type string. Received ' + inspect(a)); return a.length > 0; });
    return parts.length ? path.normalize(parts.join('/')) : '.';
  },
  relative(from, to) {
    from = path.resolve(from); to = path.resolve(to);
    if (from === to) return '';
    const f = from.split('/').filter(Boolean), t = to.split('/').filter(Boolean);
    let i = 0;
    while (i < f.length && i < t.length && f[i] === t[i]) i++;
    return [...Array(f.length - i).fill('..'), ...t.slice(i)].join('/');
  },
  dirname(p) {
    if (!p) return '.';
    let end = p.length;
    while (end > 1 && p[end - 1] === '/') end--;
    const i = p.lastIndexOf('/', end - 1);
    if (i < 0) return '.';
    if (i === 0) return '/';
    let j = i;
    while (j > 1 && p[j - 1] === '/') j--;
    return p.slice(0, j);
  },
  basename(p, ext) {
    let end = p.length;
    while (end > 1 && p[end - 1] === '/') end--;
    const b = p.slice(p.lastIndexOf('/', end - 1) + 1, end);
    return ext && b.endsWith(ext) && b !== ext ? b.slice(0, b.length - ext.length) : b;
  },
  extname(p) {
    const b = path.basename(p);
    const i = b.lastIndexOf('.');
    return i <= 0 ? '' : b.slice(i);
  },
  parse(p) {
    const root = p[0] === '/' ? '/' : '';
    const base = path.basename(p), ext = path.extname(p);
    let dir = path.dirname(p);
    if (dir === '.' && !p.startsWith('.')) dir = '';
    return { root, dir, base, ext, name: ext ? base.slice(0, base.length - ext.length) : base };
  },
  format(o) {
    const dir = o.dir || o.root || '';
    const base = o.base || ((o.name || '') + (o.ext || ''));
    return dir ? (dir === o.root ? dir + base : dir + '/' + base) : base;
  },
  toNamespacedPath: (p) => p,
  matchesGlob: () => { throw new NodeError('ERR_NOT_AVAILABLE', 'path.matchesGlob is not available yet in this runtime'); },
};
path.posix = path;
path.win32 = path;

// ---------------------------------------------------------------- timers

let nextTimerId = 1;
const timerCallbacks = new Map();
let runningTimer = null;
// process.getActiveResourcesInfo(): open sockets and servers register here with their libuv handle names.
const activeHandles = new Set();
function activeResourcesInfo() {
  const out = [];
  for (const t of timerCallbacks.values()) if (t._resourceType === 'FSReqCallback') out.push('FSReqCallback');
  for (const h of activeHandles) out.push(h._resourceType);
  for (const t of timerCallbacks.values()) if (t._ref && !t._resourceType) out.push(t._immediate ? 'Immediate' : 'Timeout');
  // Node counts a timeout while its callback runs (it is unlinked afterwards); an immediate is gone by then.
  const r = runningTimer;
  if (r && !r._immediate && !r._cleared && r._ref && !r._resourceType && !timerCallbacks.has(r._id)) out.push('Timeout');
  return out;
}
class Timeout {
  constructor(fn, ms, args, repeat) {
    this._id = nextTimerId++;
    this._snap = G.AsyncContext ? new G.AsyncContext.Snapshot() : null;
    this._fn = fn; this._args = args; this._ms = Math.max(1, Number(ms) || 1); this._repeat = repeat;
    this._ref = true;
    timerCallbacks.set(this._id, this);
    host.timerStart(this._id, this._ms, true);
  }
  _fire() {
    if (this._repeat) host.timerStart(this._id, this._ms, this._ref); else timerCallbacks.delete(this._id);
    const outer = runningTimer;
    runningTimer = this;
    try {
      if (this._snap) this._snap.run(inDomainScope, (...a) => this._fn.apply(undefined, a), this._args || []); else this._fn.apply(undefined, this._args);
    } finally { runningTimer = outer; }
  }
  ref() { this._ref = true; host.timerRef(this._id, true); return this; }
  unref() { this._ref = false; host.timerRef(this._id, false); return this; }
  hasRef() { return this._ref; }
  refresh() {
    // A fired timeout starts again; a cleared one stays cleared (as in Node).
    if (this._cleared) return this;
    timerCallbacks.set(this._id, this);
    host.timerStart(this._id, this._ms, this._ref);
    return this;
  }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() { return this._id; }
}
function checkCallback(fn) { if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function. Received ' + inspect(fn)); }
function setTimeout(fn, ms, ...args) { checkCallback(fn); return new Timeout(fn, ms, args, false); }
function setInterval(fn, ms, ...args) { checkCallback(fn); return new Timeout(fn, ms, args, true); }
function clearTimeout(t) {
  if (t == null) return;
  const id = typeof t === 'object' ? t._id : Number(t);
  const timer = typeof t === 'object' ? t : timerCallbacks.get(id);
  if (timer) timer._cleared = true;
  if (timerCallbacks.delete(id)) host.timerClear(id);
}
function setImmediate(fn, ...args) { checkCallback(fn); const t = new Timeout(fn, 0, args, false); t._immediate = true; return t; }
const timers = { setTimeout, setInterval, clearTimeout, clearInterval: clearTimeout, setImmediate, clearImmediate: clearTimeout };
const timersPromises = {
  setTimeout: (ms, value) => new Promise(r => setTimeout(r, ms, value)),
  setImmediate: (value) => new Promise(r => setImmediate(r, value)),
  setInterval: async function* (ms, value) { while (true) { await new Promise(r => setTimeout(r, ms)); yield value; } },
  scheduler: { wait: (ms) => new Promise(r => setTimeout(r, ms)), yield: () => new Promise(r => setImmediate(r)) },
};
timers.promises = timersPromises;

// ---------------------------------------------------------------- streams (the subset process and child_process use)

// EventTarget and AbortController early: the stream implementation captures them when it loads.
if (typeof G.EventTarget === 'undefined') {
  G.Event = class Event { constructor(type, o) { this.type = type; this.defaultPrevented = false; this.cancelable = !!(o && o.cancelable); this.timeStamp = Date.now(); } preventDefault() { this.defaultPrevented = true; } stopPropagation() {} stopImmediatePropagation() {} };
  G.EventTarget = class EventTarget {
    constructor() { Object.defineProperty(this, '_l', { value: new Map() }); }
    addEventListener(t, fn, o) { if (!fn) return; const l = this._l.get(t) || []; if (!l.some(x => x.fn === fn)) l.push({ fn, once: !!(o && o.once) }); this._l.set(t, l); }
    removeEventListener(t, fn) { const l = this._l.get(t); if (l) this._l.set(t, l.filter(x => x.fn !== fn)); }
    dispatchEvent(e) { for (const x of (this._l.get(e.type) || []).slice()) { if (x.once) this.removeEventListener(e.type, x.fn); if (typeof x.fn === 'function') x.fn.call(this, e); else x.fn.handleEvent(e); } return !e.defaultPrevented; }
  };
}
if (typeof G.AbortController === 'undefined') {
  class AbortSignal extends G.EventTarget {
    constructor() { super(); this.aborted = false; this.reason = undefined; this.onabort = null; }
    throwIfAborted() { if (this.aborted) throw this.reason; }
    static abort(reason) { const c = new G.AbortController(); c.abort(reason); return c.signal; }
    static timeout(ms) { const c = new G.AbortController(); setTimeout(() => { const e = new Error('The operation was aborted due to timeout'); e.name = 'TimeoutError'; e.code = 23; c.abort(e); }, ms).unref(); return c.signal; }
    static any(signals) { const c = new G.AbortController(); for (const s of signals) { if (s.aborted) { c.abort(s.reason); break; } s.addEventListener('abort', () => c.abort(s.reason), { once: true }); } return c.signal; }
  }
  G.AbortSignal = AbortSignal;
  G.AbortController = class AbortController {
    constructor() { this.signal = new AbortSignal(); }
    abort(reason) {
      const s = this.signal;
      if (s.aborted) return;
      s.aborted = true;
      s.reason = reason === undefined ? Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 20 }) : reason;
      const e = new G.Event('abort');
      if (typeof s.onabort === 'function') s.onabort(e);
      s.dispatchEvent(e);
    }
  };
}

const readers = new Map();
let nextReaderId = 1;

class StringDecoder {
  constructor(enc) { this.encoding = normEnc(enc); this._d = this.encoding === 'utf8' ? new TextDecoder('utf-8') : null; }
  write(b) { return this._d ? this._d.decode(b, { stream: true }) : Buffer.from(b).toString(this.encoding); }
  end(b) { let s = b ? this.write(b) : ''; if (this._d) s += this._d.decode(); return s; }
}

// Node's streams are Node's own code: readable-stream (lib/internal/streams of Node, published on npm), embedded
// by the build and loaded here with the runtime's process, Buffer, events and string_decoder.
const streamProcess = {
  nextTick: (fn, ...args) => nextTick(fn, ...args),
  get env() { return typeof process === 'undefined' ? {} : process.env; },
  get stdout() { return typeof process === 'undefined' ? undefined : process.stdout; },
  get stderr() { return typeof process === 'undefined' ? undefined : process.stderr; },
};
const vendorModules = new Map();
// Where readable-stream (a port of an older Node) differs from Node 22 in a way programs can observe: exact-text
// replacements, checked so that a version bump cannot drop one silently.
const VENDOR_PATCHES = {
  // Node emits the construct event in the same tick as the construct callback's deferred completion: a write made
  // in that gap ('open' handlers) must not be overtaken by a write made one tick later.
  'readable-stream/lib/internal/streams/destroy.js': [['process.nextTick(emitConstructNT, stream)', 'emitConstructNT(stream)']],
};
function patchVendor(file, src) {
  const patches = VENDOR_PATCHES[file];
  if (!patches) return src;
  for (const [from, to] of patches) {
    if (!src.includes(from)) throw new Error('embedded module ' + file + ' changed: patch target not found: ' + from);
    src = src.replace(from, to);
  }
  return src;
}
function vendorRequire(dir, spec) {
  switch (spec) {
    case 'process/': case 'process': return streamProcess;
    case 'buffer': return { Buffer, get Blob() { return G.Blob; } };
    case 'events': return EventEmitter;
    case 'string_decoder/': case 'string_decoder': return { StringDecoder };
    case 'abort-controller': return { AbortController: G.AbortController, AbortSignal: G.AbortSignal };
    case 'stream': return null;
  }
  const base = path.normalize(dir + '/' + spec);
  for (const file of [base + '.js', base, base + '/index.js']) {
    if (vendorModules.has(file)) return vendorModules.get(file).exports;
    let src = file.endsWith('.js') ? host.vendorSource(file) : null;
    if (src == null) continue;
    src = patchVendor(file, String(src));
    const module = { exports: {} };
    vendorModules.set(file, module);
    // Modules that do not require('process/') themselves see the runtime's process (global may not exist yet).
    const ownProcess = /(?:const|let|var)\s+process\s*=/.test(String(src));
    const fn = new Function('exports', 'require', 'module', '__filename', '__dirname', ownProcess ? '__process' : 'process', String(src));
    const d = path.dirname(file);
    fn.call(module.exports, module.exports, (s) => vendorRequire(d, s), module, file, d, streamProcess);
    return module.exports;
  }
  throw new Error('embedded module not found: ' + spec + ' from ' + dir);
}
const stream = vendorRequire('readable-stream/lib/ours', './index');
const { Readable, Writable, Duplex, Transform, PassThrough, finished, pipeline } = stream;
builtinStreamAdapters();

// A Readable fed by a host reader thread on an fd.
class FdReadable extends Readable {
  constructor(fd, closeAtEnd, opts) {
    super(opts);
    this.fd = fd;
    this._closeAtEnd = closeAtEnd;
    this._readerId = 0;
    this._hostEnded = false;
  }
  _read() { this._start(); }
  _start() {
    if (this._readerId || this._hostEnded || this.destroyed) return;
    this._readerId = nextReaderId++;
    readers.set(this._readerId, this);
    host.readStart(this.fd, this._readerId, this._closeAtEnd);
  }
  _stop() { if (this._readerId) { host.readStop(this._readerId); readers.delete(this._readerId); } }
  _hostEvent(kind, value) {
    if (kind === 'data') { if (!this.destroyed) this.push(fromHost(value)); }
    else if (kind === 'end') { readers.delete(this._readerId); this._hostEnded = true; if (!this.destroyed) this.push(null); if (this._onHostEnd) this._onHostEnd(); }
    else { readers.delete(this._readerId); this._hostEnded = true; this.destroy(uvError(String(value), 'read')); }
  }
  _destroy(err, cb) { this._stop(); cb(err); }
  ref() { return this; }
  unref() { if (this._readerId) { host.readStop(this._readerId); } return this; }
}

class FdWritable extends Writable {
  constructor(fd, closeAtEnd, opts) { super(Object.assign({ decodeStrings: false }, opts)); this.fd = fd; this._closeAtEnd = closeAtEnd; this.readable = false; }
  _write(chunk, enc, cb) {
    try { sys('write', undefined, () => hostWrite(this.fd, chunk, enc)); } catch (e) { cb(e); return; }
    cb();
  }
  _destroy(err, cb) {
    if (this._closeAtEnd && this.fd >= 0) { const fd = this.fd; this.fd = -1; try { host.close(fd); } catch (e) { /* already closed */ } }
    cb(err);
  }
}

// Node <-> WHATWG stream adapters (Readable.toWeb/fromWeb, Writable.toWeb/fromWeb).
function builtinStreamAdapters() {
  // stream.duplexPair (Node 22.6): two Duplexes, each reading what the other writes.
  const kOther = Symbol('other'), kCallback = Symbol('callback');
  class DuplexSide extends Duplex {
    _read() { const cb = this[kCallback]; if (cb) { this[kCallback] = null; cb(); } }
    _write(chunk, encoding, callback) {
      if (chunk.length === 0) { nextTick(callback); return; }
      this[kOther].push(chunk);
      this[kOther][kCallback] = callback;
    }
    _final(callback) { this[kOther].on('end', callback); this[kOther].push(null); }
  }
  stream.duplexPair = function duplexPair(options) {
    const a = new DuplexSide(options), b = new DuplexSide(options);
    a[kOther] = b; b[kOther] = a;
    return [a, b];
  };
  Readable.toWeb = function (readable) {
    return new G.ReadableStream({
      start(controller) {
        readable.on('data', (chunk) => controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice()));
        readable.on('end', () => controller.close());
        readable.on('error', (e) => controller.error(e));
      },
      cancel() { readable.destroy(); },
    });
  };
  Readable.fromWeb = function (webStream, options) {
    const reader = webStream.getReader();
    return new Readable(Object.assign({}, options, {
      read() {
        reader.read().then(({ value, done }) => {
          if (done) this.push(null);
          else this.push(options && options.objectMode ? value : typeof value === 'string' ? Buffer.from(value) : Buffer.from(asBytes(value)));
        }, (e) => this.destroy(e));
      },
      destroy(err, cb) { reader.cancel(err).catch(() => {}); cb(err); },
    }));
  };
  Writable.toWeb = function (writable) {
    return new G.WritableStream({
      write(chunk) { return new Promise((res, rej) => writable.write(chunk, (e) => (e ? rej(e) : res()))); },
      close() { return new Promise((res) => writable.end(res)); },
      abort(e) { writable.destroy(e); },
    });
  };
  Writable.fromWeb = function (webStream) {
    const writer = webStream.getWriter();
    return new Writable({
      write(chunk, enc, cb) { writer.write(chunk).then(() => cb(), cb); },
      final(cb) { writer.close().then(() => cb(), cb); },
    });
  };
}


// ---------------------------------------------------------------- fs

const fsConstants = {
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 0x40, O_EXCL: 0x80, O_TRUNC: 0x200, O_APPEND: 0x400,
  O_DIRECTORY: 0x10000, O_NOFOLLOW: 0x20000, O_NONBLOCK: 0x800, O_SYNC: 0x101000,
  S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFLNK: 0o120000, S_IFIFO: 0o010000, S_IFCHR: 0o020000,
  S_IFSOCK: 0o140000, S_IFBLK: 0o060000, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4,
  UV_FS_O_FILEMAP: 0,
};
const TYPE_BITS = { FILE: 0o100000, DIRECTORY: 0o040000, SYMLINK: 0o120000, FIFO: 0o010000, CHAR_DEVICE: 0o020000, BLOCK_DEVICE: 0o060000, SOCKET: 0o140000 };

function flagsOf(flags, fallback) {
  if (flags === undefined || flags === null) return fallback;
  if (typeof flags === 'number') return flags;
  switch (flags) {
    case 'r': case 'rs': case 'sr': return 0;
    case 'r+': case 'rs+': case 'sr+': return 2;
    case 'w': return 0x41 | 0x200;
    case 'wx': case 'xw': return 0x41 | 0x200 | 0x80;
    case 'w+': return 0x42 | 0x200;
    case 'wx+': case 'xw+': return 0x42 | 0x200 | 0x80;
    case 'a': return 0x41 | 0x400;
    case 'ax': case 'xa': return 0x41 | 0x400 | 0x80;
    case 'a+': return 0x42 | 0x400;
    case 'ax+': case 'xa+': return 0x42 | 0x400 | 0x80;
    default: throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'flags' is invalid. Received " + inspect(flags));
  }
}
function toPath(p, name) {
  if (typeof p === 'string') {
    if (p.includes('\u0000')) throw typeError('ERR_INVALID_ARG_VALUE', "The argument '" + (name || 'path') + "' must be a string without null bytes. Received " + inspect(p));
    return path.resolve(p);
  }
  if (p instanceof URL) return fileURLToPath(p);
  if (p instanceof Uint8Array) return path.resolve(Buffer.from(p).toString());
  throw typeError('ERR_INVALID_ARG_TYPE', 'The "' + (name || 'path') + '" argument must be of type string or an instance of Buffer or URL. Received ' + inspect(p));
}
function encOf(options, fallback) {
  if (typeof options === 'string') return options;
  if (options && options.encoding !== undefined) return options.encoding;
  return fallback;
}

// The is*() predicates Stats and Dirent share, over the kernel's file type.
class FileKind {
  isFile() { return this._type === 'FILE'; }
  isDirectory() { return this._type === 'DIRECTORY'; }
  isSymbolicLink() { return this._type === 'SYMLINK'; }
  isFIFO() { return this._type === 'FIFO'; }
  isCharacterDevice() { return this._type === 'CHAR_DEVICE'; }
  isBlockDevice() { return this._type === 'BLOCK_DEVICE'; }
  isSocket() { return this._type === 'SOCKET'; }
}
class Stats extends FileKind {
  constructor(s) {
    super();
    this.dev = 2049; this.mode = TYPE_BITS[s.type] | s.mode; this.nlink = s.nlink; this.uid = s.uid; this.gid = s.gid;
    this.rdev = 0; this.blksize = 4096; this.ino = s.ino; this.size = s.size; this.blocks = Math.ceil(s.size / 512);
    this.atimeMs = s.atimeMs; this.mtimeMs = s.mtimeMs; this.ctimeMs = s.ctimeMs; this.birthtimeMs = s.birthtimeMs;
    this.atime = new Date(s.atimeMs); this.mtime = new Date(s.mtimeMs); this.ctime = new Date(s.ctimeMs); this.birthtime = new Date(s.birthtimeMs);
    Object.defineProperty(this, '_type', { value: s.type });
  }
}
class Dirent extends FileKind {
  constructor(name, type, parentPath) { super(); this.name = name; Object.defineProperty(this, '_type', { value: type }); this.parentPath = parentPath; this.path = parentPath; }
}

const fs = {
  constants: fsConstants,
  Stats, Dirent,
  existsSync(p) { try { host.stat(toPath(p), true); return true; } catch (e) { return false; } },
  accessSync(p, mode) {
    const file = toPath(p);
    const s = sys('access', file, () => host.stat(file, true));
    mode = mode || 0;
    if (mode & 2 && host.uid() !== 0 && !(s.mode & 0o222)) throw uvError('EACCES', 'access', file);
    if (mode & 1 && !(s.mode & 0o111)) throw uvError('EACCES', 'access', file);
  },
  statSync(p, opts) {
    const file = toPath(p);
    try { return new Stats(sys('stat', file, () => host.stat(file, true))); } catch (e) { if (opts && opts.throwIfNoEntry === false && e.code === 'ENOENT') return undefined; throw e; }
  },
  lstatSync(p, opts) {
    const file = toPath(p);
    try { return new Stats(sys('lstat', file, () => host.stat(file, false))); } catch (e) { if (opts && opts.throwIfNoEntry === false && e.code === 'ENOENT') return undefined; throw e; }
  },
  fstatSync(fd) { return new Stats(sys('fstat', undefined, () => host.fstat(fd))); },
  readFileSync(p, options) {
    const enc = encOf(options, null);
    let b;
    if (typeof p === 'number') {
      const chunks = [];
      for (;;) { const c = fromHost(sys('read', undefined, () => host.read(p, 65536, -1))); if (!c.length) break; chunks.push(c); }
      b = Buffer.concat(chunks);
    } else {
      const file = toPath(p);
      if (enc === 'utf8' || enc === 'utf-8') return sys('open', file, () => String(host.readFileString(file)));
      b = fromHost(sys('open', file, () => host.readFile(file)));
    }
    return enc ? b.toString(enc) : b;
  },
  writeFileSync(p, data, options) {
    const enc = encOf(options, 'utf8');
    const flags = flagsOf(options && options.flag, 0x41 | 0x200);
    const mode = options && options.mode !== undefined ? options.mode : 0o666;
    if (typeof p === 'number') { sys('write', undefined, () => hostWrite(p, data, enc)); return; }
    const file = toPath(p);
    const fd = sys('open', file, () => host.open(file, flags, mode));
    try { sys('write', file, () => hostWrite(fd, typeof data === 'string' || ArrayBuffer.isView(data) ? data : String(data), enc)); } finally { host.close(fd); }
  },
  appendFileSync(p, data, options) {
    fs.writeFileSync(p, data, Object.assign({}, typeof options === 'string' ? { encoding: options } : options, { flag: (options && options.flag) || 'a' }));
  },
  mkdirSync(p, options) {
    const file = toPath(p);
    const recursive = options && typeof options === 'object' && options.recursive;
    const mode = options && typeof options === 'object' && options.mode !== undefined ? options.mode : typeof options === 'number' ? options : 0o777;
    if (!recursive) { sys('mkdir', file, () => host.mkdir(file, mode)); return undefined; }
    let first;
    const missing = [];
    for (let d = file; d !== '/'; d = path.dirname(d)) {
      try { const s = host.stat(d, true); if (s.type !== 'DIRECTORY') throw uvError('ENOTDIR', 'mkdir', file); break; } catch (e) { if (e.code === 'ENOTDIR') throw e; missing.unshift(d); }
    }
    for (const d of missing) {
      try { host.mkdir(d, mode); if (!first) first = d; } catch (e) { if (!isHostErrno(e) || String(e.errno().name()) !== 'EEXIST') throw sysError(e, 'mkdir', file); }
    }
    return first;
  },
  mkdtempSync(prefix) {
    for (let i = 0; i < 100; i++) {
      const b = Buffer.alloc(6); host.randomFill(b.buffer, b.byteOffset, 6);
      const name = prefix + b.toString('base64').replace(/[+/=]/g, 'x').slice(0, 6);
      try { fs.mkdirSync(name, 0o700); return name; } catch (e) { if (e.code !== 'EEXIST') throw e; }
    }
    throw uvError('EEXIST', 'mkdtemp', prefix + 'XXXXXX');
  },
  readdirSync(p, options) {
    const dir = toPath(p);
    const flat = sys('scandir', dir, () => host.readdir(dir));
    const withTypes = options && options.withFileTypes;
    const out = [];
    for (let i = 0; i < flat.length; i += 2) out.push(withTypes ? new Dirent(String(flat[i]), String(flat[i + 1]), dir) : String(flat[i]));
    if (options && options.recursive) {
      for (let i = 0; i < flat.length; i += 2) {
        if (String(flat[i + 1]) === 'DIRECTORY') {
          const name = String(flat[i]);
          for (const sub of fs.readdirSync(dir + '/' + name, options)) out.push(withTypes ? sub : name + '/' + sub);
        }
      }
    }
    return out;
  },
  unlinkSync(p) { const f = toPath(p); sys('unlink', f, () => host.unlink(f)); },
  rmdirSync(p, options) { const f = toPath(p); if (options && options.recursive) return fs.rmSync(f, { recursive: true, force: true }); sys('rmdir', f, () => host.rmdir(f)); },
  rmSync(p, options) {
    const f = toPath(p);
    let st;
    try { st = host.stat(f, false); } catch (e) { if (options && options.force) return; throw sysError(e, 'rm', f); }
    if (st.type === 'DIRECTORY') {
      if (!(options && options.recursive)) { const e = new NodeError('ERR_FS_EISDIR', 'Path is a directory: rm returned EISDIR (is a directory) ' + f); e.errno = 21; e.syscall = 'rm'; e.path = f; throw e; }
      for (const name of fs.readdirSync(f)) fs.rmSync(f + '/' + name, options);
      sys('rmdir', f, () => host.rmdir(f));
    } else sys('unlink', f, () => host.unlink(f));
  },
  renameSync(a, b) { const f = toPath(a), t = toPath(b); sys('rename', f, () => host.rename(f, t), t); },
  copyFileSync(a, b, mode) {
    const f = toPath(a), t = toPath(b);
    if (mode & 1 && fs.existsSync(t)) throw uvError('EEXIST', 'copyfile', f, t);
    const data = fromHost(sys('copyfile', f, () => host.readFile(f), t));
    fs.writeFileSync(t, data);
  },
  cpSync(a, b, options) {
    const f = toPath(a), t = toPath(b);
    const st = fs.statSync(f);
    if (st.isDirectory()) {
      if (!(options && options.recursive)) { const e = new NodeError('ERR_FS_EISDIR', 'Recursive option is required to copy a directory: ' + f); throw e; }
      fs.mkdirSync(t, { recursive: true });
      for (const name of fs.readdirSync(f)) fs.cpSync(f + '/' + name, t + '/' + name, options);
    } else fs.copyFileSync(f, t);
  },
  realpathSync(p, options) {
    const f = toPath(p);
    const r = sys('realpath', f, () => String(host.realpath(f)));
    const enc = encOf(options, 'utf8');
    return enc === 'buffer' ? Buffer.from(r) : enc === 'utf8' || enc === 'utf-8' ? r : Buffer.from(r).toString(enc);
  },
  readlinkSync(p) { const f = toPath(p); return sys('readlink', f, () => String(host.readlink(f))); },
  symlinkSync(target, p) { const f = toPath(p); sys('symlink', String(target), () => host.symlink(String(target), f), f); },
  linkSync(a, b) { const f = toPath(a), t = toPath(b); sys('link', f, () => host.link(f, t), t); },
  chmodSync(p, mode) { const f = toPath(p); sys('chmod', f, () => host.chmod(f, typeof mode === 'string' ? parseInt(mode, 8) : mode)); },
  chownSync() {},
  lchownSync() {},
  utimesSync(p, a, m) { const f = toPath(p); sys('utime', f, () => host.utimes(f, timeMs(a), timeMs(m))); },
  lutimesSync(p, a, m) { fs.utimesSync(p, a, m); },
  truncateSync(p, len) {
    if (typeof p === 'number') { fs.ftruncateSync(p, len); return; } // DEP0081, still honoured
    const f = toPath(p); sys('open', f, () => host.truncate(f, len || 0));
  },
  // The kernel's calls take paths: an fd's file is found through /proc/self/fd (the VM's own procfs).
  fchmodSync(fd, mode) { checkFd(fd); const m = fileMode(mode); sys('fchmod', undefined, () => host.chmod(fdPath(fd), m)); },
  fchownSync(fd, uid, gid) { checkFd(fd); checkInt(uid, 'uid', -1, 4294967295); checkInt(gid, 'gid', -1, 4294967295); sys('fchown', undefined, () => fdPath(fd)); },
  futimesSync(fd, a, m) { checkFd(fd); sys('futime', undefined, () => host.utimes(fdPath(fd), timeMs(a), timeMs(m))); },
  readvSync(fd, buffers, position) {
    checkFd(fd);
    if (!Array.isArray(buffers)) throw errInvalidArgType('buffers', 'an instance of ArrayBufferView[]', buffers);
    let total = 0, pos = typeof position === 'number' ? position : null;
    for (const b of buffers) {
      if (!ArrayBuffer.isView(b)) throw errInvalidArgType('buffers', 'an instance of ArrayBufferView[]', buffers);
      const n = fs.readSync(fd, b, 0, b.byteLength, pos);
      total += n;
      if (pos !== null) pos += n;
      if (n < b.byteLength) break;
    }
    return total;
  },
  writevSync(fd, buffers, position) {
    checkFd(fd);
    if (!Array.isArray(buffers)) throw errInvalidArgType('buffers', 'an instance of ArrayBufferView[]', buffers);
    for (const b of buffers) if (!ArrayBuffer.isView(b)) throw errInvalidArgType('buffers', 'an instance of ArrayBufferView[]', buffers);
    if (!buffers.length) return 0;
    return fs.writeSync(fd, Buffer.concat(buffers.map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength))), 0, undefined, typeof position === 'number' ? position : null);
  },
  ftruncateSync(fd, len) { sys('ftruncate', undefined, () => host.ftruncate(fd, len || 0)); },
  fsyncSync(fd) { sys('fsync', undefined, () => host.fsync(fd)); },
  fdatasyncSync(fd) { sys('fdatasync', undefined, () => host.fsync(fd)); },
  openSync(p, flags, mode) { const f = toPath(p); return sys('open', f, () => host.open(f, flagsOf(flags, 0), mode === undefined ? 0o666 : mode)); },
  closeSync(fd) { sys('close', undefined, () => host.close(fd)); },
  readSync(fd, buffer, offsetOrOptions, length, position) {
    let offset = offsetOrOptions;
    if (typeof offsetOrOptions === 'object' && offsetOrOptions !== null) ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
    offset = offset || 0;
    if (length === undefined) length = buffer.byteLength - offset;
    const data = fromHost(sys('read', undefined, () => host.read(fd, length, position === null || position === undefined || position < 0 ? -1 : Number(position))));
    new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).set(data, offset);
    return data.length;
  },
  writeSync(fd, data, offsetOrPos, lengthOrEnc, position) {
    if (typeof data === 'string') return sys('write', undefined, () => hostWrite(fd, data, typeof lengthOrEnc === 'string' ? lengthOrEnc : 'utf8', typeof offsetOrPos === 'number' ? offsetOrPos : -1));
    const u = asBytes(data);
    const off = typeof offsetOrPos === 'number' ? offsetOrPos : 0;
    const len = typeof lengthOrEnc === 'number' ? lengthOrEnc : u.length - off;
    return sys('write', undefined, () => hostWrite(fd, u.subarray(off, off + len), undefined, position));
  },
  opendirSync(p) {
    const entries = fs.readdirSync(p, { withFileTypes: true });
    let i = 0;
    return { path: toPath(p), readSync: () => entries[i++] || null, read: async () => entries[i++] || null, closeSync() {}, close: async () => {},
      async *[Symbol.asyncIterator]() { yield* entries; }, *[Symbol.iterator]() { yield* entries; } };
  },
  createReadStream(p, options) { return new ReadStream(p, options); },
  createWriteStream(p, options) { return new WriteStream(p, options); },
};
function checkFd(fd) { checkInt(fd, 'fd', 0, 2147483647); }
function fileMode(mode) {
  if (typeof mode === 'string') {
    if (!/^[0-7]+$/.test(mode)) throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'mode' must be a 32-bit unsigned integer or an octal string. Received " + inspect(mode));
    return parseInt(mode, 8);
  }
  checkInt(mode, 'mode', 0, 4294967295);
  return mode & 0o7777;
}
function fdPath(fd) {
  try { return String(host.readlink('/proc/self/fd/' + fd)); } catch (e) { throw uvError('EBADF', 'fstat'); }
}
function sysError(e, syscall, p) { return isHostErrno(e) ? uvError(String(e.errno().name()), syscall, p) : e; }
function timeMs(t) { return t instanceof Date ? t.getTime() : typeof t === 'string' ? Date.parse(t) : Number(t) * 1000; }

// Callback and promise forms of every *Sync function. Like Node, argument validation throws at the call; only
// the operation's own failures reach the callback.
const VALIDATION_CODES = new Set(['ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE', 'ERR_OUT_OF_RANGE', 'ERR_UNKNOWN_ENCODING',
  'ERR_INVALID_URL_SCHEME', 'ERR_INVALID_FILE_URL_PATH', 'ERR_INVALID_FILE_URL_HOST', 'ERR_INVALID_URL']);
function isValidationError(e) { return e !== null && typeof e === 'object' && VALIDATION_CODES.has(e.code); }
const promises = {};
for (const name of Object.keys(fs)) {
  if (!name.endsWith('Sync') || name === 'existsSync') continue;
  const base = name.slice(0, -4);
  const syncFn = fs[name];
  fs[base] = function (...args) {
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    if (!cb) throw errInvalidArgType('cb', 'of type function', args[args.length - 1]);
    let result, error = null;
    try { result = syncFn.apply(fs, args); } catch (e) { if (isValidationError(e)) throw e; error = e; }
    setImmediate(() => (error ? cb(error) : cb(null, result)))._resourceType = 'FSReqCallback';
  };
  promises[base] = (...args) => new Promise((resolve, reject) => {
    try { resolve(syncFn.apply(fs, args)); } catch (e) { reject(e); }
  });
}
// fs.watch and fs.watchFile by polling: the kernel has no change notification, so watchers compare snapshots
// (names, inodes, sizes, modification times) at an interval. Recursive watches are bounded in entries.
const WATCH_POLL_MS = 100, WATCH_MAX_ENTRIES = 20000;
function zeroStats() {
  return new Stats({ type: 'UNKNOWN', mode: 0, nlink: 0, uid: 0, gid: 0, ino: 0, size: 0, atimeMs: 0, mtimeMs: 0, ctimeMs: 0, birthtimeMs: 0 });
}
class StatWatcher extends EventEmitter {
  constructor(file, interval, persistent) {
    super();
    this._file = file;
    this._prev = this._stat();
    this._timer = setInterval(() => this._poll(), interval);
    if (!persistent) this._timer.unref();
  }
  _stat() { try { return fs.statSync(this._file); } catch (e) { return zeroStats(); } }
  _poll() {
    const cur = this._stat(), prev = this._prev;
    if (cur.mtimeMs !== prev.mtimeMs || cur.ctimeMs !== prev.ctimeMs || cur.size !== prev.size || cur.ino !== prev.ino || cur.nlink !== prev.nlink || cur.mode !== prev.mode) {
      this._prev = cur;
      this.emit('change', cur, prev);
    }
  }
  stop() { if (this._timer) { clearInterval(this._timer); this._timer = null; nextTick(() => this.emit('stop')); } }
  ref() { if (this._timer) this._timer.ref(); return this; }
  unref() { if (this._timer) this._timer.unref(); return this; }
}
const statWatchers = new Map();
function watchFile(filename, options, listener) {
  const file = toPath(filename, 'filename');
  if (typeof options === 'function') { listener = options; options = {}; }
  options = Object.assign({ interval: 5007, persistent: true }, options);
  if (typeof listener !== 'function') throw errInvalidArgType('listener', 'of type function', listener);
  let w = statWatchers.get(file);
  if (!w) { w = new StatWatcher(file, options.interval, options.persistent); statWatchers.set(file, w); }
  w.addListener('change', listener);
  return w;
}
function unwatchFile(filename, listener) {
  const file = toPath(filename, 'filename');
  const w = statWatchers.get(file);
  if (!w) return;
  if (typeof listener === 'function') w.removeListener('change', listener); else w.removeAllListeners('change');
  if (w.listenerCount('change') === 0) { w.stop(); statWatchers.delete(file); }
}
function snapshot(root, recursive) {
  const out = new Map();
  const st = host.stat(root, true);
  if (st.type !== 'DIRECTORY') { out.set('', [st.ino, st.mtimeMs, st.size, st.type]); return out; }
  const walk = (dir, rel) => {
    let names;
    try { names = Array.from(host.readdir(dir), String); } catch (e) { return; }
    for (const n of names) {
      if (out.size >= WATCH_MAX_ENTRIES) return;
      const p = dir + '/' + n, r = rel ? rel + '/' + n : n;
      let s;
      try { s = host.stat(p, false); } catch (e) { continue; }
      out.set(r, [s.ino, s.mtimeMs, s.size, s.type]);
      if (recursive && s.type === 'DIRECTORY') walk(p, r);
    }
  };
  walk(root === '/' ? '' : root, '');
  return out;
}
class FSWatcher extends EventEmitter {
  constructor() { super(); this._timer = null; this._closed = false; }
  _start(file, options) {
    const recursive = !!options.recursive, encoding = options.encoding || 'utf8';
    let prev = sys('watch', file, () => snapshot(file, recursive));
    const base = path.basename(file);
    this._timer = setInterval(() => {
      let cur;
      try { cur = snapshot(file, recursive); } catch (e) {
        if (!this._closed) { this.emit('change', 'rename', this._name(base, encoding)); this.close(); }
        return;
      }
      const events = [];
      for (const [name, v] of cur) {
        const old = prev.get(name);
        if (!old || old[0] !== v[0]) events.push(['rename', name]);
        else if (old[1] !== v[1] || old[2] !== v[2]) events.push(['change', name]);
      }
      for (const name of prev.keys()) if (!cur.has(name)) events.push(['rename', name]);
      prev = cur;
      for (const [type, name] of events) {
        if (this._closed) return;
        this.emit('change', type, this._name(name === '' ? base : name, encoding));
      }
    }, WATCH_POLL_MS);
    if (options.persistent === false) this._timer.unref();
    if (options.signal) {
      if (options.signal.aborted) nextTick(() => this.close());
      else options.signal.addEventListener('abort', () => this.close(), { once: true });
    }
  }
  _name(name, encoding) { return encoding === 'buffer' ? Buffer.from(name) : encoding === 'utf8' || encoding === 'utf-8' ? name : Buffer.from(name).toString(encoding); }
  close() {
    if (this._closed) return;
    this._closed = true;
    if (this._timer) { clearInterval(this._timer); this._timer = null; }
    nextTick(() => this.emit('close'));
  }
  ref() { if (this._timer) this._timer.ref(); return this; }
  unref() { if (this._timer) this._timer.unref(); return this; }
}
function watch(filename, options, listener) {
  if (typeof options === 'function') { listener = options; options = {}; }
  if (typeof options === 'string') options = { encoding: options };
  options = Object.assign({ persistent: true, recursive: false }, options);
  if (typeof options.persistent !== 'boolean') throw errInvalidArgType('options.persistent', 'of type boolean', options.persistent);
  if (typeof options.recursive !== 'boolean') throw errInvalidArgType('options.recursive', 'of type boolean', options.recursive);
  if (options.encoding !== undefined && options.encoding !== 'buffer') normEnc(options.encoding);
  if (options.signal !== undefined && (options.signal === null || typeof options.signal !== 'object' || !('aborted' in options.signal))) {
    throw errInvalidArgType('options.signal', 'an instance of AbortSignal', options.signal);
  }
  const file = toPath(filename, 'filename');
  const w = new FSWatcher();
  w._start(file, options);
  if (typeof listener === 'function') w.on('change', listener);
  return w;
}
function watchPromise(filename, options) {
  options = typeof options === 'string' ? { encoding: options } : Object.assign({}, options);
  const signal = options.signal;
  delete options.signal;
  const w = watch(filename, options);
  const queue = [], waiting = [];
  let done = false, failure = null;
  const finish = (err) => {
    if (done) return;
    done = true; failure = err || null; w.close();
    while (waiting.length) { const p = waiting.shift(); if (failure) p.reject(failure); else p.resolve({ value: undefined, done: true }); }
  };
  w.on('change', (eventType, name) => {
    const v = { eventType, filename: name };
    if (waiting.length) waiting.shift().resolve({ value: v, done: false }); else queue.push(v);
  });
  if (signal) {
    const abort = () => { const e = new Error('The operation was aborted'); e.name = 'AbortError'; e.code = 'ABORT_ERR'; e.cause = signal.reason; finish(e); };
    if (signal.aborted) abort(); else signal.addEventListener('abort', abort, { once: true });
  }
  return {
    next() {
      if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
      if (done) return failure ? Promise.reject(failure) : Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() { finish(); return Promise.resolve({ value: undefined, done: true }); },
    throw(e) { finish(e); return Promise.reject(e); },
    [Symbol.asyncIterator]() { return this; },
  };
}
Object.assign(fs, { watch, watchFile, unwatchFile });
// Node's fs does not list its watcher classes among its keys.
Object.defineProperty(fs, 'FSWatcher', { value: FSWatcher, writable: true, configurable: true, enumerable: false });
Object.defineProperty(fs, 'StatWatcher', { value: StatWatcher, writable: true, configurable: true, enumerable: false });
promises.watch = watchPromise;
fs.exists = (p, cb) => setImmediate(() => cb(fs.existsSync(p)));
fs.read = function (fd, buffer, offset, length, position, cb) {
  // fs.read(fd, cb), (fd, options, cb), (fd, buffer, options, cb) and (fd, buffer, offset, length, position, cb).
  if (typeof buffer === 'function') { cb = buffer; buffer = undefined; }
  else if (!ArrayBuffer.isView(buffer) && typeof offset === 'function') { cb = offset; offset = buffer; buffer = undefined; }
  else if (typeof offset === 'function') { cb = offset; offset = undefined; }
  else if (typeof length === 'function') { cb = length; length = undefined; }
  else if (typeof position === 'function') { cb = position; position = undefined; }
  if (buffer === undefined || (buffer === null && offset === undefined) || (!ArrayBuffer.isView(buffer) && buffer !== null && typeof buffer === 'object')) {
    const o = buffer || offset || {};
    buffer = o.buffer || Buffer.alloc(16384);
    offset = o.offset || 0;
    length = o.length === undefined ? buffer.byteLength - offset : o.length;
    position = o.position === undefined ? null : o.position;
  } else if (offset !== null && typeof offset === 'object') {
    const o = offset;
    offset = o.offset || 0;
    length = o.length === undefined ? buffer.byteLength - offset : o.length;
    position = o.position === undefined ? null : o.position;
  }
  if (typeof cb !== 'function') throw errInvalidArgType('cb', 'of type function', cb);
  let n, err = null;
  try { n = fs.readSync(fd, buffer, offset, length, position); } catch (e) { if (isValidationError(e)) throw e; err = e; }
  setImmediate(() => err ? cb(err) : cb(null, n, buffer));
};
fs.read[customPromisifyArgs] = ['bytesRead', 'buffer'];
fs.write = function (fd, data, ...rest) {
  const cb = rest.pop();
  if (typeof cb !== 'function') throw errInvalidArgType('cb', 'of type function', cb);
  let n, err = null;
  try { n = fs.writeSync(fd, data, ...rest); } catch (e) { if (isValidationError(e)) throw e; err = e; }
  setImmediate(() => err ? cb(err) : cb(null, n, data));
};
for (const name of ['readv', 'writev']) {
  const syncFn = fs[name + 'Sync'];
  fs[name] = function (fd, buffers, position, cb) {
    if (typeof position === 'function') { cb = position; position = null; }
    if (typeof cb !== 'function') throw errInvalidArgType('cb', 'of type function', cb);
    let n, err = null;
    try { n = syncFn(fd, buffers, position); } catch (e) { if (isValidationError(e)) throw e; err = e; }
    setImmediate(() => err ? cb(err) : cb(null, n, buffers));
  };
  delete promises[name];
}
fs.write[customPromisifyArgs] = ['bytesWritten', 'buffer'];
fs.readv[customPromisifyArgs] = ['bytesRead', 'buffers'];
fs.writev[customPromisifyArgs] = ['bytesWritten', 'buffers'];
fs.exists[customPromisify] = (p) => new Promise((resolve) => fs.exists(p, resolve));
// The kernel resolves paths itself: realpath(3) and Node's JS walk give the same answer here.
fs.realpathSync.native = (...args) => fs.realpathSync(...args);
fs.realpath.native = (...args) => fs.realpath(...args);
// fs.promises' FileHandle: an EventEmitter ('close') whose fd becomes -1 once closed; calls after that fail with EBADF.
class FileHandle extends EventEmitter {
  constructor(fd) { super(); this._fd = fd; this._closing = null; }
  get fd() { return this._fd; }
  _call(syscall, fn) {
    return new Promise((res, rej) => {
      if (this._fd < 0 || this._closing) { rej(uvError('EBADF', syscall)); return; }
      try { res(fn(this._fd)); } catch (e) { rej(e); }
    });
  }
  readFile(o) { return this._call('read', (fd) => fs.readFileSync(fd, o)); }
  writeFile(d, o) { return this._call('write', (fd) => fs.writeFileSync(fd, d, o)); }
  appendFile(d, o) { return this._call('write', (fd) => fs.appendFileSync(fd, d, o)); }
  read(b, o, l, p) {
    if (b !== null && typeof b === 'object' && !ArrayBuffer.isView(b)) ({ buffer: b, offset: o, length: l, position: p } = b);
    if (b === undefined || b === null) b = Buffer.alloc(16384);
    return this._call('read', (fd) => ({ bytesRead: fs.readSync(fd, b, o, l, p), buffer: b }));
  }
  readv(bufs, p) { return this._call('read', (fd) => ({ bytesRead: fs.readvSync(fd, bufs, p), buffers: bufs })); }
  write(d, ...a) { return this._call('write', (fd) => ({ bytesWritten: fs.writeSync(fd, d, ...a), buffer: d })); }
  writev(bufs, p) { return this._call('write', (fd) => ({ bytesWritten: fs.writevSync(fd, bufs, p), buffers: bufs })); }
  stat(o) { return this._call('fstat', (fd) => fs.fstatSync(fd, o)); }
  truncate(l) { return this._call('ftruncate', (fd) => fs.ftruncateSync(fd, l)); }
  sync() { return this._call('fsync', (fd) => fs.fsyncSync(fd)); }
  datasync() { return this._call('fdatasync', (fd) => fs.fdatasyncSync(fd)); }
  chmod(m) { return this._call('fchmod', (fd) => fs.fchmodSync(fd, m)); }
  chown(u, g) { return this._call('fchown', (fd) => fs.fchownSync(fd, u, g)); }
  utimes(a, m) { return this._call('futime', (fd) => fs.futimesSync(fd, a, m)); }
  createReadStream(o) { return new ReadStream(undefined, Object.assign({}, o, { fd: this })); }
  createWriteStream(o) { return new WriteStream(undefined, Object.assign({}, o, { fd: this })); }
  readLines(o) { return loadBuiltin('readline').createInterface({ input: this.createReadStream(o), crlfDelay: Infinity }); }
  close() {
    if (this._fd < 0) return Promise.resolve();
    if (this._closing) return this._closing;
    const fd = this._fd;
    this._closing = new Promise((res, rej) => {
      try { fs.closeSync(fd); } catch (e) { this._closing = null; rej(e); return; }
      this._fd = -1;
      this._closing = null;
      res();
      this.emit('close');
    });
    return this._closing;
  }
  [Symbol.asyncDispose]() { return this.close(); }
}

// fs.ReadStream/WriteStream as in Node's internal/fs/streams: function constructors (subclassed the old way by
// graceful-fs and friends), opened in _construct through the overridable options.fs, reading and writing in chunks.
function streamFs(stream, options, names) {
  const impl = options.fs || fs;
  for (const n of names) {
    if (typeof impl[n] !== 'function') throw errInvalidArgType('options.fs.' + n, 'of type function', impl[n]);
  }
  stream._fs = impl;
}
function importFd(stream, options) {
  const fd = options.fd;
  if (fd instanceof FileHandle) {
    // A FileHandle: I/O through its promise methods, and it closes with the stream.
    stream._fileHandle = fd;
    fd.on('close', () => { if (!stream.destroyed) stream.destroy(); });
    stream._fs = {
      read: (f, buf, off, len, pos, cb) => fd.read(buf, off, len, pos).then((r) => cb(null, r.bytesRead, r.buffer), cb),
      write: (f, buf, off, len, pos, cb) => fd.write(buf, off, len, pos).then((r) => cb(null, r.bytesWritten, r.buffer), cb),
      writev: (f, bufs, pos, cb) => fd.writev(bufs, pos).then((r) => cb(null, r.bytesWritten, r.buffers), cb),
      close: (f, cb) => fd.close().then(() => cb(), cb),
      fsync: (f, cb) => fd.sync().then(() => cb(), cb),
    };
    return fd.fd;
  }
  if (typeof fd !== 'number' && fd !== null && typeof fd === 'object' && typeof fd.fd === 'number') return fd.fd;
  checkInt(fd, 'fd', 0, 2147483647);
  return fd;
}
// What a file stream works on: a path opened later in _construct (with flags and mode), or an fd / FileHandle given.
function streamTarget(stream, p, options, io, defaultFlags) {
  if (options.fd === undefined || options.fd === null) {
    streamFs(stream, options, ['open', io, 'close']);
    stream.fd = null;
    stream.path = p instanceof URL ? fileURLToPath(p) : p;
    if (typeof stream.path !== 'string' && !(stream.path instanceof Uint8Array)) toPath(stream.path);
    stream.flags = options.flags === undefined ? defaultFlags : options.flags;
    stream.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    streamFs(stream, options, [io, 'close']);
    stream.fd = importFd(stream, options);
  }
}
function streamOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options === 'string') return { encoding: options };
  if (typeof options !== 'object') throw errInvalidArgType('options', 'one of type string or object', options);
  return Object.assign({}, options);
}
function openStream(stream, callback) {
  stream._fs.open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) { callback(er); return; }
    stream.fd = fd;
    callback();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  });
}
function constructStream(callback) {
  const stream = this;
  if (typeof stream.fd === 'number') { callback(); return; }
  if (stream.open !== openReadFs && stream.open !== openWriteFs) {
    // A subclass's own open() (the pre-_construct way): wait for the 'open' it emits.
    const onError = (er) => { stream.removeListener('open', onOpen); callback(er); };
    const onOpen = () => { stream.removeListener('error', onError); callback(); };
    stream.once('open', onOpen);
    stream.once('error', onError);
    stream.open();
  } else openStream(stream, callback);
}
function closeStream(stream, err, cb) {
  if (typeof stream.fd !== 'number') { cb(err); return; }
  const fd = stream.fd;
  stream.fd = null;
  const close = () => stream._fs.close(fd, (er) => cb(er || err));
  if (stream.flush && !err) stream._fs.fsync(fd, (er) => { if (er) { stream._fs.close(fd, () => cb(er)); } else close(); });
  else close();
}
function destroyStream(err, cb) {
  if (this._io) this.once('_ioDone', (er) => closeStream(this, err || er, cb));
  else closeStream(this, err, cb);
}
function ReadStream(p, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(p, options);
  options = streamOptions(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  streamTarget(this, p, options, 'read', 'r');
  Readable.call(this, options);
  this.start = options.start;
  this.end = options.end === undefined || options.end === null ? Infinity : options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this._io = false;
  if (this.start !== undefined) { checkInt(this.start, 'start', 0, Number.MAX_SAFE_INTEGER); this.pos = this.start; }
  if (this.end !== Infinity) {
    checkInt(this.end, 'end', 0, Number.MAX_SAFE_INTEGER);
    if (this.start !== undefined && this.start > this.end) throw errOutOfRange('start', '<= "end" (here: ' + this.end + ')', this.start);
  }
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);
ReadStream.prototype._construct = constructStream;
ReadStream.prototype._read = function (n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) { this.push(null); return; }
  const buf = Buffer.allocUnsafeSlow(n);
  this._io = true;
  this._fs.read(this.fd, buf, 0, n, this.pos, (er, bytesRead) => {
    this._io = false;
    if (this.destroyed) { this.emit('_ioDone', er); return; }
    if (er) { this.destroy(er); return; }
    if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead !== buf.length ? Buffer.from(buf.subarray(0, bytesRead)) : buf);
    } else this.push(null);
  });
};
ReadStream.prototype._destroy = destroyStream;
ReadStream.prototype.close = function (cb) { if (typeof cb === 'function') finished(this, cb); this.destroy(); };
Object.defineProperty(ReadStream.prototype, 'pending', { get() { return this.fd === null; }, configurable: true });
Object.defineProperty(ReadStream.prototype, 'autoClose', {
  get() { return this._readableState.autoDestroy; }, set(v) { this._readableState.autoDestroy = v; }, configurable: true });

function WriteStream(p, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(p, options);
  options = streamOptions(options);
  options.decodeStrings = true;
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  streamTarget(this, p, options, 'write', 'w');
  if (options.flush === undefined || options.flush === null) options.flush = false;
  else if (typeof options.flush !== 'boolean') throw errInvalidArgType('options.flush', 'of type boolean', options.flush);
  this.flush = options.flush;
  if (this.flush && typeof this._fs.fsync !== 'function') throw errInvalidArgType('options.fs.fsync', 'of type function', this._fs.fsync);
  if (typeof this._fs.writev !== 'function') this._writev = null;
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this._io = false;
  if (this.start !== undefined) { checkInt(this.start, 'start', 0, Number.MAX_SAFE_INTEGER); this.pos = this.start; }
  Writable.call(this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);
WriteStream.prototype._construct = constructStream;
WriteStream.prototype._write = function (data, encoding, cb) {
  this._io = true;
  this._fs.write(this.fd, data, 0, data.length, this.pos, (er, bytes) => {
    this._io = false;
    if (this.destroyed) { cb(er); this.emit('_ioDone', er); return; }
    if (er) { cb(er); return; }
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += data.length;
};
WriteStream.prototype._writev = function (chunks, cb) {
  const data = chunks.map((c) => c.chunk);
  const size = data.reduce((n, b) => n + b.length, 0);
  this._io = true;
  this._fs.writev(this.fd, data, this.pos === undefined ? null : this.pos, (er, bytes) => {
    this._io = false;
    if (this.destroyed) { cb(er); this.emit('_ioDone', er); return; }
    if (er) { cb(er); return; }
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += size;
};
WriteStream.prototype._destroy = destroyStream;
WriteStream.prototype.close = function (cb) {
  if (cb) {
    if (this.closed) { nextTick(cb); return; }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};
WriteStream.prototype.destroySoon = WriteStream.prototype.end;
Object.defineProperty(WriteStream.prototype, 'pending', { get() { return this.fd === null; }, configurable: true });
Object.defineProperty(WriteStream.prototype, 'autoClose', {
  get() { return this._writableState.autoDestroy; }, set(v) { this._writableState.autoDestroy = v; }, configurable: true });
// open() is deprecated (DEP0135) but still callable; a subclass that defines its own is honoured by _construct.
function openReadFs() { process.emitWarning('ReadStream.prototype.open() is deprecated', 'DeprecationWarning', 'DEP0135'); openStream(this, (er) => { if (er) this.destroy(er); }); }
function openWriteFs() { process.emitWarning('WriteStream.prototype.open() is deprecated', 'DeprecationWarning', 'DEP0135'); openStream(this, (er) => { if (er) this.destroy(er); }); }
ReadStream.prototype.open = openReadFs;
WriteStream.prototype.open = openWriteFs;
fs.ReadStream = ReadStream;
fs.WriteStream = WriteStream;
fs.FileReadStream = ReadStream;
fs.FileWriteStream = WriteStream;
promises.open = (p, f, m) => new Promise((res, rej) => { try { res(new FileHandle(fs.openSync(p, f, m))); } catch (e) { rej(e); } });
promises.constants = fsConstants;
fs.promises = promises;

// ---------------------------------------------------------------- URL helpers (URL itself arrives with networking)

function fileURLToPath(u) {
  const s = typeof u === 'string' ? u : String(u.href);
  if (!s.startsWith('file:')) throw typeError('ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  return decodeURIComponent(s.replace(/^file:\/\/[^/]*/, ''));
}
function pathToFileURL(p) {
  const abs = path.resolve(p);
  return new URL('file://' + abs.split('/').map(encodeURIComponent).join('/'));
}

// URLSearchParams per the WHATWG URL standard (application/x-www-form-urlencoded parsing and serializing, live
// iterators, brand checks and argument errors as in Node); a URL's searchParams and search stay in step.
function toUSV(v) {
  const str = `${v}`;
  return typeof str.toWellFormed === 'function' ? str.toWellFormed() : str.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
function formDecode(str) {
  const bytes = Buffer.from(str.replace(/\+/g, ' '), 'utf8');
  const out = Buffer.alloc(bytes.length);
  let n = 0;
  const hex = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 37 && i + 2 < bytes.length && hex(bytes[i + 1]) && hex(bytes[i + 2])) {
      out[n++] = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
      i += 2;
    } else out[n++] = bytes[i];
  }
  return out.toString('utf8', 0, n);
}
function formEncode(str) {
  return encodeURIComponent(str).replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, '+');
}
function parseFormList(query) {
  const list = [];
  for (const part of query.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    list.push(formDecode(i < 0 ? part : part.slice(0, i)), formDecode(i < 0 ? '' : part.slice(i + 1)));
  }
  return list;
}
function missingArgs(...names) {
  const what = names.length === 1 ? 'The "' + names[0] + '" argument' : 'The "' + names[0] + '" and "' + names[1] + '" arguments';
  return typeError('ERR_MISSING_ARGS', what + ' must be specified');
}
function invalidThis(type) { return typeError('ERR_INVALID_THIS', 'Value of "this" must be of type ' + type); }
let uspAttach, uspReset, uspList;
class URLSearchParams {
  #list = [];
  #url = null;
  constructor(init = undefined) {
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && init instanceof URLSearchParams) {
        this.#list = init.#list.slice();
      } else if (method !== undefined && method !== null) {
        if (typeof method !== 'function') throw typeError('ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
        for (const pair of init) {
          if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') || typeof pair[Symbol.iterator] !== 'function') {
            throw typeError('ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          const kv = Array.from(pair);
          if (kv.length !== 2) throw typeError('ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          this.#list.push(toUSV(kv[0]), toUSV(kv[1]));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const d = Reflect.getOwnPropertyDescriptor(init, key);
          if (d === undefined || !d.enumerable) continue;
          const k = toUSV(key), v = toUSV(init[key]);
          const at = this.#list.findIndex((x, i) => i % 2 === 0 && x === k);
          if (at >= 0) this.#list[at + 1] = v; else this.#list.push(k, v);
        }
      }
    } else {
      const q = toUSV(init);
      this.#list = parseFormList(q[0] === '?' ? q.slice(1) : q);
    }
  }
  static #check(self) { if (self === null || typeof self !== 'object' || !(#list in self)) throw invalidThis('URLSearchParams'); }
  // Friends of URL and the iterator, kept off the public class (no non-standard statics for guests to see).
  static {
    uspAttach = (params, url) => { params.#url = url; };
    uspReset = (params, query) => { params.#list = parseFormList(query); };
    uspList = (params) => params.#list;
  }
  #update() {
    if (!this.#url) return;
    const q = this.toString();
    this.#url._setSearchFromParams(q ? '?' + q : '');
  }
  get size() { URLSearchParams.#check(this); return this.#list.length / 2; }
  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw missingArgs('name', 'value');
    this.#list.push(toUSV(name), toUSV(value));
    this.#update();
  }
  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw missingArgs('name');
    const k = toUSV(name), v = value !== undefined ? toUSV(value) : undefined;
    const out = [];
    for (let i = 0; i < this.#list.length; i += 2) {
      if (this.#list[i] === k && (v === undefined || this.#list[i + 1] === v)) continue;
      out.push(this.#list[i], this.#list[i + 1]);
    }
    this.#list = out;
    this.#update();
  }
  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw missingArgs('name');
    const k = toUSV(name);
    for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === k) return this.#list[i + 1];
    return null;
  }
  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw missingArgs('name');
    const k = toUSV(name), out = [];
    for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === k) out.push(this.#list[i + 1]);
    return out;
  }
  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw missingArgs('name');
    const k = toUSV(name), v = value !== undefined ? toUSV(value) : undefined;
    for (let i = 0; i < this.#list.length; i += 2) if (this.#list[i] === k && (v === undefined || this.#list[i + 1] === v)) return true;
    return false;
  }
  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw missingArgs('name', 'value');
    const k = toUSV(name), v = toUSV(value);
    const out = [];
    let found = false;
    for (let i = 0; i < this.#list.length; i += 2) {
      if (this.#list[i] !== k) out.push(this.#list[i], this.#list[i + 1]);
      else if (!found) { found = true; out.push(k, v); }
    }
    if (!found) out.push(k, v);
    this.#list = out;
    this.#update();
  }
  sort() {
    URLSearchParams.#check(this);
    const pairs = [];
    for (let i = 0; i < this.#list.length; i += 2) pairs.push([this.#list[i], this.#list[i + 1]]);
    // Stable, by UTF-16 code units, as the standard says.
    pairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    this.#list = pairs.flat();
    this.#update();
  }
  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    if (typeof callback !== 'function') throw errInvalidArgType('callback', 'of type function', callback);
    for (let i = 0; i < this.#list.length; i += 2) callback.call(thisArg, this.#list[i + 1], this.#list[i], this);
  }
  entries() { URLSearchParams.#check(this); return new URLSearchParamsIterator(this, 'key+value'); }
  keys() { URLSearchParams.#check(this); return new URLSearchParamsIterator(this, 'key'); }
  values() { URLSearchParams.#check(this); return new URLSearchParamsIterator(this, 'value'); }
  toString() {
    URLSearchParams.#check(this);
    const out = [];
    for (let i = 0; i < this.#list.length; i += 2) out.push(formEncode(this.#list[i]) + '=' + formEncode(this.#list[i + 1]));
    return out.join('&');
  }
  [inspectCustom](depth, ctx) {
    URLSearchParams.#check(this);
    if (typeof depth === 'number' && depth < 0) return '[Object]';
    const inner = Object.assign({}, ctx, { depth: typeof depth === 'number' ? depth - 1 : depth });
    const output = [];
    for (let i = 0; i < this.#list.length; i += 2) output.push(inspect(this.#list[i], inner) + ' => ' + inspect(this.#list[i + 1], inner));
    const length = output.reduce((n, x) => n + x.length + 2, -2);
    const name = this.constructor.name;
    if (length > (ctx && ctx.breakLength !== undefined ? ctx.breakLength : 80)) return name + ' {\n  ' + output.join(',\n  ') + ' }';
    return output.length ? name + ' { ' + output.join(', ') + ' }' : name + ' {}';
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { value: URLSearchParams.prototype.entries, writable: true, configurable: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });
class URLSearchParamsIterator {
  #params; #kind; #index = 0;
  constructor(params, kind) { this.#params = params; this.#kind = kind; }
  static #check(self) { if (self === null || typeof self !== 'object' || !(#params in self)) throw invalidThis('URLSearchParamsIterator'); }
  next() {
    URLSearchParamsIterator.#check(this);
    const list = uspList(this.#params);
    if (this.#index >= list.length) return { value: undefined, done: true };
    const k = list[this.#index], v = list[this.#index + 1];
    this.#index += 2;
    return { value: this.#kind === 'key' ? k : this.#kind === 'value' ? v : [k, v], done: false };
  }
  [inspectCustom](depth, ctx) {
    URLSearchParamsIterator.#check(this);
    if (typeof depth === 'number' && depth < 0) return '[Object]';
    const inner = Object.assign({}, ctx, { depth: typeof depth === 'number' ? depth - 1 : depth });
    const list = uspList(this.#params).slice(this.#index);
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(this.#kind === 'key' ? list[i] : this.#kind === 'value' ? list[i + 1] : [list[i], list[i + 1]]);
    }
    const strs = output.map((x) => inspect(x, inner));
    const breakLn = inspect(output, inner).includes('\n');
    return 'URLSearchParams Iterator {' + (breakLn ? '\n  ' + strs.join(',\n  ') : ' ' + strs.join(', ')) + ' }';
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype, Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, { value: 'URLSearchParams Iterator', configurable: true });

// A small WHATWG URL for file: and http(s): URLs (enough for module and path code).
class URL {
  #search = '';
  #params = null;
  constructor(input, base) {
    input = String(input);
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(input);
    if (!m) {
      if (base === undefined) throw typeError('ERR_INVALID_URL', 'Invalid URL');
      const b = base instanceof URL ? base : new URL(base);
      let p;
      if (input.startsWith('//')) return new URL(b.protocol + input);
      if (input.startsWith('/')) p = input;
      else if (input.startsWith('?') || input.startsWith('#') || input === '') p = b.pathname + (input.startsWith('#') ? b.search : '') + input;
      else p = b.pathname.slice(0, b.pathname.lastIndexOf('/') + 1) + input;
      return new URL(b.protocol + '//' + b.host + p);
    }
    this.protocol = m[1].toLowerCase() + ':';
    const auth = m[3] || '';
    const at = auth.lastIndexOf('@');
    const hostPart = at >= 0 ? auth.slice(at + 1) : auth;
    const userinfo = at >= 0 ? auth.slice(0, at) : '';
    this.username = userinfo.split(':')[0] || '';
    this.password = userinfo.includes(':') ? userinfo.slice(userinfo.indexOf(':') + 1) : '';
    const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPart) || [hostPart, hostPart, ''];
    this.hostname = hp[1].toLowerCase();
    const defaults = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };
    this.port = hp[2] && hp[2] !== defaults[this.protocol] ? hp[2] : '';
    let pathname = m[4] || (m[2] !== undefined ? '/' : '');
    if (m[2] !== undefined) {
      const segs = [];
      for (const s of pathname.split('/').slice(1)) { if (s === '..') segs.pop(); else if (s !== '.') segs.push(s); }
      pathname = '/' + segs.join('/');
      if (m[4] && /\/\.\.?$/.test(m[4])) pathname += pathname.endsWith('/') ? '' : '/';
    }
    this.pathname = pathname.replace(/[ "<>`{}]/g, c => encodeURIComponent(c));
    this.#search = m[5] && m[5] !== '?' ? m[5] : '';
    this.hash = m[6] && m[6] !== '#' ? m[6] : '';
    this.#params = null;
  }
  get search() { return this.#search; }
  set search(v) {
    v = toUSV(v);
    this.#search = v === '' || v === '?' ? '' : (v[0] === '?' ? v : '?' + v).replace(/[ "#<>]/g, (c) => encodeURIComponent(c));
    if (this.#params) uspReset(this.#params, this.#search.slice(1));
  }
  get searchParams() {
    if (!this.#params) {
      this.#params = new URLSearchParams(this.#search);
      uspAttach(this.#params, this);
    }
    return this.#params;
  }
  _setSearchFromParams(q) { this.#search = q; }
  get host() { return this.hostname + (this.port ? ':' + this.port : ''); }
  get origin() { return this.protocol === 'file:' ? 'null' : this.protocol + '//' + this.host; }
  get href() {
    const auth = this.username ? this.username + (this.password ? ':' + this.password : '') + '@' : '';
    const slashes = this.protocol === 'file:' || this.hostname || ['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(this.protocol) ? '//' : '';
    return this.protocol + slashes + auth + this.host + this.pathname + this.search + this.hash;
  }
  toString() { return this.href; }
  toJSON() { return this.href; }
  static canParse(u, b) { try { new URL(u, b); return true; } catch (e) { return false; } }
}
if (typeof G.URL === 'undefined') { G.URL = URL; G.URLSearchParams = URLSearchParams; }

// ---------------------------------------------------------------- child_process

const children = new Map();
let nextChildId = 1;

class ChildProcess extends EventEmitter {
  constructor() { super(); this.pid = undefined; this.exitCode = null; this.signalCode = null; this.killed = false; this.connected = false; this.stdio = [null, null, null]; }
  get stdin() { return this.stdio[0]; }
  get stdout() { return this.stdio[1]; }
  get stderr() { return this.stdio[2]; }
  kill(sig) {
    if (this.exitCode !== null || this.signalCode !== null) return false;
    try { host.kill(this.pid, typeof sig === 'number' ? signalName(sig) : sig || 'SIGTERM'); this.killed = true; return true; } catch (e) { return false; }
  }
  ref() { return this; }
  unref() { return this; }
}
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGWINCH: 28 };
function signalName(n, fallback = 'SIGTERM') { return Object.keys(SIGNALS).find(k => SIGNALS[k] === n) || fallback; }

// Node's normalizeSpawnArguments: the same checks in the same order, so callers get the same errors.
function noNullBytes(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw typeError('ERR_INVALID_ARG_VALUE', "The " + (name.includes('.') || name.includes('[') ? 'property' : 'argument') + " '" + name + "' must be a string without null bytes. Received " + inspect(value));
  }
}
function checkBoolean(v, name) { if (typeof v !== 'boolean') throw errInvalidArgType(name, 'of type boolean', v); }
function normalizeSpawn(file, args, options) {
  if (typeof file !== 'string') throw errInvalidArgType('file', 'of type string', file);
  noNullBytes(file, 'file');
  if (file.length === 0) throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'file' cannot be empty. Received ''");
  if (Array.isArray(args)) args = args.slice();
  else if (args === undefined || args === null) args = [];
  else if (typeof args !== 'object') throw errInvalidArgType('args', 'of type object', args);
  else { options = args; args = []; }
  args.forEach((a, i) => noNullBytes(a, 'args[' + i + ']'));
  if (options === undefined) options = {};
  else if (options === null || typeof options !== 'object' || Array.isArray(options)) throw errInvalidArgType('options', 'of type object', options);
  options = Object.assign({}, options);
  const cwd = options.cwd !== undefined && options.cwd !== null ? toPath(options.cwd, 'options.cwd') : null;
  if (options.detached != null) checkBoolean(options.detached, 'options.detached');
  for (const id of ['uid', 'gid']) {
    const v = options[id];
    if (v != null && !(Number.isInteger(v) && v >= -2147483648 && v <= 2147483647)) throw errInvalidArgType('options.' + id, 'of type int32', v);
  }
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw errInvalidArgType('options.shell', 'of type boolean or string', options.shell);
  }
  if (options.argv0 != null) {
    if (typeof options.argv0 !== 'string') throw errInvalidArgType('options.argv0', 'of type string', options.argv0);
    noNullBytes(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) checkBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) checkBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  let argv;
  if (options.shell) {
    noNullBytes(options.shell, 'options.shell');
    const shell = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    const command = [file, ...args].join(' ');
    file = shell;
    argv = [typeof options.argv0 === 'string' ? options.argv0 : shell, '-c', command];
  } else argv = [typeof options.argv0 === 'string' ? options.argv0 : file, ...args.map(String)];
  const source = options.env || process.env;
  const env = {};
  for (const key in source) {
    const value = source[key];
    if (value === undefined) continue;
    noNullBytes(key, "options.env['" + key + "']");
    noNullBytes(value, "options.env['" + key + "']");
    env[key] = String(value);
  }
  if (options.timeout != null && !(Number.isInteger(options.timeout) && options.timeout >= 0)) {
    throw errOutOfRange('timeout', 'an unsigned integer', options.timeout);
  }
  if (options.killSignal != null) options.killSignal = validSignal(options.killSignal, 'options.killSignal');
  if (options.signal !== undefined && (options.signal === null || typeof options.signal !== 'object' || !('aborted' in options.signal))) {
    throw errInvalidArgType('options.signal', 'an instance of AbortSignal', options.signal);
  }
  return { file, argv, env, cwd, options };
}
function validSignal(sig, name) {
  if (typeof sig === 'number') { if (signalName(sig, null)) return sig; }
  else if (typeof sig === 'string') { const n = SIGNALS[sig.toUpperCase()]; if (n) return sig.toUpperCase(); }
  else throw errInvalidArgType(name, 'of type string or number', sig);
  throw typeError('ERR_UNKNOWN_SIGNAL', 'Unknown signal: ' + sig);
}
function stdioList(stdio) {
  if (typeof stdio === 'string') return [stdio, stdio, stdio];
  const l = Array.isArray(stdio) ? stdio.slice() : [];
  while (l.length < 3) l.push('pipe');
  const out = l.map((x, i) => (x === undefined || x === null ? (i < 3 ? 'pipe' : 'ignore') : x));
  if (out.filter((x) => x === 'ipc').length > 1) throw typeError('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
  return out;
}

// The IPC channel of fork() and stdio 'ipc': one end of an in-VM socket pair carrying Node's 'json' serialization
// (a JSON text per line). `target` is a ChildProcess (parent side) or process (child side). Like Node, the channel
// holds the loop open only while someone listens for 'message' or 'disconnect'.
function setupChannel(target, fd) {
  const decoder = new StringDecoder('utf8');
  let pending = '', held = false, open = true;
  const readerId = nextReaderId++;
  const channel = {
    fd,
    ref() { if (!held && open) { held = true; host.hold(true); } },
    unref() { if (held) { held = false; host.hold(false); } },
  };
  const sync = () => { if (target.listenerCount('message') || target.listenerCount('disconnect')) channel.ref(); else channel.unref(); };
  target.on('newListener', (e) => { if (e === 'message' || e === 'disconnect') nextTick(sync); });
  target.on('removeListener', (e) => { if (e === 'message' || e === 'disconnect') nextTick(sync); });
  const close = () => {
    if (!open) return;
    open = false;
    channel.unref();
    readers.delete(readerId);
    try { host.readStop(readerId); } catch (e) { /* ended */ }
    try { host.close(fd); } catch (e) { /* closed */ }
    target.connected = false;
    target.channel = null;
    nextTick(() => target.emit('disconnect'));
  };
  readers.set(readerId, {
    _hostEvent(kind, value) {
      if (kind !== 'data') { close(); return; }
      pending += decoder.write(fromHost(value));
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (!line) continue;
        let message;
        try { message = JSON.parse(line); } catch (e) { continue; }
        if (message !== null && typeof message === 'object' && typeof message.cmd === 'string' && message.cmd.startsWith('NODE_')) {
          target.emit('internalMessage', message);
          continue;
        }
        target.emit('message', message, undefined);
      }
    },
  });
  host.readStartUnheld(fd, readerId);
  target.channel = channel;
  target.connected = true;
  target.send = function send(message, handle, options, callback) {
    if (typeof handle === 'function') { callback = handle; handle = undefined; }
    else if (typeof options === 'function') { callback = options; options = undefined; }
    if (message === undefined) throw typeError('ERR_MISSING_ARGS', 'The "message" argument must be specified');
    if (handle !== undefined && handle !== null) {
      throw new NodeError('ERR_NOT_AVAILABLE', 'sending handles over IPC is not available in this runtime');
    }
    if (!open) {
      const e = new NodeError('ERR_IPC_CHANNEL_CLOSED', 'Channel closed');
      if (callback) nextTick(callback, e); else nextTick(() => target.emit('error', e));
      return false;
    }
    const text = JSON.stringify(message);
    try { sys('write', undefined, () => hostWrite(fd, (text === undefined ? 'null' : text) + '\n')); } catch (e) {
      if (callback) nextTick(callback, e); else nextTick(() => target.emit('error', e));
      return false;
    }
    if (callback) nextTick(callback, null);
    return true;
  };
  target.disconnect = function disconnect() {
    if (!open) { nextTick(() => target.emit('error', new NodeError('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected'))); return; }
    close();
  };
  return channel;
}

function spawn(file, args, options) {
  const n = normalizeSpawn(file, args, options);
  const kinds = stdioList(n.options.stdio);
  const child = new ChildProcess();
  child.spawnfile = n.file;
  child.spawnargs = n.argv;
  const childFds = kinds.map(() => -1);
  const toClose = [];
  const parentEnds = kinds.map(() => null);
  let ipcFd = -1;
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i];
    if (k === 'ipc' || (i >= 3 && (k === 'pipe' || k === 'overlapped'))) {
      const pair = host.socketPair();
      childFds[i] = pair[1]; toClose.push(pair[1]);
      if (k === 'ipc') { ipcFd = pair[0]; n.env.NODE_CHANNEL_FD = String(i); n.env.NODE_CHANNEL_SERIALIZATION_MODE = 'json'; }
      else { const s = new (loadBuiltin('net').Socket)(); s._attach(pair[0]); parentEnds[i] = s; }
    } else if (k === 'pipe' || k === 'overlapped') {
      const p = host.pipe();
      if (i === 0) { childFds[0] = p[0]; toClose.push(p[0]); parentEnds[0] = new FdWritable(p[1], true); }
      else { childFds[i] = p[1]; toClose.push(p[1]); parentEnds[i] = new FdReadable(p[0], true); }
    } else if (k === 'ignore') {
      const fd = host.open('/dev/null', i === 0 ? 0 : 1, 0); childFds[i] = fd; toClose.push(fd);
    } else if (k === 'inherit') childFds[i] = i;
    else if (typeof k === 'number') childFds[i] = k;
    else if (k && typeof k.fd === 'number') childFds[i] = k.fd;
    else if (k && k._handle && typeof k._handle.fd === 'number') childFds[i] = k._handle.fd;
    else if (i < 3) childFds[i] = i;
  }
  let pid;
  try {
    pid = sys('spawn ' + n.file, n.file, () => host.spawn(n.file, n.argv, n.env, n.cwd, childFds, !!n.options.detached));
  } catch (e) {
    for (const fd of toClose) try { host.close(fd); } catch (x) { /* ignore */ }
    for (const end of parentEnds) if (end) end.fd >= 0 && (() => { try { host.close(end.fd); } catch (x) { /* ignore */ } })();
    if (ipcFd >= 0) try { host.close(ipcFd); } catch (x) { /* ignore */ }
    e.spawnargs = n.argv.slice(1);
    e.path = n.file;
    nextTick(() => child.emit('error', e));
    return child;
  }
  for (const fd of toClose) try { host.close(fd); } catch (x) { /* ignore */ }
  child.pid = pid;
  child.stdio = parentEnds;
  if (ipcFd >= 0) setupChannel(child, ipcFd);
  const id = nextChildId++;
  const onExit = (status) => {
    child.exitCode = status[0] === null || status[0] === undefined ? null : status[0];
    child.signalCode = status[1] || null;
    child.emit('exit', child.exitCode, child.signalCode);
    // Like node's flushStdio: output nobody reads is drained so that 'close' can follow.
    for (const s of parentEnds) if (s instanceof Readable && !s.listenerCount('data') && !s.listenerCount('readable')) s.resume();
    // 'close' follows the stdio streams and, as in node, the IPC channel's disconnect.
    let open = parentEnds.filter(s => s instanceof Readable && !s.readableEnded).length + (child.connected ? 1 : 0);
    const close = () => child.emit('close', child.exitCode, child.signalCode);
    if (!open) nextTick(close);
    else {
      for (const s of parentEnds) if (s instanceof Readable && !s.readableEnded) s.once('close', () => { if (--open === 0) close(); });
      if (child.connected) child.once('disconnect', () => { if (--open === 0) close(); });
    }
  };
  children.set(id, (status) => {
    // In node the child's output is, in practice, read before its exit is reported; wait for the pipes' end of
    // file (briefly: a grandchild may keep them open).
    const pending = parentEnds.filter(s => s instanceof FdReadable && s._readerId && !s._hostEnded);
    if (!pending.length) { onExit(status); return; }
    let fired = false, left = pending.length;
    const go = () => { if (!fired) { fired = true; onExit(status); } };
    for (const s of pending) s._onHostEnd = () => { if (--left === 0) go(); };
    setTimeout(go, 50).unref();
  });
  host.watchChild(pid, id);
  for (const s of parentEnds) if (s instanceof FdReadable) s._start();
  nextTick(() => child.emit('spawn'));
  return child;
}

function spawnSync(file, args, options) {
  const n = normalizeSpawn(file, args, options);
  const maxBuffer = n.options.maxBuffer;
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) throw errOutOfRange('options.maxBuffer', 'a positive number', maxBuffer);
  const kinds = stdioList(n.options.stdio);
  let input = n.options.input;
  if (input != null && typeof input !== 'string' && !ArrayBuffer.isView(input)) {
    throw errInvalidArgType('options.stdio[0]', 'of type string or an instance of Buffer, TypedArray, or DataView', input);
  }
  if (typeof input === 'string') input = Buffer.from(input, n.options.encoding && n.options.encoding !== 'buffer' ? n.options.encoding : 'utf8');
  const b = input ? asBytes(input) : null;
  const copy = b ? b.slice().buffer : null;
  let r;
  try {
    r = sys('spawnSync ' + n.file, n.file, () => host.runSync(n.file, n.argv, n.env, n.cwd, copy, [false, kinds[1] === 'inherit', kinds[2] === 'inherit'],
      n.options.maxBuffer || 1024 * 1024 * 1024, n.options.timeout || 0,
      typeof n.options.killSignal === 'number' ? signalName(n.options.killSignal) : n.options.killSignal || 'SIGTERM'));
  } catch (e) {
    return { pid: 0, output: null, stdout: null, stderr: null, status: null, signal: null, error: e };
  }
  const enc = n.options.encoding && n.options.encoding !== 'buffer' ? n.options.encoding : null;
  const out = fromHost(r[2]), err = fromHost(r[3]);
  const stdout = enc ? out.toString(enc) : out, stderr = enc ? err.toString(enc) : err;
  const result = { pid: 0, output: [null, stdout, stderr], stdout, stderr, status: r[0] === null || r[0] === undefined ? null : r[0], signal: r[1] || null };
  if (r[4]) result.error = uvError('ETIMEDOUT', 'spawnSync ' + n.file, n.file);
  return result;
}
function checkSync(r, cmd) {
  if (r.error) throw r.error;
  if (r.status !== 0) {
    const e = new Error('Command failed: ' + cmd + (r.stderr && r.stderr.length ? '\n' + r.stderr.toString() : ''));
    e.status = r.status; e.signal = r.signal; e.stdout = r.stdout; e.stderr = r.stderr; e.output = r.output; e.pid = r.pid;
    throw e;
  }
  return r.stdout;
}
function execSync(command, options) {
  options = Object.assign({ stdio: ['pipe', 'pipe', 'inherit'] }, options);
  const r = spawnSync(typeof options.shell === 'string' ? options.shell : '/bin/sh', ['-c', command], Object.assign({}, options, { shell: false }));
  return checkSync(r, command);
}
function execFileSync(file, args, options) {
  if (!Array.isArray(args)) { options = args; args = []; }
  options = Object.assign({ stdio: ['pipe', 'pipe', 'inherit'] }, options);
  return checkSync(spawnSync(file, args, options), [file, ...args].join(' '));
}
function execFile(file, args, options, cb) {
  if (typeof args === 'function') { cb = args; args = []; options = {}; }
  else if (!Array.isArray(args)) { cb = options; options = args; args = []; }
  if (typeof options === 'function') { cb = options; options = {}; }
  options = options || {};
  const child = spawn(file, args, options);
  const enc = options.encoding === 'buffer' ? null : options.encoding || 'utf8';
  const out = [], err = [];
  if (child.stdout) child.stdout.on('data', c => out.push(c));
  if (child.stderr) child.stderr.on('data', c => err.push(c));
  let failed = null;
  const cmd = [file, ...args].join(' ');
  child.on('error', e => { failed = e; e.cmd = cmd; if (cb) { const c = cb; cb = null; c(e, '', ''); } });
  child.on('close', (code, signal) => {
    if (!cb) return;
    const stdout = enc ? Buffer.concat(out).toString(enc) : Buffer.concat(out);
    const stderr = enc ? Buffer.concat(err).toString(enc) : Buffer.concat(err);
    let e = failed;
    if (!e && (code !== 0 || signal)) {
      e = new Error('Command failed: ' + [file, ...args].join(' ') + '\n' + stderr);
      e.code = code; e.signal = signal; e.killed = child.killed; e.cmd = [file, ...args].join(' ');
    }
    cb(e, stdout, stderr);
  });
  return child;
}
function exec(command, options, cb) {
  if (typeof options === 'function') { cb = options; options = {}; }
  options = options || {};
  return execFile(typeof options.shell === 'string' ? options.shell : '/bin/sh', ['-c', command], Object.assign({}, options, { shell: false }), cb);
}
exec[customPromisify] = (c, o) => new Promise((res, rej) => exec(c, o, (e, stdout, stderr) => e ? rej(Object.assign(e, { stdout, stderr })) : res({ stdout, stderr })));
execFile[customPromisify] = (f, a, o) => new Promise((res, rej) => execFile(f, a, o, (e, stdout, stderr) => e ? rej(Object.assign(e, { stdout, stderr })) : res({ stdout, stderr })));
const childProcess = {
  spawn, spawnSync, exec, execSync, execFile, execFileSync, ChildProcess,
  fork(modulePath, args, options) {
    if (typeof modulePath !== 'string' && !(modulePath instanceof URL)) {
      throw typeError('ERR_INVALID_ARG_TYPE', 'The "modulePath" argument must be of type string or an instance of URL. Received ' + inspect(modulePath));
    }
    if (!Array.isArray(args)) { options = args; args = []; }
    options = Object.assign({}, options);
    const execArgv = options.execArgv || process.execArgv;
    let stdio = options.stdio;
    if (stdio === undefined) stdio = options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : [0, 1, 2, 'ipc'];
    else if (typeof stdio === 'string') stdio = [stdio, stdio, stdio, 'ipc'];
    else if (!stdio.includes('ipc')) throw typeError('ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
    if (options.serialization === 'advanced') throw new NodeError('ERR_NOT_AVAILABLE', "fork's 'advanced' serialization is not available in this runtime; use 'json'");
    const file = options.execPath || process.execPath;
    return spawn(file, [...execArgv, toPath(modulePath), ...args.map(String)], Object.assign({}, options, { stdio, shell: false }));
  },
};

// ---------------------------------------------------------------- os

const os = {
  EOL: '\n',
  devNull: '/dev/null',
  platform: () => 'linux',
  type: () => 'Linux',
  arch: () => 'x64',
  machine: () => 'x86_64',
  release: () => '6.1.0-agentos',
  version: () => '#1 SMP Agent OS',
  hostname: () => { try { return fs.readFileSync('/etc/hostname', 'utf8').trim() || 'agentos'; } catch (e) { return 'agentos'; } },
  homedir: () => process.env.HOME || '/home/agentos',
  tmpdir: () => (process.env.TMPDIR || '/tmp').replace(/\/$/, '') || '/',
  endianness: () => 'LE',
  uptime: () => Math.floor((host.hrtime() - startNanos) / 1e9),
  loadavg: () => [0, 0, 0],
  totalmem: () => Number(host.maxOldSpaceBytes()),
  freemem: () => Number(host.maxOldSpaceBytes()) / 2,
  availableParallelism: () => 1,
  cpus: () => [{ model: 'Agent OS virtual CPU', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } }],
  networkInterfaces: () => ({}),
  userInfo: () => ({ uid: host.uid(), gid: host.gid(), username: process.env.USER || (host.uid() === 0 ? 'root' : 'agentos'), homedir: os.homedir(), shell: process.env.SHELL || '/bin/sh' }),
  constants: { signals: SIGNALS, errno: {}, priority: {} },
  getPriority: () => 0,
  setPriority: () => {},
};

// ---------------------------------------------------------------- crypto (random; hashes come later with the JCA bridge)

function randomBytes(n, cb) {
  const b = Buffer.alloc(n);
  if (n > 0) host.randomFill(b.buffer, b.byteOffset, n);
  if (cb) { setImmediate(() => cb(null, b)); return undefined; }
  return b;
}
function getRandomValues(arr) {
  if (!ArrayBuffer.isView(arr)) throw typeError('ERR_INVALID_ARG_TYPE', 'The "typedArray" argument must be an instance of Int8Array, Int16Array, Int32Array, Uint8Array, Uint16Array, Uint32Array, or Uint8ClampedArray.');
  if (arr.byteLength) host.randomFill(arr.buffer, arr.byteOffset, arr.byteLength);
  return arr;
}
function randomUUID() {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}
class Hash {
  constructor(alg, key) {
    if (!host.hasDigest(alg)) { const e = new Error('Digest method not supported'); e.code = 'ERR_CRYPTO_INVALID_DIGEST'; throw e; }
    this._alg = alg; this._key = key; this._chunks = []; this._done = false;
  }
  update(data, enc) {
    if (this._done) { const e = new Error('Digest already called'); e.code = 'ERR_CRYPTO_HASH_FINALIZED'; throw e; }
    this._chunks.push(Buffer.from(asBytes(data, enc)));
    return this;
  }
  digest(enc) {
    this._done = true;
    const data = Buffer.concat(this._chunks);
    const ab = data.buffer;
    const out = fromHost(this._key
      ? host.hmac(this._alg, this._key.buffer, this._key.byteOffset, this._key.byteLength, ab, data.byteOffset, data.byteLength)
      : host.digest(this._alg, ab, data.byteOffset, data.byteLength));
    return enc && enc !== 'buffer' ? out.toString(enc) : out;
  }
  copy() { const h = new Hash(this._alg, this._key); h._chunks = this._chunks.slice(); return h; }
}
const crypto = {
  randomBytes, randomUUID, getRandomValues,
  createHash: (alg) => new Hash(alg, null),
  createHmac: (alg, key) => new Hash(alg, Buffer.from(asBytes(typeof key === 'string' ? Buffer.from(key) : key))),
  hash: (alg, data, enc = 'hex') => new Hash(alg, null).update(data).digest(enc),
  getHashes: () => ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3-256', 'sha3-512'].filter(a => host.hasDigest(a)),
  randomFillSync: (b, off = 0, size) => { const u = asBytes(b); size = size === undefined ? u.length - off : size; if (size) host.randomFill(u.buffer, u.byteOffset + off, size); return b; },
  randomInt(min, max, callback) {
    if (typeof max === 'function' || max === undefined) { callback = max; max = min; min = 0; }
    if (callback !== undefined && typeof callback !== 'function') throw errInvalidArgType('callback', 'of type function', callback);
    if (!Number.isSafeInteger(min)) throw errInvalidArgType('min', 'a safe integer', min);
    if (!Number.isSafeInteger(max)) throw errInvalidArgType('max', 'a safe integer', max);
    if (max <= min) throw errOutOfRange('max', 'greater than the value of "min" (' + min + ')', max);
    const range = max - min;
    if (range > 2 ** 48 - 1) throw errOutOfRange('max - min', '<= 281474976710655', range);
    // Rejection sampling over 48 random bits keeps the result uniform.
    const limit = 2 ** 48 - (2 ** 48 % range);
    let x;
    do { x = randomBytes(6).readUIntBE(0, 6); } while (x >= limit);
    const r = min + (x % range);
    if (callback) { setImmediate(() => callback(null, r)); return undefined; }
    return r;
  },
  timingSafeEqual: (a, b) => { if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length'); let d = 0; for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i]; return d === 0; },
};
// Ciphers, key derivation, key objects, signatures, RSA encryption and key agreement over the JDK's JCA (host.crypto()).
// The host side is created on first use: processes that never touch these pay nothing.
let hostCrypto = null;
function hc() { return hostCrypto || (hostCrypto = host.crypto()); }
// Host errors arrive as "CODE:message"; Node throws RangeError/TypeError/Error by code.
function cryptoError(e) {
  if (!e || typeof e.getMessage !== 'function') return e;
  const m = String(e.getMessage());
  const i = m.indexOf(':');
  const code = i > 0 ? m.slice(0, i) : 'ERR_CRYPTO_OPERATION_FAILED';
  const msg = i > 0 ? m.slice(i + 1) : m;
  const C = code === 'ERR_CRYPTO_INVALID_KEYLEN' || code === 'ERR_OUT_OF_RANGE' ? RangeError
    : code === 'ERR_CRYPTO_INVALID_IV' || code === 'ERR_CRYPTO_UNKNOWN_CIPHER' || code === 'ERR_CRYPTO_INVALID_DIGEST'
      || code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_CRYPTO_INVALID_JWK' || code === 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE'
      || code === 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS' || code === 'ERR_MISSING_PASSPHRASE' || code === 'ERR_CRYPTO_INVALID_CURVE'
      || code === 'ERR_CRYPTO_JWK_UNSUPPORTED_CURVE' || code === 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE' ? TypeError : Error;
  const err = new C(msg);
  if (code === 'ERR_CRYPTO_AUTH') return err;
  err.code = code;
  const lib = /^error:[0-9A-F]+:([^:]*) routines::(.*)$/.exec(msg);
  if (lib) { err.library = lib[1] + ' routines'; err.reason = lib[2].replace(/ \(.*\)$/, ''); }
  return err;
}
function cc(fn) { try { return fn(); } catch (e) { throw cryptoError(e); } }
function keyBytes(data, enc, name) {
  if (typeof data === 'string') return Buffer.from(data, enc || 'utf8');
  if (isKeyObject(data)) { if (data.type !== 'secret') throw typeError('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type ' + data.type + ', expected secret.'); return fromHost(data[kHandle].secretBytes()); }
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer || data instanceof SharedArrayBuffer) return Buffer.from(data);
  throw errInvalidArgType(name, 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey', data);
}
function dataBytes(data, enc, name) {
  if (typeof data === 'string') return Buffer.from(data, enc || 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer || data instanceof SharedArrayBuffer) return Buffer.from(data);
  throw errInvalidArgType(name, 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', data);
}
function out(buf, enc) { return enc && enc !== 'buffer' ? buf.toString(enc) : buf; }

class Cipheriv extends Transform {
  constructor(encrypt, cipher, key, iv, options) {
    super(options);
    if (typeof cipher !== 'string') throw errInvalidArgType('cipher', 'of type string', cipher);
    const k = keyBytes(key, undefined, 'key');
    if (iv !== null && iv !== undefined) {
      if (typeof iv !== 'string' && !ArrayBuffer.isView(iv) && !(iv instanceof ArrayBuffer)) {
        throw errInvalidArgType('iv', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', iv);
      }
    } else if (iv === undefined) {
      throw errInvalidArgType('iv', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', iv);
    }
    const v = iv === null ? null : dataBytes(iv, undefined, 'iv');
    const tagLen = options && options.authTagLength !== undefined ? options.authTagLength : 0;
    this._spec = [cipher, encrypt, k, v, tagLen];
    this._encrypt = encrypt;
    this._h = cc(() => hc().cipher(cipher, encrypt, k, v, tagLen, true));
    this._started = false;
    this._done = false;
    this._decoder = null;
  }
  _handle() { this._started = true; return this._h; }
  update(data, inputEncoding, outputEncoding) {
    if (this._done) throw new NodeError('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation update');
    const b = dataBytes(data, inputEncoding, 'data');
    const r = fromHost(cc(() => this._handle().update(b)));
    return this._out(r, outputEncoding);
  }
  _out(r, enc) {
    if (!enc || enc === 'buffer') return r;
    if (enc === 'utf8' || enc === 'utf-8' || enc === 'ucs2' || enc === 'utf16le') {
      const { StringDecoder } = loadBuiltin('string_decoder');
      if (!this._decoder) this._decoder = new StringDecoder(enc);
      return this._decoder.write(r);
    }
    return r.toString(enc);
  }
  final(outputEncoding) {
    if (this._done) throw new NodeError('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation final');
    this._done = true;
    const r = fromHost(cc(() => this._handle().doFinal()));
    if (this._decoder) return this._decoder.write(r) + this._decoder.end();
    return this._out(r, outputEncoding);
  }
  setAutoPadding(ap = true) {
    if (this._started) throw new NodeError('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAutoPadding');
    const [c, e, k, v, t] = this._spec;
    this._h = cc(() => hc().cipher(c, e, k, v, t, !!ap));
    return this;
  }
  setAAD(buf, options) { cc(() => this._handle().setAAD(dataBytes(buf, undefined, 'buffer'))); return this; }
  getAuthTag() {
    const t = this._encrypt && this._done ? this._h.authTag() : null;
    if (t == null) throw new NodeError('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation getAuthTag');
    return fromHost(t);
  }
  setAuthTag(tag) {
    if (this._encrypt || this._done) throw new NodeError('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation setAuthTag');
    this._h.setAuthTag(dataBytes(tag, undefined, 'buffer'));
    return this;
  }
  _transform(chunk, enc, cb) { try { cb(null, this.update(chunk, enc)); } catch (e) { cb(e); } }
  _flush(cb) { try { cb(null, this.final()); } catch (e) { cb(e); } }
}
function createCipheriv(cipher, key, iv, options) { return new Cipheriv(true, cipher, key, iv, options); }
function createDecipheriv(cipher, key, iv, options) { return new Cipheriv(false, cipher, key, iv, options); }
function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') throw errInvalidArgType('nameOrNid', 'of type string or number', nameOrNid);
  if (typeof nameOrNid !== 'string') return undefined;
  const i = hc().cipherInfo(nameOrNid);
  if (i == null) return undefined;
  const name = nameOrNid.toLowerCase();
  const mode = /ecb/.test(name) ? 'ecb' : /gcm/.test(name) ? 'gcm' : /ctr/.test(name) ? 'ctr' : /ccm/.test(name) ? 'ccm' : /ocb/.test(name) ? 'ocb'
    : /ofb/.test(name) ? 'ofb' : /cfb/.test(name) ? 'cfb' : /chacha/.test(name) ? 'stream' : 'cbc';
  if (options && options.keyLength !== undefined && options.keyLength !== i[0]) return undefined;
  const info = { mode, name, keyLength: i[0] };
  if (i[1]) info.ivLength = i[1];
  if (mode !== 'stream' && mode !== 'ctr' && mode !== 'gcm' && mode !== 'ccm' && mode !== 'ocb' && mode !== 'ofb' && mode !== 'cfb') info.blockSize = /des|bf/.test(name) ? 8 : 16;
  else info.blockSize = 1;
  return info;
}

function checkInt(v, name, min, max) {
  if (typeof v !== 'number') throw errInvalidArgType(name, 'of type number', v);
  if (!Number.isInteger(v)) throw errOutOfRange(name, 'an integer', v);
  if (v < min || v > max) throw errOutOfRange(name, '>= ' + min + ' && <= ' + max, v);
}
function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  const p = dataBytes(password, undefined, 'password'), s = dataBytes(salt, undefined, 'salt');
  checkInt(iterations, 'iterations', 1, 2147483647);
  checkInt(keylen, 'keylen', 0, 2147483647);
  if (typeof digest !== 'string') throw errInvalidArgType('digest', 'of type string', digest);
  return fromHost(cc(() => hc().pbkdf2(p, s, iterations, keylen, digest)));
}
function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') { callback = digest; digest = undefined; }
  if (typeof callback !== 'function') throw errInvalidArgType('callback', 'of type function', callback);
  const r = pbkdf2Sync(password, salt, iterations, keylen, digest);
  setImmediate(() => callback(null, r));
}
function scryptOptions(options) {
  options = options || {};
  const N = options.N !== undefined ? options.N : options.cost !== undefined ? options.cost : 16384;
  const r = options.r !== undefined ? options.r : options.blockSize !== undefined ? options.blockSize : 8;
  const p = options.p !== undefined ? options.p : options.parallelization !== undefined ? options.parallelization : 1;
  const maxmem = options.maxmem !== undefined ? options.maxmem : 32 << 20;
  if ((options.N !== undefined && options.cost !== undefined) || (options.r !== undefined && options.blockSize !== undefined)
    || (options.p !== undefined && options.parallelization !== undefined)) {
    throw typeError('ERR_INCOMPATIBLE_OPTION_PAIR', 'Option "N" cannot be used in combination with option "cost"');
  }
  if (N < 2 || (N & (N - 1)) !== 0 || 128 * N * r > maxmem) {
    const e = new RangeError('Invalid scrypt params: ' + (128 * N * r > maxmem ? 'memory limit exceeded' : 'N must be a power of 2 greater than 1'));
    e.code = 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS';
    throw e;
  }
  return [N, r, p];
}
function scryptSync(password, salt, keylen, options) {
  const pw = dataBytes(password, undefined, 'password'), s = dataBytes(salt, undefined, 'salt');
  checkInt(keylen, 'keylen', 0, 2147483647);
  const [N, r, p] = scryptOptions(options);
  return fromHost(cc(() => hc().scrypt(pw, s, N, r, p, keylen)));
}
function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  if (typeof callback !== 'function') throw errInvalidArgType('callback', 'of type function', callback);
  const r = scryptSync(password, salt, keylen, options);
  setImmediate(() => callback(null, r));
}
function hkdfSync(digest, ikm, salt, info, keylen) {
  if (typeof digest !== 'string') throw errInvalidArgType('digest', 'of type string', digest);
  const k = keyBytes(ikm, undefined, 'ikm'), s = dataBytes(salt, undefined, 'salt'), i = dataBytes(info, undefined, 'info');
  checkInt(keylen, 'length', 0, 2147483647);
  if (i.length > 1024) throw errOutOfRange('info', 'must not contain more than 1024 bytes', i.length);
  const b = fromHost(cc(() => hc().hkdf(digest, k, s, i, keylen)));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
}
function hkdf(digest, ikm, salt, info, keylen, callback) {
  if (typeof callback !== 'function') throw errInvalidArgType('callback', 'of type function', callback);
  const r = hkdfSync(digest, ikm, salt, info, keylen);
  setImmediate(() => callback(null, r));
}

const kHandle = Symbol('kKeyObject');
function isKeyObject(v) { return v !== null && typeof v === 'object' && v[kHandle] !== undefined; }
class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'type' is invalid. Received " + inspect(type));
    this[kHandle] = handle;
    this._type = type;
  }
  get type() { return this._type; }
  get asymmetricKeyType() { return this._type === 'secret' ? undefined : String(this[kHandle].asymmetricKeyType()); }
  get asymmetricKeyDetails() {
    if (this._type === 'secret') return undefined;
    const d = JSON.parse(this[kHandle].details());
    if (d.publicExponent !== undefined) d.publicExponent = BigInt(d.publicExponent);
    return d;
  }
  get symmetricKeySize() { return this._type === 'secret' ? this[kHandle].symmetricKeySize() : undefined; }
  equals(other) {
    if (!isKeyObject(other)) throw errInvalidArgType('otherKeyObject', 'an instance of KeyObject', other);
    return other._type === this._type && this[kHandle].equalsKey(other[kHandle]);
  }
  export(options) {
    if (this._type === 'secret') {
      if (options && options.format === 'jwk') return JSON.parse(this[kHandle].jwk());
      return fromHost(this[kHandle].secretBytes());
    }
    if (options === undefined || options === null || typeof options !== 'object') throw errInvalidArgType('options', 'of type object', options);
    const { format, type, cipher, passphrase } = options;
    if (format === 'jwk') return JSON.parse(cc(() => this[kHandle].jwk()));
    if (format !== 'pem' && format !== 'der') throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.format' must be one of: 'pem', 'der', 'jwk'. Received " + inspect(format));
    const okTypes = this._type === 'public' ? ['pkcs1', 'spki'] : ['pkcs1', 'pkcs8', 'sec1'];
    if (!okTypes.includes(type)) throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.type' is invalid. Received " + inspect(type));
    if (cipher !== undefined && typeof cipher !== 'string') throw errInvalidArgType('options.cipher', 'of type string', cipher);
    if (cipher !== undefined && format === 'der' && type !== 'pkcs8') throw typeError('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding ' + type + ' does not support encryption.');
    const pass = passphrase === undefined ? null : dataBytes(passphrase, undefined, 'options.passphrase');
    const r = cc(() => this[kHandle].export(format, type, cipher || null, pass));
    return typeof r === 'string' ? r : fromHost(r);
  }
  toCryptoKey() { throw new NodeError('ERR_NOT_AVAILABLE', 'KeyObject.toCryptoKey is not available in this runtime'); }
}
class SecretKeyObject extends KeyObject { constructor(h) { super('secret', h); } }
class PublicKeyObject extends KeyObject { constructor(h) { super('public', h); } }
class PrivateKeyObject extends KeyObject { constructor(h) { super('private', h); } }
function wrapKey(h) {
  const t = String(h.type());
  return t === 'secret' ? new SecretKeyObject(h) : t === 'public' ? new PublicKeyObject(h) : new PrivateKeyObject(h);
}
function createSecretKey(key, encoding) {
  if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer)) {
    throw errInvalidArgType('key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key);
  }
  return wrapKey(hc().secretKey(dataBytes(key, encoding, 'key')));
}
function keyInput(key, wantPrivate, name) {
  if (typeof key === 'string' || ArrayBuffer.isView(key) || key instanceof ArrayBuffer) return { data: dataBytes(key, undefined, name), format: 'pem' };
  if (key === null || typeof key !== 'object') {
    throw errInvalidArgType(name, 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, or KeyObject', key);
  }
  if (isKeyObject(key)) return { keyObject: key };
  const format = key.format === undefined ? 'pem' : key.format;
  if (format === 'jwk') {
    if (key.key === null || typeof key.key !== 'object') throw errInvalidArgType('key.key', 'of type object', key.key);
    return { data: Buffer.from(JSON.stringify(key.key)), format };
  }
  if (isKeyObject(key.key)) return { keyObject: key.key };
  if (format !== 'pem' && format !== 'der') throw typeError('ERR_INVALID_ARG_VALUE', "The property 'key.format' is invalid. Received " + inspect(format));
  if (typeof key.key !== 'string' && !ArrayBuffer.isView(key.key) && !(key.key instanceof ArrayBuffer)) {
    throw errInvalidArgType('key.key', 'of type string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', key.key);
  }
  if (format === 'der' && key.type === undefined && !wantPrivate) {
    throw typeError('ERR_INVALID_ARG_VALUE', "The property 'key.type' is invalid. Received undefined");
  }
  return { data: dataBytes(key.key, key.encoding, 'key.key'), format, type: key.type, passphrase: key.passphrase };
}
function parseKey(key, wantPrivate, name) {
  const i = keyInput(key, wantPrivate, name);
  if (i.keyObject) {
    if (wantPrivate && i.keyObject.type !== 'private') throw typeError('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type ' + i.keyObject.type + ', expected private.');
    if (!wantPrivate && i.keyObject.type === 'secret') throw typeError('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type secret, expected private.');
    return wantPrivate ? i.keyObject : (i.keyObject.type === 'private' ? wrapKey(i.keyObject[kHandle].publicKey()) : i.keyObject);
  }
  const pass = i.passphrase === undefined || i.passphrase === null ? null : dataBytes(i.passphrase, undefined, 'key.passphrase');
  return wrapKey(cc(() => hc().parseKey(i.data, i.format, i.type || null, pass, wantPrivate)));
}
function createPrivateKey(key) { return parseKey(key, true, 'key'); }
function createPublicKey(key) { return parseKey(key, false, 'key'); }
// A key for signing or decryption: private when it is one, else whatever the input holds.
function anyKey(key, preferPrivate, name) {
  if (isKeyObject(key)) return key;
  if (key !== null && typeof key === 'object' && !ArrayBuffer.isView(key) && isKeyObject(key.key)) return key.key;
  try { return parseKey(key, true, name); } catch (e) { if (preferPrivate) throw e; return parseKey(key, false, name); }
}

function encodeGenerated(k, enc) {
  if (!enc) return k;
  if (enc.format === 'jwk') return k.export({ format: 'jwk' });
  return k.export(enc);
}
function generateKeyPairSync(type, options) {
  if (typeof type !== 'string') throw errInvalidArgType('type', 'of type string', type);
  options = options || {};
  if (typeof options !== 'object') throw errInvalidArgType('options', 'of type object', options);
  if ((type === 'rsa' || type === 'rsa-pss' || type === 'dsa')) {
    if (typeof options.modulusLength !== 'number') throw errInvalidArgType('options.modulusLength', 'of type number', options.modulusLength);
    checkInt(options.modulusLength, 'options.modulusLength', 0, 4294967295);
    if (options.publicExponent !== undefined) checkInt(options.publicExponent, 'options.publicExponent', 0, 4294967295);
  }
  if (type === 'ec' && typeof options.namedCurve !== 'string') throw errInvalidArgType('options.namedCurve', 'of type string', options.namedCurve);
  if (!['rsa', 'rsa-pss', 'dsa', 'ec', 'ed25519', 'ed448', 'x25519', 'x448'].includes(type)) {
    throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'type' must be a supported key type. Received '" + type + "'");
  }
  const pair = cc(() => hc().generateKeyPair(type, { modulusLength: options.modulusLength, publicExponent: options.publicExponent === undefined ? null : String(options.publicExponent), namedCurve: options.namedCurve }));
  const publicKey = wrapKey(pair[0]), privateKey = wrapKey(pair[1]);
  return { publicKey: encodeGenerated(publicKey, options.publicKeyEncoding), privateKey: encodeGenerated(privateKey, options.privateKeyEncoding) };
}
function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  if (typeof callback !== 'function') throw errInvalidArgType('callback', 'of type function', callback);
  const r = generateKeyPairSync(type, options);
  setImmediate(() => callback(null, r.publicKey, r.privateKey));
}
function generateKeySync(type, options) {
  if (typeof type !== 'string') throw errInvalidArgType('type', 'of type string', type);
  if (options === null || typeof options !== 'object') throw errInvalidArgType('options', 'of type object', options);
  const { length } = options;
  if (type === 'hmac') checkInt(length, 'options.length', 8, 2 ** 31 - 1);
  else if (type === 'aes') {
    if (![128, 192, 256].includes(length)) throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.length' must be one of: 128, 192, 256. Received " + inspect(length));
  } else throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'type' must be a supported key type. Received '" + type + "'");
  return createSecretKey(randomBytes(Math.floor(length / 8)));
}
function generateKey(type, options, callback) {
  if (typeof callback !== 'function') throw errInvalidArgType('callback', 'of type function', callback);
  const k = generateKeySync(type, options);
  setImmediate(() => callback(null, k));
}

function signOptions(key) {
  const o = key !== null && typeof key === 'object' && !isKeyObject(key) && !ArrayBuffer.isView(key) ? key : {};
  const padding = o.padding === undefined ? 0 : o.padding;
  const saltLength = o.saltLength === undefined ? -2 : o.saltLength;
  if (o.padding !== undefined && typeof o.padding !== 'number') throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.padding' is invalid. Received " + inspect(o.padding));
  if (o.saltLength !== undefined && typeof o.saltLength !== 'number') throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.saltLength' is invalid. Received " + inspect(o.saltLength));
  if (o.dsaEncoding !== undefined && o.dsaEncoding !== 'der' && o.dsaEncoding !== 'ieee-p1363') {
    throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.dsaEncoding' is invalid. Received " + inspect(o.dsaEncoding));
  }
  return { padding, saltLength, p1363: o.dsaEncoding === 'ieee-p1363' };
}
// Sign and Verify buffer the data written to them; the key is applied at the end.
class SignBase extends Writable {
  constructor(algorithm, options) {
    if (typeof algorithm !== 'string') throw errInvalidArgType('algorithm', 'of type string', algorithm);
    super(options);
    cc(() => NodeCryptoHashCheck(algorithm));
    this._alg = algorithm;
    this._chunks = [];
  }
  _write(chunk, enc, cb) { this._chunks.push(Buffer.from(chunk)); cb(); }
  update(data, enc) { this._chunks.push(Buffer.from(dataBytes(data, enc, 'data'))); return this; }
}
class Sign extends SignBase {
  sign(key, outputEncoding) {
    if (!key) throw typeError('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
    const k = anyKey(key, true, 'key');
    const o = signOptions(key);
    const r = fromHost(cc(() => hc().sign(this._alg, k[kHandle], Buffer.concat(this._chunks), o.padding, o.saltLength, o.p1363)));
    return out(r, outputEncoding);
  }
}
class Verify extends SignBase {
  verify(key, signature, sigEncoding) {
    const k = anyKey(key, false, 'key');
    const o = signOptions(key);
    const sig = dataBytes(signature, sigEncoding, 'signature');
    return cc(() => hc().verify(this._alg, k[kHandle], Buffer.concat(this._chunks), sig, o.padding, o.saltLength, o.p1363));
  }
}
function NodeCryptoHashCheck(alg) {
  if (!/^(rsa-)?(sha-?(1|224|256|384|512)|sha3-(256|384|512)|md5|sha512-256|ripemd160)$/i.test(alg.replace(/With.*$/i, ''))) {
    throw new Error('ERR_CRYPTO_INVALID_DIGEST:Invalid digest: ' + alg);
  }
}
function oneShotSign(algorithm, data, key, callback) {
  if (algorithm !== null && algorithm !== undefined && typeof algorithm !== 'string') throw errInvalidArgType('algorithm', 'of type string', algorithm);
  const d = dataBytes(data, undefined, 'data');
  if (!key) throw typeError('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
  const k = anyKey(key, true, 'key');
  const o = signOptions(key);
  const r = fromHost(cc(() => hc().sign(algorithm || null, k[kHandle], d, o.padding, o.saltLength, o.p1363)));
  if (typeof callback === 'function') { setImmediate(() => callback(null, r)); return; }
  return r;
}
function oneShotVerify(algorithm, data, key, signature, callback) {
  if (algorithm !== null && algorithm !== undefined && typeof algorithm !== 'string') throw errInvalidArgType('algorithm', 'of type string', algorithm);
  const d = dataBytes(data, undefined, 'data');
  const k = anyKey(key, false, 'key');
  const o = signOptions(key);
  const sig = dataBytes(signature, undefined, 'signature');
  const r = cc(() => hc().verify(algorithm || null, k[kHandle], d, sig, o.padding, o.saltLength, o.p1363));
  if (typeof callback === 'function') { setImmediate(() => callback(null, r)); return; }
  return r;
}
function rsaOp(op, defaultPadding) {
  return (key, buffer) => {
    const k = anyKey(key, op.startsWith('private'), 'key');
    const o = key !== null && typeof key === 'object' && !isKeyObject(key) && !ArrayBuffer.isView(key) ? key : {};
    const padding = o.padding === undefined ? defaultPadding : o.padding;
    const label = o.oaepLabel === undefined ? null : dataBytes(o.oaepLabel, undefined, 'key.oaepLabel');
    if (o.oaepHash !== undefined && typeof o.oaepHash !== 'string') throw errInvalidArgType('key.oaepHash', 'of type string', o.oaepHash);
    return fromHost(cc(() => hc().rsa(op, k[kHandle], dataBytes(buffer, o.encoding, 'buffer'), padding, o.oaepHash || null, label)));
  };
}
class ECDH {
  constructor(curve) {
    if (typeof curve !== 'string') throw errInvalidArgType('curve', 'of type string', curve);
    if (!Array.from(hc().curves()).includes(curve) && !['secp256r1', 'P-256', 'P-384', 'P-521'].includes(curve)) {
      throw typeError('ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
    }
    this._curve = curve === 'secp256r1' || curve === 'P-256' ? 'prime256v1' : curve === 'P-384' ? 'secp384r1' : curve === 'P-521' ? 'secp521r1' : curve;
    this._key = null;
  }
  static convertKey(key, curve, inEnc, outEnc, format) {
    const pub = wrapKey(cc(() => hc().ecPublic(curve, dataBytes(key, inEnc, 'key'))));
    return out(fromHost(hc().ecPoint(pub[kHandle], format === 'compressed')), outEnc);
  }
  generateKeys(enc, format) {
    this._key = generateKeyPairSync('ec', { namedCurve: this._curve }).privateKey;
    return this.getPublicKey(enc, format);
  }
  computeSecret(other, inEnc, outEnc) {
    if (!this._key) throw new NodeError('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation computeSecret');
    const pub = wrapKey(cc(() => hc().ecPublic(this._curve, dataBytes(other, inEnc, 'otherPublicKey'))));
    return out(fromHost(cc(() => hc().agree(this._key[kHandle], pub[kHandle]))), outEnc);
  }
  getPublicKey(enc, format) {
    if (!this._key) throw new NodeError('ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Failed to get ECDH public key');
    return out(fromHost(hc().ecPoint(this._key[kHandle], format === 'compressed')), enc);
  }
  getPrivateKey(enc) {
    if (!this._key) throw new NodeError('ERR_CRYPTO_INVALID_STATE', 'Failed to get ECDH private key');
    return out(fromHost(hc().ecScalar(this._key[kHandle])), enc);
  }
  setPrivateKey(key, enc) { this._key = wrapKey(cc(() => hc().ecPrivate(this._curve, dataBytes(key, enc, 'key')))); return this; }
}
function diffieHellman(options) {
  if (options === null || typeof options !== 'object') throw errInvalidArgType('options', 'of type object', options);
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey)) throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.privateKey' is invalid. Received " + inspect(privateKey));
  if (!isKeyObject(publicKey)) throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.publicKey' is invalid. Received " + inspect(publicKey));
  return fromHost(cc(() => hc().agree(privateKey[kHandle], publicKey[kHandle])));
}
function unpad(b) { let i = 0; while (i < b.length - 1 && b[i] === 0) i++; return i ? b.subarray(i) : b; }
class DiffieHellman {
  constructor(sizeOrKey, keyEncoding, generator, genEncoding) {
    if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' && !ArrayBuffer.isView(sizeOrKey) && !(sizeOrKey instanceof ArrayBuffer)) {
      throw errInvalidArgType('sizeOrKey', 'of type number or string or an instance of ArrayBuffer, Buffer, TypedArray, or DataView', sizeOrKey);
    }
    if (typeof keyEncoding !== 'string' || keyEncoding === 'buffer') { genEncoding = generator; generator = keyEncoding; keyEncoding = undefined; }
    if (typeof sizeOrKey === 'number') {
      checkInt(sizeOrKey, 'sizeOrKey', 0, 2147483647);
      if (sizeOrKey < 2) { const e = new Error('error:02800080:Diffie-Hellman routines::modulus too small'); e.code = 'ERR_OSSL_DH_MODULUS_TOO_SMALL'; throw e; }
      this._p = fromHost(cc(() => hc().dhPrime(sizeOrKey)));
    } else this._p = Buffer.from(dataBytes(sizeOrKey, keyEncoding, 'sizeOrKey'));
    if (generator === undefined) generator = 2;
    if (typeof generator === 'number') {
      checkInt(generator, 'generator', -2147483648, 2147483647);
      if (generator < 2) { const e = new Error('error:028000B7:Diffie-Hellman routines::bad generator'); e.code = 'ERR_OSSL_DH_BAD_GENERATOR'; throw e; }
      const b = []; for (let g = generator; g > 0; g = Math.floor(g / 256)) b.unshift(g % 256);
      this._g = Buffer.from(b);
    } else this._g = Buffer.from(dataBytes(generator, genEncoding, 'generator'));
    if (unpad(this._g).length === 1 && unpad(this._g)[0] < 2) { const e = new Error('error:028000B7:Diffie-Hellman routines::bad generator'); e.code = 'ERR_OSSL_DH_BAD_GENERATOR'; throw e; }
    this._priv = null; this._pub = null;
    this.verifyError = hc().isPrime(this._p, 20) ? 0 : 1;
  }
  generateKeys(enc) {
    if (!this._priv) this._priv = randomBytes(this._p.length);
    this._pub = unpad(fromHost(hc().modPow(this._g, this._priv, this._p)));
    return out(Buffer.from(this._pub), enc);
  }
  computeSecret(key, inEnc, outEnc) {
    const k = dataBytes(key, inEnc, 'key');
    const v = BigInt('0x' + (Buffer.from(k).toString('hex') || '0')), p = BigInt('0x' + this._p.toString('hex'));
    if (v <= 1n || v >= p - 1n) { const e = new Error('Supplied key is too small'); e.code = 'ERR_CRYPTO_INVALID_KEYLEN'; throw e; }
    return out(fromHost(hc().modPow(k, this._priv, this._p)), outEnc);
  }
  getPrime(enc) { return out(Buffer.from(this._p), enc); }
  getGenerator(enc) { return out(Buffer.from(this._g), enc); }
  getPublicKey(enc) {
    if (!this._pub) { const e = new Error('No public key - did you forget to generate one?'); e.code = 'ERR_CRYPTO_INVALID_STATE'; throw e; }
    return out(Buffer.from(this._pub), enc);
  }
  getPrivateKey(enc) {
    if (!this._priv) { const e = new Error('No private key - did you forget to generate one?'); e.code = 'ERR_CRYPTO_INVALID_STATE'; throw e; }
    return out(Buffer.from(unpad(this._priv)), enc);
  }
  setPublicKey(key, enc) { this._pub = Buffer.from(dataBytes(key, enc, 'key')); return this; }
  setPrivateKey(key, enc) { this._priv = Buffer.from(dataBytes(key, enc, 'key')); return this; }
}
class DiffieHellmanGroup extends DiffieHellman {
  constructor(name) {
    if (typeof name !== 'string') throw errInvalidArgType('name', 'of type string', name);
    const g = hc().dhGroup(name);
    if (g == null) throw new NodeError('ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
    super(fromHost(g[0]), fromHost(g[1]));
    this.verifyError = 0;
  }
}
delete DiffieHellmanGroup.prototype.setPublicKey;
delete DiffieHellmanGroup.prototype.setPrivateKey;
Object.defineProperty(DiffieHellmanGroup.prototype, 'setPublicKey', { value: undefined });
Object.defineProperty(DiffieHellmanGroup.prototype, 'setPrivateKey', { value: undefined });
class X509Certificate {
  constructor(buffer) {
    const b = dataBytes(buffer, undefined, 'buffer');
    const j = cc(() => hc().x509(b));
    const c = JSON.parse(j);
    const dn = (o) => Object.entries(o).map(([k, v]) => (Array.isArray(v) ? v.map((x) => k + '=' + x).join('\n') : k + '=' + v)).join('\n');
    this.subject = dn(c.subject); this.issuer = dn(c.issuer);
    this.subjectAltName = c.subjectaltname; this.infoAccess = c.infoAccess ? Object.entries(c.infoAccess).map(([k, v]) => v.map((x) => k + ':' + x).join('\n')).join('\n') : undefined;
    this.validFrom = c.valid_from; this.validTo = c.valid_to;
    this.validFromDate = new Date(c.valid_from); this.validToDate = new Date(c.valid_to);
    this.fingerprint = c.fingerprint; this.fingerprint256 = c.fingerprint256; this.fingerprint512 = c.fingerprint512;
    this.serialNumber = c.serialNumber; this.ca = c.ca; this.raw = Buffer.from(c.raw, 'base64');
    this.keyUsage = c.ext_key_usage;
    this._json = c;
  }
  get publicKey() { return createPublicKey({ key: Buffer.from(this._json.pubkey, 'base64'), format: 'der', type: 'spki' }); }
  checkHost(name) { return loadBuiltin('tls').checkServerIdentity(name, this._json) === undefined ? name : undefined; }
  checkEmail(email) { return (this.subjectAltName || '').split(', ').includes('email:' + email) ? email : undefined; }
  checkIP(ip) { return (this.subjectAltName || '').split(', ').includes('IP Address:' + ip) ? ip : undefined; }
  checkIssued(other) { return other instanceof X509Certificate && this.issuer === other.subject; }
  checkPrivateKey(key) { return JSON.stringify(createPublicKey(key).export({ format: 'jwk' })) === JSON.stringify(this.publicKey.export({ format: 'jwk' })); }
  verify(key) { return cc(() => hc().x509Verify(this.raw, createPublicKey(key)[kHandle])); }
  toString() { return '-----BEGIN CERTIFICATE-----\n' + this.raw.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '') + '\n-----END CERTIFICATE-----\n'; }
  toJSON() { return this.toString(); }
  toLegacyObject() { return Object.assign({}, this._json, { raw: this.raw }); }
}
const cryptoConstants = {
  RSA_PKCS1_PADDING: 1, RSA_NO_PADDING: 3, RSA_PKCS1_OAEP_PADDING: 4, RSA_X931_PADDING: 5, RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1, RSA_PSS_SALTLEN_MAX_SIGN: -2, RSA_PSS_SALTLEN_AUTO: -2, POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4, DH_CHECK_P_NOT_SAFE_PRIME: 2, DH_CHECK_P_NOT_PRIME: 1, DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8, POINT_CONVERSION_HYBRID: 6, defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256',
  defaultCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256', TLS1_VERSION: 769, TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771, TLS1_3_VERSION: 772, OPENSSL_VERSION_NUMBER: 0x30000100, SSL_OP_ALL: 2147485776, SSL_OP_NO_SSLv2: 0, SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TLSv1: 67108864, SSL_OP_NO_TLSv1_1: 268435456, SSL_OP_NO_TLSv1_2: 134217728, SSL_OP_NO_TLSv1_3: 536870912,
  SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304, SSL_OP_NO_TICKET: 16384, ENGINE_METHOD_ALL: 65535, ENGINE_METHOD_NONE: 0,
};
const cryptoExtras = {
  createCipheriv, createDecipheriv, Cipheriv: callable(class extends Cipheriv { constructor(c, k, i, o) { super(true, c, k, i, o); } }),
  Decipheriv: callable(class extends Cipheriv { constructor(c, k, i, o) { super(false, c, k, i, o); } }),
  getCiphers: () => Array.from(hc().ciphers(), String), getCipherInfo, getCurves: () => Array.from(hc().curves(), String),
  pbkdf2, pbkdf2Sync, scrypt, scryptSync, hkdf, hkdfSync,
  KeyObject, createSecretKey, createPublicKey, createPrivateKey, generateKeyPair, generateKeyPairSync, generateKey, generateKeySync,
  createSign: (alg, options) => new Sign(alg, options), createVerify: (alg, options) => new Verify(alg, options),
  Sign: callable(Sign), Verify: callable(Verify), sign: oneShotSign, verify: oneShotVerify,
  publicEncrypt: rsaOp('publicEncrypt', 4), privateDecrypt: rsaOp('privateDecrypt', 4), privateEncrypt: rsaOp('privateEncrypt', 1),
  publicDecrypt: rsaOp('publicDecrypt', 1), createECDH: (curve) => new ECDH(curve), ECDH: callable(ECDH), diffieHellman,
  X509Certificate, constants: cryptoConstants, DiffieHellman: callable(DiffieHellman), DiffieHellmanGroup: callable(DiffieHellmanGroup),
  createDiffieHellman: (a, b, c, d) => new DiffieHellman(a, b, c, d), createDiffieHellmanGroup: (name) => new DiffieHellmanGroup(name),
  getDiffieHellman: (name) => new DiffieHellmanGroup(name), getFips: () => 0, setFips(v) { if (v) throw new NodeError('ERR_CRYPTO_FIPS_FORCED', 'Cannot set FIPS mode in a non-FIPS build.'); },
  secureHeapUsed: () => ({ total: 0, min: 0, used: 0, utilization: 0 }),
};
// Web Crypto (crypto.subtle, crypto.webcrypto) over the key objects and primitives above.
function domError(message, name) { return new G.DOMException(message, name); }
const kKeyObject = Symbol('kKeyObject'), kAlgorithm = Symbol('kAlgorithm'), kExtractable = Symbol('kExtractable'), kUsages = Symbol('kUsages');
class CryptoKey {
  constructor() { throw typeError('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); }
  get type() { return this[kKeyObject].type; }
  get extractable() { return this[kExtractable]; }
  get algorithm() { return this[kAlgorithm]; }
  get usages() { return Array.from(this[kUsages]); }
  get [Symbol.toStringTag]() { return 'CryptoKey'; }
}
function makeCryptoKey(keyObject, algorithm, extractable, usages) {
  const k = Object.create(CryptoKey.prototype);
  k[kKeyObject] = keyObject; k[kAlgorithm] = algorithm; k[kExtractable] = !!extractable; k[kUsages] = usages;
  return k;
}
Object.defineProperty(KeyObject.prototype, 'toCryptoKey', { value(algorithm, extractable, usages) {
  return makeCryptoKey(this, normalizeAlgorithm(algorithm, 'importKey'), extractable, usages);
}, configurable: true, writable: true });
KeyObject.from = function from(key) {
  if (!(key instanceof CryptoKey)) throw errInvalidArgType('key', 'an instance of CryptoKey', key);
  return key[kKeyObject];
};
const ALGORITHMS = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'RSA-OAEP', 'ECDSA', 'ECDH', 'Ed25519', 'X25519', 'Ed448', 'X448', 'AES-CTR', 'AES-CBC',
  'AES-GCM', 'AES-KW', 'HMAC', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512', 'PBKDF2', 'HKDF'];
function normalizeAlgorithm(alg, op) {
  if (typeof alg === 'string') alg = { name: alg };
  if (alg === null || typeof alg !== 'object') throw domError('Algorithm: Unrecognized name.', 'NotSupportedError');
  const name = ALGORITHMS.find((n) => n.toLowerCase() === String(alg.name).toLowerCase());
  if (!name) throw domError('Unrecognized algorithm name', 'NotSupportedError');
  const out = Object.assign({}, alg, { name });
  if (alg.hash !== undefined) out.hash = normalizeAlgorithm(alg.hash, 'digest');
  return out;
}
function nodeHash(h) {
  const n = (typeof h === 'string' ? h : h && h.name || '').toUpperCase();
  const m = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }[n];
  if (!m) throw domError('Unrecognized hash algorithm', 'NotSupportedError');
  return m;
}
function bufferSource(data, name) {
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer || data instanceof SharedArrayBuffer) return Buffer.from(data);
  throw errInvalidArgType(name || 'data', 'an instance of ArrayBuffer, Buffer, TypedArray, or DataView', data);
}
function ab(buf) { return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength); }
const curveOf = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };
const webCurve = (c) => Object.keys(curveOf).find((k) => curveOf[k] === c);
function hashBits(h) { return { sha1: 512, sha256: 512, sha384: 1024, sha512: 1024 }[nodeHash(h)]; }
function checkUsage(key, usage) {
  if (!(key instanceof CryptoKey)) throw errInvalidArgType('key', 'an instance of CryptoKey', key);
  if (!key[kUsages].includes(usage)) throw domError('Unable to use this key to ' + usage, 'InvalidAccessError');
}
async function importKey(format, keyData, algorithm, extractable, usages) {
  const alg = normalizeAlgorithm(algorithm, 'importKey');
  let ko, a = { name: alg.name };
  const isSecret = ['HMAC', 'AES-CTR', 'AES-CBC', 'AES-GCM', 'AES-KW', 'PBKDF2', 'HKDF'].includes(alg.name);
  try {
    if (format === 'raw') {
      const b = bufferSource(keyData, 'keyData');
      if (isSecret) ko = createSecretKey(b);
      else if (alg.name === 'ECDSA' || alg.name === 'ECDH') ko = wrapKey(cc(() => hc().ecPublic(curveOf[alg.namedCurve], b)));
      else ko = createPublicKey({ key: { kty: 'OKP', crv: alg.name, x: b.toString('base64url') }, format: 'jwk' });
    } else if (format === 'jwk') {
      if (keyData === null || typeof keyData !== 'object') throw domError('Invalid keyData', 'DataError');
      if (keyData.kty === 'oct') ko = createSecretKey(Buffer.from(keyData.k || '', 'base64url'));
      else ko = keyData.d !== undefined ? createPrivateKey({ key: keyData, format: 'jwk' }) : createPublicKey({ key: keyData, format: 'jwk' });
    } else if (format === 'spki') ko = createPublicKey({ key: bufferSource(keyData, 'keyData'), format: 'der', type: 'spki' });
    else if (format === 'pkcs8') ko = createPrivateKey({ key: bufferSource(keyData, 'keyData'), format: 'der', type: 'pkcs8' });
    else throw domError('Unable to import ' + alg.name + ' key with format ' + format, 'NotSupportedError');
  } catch (e) {
    if (e instanceof G.DOMException) throw e;
    throw domError('Invalid keyData: ' + e.message, 'DataError');
  }
  if (alg.name === 'HMAC') { a.hash = { name: alg.hash.name }; a.length = alg.length !== undefined ? alg.length : ko.symmetricKeySize * 8; }
  else if (alg.name.startsWith('AES')) {
    a.length = ko.symmetricKeySize * 8;
    if (![128, 192, 256].includes(a.length)) throw domError('Invalid key length', 'DataError');
  } else if (alg.name.startsWith('RSA')) {
    const d = ko.asymmetricKeyDetails;
    a.modulusLength = d.modulusLength;
    const e = d.publicExponent.toString(16);
    a.publicExponent = new Uint8Array(Buffer.from(e.length % 2 ? '0' + e : e, 'hex'));
    a.hash = { name: alg.hash.name };
  } else if (alg.name === 'ECDSA' || alg.name === 'ECDH') {
    if (!curveOf[alg.namedCurve]) throw domError('Unrecognized namedCurve', 'NotSupportedError');
    if (ko.asymmetricKeyDetails.namedCurve !== curveOf[alg.namedCurve]) throw domError('Named curve mismatch', 'DataError');
    a.namedCurve = alg.namedCurve;
  }
  return makeCryptoKey(ko, a, extractable, Array.from(usages || []));
}
async function exportKey(format, key) {
  if (!(key instanceof CryptoKey)) throw errInvalidArgType('key', 'an instance of CryptoKey', key);
  if (!key[kExtractable]) throw domError('key is not extractable', 'InvalidAccessError');
  const ko = key[kKeyObject], alg = key[kAlgorithm];
  if (format === 'raw') {
    if (ko.type === 'secret') return ab(ko.export());
    if (alg.name === 'ECDSA' || alg.name === 'ECDH') return ab(fromHost(hc().ecPoint(ko[kHandle], false)));
    if (ko.type === 'public') return ab(Buffer.from(ko.export({ format: 'jwk' }).x, 'base64url'));
    throw domError('Unable to export a raw private key', 'InvalidAccessError');
  }
  if (format === 'jwk') {
    const j = ko.export({ format: 'jwk' });
    j.key_ops = key.usages; j.ext = key.extractable;
    if (alg.name === 'HMAC') j.alg = 'HS' + nodeHash(alg.hash).slice(3);
    else if (alg.name.startsWith('AES-')) j.alg = 'A' + alg.length + alg.name.slice(4) + (alg.name === 'AES-KW' ? '' : '');
    else if (alg.name === 'RSASSA-PKCS1-v1_5') j.alg = 'RS' + nodeHash(alg.hash).slice(3);
    else if (alg.name === 'RSA-PSS') j.alg = 'PS' + nodeHash(alg.hash).slice(3);
    else if (alg.name === 'RSA-OAEP') j.alg = nodeHash(alg.hash) === 'sha1' ? 'RSA-OAEP' : 'RSA-OAEP-' + nodeHash(alg.hash).slice(3);
    else if (alg.name === 'Ed25519') j.alg = 'EdDSA';
    return j;
  }
  if (format === 'spki') { if (ko.type !== 'public') throw domError('Unable to export a non-public key as spki', 'InvalidAccessError'); return ab(ko.export({ format: 'der', type: 'spki' })); }
  if (format === 'pkcs8') { if (ko.type !== 'private') throw domError('Unable to export a non-private key as pkcs8', 'InvalidAccessError'); return ab(ko.export({ format: 'der', type: 'pkcs8' })); }
  throw domError('Unable to export key in ' + format + ' format', 'NotSupportedError');
}
async function generateKeyWeb(algorithm, extractable, usages) {
  const alg = normalizeAlgorithm(algorithm, 'generateKey');
  usages = Array.from(usages || []);
  const pair = (type, opts, pubUsages, a) => {
    const kp = generateKeyPairSync(type, opts);
    return { publicKey: makeCryptoKey(kp.publicKey, a, true, usages.filter((u) => pubUsages.includes(u))),
      privateKey: makeCryptoKey(kp.privateKey, a, extractable, usages.filter((u) => !pubUsages.includes(u))) };
  };
  switch (alg.name) {
    case 'HMAC': {
      const length = alg.length !== undefined ? alg.length : hashBits(alg.hash);
      return makeCryptoKey(createSecretKey(randomBytes(Math.ceil(length / 8))), { name: 'HMAC', hash: { name: alg.hash.name }, length }, extractable, usages);
    }
    case 'AES-CTR': case 'AES-CBC': case 'AES-GCM': case 'AES-KW':
      if (![128, 192, 256].includes(alg.length)) throw domError('AES key length must be 128, 192, or 256 bits', 'OperationError');
      return makeCryptoKey(createSecretKey(randomBytes(alg.length / 8)), { name: alg.name, length: alg.length }, extractable, usages);
    case 'RSASSA-PKCS1-v1_5': case 'RSA-PSS': case 'RSA-OAEP': {
      const e = Buffer.from(alg.publicExponent || [1, 0, 1]).readUIntBE(0, Math.min(6, (alg.publicExponent || [1, 0, 1]).length));
      return pair('rsa', { modulusLength: alg.modulusLength, publicExponent: e }, ['verify', 'encrypt', 'wrapKey'],
        { name: alg.name, modulusLength: alg.modulusLength, publicExponent: new Uint8Array(alg.publicExponent || [1, 0, 1]), hash: { name: alg.hash.name } });
    }
    case 'ECDSA': case 'ECDH':
      if (!curveOf[alg.namedCurve]) throw domError('Unrecognized namedCurve', 'NotSupportedError');
      return pair('ec', { namedCurve: curveOf[alg.namedCurve] }, ['verify'], { name: alg.name, namedCurve: alg.namedCurve });
    case 'Ed25519': case 'Ed448': case 'X25519': case 'X448':
      return pair(alg.name.toLowerCase(), {}, ['verify'], { name: alg.name });
    default: throw domError('Unable to generate a key for ' + alg.name, 'NotSupportedError');
  }
}
async function signWeb(algorithm, key, data) {
  const alg = normalizeAlgorithm(algorithm, 'sign');
  checkUsage(key, 'sign');
  const ko = key[kKeyObject], d = bufferSource(data);
  switch (key[kAlgorithm].name) {
    case 'HMAC': return ab(crypto.createHmac(nodeHash(key[kAlgorithm].hash), ko.export()).update(d).digest());
    case 'RSASSA-PKCS1-v1_5': return ab(oneShotSign(nodeHash(key[kAlgorithm].hash), d, ko));
    case 'RSA-PSS': return ab(oneShotSign(nodeHash(key[kAlgorithm].hash), d, { key: ko, padding: 6, saltLength: alg.saltLength }));
    case 'ECDSA': return ab(oneShotSign(nodeHash(alg.hash), d, { key: ko, dsaEncoding: 'ieee-p1363' }));
    case 'Ed25519': case 'Ed448': return ab(oneShotSign(null, d, ko));
    default: throw domError('Unable to sign with ' + key[kAlgorithm].name, 'InvalidAccessError');
  }
}
async function verifyWeb(algorithm, key, signature, data) {
  const alg = normalizeAlgorithm(algorithm, 'verify');
  checkUsage(key, 'verify');
  const ko = key[kKeyObject], d = bufferSource(data), sig = bufferSource(signature, 'signature');
  switch (key[kAlgorithm].name) {
    case 'HMAC': {
      const mac = crypto.createHmac(nodeHash(key[kAlgorithm].hash), ko.export()).update(d).digest();
      return mac.length === sig.length && crypto.timingSafeEqual(mac, sig);
    }
    case 'RSASSA-PKCS1-v1_5': return oneShotVerify(nodeHash(key[kAlgorithm].hash), d, ko, sig);
    case 'RSA-PSS': return oneShotVerify(nodeHash(key[kAlgorithm].hash), d, { key: ko, padding: 6, saltLength: alg.saltLength }, sig);
    case 'ECDSA': return oneShotVerify(nodeHash(alg.hash), d, { key: ko, dsaEncoding: 'ieee-p1363' }, sig);
    case 'Ed25519': case 'Ed448': return oneShotVerify(null, d, ko, sig);
    default: throw domError('Unable to verify with ' + key[kAlgorithm].name, 'InvalidAccessError');
  }
}
function aesCipher(encrypt, alg, key, data) {
  const k = key[kKeyObject].export(), bits = k.length * 8;
  try {
    if (alg.name === 'AES-GCM') {
      const tagLength = (alg.tagLength === undefined ? 128 : alg.tagLength) / 8;
      const c = encrypt ? createCipheriv('aes-' + bits + '-gcm', k, bufferSource(alg.iv, 'iv'), { authTagLength: tagLength })
        : createDecipheriv('aes-' + bits + '-gcm', k, bufferSource(alg.iv, 'iv'), { authTagLength: tagLength });
      if (alg.additionalData !== undefined) c.setAAD(bufferSource(alg.additionalData, 'additionalData'));
      if (encrypt) return ab(Buffer.concat([c.update(data), c.final(), c.getAuthTag()]));
      if (data.length < tagLength) throw domError('The provided data is too small.', 'OperationError');
      c.setAuthTag(data.subarray(data.length - tagLength));
      return ab(Buffer.concat([c.update(data.subarray(0, data.length - tagLength)), c.final()]));
    }
    const mode = alg.name === 'AES-CBC' ? 'cbc' : 'ctr';
    const iv = bufferSource(mode === 'cbc' ? alg.iv : alg.counter, mode === 'cbc' ? 'iv' : 'counter');
    const c = encrypt ? createCipheriv('aes-' + bits + '-' + mode, k, iv) : createDecipheriv('aes-' + bits + '-' + mode, k, iv);
    return ab(Buffer.concat([c.update(data), c.final()]));
  } catch (e) {
    if (e instanceof G.DOMException) throw e;
    throw domError('The operation failed for an operation-specific reason', 'OperationError');
  }
}
async function encryptWeb(algorithm, key, data) {
  const alg = normalizeAlgorithm(algorithm, 'encrypt');
  checkUsage(key, 'encrypt');
  if (alg.name === 'RSA-OAEP') {
    return ab(cryptoExtras.publicEncrypt({ key: key[kKeyObject], oaepHash: nodeHash(key[kAlgorithm].hash), oaepLabel: alg.label === undefined ? undefined : bufferSource(alg.label) }, bufferSource(data)));
  }
  return aesCipher(true, alg, key, bufferSource(data));
}
async function decryptWeb(algorithm, key, data) {
  const alg = normalizeAlgorithm(algorithm, 'decrypt');
  checkUsage(key, 'decrypt');
  if (alg.name === 'RSA-OAEP') {
    try {
      return ab(cryptoExtras.privateDecrypt({ key: key[kKeyObject], oaepHash: nodeHash(key[kAlgorithm].hash), oaepLabel: alg.label === undefined ? undefined : bufferSource(alg.label) }, bufferSource(data)));
    } catch (e) { throw domError('The operation failed for an operation-specific reason', 'OperationError'); }
  }
  return aesCipher(false, alg, key, bufferSource(data));
}
async function deriveBits(algorithm, baseKey, length) {
  const alg = normalizeAlgorithm(algorithm, 'deriveBits');
  if (!(baseKey instanceof CryptoKey)) throw errInvalidArgType('baseKey', 'an instance of CryptoKey', baseKey);
  if (!baseKey[kUsages].includes('deriveBits') && !baseKey[kUsages].includes('deriveKey')) throw domError('baseKey does not have deriveBits usage', 'InvalidAccessError');
  const ko = baseKey[kKeyObject];
  let bits;
  switch (alg.name) {
    case 'PBKDF2':
      if (length === null || length % 8) throw domError('length must be a multiple of 8', 'OperationError');
      if (!alg.iterations) throw domError('iterations cannot be zero', 'OperationError');
      return ab(pbkdf2Sync(ko.export(), bufferSource(alg.salt, 'salt'), alg.iterations, length / 8, nodeHash(alg.hash)));
    case 'HKDF':
      if (length === null || length % 8) throw domError('length must be a multiple of 8', 'OperationError');
      return hkdfSync(nodeHash(alg.hash), ko.export(), bufferSource(alg.salt, 'salt'), bufferSource(alg.info, 'info'), length / 8);
    case 'ECDH': case 'X25519': case 'X448':
      bits = diffieHellman({ privateKey: ko, publicKey: alg.public[kKeyObject] });
      if (length === null || length === undefined) return ab(bits);
      if (length > bits.length * 8) throw domError('derived bit length is too small', 'OperationError');
      return ab(bits.subarray(0, Math.ceil(length / 8)));
    default: throw domError('Unable to derive bits with ' + alg.name, 'NotSupportedError');
  }
}
async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, usages) {
  const d = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
  const length = d.name === 'HMAC' ? (d.length !== undefined ? d.length : hashBits(d.hash)) : d.length;
  const bits = await deriveBits(algorithm, baseKey, length);
  return importKey('raw', bits, derivedKeyAlgorithm, extractable, usages);
}
const subtle = {
  digest: async (algorithm, data) => ab(new Hash(nodeHash(normalizeAlgorithm(algorithm, 'digest')), null).update(bufferSource(data)).digest()),
  importKey, exportKey, generateKey: generateKeyWeb, sign: signWeb, verify: verifyWeb, encrypt: encryptWeb, decrypt: decryptWeb,
  deriveBits, deriveKey,
  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    const exported = await exportKey(format, key);
    const bytes = format === 'jwk' ? Buffer.from(JSON.stringify(exported)) : Buffer.from(exported);
    return encryptWeb(wrapAlgorithm, Object.assign(Object.create(CryptoKey.prototype), wrappingKey, { [kUsages]: ['encrypt'], [kKeyObject]: wrappingKey[kKeyObject], [kAlgorithm]: wrappingKey[kAlgorithm] }), bytes);
  },
  async unwrapKey(format, wrapped, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, usages) {
    const k = Object.assign(Object.create(CryptoKey.prototype), { [kUsages]: ['decrypt'], [kKeyObject]: unwrappingKey[kKeyObject], [kAlgorithm]: unwrappingKey[kAlgorithm] });
    const bytes = Buffer.from(await decryptWeb(unwrapAlgorithm, k, wrapped));
    return importKey(format, format === 'jwk' ? JSON.parse(bytes.toString()) : bytes, unwrappedKeyAlgorithm, extractable, usages);
  },
};
class SubtleCrypto { constructor() { throw typeError('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'); } }
Object.setPrototypeOf(subtle, SubtleCrypto.prototype);
const webcrypto = { getRandomValues, randomUUID, subtle, CryptoKey };
Object.assign(crypto, cryptoExtras, { webcrypto, subtle });
if (typeof G.crypto === 'undefined') G.crypto = webcrypto;
if (typeof G.CryptoKey === 'undefined') G.CryptoKey = CryptoKey;
if (typeof G.SubtleCrypto === 'undefined') G.SubtleCrypto = SubtleCrypto;

// ---------------------------------------------------------------- process

const startNanos = host.hrtime();
const process = new EventEmitter();
const argv = Array.from(host.argv(), String);
process.title = 'node';
process.version = NODE_VERSION;
process.versions = { node: NODE_VERSION.slice(1), v8: '12.4.254.21-node.33', uv: '1.49.2', modules: '127', agentos: '0.1.0' };
process.release = { name: 'node', lts: 'Jod' };
process.platform = 'linux';
process.arch = 'x64';
process.execPath = '/usr/bin/node';
process.argv0 = argv[0];
process.execArgv = [];
process.pid = host.pid();
process.ppid = host.ppid();
process.exitCode = undefined;
process.config = { variables: {} };
process.features = { inspector: false, ipv6: true, tls: false, typescript: false };
{
  const env = {};
  const hostEnv = host.env();
  for (const k of Object.keys(hostEnv)) env[k] = String(hostEnv[k]);
  // Like Node's: values become strings, symbols are refused, and only plain data descriptors may be defined.
  const envError = (m) => typeError('ERR_INVALID_OBJECT_DEFINE_PROPERTY', "'process.env' " + m);
  process.env = new Proxy(env, {
    set(t, k, v) {
      if (typeof k === 'symbol' || typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      t[k] = String(v);
      return true;
    },
    has(t, k) { return typeof k !== 'symbol' && Object.prototype.hasOwnProperty.call(t, k); },
    deleteProperty(t, k) { if (typeof k !== 'symbol') delete t[k]; return true; },
    defineProperty(t, k, d) {
      if ('get' in d || 'set' in d) throw envError('does not accept an accessor(getter/setter) descriptor');
      if (!d.configurable || !d.writable || !d.enumerable) throw envError('only accepts a configurable, writable, and enumerable data descriptor');
      if (typeof k === 'symbol' || typeof d.value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      t[k] = String(d.value);
      return true;
    },
  });
}
process.cwd = () => String(host.cwd());
process.chdir = (d) => { const p = toPath(d, 'directory'); sys('chdir', p, () => host.chdir(p)); };
process.umask = () => 0o022;
process.getuid = () => host.uid();
process.geteuid = () => host.uid();
process.getgid = () => host.gid();
process.getegid = () => host.gid();
process.getgroups = () => [host.gid()];
process.nextTick = nextTick;
process.hrtime = (time) => {
  const t = host.hrtime() - startNanos;
  let s = Math.floor(t / 1e9), ns = Math.floor(t % 1e9);
  if (time !== undefined) {
    if (!Array.isArray(time)) throw errInvalidArgType('time', 'an instance of Array', time);
    if (time.length !== 2) throw errOutOfRange('time', '2', time.length);
    s -= time[0]; ns -= time[1];
    if (ns < 0) { s--; ns += 1e9; }
  }
  return [s, ns];
};
process.hrtime.bigint = () => BigInt(Math.floor(host.hrtime()));
process.uptime = () => (host.hrtime() - startNanos) / 1e9;
process.memoryUsage = () => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 });
process.memoryUsage.rss = () => 0;
// The heap bound this process runs under (limits.jsRuntime.heapLimitMb), as os.totalmem() reports it.
process.constrainedMemory = () => Number(host.maxOldSpaceBytes());
process.availableMemory = () => Number(host.maxOldSpaceBytes()) / 2;
process.assert = util.deprecate((value, message) => {
  if (!value) throw Object.assign(new Error(message || 'assertion error'), { code: 'ERR_ASSERTION' });
}, 'process.assert() is deprecated. Please use the `assert` module instead.', 'DEP0100');
// CPU time of the process's event-loop thread, in microseconds.
process.cpuUsage = (prevValue) => {
  const now = Array.from(host.cpuUsageMicros(), Number);
  const usage = { user: Math.floor(now[0]), system: Math.floor(now[1]) };
  if (prevValue === undefined) return usage;
  if (prevValue === null || typeof prevValue !== 'object') throw errInvalidArgType('prevValue', 'of type object', prevValue);
  for (const k of ['user', 'system']) {
    if (typeof prevValue[k] !== 'number') {
      throw typeError('ERR_INVALID_ARG_TYPE', 'The "prevValue.' + k + '" property must be of type number. Received ' + receivedType(prevValue[k]));
    }
  }
  for (const k of ['user', 'system']) {
    if (!(prevValue[k] >= 0) || !Number.isFinite(prevValue[k])) {
      const e = new RangeError("The property 'prevValue." + k + "' is invalid. Received " + prevValue[k]);
      e.code = 'ERR_INVALID_ARG_VALUE';
      throw e;
    }
  }
  return { user: usage.user - prevValue.user, system: usage.system - prevValue.system };
};
process.resourceUsage = () => ({ userCPUTime: 0, systemCPUTime: 0, maxRSS: 0 });
process.kill = (pid, sig) => { sys('kill', undefined, () => host.kill(pid, typeof sig === 'number' ? signalName(sig) : sig || 'SIGTERM')); return true; };
process.exit = (code) => {
  if (code !== undefined) process.exitCode = code;
  const c = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
  if (!process._exiting) { process._exiting = true; try { process.emit('exit', c); } catch (e) { /* exit anyway */ } }
  host.exit(process.exitCode === undefined ? c : Number(process.exitCode) | 0);
};
process.abort = () => host.exit(134);
// process.emitWarning as in Node: a Warning error (name = type, code, detail) emitted as 'warning' on the next
// tick and written to stderr unless --no-warnings; deprecations obey --no-deprecation / --throw-deprecation.
let warningHintShown = false;
process.emitWarning = function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor; code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') { ctor = type; code = undefined; type = 'Warning'; }
  if (type !== undefined && typeof type !== 'string') throw errInvalidArgType('type', 'of type string', type);
  if (typeof code === 'function') { ctor = code; code = undefined; }
  else if (code !== undefined && typeof code !== 'string') throw errInvalidArgType('code', 'of type string', code);
  if (typeof warning === 'string') {
    const w = new Error(warning);
    w.name = String(type || 'Warning');
    if (code !== undefined) w.code = code;
    if (detail !== undefined) w.detail = detail;
    Error.captureStackTrace(w, ctor || emitWarning);
    warning = w;
  } else if (!(warning instanceof Error)) throw errInvalidArgType('warning', 'an instance of Error or of type string', warning);
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) { const w = warning; nextTick(() => { throw w; }); return; }
  }
  nextTick(emitWarningNow, warning);
};
function emitWarningNow(warning) {
  process.emit('warning', warning);
  if (process.execArgv.includes('--no-warnings') || process.env.NODE_NO_WARNINGS === '1') return;
  const deprecation = warning.name === 'DeprecationWarning';
  if (deprecation && process.noDeprecation) return;
  const trace = process.execArgv.includes('--trace-warnings') || (deprecation && process.traceDeprecation);
  let msg = '(node:' + process.pid + ') ';
  if (warning.code) msg += '[' + warning.code + '] ';
  if (trace && warning.stack) msg += warning.stack;
  else {
    try { msg += typeof warning.toString === 'function' ? String(warning.toString()) : Error.prototype.toString.call(warning); }
    catch (e) { msg += Error.prototype.toString.call(warning); }
  }
  if (typeof warning.detail === 'string') msg += '\n' + warning.detail;
  if (!trace && !warningHintShown) {
    warningHintShown = true;
    msg += '\n(Use `node ' + (deprecation ? '--trace-deprecation' : '--trace-warnings') + ' ...` to show where the warning was created)';
  }
  try { process.stderr.write(msg + '\n'); } catch (e) { /* stderr closed */ }
}
process.binding = () => { throw new NodeError('ERR_NOT_AVAILABLE', 'process.binding is not available in this runtime'); };
process.report = { getReport: () => ({ header: { glibcVersionRuntime: '2.36' }, sharedObjects: [] }) };
process.allowedNodeEnvironmentFlags = new Set();
process.setUncaughtExceptionCaptureCallback = () => {};
process.hasUncaughtExceptionCaptureCallback = () => false;
process.setSourceMapsEnabled = () => {};
process.getActiveResourcesInfo = activeResourcesInfo;
process.stdout = stdioStream(1);
process.stderr = stdioStream(2);
let stdinStream = null;
Object.defineProperty(process, 'stdin', {
  configurable: true, enumerable: true,
  get() {
    if (!stdinStream) {
      stdinStream = new FdReadable(0, false);
      stdinStream.isTTY = host.isatty(0) || undefined;
      stdinStream.setRawMode = function () { return this; };
    }
    return stdinStream;
  },
});
function stdioStream(fd) {
  const w = new FdWritable(fd, false);
  w.isTTY = host.isatty(fd) || undefined;
  w.columns = 80; w.rows = 24;
  w._isStdio = true;
  w.getColorDepth = () => 1;
  w.hasColors = () => false;
  w.getWindowSize = () => [80, 24];
  w._destroy = (err, cb) => cb(err);
  // Node's stdout/stderr are synchronous for files and pipes: write at once and call back on the next tick.
  w.write = function (chunk, enc, cb) {
    if (typeof enc === 'function') { cb = enc; enc = undefined; }
    try { sys('write', undefined, () => hostWrite(fd, typeof chunk === 'string' || ArrayBuffer.isView(chunk) ? chunk : String(chunk), enc)); }
    catch (e) { if (e.code === 'EPIPE') { if (cb) nextTick(cb, e); return false; } throw e; }
    if (cb) nextTick(cb, null);
    return true;
  };
  return w;
}
// Signal listeners: the first one makes the kernel deliver the signal to us instead of its default action.
const CATCHABLE = new Set(Object.keys(SIGNALS).filter(s => s !== 'SIGKILL' && s !== 'SIGSTOP'));
process.on('newListener', (name) => { if (CATCHABLE.has(name) && !process.listenerCount(name)) { try { host.catchSignal(name, true); } catch (e) { /* ignore */ } } });
process.on('removeListener', (name) => { if (CATCHABLE.has(name) && !process.listenerCount(name)) { try { host.catchSignal(name, false); } catch (e) { /* ignore */ } } });

// ---------------------------------------------------------------- console

function makeConsole(out, err) {
  const counts = new Map(), timersMap = new Map();
  let indent = '';
  // Like Node's console: a failing destination never throws at or after the call.
  const noop = () => {};
  const write = (stream, args) => {
    const text = indent + format(...args).replace(/\n/g, '\n' + indent) + '\n';
    stream.once('error', noop);
    try {
      stream.write(text, (e) => { if (e && stream.listenerCount('error') === 0) stream.once('error', noop); });
    } catch (e) { /* a destination that throws is ignored, as in Node */ } finally { stream.removeListener('error', noop); }
  };
  const c = {
    log: (...a) => write(out, a),
    info: (...a) => write(out, a),
    debug: (...a) => write(out, a),
    error: (...a) => write(err, a),
    warn: (...a) => write(err, a),
    trace: (...a) => { const e = new Error(format(...a)); e.name = 'Trace'; write(err, [e.stack]); },
    dir: (o, opts) => out.write(indent + inspect(o, opts) + '\n'),
    dirxml: (...a) => write(out, a),
    assert: (ok, ...a) => { if (!ok) write(err, ['Assertion failed' + (a.length ? ':' : ''), ...a]); },
    count: (label = 'default') => { const n = (counts.get(label) || 0) + 1; counts.set(label, n); write(out, [label + ': ' + n]); },
    countReset: (label = 'default') => counts.delete(label),
    time: (label = 'default') => timersMap.set(label, host.hrtime()),
    timeEnd: (label = 'default') => { const t = timersMap.get(label); timersMap.delete(label); if (t !== undefined) write(out, [label + ': ' + ((host.hrtime() - t) / 1e6).toFixed(3) + 'ms']); },
    timeLog: (label = 'default', ...a) => { const t = timersMap.get(label); if (t !== undefined) write(out, [label + ': ' + ((host.hrtime() - t) / 1e6).toFixed(3) + 'ms', ...a]); },
    group: (...a) => { if (a.length) write(out, a); indent += '  '; },
    groupCollapsed: (...a) => { if (a.length) write(out, a); indent += '  '; },
    groupEnd: () => { indent = indent.slice(2); },
    table: (data) => write(out, [data]),
  };
  return c;
}
const console = makeConsole(process.stdout, process.stderr);
console.Console = class Console {
  constructor(stdout, stderr) {
    if (stdout && stdout.stdout) { stderr = stdout.stderr; stdout = stdout.stdout; }
    Object.assign(this, makeConsole(stdout, stderr || stdout));
  }
};

// ---------------------------------------------------------------- net, dns, tls, http, https, fetch: over the kernel's sockets

// Host completions for sockets: accept/connect/written/lookup events by request id.
const netHandlers = new Map();
let nextNetId = 1;
function netCallback(fn, persistent) {
  const id = nextNetId++;
  netHandlers.set(id, { fn, persistent });
  return id;
}
function netEvent(kind, id, value) {
  const h = netHandlers.get(id);
  if (!h) return;
  if (!h.persistent) netHandlers.delete(id);
  h.fn(kind, value);
}
// The kernel's explanation from an ErrnoException message ("CODE: text, syscall 'path' (detail)").
function kernelDetail(msg) {
  if (!msg.endsWith(')')) return '';
  let depth = 0;
  for (let i = msg.length - 1; i >= 0; i--) {
    if (msg[i] === ')') depth++;
    else if (msg[i] === '(' && --depth === 0) return msg.slice(i + 1, -1);
  }
  return '';
}
function netError(code, message, syscall, address, port) {
  const where = address !== undefined ? ' ' + address + (port ? ':' + port : '') : '';
  const text = message ? String(message) : '';
  const why = text.startsWith(code + ':') ? kernelDetail(text) : text;
  const detail = why ? ' - ' + why : '';
  const e = new Error(syscall + ' ' + code + where + detail);
  try { e.errno = host.errnoNumber(code); } catch (x) { /* not an errno name */ }
  e.code = code;
  e.syscall = syscall;
  if (address !== undefined) e.address = address;
  if (port) e.port = port;
  return e;
}
const IPV4_RE = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
function isIPv4(s) { return IPV4_RE.test(String(s)); }
function isIPv6(s) {
  s = String(s);
  if (s.indexOf(':') < 0 || /[^0-9a-fA-F:.%]/.test(s.split('%')[0])) return false;
  const parts = s.split('%')[0].split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p ? p.split(':') : []));
  if (groups.length && isIPv4(groups[groups.length - 1])) groups.splice(-1, 1, '0', '0');
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return parts.length === 2 ? groups.length < 8 : groups.length === 8;
}
function isIP(s) { return isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0; }

function makeNet() {
  const kState = Symbol.for('agentos.netState');
  class Socket extends Duplex {
    constructor(options) {
      options = options || {};
      super({ allowHalfOpen: !!options.allowHalfOpen, decodeStrings: false, emitClose: true, autoDestroy: true,
        highWaterMark: options.highWaterMark, readableHighWaterMark: options.readableHighWaterMark, writableHighWaterMark: options.writableHighWaterMark });
      this[kState] = { fd: -1, readerId: 0, timeout: 0, timer: null };
      this.connecting = false;
      this._hadError = false;
      this.bytesRead = 0;
      this._bytesDispatched = 0;
      this.remoteAddress = undefined; this.remotePort = undefined; this.remoteFamily = undefined;
      this.localAddress = undefined; this.localPort = undefined; this.localFamily = undefined;
      this.server = null;
      this._host = null;
      if (options.signal) {
        if (options.signal.aborted) nextTick(() => this.destroy(abortError(options.signal.reason)));
        else options.signal.addEventListener('abort', () => this.destroy(abortError(options.signal.reason)), { once: true });
      }
    }
    get bytesWritten() { return this._bytesDispatched; }
    get pending() { return this[kState].fd < 0 || this.connecting; }
    get readyState() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    }
    get _handle() { return this[kState].fd >= 0 ? { fd: this[kState].fd } : null; }
    _attach(fd, peer) {
      this[kState].fd = fd;
      if (!this._resourceType) this._resourceType = 'TCPSocketWrap';
      activeHandles.add(this);
      const local = host.sockName(fd, false);
      if (local) { this.localAddress = String(local[0]); this.localPort = Number(local[1]); this.localFamily = String(local[2]); }
      if (peer) { this.remoteAddress = String(peer[0]); this.remotePort = Number(peer[1]); this.remoteFamily = String(peer[2]); }
    }
    connect(...args) {
      const [options, cb] = normalizeConnectArgs(args);
      if (this.destroyed) { this._undestroy && this._undestroy(); }
      if (cb) this.once('connect', cb);
      const unix = typeof options.path === 'string';
      const address = unix ? options.path : String(options.host || 'localhost');
      const port = unix ? 0 : Number(options.port);
      if (!unix && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new NodeError('ERR_SOCKET_BAD_PORT', 'Port should be >= 0 and < 65536. Received ' + inspect(options.port) + '.');
      }
      this.connecting = true;
      this._host = address;
      const family = unix ? 0 : isIPv6(address) ? 6 : 4;
      let fd;
      try { fd = sys('socket', undefined, () => host.socket(family)); } catch (e) { nextTick(() => this.destroy(e)); return this; }
      this[kState].fd = fd;
      this._resourceType = unix ? 'PipeWrap' : 'TCPSocketWrap';
      activeHandles.add(this);
      const st = this[kState];
      const id = netCallback((kind, value) => {
        if (this.destroyed) return;
        if (kind === 'connecterror') {
          this.connecting = false;
          this.destroy(netError(String(value[0]), String(value[1]), 'connect', address, port));
          return;
        }
        this.connecting = false;
        this.localAddress = String(value[0]); this.localPort = Number(value[1]);
        this.remoteAddress = String(value[2]); this.remotePort = Number(value[3]); this.remoteFamily = String(value[4]);
        this._touch();
        this.emit('connect');
        this.emit('ready');
        if (this._pendingWrites) { const w = this._pendingWrites; this._pendingWrites = null; for (const f of w) f(); }
        if (this._pendingRead) { this._pendingRead = false; this._read(); }
      });
      host.connect(fd, address, port, unix, id);
      return this;
    }
    _read() {
      const st = this[kState];
      if (this.connecting || st.fd < 0) { this._pendingRead = true; return; }
      if (st.readerId) return;
      st.readerId = nextReaderId++;
      readers.set(st.readerId, this);
      host.readStart(st.fd, st.readerId, false);
      if (st.unref) host.readerHold(st.readerId, false);
    }
    _hostEvent(kind, value) {
      if (kind === 'data') {
        const b = fromHost(value);
        this.bytesRead += b.length;
        this._touch();
        if (!this.destroyed) this.push(b);
      } else if (kind === 'end') {
        readers.delete(this[kState].readerId);
        if (!this.destroyed) this.push(null);
      } else {
        readers.delete(this[kState].readerId);
        this.destroy(netError(String(value), undefined, 'read'));
      }
    }
    _write(chunk, enc, cb) {
      if (this.connecting || this[kState].fd < 0) {
        (this._pendingWrites || (this._pendingWrites = [])).push(() => this._write(chunk, enc, cb));
        return;
      }
      const b = typeof chunk === 'string' ? bytesOf(chunk, enc) : asBytes(chunk);
      this._bytesDispatched += b.length;
      this._touch();
      const id = netCallback((kind, err) => {
        if (err) cb(netError(String(err[0]), String(err[1]), 'write'));
        else cb();
      });
      host.writeAsync(this[kState].fd, b.buffer, b.byteOffset, b.byteLength, id);
    }
    _final(cb) {
      if (this.connecting || this[kState].fd < 0) {
        (this._pendingWrites || (this._pendingWrites = [])).push(() => this._final(cb));
        return;
      }
      const id = netCallback((kind, err) => cb());
      host.shutdownAsync(this[kState].fd, id);
    }
    _destroy(err, cb) {
      const st = this[kState];
      this.connecting = false;
      if (st.timer) { clearTimeout(st.timer); st.timer = null; }
      if (st.readerId) { host.readStop(st.readerId); readers.delete(st.readerId); }
      if (st.fd >= 0) { const fd = st.fd; st.fd = -1; if (st.reset) host.resetAsync(fd); else host.closeAsync(fd); }
      activeHandles.delete(this);
      if (err) this._hadError = true;
      if (this.server) { this.server._connectionClosed(this); }
      cb(err);
    }
    _touch() {
      const st = this[kState];
      if (!st.timeout) return;
      if (st.timer) clearTimeout(st.timer);
      st.timer = setTimeout(() => { st.timer = null; this.emit('timeout'); }, st.timeout);
      st.timer.unref();
    }
    setTimeout(ms, cb) {
      const st = this[kState];
      st.timeout = Number(ms) || 0;
      if (st.timer) { clearTimeout(st.timer); st.timer = null; }
      if (cb) { if (st.timeout) this.once('timeout', cb); else this.removeListener('timeout', cb); }
      this._touch();
      return this;
    }
    get timeout() { return this[kState].timeout || undefined; }
    setNoDelay() { return this; }
    setKeepAlive() { return this; }
    address() {
      const fd = this[kState].fd;
      const a = fd >= 0 ? host.sockName(fd, false) : null;
      return a ? { address: String(a[0]), family: String(a[2]), port: Number(a[1]) } : {};
    }
    // An unref'd socket does not keep the process alive (a keep-alive agent's idle sockets): its reader stops holding.
    ref() { const st = this[kState]; st.unref = false; if (st.readerId) host.readerHold(st.readerId, true); if (st.timer && st.timer.ref) st.timer.ref(); return this; }
    unref() { const st = this[kState]; st.unref = true; if (st.readerId) host.readerHold(st.readerId, false); return this; }
    // A reset closes without the orderly FIN a destroy sends first, so the peer sees ECONNRESET.
    resetAndDestroy() { this[kState].reset = true; return this.destroy(); }
    destroySoon() { if (this.writable) this.end(); if (this.writableFinished) this.destroy(); else this.once('finish', () => this.destroy()); }
    get [Symbol.toStringTag]() { return 'Socket'; }
  }
  function abortError(reason) {
    const e = new Error('The operation was aborted');
    e.name = 'AbortError'; e.code = 'ABORT_ERR'; if (reason !== undefined) e.cause = reason;
    return e;
  }
  function normalizeConnectArgs(args) {
    let options = {}, cb = null;
    if (args.length && typeof args[args.length - 1] === 'function') cb = args.pop();
    if (args[0] !== null && typeof args[0] === 'object') options = Object.assign({}, args[0]);
    else if (typeof args[0] === 'string' && !/^\d+$/.test(args[0])) options.path = args[0];
    else { options.port = args[0]; if (typeof args[1] === 'string') options.host = args[1]; }
    return [options, cb];
  }

  class Server extends EventEmitter {
    constructor(options, listener) {
      super();
      if (typeof options === 'function') { listener = options; options = {}; }
      this._options = options || {};
      this._fd = -1;
      this._acceptId = 0;
      this._address = null;
      this._connections = new Set();
      this._closeCbs = [];
      this.listening = false;
      this.maxConnections = undefined;
      if (listener) this.on('connection', listener);
    }
    listen(...args) {
      let cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      let port = 0, hostName, backlog = 511, path;
      const a0 = args[0];
      if (a0 !== null && typeof a0 === 'object' && !(a0 instanceof Number)) {
        port = a0.port || 0; hostName = a0.host; backlog = a0.backlog || 511; path = a0.path;
        if (a0.signal) a0.signal.addEventListener('abort', () => this.close(), { once: true });
      } else if (typeof a0 === 'string' && !/^\d+$/.test(a0)) path = a0;
      else {
        if (a0 !== undefined && a0 !== null) port = Number(a0);
        if (typeof args[1] === 'string') { hostName = args[1]; if (typeof args[2] === 'number') backlog = args[2]; }
        else if (typeof args[1] === 'number') backlog = args[1];
      }
      if (path === undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new NodeError('ERR_SOCKET_BAD_PORT', 'options.port should be >= 0 and < 65536. Received ' + inspect(a0) + '.');
      }
      if (this.listening) throw new NodeError('ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
      if (cb) this.once('listening', cb);
      const unix = path !== undefined;
      const bindHost = unix ? String(path) : hostName ? String(hostName) : '::';
      try {
        const fd = sys('listen', undefined, () => host.socket(unix ? 0 : isIPv4(bindHost) || bindHost === 'localhost' ? 4 : 6));
        this._fd = fd;
        const bound = (() => {
          try { return host.listen(fd, bindHost === 'localhost' ? '127.0.0.1' : bindHost, port, backlog, unix); } catch (e) {
            if (isHostErrno(e)) throw netError(String(e.errno().name()), String(e.getMessage()), 'listen', unix ? String(path) : bindHost, port);
            throw e;
          }
        })();
        this._address = unix ? String(path) : { address: String(bound[0]), family: String(bound[2]), port: Number(bound[1]) };
      } catch (e) {
        if (this._fd >= 0) { try { host.close(this._fd); } catch (x) { /* ignore */ } this._fd = -1; }
        nextTick(() => this.emit('error', e));
        return this;
      }
      this.listening = true;
      this._resourceType = unix ? 'PipeServerWrap' : 'TCPServerWrap';
      activeHandles.add(this);
      this._acceptId = netCallback((kind, value) => {
        if (kind === 'accepterror') { if (this.listening) this.emit('error', netError(String(value[0]), String(value[1]), 'accept')); return; }
        const s = new Socket({ allowHalfOpen: !!this._options.allowHalfOpen });
        if (unix) s._resourceType = 'PipeWrap';
        s._attach(value[0], [value[1], value[2], value[3]]);
        if (this.maxConnections !== undefined && this._connections.size >= this.maxConnections) { s.destroy(); this.emit('drop', { remoteAddress: s.remoteAddress }); return; }
        s.server = this;
        this._connections.add(s);
        this._onConnection(s);
      }, true);
      host.acceptStart(this._fd, this._acceptId);
      if (this._unref) host.acceptHold(this._acceptId, false);
      nextTick(() => this.emit('listening'));
      return this;
    }
    _onConnection(s) { this.emit('connection', s); }
    _connectionClosed(s) {
      this._connections.delete(s);
      this._maybeClosed();
    }
    _maybeClosed() {
      if (!this.listening && this._fd < 0 && this._connections.size === 0 && this._closing) {
        this._closing = false;
        const cbs = this._closeCbs.splice(0);
        nextTick(() => { this.emit('close'); for (const f of cbs) f(); });
      }
    }
    address() { return this._address; }
    close(cb) {
      if (!this.listening) {
        if (cb) nextTick(cb, new NodeError('ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
        return this;
      }
      this.listening = false;
      activeHandles.delete(this);
      this._closing = true;
      if (cb) this._closeCbs.push(cb);
      if (this._acceptId) { host.acceptStop(this._acceptId); netHandlers.delete(this._acceptId); this._acceptId = 0; }
      if (this._fd >= 0) { try { host.close(this._fd); } catch (e) { /* closed */ } this._fd = -1; }
      this._maybeClosed();
      return this;
    }
    getConnections(cb) { const n = this._connections.size; if (cb) nextTick(cb, null, n); return this; }
    ref() { this._unref = false; if (this._acceptId) host.acceptHold(this._acceptId, true); return this; }
    unref() { this._unref = true; if (this._acceptId) host.acceptHold(this._acceptId, false); return this; }
    [Symbol.asyncDispose]() { return new Promise((res) => this.close(() => res())); }
  }

  const createServer = (options, listener) => new Server(options, listener);
  const connect = (...args) => {
    const [options, cb] = normalizeConnectArgs(args);
    const s = new Socket(options);
    if (options.timeout) s.setTimeout(options.timeout);
    return s.connect(options, cb);
  };
  class BlockList {
    constructor() { this._rules = []; }
    addAddress(a) { this._rules.push((x) => x === a); }
    addRange(s, e) { this._rules.push((x) => x >= s && x <= e); }
    addSubnet() {}
    check(a) { return this._rules.some((r) => r(a)); }
  }
  class SocketAddress {
    constructor(o = {}) { this.address = o.address || '127.0.0.1'; this.port = o.port || 0; this.family = o.family || 'ipv4'; this.flowlabel = 0; }
  }
  return {
    Socket: callable(Socket), Stream: callable(Socket), Server: callable(Server), BlockList, SocketAddress, createServer, connect, createConnection: connect,
    isIP, isIPv4, isIPv6,
    getDefaultAutoSelectFamily: () => false, setDefaultAutoSelectFamily() {},
    getDefaultAutoSelectFamilyAttemptTimeout: () => 250, setDefaultAutoSelectFamilyAttemptTimeout() {},
    _normalizeArgs: (args) => normalizeConnectArgs(Array.from(args)),
  };
}

function makeDns() {
  const codes = { ENOENT: 'ENOTFOUND' };
  function hostLookup(hostname, cb) {
    const id = netCallback((kind, v) => {
      if (v[0]) cb(null, Array.from(v[1], String));
      else {
        const code = codes[String(v[1])] || String(v[1]);
        const e = netError(code, code === 'ENOTFOUND' ? undefined : String(v[2]), 'getaddrinfo', hostname);
        e.hostname = hostname;
        cb(e);
      }
    });
    host.lookup(hostname, id);
  }
  function lookup(hostname, options, cb) {
    if (typeof options === 'function') { cb = options; options = {}; }
    if (typeof options === 'number') options = { family: options };
    options = options || {};
    if (typeof cb !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', 'The "callback" argument must be of type function. Received ' + inspect(cb));
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family) || 0;
    const finish = (list) => {
      let out = list.map((a) => ({ address: a, family: isIPv6(a) ? 6 : 4 }));
      if (family) out = out.filter((a) => a.family === family);
      if (!out.length) { const e = netError('ENOTFOUND', undefined, 'getaddrinfo', hostname); e.hostname = hostname; cb(e); return; }
      if (options.all) cb(null, out);
      else cb(null, out[0].address, out[0].family);
    };
    if (!hostname) { nextTick(() => (options.all ? cb(null, []) : cb(null, null, family === 6 ? 6 : 4))); return {}; }
    if (isIP(hostname)) { nextTick(finish, [String(hostname)]); return {}; }
    hostLookup(String(hostname), (err, list) => (err ? cb(err) : finish(list)));
    return {};
  }
  lookup[customPromisifyArgs] = ['address', 'family'];
  const resolveFamily = (fam) => (hostname, options, cb) => {
    if (typeof options === 'function') cb = options;
    lookup(hostname, { family: fam, all: true }, (err, list) => (err ? cb(err) : cb(null, list.map((x) => x.address))));
  };
  const resolve4 = resolveFamily(4), resolve6 = resolveFamily(6);
  const resolve = (hostname, rrtype, cb) => {
    if (typeof rrtype === 'function') { cb = rrtype; rrtype = 'A'; }
    if (rrtype === 'A') return resolve4(hostname, cb);
    if (rrtype === 'AAAA') return resolve6(hostname, cb);
    nextTick(cb, netError('ENOTIMP', 'only A and AAAA records are resolved in a VM', 'query' + rrtype, hostname));
  };
  const notImpl = (name) => (hostname, cb) => nextTick(typeof cb === 'function' ? cb : () => {}, netError('ENOTIMP', name + ' is not resolved in a VM', name, hostname));
  const cbApi = { lookup, resolve, resolve4, resolve6, resolveAny: notImpl('queryAny'), resolveMx: notImpl('queryMx'), resolveTxt: notImpl('queryTxt'),
    resolveSrv: notImpl('querySrv'), resolveNs: notImpl('queryNs'), resolveCname: notImpl('queryCname'), reverse: notImpl('getHostByAddr'),
    lookupService: (a, p, cb) => nextTick(cb, null, 'localhost', String(p)) };
  const promisified = {};
  for (const [k, f] of Object.entries(cbApi)) {
    promisified[k] = (...a) => new Promise((res, rej) => f(...a, (err, x, y) => (err ? rej(err) : res(k === 'lookup' && !(a[1] && a[1].all) ? { address: x, family: y } : x))));
  }
  class Resolver {
    constructor() {} cancel() {} getServers() { return []; } setServers() {} setLocalAddress() {}
  }
  Object.assign(Resolver.prototype, cbApi);
  class PResolver { constructor() {} cancel() {} getServers() { return []; } setServers() {} }
  Object.assign(PResolver.prototype, promisified);
  const constants = { ADDRCONFIG: 1024, ALL: 256, V4MAPPED: 2048, NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL',
    NOTFOUND: 'ENOTFOUND', NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME', BADFAMILY: 'EBADFAMILY',
    BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT', EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM',
    DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR', BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS',
    NOTINITIALIZED: 'ENOTINITIALIZED', LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED' };
  const promises = Object.assign({ Resolver: PResolver, getServers: () => [], setServers() {}, setDefaultResultOrder() {}, getDefaultResultOrder: () => 'verbatim' }, promisified, constants);
  return Object.assign({ Resolver, promises, getServers: () => [], setServers() {}, setDefaultResultOrder() {}, getDefaultResultOrder: () => 'verbatim' }, cbApi, constants);
}

// TLS as Node layers it: a TLSSocket runs the handshake and the record layer over another stream (a kernel socket,
// an in-VM pipe, any duplex), here with the JDK's TLS engine on the host doing the cryptography
// (host.tlsContext/tlsEngine: pure computation, the bytes stay the guest's and travel through the kernel).
function makeTls() {
  const net = loadBuiltin('net');
  const kTls = Symbol('tls');
  const DEFAULT_MIN_VERSION = 'TLSv1.2', DEFAULT_MAX_VERSION = 'TLSv1.3';
  const bytesLike = 'of type string or an instance of Buffer, TypedArray, or DataView';
  function pemList(value, name, allowObjects) {
    if (value === undefined || value === null || value === false) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((v) => {
      if (typeof v === 'string') return { pem: v };
      if (ArrayBuffer.isView(v)) return { pem: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1') };
      if (allowObjects && v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
        const inner = v.pem !== undefined ? v.pem : v.buf;
        return { pem: typeof inner === 'string' ? inner : Buffer.from(inner).toString(allowObjects === 'pfx' ? 'base64' : 'latin1'), passphrase: v.passphrase };
      }
      throw typeError('ERR_INVALID_ARG_TYPE', 'The "' + name + '" property must be ' + bytesLike + '. Received ' + receivedType(v));
    });
  }
  function checkBytes(value, name) {
    if (value === undefined || value === null || value === false) return;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string' && !ArrayBuffer.isView(v) && !(v !== null && typeof v === 'object' && (name === 'options.key' || name === 'options.pfx'))) {
        throw typeError('ERR_INVALID_ARG_TYPE', 'The "' + name + '" property must be ' + bytesLike + '. Received ' + receivedType(v));
      }
    }
  }
  function sslError(message) {
    const m = String(message);
    const e = new Error(m);
    const lib = /^error:[0-9A-F]+:([^:]*) routines::([^(]*)/.exec(m);
    if (lib) {
      e.library = lib[1]; e.reason = lib[2].trim();
      e.code = 'ERR_OSSL_' + (lib[1] === 'PEM' ? 'PEM_' : lib[1] === 'x509 certificate' ? 'X509_' : lib[1] === 'PKCS12' ? 'PKCS12_' : '')
        + e.reason.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
      if (lib[1] === 'Provider' && e.reason === 'bad decrypt') e.code = 'ERR_OSSL_BAD_DECRYPT';
    }
    return e;
  }
  class SecureContext {
    constructor(options) {
      options = options || {};
      checkBytes(options.cert, 'options.cert'); checkBytes(options.key, 'options.key'); checkBytes(options.ca, 'options.ca');
      checkBytes(options.pfx, 'options.pfx');
      for (const k of ['ciphers', 'ecdhCurve', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine']) {
        if (options[k] !== undefined && options[k] !== null && typeof options[k] !== 'string') {
          throw typeError('ERR_INVALID_ARG_TYPE', 'The "options.' + k + '" property must be of type string. Received ' + receivedType(options[k]));
        }
      }
      const min = options.minVersion, max = options.maxVersion;
      for (const [k, v] of [['minVersion', min], ['maxVersion', max]]) {
        if (v !== undefined && !['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'].includes(v)) {
          throw typeError('ERR_TLS_INVALID_PROTOCOL_VERSION', inspect(v) + ' is not a valid ' + k);
        }
      }
      if (options.secureProtocol !== undefined && (min !== undefined || max !== undefined)) {
        throw typeError('ERR_TLS_PROTOCOL_VERSION_CONFLICT', 'TLS protocol version ' + (min || max) + ' conflicts with secureProtocol ' + options.secureProtocol);
      }
      const certs = pemList(options.cert, 'options.cert').map((c) => c.pem);
      const keys = pemList(options.key, 'options.key', true);
      const pfx = pemList(options.pfx, 'options.pfx', 'pfx').map((p) => ({ b64: typeof options.pfx === 'string' ? Buffer.from(p.pem, 'latin1').toString('base64') : p.pem, passphrase: p.passphrase }));
      for (const p of pfx) if (!p.b64) p.b64 = '';
      if (Array.isArray(options.pfx) || ArrayBuffer.isView(options.pfx)) {
        const list = Array.isArray(options.pfx) ? options.pfx : [options.pfx];
        list.forEach((v, i) => { if (ArrayBuffer.isView(v)) pfx[i].b64 = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'); });
      }
      const ca = options.ca === undefined || options.ca === null ? null : pemList(options.ca, 'options.ca').map((c) => c.pem);
      this._spec = {
        certs, keys: keys.map((k) => k.pem),
        passphrases: keys.map((k) => (k.passphrase !== undefined ? String(k.passphrase) : options.passphrase !== undefined ? String(options.passphrase) : null)),
        pfx: pfx.map((p) => p.b64), pfxPassphrases: pfx.map((p) => (p.passphrase !== undefined ? String(p.passphrase) : options.passphrase !== undefined ? String(options.passphrase) : null)),
        ca,
      };
      this.minVersion = min || (options.secureProtocol === 'TLSv1_3_method' ? 'TLSv1.3' : DEFAULT_MIN_VERSION);
      this.maxVersion = max || (options.secureProtocol === 'TLSv1_2_method' ? 'TLSv1.2' : DEFAULT_MAX_VERSION);
      try { this._host = host.tlsContext(this._spec); } catch (e) { throw sslError(e.getMessage ? e.getMessage() : e.message); }
      this.context = this;
    }
  }
  function createSecureContext(options) { return new SecureContext(options); }
  // Connections without credentials or CAs of their own share one context (the trust store is read once).
  let defaultContext = null;
  const CONTEXT_OPTIONS = ['cert', 'key', 'ca', 'pfx', 'passphrase', 'minVersion', 'maxVersion', 'secureProtocol', 'ciphers', 'ecdhCurve', 'sigalgs'];
  function contextFor(o) {
    if (o.secureContext) return o.secureContext;
    if (CONTEXT_OPTIONS.some((k) => o[k] !== undefined && o[k] !== null)) return createSecureContext(o);
    return defaultContext || (defaultContext = createSecureContext({}));
  }

  function alpnList(p, name) {
    if (p === undefined || p === null) return [];
    if (Array.isArray(p)) return p.map((x) => Buffer.from(x).toString('latin1'));
    if (ArrayBuffer.isView(p)) {
      const b = Buffer.from(p.buffer, p.byteOffset, p.byteLength), names = [];
      for (let i = 0; i < b.length; i += 1 + b[i]) names.push(b.subarray(i + 1, i + 1 + b[i]).toString('latin1'));
      return names;
    }
    throw typeError('ERR_INVALID_ARG_TYPE', 'The "' + (name || 'options.ALPNProtocols') + '" property must be an instance of Array, Buffer, TypedArray, or DataView. Received ' + receivedType(p));
  }
  function convertALPNProtocols(protocols, out) {
    const names = alpnList(protocols, 'protocols');
    const parts = [];
    for (const n of names) {
      if (n.length > 255) throw new RangeError('The byte length of the protocol at index ' + names.indexOf(n) + ' exceeds the maximum length. It must be <= 255. Received ' + n.length);
      parts.push(Buffer.from([n.length]), Buffer.from(n, 'latin1'));
    }
    out.ALPNProtocols = Buffer.concat(parts);
  }
  function openSslCipher(jdk) {
    if (!jdk) return undefined;
    if (/^TLS_(AES|CHACHA20)/.test(jdk)) return jdk;
    const m = /^TLS_(.*)_WITH_(.*)$/.exec(jdk);
    if (!m) return jdk;
    const kx = m[1] === 'RSA' ? '' : m[1].replace(/_/g, '-') + '-';
    const c = m[2].replace(/^AES_(\d+)_/, 'AES$1-').replace(/_CBC_SHA$/, '-SHA').replace(/CBC_/, '').replace(/_/g, '-').replace(/-+/g, '-');
    return kx + c;
  }
  function certObject(json) {
    if (!json) return null;
    const list = JSON.parse(json).map((c) => {
      c.raw = Buffer.from(c.raw, 'base64');
      c.pubkey = Buffer.from(c.pubkey, 'base64');
      const subject = Object.assign(Object.create(null), c.subject), issuer = Object.assign(Object.create(null), c.issuer);
      c.subject = subject; c.issuer = issuer;
      return c;
    });
    return list;
  }

  const remoteProps = ['remoteAddress', 'remotePort', 'remoteFamily', 'localAddress', 'localPort', 'localFamily'];
  class TLSSocket extends net.Socket {
    constructor(socket, options) {
      options = Object.assign({}, options);
      if (options.ALPNProtocols !== undefined) alpnList(options.ALPNProtocols);
      super({ allowHalfOpen: socket && socket.allowHalfOpen !== undefined ? socket.allowHalfOpen : !!options.allowHalfOpen,
        highWaterMark: options.highWaterMark });
      this.encrypted = true;
      this.authorized = false;
      this.authorizationError = null;
      this.alpnProtocol = false;
      this.servername = null;
      this.secureConnecting = true;
      this._secureEstablished = false;
      this._tlsOptions = options;
      this[kTls] = { parent: null, engine: null, info: null, secure: false, queued: [], ended: false, ctx: null, failed: false };
      if (options.isServer) this.server = options.server || null;
      if (socket) this._wrapParent(socket);
    }
    _newEngine() {
      const o = this._tlsOptions;
      const ctx = contextFor(o);
      const t = this[kTls];
      t.ctx = ctx;
      const servername = o.isServer ? undefined : (o.servername !== undefined ? o.servername : (o.host && !isIP(o.host) ? o.host : undefined));
      const alpnCb = o.isServer && typeof o.ALPNCallback === 'function' ? (name, protocols) => {
        const r = o.ALPNCallback({ servername: name, protocols: Array.from(protocols) });
        return r === undefined ? null : r;
      } : undefined;
      try {
        t.engine = host.tlsEngine(ctx._host, !!o.isServer, { servername: servername || null, alpn: alpnList(o.ALPNProtocols),
          alpnCallback: alpnCb, requestCert: !!o.requestCert, minVersion: o.minVersion || ctx.minVersion, maxVersion: o.maxVersion || ctx.maxVersion });
      } catch (e) { throw sslError(e.getMessage ? e.getMessage() : e.message); }
      t.servername = servername;
    }
    _wrapParent(parent) {
      const t = this[kTls];
      t.parent = parent;
      parent.on('data', (chunk) => this._netIn(chunk));
      parent.on('end', () => this._netEnd());
      parent.on('error', (e) => this._tlsFail(e));
      parent.on('close', () => { if (!this.destroyed) { if (!t.secure) this._tlsFail(netError('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established', 'read')); else this.destroy(); } });
      if (parent.connecting) {
        this.connecting = true;
        parent.once('connect', () => { this.connecting = false; this.emit('connect'); this._start(); });
      } else nextTick(() => this._start());
    }
    _start() {
      const t = this[kTls];
      if (this.destroyed || t.engine) return;
      try { this._newEngine(); } catch (e) { this._tlsFail(e); return; }
      this._cycle();
    }
    _netIn(chunk) {
      const t = this[kTls];
      if (this.destroyed) return;
      if (!t.engine) { (t.early || (t.early = [])).push(chunk); return; }
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this._touch();
      try { t.engine.feed(b.buffer, b.byteOffset, b.byteLength); } catch (e) { this._tlsFail(new Error(e.getMessage ? e.getMessage() : e.message)); return; }
      this._cycle();
    }
    _netEnd() {
      const t = this[kTls];
      if (!t.secure) { this._tlsFail(netError('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established', 'read')); return; }
      if (!t.ended) { t.ended = true; this.push(null); }
    }
    _cycle() {
      const t = this[kTls];
      if (!t.engine || this.destroyed) return;
      if (t.early) { const e = t.early; t.early = null; for (const c of e) { const b = typeof c === 'string' ? Buffer.from(c) : c; t.engine.feed(b.buffer, b.byteOffset, b.byteLength); } }
      const flags = t.engine.pump();
      const out = t.engine.takeNet();
      if (out && t.parent && !t.parent.destroyed && t.parent.writable) t.parent.write(fromHost(out));
      const app = t.engine.takeApp();
      if (app && !t.ended) {
        const b = fromHost(app);
        this.bytesRead += b.length;
        if (!this.push(b) && t.parent && t.parent.pause) t.parent.pause();
      }
      if (flags & 4) {
        const err = t.engine.error();
        const e = new Error(String(err[1]));
        e.code = String(err[0]);
        if (e.code.startsWith('ERR_SSL_')) { e.library = 'SSL routines'; e.reason = String(err[1]); }
        this._tlsFail(e);
        return;
      }
      if (flags & 1) this._onHandshake();
      if ((flags & 2) && !t.ended) { t.ended = true; this.push(null); }
    }
    _onHandshake() {
      const t = this[kTls], o = this._tlsOptions;
      t.secure = true;
      this.secureConnecting = false;
      this._secureEstablished = true;
      const alpn = t.engine.alpn();
      this.alpnProtocol = alpn == null ? false : String(alpn);
      if (o.isServer) {
        const sn = t.engine.servername();
        this.servername = sn == null ? false : String(sn);
        if (o.requestCert) {
          const err = t.engine.peerVerified() ? t.engine.verifyError() : ['UNABLE_TO_GET_ISSUER_CERT', 'peer did not return a certificate'];
          this.authorized = !err;
          this.authorizationError = err ? String(err[0]) : null;
          if (err && o.rejectUnauthorized) { const e = new Error(String(err[1])); e.code = String(err[0]); this._tlsFail(e); return; }
        }
        this._flushQueued();
        this.emit('secure');
      } else {
        this.servername = t.servername || null;
        let err = null;
        const v = t.engine.verifyError();
        if (v) { err = new Error(String(v[1])); err.code = String(v[0]); }
        if (!err) {
          const host = o.servername || o.host || 'localhost';
          const check = typeof o.checkServerIdentity === 'function' ? o.checkServerIdentity : checkServerIdentity;
          const e = check(host, this.getPeerCertificate(true));
          if (e) err = e;
        }
        if (err) {
          this.authorized = false;
          this.authorizationError = err.code || err.message;
          if (o.rejectUnauthorized !== false) { this._tlsFail(err); return; }
        } else this.authorized = true;
        this._flushQueued();
        this.emit('secureConnect');
      }
      this.emit('ready');
      if (this._pendingRead) { this._pendingRead = false; this._read(); }
    }
    _flushQueued() {
      const q = this[kTls].queued.splice(0);
      for (const f of q) f();
    }
    _tlsFail(e) {
      const t = this[kTls];
      if (this.destroyed || t.failed) return;
      t.failed = true;
      if (!t.secure && this._tlsOptions.isServer && this.server) {
        this.destroy();
        if (t.parent) t.parent.destroy();
        this.server.emit('tlsClientError', e, this);
        return;
      }
      this.destroy(e);
    }
    get _handle() { const p = this[kTls].parent; return p ? p._handle || {} : null; }
    get _parent() { return this[kTls].parent; }
    get ssl() { return this[kTls].engine ? {} : null; }
    address() { const p = this[kTls].parent; return p && p.address ? p.address() : {}; }
    get pending() { return !this[kTls].secure; }
    connect() { throw new NodeError('ERR_INVALID_STATE', 'a TLSSocket connects through tls.connect'); }
    _read() {
      const p = this[kTls].parent;
      if (p && p.isPaused && p.isPaused()) p.resume();
    }
    _write(chunk, enc, cb) {
      const t = this[kTls];
      if (!t.secure) { t.queued.push(() => this._write(chunk, enc, cb)); return; }
      const b = typeof chunk === 'string' ? bytesOf(chunk, enc) : asBytes(chunk);
      this._bytesDispatched += b.length;
      this._touch();
      try { t.engine.send(b.buffer, b.byteOffset, b.byteLength); } catch (e) { cb(new Error(e.getMessage ? e.getMessage() : e.message)); return; }
      const flags = t.engine.pump();
      const out = t.engine.takeNet();
      if (flags & 4) { this._cycle(); cb(); return; }
      if (out && t.parent && !t.parent.destroyed) t.parent.write(fromHost(out), (err) => cb(err || undefined));
      else cb();
    }
    _final(cb) {
      const t = this[kTls];
      if (!t.secure && !t.failed) { t.queued.push(() => this._final(cb)); return; }
      if (t.engine) { t.engine.closeOutbound(); t.engine.pump(); const out = t.engine.takeNet(); if (out && t.parent && t.parent.writable) t.parent.write(fromHost(out)); }
      if (t.parent && t.parent.writable) t.parent.end(() => cb()); else cb();
    }
    _destroy(err, cb) {
      const t = this[kTls];
      if (t.parent && !t.parent.destroyed) t.parent.destroy();
      super._destroy(err, cb);
    }
    setTimeout(ms, cb) { return super.setTimeout(ms, cb); }
    setNoDelay(v) { const p = this[kTls].parent; if (p && p.setNoDelay) p.setNoDelay(v); return this; }
    setKeepAlive(e, d) { const p = this[kTls].parent; if (p && p.setKeepAlive) p.setKeepAlive(e, d); return this; }
    ref() { const p = this[kTls].parent; if (p && p.ref) p.ref(); return this; }
    unref() { const p = this[kTls].parent; if (p && p.unref) p.unref(); return this; }
    getPeerCertificate(detailed) {
      const e = this[kTls].engine;
      const chain = e && this[kTls].secure ? certObject(e.peerCertificates()) : null;
      if (!chain || !chain.length) return this[kTls].secure ? {} : null;
      if (detailed) {
        for (let i = 0; i < chain.length; i++) {
          const selfIssued = JSON.stringify(chain[i].subject) === JSON.stringify(chain[i].issuer);
          chain[i].issuerCertificate = chain[i + 1] || (selfIssued ? chain[i] : undefined);
        }
      }
      return chain[0];
    }
    getCertificate() {
      const e = this[kTls].engine;
      const chain = e && this[kTls].secure ? certObject(e.localCertificates()) : null;
      return chain && chain.length ? chain[0] : (this[kTls].secure ? {} : null);
    }
    getPeerX509Certificate() { const c = this.getPeerCertificate(); return c && c.raw ? new (loadBuiltin('crypto').X509Certificate)(c.raw) : undefined; }
    getX509Certificate() { const c = this.getCertificate(); return c && c.raw ? new (loadBuiltin('crypto').X509Certificate)(c.raw) : undefined; }
    getProtocol() { const e = this[kTls].engine; return e && this[kTls].secure ? String(e.protocol()) : null; }
    getCipher() {
      const e = this[kTls].engine;
      if (!e || !this[kTls].secure) return undefined;
      const std = String(e.cipher());
      return { name: openSslCipher(std), standardName: std, version: String(e.protocol()) };
    }
    getEphemeralKeyInfo() { return this._tlsOptions.isServer ? null : {}; }
    getSharedSigalgs() { return []; }
    getFinished() { return undefined; }
    getPeerFinished() { return undefined; }
    getSession() { return undefined; }
    getTLSTicket() { return undefined; }
    isSessionReused() { return false; }
    setServername(name) {
      if (typeof name !== 'string') throw typeError('ERR_INVALID_ARG_TYPE', 'The "name" argument must be of type string. Received ' + receivedType(name));
      if (this._tlsOptions.isServer) throw new NodeError('ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket');
      this._tlsOptions.servername = name;
    }
    setMaxSendFragment(size) { return Number.isInteger(size) && size >= 512 && size <= 16384; }
    renegotiate(options, cb) {
      if (typeof cb === 'function') nextTick(cb, new NodeError('ERR_TLS_RENEGOTIATION_DISABLED', 'TLS session renegotiation disabled for this socket'));
      return false;
    }
    disableRenegotiation() {}
    enableTrace() {}
    exportKeyingMaterial() { throw new NodeError('ERR_NOT_AVAILABLE', 'exportKeyingMaterial is not available: the JDK TLS engine does not export keying material'); }
    get [Symbol.toStringTag]() { return 'TLSSocket'; }
  }

  // Addresses are the underlying stream's (net.Socket's constructor assigns them; those writes are kept aside).
  for (const k of remoteProps) {
    const own = Symbol(k);
    Object.defineProperty(TLSSocket.prototype, k, {
      get() { const p = this[kTls] && this[kTls].parent; return p && p[k] !== undefined ? p[k] : this[own]; },
      set(v) { this[own] = v; }, configurable: true,
    });
  }

  function normalizeConnectArgs(args) {
    let options = {}, cb = null;
    if (typeof args[args.length - 1] === 'function') cb = args.pop();
    if (args[0] !== null && typeof args[0] === 'object') options = Object.assign({}, args[0], args[1] && typeof args[1] === 'object' ? args[1] : {});
    else if (typeof args[0] === 'string' && !/^\d+$/.test(args[0])) { options.path = args[0]; if (args[1] && typeof args[1] === 'object') Object.assign(options, args[1]); }
    else { options.port = args[0]; if (typeof args[1] === 'string') { options.host = args[1]; if (args[2] && typeof args[2] === 'object') Object.assign(options, args[2]); } else if (args[1] && typeof args[1] === 'object') Object.assign(options, args[1]); }
    return [options, cb];
  }
  let warnedInsecure = false;
  function defaultRejectUnauthorized() {
    if (process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0') return true;
    if (!warnedInsecure) {
      warnedInsecure = true;
      process.emitWarning('Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to \'0\' makes TLS connections '
        + 'and HTTPS requests insecure by disabling certificate verification.');
    }
    return false;
  }
  function connect(...args) {
    const [options, cb] = normalizeConnectArgs(args);
    if (options.ALPNProtocols !== undefined) alpnList(options.ALPNProtocols);
    const tlsOptions = Object.assign({}, options, { isServer: false });
    if (tlsOptions.rejectUnauthorized === undefined) tlsOptions.rejectUnauthorized = defaultRejectUnauthorized();
    if (!tlsOptions.host && !options.socket && !options.path) tlsOptions.host = 'localhost';
    let parent = options.socket;
    if (!parent) {
      parent = new net.Socket({ allowHalfOpen: options.allowHalfOpen, signal: options.signal });
      parent.connect({ host: options.host || 'localhost', port: options.port, path: options.path, localAddress: options.localAddress, family: options.family, lookup: options.lookup });
    }
    const s = new TLSSocket(parent, tlsOptions);
    if (cb) s.once('secureConnect', cb);
    if (options.timeout) s.setTimeout(options.timeout);
    return s;
  }

  // tls.Server's state on any net.Server (https.Server is an http.Server that shares it).
  function initServer(server, options) {
    if (options.ALPNProtocols !== undefined && options.ALPNCallback !== undefined) {
      throw typeError('ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS', 'The ALPNCallback and ALPNProtocols TLS options are mutually exclusive');
    }
    if (options.ALPNProtocols !== undefined) alpnList(options.ALPNProtocols);
    for (const k of ['requestCert', 'rejectUnauthorized']) {
      if (options[k] !== undefined && typeof options[k] !== 'boolean') {
        throw typeError('ERR_INVALID_ARG_TYPE', 'The "options.' + k + '" property must be of type boolean. Received ' + receivedType(options[k]));
      }
    }
    server._tlsServerOptions = options;
    server._contexts = [];
    server.requestCert = options.requestCert === true;
    server.rejectUnauthorized = server.requestCert ? options.rejectUnauthorized !== false : false;
    server.ALPNProtocols = options.ALPNProtocols;
    server._sharedCreds = options.secureContext || createSecureContext(options);
    server._handshakeTimeout = options.handshakeTimeout === undefined ? 120000 : options.handshakeTimeout;
  }
  class Server extends net.Server {
    constructor(options, listener) {
      if (typeof options === 'function') { listener = options; options = {}; }
      if (options !== undefined && (options === null || typeof options !== 'object')) {
        throw typeError('ERR_INVALID_ARG_TYPE', 'The "options" argument must be of type object. Received ' + receivedType(options));
      }
      options = Object.assign({}, options);
      super(options);
      initServer(this, options);
      if (listener) this.on('secureConnection', listener);
    }
    _onConnection(raw) {
      this.emit('connection', raw);
      if (raw.destroyed) return;
      const s = this._secureSocket(raw);
      s.once('secure', () => this.emit('secureConnection', s));
    }
    _secureSocket(raw) {
      const o = this._tlsServerOptions;
      const s = new TLSSocket(raw, Object.assign({}, o, { isServer: true, server: this, secureContext: this._sharedCreds,
        requestCert: this.requestCert, rejectUnauthorized: this.rejectUnauthorized, ALPNProtocols: o.ALPNProtocols, ALPNCallback: o.ALPNCallback }));
      if (this._handshakeTimeout > 0) {
        const timer = setTimeout(() => {
          if (!s[kTls].secure && !s.destroyed) {
            const e = new Error('TLS handshake timeout'); e.code = 'ERR_TLS_HANDSHAKE_TIMEOUT';
            s._tlsFail(e);
          }
        }, this._handshakeTimeout);
        timer.unref();
        s.once('secure', () => clearTimeout(timer));
        s.once('close', () => clearTimeout(timer));
      }
      return s;
    }
    addContext(servername, context) {
      if (typeof servername !== 'string') throw typeError('ERR_TLS_REQUIRED_SERVER_NAME', '"servername" is required parameter for Server.addContext');
      this._contexts.push([servername, context instanceof SecureContext ? context : createSecureContext(context)]);
    }
    setSecureContext(options) { this._sharedCreds = createSecureContext(Object.assign({}, this._tlsServerOptions, options)); }
    setTicketKeys(keys) {
      if (!ArrayBuffer.isView(keys)) throw typeError('ERR_INVALID_ARG_TYPE', 'The "keys" argument must be an instance of Buffer, TypedArray, or DataView. Received ' + receivedType(keys));
      if (keys.byteLength !== 48) throw typeError('ERR_INVALID_ARG_VALUE', 'Session ticket keys must be a 48-byte buffer');
      this._ticketKeys = Buffer.from(keys);
    }
    getTicketKeys() { return this._ticketKeys || (this._ticketKeys = loadBuiltin('crypto').randomBytes(48)); }
    setOptions() {}
  }
  function createServer(options, listener) { return new Server(options, listener); }

  function unfqdn(h) { return String(h).replace(/[.]$/, ''); }
  function splitHost(h) { return unfqdn(h).toLowerCase().split('.'); }
  function check(hostParts, pattern, wildcards) {
    if (!pattern) return false;
    const patternParts = splitHost(pattern);
    if (hostParts.length !== patternParts.length) return false;
    if (patternParts.includes('')) return false;
    if (patternParts.some((s) => /[^\u0021-\u007F]/u.test(s))) return false;
    for (let i = hostParts.length - 1; i > 0; i -= 1) if (hostParts[i] !== patternParts[i]) return false;
    const hostSubdomain = hostParts[0], patternSubdomain = patternParts[0];
    const parts = patternSubdomain.split('*');
    if (parts.length === 1 || patternSubdomain.includes('xn--')) return hostSubdomain === patternSubdomain;
    if (!wildcards || parts.length > 2 || patternParts.length <= 2) return false;
    const [prefix, suffix] = parts;
    if (prefix.length + suffix.length > hostSubdomain.length) return false;
    return hostSubdomain.startsWith(prefix) && hostSubdomain.endsWith(suffix);
  }
  function canonicalizeIP(ip) {
    ip = String(ip);
    if (isIPv4(ip)) return ip;
    if (!isIPv6(ip)) return ip;
    const [head, tail] = ip.toLowerCase().split('::');
    const h = head ? head.split(':') : [], t = tail !== undefined && tail ? tail.split(':') : [];
    const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    return groups.map((g) => parseInt(g, 16).toString(16)).join(':');
  }
  function checkServerIdentity(hostname, cert) {
    const subject = cert && cert.subject;
    const altNames = cert && cert.subjectaltname;
    const dnsNames = [], ips = [];
    hostname = '' + hostname;
    if (altNames) {
      for (const name of String(altNames).split(', ')) {
        if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
        else if (name.startsWith('IP Address:')) ips.push(canonicalizeIP(name.slice(11)));
      }
    }
    let valid = false, reason = 'Unknown reason';
    hostname = unfqdn(hostname);
    if (isIP(hostname)) {
      valid = ips.includes(canonicalizeIP(hostname));
      if (!valid) reason = 'IP: ' + hostname + ' is not in the cert\'s list: ' + ips.join(', ');
    } else if (dnsNames.length > 0 || (subject && subject.CN)) {
      const hostParts = splitHost(hostname);
      const wildcard = (pattern) => check(hostParts, pattern, true);
      if (dnsNames.length > 0) {
        valid = dnsNames.some(wildcard);
        if (!valid) reason = 'Host: ' + hostname + '. is not in the cert\'s altnames: ' + altNames;
      } else {
        const cn = subject.CN;
        valid = Array.isArray(cn) ? cn.some(wildcard) : wildcard(cn);
        if (!valid) reason = 'Host: ' + hostname + '. is not cert\'s CN: ' + cn;
      }
    } else reason = 'Cert does not contain a DNS name';
    if (!valid) {
      const err = new Error('Hostname/IP does not match certificate\'s altnames: ' + reason);
      err.code = 'ERR_TLS_CERT_ALTNAME_INVALID';
      err.reason = reason; err.host = hostname; err.cert = cert;
      return err;
    }
    return undefined;
  }
  const CIPHERS = ['aes128-gcm-sha256', 'aes128-sha', 'aes128-sha256', 'aes256-gcm-sha384', 'aes256-sha', 'aes256-sha256',
    'ecdhe-ecdsa-aes128-gcm-sha256', 'ecdhe-ecdsa-aes256-gcm-sha384', 'ecdhe-ecdsa-chacha20-poly1305', 'ecdhe-rsa-aes128-gcm-sha256',
    'ecdhe-rsa-aes128-sha256', 'ecdhe-rsa-aes256-gcm-sha384', 'ecdhe-rsa-aes256-sha384', 'ecdhe-rsa-chacha20-poly1305',
    'tls_aes_128_gcm_sha256', 'tls_aes_256_gcm_sha384', 'tls_chacha20_poly1305_sha256'];
  return {
    TLSSocket: callable(TLSSocket), connect, createServer, Server: callable(Server), createSecureContext, SecureContext,
    checkServerIdentity, getCiphers: () => CIPHERS.slice(), rootCertificates: Object.freeze([]), convertALPNProtocols,
    DEFAULT_ECDH_CURVE: 'auto', DEFAULT_MIN_VERSION, DEFAULT_MAX_VERSION,
    DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384',
    CLIENT_RENEG_LIMIT: 3, CLIENT_RENEG_WINDOW: 600, _agentos: { initServer },
  };
}

const STATUS_CODES = { 100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK', 201: 'Created',
  202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content',
  207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found',
  303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request',
  401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required',
  412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable',
  417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked',
  424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required' };
const METHODS = ['ACL', 'BIND', 'CHECKOUT', 'CONNECT', 'COPY', 'DELETE', 'GET', 'HEAD', 'LINK', 'LOCK', 'M-SEARCH', 'MERGE',
  'MKACTIVITY', 'MKCALENDAR', 'MKCOL', 'MOVE', 'NOTIFY', 'OPTIONS', 'PATCH', 'POST', 'PROPFIND', 'PROPPATCH', 'PURGE', 'PUT', 'QUERY',
  'REBIND', 'REPORT', 'SEARCH', 'SOURCE', 'SUBSCRIBE', 'TRACE', 'UNBIND', 'UNLINK', 'UNLOCK', 'UNSUBSCRIBE'];
const TOKEN_RE = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const INVALID_VALUE_RE = /[^\t\x20-\x7e\x80-\xff]/;
function validateHeaderName(name) {
  if (typeof name !== 'string' || !name || !TOKEN_RE.test(name)) {
    throw typeError('ERR_INVALID_HTTP_TOKEN', 'Header name must be a valid HTTP token ["' + name + '"]');
  }
}
function validateHeaderValue(name, value) {
  if (value === undefined) throw typeError('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "' + value + '" for header "' + name + '"');
  if (INVALID_VALUE_RE.test(String(value))) throw typeError('ERR_INVALID_CHAR', 'Invalid character in header content ["' + name + '"]');
}
// Node's rules for repeated incoming headers: some keep the first value, set-cookie is a list, the rest are joined.
const SINGLE_HEADERS = new Set(['age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host',
  'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization', 'referer',
  'retry-after', 'server', 'user-agent']);
function addIncomingHeader(headers, distinct, name, value, joinDuplicates) {
  const k = name.toLowerCase();
  if (Object.hasOwn(distinct, k)) distinct[k].push(value); else distinct[k] = [value];
  // Own-property checks: a header may be called "constructor".
  if (k === 'set-cookie') { if (Object.hasOwn(headers, k)) headers[k].push(value); else headers[k] = [value]; }
  else if (!Object.hasOwn(headers, k) || typeof headers[k] !== 'string') headers[k] = value;
  else if (!SINGLE_HEADERS.has(k) || joinDuplicates) headers[k] += (k === 'cookie' ? '; ' : ', ') + value;
}

// An incremental HTTP/1.x parser for one connection (requests on a server, responses on a client).
class HttpParser {
  constructor(kind, maxHeaderSize) {
    this.kind = kind;
    this.maxHeaderSize = maxHeaderSize || 16384;
    this.buf = Buffer.alloc(0);
    this.state = 'head';
    this.paused = false;
    this.skipBody = false;
    this.onHead = null; this.onBody = null; this.onEnd = null; this.onError = null; this.onUpgrade = null;
  }
  execute(chunk) {
    this.chunk = chunk;
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    this._run();
    // A pipelined request waits while the one before it is answered, but a malformed one fails at once, as in llhttp.
    if (this.paused && this.state === 'head') this._invalidMethod();
  }
  /** Fails a request whose first bytes cannot start a method, without waiting for the line's CRLF. */
  _invalidMethod() {
    if (this.kind !== 'request') return false;
    let s = 0;
    while (s < this.buf.length && (this.buf[s] === 13 || this.buf[s] === 10)) s++;
    const probe = this.buf.toString('latin1', s, Math.min(this.buf.length, s + 32));
    if (!probe.length || /^[A-Z-]*( |$)/.test(probe)) return false;
    // llhttp stops at the first byte that no method continues with.
    let n = 0;
    while (n < probe.length && METHODS.some((m) => m.startsWith(probe.slice(0, n + 1)))) n++;
    this._fail(this._error('HPE_INVALID_METHOD', 'Invalid method encountered', s + n));
    return true;
  }
  _end() { this.inMessage = false; this.onEnd(); }
  pause() { this.paused = true; }
  resume() { this.paused = false; nextTick(() => this._run()); }
  finish() {
    this.eof = true;
    if (this.state === 'eof-body') { this.state = 'head'; this._end(); }
    else if (this.state !== 'head' && this.state !== 'upgraded' || this.buf.length) this._fail(new NodeError('HPE_INVALID_EOF_STATE', 'Parse Error: Invalid EOF state'));
  }
  // A parse error as Node's parser reports it: the packet being parsed and how far into it the error was found.
  _error(code, reason, bufOffset) {
    const e = new NodeError(code, 'Parse Error: ' + reason);
    e.reason = reason;
    if (bufOffset !== undefined) e.bytesParsed = Math.max(0, (this.chunk ? this.chunk.length - this.buf.length : 0) + bufOffset);
    return e;
  }
  _fail(e) {
    if (this.state === 'failed') return;
    this.state = 'failed';
    if (e.bytesParsed === undefined) e.bytesParsed = this.chunk ? this.chunk.length : 0;
    if (e.rawPacket === undefined) e.rawPacket = this.chunk || this.buf;
    if (this.onError) this.onError(e);
  }
  // Hands up to this.left buffered body bytes to onBody; false when nothing is buffered.
  _takeBody() {
    if (!this.buf.length) return false;
    const n = Math.min(this.left, this.buf.length);
    const part = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    this.left -= n;
    this.onBody(part);
    return true;
  }
  _line() {
    const i = this.buf.indexOf('\r\n');
    if (i < 0) return null;
    const line = this.buf.toString('latin1', 0, i);
    this.buf = this.buf.subarray(i + 2);
    return line;
  }
  _run() {
    while (!this.paused && this.state !== 'failed' && this.state !== 'upgraded') {
      if (this.state === 'head') {
        if (!this.inMessage && this.buf.length && !(this.kind === 'request' && this.buf[0] === 13)) {
          this.inMessage = true;
          if (this.onMessageBegin) this.onMessageBegin();
        }
        const end = this.buf.indexOf('\r\n\r\n');
        if (end < 0) {
          if (this._invalidMethod()) return;
          if (this.buf.length > this.maxHeaderSize) this._fail(Object.assign(new NodeError('HPE_HEADER_OVERFLOW', 'Parse Error: Header overflow'), { bytesParsed: this.buf.length }));
          return;
        }
        if (end === 0 && this.kind === 'request') { this.buf = this.buf.subarray(2); continue; }
        const head = this.buf.toString('latin1', 0, end).split('\r\n');
        const headStart = this.chunk ? this.chunk.length - this.buf.length : 0;
        this.buf = this.buf.subarray(end + 4);
        const headError = (code, reason, line) => {
          const e = this._error(code, reason);
          let at = 0;
          for (let j = 0; j <= line && j < head.length; j++) at += head[j].length + 2;
          e.bytesParsed = Math.max(0, headStart + at - 1);
          return e;
        };
        const info = { rawHeaders: [], headers: {}, headersDistinct: {} };
        const first = head[0];
        let m;
        if (this.kind === 'request') {
          m = /^([A-Z-]+) (\S+) HTTP\/(\d)\.(\d)$/.exec(first);
          if (!m) { this._fail(new NodeError('HPE_INVALID_METHOD', 'Parse Error: Invalid method encountered')); return; }
          info.method = m[1]; info.url = m[2]; info.versionMajor = +m[3]; info.versionMinor = +m[4];
        } else {
          m = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(first);
          if (!m) { this._fail(new NodeError('HPE_INVALID_CONSTANT', 'Parse Error: Expected HTTP/')); return; }
          info.versionMajor = +m[1]; info.versionMinor = +m[2]; info.statusCode = +m[3]; info.statusMessage = m[4] || '';
        }
        let clLine = -1, teLine = -1;
        for (let i = 1; i < head.length; i++) {
          const c = head[i].indexOf(':');
          if (c <= 0) { this._fail(headError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token', i)); return; }
          const name = head[i].slice(0, c).trim(), value = head[i].slice(c + 1).trim();
          // Request smuggling defences as in llhttp: one Content-Length, never together with Transfer-Encoding.
          const lower = name.toLowerCase();
          if (lower === 'content-length') {
            if (clLine >= 0) { this._fail(headError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length', i)); return; }
            if (teLine >= 0) { this._fail(headError('HPE_UNEXPECTED_CONTENT_LENGTH', "Content-Length can't be present with Transfer-Encoding", i)); return; }
            clLine = i;
          } else if (lower === 'transfer-encoding') {
            if (clLine >= 0) { this._fail(headError('HPE_INVALID_TRANSFER_ENCODING', "Transfer-Encoding can't be present with Content-Length", i)); return; }
            teLine = i;
          }
          info.rawHeaders.push(name, value);
          addIncomingHeader(info.headers, info.headersDistinct, name, value, this.joinDuplicates);
        }
        const h = info.headers;
        const conn = String(h.connection || '').toLowerCase();
        info.shouldKeepAlive = info.versionMajor === 1 && info.versionMinor >= 1 ? !/\bclose\b/.test(conn) : /\bkeep-alive\b/.test(conn);
        const te = String(h['transfer-encoding'] || '').toLowerCase();
        const chunked = /\bchunked\b/.test(te);
        if (this.kind === 'request' && teLine >= 0 && !/(^|,)\s*chunked\s*$/.test(te)) {
          this._fail(headError('HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid `Transfer-Encoding`', teLine));
          return;
        }
        const length = h['content-length'] !== undefined ? Number(h['content-length']) : -1;
        if (h['content-length'] !== undefined && !(length >= 0)) { this._fail(new NodeError('HPE_INVALID_CONTENT_LENGTH', 'Parse Error: Invalid character in Content-Length')); return; }
        info.upgrade = this.kind === 'request' ? (h.upgrade !== undefined && /\bupgrade\b/.test(conn)) || info.method === 'CONNECT' : info.statusCode === 101;
        const verdict = this.onHead(info);
        if (info.upgrade && verdict !== 'no-upgrade') {
          this.state = 'upgraded';
          const rest = this.buf; this.buf = Buffer.alloc(0);
          if (this.onUpgrade) this.onUpgrade(info, rest);
          return;
        }
        if (this.kind === 'response' && info.statusCode >= 100 && info.statusCode < 200) continue;
        const noBody = verdict === 'skip-body' || (this.kind === 'response' && (info.statusCode === 204 || info.statusCode === 304));
        if (noBody) { this._end(); continue; }
        if (chunked) this.state = 'chunk-size';
        else if (length > 0) { this.state = 'body'; this.left = length; }
        else if (length === 0 || this.kind === 'request') { this._end(); continue; }
        else this.state = 'eof-body';
      } else if (this.state === 'body') {
        if (!this._takeBody()) return;
        if (this.left === 0) { this.state = 'head'; this._end(); }
      } else if (this.state === 'eof-body') {
        if (!this.buf.length) return;
        const part = this.buf; this.buf = Buffer.alloc(0);
        this.onBody(part);
      } else if (this.state === 'chunk-size') {
        const line = this._line();
        if (line === null) return;
        const size = parseInt(line.split(';')[0].trim(), 16);
        if (!(size >= 0)) { this._fail(new NodeError('HPE_INVALID_CHUNK_SIZE', 'Parse Error: Invalid character in chunk size')); return; }
        if (size === 0) this.state = 'trailers';
        else { this.state = 'chunk'; this.left = size; }
      } else if (this.state === 'chunk') {
        if (!this._takeBody()) return;
        if (this.left === 0) this.state = 'chunk-end';
      } else if (this.state === 'chunk-end') {
        if (this.buf.length < 2) return;
        this.buf = this.buf.subarray(2);
        this.state = 'chunk-size';
      } else if (this.state === 'trailers') {
        const line = this._line();
        if (line === null) return;
        if (line === '') { this.state = 'head'; this._end(); }
        else if (this.onTrailer) { const c = line.indexOf(':'); if (c > 0) this.onTrailer(line.slice(0, c).trim(), line.slice(c + 1).trim()); }
      } else return;
    }
  }
}

function makeHttp() {
  const net = loadBuiltin('net');

  class IncomingMessage extends Readable {
    constructor(socket) {
      super({ autoDestroy: false });
      this.socket = socket;
      this.httpVersionMajor = 1; this.httpVersionMinor = 1; this.httpVersion = '1.1';
      this.complete = false;
      this.rawHeaders = []; this.headers = {}; this.headersDistinct = {};
      this.rawTrailers = []; this.trailers = {}; this.trailersDistinct = {};
      this.aborted = false;
      this.upgrade = false;
      this.url = ''; this.method = null; this.statusCode = null; this.statusMessage = null;
    }
    get connection() { return this.socket; }
    _read() { if (this._resumeSource) this._resumeSource(); }
    setTimeout(ms, cb) { if (this.socket) this.socket.setTimeout(ms, cb); return this; }
    _destroy(err, cb) {
      if (!this.readableEnded || !this.complete) { this.aborted = true; if (this.socket && !this.upgrade) this.socket.destroy(err || undefined); }
      cb(err);
    }
    _dump() { if (!this._dumped) { this._dumped = true; this.removeAllListeners('data'); this.resume(); } }
    _fill(info) {
      this.httpVersionMajor = info.versionMajor; this.httpVersionMinor = info.versionMinor;
      this.httpVersion = info.versionMajor + '.' + info.versionMinor;
      this.rawHeaders = info.rawHeaders; this.headers = info.headers; this.headersDistinct = info.headersDistinct;
      if (info.method) { this.method = info.method; this.url = info.url; }
      if (info.statusCode) { this.statusCode = info.statusCode; this.statusMessage = info.statusMessage; }
      this.upgrade = !!info.upgrade;
    }
  }

  const NO_BODY_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);
  class OutgoingMessage extends Writable {
    constructor() {
      super({ decodeStrings: false, autoDestroy: false, emitClose: false });
      this._headerMap = new Map();
      this._header = null;
      this.chunkedEncoding = false;
      this.useChunkedEncodingByDefault = true;
      this.sendDate = false;
      this.shouldKeepAlive = true;
      this._hasBody = true;
      this._contentLength = null;
      this.socket = null;
      this.finished = false; // as in Node: true once end() is called (_sent: once everything is handed to the socket)
      this._sent = false;
      this._closed = false;
      this._writableFlag = true;
      this._errored = null;
      this.strictContentLength = false;
    }
    get connection() { return this.socket; }
    // Node's OutgoingMessage is a legacy stream: writable stays true after end(), closed follows 'close'.
    get writable() { return this._writableFlag; }
    set writable(v) { this._writableFlag = v; }
    get closed() { return this._closed; }
    get errored() { return this._errored; }
    get headersSent() { return this._header !== null; }
    set headersSent(v) {}
    setHeader(name, value) {
      if (this._header !== null) throw new NodeError('ERR_HTTP_HEADERS_SENT', 'Cannot set headers after they are sent to the client');
      validateHeaderName(name);
      validateHeaderValue(name, value);
      this._headerMap.set(name.toLowerCase(), [name, value]);
      return this;
    }
    setHeaders(headers) {
      const entries = headers instanceof Map || (G.Headers && headers instanceof G.Headers) ? headers.entries() : Object.entries(headers);
      for (const [k, v] of entries) this.setHeader(k, v);
      return this;
    }
    appendHeader(name, value) {
      const k = name.toLowerCase();
      const old = this._headerMap.get(k);
      if (!old) return this.setHeader(name, value);
      const list = [].concat(old[1], value);
      this._headerMap.set(k, [old[0], list]);
      return this;
    }
    getHeader(name) { const e = this._headerMap.get(String(name).toLowerCase()); return e ? e[1] : undefined; }
    getHeaders() { const o = Object.create(null); for (const [k, [, v]] of this._headerMap) o[k] = v; return o; }
    getHeaderNames() { return Array.from(this._headerMap.keys()); }
    getRawHeaderNames() { return Array.from(this._headerMap.values(), (e) => e[0]); }
    hasHeader(name) { return this._headerMap.has(String(name).toLowerCase()); }
    removeHeader(name) {
      if (this._header !== null) throw new NodeError('ERR_HTTP_HEADERS_SENT', 'Cannot remove headers after they are sent to the client');
      this._headerMap.delete(String(name).toLowerCase());
    }
    flushHeaders() { this._sendHead(); }
    _firstLine() { return ''; }
    _buildHead() {
      let head = this._firstLine();
      const has = (k) => this._headerMap.has(k);
      for (const [, [name, value]] of this._headerMap) {
        if (Array.isArray(value)) for (const v of value) head += name + ': ' + v + '\r\n';
        else head += name + ': ' + value + '\r\n';
      }
      if (this.sendDate && !has('date')) head += 'Date: ' + new Date().toUTCString() + '\r\n';
      if (!has('connection')) head += this.shouldKeepAlive ? 'Connection: keep-alive\r\n' : 'Connection: close\r\n';
      else if (/close/i.test(String(this.getHeader('connection')))) this.shouldKeepAlive = false;
      if (this.shouldKeepAlive && this._isResponse && !has('keep-alive') && this._keepAliveTimeout) head += 'Keep-Alive: timeout=' + Math.floor(this._keepAliveTimeout / 1000) + '\r\n';
      if (!this._hasBody) { /* no framing */ }
      else if (has('content-length')) this._contentLength = Number(this.getHeader('content-length'));
      else if (has('transfer-encoding')) this.chunkedEncoding = /chunked/i.test(String(this.getHeader('transfer-encoding')));
      else if (this._contentLength !== null) head += 'Content-Length: ' + this._contentLength + '\r\n';
      else if (this.useChunkedEncodingByDefault) { this.chunkedEncoding = true; head += 'Transfer-Encoding: chunked\r\n'; }
      else if (this._isResponse) this.shouldKeepAlive = false; // the body ends when the connection does
      return head + '\r\n';
    }
    _sendHead(first, enc, cb) {
      if (this._header === null) this._header = this._buildHead();
      if (this._headerSent) return false;
      this._headerSent = true;
      const parts = [Buffer.from(this._header, 'latin1')];
      if (first !== undefined) parts.push(first);
      this._socketWrite(Buffer.concat(parts), cb);
      return true;
    }
    _socketWrite(data, cb) {
      const s = this.socket;
      if (!s || s.destroyed) { if (cb) nextTick(cb); return; }
      s.write(data, cb);
    }
    _frame(chunk, enc) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, enc) : Buffer.from(asBytes(chunk));
      if (!this._hasBody) return null;
      if (this.chunkedEncoding) return b.length ? Buffer.concat([Buffer.from(b.length.toString(16) + '\r\n'), b, Buffer.from('\r\n')]) : null;
      return b;
    }
    _write(chunk, enc, cb) {
      if (this._header === null) this._header = this._buildHead();
      const framed = this._frame(chunk, enc);
      if (!this._headerSent) { this._sendHead(framed === null ? undefined : framed, enc, () => cb()); return; }
      if (framed === null) { cb(); return; }
      this._socketWrite(framed, () => cb());
    }
    write(chunk, enc, cb) {
      if (typeof enc === 'function') { cb = enc; enc = undefined; }
      if (chunk === null) throw typeError('ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) throw errInvalidArgType('chunk', 'of type string or an instance of Buffer or Uint8Array', chunk);
      const err = this.finished ? new NodeError('ERR_STREAM_WRITE_AFTER_END', 'write after end')
        : this.destroyed ? new NodeError('ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed') : null;
      if (err) {
        const destroyed = this.destroyed;
        nextTick(() => { if (typeof cb === 'function') cb(err); if (!destroyed && !this.destroyed) this.emit('error', err); });
        return false;
      }
      if (this._header === null && !this._isResponse && !this.useChunkedEncodingByDefault && !this._headerMap.has('content-length') && !this._headerMap.has('transfer-encoding')) {
        this.useChunkedEncodingByDefault = true;
      }
      return super.write(chunk, enc, cb);
    }
    end(chunk, enc, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (typeof enc === 'function') { cb = enc; enc = undefined; }
      if (this._header === null && !this._wroteAny) {
        const len = chunk === undefined || chunk === null ? 0 : typeof chunk === 'string' ? Buffer.byteLength(chunk, enc) : chunk.byteLength;
        if (!this._headerMap.has('content-length') && !this._headerMap.has('transfer-encoding') && (len > 0 || this.useChunkedEncodingByDefault || this._isResponse)) this._contentLength = len;
      }
      if (this.finished) {
        if (typeof cb === 'function') { if (this._sent) nextTick(cb); else this.once('finish', cb); }
        return this;
      }
      if (chunk !== undefined && chunk !== null) this.write(chunk, enc);
      this.finished = true;
      return super.end(cb);
    }
    _final(cb) {
      if (this._header === null) this._header = this._buildHead();
      const tail = this._hasBody && this.chunkedEncoding ? Buffer.from('0\r\n' + (this._trailer || '') + '\r\n') : undefined;
      const done = () => { this._sent = true; this._onFinished(); cb(); };
      if (!this._headerSent) this._sendHead(tail, undefined, done);
      else if (tail) this._socketWrite(tail, done);
      else done();
    }
    addTrailers(headers) {
      let t = '';
      for (const [k, v] of Array.isArray(headers) ? headers : Object.entries(headers)) { validateHeaderName(k); t += k + ': ' + v + '\r\n'; }
      this._trailer = t;
    }
    _onFinished() {}
    setTimeout(ms, cb) { if (this.socket) this.socket.setTimeout(ms, cb); else this.once('socket', (s) => s.setTimeout(ms, cb)); return this; }
  }
  OutgoingMessage.prototype._wroteAny = false;
  const origWrite = OutgoingMessage.prototype.write;
  OutgoingMessage.prototype.write = function (chunk, enc, cb) { this._wroteAny = true; return origWrite.call(this, chunk, enc, cb); };

  class ServerResponse extends OutgoingMessage {
    constructor(req) {
      super();
      this.req = req;
      this.statusCode = 200;
      this.statusMessage = undefined;
      this.sendDate = true;
      this._isResponse = true;
      this._closed = false;
      if (req.method === 'HEAD') this._hasBody = false;
      this.shouldKeepAlive = req.headers && !req._keepAliveDenied ? req._keepAlive !== false : false;
    }
    _firstLine() {
      const code = this.statusCode;
      if (code === 204 || code === 304 || (code >= 100 && code < 200)) this._hasBody = false;
      return 'HTTP/1.1 ' + code + ' ' + (this.statusMessage || STATUS_CODES[code] || 'unknown') + '\r\n';
    }
    writeHead(statusCode, reason, headers) {
      if (this._header !== null) throw new NodeError('ERR_HTTP_HEADERS_SENT', 'Cannot write headers after they are sent to the client');
      if (typeof reason !== 'string') { headers = reason; reason = undefined; }
      statusCode |= 0;
      if (statusCode < 100 || statusCode > 999) throw new RangeError('Invalid status code: ' + statusCode);
      this.statusCode = statusCode;
      if (reason !== undefined) this.statusMessage = reason;
      if (Array.isArray(headers)) {
        if (headers.length && Array.isArray(headers[0])) for (const [k, v] of headers) this.appendHeader(k, v);
        else for (let i = 0; i < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      } else if (headers) for (const k of Object.keys(headers)) if (headers[k] !== undefined) this.setHeader(k, headers[k]);
      this._header = this._buildHead();
      return this;
    }
    writeContinue(cb) { this._socketWrite(Buffer.from('HTTP/1.1 100 Continue\r\n\r\n'), cb); }
    writeProcessing(cb) { this._socketWrite(Buffer.from('HTTP/1.1 102 Processing\r\n\r\n'), cb); }
    writeEarlyHints(hints, cb) {
      let h = 'HTTP/1.1 103 Early Hints\r\n';
      for (const [k, v] of Object.entries(hints)) for (const x of [].concat(v)) h += k + ': ' + x + '\r\n';
      this._socketWrite(Buffer.from(h + '\r\n'), cb);
    }
    assignSocket(socket) { this.socket = socket; this.emit('socket', socket); }
    detachSocket() { this.socket = null; }
    _onFinished() { nextTick(() => { if (this._closed) return; this._closed = true; this.destroyed = true; this.emit('close'); }); }
    destroy(err) {
      if (this.destroyed) return this;
      this.destroyed = true;
      this._errored = err || null;
      if (this.socket) this.socket.destroy(err); else this.once('socket', (s) => s.destroy(err));
      return this;
    }
  }

  class Server extends net.Server {
    constructor(options, listener) {
      if (typeof options === 'function') { listener = options; options = {}; }
      else if (options === undefined || options === null) options = {};
      else if (typeof options !== 'object') throw errInvalidArgType('options', 'of type object', options);
      super(Object.assign({ allowHalfOpen: true }, options));
      storeHttpOptions(this, options);
      this.timeout = 0;
      this.maxHeadersCount = null;
      this.maxRequestsPerSocket = 0;
      this._idle = new Set();
      if (listener) this.on('request', listener);
      // Node's connections check: requests that take longer than headersTimeout/requestTimeout get a 408.
      this.on('listening', () => {
        if (this._checkTimer || !this.connectionsCheckingInterval) return;
        this._checkTimer = setInterval(() => checkConnections(this), this.connectionsCheckingInterval);
        this._checkTimer.unref();
      });
    }
    setTimeout(ms, cb) { this.timeout = ms; if (cb) this.on('timeout', cb); return this; }
    _onConnection(socket) {
      this.emit('connection', socket);
      if (!socket.destroyed) serveConnection(this, socket);
    }
    closeAllConnections() { for (const s of this._connections) s.destroy(); }
    closeIdleConnections() {
      // Idle as in Node: the last request was received in full and its response has finished.
      for (const s of this._connections) {
        const c = s._httpConn;
        if (c && !c.active && (!s._httpMessage || s._httpMessage._sent)) s.destroy();
      }
    }
    close(cb) {
      if (this._checkTimer) { clearInterval(this._checkTimer); this._checkTimer = null; }
      super.close(cb); this.closeIdleConnections(); return this;
    }
  }
  const MAX_INT = Number.MAX_SAFE_INTEGER;
  function storeHttpOptions(server, options) {
    const int = (name, dflt) => {
      const v = options[name];
      if (v === undefined) return dflt;
      checkInt(v, name, 0, MAX_INT);
      return v;
    };
    const bool = (name) => {
      const v = options[name];
      if (v !== undefined && typeof v !== 'boolean') throw errInvalidArgType('options.' + name, 'of type boolean', v);
      return v;
    };
    server.requestTimeout = int('requestTimeout', 300000);
    server.headersTimeout = int('headersTimeout', Math.min(60000, server.requestTimeout));
    if (server.requestTimeout > 0 && server.headersTimeout > 0 && server.headersTimeout > server.requestTimeout) {
      throw errOutOfRange('headersTimeout', '<= requestTimeout', options.headersTimeout);
    }
    server.keepAliveTimeout = int('keepAliveTimeout', 5000);
    server.connectionsCheckingInterval = int('connectionsCheckingInterval', 30000);
    server.maxHeaderSize = int('maxHeaderSize', undefined);
    const requireHost = bool('requireHostHeader');
    server.requireHostHeader = requireHost === undefined ? true : requireHost;
    server.joinDuplicateHeaders = bool('joinDuplicateHeaders');
    server.insecureHTTPParser = bool('insecureHTTPParser');
    server.rejectNonStandardBodyWrites = bool('rejectNonStandardBodyWrites') || false;
    if (options.highWaterMark !== undefined) checkInt(options.highWaterMark, 'options.highWaterMark', 0, MAX_INT);
    server.highWaterMark = options.highWaterMark !== undefined ? options.highWaterMark : 16384;
    server._IncomingMessage = options.IncomingMessage || IncomingMessage;
    server._ServerResponse = options.ServerResponse || ServerResponse;
  }
  // Connections still receiving a request: headers not complete after headersTimeout, or the whole request not
  // received after requestTimeout, counted from the connection (first request) or the request's first byte.
  function checkConnections(server) {
    if (!server.headersTimeout && !server.requestTimeout) return;
    const now = Date.now();
    for (const socket of server._connections) {
      const c = socket._httpConn;
      if (!c || !c.active) continue;
      const age = now - c.start;
      if ((!c.headersDone && server.headersTimeout > 0 && age > server.headersTimeout) || (server.requestTimeout > 0 && age > server.requestTimeout)) {
        c.active = false;
        socketOnError(server, socket, new NodeError('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout'));
      }
    }
  }
  const ERROR_RESPONSES = {
    HPE_HEADER_OVERFLOW: 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n',
    HPE_CHUNK_EXTENSIONS_OVERFLOW: 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n',
    ERR_HTTP_REQUEST_TIMEOUT: 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n',
  };
  function socketOnError(server, socket, e) {
    socket.on('error', () => {});
    if (server.listenerCount('clientError')) { server.emit('clientError', e, socket); return; }
    const inFlight = socket._httpMessage;
    if (socket.writable && (!inFlight || !inFlight._headerSent)) {
      socket.end(ERROR_RESPONSES[e.code] || 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    } else socket.destroy();
  }

  function serveConnection(server, socket) {
    const parser = new HttpParser('request', server.maxHeaderSize || 16384);
    parser.joinDuplicates = !!server.joinDuplicateHeaders;
    let req = null, res = null, requests = 0;
    const conn = socket._httpConn = { start: Date.now(), active: true, headersDone: false };
    if (server.timeout) socket.setTimeout(server.timeout, () => { if (!server.emit('timeout', socket)) socket.destroy(); });
    parser.onHead = (info) => {
      server._idle.delete(socket);
      conn.headersDone = true;
      req = new (server._IncomingMessage || IncomingMessage)(socket);
      req._fill(info);
      req._keepAlive = info.shouldKeepAlive;
      requests++;
      if (info.upgrade) {
        const event = info.method === 'CONNECT' ? 'connect' : 'upgrade';
        if (server.listenerCount(event)) return 'upgrade';
        if (info.method === 'CONNECT') { socket.destroy(); return 'upgrade'; }
        req.upgrade = false;
        return 'no-upgrade';
      }
      res = new (server._ServerResponse || ServerResponse)(req);
      res._keepAliveTimeout = server.keepAliveTimeout;
      socket._httpMessage = res;
      if (server.maxRequestsPerSocket && requests >= server.maxRequestsPerSocket) res.shouldKeepAlive = false;
      res.assignSocket(socket);
      const thisRes = res;
      res.on('finish', () => {
        if (socket._httpMessage === thisRes) socket._httpMessage = null;
        if (thisRes.shouldKeepAlive && !socket.destroyed && !socket.readableEnded) {
          server._idle.add(socket);
          if (server.keepAliveTimeout) socket.setTimeout(server.keepAliveTimeout, () => { if (server._idle.has(socket)) socket.destroy(); });
          parser.resume();
        } else socket.end();
      });
      if (server.requireHostHeader !== false && info.versionMajor === 1 && info.versionMinor === 1 && req.headers.host === undefined) {
        res.writeHead(400, ['Connection', 'close']);
        res.end();
        return;
      }
      if (/100-continue/i.test(String(req.headers.expect || ''))) {
        if (server.listenerCount('checkContinue')) { server.emit('checkContinue', req, res); return; }
        res.writeContinue();
      }
      server.emit('request', req, res);
      return info.method === 'HEAD' ? undefined : undefined;
    };
    parser.onUpgrade = (info, head) => {
      // The socket now belongs to the upgrade handler (e.g. ws): drop every HTTP listener.
      socket.removeListener('data', onData);
      socket.removeListener('end', onEnd);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      server._idle.delete(socket);
      conn.active = false;
      socket._httpConn = null;
      const event = info.method === 'CONNECT' ? 'connect' : 'upgrade';
      socket.setTimeout(0);
      server.emit(event, req, socket, head);
    };
    parser.onBody = (chunk) => { if (req && !req.destroyed) req.push(chunk); };
    // Pipelined requests wait until the current response has finished.
    parser.onEnd = () => { conn.active = false; if (req) { req.complete = true; req.push(null); } if (res && !res._sent) parser.pause(); };
    parser.onError = (e) => socketOnError(server, socket, e);
    // A request after the first is timed from its first byte.
    parser.onMessageBegin = () => { if (requests > 0) Object.assign(conn, { start: Date.now(), active: true, headersDone: false }); };
    const onData = (d) => parser.execute(d);
    const onEnd = () => { parser.finish(); if (!res || res._sent) socket.end(); };
    const onError = (e) => { if (req && !req.complete) req.destroy(e); };
    const onClose = () => {
      server._idle.delete(socket);
      if (req && !req.complete && !req.destroyed) { req.aborted = true; req.emit('aborted'); req.destroy(); }
      if (res && !res._sent && !res._closed) { res._closed = true; res.destroyed = true; res.emit('close'); }
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('close', onClose);
  }

  // Node's connection pool: sockets per origin up to maxSockets (more requests queue), and with keepAlive, idle
  // sockets kept (unref'd, up to maxFreeSockets) for the next request to the same origin.
  class Agent extends EventEmitter {
    constructor(options) {
      super();
      this.options = Object.assign({ path: null }, options);
      if (this.options.noDelay === undefined) this.options.noDelay = true;
      this.keepAlive = !!this.options.keepAlive;
      this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
      this.maxSockets = this.options.maxSockets || Infinity;
      this.maxFreeSockets = this.options.maxFreeSockets || 256;
      this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
      this.scheduling = this.options.scheduling || 'lifo';
      this.sockets = Object.create(null); this.freeSockets = Object.create(null); this.requests = Object.create(null);
      this.totalSocketCount = 0;
      this.defaultPort = 80;
      this.protocol = 'http:';
      this.on('free', (socket, opts) => this._free(socket, opts));
    }
    createConnection(options, cb) { const s = net.connect(options); if (cb) s.once('connect', () => cb(null, s)); return s; }
    getName(o = {}) {
      let name = (o.host || 'localhost') + ':' + (o.port || '') + ':' + (o.localAddress || '');
      if (o.family === 4 || o.family === 6) name += ':' + o.family;
      if (o.socketPath) name += ':' + o.socketPath;
      return name;
    }
    addRequest(req, options) {
      options = Object.assign({}, this.options, options);
      const name = this.getName(options);
      const free = this.freeSockets[name];
      while (free && free.length) {
        const s = this.scheduling === 'fifo' ? free.shift() : free.pop();
        if (!free.length) delete this.freeSockets[name];
        if (s.destroyed) continue;
        this._leaveIdle(s);
        (this.sockets[name] || (this.sockets[name] = [])).push(s);
        this.reuseSocket(s, req);
        req.onSocket(s);
        return;
      }
      const active = (this.sockets[name] || []).length;
      if (active < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
        this.createSocket(req, options, (err, s) => (err ? req.onSocket(null, err) : req.onSocket(s)));
      } else {
        (this.requests[name] || (this.requests[name] = [])).push(req);
      }
    }
    createSocket(req, options, cb) {
      const name = this.getName(options);
      let done = false;
      const installed = (err, s) => {
        if (done) return;
        done = true;
        if (err) { cb(err); return; }
        (this.sockets[name] || (this.sockets[name] = [])).push(s);
        this.totalSocketCount++;
        s._agentName = name;
        s._agentOptions = options;
        s.once('close', () => this.removeSocket(s, options));
        s.on('agentRemove', () => this.removeSocket(s, options, true));
        cb(null, s);
      };
      const s = this.createConnection(options, installed);
      if (s) installed(null, s);
    }
    removeSocket(s, options, keepOpen) {
      const name = s._agentName || this.getName(options);
      let found = false;
      for (const pool of [this.sockets, this.freeSockets]) {
        const list = pool[name];
        if (!list) continue;
        const i = list.indexOf(s);
        if (i >= 0) { list.splice(i, 1); found = true; if (!list.length) delete pool[name]; }
      }
      if (found) this.totalSocketCount--;
      const queue = this.requests[name];
      if (queue && queue.length && (this.sockets[name] || []).length < this.maxSockets) {
        const req = queue.shift();
        if (!queue.length) delete this.requests[name];
        this.createSocket(req, s._agentOptions || options, (err, ns) => (err ? req.onSocket(null, err) : req.onSocket(ns)));
      }
    }
    _free(socket, options) {
      const name = socket._agentName || this.getName(options);
      if (socket.destroyed) return;
      const queue = this.requests[name];
      if (queue && queue.length) {
        const req = queue.shift();
        if (!queue.length) delete this.requests[name];
        this.reuseSocket(socket, req);
        req.onSocket(socket);
        return;
      }
      const active = this.sockets[name];
      if (active) { const i = active.indexOf(socket); if (i >= 0) active.splice(i, 1); if (!active.length) delete this.sockets[name]; }
      const free = this.freeSockets[name] || [];
      const keep = this.keepAlive && free.length < this.maxFreeSockets && this.keepSocketAlive(socket) !== false;
      socket._httpMessage = null;
      if (keep) {
        free.push(socket);
        this.freeSockets[name] = free;
        this._enterIdle(socket);
      } else {
        this.totalSocketCount--;
        socket._agentName = null;
        socket.destroy();
      }
    }
    _enterIdle(s) {
      const close = () => s.destroy();
      s._idleHandlers = close;
      s.on('error', close); s.on('end', close); s.on('timeout', close);
    }
    _leaveIdle(s) {
      const close = s._idleHandlers;
      if (close) { s.removeListener('error', close); s.removeListener('end', close); s.removeListener('timeout', close); s._idleHandlers = null; }
    }
    keepSocketAlive(socket) {
      socket.setKeepAlive(true, this.keepAliveMsecs);
      socket.unref();
      let t = this.options.timeout || 0;
      // The server's "Keep-Alive: timeout=N" hint: expire a second early, or do not reuse if that leaves nothing.
      const res = socket._httpMessage && socket._httpMessage.res;
      const m = res && res.headers && /^timeout=(\d+)/.exec(String(res.headers['keep-alive'] || ''));
      if (m) {
        const hint = Math.max(0, parseInt(m[1], 10) * 1000 - 1000);
        if (hint === 0) return false;
        if (!t || hint < t) t = hint;
      }
      if (socket.timeout !== t && (t || socket.timeout)) socket.setTimeout(t);
      return true;
    }
    reuseSocket(socket, req) { req.reusedSocket = true; socket.ref(); }
    destroy() {
      for (const pool of [this.freeSockets, this.sockets]) for (const k of Object.keys(pool)) for (const s of pool[k].slice()) s.destroy();
    }
  }
  const globalAgent = new Agent({ keepAlive: true });

  function urlToOptions(u) {
    const o = { protocol: u.protocol, hostname: u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname, hash: u.hash, search: u.search,
      pathname: u.pathname, path: (u.pathname || '/') + (u.search || ''), href: u.href };
    if (u.port !== '') o.port = Number(u.port);
    if (u.username || u.password) o.auth = decodeURIComponent(u.username) + ':' + decodeURIComponent(u.password);
    return o;
  }

  class ClientRequest extends OutgoingMessage {
    constructor(input, options, cb, defaults) {
      super();
      defaults = defaults || { protocol: 'http:', port: 80, agent: globalAgent };
      if (typeof input === 'string') input = urlToOptions(new URL(input));
      else if (input instanceof URL) input = urlToOptions(input);
      else { cb = options; options = input; input = null; }
      if (typeof options === 'function') { cb = options; options = {}; }
      options = Object.assign({}, input, options);
      const agent = options.agent === false ? new defaults.agent.constructor() : options.agent || defaults.agent;
      const protocol = options.protocol || (agent && agent.protocol) || defaults.protocol;
      if (protocol !== defaults.protocol) {
        throw typeError('ERR_INVALID_PROTOCOL', 'Protocol "' + protocol + '" not supported. Expected "' + defaults.protocol + '"');
      }
      this.agent = agent;
      this.protocol = protocol;
      this.method = String(options.method || 'GET').toUpperCase();
      if (!TOKEN_RE.test(this.method)) throw typeError('ERR_INVALID_HTTP_TOKEN', 'Method must be a valid HTTP token ["' + options.method + '"]');
      this.host = String(options.hostname || options.host || 'localhost').replace(/^\[(.*)\]$/, '$1');
      this.port = Number(options.port || (agent && agent.defaultPort) || defaults.port);
      this.path = options.path || '/';
      if (/[\u0000-\u0020]/.test(this.path)) throw typeError('ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
      this.useChunkedEncodingByDefault = !NO_BODY_METHODS.has(this.method);
      this.shouldKeepAlive = false;
      this.aborted = false;
      this.reusedSocket = false;
      this.maxHeadersCount = null;
      this.joinDuplicateHeaders = options.joinDuplicateHeaders;
      this.res = null;
      const headers = options.headers;
      // Headers given as an array ([[k, v], …] or [k, v, …]) are sent as they are, without an added Host, as in Node.
      const headersArray = Array.isArray(headers);
      if (headersArray) {
        if (headers.length && Array.isArray(headers[0])) for (const [k, v] of headers) this.appendHeader(k, v);
        else for (let i = 0; i < headers.length; i += 2) this.appendHeader(headers[i], headers[i + 1]);
      } else if (headers) for (const k of Object.keys(headers)) if (headers[k] !== undefined) this.setHeader(k, headers[k]);
      if (!headersArray && options.setHost !== false && !this.hasHeader('host')) {
        const defaultPort = (agent && agent.defaultPort) || defaults.port;
        const h = this.host.includes(':') ? '[' + this.host + ']' : this.host;
        this.setHeader('Host', this.port !== defaultPort ? h + ':' + this.port : h);
      }
      if (options.auth && !this.hasHeader('authorization')) this.setHeader('Authorization', 'Basic ' + Buffer.from(options.auth).toString('base64'));
      if (cb) this.once('response', cb);
      if (options.timeout !== undefined) this.setTimeout(options.timeout);
      if (options.signal) {
        const signal = options.signal;
        const onAbort = () => this.destroy(Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR', cause: signal.reason }));
        if (signal.aborted) nextTick(onAbort); else signal.addEventListener('abort', onAbort, { once: true });
      }
      const connectOptions = Object.assign({}, options, { host: this.host, port: this.port, path: options.socketPath, servername: options.servername || (isIP(this.host) ? undefined : this.host) });
      let socket;
      this.shouldKeepAlive = !!(agent && agent.keepAlive) && !options.socketPath && typeof options.createConnection !== 'function';
      this._agentOptions = connectOptions;
      if (options.socketPath) socket = net.connect({ path: options.socketPath });
      else if (typeof options.createConnection === 'function') socket = options.createConnection(connectOptions, (err, s) => { if (err) this.destroy(err); });
      else if (agent && typeof agent.addRequest === 'function') { this._pooled = true; agent.addRequest(this, connectOptions); }
      else socket = agent.createConnection(connectOptions);
      if (socket) this._attach(socket);
    }
    // The agent's answer: a new or an idle socket (or an error), possibly after queueing behind maxSockets.
    onSocket(socket, err) {
      if (err) { nextTick(() => this._fail(err)); return; }
      if (this._userDestroyed) { if (this.agent) this.agent.emit('free', socket, this._agentOptions); return; }
      this._attach(socket);
      const out = this._outbox;
      this._outbox = null;
      if (out) for (const [d, cb] of out) super._socketWrite(d, cb);
    }
    _socketWrite(data, cb) {
      if (!this.socket && !this._userDestroyed) { (this._outbox || (this._outbox = [])).push([data, cb]); return; }
      super._socketWrite(data, cb);
    }
    _firstLine() { return this.method + ' ' + this.path + ' HTTP/1.1\r\n'; }
    _attach(socket) {
      this.socket = socket;
      socket._httpMessage = this;
      const parser = new HttpParser('response', 16384);
      parser.joinDuplicates = !!this.joinDuplicateHeaders;
      let res = null;
      parser.onHead = (info) => {
        if (info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101) {
          if (info.statusCode === 100) this.emit('continue');
          this.emit('information', { statusCode: info.statusCode, statusMessage: info.statusMessage, httpVersion: info.versionMajor + '.' + info.versionMinor,
            httpVersionMajor: info.versionMajor, httpVersionMinor: info.versionMinor, headers: info.headers, rawHeaders: info.rawHeaders });
          return;
        }
        res = new IncomingMessage(socket);
        res._fill(info);
        res._keepAlive = info.shouldKeepAlive;
        res.req = this;
        this.res = res;
        if (info.upgrade) return this.listenerCount('upgrade') ? 'upgrade' : 'no-upgrade';
        nextTick(() => { if (!this.emit('response', res)) res._dump(); });
        return this.method === 'HEAD' ? 'skip-body' : undefined;
      };
      parser.onUpgrade = (info, head) => {
        if (this._pooled) socket.emit('agentRemove');
        socket.removeListener('data', onData);
        socket.removeListener('end', onEnd);
        socket.removeListener('close', onClose);
        socket.removeListener('error', onSocketError);
        res.complete = true;
        this.emit('upgrade', res, socket, head);
      };
      parser.onBody = (chunk) => { if (res && !res.destroyed) res.push(chunk); };
      parser.onTrailer = (k, v) => { if (res) { res.rawTrailers.push(k, v); addIncomingHeader(res.trailers, res.trailersDistinct, k, v); } };
      parser.onEnd = () => {
        if (!res) return;
        res.complete = true;
        res.push(null);
        socket.removeListener('close', onClose);
        if (this._pooled && this.shouldKeepAlive && res._keepAlive !== false && !this._userDestroyed) {
          // Back to the agent once the request is fully written: the socket serves the next request.
          const release = () => {
            for (const [e, f] of listeners) socket.removeListener(e, f);
            if (!socket.destroyed) this.agent.emit('free', socket, this._agentOptions);
          };
          if (this._sent) nextTick(release); else this.once('finish', release);
        } else socket.destroySoon ? socket.destroySoon() : socket.end();
        res.once('end', () => nextTick(() => this.emit('close')));
        if (res.readableEnded) nextTick(() => this.emit('close'));
      };
      parser.onError = (e) => { socket.destroy(); this._fail(e); };
      const onData = (d) => parser.execute(d);
      const onEnd = () => parser.finish();
      const onClose = () => {
        if (res && !res.complete) { res.aborted = true; res.emit('aborted'); res.destroy(connReset('aborted')); this.emit('close'); }
        else if (!res) { this._fail(connReset('socket hang up')); }
      };
      const onSocketError = (e) => this._fail(e);
      const onTimeout = () => this.emit('timeout');
      const onConnect = () => { if (this._header !== null && !this._headerSent && this.writableEnded) this._sendHead(); };
      const listeners = [['data', onData], ['end', onEnd], ['close', onClose], ['error', onSocketError], ['timeout', onTimeout], ['connect', onConnect]];
      for (const [e, f] of listeners) socket.on(e, f);
      if (this.reusedSocket && this._header !== null && !this._headerSent) this._sendHead();
      nextTick(() => this.emit('socket', socket));
    }
    _fail(e) {
      if (this._failed) return;
      this._failed = true;
      if (!this.destroyed || e) { if (!this._userDestroyed || this._userError) this.emit('error', this._userError || e); }
      nextTick(() => this.emit('close'));
    }
    abort() { if (this.aborted) return; this.aborted = true; nextTick(() => this.emit('abort')); this.destroy(); }
    destroy(err) {
      if (this._userDestroyed) return this;
      this._userDestroyed = true;
      this._userError = err || null;
      if (this.res && !this.res.complete) this.res.destroy(err);
      if (this.socket) this.socket.destroy();
      if (err) this._fail(err);
      else { this._failed = true; nextTick(() => this.emit('close')); }
      return this;
    }
    get destroyed() { return !!this._userDestroyed; }
    set destroyed(v) {}
    setNoDelay() {}
    setSocketKeepAlive() {}
  }
  function connReset(msg) { const e = new Error(msg); e.code = 'ECONNRESET'; return e; }

  const request = (input, options, cb) => new ClientRequest(input, options, cb);
  const get = (input, options, cb) => { const r = request(input, options, cb); r.end(); return r; };
  return {
    METHODS, STATUS_CODES, Agent: callable(Agent), globalAgent, ClientRequest, IncomingMessage, OutgoingMessage, ServerResponse, Server: callable(Server),
    createServer: (options, listener) => new Server(options, listener), request, get, validateHeaderName, validateHeaderValue,
    maxHeaderSize: 16384, setMaxIdleHTTPParsers() {}, _connectionListener() {},
    _agentos: { urlToOptions, serveConnection, storeHttpOptions },
  };
}

function makeHttps() {
  const http = loadBuiltin('http');
  const tls = loadBuiltin('tls');
  class Agent extends http.Agent {
    constructor(options) { super(options); this.defaultPort = 443; this.protocol = 'https:'; }
    createConnection(options, cb) { const s = tls.connect(options); if (cb) s.once('secureConnect', () => cb(null, s)); return s; }
  }
  const globalAgent = new Agent({ keepAlive: true });
  const defaults = { protocol: 'https:', port: 443, agent: globalAgent };
  const request = (input, options, cb) => new http.ClientRequest(input, options, cb, defaults);
  const get = (input, options, cb) => { const r = request(input, options, cb); r.end(); return r; };
  // An HTTP server whose connections are TLS sockets: tls.Server's handshake, then http's request handling.
  class Server extends http.Server {
    constructor(options, listener) {
      if (typeof options === 'function') { listener = options; options = {}; }
      if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
        throw typeError('ERR_INVALID_ARG_TYPE', 'The "options" argument must be of type object. Received ' + receivedType(options));
      }
      options = Object.assign({}, options);
      if (options.ALPNProtocols === undefined && options.ALPNCallback === undefined) options.ALPNProtocols = ['http/1.1'];
      super(options, listener);
      tls._agentos.initServer(this, options);
    }
    _onConnection(raw) {
      this.emit('connection', raw);
      if (raw.destroyed) return;
      const s = this._secureSocket(raw);
      s.once('secure', () => { this.emit('secureConnection', s); if (!s.destroyed) http._agentos.serveConnection(this, s); });
    }
  }
  for (const k of ['_secureSocket', 'addContext', 'setSecureContext', 'setTicketKeys', 'getTicketKeys', 'setOptions']) {
    Server.prototype[k] = tls.Server.prototype[k];
  }
  const createServer = (options, listener) => new Server(options, listener);
  return { Agent: callable(Agent), globalAgent, request, get, createServer, Server: callable(Server) };
}


// UDP over the kernel's datagram sockets (in-VM delivery for loopback; egress under the network policy).
function makeDgram() {
  class Socket extends EventEmitter {
    constructor(type, listener) {
      super();
      const opts = typeof type === 'object' && type !== null ? type : { type };
      if (opts.type !== 'udp4' && opts.type !== 'udp6') throw typeError('ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6');
      this.type = opts.type;
      this._fd = -1;
      this._recvId = 0;
      this._bound = null;
      this._connected = null;
      if (listener) this.on('message', listener);
    }
    _ensure() {
      if (this._fd < 0) this._fd = sys('socket', undefined, () => host.udpSocket(this.type === 'udp6' ? 6 : 4));
      return this._fd;
    }
    _receive() {
      if (this._recvId) return;
      this._recvId = netCallback((kind, v) => this.emit('message', fromHost(v[0]), { address: String(v[1]), family: String(v[3]), port: Number(v[2]), size: fromHost(v[0]).length }), true);
      host.udpRecvStart(this._fd, this._recvId);
    }
    bind(...args) {
      let cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      let port = 0, address;
      if (args[0] !== null && typeof args[0] === 'object') { port = args[0].port || 0; address = args[0].address; }
      else { port = args[0] || 0; address = typeof args[1] === 'string' ? args[1] : undefined; }
      if (this._bound) throw new NodeError('ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
      if (cb) {
        // As in Node: a failed bind takes its callback away again, so retries do not pile up 'listening' listeners.
        const removeListeners = () => { this.removeListener('error', removeListeners); this.removeListener('listening', onListening); };
        const onListening = () => { removeListeners(); cb.call(this); };
        this.on('error', removeListeners);
        this.on('listening', onListening);
      }
      try {
        const fd = this._ensure();
        const a = host.udpBind(fd, address === 'localhost' ? '127.0.0.1' : address || (this.type === 'udp6' ? '::' : '0.0.0.0'), Number(port));
        this._bound = { address: String(a[0]), family: String(a[2]), port: Number(a[1]) };
      } catch (e) {
        const err = isHostErrno(e) ? netError(String(e.errno().name()), String(e.getMessage()), 'bind', address, port) : e;
        nextTick(() => this.emit('error', err));
        return this;
      }
      this._receive();
      nextTick(() => this.emit('listening'));
      return this;
    }
    send(msg, ...args) {
      const cb = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      let offset = 0, length, port, address;
      if (typeof args[0] === 'number' && typeof args[1] === 'number' && args.length >= 3 || (typeof args[0] === 'number' && typeof args[1] === 'number' && this._connected)) {
        [offset, length, port, address] = args;
      } else [port, address] = args;
      let data = Array.isArray(msg) ? Buffer.concat(msg.map((m) => (typeof m === 'string' ? Buffer.from(m) : Buffer.from(asBytes(m))))) : typeof msg === 'string' ? Buffer.from(msg) : Buffer.from(asBytes(msg));
      if (length !== undefined) data = data.subarray(offset, offset + length);
      const done = (err) => { if (cb) nextTick(cb, err, err ? undefined : data.length); else if (err) nextTick(() => this.emit('error', err)); };
      try {
        if (!this._bound) this.bind(0);
        const to = this._connected ? null : String(address || (this.type === 'udp6' ? '::1' : '127.0.0.1'));
        if (!this._connected && (port === undefined || port === null)) throw typeError('ERR_SOCKET_BAD_PORT', 'Port should be > 0 and < 65536. Received ' + port + '.');
        host.udpSend(this._fd, data.buffer, data.byteOffset, data.length, to, this._connected ? 0 : Number(port));
        done(null);
      } catch (e) {
        done(isHostErrno(e) ? netError(String(e.errno().name()), String(e.getMessage()), 'send', address, port) : e);
      }
    }
    connect(port, address, cb) {
      if (typeof address === 'function') { cb = address; address = undefined; }
      if (!this._bound) this.bind(0);
      try {
        host.udpConnect(this._fd, String(address || '127.0.0.1'), Number(port));
        this._connected = { address: String(address || '127.0.0.1'), port: Number(port) };
        nextTick(() => { this.emit('connect'); if (cb) cb(); });
      } catch (e) { nextTick(() => this.emit('error', isHostErrno(e) ? netError(String(e.errno().name()), String(e.getMessage()), 'connect', address, port) : e)); }
    }
    disconnect() { this._connected = null; try { host.udpConnect(this._fd, null, 0); } catch (e) { /* not connected */ } }
    remoteAddress() {
      if (!this._connected) throw new NodeError('ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
      return { address: this._connected.address, family: this.type === 'udp6' ? 'IPv6' : 'IPv4', port: this._connected.port };
    }
    address() {
      if (!this._bound) throw new NodeError('ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
      return Object.assign({}, this._bound);
    }
    close(cb) {
      if (cb) this.once('close', cb);
      if (this._recvId) { host.acceptStop(this._recvId); netHandlers.delete(this._recvId); this._recvId = 0; }
      if (this._fd >= 0) { try { host.close(this._fd); } catch (e) { /* closed */ } this._fd = -1; }
      nextTick(() => this.emit('close'));
      return this;
    }
    // Socket options: validated and checked like Node's (EBADF before bind, EINVAL out of range); the kernel's UDP
    // has no broadcast or multicast, so these record the values and change nothing.
    _optError(code, syscall) {
      const e = new Error(syscall + ' ' + code);
      e.errno = host.errnoNumber(code); e.code = code; e.syscall = syscall;
      return e;
    }
    _needBound(syscall) { if (!this._bound) throw this._optError('EBADF', syscall); }
    _ttl(syscall, ttl, min) {
      if (typeof ttl !== 'number') throw errInvalidArgType('ttl', 'of type number', ttl);
      this._needBound(syscall);
      if (!Number.isInteger(ttl) || ttl < min || ttl > 255) throw this._optError('EINVAL', syscall);
      return ttl;
    }
    setBroadcast(flag) { this._needBound('setBroadcast'); this._broadcast = !!flag; }
    setTTL(ttl) { return this._ttl('setTTL', ttl, 1); }
    setMulticastTTL(ttl) { return this._ttl('setMulticastTTL', ttl, 0); }
    setMulticastLoopback(flag) { this._needBound('setMulticastLoopback'); return flag; }
    setMulticastInterface(interfaceAddress) {
      if (typeof interfaceAddress !== 'string') throw errInvalidArgType('interfaceAddress', 'of type string', interfaceAddress);
      this._needBound('setMulticastInterface');
    }
    _membership(syscall, multicastAddress, interfaceAddress) {
      if (multicastAddress === undefined) throw typeError('ERR_MISSING_ARGS', 'The "multicastAddress" argument must be specified');
      if (typeof multicastAddress !== 'string') throw errInvalidArgType('multicastAddress', 'of type string', multicastAddress);
      if (interfaceAddress !== undefined && typeof interfaceAddress !== 'string') throw errInvalidArgType('interfaceAddress', 'of type string', interfaceAddress);
      this._needBound(syscall);
      if (!isIP(multicastAddress)) throw this._optError('EINVAL', syscall);
    }
    addMembership(multicastAddress, interfaceAddress) { this._membership('addMembership', multicastAddress, interfaceAddress); }
    dropMembership(multicastAddress, interfaceAddress) { this._membership('dropMembership', multicastAddress, interfaceAddress); }
    _sourceMembership(syscall, sourceAddress, groupAddress, interfaceAddress) {
      if (typeof sourceAddress !== 'string') throw errInvalidArgType('sourceAddress', 'of type string', sourceAddress);
      if (typeof groupAddress !== 'string') throw errInvalidArgType('groupAddress', 'of type string', groupAddress);
      this._needBound(syscall);
      if (!isIP(sourceAddress) || !isIP(groupAddress)) throw this._optError('EINVAL', syscall);
    }
    addSourceSpecificMembership(s, g, i) { this._sourceMembership('addSourceSpecificMembership', s, g, i); }
    dropSourceSpecificMembership(s, g, i) { this._sourceMembership('dropSourceSpecificMembership', s, g, i); }
    setRecvBufferSize() {} setSendBufferSize() {} getRecvBufferSize() { return 65536; } getSendBufferSize() { return 65536; }
    getSendQueueSize() { return 0; } getSendQueueCount() { return 0; }
    ref() { return this; } unref() { return this; }
    [Symbol.asyncDispose]() { return new Promise((res) => this.close(res)); }
  }
  return { Socket, createSocket: (type, listener) => new Socket(type, listener) };
}

// ---------------------------------------------------------------- builtins that need networking, threads or V8

// http2.createSecureServer({allowHTTP1}): an HTTP/1.1 client on the TLS server is served by http's request handling.
function serveHttp1(server, socket) {
  const http = loadBuiltin('http');
  if (!server._idle) {
    http._agentos.storeHttpOptions(server, {});
    Object.assign(server, { maxHeadersCount: null, maxRequestsPerSocket: 0, _idle: new Set() });
  }
  http._agentos.serveConnection(server, socket);
}
// A builtin kept in its own file (http2.js, test-runner.js): a function expression taking the runtime's modules.
function lazyBuiltin(name) {
  return (0, eval)(String(host.builtinSource(name)) + '\n//# sourceURL=node:internal/' + name + '.js');
}

// node:vm over GraalJS realms (the d8-compatible Realm API, taken at start-up and hidden from guests). A context is
// a fresh realm with only the language's builtins; the contextified object's properties appear on its global as
// accessors, and globals the code creates are copied back to the object after each run.
const RealmApi = globalThis.Realm;
try { delete globalThis.Realm; } catch (e) { /* not configurable: leave it */ }
function makeVm() {
  const contexts = new WeakMap();
  const DONT_CONTEXTIFY = Symbol('vm_dynamic_import_no_callback');
  const constants = Object.freeze({ USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'), DONT_CONTEXTIFY });
  function validateObject(v, name) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) throw errInvalidArgType(name, 'of type object', v);
  }
  function validateOptions(options) {
    if (options === undefined) return {};
    if (typeof options === 'string') return { filename: options };
    validateObject(options, 'options');
    if (options.filename !== undefined && typeof options.filename !== 'string') throw errInvalidArgType('options.filename', 'of type string', options.filename);
    for (const k of ['lineOffset', 'columnOffset']) {
      if (options[k] !== undefined && !Number.isInteger(options[k])) {
        if (typeof options[k] !== 'number') throw errInvalidArgType('options.' + k, 'of type number', options[k]);
        throw errOutOfRange('options.' + k, 'an integer', options[k]);
      }
    }
    if (options.timeout !== undefined && (!Number.isInteger(options.timeout) || options.timeout <= 0)) {
      if (typeof options.timeout !== 'number') throw errInvalidArgType('options.timeout', 'of type number', options.timeout);
      throw errOutOfRange('options.timeout', '>= 1 && <= 4294967295', options.timeout);
    }
    for (const k of ['displayErrors', 'breakOnSigint', 'produceCachedData']) {
      if (options[k] !== undefined && typeof options[k] !== 'boolean') throw errInvalidArgType('options.' + k, 'of type boolean', options[k]);
    }
    if (options.cachedData !== undefined && !ArrayBuffer.isView(options.cachedData)) {
      throw errInvalidArgType('options.cachedData', 'an instance of Buffer, TypedArray, or DataView', options.cachedData);
    }
    return options;
  }
  function named(code, filename) { return filename ? code + '\n//# sourceURL=' + filename : code; }
  function newRealm() {
    if (!RealmApi) throw new NodeError('ERR_NOT_AVAILABLE', 'vm contexts are not available in this runtime');
    const id = RealmApi.create();
    const g = RealmApi.global(id);
    try { delete g.Realm; } catch (e) { /* leave it */ }
    return { id, global: g, builtins: new Set(Reflect.ownKeys(g)), linked: new Set(), copied: new Set(), ref: null };
  }
  function createContext(contextObject, options) {
    if (contextObject === undefined || contextObject === DONT_CONTEXTIFY) contextObject = {};
    validateObject(contextObject, 'contextObject');
    if (options !== undefined) {
      validateObject(options, 'options');
      if (options.name !== undefined && typeof options.name !== 'string') throw errInvalidArgType('options.name', 'of type string', options.name);
      if (options.origin !== undefined && typeof options.origin !== 'string') throw errInvalidArgType('options.origin', 'of type string', options.origin);
      if (options.codeGeneration !== undefined) validateObject(options.codeGeneration, 'options.codeGeneration');
      if (options.microtaskMode !== undefined && options.microtaskMode !== 'afterEvaluate') {
        throw typeError('ERR_INVALID_ARG_VALUE', "The property 'options.microtaskMode' must be one of: 'afterEvaluate', undefined. Received " + inspect(options.microtaskMode));
      }
    }
    if (contexts.has(contextObject)) return contextObject;
    const r = newRealm();
    contexts.set(contextObject, r);
    r.ref = new WeakRef(contextObject);
    if (realms) realms.register(contextObject, r.id);
    return contextObject;
  }
  function isContext(object) {
    validateObject(object, 'object');
    return contexts.has(object);
  }
  function realmOf(ctx, name) {
    const r = ctx !== null && (typeof ctx === 'object' || typeof ctx === 'function') ? contexts.get(ctx) : undefined;
    if (!r) throw errInvalidArgType(name || 'contextifiedObject', 'an vm.Context', ctx);
    return r;
  }
  // A realm lives as long as its contextified object: the global's accessors hold the object weakly, so the object
  // can be collected, and then the realm is disposed.
  const realms = typeof FinalizationRegistry === 'function' && typeof RealmApi.dispose === 'function'
    ? new FinalizationRegistry((id) => { try { RealmApi.dispose(id); } catch (e) { /* already gone */ } }) : null;
  function forward(g, k, ref, enumerable) {
    Object.defineProperty(g, k, {
      get: () => { const o = ref.deref(); return o === undefined ? undefined : o[k]; },
      set: (v) => { const o = ref.deref(); if (o !== undefined) o[k] = v; },
      configurable: true, enumerable,
    });
  }
  function syncIn(r) {
    const g = r.global, sb = r.ref.deref();
    for (const k of Reflect.ownKeys(sb)) {
      if (r.linked.has(k)) continue;
      if (r.copied.has(k)) { try { g[k] = sb[k]; } catch (e) { /* read-only */ } continue; }
      const d = Object.getOwnPropertyDescriptor(g, k);
      if (d && !d.configurable) { r.copied.add(k); try { g[k] = sb[k]; } catch (e) { /* read-only */ } continue; }
      const sd = Object.getOwnPropertyDescriptor(sb, k);
      forward(g, k, r.ref, sd ? sd.enumerable : true);
      r.linked.add(k);
    }
  }
  function syncOut(r) {
    const g = r.global, sb = r.ref.deref();
    for (const k of Reflect.ownKeys(g)) {
      if (r.linked.has(k) || (r.builtins.has(k) && !Object.prototype.hasOwnProperty.call(sb, k))) continue;
      const d = Object.getOwnPropertyDescriptor(g, k);
      if (!d.configurable) { r.copied.add(k); try { sb[k] = g[k]; } catch (e) { /* frozen sandbox */ } continue; }
      if (r.copied.has(k)) { try { sb[k] = g[k]; } catch (e) { /* frozen sandbox */ } continue; }
      try {
        if ('value' in d) Object.defineProperty(sb, k, { value: d.value, writable: true, enumerable: d.enumerable, configurable: true });
        else Object.defineProperty(sb, k, d);
      } catch (e) { continue; }
      forward(g, k, r.ref, d.enumerable);
      r.linked.add(k);
    }
  }
  function evalIn(r, code, filename) {
    syncIn(r);
    try { return RealmApi.eval(r.id, named(code, filename)); } finally { syncOut(r); }
  }
  function syntaxCheck(code, filename) {
    const err = host.syntaxError(code, filename || 'evalmachine.<anonymous>');
    if (err != null) {
      const e = new SyntaxError(String(err).replace(/^SyntaxError: /, '').replace(/^[^:]*:\d+:\d+ /, ''));
      throw e;
    }
  }
  class Script {
    constructor(code, options) {
      code = `${code}`;
      options = validateOptions(options);
      this._code = code;
      this._filename = options.filename || 'evalmachine.<anonymous>';
      syntaxCheck(code, this._filename);
      if (options.cachedData !== undefined) this.cachedDataRejected = false;
      if (options.produceCachedData) { this.cachedDataProduced = true; this.cachedData = Buffer.alloc(0); }
      this.sourceMapURL = (/\/\/# sourceMappingURL=(\S+)\s*$/.exec(code) || [])[1];
    }
    runInThisContext(options) {
      if (options !== undefined) validateOptions(options);
      return (0, eval)(named(this._code, this._filename));
    }
    runInContext(contextifiedObject, options) {
      const r = realmOf(contextifiedObject);
      if (options !== undefined) validateOptions(options);
      return evalIn(r, this._code, this._filename);
    }
    runInNewContext(contextObject, options) {
      return this.runInContext(createContext(contextObject, options && options.contextName !== undefined ? { name: options.contextName } : undefined), options);
    }
    createCachedData() { return Buffer.alloc(0); }
  }
  function runInContext(code, contextifiedObject, options) {
    return new Script(code, options).runInContext(contextifiedObject, options);
  }
  function runInNewContext(code, contextObject, options) {
    return new Script(code, options).runInNewContext(contextObject, options);
  }
  function runInThisContext(code, options) {
    return new Script(code, options).runInThisContext(options);
  }
  function compileFunction(code, params, options) {
    if (typeof code !== 'string') throw errInvalidArgType('code', 'of type string', code);
    if (params !== undefined) {
      if (!Array.isArray(params)) throw errInvalidArgType('params', 'an instance of Array', params);
      params.forEach((p, i) => { if (typeof p !== 'string') throw errInvalidArgType('params[' + i + ']', 'of type string', p); });
    }
    options = options === undefined ? {} : options;
    validateObject(options, 'options');
    const list = (params || []).join(', ');
    const source = '(function (' + list + ') {\n' + code + '\n})';
    syntaxCheck(source, options.filename || '');
    const exts = options.contextExtensions || [];
    if (!Array.isArray(exts)) throw errInvalidArgType('options.contextExtensions', 'an instance of Array', exts);
    if (options.parsingContext !== undefined) {
      const r = realmOf(options.parsingContext, 'options.parsingContext');
      return evalIn(r, source, options.filename);
    }
    if (exts.length) {
      const names = exts.flatMap((e) => Object.keys(e));
      const maker = (0, eval)('(function (' + names.join(', ') + ') { return ' + source + '; })');
      return maker(...exts.flatMap((e) => Object.keys(e).map((k) => e[k])));
    }
    return (0, eval)(named(source, options.filename));
  }
  const notAvailable = (what) => function () { throw new NodeError('ERR_NOT_AVAILABLE', 'vm.' + what + ' is not available in this runtime (needs --experimental-vm-modules in Node too)'); };
  return {
    Script: callable(Script), createContext, isContext, runInContext, runInNewContext, runInThisContext, compileFunction, constants,
    createScript: (code, options) => new Script(code, options),
    measureMemory() { return Promise.reject(new NodeError('ERR_NOT_AVAILABLE', 'vm.measureMemory is not available in this runtime')); },
    Module: notAvailable('Module'), SourceTextModule: notAvailable('SourceTextModule'), SyntheticModule: notAvailable('SyntheticModule'),
  };
}

// node:domain on GraalJS's AsyncContext: the active domain follows timers, ticks and promises the way Node's async
// hooks carry it; errors thrown while a domain is active, and 'error' events of its emitters, go to the domain.
function makeDomain() {
  if (domainState) return domainState.module;
  const AC = G.AsyncContext;
  const variable = AC ? new AC.Variable() : null;
  const stack = [];
  const kThrownIn = Symbol('domainThrownIn');
  const active = () => (stack.length ? stack[stack.length - 1] : variable ? variable.get() : undefined);
  const mark = (e, d) => {
    if (d && e !== null && typeof e === 'object' && !Object.prototype.hasOwnProperty.call(e, kThrownIn)) {
      try { Object.defineProperty(e, kThrownIn, { value: d, configurable: true }); } catch (x) { /* frozen */ }
    }
  };
  class Domain extends EventEmitter {
    constructor() { super(); this.members = []; this.domain = null; }
    enter() { stack.push(this); }
    exit() { const i = stack.lastIndexOf(this); if (i >= 0) stack.length = i; }
    run(fn, ...args) {
      if (typeof fn !== 'function') throw errInvalidArgType('fn', 'of type function', fn);
      const body = () => {
        stack.push(this);
        try { return fn.apply(this, args); } catch (e) { mark(e, this); throw e; } finally { this.exit(); }
      };
      return variable ? variable.run(this, body) : body();
    }
    add(ee) {
      if (ee.domain === this) return;
      if (ee.domain && typeof ee.domain.remove === 'function') ee.domain.remove(ee);
      ee.domain = this;
      this.members.push(ee);
    }
    remove(ee) {
      ee.domain = null;
      const i = this.members.indexOf(ee);
      if (i >= 0) this.members.splice(i, 1);
    }
    bind(cb) {
      const d = this;
      const bound = function (...args) { return d.run(() => cb.apply(this, args)); };
      bound.domain = d;
      return bound;
    }
    intercept(cb) {
      const d = this;
      const bound = function (err, ...args) {
        if (err) {
          if (typeof err === 'object') { err.domain = d; err.domainBound = cb; err.domainThrown = false; }
          d.emit('error', err);
          return undefined;
        }
        return d.run(() => cb.apply(this, args));
      };
      bound.domain = d;
      return bound;
    }
    dispose() { this.exit(); this.members.length = 0; this.emit('dispose'); }
  }
  domainState = {
    active, mark,
    markActive(e) { mark(e, active()); },
    // An uncaught error the domain active at its throw will handle: true when handled.
    handle(e) {
      const d = (e !== null && typeof e === 'object' && e[kThrownIn]) || active();
      if (!d || !d.listenerCount('error')) return false;
      if (e !== null && typeof e === 'object') { try { e.domain = d; e.domainThrown = true; } catch (x) { /* frozen */ } }
      stack.length = 0;
      d.emit('error', e);
      return true;
    },
    emitIn(d, fn) { return variable ? variable.run(d, () => { stack.push(d); try { return fn(); } catch (e) { mark(e, d); throw e; } finally { d.exit(); } }) : fn(); },
  };
  Object.defineProperty(process, 'domain', { get: () => active() || null, set() {}, configurable: true, enumerable: true });
  const create = () => new Domain();
  domainState.module = { Domain, create, createDomain: create, get active() { return active() || null; }, _stack: stack };
  return domainState.module;
}
// worker_threads as processes: guest code may not create threads, so a Worker is a `node` process in the VM
// (under the kernel's limits, like fork()) joined by an IPC channel that carries structured clones encoded as
// JSON. What a process cannot give a thread is said plainly: no shared memory (SharedArrayBuffer, Atomics across
// workers), transferred ports or resource limits; process.pid differs in the worker.
function encodeClone(v, seen) {
  if (v === undefined) return { $: 'u' };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isNaN(v) ? { $: 'n', v: 'NaN' } : !Number.isFinite(v) || Object.is(v, -0) ? { $: 'n', v: Object.is(v, -0) ? '-0' : String(v) } : v;
  if (typeof v === 'bigint') return { $: 'b', v: String(v) };
  if (typeof v === 'function' || typeof v === 'symbol') {
    const e = new G.DOMException(String(typeof v === 'function' ? v : v.toString()) + ' could not be cloned.', 'DataCloneError');
    throw e;
  }
  if (seen.has(v)) return { $: 'r', v: seen.get(v) };
  const id = seen.size;
  seen.set(v, id);
  if (v instanceof Date) return { $: 'd', v: v.getTime(), id };
  if (v instanceof RegExp) return { $: 'x', s: v.source, f: v.flags, id };
  if (v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer)) return { $: 'ab', v: Buffer.from(v).toString('base64'), id };
  if (ArrayBuffer.isView(v)) {
    const t = v instanceof Buffer ? 'Uint8Array' : v.constructor.name;
    return { $: 'ta', t, v: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'), id };
  }
  if (v instanceof Map) return { $: 'm', v: Array.from(v, ([k, x]) => [encodeClone(k, seen), encodeClone(x, seen)]), id };
  if (v instanceof Set) return { $: 's', v: Array.from(v, (x) => encodeClone(x, seen)), id };
  if (v instanceof Error) {
    const o = { $: 'e', n: v.name, m: v.message, s: v.stack, id };
    if (v.code !== undefined) o.c = encodeClone(v.code, seen);
    if (v.cause !== undefined) o.cause = encodeClone(v.cause, seen);
    return o;
  }
  if (v instanceof MessagePort) throw new G.DOMException('MessagePort objects cannot be transferred between worker processes in this runtime', 'DataCloneError');
  if (Array.isArray(v)) return { $: 'a', v: v.map((x) => encodeClone(x, seen)), id };
  const o = {};
  for (const k of Object.keys(v)) { if (typeof v[k] !== 'function') o[k] = encodeClone(v[k], seen); }
  return { $: 'o', v: o, id };
}
function decodeClone(v, refs) {
  if (v === null || typeof v !== 'object') return v;
  const keep = (x) => { if (v.id !== undefined) refs.set(v.id, x); return x; };
  switch (v.$) {
    case 'u': return undefined;
    case 'n': return v.v === '-0' ? -0 : Number(v.v);
    case 'b': return BigInt(v.v);
    case 'r': return refs.get(v.v);
    case 'd': return keep(new Date(v.v));
    case 'x': return keep(new RegExp(v.s, v.f));
    case 'ab': { const b = Buffer.from(v.v, 'base64'); return keep(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)); }
    case 'ta': {
      const b = Buffer.from(v.v, 'base64');
      const C = G[v.t] || Uint8Array;
      const copy = b.buffer.slice(b.byteOffset, b.byteOffset + b.length);
      return keep(C === DataView ? new DataView(copy) : new C(copy));
    }
    case 'm': { const m = keep(new Map()); for (const [k, x] of v.v) m.set(decodeClone(k, refs), decodeClone(x, refs)); return m; }
    case 's': { const s = keep(new Set()); for (const x of v.v) s.add(decodeClone(x, refs)); return s; }
    case 'e': {
      const C = { TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError }[v.n] || Error;
      const e = keep(new C(v.m));
      if (v.s !== undefined) e.stack = v.s;
      if (v.c !== undefined) e.code = decodeClone(v.c, refs);
      if (v.cause !== undefined) e.cause = decodeClone(v.cause, refs);
      return e;
    }
    case 'a': { const a = keep([]); for (const x of v.v) a.push(decodeClone(x, refs)); return a; }
    case 'o': { const o = keep({}); for (const k of Object.keys(v.v)) o[k] = decodeClone(v.v[k], refs); return o; }
    default: return v;
  }
}
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
let nextThreadId = 1;
let workerInit = null;
const environmentData = new Map();
function makeWorkerThreads() {
  const cp = loadBuiltin('child_process');
  class Worker extends EventEmitter {
    constructor(filename, options) {
      super();
      options = options === undefined ? {} : options;
      if (options === null || typeof options !== 'object') throw errInvalidArgType('options', 'of type object', options);
      let file;
      if (options.eval) {
        if (typeof filename !== 'string') throw errInvalidArgType('filename', 'of type string', filename);
      } else if (filename instanceof URL) {
        if (filename.protocol !== 'file:' && filename.protocol !== 'data:') throw typeError('ERR_WORKER_UNSUPPORTED_PATH', 'The worker script or module filename must be an absolute path or a relative path starting with \'./\' or \'../\'. Received "' + filename.href + '"');
        file = filename.protocol === 'file:' ? fileURLToPath(filename) : null;
        if (!file) throw new NodeError('ERR_NOT_AVAILABLE', 'data: URLs as worker scripts are not available in this runtime');
      } else if (typeof filename === 'string') {
        if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) {
          throw typeError('ERR_WORKER_PATH', 'The worker script or module filename must be an absolute path or a relative path starting with \'./\' or \'../\'. Received "' + filename + '"');
        }
        file = path.resolve(filename);
      } else throw errInvalidArgType('filename', 'of type string or an instance of URL', filename);
      if (options.argv !== undefined && !Array.isArray(options.argv)) throw errInvalidArgType('options.argv', 'an instance of Array', options.argv);
      if (options.execArgv !== undefined && !Array.isArray(options.execArgv)) throw errInvalidArgType('options.execArgv', 'an instance of Array', options.execArgv);
      if (options.env !== undefined && options.env !== SHARE_ENV && (options.env === null || typeof options.env !== 'object')) throw errInvalidArgType('options.env', 'of type object', options.env);
      this.threadId = nextThreadId++;
      this.resourceLimits = {};
      this._exited = false;
      this._terminating = false;
      const init = encodeClone({
        filename: options.eval ? null : file, source: options.eval ? filename : null, workerData: options.workerData,
        threadId: this.threadId, argv: (options.argv || []).map(String), env: Array.from(environmentData),
        name: options.name === undefined ? '' : String(options.name),
      }, new Map());
      const env = options.env === undefined || options.env === SHARE_ENV ? process.env : Object.assign({}, options.env);
      this._child = cp.spawn(process.execPath, [...(options.execArgv || []), '--agentos-worker'], {
        env, stdio: [options.stdin ? 'pipe' : 'ignore', options.stdout ? 'pipe' : 'inherit', options.stderr ? 'pipe' : 'inherit', 'ipc'],
      });
      this.stdin = options.stdin ? this._child.stdin : null;
      this.stdout = options.stdout ? this._child.stdout : null;
      this.stderr = options.stderr ? this._child.stderr : null;
      this._child.on('internalMessage', (m) => {
        if (m.cmd === 'NODE_WORKER_ONLINE') this.emit('online');
        else if (m.cmd === 'NODE_WORKER_MSG') { const data = decodeClone(m.v, new Map()); this.emit('message', data); }
        else if (m.cmd === 'NODE_WORKER_ERROR') { this._errored = true; this.emit('error', decodeClone(m.v, new Map())); }
      });
      this._child.on('error', (e) => this.emit('error', e));
      this._child.on('exit', (code, signal) => {
        this._exited = true;
        const c = this._terminating || signal ? 1 : code === null ? 1 : code;
        this.threadId = -1;
        this.emit('exit', c);
        if (this._onExit) this._onExit(c);
      });
      this._child.send({ cmd: 'NODE_WORKER_INIT', v: init });
    }
    postMessage(value, transferList) {
      if (this._exited) return;
      this._child.send({ cmd: 'NODE_WORKER_MSG', v: encodeClone(value, new Map()) });
    }
    terminate(cb) {
      const p = new Promise((resolve) => {
        if (this._exited) { resolve(undefined); return; }
        this._onExit = resolve;
        this._terminating = true;
        this._child.kill('SIGTERM');
      });
      if (typeof cb === 'function') p.then((c) => cb(null, c));
      return p;
    }
    ref() { if (this._child.ref) this._child.ref(); return this; }
    unref() { if (this._child.unref) this._child.unref(); return this; }
    getHeapSnapshot() { return Promise.reject(new NodeError('ERR_NOT_AVAILABLE', 'heap snapshots are not available in this runtime')); }
    get performance() { return { eventLoopUtilization: () => ({ idle: 0, active: 0, utilization: 0 }) }; }
  }
  let parentPort = null;
  if (workerInit) {
    parentPort = new MessagePort();
    const send = (m) => { if (process.connected) process.send(m); };
    parentPort.postMessage = (value) => send({ cmd: 'NODE_WORKER_MSG', v: encodeClone(value, new Map()) });
    parentPort.close = () => { if (process.channel) process.disconnect(); };
    const listening = () => parentPort.listenerCount('message') > 0 || typeof parentPort.onmessage === 'function';
    let held = false;
    const sync = () => { const want = listening(); if (want !== held && process.channel) { held = want; if (want) process.channel.ref(); else process.channel.unref(); } };
    parentPort.on('newListener', (e) => { if (e === 'message') nextTick(sync); });
    parentPort.on('removeListener', (e) => { if (e === 'message') nextTick(sync); });
    parentPort.ref = () => { if (process.channel) { held = true; process.channel.ref(); } return parentPort; };
    parentPort.unref = () => { if (process.channel) { held = false; process.channel.unref(); } return parentPort; };
    process.on('internalMessage', (m) => {
      if (m.cmd !== 'NODE_WORKER_MSG') return;
      const data = decodeClone(m.v, new Map());
      if (typeof parentPort.onmessage === 'function') parentPort.onmessage({ data, target: parentPort, type: 'message' });
      parentPort.emit('message', data);
    });
  }
  return {
    isMainThread: !workerInit, parentPort, workerData: workerInit ? workerInit.workerData : null, threadId: workerInit ? workerInit.threadId : 0,
    resourceLimits: {}, SHARE_ENV, Worker: callable(Worker), MessageChannel, MessagePort, BroadcastChannel: G.BroadcastChannel,
    receiveMessageOnPort: () => undefined, markAsUntransferable() {}, isMarkedAsUntransferable: () => false, moveMessagePortToContext: (p) => p,
    getEnvironmentData: (k) => environmentData.get(k), setEnvironmentData: (k, v) => { if (v === undefined) environmentData.delete(k); else environmentData.set(k, v); },
    postMessageToThread() { return Promise.reject(new NodeError('ERR_NOT_AVAILABLE', 'postMessageToThread is not available in this runtime')); },
  };
}
// The worker side: wait for the parent's init message on the IPC channel, then run the script like node would.
function runWorker(args) {
  process.once('internalMessage', function onInit(m) {
    if (m.cmd !== 'NODE_WORKER_INIT') { process.once('internalMessage', onInit); return; }
    workerInit = decodeClone(m.v, new Map());
    for (const [k, v] of workerInit.env) environmentData.set(k, v);
    process.channel.unref();
    process.send({ cmd: 'NODE_WORKER_ONLINE' });
    if (workerInit.source !== null) {
      process.argv = [process.execPath, '[worker eval]', ...workerInit.argv];
      const m2 = new Module(path.join(process.cwd(), '[worker eval]'), null);
      m2.filename = '[worker eval]';
      m2._compile(workerInit.source, '[worker eval]');
      return;
    }
    const filename = resolve(workerInit.filename, process.cwd(), REQUIRE_CONDITIONS, process.cwd());
    process.argv = [process.execPath, filename, ...workerInit.argv];
    if (isEsmFile(filename)) { runEsmMain(filename); return; }
    loadModule(filename, null, true);
  });
  if (process.channel) process.channel.ref();
}
function unavailable(name, why) {
  return new Proxy(function () {}, {
    get(t, prop) {
      if (prop === '__esModule' || prop === 'then' || typeof prop === 'symbol') return undefined;
      if (prop === 'default') return this;
      return function () { throw new NodeError('ERR_NOT_AVAILABLE', name + '.' + String(prop) + ' is not available yet in this runtime: ' + why); };
    },
    apply() { throw new NodeError('ERR_NOT_AVAILABLE', name + ' is not available yet in this runtime: ' + why); },
    construct() { throw new NodeError('ERR_NOT_AVAILABLE', name + ' is not available yet in this runtime: ' + why); },
  });
}

// ---------------------------------------------------------------- modules

const builtinFactories = {
  assert: () => makeAssert(),
  'assert/strict': () => makeAssert(),
  async_hooks: () => makeAsyncHooks(),
  buffer: () => ({ Buffer, kMaxLength: 2 ** 31 - 1, constants: { MAX_LENGTH: 2 ** 31 - 1, MAX_STRING_LENGTH: 2 ** 29 - 24 }, atob: G.atob, btoa: G.btoa, isUtf8: (b) => { try { new TextDecoder('utf-8', { fatal: true }).decode(b); return true; } catch (e) { return false; } }, Blob: G.Blob, SlowBuffer: Buffer }),
  child_process: () => childProcess,
  console: () => console,
  constants: () => Object.assign({}, fsConstants, os.constants.signals),
  crypto: () => crypto,
  diagnostics_channel: () => makeDiagnosticsChannel(),
  events: () => EventEmitter,
  fs: () => fs,
  'fs/promises': () => promises,
  module: () => ModuleBuiltin,
  os: () => os,
  path: () => path,
  'path/posix': () => path,
  'path/win32': () => path,
  perf_hooks: () => ({ performance: G.performance, PerformanceObserver: class { observe() {} disconnect() {} }, monitorEventLoopDelay: () => ({ enable() {}, disable() {}, percentile: () => 0 }) }),
  process: () => process,
  querystring: () => ({ parse: (s) => Object.fromEntries(new URLSearchParams(s)), stringify: (o) => new URLSearchParams(o).toString(), escape: encodeURIComponent, unescape: decodeURIComponent }),
  readline: () => makeReadline(),
  stream: () => stream,
  'stream/promises': () => stream.promises,
  string_decoder: () => ({ StringDecoder: callable(StringDecoder) }),
  timers: () => timers,
  'timers/promises': () => timersPromises,
  tty: () => ({ isatty: (fd) => host.isatty(fd), ReadStream: FdReadable, WriteStream: FdWritable }),
  url: () => ({ URL, URLSearchParams, fileURLToPath, pathToFileURL, parse: (u) => { const x = new URL(u); return { protocol: x.protocol, host: x.host, hostname: x.hostname, port: x.port || null, pathname: x.pathname, search: x.search || null, hash: x.hash || null, href: x.href, path: x.pathname + x.search }; }, format: (u) => (u instanceof URL ? u.href : String(u.href || '')) }),
  util: () => util,
  'util/types': () => types,
  zlib: () => makeZlib(),
  http: () => makeHttp(), https: () => makeHttps(), net: () => makeNet(), tls: () => makeTls(), dns: () => makeDns(),
  'dns/promises': () => loadBuiltin('dns').promises,
  http2: () => lazyBuiltin('http2')({ Buffer, EventEmitter, Duplex, Readable, Stream: stream.Stream, NodeError, typeError, errInvalidArgType, nextTick,
    net: loadBuiltin('net'), tls: loadBuiltin('tls'), STATUS_CODES, URL, fs, serveHttp1 }),
  dgram: () => makeDgram(),
  worker_threads: () => makeWorkerThreads(),
  vm: () => makeVm(),
  domain: () => makeDomain(),
  inspector: () => unavailable('inspector', 'there is no debugger protocol in a VM'),
  v8: () => ({ getHeapStatistics: () => ({ total_heap_size: 0, used_heap_size: 0, heap_size_limit: Number(host.maxOldSpaceBytes()) }), serialize: (v) => Buffer.from(JSON.stringify(v)), deserialize: (b) => JSON.parse(b.toString()), setFlagsFromString() {} }),
  cluster: () => unavailable('cluster', 'there is one process per node command'),
  repl: () => unavailable('repl', 'no interactive REPL yet'),
  punycode: () => unavailable('punycode', 'deprecated in Node and not provided'),
  sqlite: () => unavailable('sqlite', 'not provided'),
  test: () => lazyBuiltin('test')({ assert: loadBuiltin('assert'), inspect, NodeError, typeError }),
};
// Every module Node has exists here too: the ones this runtime does not implement load, and each call says so.
const BUILTIN_EXPORTS = JSON.parse(String(host.builtinExportsJson()));
builtinFactories['stream/consumers'] = () => {
  const collect = async (s) => { const chunks = []; for await (const c of s) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c)); return Buffer.concat(chunks); };
  return { buffer: collect, text: async (s) => (await collect(s)).toString(), json: async (s) => JSON.parse((await collect(s)).toString()),
    arrayBuffer: async (s) => { const b = await collect(s); return b.buffer.slice(b.byteOffset, b.byteOffset + b.length); },
    blob: () => { throw new NodeError('ERR_NOT_AVAILABLE', 'stream/consumers.blob is not available yet in this runtime'); } };
};
builtinFactories.sys = () => util;
for (const name of Object.keys(BUILTIN_EXPORTS)) {
  if (!Object.prototype.hasOwnProperty.call(builtinFactories, name)) builtinFactories[name] = () => unavailable(name, 'this runtime does not provide it yet');
}
const builtinCache = new Map();
function loadBuiltin(name) {
  if (!builtinCache.has(name)) builtinCache.set(name, builtinFactories[name]());
  return builtinCache.get(name);
}
function builtinName(request) {
  const name = request.startsWith('node:') ? request.slice(5) : request;
  return Object.prototype.hasOwnProperty.call(builtinFactories, name) ? name : null;
}

function makeAssert() {
  class AssertionError extends Error {
    constructor(o) { super(o.message); this.name = 'AssertionError'; this.code = 'ERR_ASSERTION'; this.actual = o.actual; this.expected = o.expected; this.operator = o.operator; this.generatedMessage = !o.userMessage; }
  }
  const fail = (actual, expected, message, operator, defaultMsg) => {
    if (message instanceof Error) throw message;
    throw new AssertionError({ message: message || defaultMsg, actual, expected, operator, userMessage: !!message });
  };
  const assert = (v, m) => { if (!v) fail(v, true, m, '==', 'The expression evaluated to a falsy value:\n\n  assert(' + inspect(v) + ')\n'); };
  Object.assign(assert, {
    AssertionError,
    ok: assert,
    equal: (a, b, m) => { if (a != b) fail(a, b, m, '==', inspect(a) + ' == ' + inspect(b)); },
    notEqual: (a, b, m) => { if (a == b) fail(a, b, m, '!=', inspect(a) + ' != ' + inspect(b)); },
    strictEqual: (a, b, m) => { if (!Object.is(a, b)) fail(a, b, m, 'strictEqual', 'Expected values to be strictly equal:\n\n' + inspect(a) + ' !== ' + inspect(b) + '\n'); },
    notStrictEqual: (a, b, m) => { if (Object.is(a, b)) fail(a, b, m, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + inspect(b)); },
    deepEqual: (a, b, m) => { if (!deepEqual(a, b, false)) fail(a, b, m, 'deepEqual', 'Expected values to be loosely deep-equal:\n\n' + inspect(a) + '\n\nshould loosely deep-equal\n\n' + inspect(b)); },
    deepStrictEqual: (a, b, m) => { if (!deepEqual(a, b, true)) fail(a, b, m, 'deepStrictEqual', 'Expected values to be strictly deep-equal:\n' + inspect(a) + '\n\nshould equal\n\n' + inspect(b)); },
    notDeepStrictEqual: (a, b, m) => { if (deepEqual(a, b, true)) fail(a, b, m, 'notDeepStrictEqual', 'Expected "actual" not to be strictly deep-equal to: ' + inspect(b)); },
    notDeepEqual: (a, b, m) => { if (deepEqual(a, b, false)) fail(a, b, m, 'notDeepEqual', 'Expected "actual" not to be loosely deep-equal to: ' + inspect(b)); },
    fail: (m) => fail(undefined, undefined, m || 'Failed', 'fail', 'Failed'),
    throws: (fn, expected, m) => {
      try { fn(); } catch (e) {
        if (typeof expected === 'function' && expected.prototype !== undefined && !(e instanceof expected)) throw e;
        // Like Node: a RegExp is tested against String(error), and RegExp-valued properties against the property.
        if (expected instanceof RegExp && !expected.test(String(e))) fail(e, expected, m, 'throws', 'The error message does not match');
        if (expected && typeof expected === 'object' && !(expected instanceof RegExp)) {
          for (const k of Object.keys(expected)) {
            const want = expected[k];
            const ok = want instanceof RegExp && typeof e[k] === 'string' ? want.test(e[k]) : deepEqual(e[k], want, true);
            if (!ok) fail(e, expected, m, 'throws', 'Expected values to be strictly deep-equal: ' + k);
          }
        }
        return;
      }
      fail(undefined, expected, m, 'throws', 'Missing expected exception.');
    },
    doesNotThrow: (fn, m) => { try { fn(); } catch (e) { fail(e, undefined, m, 'doesNotThrow', 'Got unwanted exception.\nActual message: "' + (e && e.message) + '"'); } },
    rejects: async (p, expected, m) => { try { await (typeof p === 'function' ? p() : p); } catch (e) { return; } fail(undefined, expected, m, 'rejects', 'Missing expected rejection.'); },
    doesNotReject: async (p) => { await (typeof p === 'function' ? p() : p); },
    match: (s, re, m) => { if (!re.test(s)) fail(s, re, m, 'match', 'The input did not match the regular expression ' + re + '. Input:\n\n' + inspect(s) + '\n'); },
    doesNotMatch: (s, re, m) => { if (re.test(s)) fail(s, re, m, 'doesNotMatch', 'The input was expected to not match the regular expression ' + re); },
    ifError: (e) => { if (e !== null && e !== undefined) throw e; },
  });
  // assert.CallTracker (deprecated in Node 22, still offered): wrapped functions counting their calls.
  class CallTracker {
    #contexts = new Set();
    #tracked = new WeakMap();
    calls(fn, expected = 1) {
      if (typeof fn === 'number') { expected = fn; fn = () => {}; } else if (fn === undefined) fn = () => {};
      else if (typeof fn !== 'function') throw errInvalidArgType('fn', 'of type function', fn);
      checkInt(expected, 'expected', 0, 4294967295);
      const context = { expected, actual: 0, name: fn.name || 'calls', stackTrace: new Error(), calls: [] };
      this.#contexts.add(context);
      const tracked = new Proxy(fn, {
        apply(target, thisArg, argList) {
          context.actual++;
          context.calls.push(Object.freeze({ thisArg, arguments: Object.freeze(argList.slice()) }));
          return Reflect.apply(target, thisArg, argList);
        },
      });
      this.#tracked.set(tracked, context);
      return tracked;
    }
    #context(fn) {
      const c = (typeof fn === 'function' || (fn !== null && typeof fn === 'object')) ? this.#tracked.get(fn) : undefined;
      if (!c) throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'fn' must be a tracked function. Received " + inspect(fn));
      return c;
    }
    getCalls(fn) { return Object.freeze(this.#context(fn).calls.slice()); }
    reset(fn) {
      for (const c of arguments.length === 0 ? this.#contexts : [this.#context(fn)]) { c.actual = 0; c.calls = []; }
    }
    report() {
      const errors = [];
      for (const c of this.#contexts) {
        if (c.actual === c.expected) continue;
        errors.push({
          message: 'Expected the ' + c.name + ' function to be executed ' + c.expected + ' time(s) but was executed ' + c.actual + ' time(s).',
          actual: c.actual, expected: c.expected, operator: c.name, stack: c.stackTrace,
        });
      }
      return errors;
    }
    verify() {
      const errors = this.report();
      if (!errors.length) return;
      const message = errors.length === 1 ? errors[0].message : 'Functions were not called the expected number of times';
      const e = new AssertionError({ message, userMessage: true });
      e.details = errors;
      throw e;
    }
  }
  assert.CallTracker = CallTracker;
  assert.strict = assert;
  return assert;
}

// zlib over java.util.zip: one-shot functions, callback forms, and Transform streams that compress at the end.
// Brotli and zstd are not in the JDK.
// Node's diagnostics_channel: named channels with subscribers, and tracing channels (start/end/asyncStart/
// asyncEnd/error) around sync, promise and callback work. Libraries (router, undici, …) publish through it.
function makeDiagnosticsChannel() {
  const channels = new Map();
  class Channel {
    constructor(name) { this.name = name; this._subscribers = []; this._stores = new Map(); }
    get hasSubscribers() { return this._subscribers.length > 0 || this._stores.size > 0; }
    subscribe(fn) { this._subscribers.push(fn); }
    unsubscribe(fn) { const i = this._subscribers.indexOf(fn); if (i < 0) return false; this._subscribers.splice(i, 1); return true; }
    publish(message) {
      for (const fn of this._subscribers.slice()) {
        try { fn(message, this.name); } catch (e) { nextTick(() => { throw e; }); }
      }
    }
    bindStore(store, transform) { this._stores.set(store, transform); }
    unbindStore(store) { return this._stores.delete(store); }
    runStores(data, fn, thisArg, ...args) {
      let run = () => { this.publish(data); return fn.apply(thisArg, args); };
      for (const [store, transform] of this._stores) {
        const inner = run;
        run = () => store.run(transform ? transform(data) : data, inner);
      }
      return run();
    }
  }
  const channel = (name) => { let c = channels.get(name); if (!c) { c = new Channel(name); channels.set(name, c); } return c; };
  class TracingChannel {
    constructor(nameOrChannels) {
      for (const k of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
        this[k] = typeof nameOrChannels === 'string' ? channel('tracing:' + nameOrChannels + ':' + k) : nameOrChannels[k];
      }
    }
    get hasSubscribers() { return ['start', 'end', 'asyncStart', 'asyncEnd', 'error'].some((k) => this[k].hasSubscribers); }
    subscribe(handlers) { for (const k of Object.keys(handlers)) if (this[k]) this[k].subscribe(handlers[k]); }
    unsubscribe(handlers) { let ok = true; for (const k of Object.keys(handlers)) if (this[k]) ok = this[k].unsubscribe(handlers[k]) && ok; return ok; }
    traceSync(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return fn.apply(thisArg, args);
      return this.start.runStores(context, () => {
        try { context.result = fn.apply(thisArg, args); return context.result; }
        catch (e) { context.error = e; this.error.publish(context); throw e; }
        finally { this.end.publish(context); }
      });
    }
    tracePromise(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return fn.apply(thisArg, args);
      return this.start.runStores(context, () => {
        try {
          const p = Promise.resolve(fn.apply(thisArg, args));
          return p.then((r) => { context.result = r; this.asyncStart.publish(context); this.asyncEnd.publish(context); return r; },
            (e) => { context.error = e; this.error.publish(context); this.asyncStart.publish(context); this.asyncEnd.publish(context); throw e; });
        } catch (e) { context.error = e; this.error.publish(context); throw e; } finally { this.end.publish(context); }
      });
    }
    traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return fn.apply(thisArg, args);
      const i = position < 0 ? args.length + position : position;
      const cb = args[i];
      args[i] = (err, res) => {
        if (err) { context.error = err; this.error.publish(context); } else context.result = res;
        this.asyncStart.publish(context);
        try { return cb.call(this, err, res); } finally { this.asyncEnd.publish(context); }
      };
      return this.start.runStores(context, () => {
        try { return fn.apply(thisArg, args); } catch (e) { context.error = e; this.error.publish(context); throw e; } finally { this.end.publish(context); }
      });
    }
  }
  return {
    channel, Channel, hasSubscribers: (name) => channels.has(name) && channels.get(name).hasSubscribers,
    subscribe: (name, fn) => channel(name).subscribe(fn), unsubscribe: (name, fn) => channel(name).unsubscribe(fn),
    tracingChannel: (n) => new TracingChannel(n),
  };
}

function makeZlib() {
  const constants = { Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_OK: 0,
    Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5,
    Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865, DEFLATE: 1, INFLATE: 2,
    GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9, Z_MIN_WINDOWBITS: 8,
    Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
    Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
    BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2, BROTLI_PARAM_MODE: 0,
    BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
    BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_SIZE_HINT: 5 };
  const run = (op, data, opts) => {
    const b = asBytes(typeof data === 'string' ? Buffer.from(data) : data);
    const level = opts && opts.level !== undefined ? opts.level : -1;
    try {
      return fromHost(host.zlib(op, b.buffer, b.byteOffset, b.byteLength, level));
    } catch (e) {
      const msg = e && typeof e.getMessage === 'function' ? String(e.getMessage()) : String((e && e.message) || e);
      const err = new Error(msg);
      err.errno = -3;
      err.code = 'Z_DATA_ERROR';
      throw err;
    }
  };
  const z = { constants };
  for (const name of ['deflate', 'inflate', 'deflateRaw', 'inflateRaw', 'gzip', 'gunzip', 'unzip']) {
    z[name + 'Sync'] = (data, opts) => run(name, data, opts);
    z[name] = (data, opts, cb) => {
      if (typeof opts === 'function') { cb = opts; opts = {}; }
      let out, err = null;
      try { out = run(name, data, opts); } catch (e) { err = e; }
      setImmediate(() => cb(err, out));
    };
    z[name][customPromisify] = (data, opts) => new Promise((res, rej) => { try { res(run(name, data, opts)); } catch (e) { rej(e); } });
    const className = name[0].toUpperCase() + name.slice(1);
    const ctor = function (opts) {
      const chunks = [];
      const t = new Transform({
        transform(chunk, enc, cb) { chunks.push(Buffer.from(asBytes(chunk, enc))); cb(); },
        flush(cb) { try { cb(null, run(name, Buffer.concat(chunks), opts)); } catch (e) { cb(e); } },
      });
      t.bytesWritten = 0;
      t.close = (cb) => { if (cb) nextTick(cb); };
      return t;
    };
    z[className] = ctor;
    z['create' + className] = (opts) => ctor(opts);
  }
  const noBrotli = () => { throw new NodeError('ERR_NOT_AVAILABLE', 'brotli is not available in this runtime (the JDK has no brotli codec)'); };
  for (const n of ['brotliCompress', 'brotliCompressSync', 'brotliDecompress', 'brotliDecompressSync', 'createBrotliCompress',
    'createBrotliDecompress', 'BrotliCompress', 'BrotliDecompress']) z[n] = noBrotli;
  z.crc32 = (data, value = 0) => { const b = asBytes(typeof data === 'string' ? Buffer.from(data) : data); return Number(host.crc32(b.buffer, b.byteOffset, b.byteLength, value)); };
  Object.assign(z, constants);
  return z;
}

// AsyncLocalStorage on GraalJS's AsyncContext (TC39 proposal): stores follow await, promise callbacks, timers and
// process.nextTick (their callbacks run in the snapshot taken when they were scheduled).
function makeAsyncHooks() {
  const AC = G.AsyncContext;
  class AsyncLocalStorage {
    constructor() { this._var = AC ? new AC.Variable() : null; this._entered = undefined; this._sync = undefined; }
    getStore() {
      if (!this._var) return this._sync !== undefined ? this._sync.store : this._entered;
      const w = this._var.get();
      return w !== undefined ? w.store : this._entered;
    }
    run(store, fn, ...args) {
      if (!this._var) { const prev = this._sync; this._sync = { store }; try { return fn(...args); } finally { this._sync = prev; } }
      return this._var.run({ store }, fn, ...args);
    }
    exit(fn, ...args) { return this.run(undefined, fn, ...args); }
    // AsyncContext has no enterWith: the store entered this way applies wherever no run() is active.
    enterWith(store) { this._entered = store; }
    disable() { this._entered = undefined; }
    static bind(fn) { return AC ? AC.Snapshot.wrap(fn) : fn; }
    static snapshot() { if (!AC) return (fn, ...a) => fn(...a); const s = new AC.Snapshot(); return (fn, ...a) => s.run(fn, ...a); }
  }
  class AsyncResource {
    constructor(type) { this.type = type; this._snap = AC ? new AC.Snapshot() : null; }
    runInAsyncScope(fn, thisArg, ...args) { return this._snap ? this._snap.run(() => fn.apply(thisArg, args)) : fn.apply(thisArg, args); }
    bind(fn) { const r = this; return function (...a) { return r.runInAsyncScope(fn, this, ...a); }; }
    emitDestroy() { return this; }
    asyncId() { return 1; }
    triggerAsyncId() { return 0; }
    static bind(fn, type) { return new AsyncResource(type || 'bound-anonymous-fn').bind(fn); }
  }
  return { AsyncLocalStorage, AsyncResource, createHook: () => ({ enable() { return this; }, disable() { return this; } }), executionAsyncId: () => 1, triggerAsyncId: () => 0, executionAsyncResource: () => ({}) };
}

function makeReadline() {
  class Interface extends EventEmitter {
    constructor(input, output) {
      super();
      if (input && input.input) { output = input.output; input = input.input; }
      this.input = input; this.output = output; this.closed = false; this.terminal = false;
      let buf = '';
      this._onData = (chunk) => {
        buf += typeof chunk === 'string' ? chunk : chunk.toString();
        let i;
        while ((i = buf.indexOf('\n')) >= 0) { const line = buf.slice(0, i).replace(/\r$/, ''); buf = buf.slice(i + 1); this._line(line); }
      };
      this._onEnd = () => { if (buf) { this._line(buf); buf = ''; } this.close(); };
      input.on('data', this._onData);
      input.on('end', this._onEnd);
      this._questions = [];
    }
    _line(line) { const q = this._questions.shift(); if (q) q(line); else this.emit('line', line); }
    question(query, opts, cb) { if (typeof opts === 'function') cb = opts; if (this.output) this.output.write(query); this._questions.push(cb); }
    prompt() { if (this.output) this.output.write(this._prompt || '> '); }
    setPrompt(p) { this._prompt = p; }
    write(d) { if (this.output) this.output.write(d); }
    pause() { this.input.pause(); return this; }
    resume() { this.input.resume(); return this; }
    close() {
      if (this.closed) return;
      this.closed = true;
      this.input.removeListener('data', this._onData);
      if (this.input instanceof FdReadable) this.input.pause(), this.input._stop();
      this.emit('close');
    }
    [Symbol.asyncIterator]() {
      const lines = [], waiting = [];
      let done = false;
      this.on('line', l => waiting.length ? waiting.shift()({ value: l, done: false }) : lines.push(l));
      this.on('close', () => { done = true; while (waiting.length) waiting.shift()({ value: undefined, done: true }); });
      return { next: () => lines.length ? Promise.resolve({ value: lines.shift(), done: false }) : done ? Promise.resolve({ value: undefined, done: true }) : new Promise(r => waiting.push(r)), return: () => { this.close(); return Promise.resolve({ done: true }); }, [Symbol.asyncIterator]() { return this; } };
    }
  }
  const createInterface = (input, output) => new Interface(input, output);
  return { Interface, createInterface, clearLine: (s, d, cb) => { if (cb) cb(); return true; }, cursorTo: (s, x, y, cb) => { if (typeof y === 'function') y(); else if (cb) cb(); return true; }, moveCursor: (s, dx, dy, cb) => { if (cb) cb(); return true; }, clearScreenDown: () => true, emitKeypressEvents() {}, promises: { Interface, createInterface: (i, o) => { const rl = new Interface(i, o); rl.question = (q) => new Promise(r => Interface.prototype.question.call(rl, q, r)); return rl; } } };
}

class Module {
  constructor(id, parent) {
    this.id = id;
    this.path = path.dirname(id);
    this.filename = id;
    this.exports = {};
    this.loaded = false;
    this.children = [];
    this.paths = nodeModulePaths(this.path);
    this.parent = parent;
    this.require = makeRequire(this);
  }
}
Module._cache = Object.create(null);
Module._extensions = Object.create(null);
Module.builtinModules = Object.keys(builtinFactories);
Module.isBuiltin = (name) => builtinName(name) !== null;
Module.createRequire = (from) => {
  const file = typeof from === 'string' ? (from.startsWith('file:') ? fileURLToPath(from) : from) : fileURLToPath(from);
  const m = new Module(file.endsWith('/') ? file + '[createRequire]' : file, null);
  return m.require;
};
Module._resolveFilename = (request, parent) => resolve(request, parent ? path.dirname(parent.filename) : process.cwd());
Module._nodeModulePaths = (dir) => nodeModulePaths(dir);
Module.Module = Module;
Module.register = () => {};
Module.syncBuiltinESMExports = () => {};
Module.findSourceMap = () => undefined;
Module.enableCompileCache = () => ({ status: 0 });
Module.constants = { compileCacheStatus: { ENABLED: 1, DISABLED: 3 } };
const ModuleBuiltin = Module;

function nodeModulePaths(dir) {
  const out = [];
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.basename(d) !== 'node_modules') out.push((d === '/' ? '' : d) + '/node_modules');
    if (d === '/') break;
  }
  return out;
}

function statType(p) { try { return String(host.stat(p, true).type); } catch (e) { return null; } }

const packageJsonCache = new Map();
function readPackageJson(dir) {
  const file = dir + '/package.json';
  if (packageJsonCache.has(file)) return packageJsonCache.get(file);
  let pkg = null;
  if (statType(file) === 'FILE') {
    try { pkg = JSON.parse(String(host.readFileString(file))); } catch (e) { const err = new Error('Invalid package config ' + file + ': ' + e.message); err.code = 'ERR_INVALID_PACKAGE_CONFIG'; throw err; }
  }
  packageJsonCache.set(file, pkg);
  return pkg;
}
function packageScope(dir) {
  for (let d = dir; ; d = path.dirname(d)) {
    if (path.basename(d) === 'node_modules') return null;
    const pkg = readPackageJson(d);
    if (pkg) return { dir: d, pkg };
    if (d === '/') return null;
  }
}

const REQUIRE_CONDITIONS = ['node', 'require', 'default'];
const IMPORT_CONDITIONS = ['node', 'import', 'default'];

function tryFile(p) { return statType(p) === 'FILE' ? p : null; }
function tryExtensions(p) {
  for (const ext of ['', '.js', '.json', '.node', '.cjs', '.mjs']) { const f = tryFile(p + ext); if (f) return f; }
  return null;
}
function tryDirectory(p) {
  const pkg = readPackageJson(p);
  if (pkg && typeof pkg.main === 'string' && pkg.main) {
    const m = path.resolve(p, pkg.main);
    const f = tryExtensions(m) || tryIndex(m);
    if (f) return f;
  }
  return tryIndex(p);
}
function tryIndex(p) { for (const ext of ['.js', '.json', '.node']) { const f = tryFile(p + '/index' + ext); if (f) return f; } return null; }

function notFound(request, from) {
  const e = new Error("Cannot find module '" + request + "'\nRequire stack:\n- " + from);
  e.code = 'MODULE_NOT_FOUND';
  e.requireStack = [from];
  return e;
}

// PACKAGE_EXPORTS_RESOLVE / PACKAGE_IMPORTS_RESOLVE of Node's ESM resolution algorithm.
function resolveTarget(pkgDir, target, subpath, conditions, pattern) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) {
      if (pattern !== 'imports' || target.startsWith('../') || target.startsWith('/')) return undefined;
      return { bare: pattern === 'imports' && subpath !== undefined ? target.replace(/\*/g, subpath) : target };
    }
    const resolvedTarget = subpath !== undefined ? target.replace(/\*/g, subpath) : target;
    return { file: path.resolve(pkgDir, resolvedTarget) };
  }
  if (Array.isArray(target)) {
    for (const t of target) { const r = resolveTarget(pkgDir, t, subpath, conditions, pattern); if (r !== undefined && r !== null) return r; }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const r = resolveTarget(pkgDir, target[key], subpath, conditions, pattern);
        if (r !== undefined) return r;
      }
    }
    return undefined;
  }
  return null;
}
function matchMap(map, key, pkgDir, conditions, kind) {
  if (Object.prototype.hasOwnProperty.call(map, key) && !key.includes('*')) return resolveTarget(pkgDir, map[key], undefined, conditions, kind);
  let best = null, bestSub;
  for (const k of Object.keys(map)) {
    const star = k.indexOf('*');
    if (star < 0) continue;
    const prefix = k.slice(0, star), suffix = k.slice(star + 1);
    if (key.startsWith(prefix) && key.length >= k.length - 1 && key.endsWith(suffix)) {
      if (!best || k.length > best.length) { best = k; bestSub = key.slice(prefix.length, key.length - suffix.length); }
    }
  }
  return best ? resolveTarget(pkgDir, map[best], bestSub, conditions, kind) : undefined;
}
function exportsResolve(pkgDir, exportsField, subpath, conditions, request, from) {
  let map = exportsField;
  if (typeof map === 'string' || Array.isArray(map) || (map && typeof map === 'object' && !Object.keys(map).some(k => k.startsWith('.')))) map = { '.': map };
  const r = matchMap(map, subpath, pkgDir, conditions, 'exports');
  if (!r || !r.file) {
    const e = new Error((subpath === '.' ? 'No "exports" main defined' : "Package subpath '" + subpath + "' is not defined by \"exports\"") + ' in ' + pkgDir + '/package.json');
    e.code = 'ERR_PACKAGE_PATH_NOT_EXPORTED';
    throw e;
  }
  if (statType(r.file) !== 'FILE') throw notFound(request, from);
  return r.file;
}

// Like Node (without --preserve-symlinks): a module is known by its real path, so a package reached through a
// symlink (pnpm layouts, /opt/agentos/bin links) finds its own package.json scope and dependencies.
const realpathCache = new Map();
function resolve(request, fromDir, conditions, fromFile) {
  const f = resolveUnreal(request, fromDir, conditions, fromFile);
  if (!f.startsWith('/')) return f;
  let real = realpathCache.get(f);
  if (real === undefined) {
    try { real = String(host.realpath(f)); } catch (e) { real = f; }
    realpathCache.set(f, real);
  }
  return real;
}
function resolveUnreal(request, fromDir, conditions, fromFile) {
  if (typeof request !== 'string') throw typeError('ERR_INVALID_ARG_TYPE', 'The "id" argument must be of type string. Received ' + inspect(request));
  conditions = conditions || REQUIRE_CONDITIONS;
  const from = fromFile || fromDir;
  if (builtinName(request)) return 'node:' + builtinName(request);
  if (request.startsWith('node:')) { const e = new Error('No such built-in module: ' + request); e.code = 'ERR_UNKNOWN_BUILTIN_MODULE'; throw e; }
  if (request.startsWith('file:')) request = fileURLToPath(request);
  if (request.startsWith('./') || request.startsWith('../') || request.startsWith('/') || request === '.' || request === '..') {
    const p = path.resolve(fromDir, request);
    const f = (request.endsWith('/') ? null : tryExtensions(p)) || tryDirectory(p);
    if (f) return f;
    throw notFound(request, from);
  }
  if (request.startsWith('#')) {
    const scope = packageScope(fromDir);
    if (scope && scope.pkg.imports) {
      const r = matchMap(scope.pkg.imports, request, scope.dir, conditions, 'imports');
      if (r && r.file) return r.file;
      if (r && r.bare) return resolve(r.bare, scope.dir, conditions, from);
    }
    const e = new Error('Package import specifier "' + request + '" is not defined in package ' + (scope ? scope.dir + '/package.json' : fromDir));
    e.code = 'ERR_PACKAGE_IMPORT_NOT_DEFINED';
    throw e;
  }
  const parts = request.split('/');
  const name = request.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const rest = request.slice(name.length);
  const subpath = '.' + rest;
  // A package may import itself by name through its own "exports".
  const self = packageScope(fromDir);
  if (self && self.pkg.name === name && self.pkg.exports !== undefined) return exportsResolve(self.dir, self.pkg.exports, subpath, conditions, request, from);
  for (const dir of nodeModulePaths(fromDir)) {
    const pkgDir = dir + '/' + name;
    if (statType(pkgDir) !== 'DIRECTORY') continue;
    const pkg = readPackageJson(pkgDir);
    if (pkg && pkg.exports !== undefined && pkg.exports !== null) return exportsResolve(pkgDir, pkg.exports, subpath, conditions, request, from);
    const p = pkgDir + rest;
    const f = (rest ? tryExtensions(p) : null) || tryDirectory(p);
    if (f) return f;
  }
  throw notFound(request, from);
}

function isEsmFile(file) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs') || file.endsWith('.json')) return false;
  const scope = packageScope(path.dirname(file));
  return !!(scope && scope.pkg.type === 'module');
}

function stripShebang(src) { return src.startsWith('#!') ? '//' + src.slice(2) : src; }

function compileWrapper(source, filename) {
  let body = stripShebang(source);
  if (body.includes('import(')) body = rewriteModule(body, filename, false);
  const wrapped = '(function (exports, require, module, __filename, __dirname) { ' + body + '\n})\n//# sourceURL=' + filename;
  return (0, eval)(wrapped);
}

Module._extensions['.js'] = function (module, filename) {
  const source = sys('open', filename, () => String(host.readFileString(filename)));
  if (isEsmFile(filename)) throw esmUnsupported(filename);
  module._compile(source, filename);
};
Module._extensions['.cjs'] = Module._extensions['.js'];
Module._extensions['.json'] = function (module, filename) {
  const source = sys('open', filename, () => String(host.readFileString(filename)));
  try { module.exports = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source); } catch (e) { e.message = filename + ': ' + e.message; throw e; }
};
Module._extensions['.mjs'] = function (module, filename) { throw esmUnsupported(filename); };
Module._extensions['.node'] = function (module, filename) {
  const e = new Error('Native addons cannot be loaded in an Agent OS VM: ' + filename);
  e.code = 'ERR_DLOPEN_FAILED';
  throw e;
};
Module.prototype._compile = function (source, filename) {
  const fn = compileWrapper(source, filename);
  return fn.call(this.exports, this.exports, this.require, this, filename, path.dirname(filename));
};

// Node 22 cannot require() an ES module without --experimental-require-module; neither can we.
function esmUnsupported(filename) {
  const e = new Error('require() of ES Module ' + filename + ' not supported.\nInstead change the require to a dynamic import() which is available in all CommonJS modules.');
  e.code = 'ERR_REQUIRE_ESM';
  return e;
}

function loadModule(filename, parent, isMain) {
  if (filename.startsWith('node:')) return loadBuiltin(filename.slice(5));
  const cached = Module._cache[filename];
  if (cached) return cached.exports;
  const module = new Module(filename, parent);
  if (isMain) { module.id = '.'; process.mainModule = module; requireMain = module; }
  Module._cache[filename] = module;
  if (parent) parent.children.push(module);
  let ok = false;
  try {
    const ext = path.extname(filename);
    (Module._extensions[ext] || Module._extensions['.js'])(module, filename);
    ok = true;
  } finally {
    if (!ok) delete Module._cache[filename];
  }
  module.loaded = true;
  return module.exports;
}

let requireMain;
function makeRequire(module) {
  const dir = module.path;
  const require = function (id) {
    const filename = resolve(id, dir, REQUIRE_CONDITIONS, module.filename);
    return loadModule(filename, module, false);
  };
  require.resolve = (id, opts) => {
    if (opts && opts.paths) {
      for (const p of opts.paths) { try { return resolve(id, path.resolve(p)); } catch (e) { /* next */ } }
      throw notFound(id, module.filename);
    }
    const r = resolve(id, dir, REQUIRE_CONDITIONS, module.filename);
    return r.startsWith('node:') ? r.slice(5) : r;
  };
  require.resolve.paths = (id) => builtinName(id) ? null : nodeModulePaths(dir);
  require.cache = Module._cache;
  require.extensions = Module._extensions;
  Object.defineProperty(require, 'main', { get: () => requireMain, enumerable: true });
  return require;
}


// ---------------------------------------------------------------- ES modules
//
// GraalJS links ES modules itself but knows nothing of Node's resolution, so every module source it reads comes
// from here (ModuleFileSystem): static specifiers are rewritten to absolute paths found by our resolver with the
// import conditions, builtins and CommonJS modules become small virtual modules, and import() goes through
// esmImport() so computed specifiers resolve the same way.

const VIRTUAL = '/__agentos__/';
const esmEvalSources = new Map();
const esmErrors = new Map();
function translateEsmError(e) {
  const m = /\/__agentos__\/error\/\d+\.mjs/.exec(String(e && e.message));
  if (m && esmErrors.has(m[0])) throw esmErrors.get(m[0]);
  throw e;
}
let nextEvalModule = 1;
const IMPORT_HOOK = Symbol.for('agentos.import');
const REQUIRE_HOOK = Symbol.for('agentos.require');
const BUILTIN_HOOK = Symbol.for('agentos.builtin');
Object.defineProperty(G, IMPORT_HOOK, { value: (referrer, spec) => esmImport(referrer, spec) });
Object.defineProperty(G, REQUIRE_HOOK, { value: (file) => loadModule(file, null, false) });
Object.defineProperty(G, BUILTIN_HOOK, { value: (name) => loadBuiltin(name) });

function rewriteModule(src, filename, isModule) {
  const flat = host.scanImports(src, isModule);
  if (!flat.length) return src;
  const hits = [];
  for (let k = 0; k < flat.length; k += 3) hits.push({ start: flat[k], end: flat[k + 1], kind: flat[k + 2] === 1 ? 'dynamic' : 'static' });
  const parts = [];
  let last = 0;
  for (const h of hits) {
    parts.push(src.slice(last, h.start));
    if (h.kind === 'dynamic') parts.push('globalThis[Symbol.for("agentos.import")](' + JSON.stringify(filename) + ', ');
    else parts.push(esmSpecifier(src.slice(h.start, h.end), filename).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/"/g, '\\"'));
    last = h.end;
  }
  parts.push(src.slice(last));
  return parts.join('');
}

// The absolute path GraalJS should load for `spec` imported from `referrer`.
function esmSpecifier(spec, referrer) {
  let r;
  try {
    r = resolve(spec, referrer.startsWith(VIRTUAL) ? process.cwd() : path.dirname(referrer), IMPORT_CONDITIONS, referrer);
  } catch (e) {
    const id = nextEvalModule++;
    const p = VIRTUAL + 'error/' + id + '.mjs';
    const code = e.code === 'MODULE_NOT_FOUND' ? 'ERR_MODULE_NOT_FOUND' : e.code;
    const message = e.code === 'MODULE_NOT_FOUND' ? "Cannot find " + (/^[./]/.test(spec) ? 'module' : 'package') + " '" + spec + "' imported from " + referrer : e.message;
    // A path with no source: linking fails there, and translateEsmError() reports the resolver's error instead.
    esmErrors.set(p, Object.assign(new Error(message), { code }));
    return p;
  }
  if (r.startsWith('node:')) return VIRTUAL + 'builtin/' + r.slice(5) + '.mjs';
  if (r.endsWith('.json') || isEsmFile(r)) return r;
  return VIRTUAL + 'cjs' + r;
}

function esmImport(referrer, spec) {
  if (typeof spec !== 'string') spec = String(spec);
  let target;
  try { target = esmSpecifier(spec, referrer); } catch (e) { return Promise.reject(e); }
  return import(target).catch(translateEsmError);
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
// A module re-exporting `obj` (evaluated from `expr`): default plus each named key; for builtins also every name
// Node exports, as a function saying it is not available when this runtime lacks it.
function reexport(expr, obj, builtin) {
  let s = 'const __m = ' + expr + ';\nexport default __m;\n';
  let k = 0;
  const names = new Set(obj !== null && (typeof obj === 'object' || typeof obj === 'function') ? Object.keys(obj) : []);
  if (builtin && BUILTIN_EXPORTS[builtin]) for (const n of BUILTIN_EXPORTS[builtin]) names.add(n);
  for (const name of names) {
    if (name === 'default' || !IDENT.test(name)) continue;
    const value = builtin ? '(__m[' + JSON.stringify(name) + '] ?? __missing(' + JSON.stringify(builtin + '.' + name) + '))' : '__m[' + JSON.stringify(name) + ']';
    s += 'const __e' + k + ' = ' + value + ';\nexport { __e' + k + ' as ' + name + ' };\n';
    k++;
  }
  if (builtin) s = 'const __missing = (n) => function () { const e = new Error(n + " is not available yet in this runtime"); e.code = "ERR_NOT_AVAILABLE"; throw e; };\n' + s;
  return s;
}

function moduleSource(p) {
  if (p.startsWith(VIRTUAL)) {
    if (esmEvalSources.has(p)) return esmEvalSources.get(p);
    if (p.startsWith(VIRTUAL + 'builtin/')) {
      const name = p.slice(VIRTUAL.length + 8, -4);
      if (!builtinName(name)) return null;
      return reexport('globalThis[Symbol.for("agentos.builtin")](' + JSON.stringify(name) + ')', loadBuiltin(name), name);
    }
    if (p.startsWith(VIRTUAL + 'cjs/')) {
      const file = p.slice(VIRTUAL.length + 3);
      const exportsObj = loadModule(file, null, false);
      return reexport('globalThis[Symbol.for("agentos.require")](' + JSON.stringify(file) + ')', exportsObj);
    }
    return null;
  }
  let source;
  try { source = String(host.readFileString(p)); } catch (e) { return null; }
  if (p.endsWith('.json')) return source;
  return rewriteModule(stripShebang(source), p, true);
}
host.setModuleSource(moduleSource);

function runEsmMain(filename) {
  return import(esmSpecifier(filename, process.cwd() + '/')).catch(translateEsmError).catch(uncaught);
}
function runEsmEval(source, print) {
  const p = VIRTUAL + 'eval/' + (nextEvalModule++) + '.mjs';
  esmEvalSources.set(p, rewriteModule(source, path.join(process.cwd(), '[eval1]'), true));
  return import(p).catch(translateEsmError).then((ns) => { if (print) console.log(ns); }).catch(uncaught);
}

// ---------------------------------------------------------------- globals

G.process = process;
G.Buffer = Buffer;
G.console = console;
G.setTimeout = setTimeout; G.setInterval = setInterval; G.clearTimeout = clearTimeout; G.clearInterval = clearTimeout;
G.setImmediate = setImmediate; G.clearImmediate = clearTimeout;
G.queueMicrotask = G.queueMicrotask || ((fn) => Promise.resolve().then(fn));
G.structuredClone = G.structuredClone || ((v) => v === undefined ? undefined : deepClone(v, new Map()));
function deepClone(v, seen) {
  if (typeof v !== 'object' || v === null) { if (typeof v === 'function' || typeof v === 'symbol') { const e = new Error(String(v) + ' could not be cloned.'); e.name = 'DataCloneError'; throw e; } return v; }
  if (seen.has(v)) return seen.get(v);
  if (v instanceof Date) return new Date(v.getTime());
  if (v instanceof RegExp) return new RegExp(v.source, v.flags);
  if (ArrayBuffer.isView(v)) return v.slice();
  if (v instanceof Map) { const m = new Map(); seen.set(v, m); for (const [k, x] of v) m.set(deepClone(k, seen), deepClone(x, seen)); return m; }
  if (v instanceof Set) { const s = new Set(); seen.set(v, s); for (const x of v) s.add(deepClone(x, seen)); return s; }
  const out = Array.isArray(v) ? [] : {};
  seen.set(v, out);
  for (const k of Object.keys(v)) out[k] = deepClone(v[k], seen);
  return out;
}
G.atob = G.atob || ((s) => Buffer.from(String(s), 'base64').toString('latin1'));
G.btoa = G.btoa || ((s) => Buffer.from(String(s), 'latin1').toString('base64'));
if (typeof G.performance === 'undefined') G.performance = { now: () => (host.hrtime() - startNanos) / 1e6, timeOrigin: host.now(), mark() {}, measure() {}, getEntriesByName: () => [], clearMarks() {}, clearMeasures() {} };
// WHATWG streams from web-streams-polyfill (npm), evaluated on first use so processes that never touch them pay nothing.
let webStreams = null;
function loadWebStreams() {
  if (!webStreams) {
    const module = { exports: {} };
    (0, eval)('(function (exports, module) {' + String(host.webStreamsSource()) + '\n})\n//# sourceURL=node:internal/web-streams-polyfill.js')(module.exports, module);
    webStreams = module.exports;
  }
  return webStreams;
}
for (const name of ['ReadableStream', 'ReadableStreamDefaultReader', 'ReadableStreamBYOBReader', 'ReadableStreamDefaultController',
  'ReadableByteStreamController', 'ReadableStreamBYOBRequest', 'WritableStream', 'WritableStreamDefaultWriter',
  'WritableStreamDefaultController', 'TransformStream', 'TransformStreamDefaultController', 'ByteLengthQueuingStrategy',
  'CountQueuingStrategy']) {
  if (typeof G[name] !== 'undefined') continue;
  Object.defineProperty(G, name, {
    configurable: true, enumerable: false,
    get() { const v = loadWebStreams()[name]; Object.defineProperty(G, name, { value: v, writable: true, configurable: true, enumerable: false }); return v; },
    set(v) { Object.defineProperty(G, name, { value: v, writable: true, configurable: true, enumerable: false }); },
  });
}
builtinFactories['stream/web'] = () => loadWebStreams();

class Blob {
  constructor(parts = [], options = {}) {
    const chunks = [];
    for (const p of parts) {
      if (p instanceof Blob) chunks.push(p._bytes);
      else if (typeof p === 'string') chunks.push(encoder.encode(p));
      else chunks.push(asBytes(p));
    }
    const total = chunks.reduce((n, c) => n + c.length, 0);
    this._bytes = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) { this._bytes.set(c, off); off += c.length; }
    this.type = options.type ? String(options.type).toLowerCase() : '';
  }
  get size() { return this._bytes.length; }
  slice(start = 0, end = this.size, type = '') { const b = new Blob([], { type }); b._bytes = this._bytes.slice(start, end); return b; }
  async text() { return decoder.decode(this._bytes); }
  async arrayBuffer() { return this._bytes.slice().buffer; }
  async bytes() { return this._bytes.slice(); }
  stream() { const bytes = this._bytes; return new G.ReadableStream({ start(c) { if (bytes.length) c.enqueue(bytes.slice()); c.close(); } }); }
  get [Symbol.toStringTag]() { return 'Blob'; }
}
class File extends Blob {
  constructor(parts, name, options = {}) { super(parts, options); this.name = String(name); this.lastModified = options.lastModified || Date.now(); }
  get [Symbol.toStringTag]() { return 'File'; }
}
if (typeof G.Blob === 'undefined') { G.Blob = Blob; G.File = File; }

// MessageChannel within one process (no workers exist): messages are structured clones delivered on a later turn.
class MessagePort extends EventEmitter {
  constructor() { super(); this._other = null; this._closed = false; this.onmessage = null; }
  postMessage(value) {
    const target = this._other;
    if (this._closed || !target || target._closed) return;
    const data = G.structuredClone(value);
    setImmediate(() => {
      if (target._closed) return;
      const event = { data, target, type: 'message' };
      if (typeof target.onmessage === 'function') target.onmessage(event);
      target.emit('message', data);
    });
  }
  addEventListener(type, fn) { this.on(type, (data) => (typeof fn === 'function' ? fn : fn.handleEvent.bind(fn))({ data, target: this, type })); }
  removeEventListener() {}
  start() {}
  close() {
    if (this._closed) return;
    this._closed = true;
    const other = this._other;
    setImmediate(() => { this.emit('close'); if (other && !other._closed) { other._closed = true; other.emit('close'); } });
  }
  ref() { return this; }
  unref() { return this; }
  hasRef() { return false; }
}
class MessageChannel {
  constructor() { this.port1 = new MessagePort(); this.port2 = new MessagePort(); this.port1._other = this.port2; this.port2._other = this.port1; }
}
if (typeof G.MessageChannel === 'undefined') { G.MessageChannel = MessageChannel; G.MessagePort = MessagePort; }
if (typeof G.DOMException === 'undefined') G.DOMException = class DOMException extends Error { constructor(message, name) { super(message); this.name = name || 'Error'; } };

// WHATWG fetch over the runtime's http/https (so it goes through the kernel's sockets and the VM's network policy).
function makeFetch() {
  const http = loadBuiltin('http');
  const https = loadBuiltin('https');
  const kList = Symbol('headers list');
  const kGuard = Symbol('headers guard');
  function normName(n) {
    n = String(n);
    if (!TOKEN_RE.test(n)) throw new TypeError("Headers: '" + n + "' is an invalid header name.");
    return n.toLowerCase();
  }
  function normValue(v) { return String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''); }
  class Headers {
    constructor(init) {
      this[kList] = [];
      this[kGuard] = 'none';
      if (init === undefined || init === null) return;
      if (init instanceof Headers) { for (const [k, v] of init[kList]) this[kList].push([k, v]); return; }
      if (typeof init !== 'object') throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const p = Array.from(pair);
          if (p.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + p.length + '.');
          this.append(p[0], p[1]);
        }
      } else for (const k of Object.keys(init)) this.append(k, init[k]);
    }
    append(name, value) { this[kList].push([normName(name), normValue(value)]); }
    delete(name) { const n = normName(name); this[kList] = this[kList].filter(([k]) => k !== n); }
    get(name) { const n = normName(name); const v = this[kList].filter(([k]) => k === n).map(([, x]) => x); return v.length ? v.join(', ') : null; }
    getSetCookie() { return this[kList].filter(([k]) => k === 'set-cookie').map(([, v]) => v); }
    has(name) { const n = normName(name); return this[kList].some(([k]) => k === n); }
    set(name, value) {
      const n = normName(name), v = normValue(value);
      const i = this[kList].findIndex(([k]) => k === n);
      if (i < 0) { this[kList].push([n, v]); return; }
      this[kList][i] = [n, v];
      this[kList] = this[kList].filter(([k], j) => k !== n || j === i);
    }
    *entries() {
      const names = [...new Set(this[kList].map(([k]) => k))].sort();
      for (const n of names) {
        if (n === 'set-cookie') for (const v of this.getSetCookie()) yield [n, v];
        else yield [n, this.get(n)];
      }
    }
    keys() { return (function* (it) { for (const [k] of it) yield k; })(this.entries()); }
    values() { return (function* (it) { for (const [, v] of it) yield v; })(this.entries()); }
    forEach(cb, thisArg) { for (const [k, v] of this.entries()) cb.call(thisArg, v, k, this); }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return 'Headers'; }
    [inspectCustom]() { return 'Headers ' + inspect(Object.fromEntries(this.entries())); }
  }

  class FormData {
    constructor() { this._entries = []; }
    append(name, value, filename) { this._entries.push([String(name), toFormValue(value, filename)]); }
    set(name, value, filename) { this.delete(name); this.append(name, value, filename); }
    delete(name) { this._entries = this._entries.filter(([k]) => k !== String(name)); }
    get(name) { const e = this._entries.find(([k]) => k === String(name)); return e ? e[1] : null; }
    getAll(name) { return this._entries.filter(([k]) => k === String(name)).map(([, v]) => v); }
    has(name) { return this._entries.some(([k]) => k === String(name)); }
    *entries() { yield* this._entries; }
    keys() { return this._entries.map(([k]) => k)[Symbol.iterator](); }
    values() { return this._entries.map(([, v]) => v)[Symbol.iterator](); }
    forEach(cb, thisArg) { for (const [k, v] of this._entries) cb.call(thisArg, v, k, this); }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return 'FormData'; }
  }
  function toFormValue(value, filename) {
    if (value instanceof G.Blob) {
      if (filename !== undefined || !(value instanceof G.File)) return new G.File([value], filename !== undefined ? String(filename) : value.name || 'blob', { type: value.type });
      return value;
    }
    return String(value);
  }

  // Extracts a body: [bytes or null, ReadableStream or null, content-type or null].
  function extractBody(body) {
    if (body === undefined || body === null) return [null, null, null];
    if (typeof body === 'string') return [encoder.encode(body), null, 'text/plain;charset=UTF-8'];
    if (body instanceof URLSearchParams) return [encoder.encode(body.toString()), null, 'application/x-www-form-urlencoded;charset=UTF-8'];
    if (body instanceof ArrayBuffer) return [new Uint8Array(body.slice(0)), null, null];
    if (ArrayBuffer.isView(body)) return [new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)), null, null];
    if (body instanceof G.Blob) return [body._bytes.slice(), null, body.type || null];
    if (body instanceof FormData) {
      const boundary = '----formdata-agentos-' + Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);
      const parts = [];
      const esc = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
      for (const [k, v] of body._entries) {
        if (typeof v === 'string') parts.push(encoder.encode('--' + boundary + '\r\nContent-Disposition: form-data; name="' + esc(k) + '"\r\n\r\n' + v.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n') + '\r\n'));
        else {
          parts.push(encoder.encode('--' + boundary + '\r\nContent-Disposition: form-data; name="' + esc(k) + '"; filename="' + esc(v.name) + '"\r\nContent-Type: ' + (v.type || 'application/octet-stream') + '\r\n\r\n'));
          parts.push(v._bytes, encoder.encode('\r\n'));
        }
      }
      parts.push(encoder.encode('--' + boundary + '--\r\n'));
      return [Buffer.concat(parts.map((p) => Buffer.from(p))), null, 'multipart/form-data; boundary=' + boundary];
    }
    if (body instanceof G.ReadableStream) return [null, body, null];
    if (typeof body[Symbol.asyncIterator] === 'function') {
      const it = body[Symbol.asyncIterator]();
      return [null, new G.ReadableStream({ async pull(c) { const { value, done } = await it.next(); if (done) c.close(); else c.enqueue(typeof value === 'string' ? encoder.encode(value) : asBytes(value)); } }), null];
    }
    return [encoder.encode(String(body)), null, 'text/plain;charset=UTF-8'];
  }
  class Body {
    _initBody(body, headers) {
      const [bytes, stream, type] = extractBody(body);
      this._bytes = bytes;
      this._stream = stream;
      this._bodyUsed = false;
      if (type && !headers.has('content-type')) headers.set('content-type', type);
    }
    get body() {
      if (this._stream) return this._stream;
      if (this._bytes === null) return null;
      const bytes = this._bytes;
      this._stream = new G.ReadableStream({ start(c) { if (bytes.length) c.enqueue(bytes); c.close(); } });
      return this._stream;
    }
    get bodyUsed() { return this._bodyUsed || !!(this._stream && this._stream.locked && this._consumed); }
    async _consume() {
      if (this._bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
      this._bodyUsed = true;
      if (!this._stream) return this._bytes ? this._bytes : new Uint8Array(0);
      if (this._stream.locked) throw new TypeError('Body is unusable: Body has already been read');
      this._consumed = true;
      const reader = this._stream.getReader();
      const chunks = [];
      for (;;) { const { value, done } = await reader.read(); if (done) break; chunks.push(typeof value === 'string' ? encoder.encode(value) : asBytes(value)); }
      return new Uint8Array(Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))));
    }
    async arrayBuffer() { const b = await this._consume(); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); }
    async bytes() { return new Uint8Array(await this.arrayBuffer()); }
    async text() { return decoder.decode(await this._consume()); }
    async json() { return JSON.parse(await this.text()); }
    async blob() { const b = await this._consume(); return new G.Blob([b], { type: (this.headers.get('content-type') || '') }); }
    async formData() {
      const type = this.headers.get('content-type') || '';
      if (/application\/x-www-form-urlencoded/i.test(type)) { const f = new FormData(); for (const [k, v] of new URLSearchParams(await this.text())) f.append(k, v); return f; }
      throw new TypeError('formData() supports application/x-www-form-urlencoded bodies only in this runtime');
    }
  }
  function mixin(cls) { for (const k of Object.getOwnPropertyNames(Body.prototype)) if (k !== 'constructor') Object.defineProperty(cls.prototype, k, Object.getOwnPropertyDescriptor(Body.prototype, k)); }

  class Request {
    constructor(input, init) {
      init = init || {};
      const base = input instanceof Request ? input : null;
      let url;
      if (base) url = base.url;
      else {
        try { url = new URL(String(input instanceof URL ? input.href : input)).href; } catch (e) { throw new TypeError('Failed to parse URL from ' + String(input), { cause: e }); }
      }
      this.url = url;
      this.method = String(init.method || (base ? base.method : 'GET')).toUpperCase();
      if (!TOKEN_RE.test(this.method)) throw new TypeError("'" + init.method + "' is not a valid HTTP method.");
      this.headers = new Headers(init.headers !== undefined ? init.headers : base ? base.headers : undefined);
      this.signal = init.signal !== undefined ? init.signal : base ? base.signal : null;
      if (!this.signal) this.signal = new G.AbortController().signal;
      this.redirect = init.redirect || (base ? base.redirect : 'follow');
      this.credentials = init.credentials || 'same-origin';
      this.mode = init.mode || 'cors';
      this.cache = init.cache || 'default';
      this.referrer = 'about:client';
      this.referrerPolicy = init.referrerPolicy || '';
      this.integrity = init.integrity || '';
      this.keepalive = !!init.keepalive;
      this.destination = '';
      this.duplex = init.duplex || 'half';
      const body = init.body !== undefined ? init.body : base ? (base._bytes || base._stream) : null;
      if (body !== null && body !== undefined && (this.method === 'GET' || this.method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
      this._initBody(body, this.headers);
    }
    clone() { return new Request(this); }
    get [Symbol.toStringTag]() { return 'Request'; }
  }
  mixin(Request);

  const NULL_BODY = new Set([101, 103, 204, 205, 304]);
  class Response {
    constructor(body, init) {
      init = init || {};
      this.status = init.status !== undefined ? Number(init.status) : 200;
      if (this.status < 200 || this.status > 599) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
      this.statusText = init.statusText !== undefined ? String(init.statusText) : '';
      this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
      this.type = 'default';
      this.url = '';
      this.redirected = false;
      if (body !== null && body !== undefined && NULL_BODY.has(this.status)) throw new TypeError('Response constructor: Invalid response status code ' + this.status);
      this._initBody(body, this.headers);
    }
    get ok() { return this.status >= 200 && this.status < 300; }
    clone() {
      if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
      let body = this._bytes;
      if (this._stream) { const [a, b] = this._stream.tee(); this._stream = a; body = b; }
      const r = new Response(null, { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) });
      r._bytes = this._stream ? null : body; r._stream = this._stream ? body : null;
      r.url = this.url; r.redirected = this.redirected; r.type = this.type;
      return r;
    }
    static json(data, init) { const h = new Headers(init && init.headers); if (!h.has('content-type')) h.set('content-type', 'application/json'); return new Response(JSON.stringify(data), Object.assign({}, init, { headers: h })); }
    static error() { const r = new Response(null, { status: 200 }); r.status = 0; r.type = 'error'; return r; }
    static redirect(url, status = 302) { return new Response(null, { status, headers: { location: new URL(url).href } }); }
    get [Symbol.toStringTag]() { return 'Response'; }
  }
  mixin(Response);

  function abortReason(signal) {
    return signal.reason !== undefined ? signal.reason : new G.DOMException('This operation was aborted', 'AbortError');
  }
  function failed(cause) { return new TypeError('fetch failed', { cause }); }

  function fetch(input, init) {
    let request;
    try { request = new Request(input, init); } catch (e) { return Promise.reject(e); }
    const signal = request.signal;
    if (signal.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      let url = new URL(request.url);
      let method = request.method;
      let redirects = 0;
      let bodyBytes = request._bytes;
      let bodyStream = request._stream;
      let current = null;
      let settled = false;
      const onAbort = () => {
        const reason = abortReason(signal);
        if (current) current.destroy();
        if (!settled) { settled = true; reject(reason); }
        else if (current && current.res && !current.res.complete) current.res.destroy(reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const start = () => {
        if (url.protocol === 'data:') {
          const m = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url.href);
          if (!m) { settled = true; reject(failed(new Error('invalid data: URL'))); return; }
          const bytes = m[2] ? Buffer.from(decodeURIComponent(m[3]), 'base64') : Buffer.from(decodeURIComponent(m[3]));
          settled = true;
          resolve(new Response(bytes, { status: 200, statusText: 'OK', headers: { 'content-type': m[1] || 'text/plain;charset=US-ASCII' } }));
          return;
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') { settled = true; reject(failed(new Error('unknown scheme ' + url.protocol))); return; }
        const headers = [];
        if (!request.headers.has('host')) headers.push('host', url.host);
        for (const [k, v] of request.headers[kList]) headers.push(k, v);
        if (!request.headers.has('accept')) headers.push('accept', '*/*');
        if (!request.headers.has('user-agent')) headers.push('user-agent', 'node');
        if (!request.headers.has('accept-language')) headers.push('accept-language', '*');
        if (bodyBytes && !request.headers.has('content-length')) headers.push('content-length', String(bodyBytes.length));
        const mod = url.protocol === 'https:' ? https : http;
        const req = mod.request({ protocol: url.protocol, hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port || undefined,
          path: url.pathname + url.search, method, headers, agent: false });
        current = req;
        req.on('error', (e) => { if (!settled) { settled = true; reject(signal.aborted ? abortReason(signal) : failed(e)); } });
        req.on('response', (res) => {
          const status = res.statusCode;
          const location = res.headers.location;
          if ([301, 302, 303, 307, 308].includes(status) && location !== undefined && request.redirect !== 'manual') {
            res.resume();
            if (request.redirect === 'error') { settled = true; reject(failed(new Error('unexpected redirect'))); return; }
            if (++redirects > 20) { settled = true; reject(failed(new Error('redirect count exceeded'))); return; }
            if (bodyStream && status !== 303) { settled = true; reject(failed(new Error('cannot follow a redirect with a streamed request body'))); return; }
            if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) { method = method === 'HEAD' ? 'HEAD' : 'GET'; bodyBytes = null; bodyStream = null; }
            url = new URL(location, url);
            start();
            return;
          }
          const headersOut = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2) headersOut.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
          const nullBody = method === 'HEAD' || NULL_BODY.has(status);
          const encoding = String(res.headers['content-encoding'] || '').toLowerCase();
          let body = null;
          if (!nullBody && (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate')) {
            const chunks = [];
            body = new G.ReadableStream({
              start(c) {
                res.on('data', (d) => chunks.push(d));
                res.on('end', () => {
                  try { const z = loadBuiltin('zlib'); c.enqueue(new Uint8Array(encoding === 'deflate' ? z.inflateSync(Buffer.concat(chunks)) : z.gunzipSync(Buffer.concat(chunks)))); c.close(); }
                  catch (e) { c.error(new TypeError('terminated', { cause: e })); }
                });
                res.on('error', (e) => c.error(new TypeError('terminated', { cause: e })));
              },
              cancel() { res.destroy(); },
            });
          } else if (!nullBody) {
            body = new G.ReadableStream({
              start(c) {
                res.on('data', (d) => { c.enqueue(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)); if (c.desiredSize !== null && c.desiredSize <= 0) res.pause(); });
                res.on('end', () => { try { c.close(); } catch (e) { /* cancelled */ } });
                res.on('error', (e) => { try { c.error(signal.aborted ? abortReason(signal) : new TypeError('terminated', { cause: e })); } catch (x) { /* cancelled */ } });
                res.on('aborted', () => { try { c.error(new TypeError('terminated', { cause: connResetError() })); } catch (x) { /* cancelled */ } });
              },
              pull() { res.resume(); },
              cancel() { res.destroy(); },
            }, { highWaterMark: 65536, size: (chunk) => chunk.byteLength });
          } else res.resume();
          const response = new Response(null, { status: status < 200 ? 200 : status, statusText: res.statusMessage || '', headers: headersOut });
          response.status = status;
          response._stream = body;
          response._bytes = null;
          response.url = url.href;
          response.redirected = redirects > 0;
          response.type = 'basic';
          settled = true;
          resolve(response);
        });
        if (bodyBytes) req.end(Buffer.from(bodyBytes.buffer, bodyBytes.byteOffset, bodyBytes.byteLength));
        else if (bodyStream) {
          const reader = bodyStream.getReader();
          const pump = () => reader.read().then(({ value, done }) => {
            if (done) { req.end(); return; }
            const b = typeof value === 'string' ? Buffer.from(value) : Buffer.from(asBytes(value));
            if (req.write(b)) pump(); else req.once('drain', pump);
          }, (e) => req.destroy(e));
          pump();
        } else req.end();
      };
      start();
    });
  }
  function connResetError() { const e = new Error('other side closed'); e.code = 'UND_ERR_SOCKET'; return e; }
  return { fetch, Headers, Request, Response, FormData };
}
let fetchApi = null;
for (const name of ['fetch', 'Headers', 'Request', 'Response', 'FormData']) {
  if (typeof G[name] !== 'undefined') continue;
  Object.defineProperty(G, name, {
    configurable: true, enumerable: false,
    get() { if (!fetchApi) fetchApi = makeFetch(); const v = fetchApi[name]; Object.defineProperty(G, name, { value: v, writable: true, configurable: true, enumerable: false }); return v; },
    set(v) { Object.defineProperty(G, name, { value: v, writable: true, configurable: true, enumerable: false }); },
  });
}

// ---------------------------------------------------------------- uncaught errors and the dispatcher

function describeError(e) {
  if (e instanceof Error || (e && typeof e === 'object' && 'stack' in e)) {
    let s = e.stack ? String(e.stack) : String(e);
    const extra = Object.keys(e).filter(k => k !== 'stack' && k !== 'message');
    if (extra.length) s += ' ' + formatProps(e, extra, 2, {}, new Set());
    return s;
  }
  return 'Uncaught ' + inspect(e);
}

function uncaught(e) {
  if (isHostExit(e)) throw e;
  if (domainState) {
    try { if (domainState.handle(e)) return; } catch (e2) { e = e2; }
  }
  if (process.listenerCount('uncaughtException')) {
    try { process.emit('uncaughtException', e, 'uncaughtException'); return; } catch (e2) { e = e2; }
  }
  if (workerInit && process.channel) {
    // A worker's uncaught error becomes the Worker's 'error' event in the parent.
    try { host.writeString(process.channel.fd, JSON.stringify({ cmd: 'NODE_WORKER_ERROR', v: encodeClone(e, new Map()) }) + '\n', -1); } catch (x) { /* parent gone */ }
    process.exitCode = 1;
    if (!process._exiting) { process._exiting = true; try { process.emit('exit', 1); } catch (x) { /* exit anyway */ } }
    host.exit(1);
  }
  try { process.stderr.write(describeError(e) + '\n\nNode.js ' + NODE_VERSION + '\n'); } catch (x) { /* stderr gone */ }
  process.exitCode = 1;
  if (!process._exiting) { process._exiting = true; try { process.emit('exit', 1); } catch (x) { /* exit anyway */ } }
  host.exit(1);
}
function isHostExit(e) {
  try { return e != null && typeof e === 'object' && host.isExit(e); } catch (x) { return false; }
}

function runMain() {
  if (process.env.NODE_CHANNEL_FD !== undefined) {
    // Started by fork() (or stdio 'ipc'): the channel is this fd; grandchildren must not inherit it.
    const fd = Number(process.env.NODE_CHANNEL_FD);
    delete process.env.NODE_CHANNEL_FD;
    delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
    if (Number.isInteger(fd) && fd >= 0) setupChannel(process, fd);
  }
  const args = argv.slice(1);
  const workerAt = args.indexOf('--agentos-worker');
  if (workerAt >= 0 && process.channel) { process.execArgv = args.slice(0, workerAt); runWorker(args); return; }
  let i = 0, evalSource = null, print = false, inputType = null, check = false;
  const execArgv = [];
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-pe') {
      print = print || a === '-p' || a === '--print' || a === '-pe';
      execArgv.push(a, args[i + 1]);
      evalSource = args[++i];
      if (evalSource === undefined) { process.stderr.write(argv[0] + ': ' + a + ' requires an argument\n'); host.exit(9); }
    } else if (a.startsWith('--input-type=')) { inputType = a.slice(13); execArgv.push(a); }
    else if (a === '-c' || a === '--check') { check = true; execArgv.push(a); }
    else if (a === '-v' || a === '--version') { process.stdout.write(NODE_VERSION + '\n'); return; }
    else if (a === '-h' || a === '--help') { process.stdout.write('Usage: node [options] [ script.js | -e "script" | - ] [arguments]\n'); return; }
    else if (a === '--') { i++; break; }
    else if (a === '-') break;
    else if (a.startsWith('-') && a !== '-') { execArgv.push(a); if (/^--(require|import|loader|experimental-loader|conditions|title|stack-size|max-old-space-size)$/.test(a) || a === '-r' || a === '-C') execArgv.push(args[++i]); }
    else break;
  }
  process.execArgv = execArgv;
  if (execArgv.includes('--no-deprecation')) process.noDeprecation = true;
  if (execArgv.includes('--throw-deprecation')) process.throwDeprecation = true;
  if (execArgv.includes('--trace-deprecation')) process.traceDeprecation = true;
  if (evalSource !== null && inputType === 'module') {
    process.argv = [process.execPath, ...args.slice(i)];
    runEsmEval(evalSource, print);
    return;
  }
  if (evalSource !== null) {
    process.argv = [process.execPath, ...args.slice(i)];
    const m = new Module(path.join(process.cwd(), '[eval]'), null);
    m.filename = '[eval]';
    m.id = '[eval]';
    const wrapped = 'return (function (exports, require, module, __filename, __dirname) { return eval(' + JSON.stringify(evalSource) + '); })';
    const result = new Function(wrapped)().call(m.exports, m.exports, m.require, m, '[eval]', '.');
    if (print) console.log(result);
    return;
  }
  const script = i < args.length && args[i] !== '-' ? args[i] : null;
  if (script === null) {
    // Script from stdin (`node < file`, `echo 'code' | node`).
    process.argv = [process.execPath, ...args.slice(i + 1)];
    const chunks = [];
    for (;;) { const c = fromHost(host.read(0, 65536, -1)); if (!c.length) break; chunks.push(c); }
    const source = Buffer.concat(chunks).toString();
    const m = new Module(path.join(process.cwd(), '[stdin]'), null);
    m.filename = '[stdin]';
    m._compile(source, '[stdin]');
    return;
  }
  const filename = resolve(path.resolve(script), process.cwd(), REQUIRE_CONDITIONS, process.cwd());
  process.argv = [process.execPath, filename, ...args.slice(i + 1)];
  if (check) { compileWrapper(String(host.readFileString(filename)), filename); return; }
  if (isEsmFile(filename)) { runEsmMain(filename); return; }
  loadModule(filename, null, true);
}

return function dispatch(kind, id, value) {
  try {
    switch (kind) {
      case 'main': runMain(); break;
      case 'timer': { const t = timerCallbacks.get(id); if (t) t._fire(); break; }
      case 'data': case 'end': case 'error': { const r = readers.get(id); if (r) r._hostEvent(kind, value); break; }
      case 'accept': case 'accepterror': case 'connect': case 'connecterror': case 'written': case 'lookup': case 'datagram': netEvent(kind, id, value); break;
      case 'child': { const c = children.get(id); children.delete(id); if (c) c([value[0], value[1]]); break; }
      case 'signal': process.emit(String(value), String(value), id); break;
      case 'beforeExit': process.emit('beforeExit', process.exitCode === undefined ? 0 : process.exitCode); break;
      case 'exit': {
        const code = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
        if (!process._exiting) { process._exiting = true; process.emit('exit', code); }
        host.setExitCode(process.exitCode === undefined ? code : Number(process.exitCode) | 0);
        break;
      }
    }
  } catch (e) {
    uncaught(e);
  }
  runTicks();
};
})
