'use strict';
// A readable that emits each array element as a line (our version of Node's test/common/arraystream).
const { Stream } = require('stream');
function noop() {}
class ArrayStream extends Stream {
  run(data) { data.forEach((line) => this.emit('data', `${line}\n`)); }
}
ArrayStream.prototype.readable = true;
ArrayStream.prototype.writable = true;
ArrayStream.prototype.pause = noop;
ArrayStream.prototype.resume = noop;
ArrayStream.prototype.write = noop;
module.exports = ArrayStream;
