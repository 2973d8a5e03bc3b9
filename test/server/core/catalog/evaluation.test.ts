// The catalog evaluation (bench/catalog-eval) as a test: on real keys from provisioning templates of
// projects none of the catalogs were built from, at most 5 % get a warning or an error, and at least
// 90 % of seeded slips of the known ones are caught; every legacy file gets exactly one information and
// at most 5 % of its keys a warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error an .mjs module without types (shared with `npm run bench:catalog`)
import { evaluate } from '../../../../bench/catalog-eval/evaluate.mjs';
import { VENDORS } from './helpers';

interface Result {
  vendor: string;
  keys: number;
  flagged: number;
  typos: number;
  caught: number;
  legacyFiles: number;
  legacyOk: number;
  legacyFlagged: number;
  legacyKeys: number;
}

for (const vendor of VENDORS) {
  test(`held-out evaluation: ${vendor}`, () => {
    const r = evaluate(vendor) as Result;
    console.log(
      `# ${vendor}: ${r.flagged}/${r.keys} flagged, ${r.caught}/${r.typos} typos caught, ${r.legacyOk}/${r.legacyFiles} legacy files`,
    );
    if (r.keys) {
      assert.ok(r.flagged / r.keys <= 0.05, `false flags ${r.flagged}/${r.keys}`);
      assert.ok(r.typos > 50, `too few typos to measure (${r.typos})`);
      assert.ok(r.caught / r.typos >= 0.9, `typo recall ${r.caught}/${r.typos}`);
    }
    assert.equal(r.legacyOk, r.legacyFiles, 'one legacy-format information per legacy file');
    // keys of legacy files checked against the catalog (Fanvil XML, older Poly) are warned about only when a slip
    assert.ok(r.legacyFlagged <= 0.05 * r.legacyKeys, `legacy keys flagged ${r.legacyFlagged}/${r.legacyKeys}`);
  });
}
