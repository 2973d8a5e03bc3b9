// Grandstream P143 / P144 as the vendor's configuration templates define them (P143: DHCP option 2 may override the
// time zone; P144: DHCP option 42 may override the NTP server — fusionpbx/fusionpbx
// resources/templates/provision/grandstream/gxp20xx/{$mac}.xml, grp26xx/{$mac}.xml), in the catalog and the starter template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getCatalog } from '../../../../server/src/core/catalog/catalogs';
import { exampleWorkspace } from '../../../helpers/workspace';

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
