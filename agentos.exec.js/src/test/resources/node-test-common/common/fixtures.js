'use strict';
const fs = require('fs');
const path = require('path');
const fixturesDir = '/test/fixtures';
function fixturesPath(...args) { return path.join(fixturesDir, ...args); }
module.exports = {
  fixturesDir,
  path: fixturesPath,
  fileURL: (...args) => require('url').pathToFileURL(fixturesPath(...args)),
  readSync: (args, enc) => fs.readFileSync(fixturesPath(...[].concat(args)), enc),
  readKey: (arg, enc) => fs.readFileSync(path.join(fixturesDir, 'keys', arg), enc),
  get utf8TestText() { return fs.readFileSync(fixturesPath('utf8_test_text.txt'), 'utf8'); },
};
