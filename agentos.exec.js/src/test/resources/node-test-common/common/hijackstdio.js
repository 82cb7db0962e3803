'use strict';
// Agent OS's own test/common/hijackstdio for Node's test/parallel in a VM: swap process.stdout/stderr.write for a
// listener (which still writes through) and restore it. Not Node's file.
const saved = {};
function hijack(name, listener) {
  const stream = process[name];
  const write = saved[name] = stream.write;
  stream.writeTimes = 0;
  stream.write = function (data, callback) {
    try { listener(data); } catch (e) { process.nextTick(() => { throw e; }); }
    write.call(stream, data, callback);
    stream.writeTimes++;
  };
}
function restore(name) {
  process[name].write = saved[name];
  delete process[name].writeTimes;
}
module.exports = {
  hijackStdout: (listener) => hijack('stdout', listener),
  hijackStderr: (listener) => hijack('stderr', listener),
  restoreStdout: () => restore('stdout'),
  restoreStderr: () => restore('stderr'),
};
