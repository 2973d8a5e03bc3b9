// The catalog evaluation report (see evaluate.mjs): per vendor and held-out project, false flags on its real
// keys, keys told "not in the catalog", typo recall, legacy files. Prints a Markdown table (the README's figures).
// Run: npm run bench:catalog   (node --import tsx bench/catalog-eval/run.mjs [--json] [--misses vendor] [--project id])
import { VENDORS } from '../../test/server/core/catalog/helpers.ts';
import { evaluate, projectsOf } from './evaluate.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const showMisses = opt('--misses');
const only = opt('--project');
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
const n = (x) => x.toLocaleString('en-US');
const results = [];
for (const v of VENDORS) for (const p of projectsOf(v)) if (!only || p.id === only) results.push(evaluate(v, p.id, showMisses));
if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
else {
  console.log(
    '| vendor | held out | catalog keys | held-out keys | false flags | not in catalog | typo recall (first suggestion right) | legacy files: one information each |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const cat = r.role === 'source' ? `${n(r.catalogKeys)} (${n(r.removed)} removed)` : n(r.catalogKeys);
    const legacy = r.legacyFiles ? `${r.legacyOk} of ${r.legacyFiles} (${n(r.legacyKeys)} keys, ${r.legacyFlagged} flagged)` : '—';
    const keys = r.keys ? `${n(r.keys)}${r.mistakes ? ` (+${r.mistakes} listed mistakes)` : ''}` : '—';
    const flags = r.keys ? `**${pct(r.flagged, r.keys)}** (${r.flagged})` : '—';
    const typos = r.typos ? `**${pct(r.caught, r.typos)}** of ${n(r.typos)} (${pct(r.first, r.typos)})` : '—';
    console.log(
      `| ${r.vendor} | ${r.project} | ${cat} | ${keys} | ${flags} | ${r.keys ? pct(r.info, r.keys) : '—'} | ${typos} | ${legacy} |`,
    );
  }
  for (const r of results) for (const m of r.misses) console.log(m);
}
