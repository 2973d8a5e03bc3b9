// Coverage: every key seen in 2+ public templates (minus the listed typos) is known to its vendor's
// catalog when written in that vendor's output format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog, instantiate, matchKey } from '../../../../server/src/core/catalog/catalogs';
import { checkOutput } from '../../../../server/src/core/catalog/check';
import { FORMAT, readObserved, readObservedTypos, renderKeys, VENDORS } from './helpers';

for (const vendor of VENDORS) {
  const catalog = getCatalog(vendor);
  const rows = readObserved(vendor);
  test(
    `observed keys (2+ templates) are known: ${vendor}`,
    { skip: !catalog ? 'no catalog yet' : !rows ? 'observed-keys table not found' : false },
    () => {
      const typos = readObservedTypos(vendor);
      // The tables fold every digit run into {n}, including digits that belong to the name (TR_069_…,
      // enable_rport_rfc3581): when {n} → 1 is not a key, the row is written as the catalog key (indices at
      // their minimum) that the row's pattern, read with {n} as any digits, matches — if there is one.
      const minimal = catalog
        ? catalog.keys.map((d) => instantiate(d.key, Object.fromEntries(Object.entries(catalog.indices).map(([n, i]) => [n, i.min]))))
        : [];
      const concrete = (key: string): string => {
        const one = key.replace(/\{n\}/g, '1');
        if (!key.includes('{n}') || matchKey(catalog!, one)) return one;
        const re = new RegExp(
          `^${key
            .split('{n}')
            .map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
            .join('\\d+')}$`,
        );
        return minimal.find((m) => re.test(m)) ?? one;
      };
      const keys = [...new Set(rows!.filter((r) => r.templates >= 2 && !typos.has(r.key)).map((r) => concrete(r.key)))];
      const text = renderKeys(
        vendor,
        keys.map((k) => [k, '']),
      );
      assert.ok(text, `${vendor}: some observed key cannot be written in the format`);
      const problems = checkOutput(text, { format: FORMAT[vendor], vendor });
      assert.deepEqual(
        problems.filter((p) => p.code === 'xml-malformed').map((p) => p.message),
        [],
      );
      const unknown = problems
        .filter((p) => p.code === 'unknown-key')
        .map((p) => /'([^']*)'/.exec(p.message)?.[1] ?? text.slice(p.start, p.end));
      console.log(`# ${vendor}: ${keys.length} observed keys, ${unknown.length} unknown`);
      assert.deepEqual(
        unknown,
        [],
        `${vendor}: ${unknown.length} observed keys unknown to the catalog (fix the catalog or list them in test/fixtures/observed-typos/${vendor}.txt)`,
      );
    },
  );
}
