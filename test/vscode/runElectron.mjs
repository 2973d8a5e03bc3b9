#!/usr/bin/env node
// Runs the same in-host mocha suites (test/vscode/suite, then test/vscode/multiroot in a multi-root window)
// under desktop VS Code via @vscode/test-electron.
// For developer machines that can download VS Code; it CANNOT run on this project's CI (no access to
// VS Code's update service): use test/vscode/run.mjs (code-server) there.
//
//   npm run build && node test/vscode/runElectron.mjs [--extension-dir <dir>] [--version <x.y.z|stable>]
//   VSCODE_EXECUTABLE=/path/to/code node test/vscode/runElectron.mjs   # use an installed VS Code
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opt } = util.parseArgs({
  options: {
    'extension-dir': { type: 'string', default: REPO },
    version: { type: 'string' },
  },
});

const extensionDevelopmentPath = path.resolve(opt['extension-dir']);
const state = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-vscode-electron-'));
const ws = path.join(state, 'ws');
fs.cpSync(path.join(REPO, 'test/vscode/fixture'), ws, { recursive: true });
const wsMulti = path.join(state, 'ws-multi');
fs.cpSync(path.join(REPO, 'test/vscode/fixture-multiroot'), wsMulti, { recursive: true });

// the single-folder suite, then the multi-root one (a .code-workspace), each in its own VS Code window
const runs = [
  { name: 'suite', tests: 'test/vscode/suite/index', open: ws },
  { name: 'multiroot', tests: 'test/vscode/multiroot/index', open: path.join(wsMulti, 'multi.code-workspace') },
];
let passed = 0;
let failed = 0;
let ok = true;
for (const run of runs) {
  const resultsFile = path.join(state, 'results', `${run.name}.json`);
  let exitCode = 1;
  try {
    exitCode = await runTests({
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      ...(opt.version ? { version: opt.version } : {}),
      extensionDevelopmentPath,
      extensionTestsPath: path.join(REPO, run.tests),
      extensionTestsEnv: { PS_VSCODE_SUITE_RESULTS: resultsFile },
      launchArgs: [
        run.open,
        '--disable-extensions', // other installed extensions; the development one still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(state, 'user-data'),
        '--extensions-dir',
        path.join(state, 'extensions'),
      ],
    });
  } catch (err) {
    console.error(`${run.name}: runTests failed: ${err && err.message ? err.message : err}`);
  }
  let r = null;
  try {
    r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    /* no results */
  }
  passed += r ? r.passes : 0;
  failed += r ? r.failures : 1;
  if (r) for (const t of r.failedTitles || []) console.log(`  - ${run.name}: ${t}`);
  ok &&= exitCode === 0 && !!r && r.failures === 0 && r.passes > 0;
}
fs.rmSync(state, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
