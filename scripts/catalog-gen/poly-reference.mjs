// Grows server/src/core/catalog/data/poly.json from Poly's own parameter reference: every parameter of
// the UC Software configuration templates (scripts/catalog-sources/poly/ucs-config-templates.tsv, made by
// scripts/catalog-sources/poly/extract.mjs) that the catalog does not match yet is added with its default,
// `source: poly-ucs-templates`, and type `string` (the templates give names and defaults, not types or
// ranges: a guessed range would warn about valid values). A number between dots becomes an index: the
// catalog's own index where a pattern with the same prefix has one (`reg.1.x` → `reg.{line}.x`), else an
// index named after the word before it, without a range. Idempotent; run after poly.mjs.
// Usage: node --import tsx scripts/catalog-gen/poly-reference.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCatalog, matchKey } from '../../server/src/core/catalog/catalogs.ts';
import { generalise } from '../../server/src/core/catalog/workspace.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const outFile = join(repo, 'server/src/core/catalog/data/poly.json');
const table = join(repo, 'scripts/catalog-sources/poly/ucs-config-templates.tsv');
const SOURCE = {
  id: 'poly-ucs-templates',
  title:
    'Poly UC Software configuration templates (Config/*.cfg of the UC Software distribution, generated from polycomConfig.xsd: every parameter with its default)',
  url: 'https://github.com/openspork/pp/tree/c85ccdf/configs',
};

const catalog = JSON.parse(readFileSync(outFile, 'utf8'));
catalog.keys = catalog.keys.filter((k) => k.source !== SOURCE.id); // idempotent: drop what an earlier run added
for (const [n, idx] of Object.entries(catalog.indices))
  if (/templates do not give the range/.test(idx.description)) delete catalog.indices[n];
const base = { ...catalog, keys: [...catalog.keys] };
compileCatalog(base);

const rows = readFileSync(table, 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split('\t'));

// Numbers between dots → an index: the catalog's own (generalise), else one named after the word before
// it with no range of its own (1–9999): the templates list only the entries that have a default (saf.1,
// saf.2 of 24 sound files), so the numbers they show are not the range.
const indexFor = (seg) => {
  const ours = (n) => !catalog.indices[n] || /templates do not give the range/.test(catalog.indices[n].description);
  const name = /^[A-Za-z_]\w*$/.test(seg) && ours(seg) ? seg : `${seg.replace(/\W/g, '')}Ref`;
  catalog.indices[name] ??= { min: 1, max: 9999, description: `${seg} number (the Poly UC Software templates do not give the range)` };
  return name;
};

const added = new Map();
for (const [key, def, file] of rows) {
  if (matchKey(base, key)) continue;
  let pattern = generalise(base, key);
  while (/(^|\.)[^.{}]*\.\d+(\.|$)/.test(pattern))
    pattern = pattern.replace(/(^|\.)([^.{}]*)\.(\d+)(?=\.|$)/, (m, dot, seg) => `${dot}${seg}.{${indexFor(seg)}}`);
  if (added.has(pattern) || matchKey(base, pattern)) continue;
  added.set(pattern, {
    key: pattern,
    type: 'string',
    description: `Poly UC Software parameter (${file}).`,
    ...(def !== '' ? { default: def } : {}),
    source: SOURCE.id,
  });
}
// Older spellings the reference has replaced (deprecated, with the replacement the current templates list).
const RENAMES = [
  [
    'tcpIpApp.keepalive.tcp.noResponseTrasmitInterval',
    'tcpIpApp.keepalive.tcp.noResponseTransmitInterval',
    'the older, misspelt name; the UC Software templates list only noResponseTransmitInterval.',
  ],
];
for (const [old, replacement, note] of RENAMES) {
  if (matchKey(base, old) || added.has(old)) continue;
  const to = matchKey(base, replacement)?.def ?? added.get(replacement);
  if (!to) continue;
  added.set(old, { ...to, key: old, deprecated: { replacement, note }, source: SOURCE.id });
}
catalog.keys.push(...added.values());
catalog.sources = [...(catalog.sources ?? []).filter((s) => s.id !== SOURCE.id), SOURCE];
writeFileSync(outFile, JSON.stringify(catalog, null, 2) + '\n');
console.log(`poly.json: ${catalog.keys.length} keys (${added.size} from ${SOURCE.id})`);
