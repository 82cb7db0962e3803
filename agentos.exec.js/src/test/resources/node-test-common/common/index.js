'use strict';
// Agent OS's own test/common for running Node's test/parallel in a VM (the upstream runner's contract): the
// helpers tests use most, written for this runtime. Not Node's file.
const assert = require('assert');
const path = require('path');
const util = require('util');

const mustCallChecks = [];
function runCallChecks(exitCode) {
  if (exitCode !== 0) return;
  const failed = mustCallChecks.filter((c) => ('minimum' in c ? c.actual < c.minimum : c.actual !== c.exact));
  for (const c of failed) {
    console.error('Mismatched %s function calls. Expected %s, actual %d.\n%s', c.name,
      'minimum' in c ? 'at least ' + c.minimum : 'exactly ' + c.exact, c.actual, c.stack);
  }
  if (failed.length) process.exit(1);
}
function noop() {}
function _mustCall(fn, criteria, field) {
  if (typeof fn === 'number') { criteria = fn; fn = noop; } else if (fn === undefined) fn = noop;
  if (criteria === undefined) criteria = 1;
  if (!mustCallChecks.length) process.on('exit', runCallChecks);
  const ctx = { [field]: criteria, actual: 0, stack: util.inspect(new Error()), name: fn.name || '<anonymous>' };
  mustCallChecks.push(ctx);
  const wrapped = function (...args) { ctx.actual++; return fn.apply(this, args); };
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}
function mustCall(fn, exact) { return _mustCall(fn, exact, 'exact'); }
function mustCallAtLeast(fn, minimum) { return _mustCall(fn, minimum, 'minimum'); }
function mustSucceed(fn, exact) {
  return mustCall(function (err, ...args) { assert.ifError(err); if (typeof fn === 'function') return fn.apply(this, args); }, exact);
}
function mustNotCall(msg) {
  return function mustNotCall(...args) {
    assert.fail(`${msg || 'function should not have been called'} at unknown` + (args.length ? '\ncalled with arguments: ' + args.map(String).join(', ') : ''));
  };
}
function expectsError(validator, exact) {
  return mustCall((...args) => {
    if (args.length !== 1) assert.fail('Expected one argument, got ' + util.inspect(args));
    const error = args.pop();
    assert.throws(() => { throw error; }, validator);
    return true;
  }, exact);
}
function invalidArgTypeHelper(input) {
  if (input == null) return ` Received ${input}`;
  if (typeof input === 'function') return ` Received function ${input.name}`;
  if (typeof input === 'object') {
    if (input.constructor && input.constructor.name) return ` Received an instance of ${input.constructor.name}`;
    return ` Received ${util.inspect(input, { depth: -1 })}`;
  }
  let inspected = util.inspect(input, { colors: false });
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return ` Received type ${typeof input} (${inspected})`;
}
function skip(msg) { console.log('1..0 # Skipped: ' + msg); process.exit(0); }
function printSkipMessage(msg) { console.log('1..0 # Skipped: ' + msg); }
function platformTimeout(ms) { return ms * 4; }
function expectWarning() {}
function getArrayBufferViews(buf) {
  const { buffer, byteOffset, byteLength } = buf;
  const out = [];
  for (const type of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, DataView]) {
    const { BYTES_PER_ELEMENT = 1 } = type;
    if (byteLength % BYTES_PER_ELEMENT === 0) out.push(new type(buffer, byteOffset, byteLength / BYTES_PER_ELEMENT));
  }
  return out;
}
function getBufferSources(buf) { return [...getArrayBufferViews(buf), new Uint8Array(buf).buffer]; }
function mustNotMutateObjectDeep(o) { return o; }
function spawnPromisified(...args) {
  const { spawn } = require('child_process');
  let stderr = '', stdout = '';
  const child = spawn(...args);
  child.stderr.setEncoding('utf8'); child.stderr.on('data', (d) => { stderr += d; });
  child.stdout.setEncoding('utf8'); child.stdout.on('data', (d) => { stdout += d; });
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout }));
    child.on('error', (code, signal) => reject({ code, signal, stderr, stdout }));
  });
}
function escapePOSIXShell(cmdParts, ...args) {
  const cmd = cmdParts.reduce((prev, next, i) => prev + (i === 1 ? '"$SCRIPT_ARG' : '"$SCRIPT_ARG') + i + '"' + next, cmdParts[0]).replace(/^"\$SCRIPT_ARG\d+"/, (m) => m);
  const env = { ...process.env };
  args.forEach((a, i) => { env['SCRIPT_ARG' + (i + 1)] = a; });
  return [cmd.replace(/\$SCRIPT_ARG(\d+)/g, (m, n) => '$SCRIPT_ARG' + n), { env }];
}

module.exports = {
  allowGlobals: noop,
  buildType: 'Release',
  canCreateSymLink: () => true,
  childShouldThrowAndAbort: noop,
  enoughTestMem: true,
  escapePOSIXShell,
  expectsError,
  expectWarning,
  getArrayBufferViews,
  getBufferSources,
  getCallSite: () => '',
  hasCrypto: true,
  hasIntl: typeof Intl === 'object',
  hasIPv6: false,
  hasMultiLocalhost: () => false,
  hasOpenSSL3: false,
  hasQuic: false,
  invalidArgTypeHelper,
  isAIX: false,
  isAlive: (pid) => { try { process.kill(pid, 'SIGCONT'); return true; } catch { return false; } },
  isDumbTerminal: process.env.TERM === 'dumb',
  isFreeBSD: false,
  isIBMi: false,
  isLinux: true,
  isMainThread: true,
  isMacOS: false,
  isOpenBSD: false,
  isSunOS: false,
  isWindows: false,
  localhostIPv4: '127.0.0.1',
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustNotMutateObjectDeep,
  mustSucceed,
  nodeProcessAborted: (code, signal) => signal === 'SIGABRT' || code === 134,
  PIPE: '/tmp/agentos-test.sock',
  platformTimeout,
  printSkipMessage,
  runWithInvalidFD: (fn) => fn(1 << 30),
  skip,
  skipIf32Bits: noop,
  skipIfEslintMissing: () => skip('no eslint'),
  skipIfInspectorDisabled: () => skip('no inspector in a VM'),
  skipIfSQLiteMissing: () => skip('no sqlite'),
  skipIfWorker: noop,
  spawnPromisified,
  get localIPv6Hosts() { return []; },
  get inFreeBSDJail() { return false; },
  get checkoutEOL() { return '\n'; },
};
