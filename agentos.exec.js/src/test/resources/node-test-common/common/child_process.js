'use strict';
// Child-process helpers tests share (our version of Node's test/common/child_process).
const assert = require('assert');
const { spawnSync } = require('child_process');
const common = require('./');

const kExpiringChildRunTime = common.platformTimeout(20 * 1000);
const kExpiringParentTimer = 1;

function cleanupStaleProcess(filename) {
  if (!common.isWindows) return;
}
function logAfterTime(time) {
  setTimeout(() => { console.log('child stdout'); console.error('child stderr'); }, time);
}
function checkOutput(str, check) {
  if ((check instanceof RegExp && !check.test(str)) || (typeof check === 'string' && check !== str)) return { passed: false, reason: `did not match ${check}` };
  if (typeof check === 'function') { try { check(str); } catch (error) { return { passed: false, reason: error }; } }
  return { passed: true };
}
function expectSyncExit(child, { status, signal, stderr: stderrCheck, stdout: stdoutCheck, trim = false }) {
  const failures = [];
  let stderrStr, stdoutStr;
  if (status !== undefined && child.status !== status) failures.push(`- process terminated with status ${child.status}, expected ${status}`);
  if (signal !== undefined && child.signal !== signal) failures.push(`- process terminated with signal ${child.signal}, expected ${signal}`);
  function logAndThrow() {
    const tag = `[process ${child.pid}]:`;
    console.error(`${tag} --- stderr ---`);
    console.error(stderrStr === undefined ? child.stderr.toString() : stderrStr);
    console.error(`${tag} --- stdout ---`);
    console.error(stdoutStr === undefined ? child.stdout.toString() : stdoutStr);
    throw new Error(`${failures.join('\n')}`);
  }
  if (failures.length !== 0) logAndThrow();
  if (stderrCheck !== undefined) {
    stderrStr = child.stderr.toString();
    const { passed, reason } = checkOutput(trim ? stderrStr.trim() : stderrStr, stderrCheck);
    if (!passed) { failures.push(`- stderr ${reason}`); logAndThrow(); }
  }
  if (stdoutCheck !== undefined) {
    stdoutStr = child.stdout.toString();
    const { passed, reason } = checkOutput(trim ? stdoutStr.trim() : stdoutStr, stdoutCheck);
    if (!passed) { failures.push(`- stdout ${reason}`); logAndThrow(); }
  }
  return { child, stderr: stderrStr, stdout: stdoutStr };
}
function spawnSyncAndExit(...args) {
  const spawnArgs = args.slice(0, args.length - 1);
  const expectations = args[args.length - 1];
  return expectSyncExit(spawnSync(...spawnArgs), expectations);
}
function spawnSyncAndExitWithoutError(...args) {
  return expectSyncExit(spawnSync(...args), { status: 0, signal: null });
}
function spawnSyncAndAssert(...args) {
  const expectations = args.pop();
  return expectSyncExit(spawnSync(...args), { status: 0, signal: null, ...expectations });
}
module.exports = {
  cleanupStaleProcess, logAfterTime, kExpiringChildRunTime, kExpiringParentTimer,
  spawnSyncAndAssert, spawnSyncAndExit, spawnSyncAndExitWithoutError, expectSyncExit,
};
