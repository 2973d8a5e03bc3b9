// In-host mocha entry point of the multi-root window (test/vscode/fixture-multiroot/multi.code-workspace):
// the same runner as test/vscode/suite/index.js, over this folder's *.test.js.
'use strict';

const { runDir } = require('../suite/index');

module.exports = { run: () => runDir(__dirname) };
