// Benchmark: `check` as the bench grows — 50, 500 and 5,000 phones on the 1,500-key Yealink template (with a
// misspelt key, a value wrong for some phones and one wrong per phone, so problems grow with the bench). Each
// size is checked on one thread (the baseline, `--jobs 1`) and on threads (`--jobs N`, default the cores) in
// the same run, each in a fresh process of the built CLI (dist/cli.js): milliseconds per phone, the ratio, the
// process's peak RSS (threads included), and whether both print the same bytes.
// Target (issue 17): time per phone stays flat from 50 to 5,000 phones (≤ 1.25× the 50-phone figure).
// Run: node --import tsx bench/check-scale.mjs [--jobs N] [--sizes 50,500,5000]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const arg = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

if (argv[0] === '--one') {
  // a child: check <dir> with --jobs <n> `runs` times; the last run is the one timed (the ones before warm up)
  const [, dir, jobs, runs] = argv;
  const { runCli } = await import(join(repo, 'dist/cli.js'));
  let out = '',
    ms = 0;
  for (let r = 0; r < Number(runs); r++) {
    out = '';
    const t = performance.now();
    await runCli(['check', '--workspace', dir, '--format', 'json', '--jobs', jobs], { out: (s) => (out += s), err: () => {} });
    ms = performance.now() - t;
  }
  const hash = createHash('sha256').update(out).digest('hex').slice(0, 12);
  console.log(JSON.stringify({ ms, rssMB: process.resourceUsage().maxRSS / 1024, hash, problems: JSON.parse(out).length }));
  process.exit(0);
}

const { writeWorkspace } = await import('./lib/workspace.mjs');
if (!existsSync(join(repo, 'dist/checkWorker.js'))) {
  console.log('dist/checkWorker.js is missing: npm run build first');
  process.exit(1);
}
const JOBS = Number(arg('--jobs') ?? Math.min(availableParallelism(), 8));
const SIZES = (arg('--sizes') ?? '50,500,5000').split(',').map(Number);
const runsFor = (n) => (n <= 50 ? 3 : n <= 500 ? 2 : 1);
const one = (dir, jobs, runs) => {
  const r = spawnSync(process.execPath, [join(repo, 'bench/check-scale.mjs'), '--one', dir, String(jobs), String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`check of ${dir} --jobs ${jobs}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};

console.log(`check-scale: 1,500-key Yealink template, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), threads --jobs ${JOBS}`);
console.log('| phones | problems | 1 thread ms/phone | peak RSS MB | threads ms/phone | peak RSS MB | 1 thread / threads | same output |');
console.log('|---|---|---|---|---|---|---|---|');
const rows = [];
for (const n of SIZES) {
  const dir = writeWorkspace(mkdtempSync(join(tmpdir(), 'ps-bench-scale-')), { phones: n, problems: true });
  try {
    const a = one(dir, 1, runsFor(n));
    const b = one(dir, JOBS, runsFor(n));
    const row = { n, base: a.ms / n, threads: b.ms / n };
    rows.push(row);
    console.log(
      `| ${n} | ${a.problems} | ${row.base.toFixed(2)} | ${a.rssMB.toFixed(0)} | ${row.threads.toFixed(2)} | ${b.rssMB.toFixed(0)} | ` +
        `${(a.ms / b.ms).toFixed(2)}× | ${a.hash === b.hash ? 'yes' : 'NO'} |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const first = rows[0],
  last = rows[rows.length - 1];
if (first && last && first !== last) {
  for (const [label, k] of [
    ['threads', 'threads'],
    ['1 thread (baseline)', 'base'],
  ]) {
    const r = last[k] / first[k];
    console.log(
      `target time per phone flat from ${first.n} to ${last.n} phones (≤ 1.25×), ${label}: ` +
        `${first[k].toFixed(2)} → ${last[k].toFixed(2)} ms/phone, ${r.toFixed(2)}× — ${r <= 1.25 ? 'met' : 'not met'}`,
    );
  }
}
