// `npm test`: builds, runs every unit and integration test (node's test runner), then the suite in a
// real VS Code (code-server + Chromium, installed on first use by .ci/install-vscode-harness.sh),
// and prints one closing line with the totals.
//   npm test                 everything
//   npm test -- --no-vscode  skip the real-VS-Code suite (e.g. on a machine without root for apt)
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const skipVscode = args.includes('--no-vscode') || process.env.PS_SKIP_VSCODE === '1';
const filters = args.filter((a) => !a.startsWith('--'));

function run(cmd, cmdArgs, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'inherit'], ...opts });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('total: 0 passed, 1 failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };

// lint (types, eslint, prettier): a finding fails the run like a failing test
if (!filters.length) {
  const lint = spawnSync('npm', ['run', '--silent', 'lint'], { stdio: 'inherit' });
  if (lint.status !== 0) {
    console.log('lint: failed (npm run lint; npm run format fixes the formatting)');
    totals.failed++;
  } else console.log('lint: clean');
}
const unit = await run(process.execPath, ['scripts/run-tests.mjs', ...filters]);
const num = (re) => Number((re.exec(unit.out) ?? [])[1] ?? 0);
totals.passed += num(/^# pass (\d+)$/m);
totals.failed += num(/^# fail (\d+)$/m) + num(/^# cancelled (\d+)$/m);
totals.skipped += num(/^# skipped (\d+)$/m);
if (unit.code !== 0 && totals.failed === 0) totals.failed++;

if (!skipVscode && !filters.length) {
  const install = spawnSync('bash', ['.ci/install-vscode-harness.sh'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (install.status !== 0) {
    console.log('real-VS-Code harness could not be installed (needs root for apt, or sudo); see .ci/install-vscode-harness.sh');
    totals.failed++;
  } else {
    const vs = await run(process.execPath, ['test/vscode/run.mjs']);
    const m = /^(\d+) passed, (\d+) failed/m.exec(vs.out);
    if (m) {
      totals.passed += Number(m[1]);
      totals.failed += Number(m[2]);
    }
    if (vs.code !== 0 && (!m || Number(m[2]) === 0)) totals.failed++;
  }
}
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
