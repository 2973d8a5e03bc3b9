// Grandstream P143 / P144 as the vendor's configuration templates define them (P143: DHCP option 2 may override the
// time zone; P144: DHCP option 42 may override the NTP server — fusionpbx/fusionpbx
// resources/templates/provision/grandstream/gxp20xx/{$mac}.xml, grp26xx/{$mac}.xml), in the catalog and the starter template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog } from '../../../../server/src/core/catalog/catalogs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleWorkspace, memoryWorkspace, REPO } from '../../../helpers/workspace';

test('catalog: P143 is DHCP option 2 → time zone, P144 is DHCP option 42 → NTP server, aliases agree', () => {
  const c = getCatalog('grandstream')!;
  const def = (key: string) => c.keys.find((k) => k.key === key)!;
  const p143 = def('P143');
  const p144 = def('P144');
  assert.match(p143.description, /option 2\b.*time zone/i);
  assert.equal(p143.alias, 'dateTime.override.dhcp.allowOption2');
  assert.match(p144.description, /option 42\b.*NTP/i);
  assert.equal(p144.alias, 'dateTime.override.dhcp.allowOption42');
  assert.equal(def('dateTime.override.dhcp.allowOption2').alias, 'P143');
  assert.equal(def('dateTime.override.dhcp.allowOption42').alias, 'P144');
});

test('starter template: the time zone is not overridden by DHCP option 2 (P143 = 0), the NTP server setting untouched', () => {
  const ws = exampleWorkspace();
  const phone = ws.phones.find((p) => p.vendor === 'grandstream')!;
  const route = ws.routesFor(phone).find((r) => r.template === 'templates/grandstream/common.xml.hbs')!;
  const text = ws.render(route.template!, phone, { route: route.route }).text;
  assert.match(text, /<P143>0<\/P143>/);
  assert.doesNotMatch(text, /<P144>/);
});

test('starter templates: every Grandstream alias boolean is spelled Yes/No, as the vendor documents alias values', () => {
  const c = getCatalog('grandstream')!;
  const bools = new Set(c.keys.filter((k) => k.type === 'bool' && !/^P\d+$/.test(k.key)).map((k) => k.key.replace(/\{\w+\}/g, 'N')));
  const ws = exampleWorkspace();
  const phone = ws.phones.find((p) => p.vendor === 'grandstream')!;
  let seen = 0;
  for (const r of ws.routesFor(phone)) {
    if (!r.template) continue;
    for (const [, name, value] of ws.render(r.template, phone, { route: r.route }).text.matchAll(/<item name="([^"]+)">([^<]*)<\/item>/g)) {
      if (!bools.has(name.replace(/\.\d+\./g, '.N.').replace(/\.\d+$/, '.N'))) continue;
      seen++;
      assert.match(value, /^(Yes|No)$/, `${r.path}: ${name} = ${value}`);
    }
  }
  assert.ok(seen >= 3, `${seen} alias booleans checked`);
});

test('starter template: London is written as the vendor lists it', () => {
  const dir = join(REPO, 'templates/grandstream');
  const files: Record<string, string> = {
    'bench.yaml': 'vars: { timezone: Europe/London }\nphones:\n  - { mac: 000b82aabbcc, vendor: grandstream, model: GRP2614 }\n',
  };
  for (const f of ['common.xml.hbs', 'partials/timezone.xml.hbs', 'partials/language.xml.hbs'])
    files[`templates/grandstream/${f}`] = readFileSync(join(dir, f), 'utf8');
  const ws = memoryWorkspace(files);
  const res = ws.resolveRequest('cfg.xml');
  assert.ok(res.ok);
  const text = ws.render(res.template, res.phone, { route: res.route }).text;
  assert.match(text, /<P64>GMT\+0BST-1,M3\.5\.0\/01:00:00,M10\.5\.0\/02:00:00<\/P64>/);
});
