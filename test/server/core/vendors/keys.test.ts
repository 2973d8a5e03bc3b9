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
import { PROFILES } from '../../../../server/src/core/vendors';
import { findModule } from '../../../../server/src/core/keys';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

  test(`${vendor}: modules have a source, counts (when given) that are positive, and names that are unique`, () => {
    const names = new Map<string, string>();
    const squash = (x: string) => x.toLowerCase().replace(/[^a-z0-9]/g, '');
    for (const m of keys.modules) {
      assert.ok(m.id.trim().length > 0, `${vendor}: module id`);
      if (m.keys !== undefined) assert.ok(Number.isInteger(m.keys) && m.keys > 0, `${vendor} ${m.id}: keys`);
      if (m.maxPerPhone !== undefined) assert.ok(Number.isInteger(m.maxPerPhone) && m.maxPerPhone > 0, `${vendor} ${m.id}: maxPerPhone`);
      assert.ok(m.source.trim().length > 0, `${vendor} ${m.id}: source`);
      // an unchecked count says so in its source
      if (m.keys === undefined) assert.match(m.source, /not (found|checked)/, `${vendor} ${m.id}: why no key count`);
      for (const a of m.aliases ?? []) assert.ok(a.source.trim().length > 0, `${vendor} ${m.id} alias ${a.name}: source`);
      // no name (id or alias) may point at two modules, or findModule would pick one at random
      for (const n of [m.id, ...(m.aliases ?? []).map((a) => a.name)]) {
        const other = names.get(squash(n));
        assert.ok(other === undefined || other === m.id, `${vendor}: '${n}' names both ${other} and ${m.id}`);
        names.set(squash(n), m.id);
      }
    }
  });
}

// The model rows name modules (`expansion:`) and the key data defines them: one table. Every entry of every model row,
// for every vendor, must be a module id of that vendor's key data (the id itself, not an alias), so the two cannot drift.
test("every model row's expansion entry is a module id of its vendor's key data", () => {
  let checked = 0;
  for (const profile of Object.values(PROFILES)) {
    const ids = new Set((profile.keys?.modules ?? []).map((m) => m.id));
    for (const model of profile.models) {
      for (const e of model.expansion ?? []) {
        assert.ok(ids.has(e), `${profile.id} ${model.id}: expansion '${e}' is not a module id of vendors/keys/${profile.id}.ts`);
        assert.equal(findModule(profile.id, e)?.id, e, `${profile.id} ${model.id}: findModule('${e}')`);
        checked++;
      }
      // a model's own module limit is below what its modules allow, and says where it comes from
      if (model.expansionMax !== undefined) {
        assert.ok(model.expansionSource, `${profile.id} ${model.id}: expansionMax without expansionSource`);
        const most = Math.max(...(model.expansion ?? []).map((e) => findModule(profile.id, e)?.maxPerPhone ?? Infinity));
        assert.ok(model.expansionMax < most, `${profile.id} ${model.id}: expansionMax ${model.expansionMax} is not below ${most}`);
      }
    }
  }
  assert.ok(checked > 50, `only ${checked} expansion entries checked`);
});

test('findModule matches a module by id or alias, any case and separators', () => {
  assert.equal(findModule('cisco', 'bekem')?.id, 'BEKEM');
  assert.equal(findModule('cisco', 'Cisco IP Phone 8800 Key Expansion Module')?.id, 'BEKEM');
  assert.equal(findModule('cisco', 'CP-8800-A-KEM')?.id, 'CP-8800-Audio');
  assert.equal(findModule('cisco', 'cp 8800 video')?.id, 'CP-8800-Video');
  assert.equal(findModule('poly', 'VVX Color Expansion Module')?.keys, 84);
  assert.equal(findModule('poly', 'VVX Expansion Module')?.keys, 40);
  assert.equal(findModule('yealink', 'exp43')?.keys, 60);
  assert.equal(findModule('grandstream', 'GBX20')?.id, 'GBX20');
  assert.equal(findModule('snom', 'd7c')?.id, 'D7C');
  assert.equal(findModule('fanvil', 'EXT-20')?.maxPerPhone, 5);
  assert.equal(findModule('yealink', 'EXP99'), undefined);
  assert.equal(findModule('cisco', 'EXP50'), undefined, 'modules are per vendor');
});

// Bench completion offers module types from the bench schema (`modules[].type` examples): exactly the module ids.
test('the bench schema offers every module id of every vendor for modules[].type, and nothing else', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../../../server/src/core/bench/bench.schema.json'), 'utf8'));
  const type = schema.properties.phones.items.properties.modules.items.properties.type;
  const ids = Object.values(PROFILES).flatMap((p) => (p.keys?.modules ?? []).map((m) => m.id));
  assert.deepEqual([...type.examples].sort(), [...ids].sort());
});

// Codes as the cited sources write them (FusionPBX app_config.php and templates, Wazo plugins, vendor guides).
test('key codes match their sources', () => {
  const code = (k: VendorKeys, t: keyof VendorKeys['types']) => k.types[t]?.code;
  // Cisco MPP fnc= values (KEM chapter of the MPP guide; Wazo _add_fkeys)
  assert.equal(code(CISCO_KEYS, 'blf'), 'blf+sd+cp');
  assert.equal(code(CISCO_KEYS, 'speed_dial'), 'sd');
  assert.equal(code(CISCO_KEYS, 'park'), 'prk');
  assert.equal(code(CISCO_KEYS, 'url'), 'xml');
  // Poly: attendant resource types, Flexible Line Key categories, FusionPBX's Messages key function
  assert.equal(code(POLY_KEYS, 'blf'), 'normal');
  assert.equal(code(POLY_KEYS, 'park'), 'automata');
  assert.equal(code(POLY_KEYS, 'voicemail'), 'Messages');
  // Fanvil memory-key suffixes (FusionPBX app_config.php; Wazo _format_funckey_*)
  assert.equal(code(FANVIL_KEYS, 'blf'), 'ba');
  assert.equal(code(FANVIL_KEYS, 'speed_dial'), 'f');
  assert.equal(code(FANVIL_KEYS, 'park'), 'c');
  assert.equal(code(FANVIL_KEYS, 'intercom'), 'i');
  assert.equal(code(FANVIL_KEYS, 'forward'), 'a');
  // functions no source gives a code for stay out (check warns instead of a guessed code)
  for (const t of ['forward', 'transfer', 'intercom', 'conference', 'record', 'paging'] as const)
    assert.equal(code(CISCO_KEYS, t), undefined, `cisco ${t}`);
  for (const t of ['dnd', 'forward', 'transfer', 'conference'] as const) assert.equal(code(POLY_KEYS, t), undefined, `poly ${t}`);
  for (const t of ['dnd', 'transfer', 'voicemail', 'paging'] as const) assert.equal(code(FANVIL_KEYS, t), undefined, `fanvil ${t}`);
});
