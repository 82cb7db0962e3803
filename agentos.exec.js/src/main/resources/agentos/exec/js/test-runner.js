// node:test for the VM: test/it, describe/suite, hooks, subtests, skip/todo/only, plan, waitFor and the mock
// tracker, reporting TAP on stdout and setting process.exitCode = 1 when a test fails. Evaluated on the first
// require('node:test'); `deps` are the runtime's own modules. Not provided: run() (test files in child processes),
// mock.timers and mock.module, snapshots, coverage.
(function (deps) {
  'use strict';
  const { assert, inspect, NodeError, typeError } = deps;

  const unavailable = (what) => () => {
    throw new NodeError('ERR_NOT_AVAILABLE', 'node:test ' + what + ' is not available in this runtime');
  };

  // ------------------------------------------------------------------------------------------------ mocks
  class MockFunctionContext {
    constructor(impl, original, times, restore) {
      this._impl = impl;
      this._original = original;
      this._times = times;
      this._once = new Map();
      this._calls = [];
      this._restore = restore;
    }
    get calls() { return this._calls.slice(); }
    callCount() { return this._calls.length; }
    mockImplementation(fn) {
      if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', 'The "implementation" argument must be of type function');
      this._impl = fn;
    }
    mockImplementationOnce(fn, onCall) {
      if (typeof fn !== 'function') throw typeError('ERR_INVALID_ARG_TYPE', 'The "implementation" argument must be of type function');
      this._once.set(onCall === undefined ? this._calls.length : onCall, fn);
    }
    resetCalls() { this._calls = []; }
    restore() { if (this._restore) this._restore(); }
    _next() {
      const n = this._calls.length;
      if (this._once.has(n)) { const f = this._once.get(n); this._once.delete(n); return f; }
      if (this._times !== undefined && n >= this._times) return this._original;
      return this._impl;
    }
  }

  // Like Node: a Proxy over the original, so prototype, name, length and instanceof stay the original's.
  function makeMock(original, impl, options, restore) {
    const ctx = new MockFunctionContext(impl, original, options && options.times, restore);
    const record = (call, run) => {
      try {
        call.result = run();
        return call.result;
      } catch (e) {
        call.error = e;
        throw e;
      } finally {
        ctx._calls.push(call);
      }
    };
    return new Proxy(original, {
      get(target, prop, receiver) { return prop === 'mock' ? ctx : Reflect.get(target, prop, receiver); },
      apply(target, thisArg, args) {
        const fn = ctx._next();
        return record({ arguments: args, error: undefined, result: undefined, stack: new Error(), target: undefined, this: thisArg },
          () => Reflect.apply(fn, thisArg, args));
      },
      construct(target, args, newTarget) {
        const fn = ctx._next();
        const call = { arguments: args, error: undefined, result: undefined, stack: new Error(), target: newTarget, this: undefined };
        return record(call, () => { const r = Reflect.construct(fn, args, newTarget); call.this = r; return r; });
      },
    });
  }

  class MockTracker {
    constructor() { this._mocks = []; }
    fn(original = function () {}, implementation = original, options = {}) {
      if (original !== null && typeof original === 'object') { options = original; original = function () {}; implementation = original; }
      else if (implementation !== null && typeof implementation === 'object') { options = implementation; implementation = original; }
      const m = makeMock(original, implementation, options, null);
      this._mocks.push(m.mock);
      return m;
    }
    method(object, methodName, implementation, options = {}) {
      if (implementation !== null && typeof implementation === 'object' && typeof implementation !== 'function') { options = implementation; implementation = undefined; }
      if (object === null || (typeof object !== 'object' && typeof object !== 'function')) {
        throw typeError('ERR_INVALID_ARG_TYPE', 'The "object" argument must be of type object');
      }
      let owner = object, desc;
      while (owner && !(desc = Object.getOwnPropertyDescriptor(owner, methodName))) owner = Object.getPrototypeOf(owner);
      if (!desc) throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'methodName' must be a method. Received " + inspect(methodName));
      const kind = options.getter ? 'get' : options.setter ? 'set' : 'value';
      const original = desc[kind];
      if (typeof original !== 'function') throw typeError('ERR_INVALID_ARG_VALUE', "The argument 'methodName' must be a method. Received " + inspect(methodName));
      const own = Object.getOwnPropertyDescriptor(object, methodName);
      const restore = () => { if (own) Object.defineProperty(object, methodName, own); else delete object[methodName]; };
      const m = makeMock(original, implementation || original, options, restore);
      const d = Object.assign({}, desc, { [kind]: m, configurable: true });
      Object.defineProperty(object, methodName, d);
      this._mocks.push(m.mock);
      return m;
    }
    getter(object, name, implementation, options = {}) { return this.method(object, name, implementation, Object.assign({}, options, { getter: true })); }
    setter(object, name, implementation, options = {}) { return this.method(object, name, implementation, Object.assign({}, options, { setter: true })); }
    reset() { this.restoreAll(); this._mocks = []; }
    restoreAll() { for (const m of this._mocks) m.restore(); }
    get timers() { return { enable: unavailable('mock.timers'), reset() {}, tick: unavailable('mock.timers'), runAll: unavailable('mock.timers'), setTime: unavailable('mock.timers') }; }
    module() { return unavailable('mock.module')(); }
  }

  // ------------------------------------------------------------------------------------------------ tests
  let failures = 0, passes = 0, skips = 0, todos = 0, suites = 0;
  let onlyMode = false;
  const out = (line) => process.stdout.write(line + '\n');

  function parseArgs(args) {
    let name, options = {}, fn;
    for (const a of args) {
      if (typeof a === 'string') name = a;
      else if (typeof a === 'function') fn = a;
      else if (a !== null && typeof a === 'object') options = a;
    }
    if (name === undefined) name = (fn && fn.name) || '<anonymous>';
    return { name, options, fn: fn || (() => {}) };
  }

  class TestContext {
    constructor(test) {
      this._test = test;
      this.mock = new MockTracker();
      this.assert = {};
      for (const k of Object.keys(assert)) if (k !== 'AssertionError' && k !== 'CallTracker' && k !== 'strict') this.assert[k] = assert[k];
      this.assert.snapshot = unavailable('t.assert.snapshot');
      this.assert.fileSnapshot = unavailable('t.assert.fileSnapshot');
    }
    get name() { return this._test.name; }
    get fullName() { return this._test.fullName(); }
    get filePath() { return process.argv[1]; }
    get signal() { return this._test.abort.signal; }
    diagnostic(msg) { this._test.diagnostics.push(String(msg)); }
    skip(msg) { this._test.skipped = msg === undefined ? true : msg; }
    todo(msg) { this._test.todo = msg === undefined ? true : msg; }
    runOnly() {}
    plan(count) {
      if (!Number.isInteger(count) || count < 0) throw typeError('ERR_INVALID_ARG_TYPE', 'The "count" argument must be an integer');
      this._test.plan = count;
      const t = this._test;
      const countAssert = (fn) => function (...a) { t.planned++; return fn.apply(this, a); };
      for (const k of Object.keys(this.assert)) if (typeof this.assert[k] === 'function') this.assert[k] = countAssert(assert[k]);
    }
    before(fn) { this._test.hooks.before.push(fn); }
    after(fn) { this._test.hooks.after.push(fn); }
    beforeEach(fn) { this._test.hooks.beforeEach.push(fn); }
    afterEach(fn) { this._test.hooks.afterEach.push(fn); }
    test(...args) { return this._test.addSubtest(parseArgs(args), false); }
    async waitFor(condition, options = {}) {
      const interval = options.interval === undefined ? 50 : options.interval;
      const timeout = options.timeout === undefined ? 1000 : options.timeout;
      const start = Date.now();
      for (;;) {
        try { return await condition(); } catch (e) {
          if (Date.now() - start >= timeout) throw e;
        }
        await new Promise((r) => setTimeout(r, interval));
      }
    }
  }

  class SuiteContext {
    constructor(test) { this._test = test; }
    get name() { return this._test.name; }
    get fullName() { return this._test.fullName(); }
    get filePath() { return process.argv[1]; }
    get signal() { return this._test.abort.signal; }
  }

  class Test {
    constructor(parent, spec, isSuite) {
      this.parent = parent;
      this.name = spec.name;
      this.options = spec.options || {};
      this.fn = spec.fn;
      this.isSuite = isSuite;
      this.children = [];
      this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
      this.diagnostics = [];
      this.skipped = this.options.skip || false;
      this.todo = this.options.todo || false;
      this.only = !!this.options.only;
      this.plan = this.options.plan;
      this.planned = 0;
      this.error = null;
      this.abort = new AbortController();
      this.depth = parent ? parent.depth + 1 : -1;
    }
    fullName() { return (this.parent && this.parent.parent ? this.parent.fullName() + ' > ' : '') + this.name; }
    addSubtest(spec, isSuite) {
      const t = new Test(this, spec, isSuite);
      if (t.only) onlyMode = true;
      this.children.push(t);
      if (this.started) {
        // A subtest created while its parent runs starts in order after its earlier siblings.
        this.chain = (this.chain || Promise.resolve()).then(() => t.run());
        return this.chain;
      }
      return t.done();
    }
    done() { return new Promise((resolve) => { this._resolveDone = resolve; }); }
    async runHooks(kind, ctx) {
      // beforeEach from the outside in, afterEach from the inside out
      const chain = [];
      for (let p = this; p; p = p.parent) chain.push(p);
      if (kind === 'beforeEach') chain.reverse();
      for (const p of chain) for (const h of p.hooks[kind]) await callWithDone(h, ctx);
    }
    async run() {
      this.started = true;
      const number = this.parent ? this.parent.children.indexOf(this) + 1 : 1; // TAP numbers restart per level
      const indent = '    '.repeat(Math.max(0, this.depth));
      if (onlyMode && !this.only && !this.isSuite && !(this.parent && this.parent.only)) {
        if (this._resolveDone) this._resolveDone();
        return;
      }
      if (this.skipped) {
        skips++;
        out(indent + '# Subtest: ' + this.name);
        out(indent + 'ok ' + number + ' - ' + this.name + ' # SKIP' + (typeof this.skipped === 'string' ? ' ' + this.skipped : ''));
        if (this._resolveDone) this._resolveDone();
        return;
      }
      out(indent + '# Subtest: ' + this.name);
      const ctx = this.isSuite ? new SuiteContext(this) : new TestContext(this);
      try {
        if (this.isSuite) {
          const r = this.fn.call(ctx, ctx);
          if (r && typeof r.then === 'function') await r;
          for (const h of this.hooks.before) await callWithDone(h, ctx);
          for (const child of this.children) await child.run();
          for (const h of this.hooks.after) await callWithDone(h, ctx);
        } else {
          if (this.parent) await this.parent.runHooks('beforeEach', ctx);
          const timeout = this.options.timeout;
          const body = callWithDone(this.fn, ctx);
          await (timeout && timeout !== Infinity ? Promise.race([body, new Promise((_, rej) => {
            const t = setTimeout(() => rej(new Error('test timed out after ' + timeout + 'ms')), timeout);
            body.finally(() => clearTimeout(t)).catch(() => {});
          })]) : body);
          if (this.chain) await this.chain;
          for (const child of this.children) if (!child.started) await child.run();
          if (this.plan !== undefined && this.plan !== this.planned + this.children.length) {
            throw new Error('plan expected ' + this.plan + ' assertions but received ' + (this.planned + this.children.length));
          }
          for (const h of this.hooks.after) await callWithDone(h, ctx);
          if (this.parent) await this.parent.runHooks('afterEach', ctx);
        }
        if (this.children.some((c) => c.error)) throw new Error(this.children.filter((c) => c.error).length + ' subtests failed');
      } catch (e) {
        this.error = e;
      } finally {
        if (ctx.mock) ctx.mock.restoreAll();
      }
      for (const d of this.diagnostics) out(indent + '# ' + d);
      if (this.error && !this.todo) {
        if (this.isSuite) suites++; else failures++;
        out(indent + 'not ok ' + number + ' - ' + this.name);
        const text = this.error && this.error.stack ? this.error.stack : inspect(this.error);
        out(indent + '  ---');
        for (const line of String(text).split('\n')) out(indent + '  # ' + line);
        out(indent + '  ...');
      } else if (this.todo) {
        todos++;
        out(indent + 'ok ' + number + ' - ' + this.name + ' # TODO' + (typeof this.todo === 'string' ? ' ' + this.todo : ''));
      } else if (this.skipped) {
        skips++;
        out(indent + 'ok ' + number + ' - ' + this.name + ' # SKIP' + (typeof this.skipped === 'string' ? ' ' + this.skipped : ''));
      } else {
        if (this.isSuite) suites++; else passes++;
        out(indent + 'ok ' + number + ' - ' + this.name);
      }
      if (this._resolveDone) this._resolveDone();
    }
  }

  function callWithDone(fn, ctx) {
    if (fn.length >= 2) {
      return new Promise((resolve, reject) => {
        try {
          const r = fn.call(ctx, ctx, (err) => (err ? reject(err) : resolve()));
          if (r && typeof r.then === 'function') reject(new Error('passed a callback but also returned a Promise'));
        } catch (e) { reject(e); }
      });
    }
    try { return Promise.resolve(fn.call(ctx, ctx)); } catch (e) { return Promise.reject(e); }
  }

  // The root: tests registered at the top level run one after another, starting once the main module has run.
  const root = new Test(null, { name: '<root>', fn: () => {} }, true);
  let scheduled = false;
  let currentSuite = null;
  function register(spec, isSuite) {
    const parent = currentSuite || root;
    const t = new Test(parent, spec, isSuite);
    if (t.only) onlyMode = true;
    parent.children.push(t);
    if (isSuite) {
      // A suite's body runs now, collecting its tests and hooks.
      const prev = currentSuite;
      currentSuite = t;
      try {
        const r = t.fn.call(new SuiteContext(t), new SuiteContext(t));
        if (r && typeof r.then === 'function') r.catch((e) => { t.error = e; });
      } catch (e) {
        t.error = e;
      } finally {
        currentSuite = prev;
      }
      t.fn = () => {};
      if (t.error) { const err = t.error; t.fn = () => { throw err; }; t.error = null; }
    }
    if (!scheduled) {
      scheduled = true;
      setImmediate(runRoot);
    }
    return parent === root || !parent.started ? t.done() : (parent.chain = (parent.chain || Promise.resolve()).then(() => t.run()));
  }
  async function runRoot() {
    out('TAP version 13');
    for (let i = 0; i < root.children.length; i++) await root.children[i].run();
    const total = passes + failures + skips + todos;
    out('1..' + root.children.length);
    out('# tests ' + total);
    out('# suites ' + suites);
    out('# pass ' + passes);
    out('# fail ' + failures);
    out('# skipped ' + skips);
    out('# todo ' + todos);
    if (failures || root.children.some((c) => c.error)) process.exitCode = 1;
  }

  function hook(kind) {
    return (fn) => { (currentSuite || root).hooks[kind].push(fn); };
  }
  const test = (...args) => register(parseArgs(args), false);
  const suite = (...args) => register(parseArgs(args), true);
  for (const [f, isSuite] of [[test, false], [suite, true]]) {
    f.skip = (...args) => { const s = parseArgs(args); s.options = Object.assign({}, s.options, { skip: true }); return register(s, isSuite); };
    f.todo = (...args) => { const s = parseArgs(args); s.options = Object.assign({}, s.options, { todo: true }); return register(s, isSuite); };
    f.only = (...args) => { const s = parseArgs(args); s.options = Object.assign({}, s.options, { only: true }); return register(s, isSuite); };
  }
  const mock = new MockTracker();
  const api = test;
  Object.assign(api, {
    test, it: test, describe: suite, suite, skip: test.skip, todo: test.todo, only: test.only, before: hook('before'), after: hook('after'), beforeEach: hook('beforeEach'),
    afterEach: hook('afterEach'), mock, run: unavailable('run()'), snapshot: { setDefaultSnapshotSerializers: unavailable('snapshot'), setResolveSnapshotPath: unavailable('snapshot') },
  });
  return api;
})
