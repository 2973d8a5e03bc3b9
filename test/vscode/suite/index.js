// In-host mocha entry point. VS Code's extension host `require`s this file and awaits `run()`
// (the same contract for code-server's `payload` URL parameter, used by test/vscode/run.mjs,
// and for @vscode/test-electron, used by test/vscode/runElectron.mjs).
//
// - mocha 11 (CommonJS; mocha 12 is ESM-only and breaks here), tdd ui (suite/test/setup/teardown),
//   60 s timeout, every `*.test.js` in this folder, sorted by name. `runDir(dir)` runs another folder's
//   tests the same way (test/vscode/multiroot/index.js: the multi-root window).
// - When PS_VSCODE_SUITE_RESULTS names a file, writes {passes, failures, pending, failedTitles}
//   there: the extension host inherits code-server's environment, so the runner reads the counts.
// - PS_VSCODE_SUITE_GREP (optional) filters tests by full title.
'use strict';

const fs = require('fs');
const path = require('path');

const SUITE_START_MARKER = '--- provisioning-studio in-host suite ---';

function loadMocha() {
  try {
    return require('mocha');
  } catch {
    // The harness package (.ci/vscode-harness) carries mocha; the extension itself does not.
    return require(path.resolve(__dirname, '../../../.ci/vscode-harness/node_modules/mocha'));
  }
}

function writeResults(result) {
  const file = process.env.PS_VSCODE_SUITE_RESULTS;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
}

function run() {
  return runDir(__dirname);
}

function runDir(dir) {
  const Mocha = loadMocha();
  const mocha = new Mocha({
    ui: 'tdd',
    timeout: 60_000,
    color: false,
    reporter: 'spec',
    grep: process.env.PS_VSCODE_SUITE_GREP || undefined,
  });

  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  // The runner echoes the extension host's console from this marker on (before it: workbench noise).
  console.log(SUITE_START_MARKER);
  return new Promise((resolve, reject) => {
    const failedTitles = [];
    let runner;
    try {
      runner = mocha.run((failures) => {
        const stats = runner.stats || {};
        const result = {
          passes: stats.passes || 0,
          failures: failures,
          pending: stats.pending || 0,
          failedTitles,
        };
        if (files.length === 0) {
          result.failures += 1;
          result.failedTitles.push(`no *.test.js files in ${dir}`);
        }
        try {
          writeResults(result);
        } catch (e) {
          console.error('could not write suite results:', e);
        }
        if (result.failures > 0) reject(new Error(`${result.failures} test(s) failed`));
        else resolve();
      });
      runner.on('fail', (test, err) => {
        const msg = String(err && err.message ? err.message : err)
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 300);
        failedTitles.push(`${test.fullTitle()}: ${msg}`);
      });
    } catch (err) {
      // a test file that throws at load time lands here
      writeResults({ passes: 0, failures: 1, pending: 0, failedTitles: [`load error: ${(err && err.stack) || err}`] });
      reject(err);
    }
  });
}

module.exports = { run, runDir, SUITE_START_MARKER };
