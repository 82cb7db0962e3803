'use strict';
// A fresh scratch directory per test (each test runs in its own VM, so /tmp/node-test is always ours).
const fs = require('fs');
const path = require('path');
const tmpPath = '/tmp/node-test';
function refresh() {
  fs.rmSync(tmpPath, { recursive: true, force: true });
  fs.mkdirSync(tmpPath, { recursive: true });
}
module.exports = {
  path: tmpPath,
  refresh,
  hasEnoughSpace: () => true,
  resolve: (...paths) => path.resolve(tmpPath, ...paths),
  fileURL: (...paths) => require('url').pathToFileURL(path.resolve(tmpPath, ...paths)),
};
