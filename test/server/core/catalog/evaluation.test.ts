// The catalog evaluation (bench/catalog-eval) as a test, per vendor and held-out project: on real keys from the
// provisioning templates of a project the catalog did not learn from (Provisioner.net and Issabel: the bundled
// catalog; FusionPBX and Wazo, which the observed-keys tables were counted from: the catalog without every key
// only that project backs), at most 5 % get a warning or an error, and at least 90 % of seeded slips of the known
// ones are caught; every legacy file gets exactly one information and at most 5 % of its keys a warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error an .mjs module without types (shared with `npm run bench:catalog`)
import { evaluate, projectsOf, catalogWithout } from '../../../../bench/catalog-eval/evaluate.mjs';
import { getCatalog, matchKey } from '../../../../server/src/core/catalog/catalogs';
import { VENDORS } from './helpers';

interface Result {
  vendor: string;
  project: string;
  role: 'outside' | 'source';
  removed: number;
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
    const results = (projectsOf(vendor) as { id: string }[]).map((p) => evaluate(vendor, p.id) as Result);
    let typos = 0;
    for (const r of results) {
      console.log(
        `# ${vendor} without ${r.project}: ${r.flagged}/${r.keys} flagged, ${r.caught}/${r.typos} typos caught, ${r.legacyOk}/${r.legacyFiles} legacy files`,
      );
      typos += r.typos;
      if (r.keys) assert.ok(r.flagged / r.keys <= 0.05, `${r.project}: false flags ${r.flagged}/${r.keys}`);
      if (r.typos >= 20) assert.ok(r.caught / r.typos >= 0.9, `${r.project}: typo recall ${r.caught}/${r.typos}`);
      assert.equal(r.legacyOk, r.legacyFiles, `${r.project}: one legacy-format information per legacy file`);
      // keys of legacy files checked against the catalog (Fanvil XML, older Poly) are warned about only when a slip
      assert.ok(r.legacyFlagged <= 0.05 * r.legacyKeys, `${r.project}: legacy keys flagged ${r.legacyFlagged}/${r.legacyKeys}`);
    }
    assert.ok(typos > 50, `too few typos to measure (${typos})`);
    // every vendor is measured with a source of its catalog really held out (current-format keys of FusionPBX)
    const fusion = results.find((r) => r.project === 'fusionpbx');
    assert.ok(fusion && fusion.role === 'source' && fusion.keys > 100 && fusion.removed > 0, 'FusionPBX held out');
  });
}

test('leave one source out: a key only the held-out project uses is gone, one both use stays', () => {
  const full = getCatalog('yealink')!;
  const { catalog } = catalogWithout('yealink', 'fusionpbx');
  assert.ok(catalog.keys.length < full.keys.length);
  assert.ok(matchKey(catalog, 'account.1.user_name'), 'used by Wazo too');
  assert.equal(catalogWithout('yealink', 'provisioner').catalog, full, 'an outside project removes nothing');
});
