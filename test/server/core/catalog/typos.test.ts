// "Did you mean": 200 random catalog keys per vendor (seeded), each mutated by one dropped or doubled
// letter or two swapped adjacent characters (one at least a letter); at least 95% must be reported
// unknown with the original as first suggestion. Mutations of any character (digits included) are
// measured too and printed: in a dense P-value space (Grandstream `P4340`/`P3440`/`P340`) a digit
// typo is often ambiguous between several valid keys, so no ranking can be right 95% of the time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog, instantiate, matchKey } from '../../../../server/src/core/catalog/catalogs';
import { checkOutput } from '../../../../server/src/core/catalog/check';
import type { KeyCatalog } from '../../../../server/src/core/catalog/types';
import { derivedCatalog, FORMAT, prng, renderKeys, VENDORS, type Vendor } from './helpers';

const SAMPLES = 200;

const isLetter = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);

export function typoRate(vendor: Vendor, catalog: KeyCatalog, mode: 'letters' | 'any', seed = 20240601) {
  const rnd = prng(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  let tried = 0,
    hits = 0,
    skippedValid = 0,
    skippedFormat = 0;
  const misses: string[] = [];
  for (let guard = 0; tried < SAMPLES && guard < SAMPLES * 50; guard++) {
    const def = catalog.keys[pick(catalog.keys.length)];
    const indices: Record<string, number> = {};
    for (const [, name] of def.key.matchAll(/\{(\w+)\}/g)) {
      const idx = catalog.indices[name] ?? { min: 1, max: 9 };
      indices[name] = idx.min + pick(idx.max - idx.min + 1);
    }
    const orig = instantiate(def.key, indices);
    const op = pick(3);
    let typo: string;
    const all = [...orig].map((_, i) => i);
    const letters = mode === 'any' ? all : all.filter((i) => isLetter(orig[i]));
    if (!letters.length) continue;
    if (op === 0) {
      const i = letters[pick(letters.length)];
      typo = orig.slice(0, i) + orig.slice(i + 1);
    } else if (op === 1) {
      const i = letters[pick(letters.length)];
      typo = orig.slice(0, i + 1) + orig.slice(i);
    } else {
      const spots = all.filter(
        (i) => i + 1 < orig.length && orig[i] !== orig[i + 1] && (mode === 'any' || isLetter(orig[i]) || isLetter(orig[i + 1])),
      );
      if (!spots.length) continue;
      const i = spots[pick(spots.length)];
      typo = orig.slice(0, i) + orig[i + 1] + orig[i] + orig.slice(i + 2);
    }
    if (!typo || matchKey(catalog, typo)) {
      skippedValid++;
      continue;
    }
    const text = renderKeys(vendor, [[typo, '']]);
    if (!text) {
      skippedFormat++;
      continue;
    }
    tried++;
    const p = checkOutput(text, { format: FORMAT[vendor], vendor, catalog }).find((x) => x.code === 'unknown-key');
    if (p && p.suggestions?.[0] === orig) hits++;
    else misses.push(`${typo} → ${p ? (p.suggestions?.[0] ?? '(none)') : '(not reported)'} [want ${orig}]`);
  }
  return { tried, hits, rate: tried ? hits / tried : 0, skippedValid, skippedFormat, misses };
}

for (const vendor of VENDORS) {
  const real = getCatalog(vendor);
  const catalog = real ?? derivedCatalog(vendor);
  const label = real ? 'catalog' : 'stand-in catalog derived from observed keys';
  test(`typos are reported with the original key first: ${vendor} (${label})`, { skip: !catalog ? 'no catalog' : false }, () => {
    const r = typoRate(vendor, catalog!, 'letters');
    const any = typoRate(vendor, catalog!, 'any');
    console.log(
      `# ${vendor} (${label}): ${r.hits}/${r.tried} = ${(r.rate * 100).toFixed(1)}% ` +
        `(skipped: ${r.skippedValid} mutations giving a valid key, ${r.skippedFormat} not expressible in the format); ` +
        `any-character mutations: ${(any.rate * 100).toFixed(1)}%`,
    );
    for (const m of r.misses.slice(0, 10)) console.log(`#   miss: ${m}`);
    assert.ok(r.tried >= SAMPLES * 0.9, `only ${r.tried} samples`);
    assert.ok(r.rate >= 0.95, `${vendor}: ${(r.rate * 100).toFixed(1)}% < 95%`);
  });
}
