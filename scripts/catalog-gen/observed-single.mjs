// Adds to each catalog the observed-keys rows seen in a single template (the vendor generators take rows
// seen in two or more), unless the row looks like a mistake: listed in test/fixtures/observed-typos/,
// a placeholder index (`.X.`), template syntax, or a slip of a key the catalog already knows (a misspelling,
// another index form: suggest.ts nearKeys). Added keys are type `string` (no type was researched) with
// `source: observed-1`; `{n}` becomes the catalog's index where a pattern with the same prefix has one,
// else an index `n` without a range. Idempotent; run after the vendor generators (and poly-reference.mjs).
// Usage: node --import tsx scripts/catalog-gen/observed-single.mjs [vendor ...]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCatalog, matchKey } from '../../server/src/core/catalog/catalogs.ts';
import { nearKeys } from '../../server/src/core/catalog/suggest.ts';
import { generalise } from '../../server/src/core/catalog/workspace.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const shared = process.env.PROVISIONING_SHARED_DIR ?? join(repo, '..', 'shared');
const TABLE = {
  yealink: 'yealink_keys.tsv',
  poly: 'polycom_keys.tsv',
  cisco: 'cisco_spa_mpp_keys.tsv',
  grandstream: 'grandstream_keys.tsv',
  snom: 'snom_keys.tsv',
  fanvil: 'fanvil_keys.tsv',
};
const SOURCE = {
  id: 'observed-1',
  title: 'observed-keys tables (../shared/data/observed-keys): rows seen in one FusionPBX or Wazo template',
};
const KEY_SHAPE = /^[A-Za-z_][\w.\-[\]{}]*$/;

for (const vendor of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(TABLE)) {
  const file = join(repo, 'server/src/core/catalog/data', `${vendor}.json`);
  const catalog = JSON.parse(readFileSync(file, 'utf8'));
  catalog.keys = catalog.keys.filter((k) => k.source !== SOURCE.id);
  const base = { ...catalog, keys: [...catalog.keys] };
  compileCatalog(base);
  const typoFile = join(repo, 'test/fixtures/observed-typos', `${vendor}.txt`);
  const typos = new Set(
    existsSync(typoFile)
      ? readFileSync(typoFile, 'utf8')
          .split('\n')
          .map((l) => l.split('\t')[0])
      : [],
  );
  const rows = readFileSync(join(shared, 'data/observed-keys', TABLE[vendor]), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((r) => r[1] === '1');
  const added = new Map();
  const skipped = { typo: 0, shape: 0, slip: 0, known: 0 };
  for (const [row] of rows) {
    if (typos.has(row) || /(^|[.[_])[Xx]([.\]_]|$)/.test(row)) {
      skipped.typo++;
      continue;
    }
    if (!KEY_SHAPE.test(row) || /\{(?!n\})/.test(row)) {
      skipped.shape++;
      continue;
    }
    const concrete = row.replace(/\{n\}/g, '1');
    if (matchKey(base, concrete)) {
      skipped.known++;
      continue;
    }
    if (nearKeys(base, concrete).length) {
      skipped.slip++;
      continue;
    }
    // `{n}` → the catalog's index at that place, else `n` (no range)
    const general = generalise(base, concrete);
    let pattern = '';
    let i = 0;
    for (const part of row.split('{n}')) {
      pattern += part;
      if (i++ < row.split('{n}').length - 1) pattern += '{n}';
    }
    if (general !== concrete) {
      // keep the catalog's index names where generalise found them (same positions as the `{n}` holes)
      const names = [...general.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      if (names.length === (row.match(/\{n\}/g) ?? []).length) {
        let k = 0;
        pattern = row.replace(/\{n\}/g, () => `{${names[k++]}}`);
      }
    }
    if (pattern.includes('{n}')) catalog.indices.n ??= { min: 0, max: 99999, description: 'a number (the observed tables give no range)' };
    if (added.has(pattern)) continue;
    added.set(pattern, {
      key: pattern,
      type: 'string',
      description: 'Seen in one public template; type and range not researched.',
      source: SOURCE.id,
    });
  }
  catalog.keys.push(...added.values());
  catalog.sources = [...(catalog.sources ?? []).filter((s) => s.id !== SOURCE.id), SOURCE];
  writeFileSync(file, JSON.stringify(catalog, null, 2) + '\n');
  console.log(
    `${vendor}: +${added.size} keys from single-template rows (skipped ${JSON.stringify(skipped)}), ${catalog.keys.length} in all`,
  );
}
