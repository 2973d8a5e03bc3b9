// The catalog evaluation report (see evaluate.mjs): per vendor, false flags on held-out real keys, keys
// told "not in the catalog", typo recall, legacy files. Prints a Markdown table (the README's figures).
// Run: npm run bench:catalog   (node --import tsx bench/catalog-eval/run.mjs [--json] [--misses vendor])
import { VENDORS } from '../../test/server/core/catalog/helpers.ts';
import { evaluate } from './evaluate.mjs';

const args = process.argv.slice(2);
const showMisses = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const results = VENDORS.map((v) => evaluate(v, showMisses));
if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
else {
  console.log(
    '| vendor | catalog keys | held-out keys | false flags | not in catalog (information) | typo recall (first suggestion right) | legacy files (one information each) |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.vendor} | ${r.catalogKeys.toLocaleString('en-US')} | ${r.keys} | ${pct(r.flagged, r.keys)} (${r.flagged}) | ${pct(r.info, r.keys)} | ` +
        `${pct(r.caught, r.typos)} of ${r.typos} (${pct(r.first, r.typos)}) | ${r.legacyFiles ? `${r.legacyOk}/${r.legacyFiles} (${r.legacyKeys} keys, ${r.legacyFlagged} flagged)` : '—'} |`,
    );
  for (const r of results) for (const m of r.misses) console.log(m);
}
