// Benchmark: `check` of a 1,500-key Yealink template for a 50-phone bench (render every phone's file,
// read it back, check every key against the catalog, map problems to the template), beside the
// baseline of rendering the same 50 files without checking. Reported as a ratio.
// Run: node --import tsx bench/check-workspace.mjs [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { DiskFiles } from '../server/src/core/files.ts';
import { Workspace } from '../server/src/core/workspace.ts';
import { checkWorkspace } from '../server/src/core/check.ts';
import { stats, writeWorkspace } from './lib/workspace.mjs';

const RUNS = Number(process.argv[2] ?? 9);
const dir = writeWorkspace(mkdtempSync(join(tmpdir(), 'ps-bench-check-')));
try {
  const ws = new Workspace(new DiskFiles(dir));
  const file = 'templates/yealink/mac.cfg.hbs';
  const phones = ws.phones;
  const lines = ws.files.read(file).split('\n').length;
  // warm-up: catalog compilation, template parse
  const warm = checkWorkspace(ws);
  const renderOnly = [],
    checkAll = [];
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    for (const p of phones) ws.render(file, p);
    renderOnly.push(performance.now() - t);
    // each check in its own event-loop turn, as a CLI run or an editor pass is (a check reads the files
    // through one snapshot, whose view and generation caches end with the turn)
    await new Promise((r) => setImmediate(r));
    t = performance.now();
    checkWorkspace(ws);
    checkAll.push(performance.now() - t);
  }
  const a = stats(renderOnly),
    b = stats(checkAll);
  console.log(`check: ${lines}-line Yealink template × ${phones.length} phones, ${RUNS} runs, ${warm.length} problems found`);
  console.log('| measure | median ms | p95 ms |');
  console.log('|---|---|---|');
  console.log(`| baseline: render 50 files | ${a.p50.toFixed(1)} | ${a.p95.toFixed(1)} |`);
  console.log(`| check (render + read + catalog + map) | ${b.p50.toFixed(1)} | ${b.p95.toFixed(1)} |`);
  console.log(`ratio check / render-only: ${(b.p50 / a.p50).toFixed(2)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
