// Per-vendor key codes and expansion modules (server/src/core/vendors/keys): each vendor has line, BLF and speed dial,
// every fact names its source, codes do not collide within a vendor, modules have keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_TYPES, type VendorKeys } from '../../../../server/src/core/vendors/keys/types';
import { YEALINK_KEYS } from '../../../../server/src/core/vendors/keys/yealink';
import { POLY_KEYS } from '../../../../server/src/core/vendors/keys/poly';
import { CISCO_KEYS } from '../../../../server/src/core/vendors/keys/cisco';
import { GRANDSTREAM_KEYS } from '../../../../server/src/core/vendors/keys/grandstream';
import { SNOM_KEYS } from '../../../../server/src/core/vendors/keys/snom';
import { FANVIL_KEYS } from '../../../../server/src/core/vendors/keys/fanvil';

const VENDORS: Record<string, VendorKeys> = {
  yealink: YEALINK_KEYS,
  poly: POLY_KEYS,
  cisco: CISCO_KEYS,
  grandstream: GRANDSTREAM_KEYS,
  snom: SNOM_KEYS,
  fanvil: FANVIL_KEYS,
};

for (const [vendor, keys] of Object.entries(VENDORS)) {
  test(`${vendor}: line, blf and speed_dial have codes`, () => {
    for (const t of ['line', 'blf', 'speed_dial'] as const) {
      assert.ok(keys.types[t]?.code, `${vendor} ${t}`);
    }
  });

  test(`${vendor}: only known key types, each with a non-empty code and source`, () => {
    for (const [t, c] of Object.entries(keys.types)) {
      assert.ok((KEY_TYPES as readonly string[]).includes(t), `${vendor}: unknown key type ${t}`);
      assert.ok(c && c.code.trim().length > 0, `${vendor} ${t}: code`);
      assert.ok(c.source.trim().length > 0, `${vendor} ${t}: source`);
      if (c.value !== undefined) assert.ok(c.value.trim().length > 0, `${vendor} ${t}: value`);
    }
  });

  // Every vendor here gives each function its own code (Cisco's BLF and pickup share `blf`, but as different
  // function strings: `blf+sd+cp` / `blf+cp`).
  test(`${vendor}: codes are unique`, () => {
    const seen = new Map<string, string>();
    for (const [t, c] of Object.entries(keys.types)) {
      const other = seen.get(c!.code);
      assert.equal(other, undefined, `${vendor}: ${t} and ${other} share code ${c!.code}`);
      seen.set(c!.code, t);
    }
  });

  test(`${vendor}: modules have keys, a per-phone maximum and a source`, () => {
    const ids = new Set<string>();
    for (const m of keys.modules) {
      assert.ok(m.id.trim().length > 0, `${vendor}: module id`);
      assert.ok(!ids.has(m.id), `${vendor}: module ${m.id} twice`);
      ids.add(m.id);
      assert.ok(Number.isInteger(m.keys) && m.keys > 0, `${vendor} ${m.id}: keys`);
      assert.ok(Number.isInteger(m.maxPerPhone) && m.maxPerPhone > 0, `${vendor} ${m.id}: maxPerPhone`);
      assert.ok(m.source.trim().length > 0, `${vendor} ${m.id}: source`);
    }
  });
}

test("spot checks against the vendors' own lists", () => {
  assert.equal(YEALINK_KEYS.types.line?.code, '15');
  assert.equal(YEALINK_KEYS.types.blf?.code, '16');
  assert.equal(YEALINK_KEYS.types.speed_dial?.code, '13');
  assert.equal(YEALINK_KEYS.types.park?.code, '10');
  assert.equal(YEALINK_KEYS.types.group_pickup?.code, '23');
  assert.equal(YEALINK_KEYS.types.paging?.code, '24');
  assert.equal(GRANDSTREAM_KEYS.types.blf?.code, 'BLF');
  assert.equal(GRANDSTREAM_KEYS.types.park?.code, 'CallPark');
  assert.equal(CISCO_KEYS.types.park?.code, 'prk');
  assert.equal(SNOM_KEYS.types.park?.code, 'orbit');
  assert.equal(SNOM_KEYS.types.intercom?.code, 'icom');
  assert.equal(FANVIL_KEYS.types.line?.code, '2');
  assert.equal(POLY_KEYS.types.blf?.code, 'normal');
});
