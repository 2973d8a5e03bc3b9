import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at3cx, service3cx, TPL_TWO_FILES } from './threecxFixture';

test('symbols: the header sections, <blftype> kinds, and each deviceconfig by file name with its {IF} blocks', () => {
  const ls = service3cx();
  const { doc } = at3cx(TPL_TWO_FILES);
  const syms = ls.findDocumentSymbols(doc);
  assert.deepEqual(
    syms.map((s) => s.name),
    ['header', 'blftype', '%%mac_address%%.boot', '%%mac_address%%.cfg'],
  );
  const header = syms[0].children!.map((c) => c.name);
  for (const n of ['type', 'models', 'rebootParams', 'resyncParams', 'AllowedNetworkConfig', 'languages', 'backlight', 'timezoneParams'])
    assert.ok(header.includes(n), `${n} in ${header}`);
  const models = syms[0].children!.find((c) => c.name === 'models')!;
  assert.deepEqual(
    models.children!.map((m) => m.name),
    ['Yealink T53W', 'Yealink T54W', 'Yealink T57W', 'Yealink T58'],
  );
  assert.equal(syms[0].children!.find((c) => c.name === 'resyncParams')!.detail, 'check-sync;reboot=false');
  assert.deepEqual(
    syms[1].children!.map((c) => c.name),
    ['extension', 'speeddial', 'linekey'],
  );
  const cfg = syms[3];
  assert.equal(doc.getText(cfg.selectionRange), '<deviceconfig filename="%%mac_address%%.cfg">');
  const ifs = cfg.children!.map((c) => c.name);
  assert.deepEqual(ifs.slice(0, 4), [
    '{IF network=SBC}',
    '{IF network=REMOTESTUN}',
    '{IF ua=Yealink SIP-T57W,Yealink SIP-T58}',
    '{IF blf1}',
  ]);
  assert.equal(ifs.length, 13);
});

test('symbols of a template being edited into broken XML still list its deviceconfigs', () => {
  const ls = service3cx();
  const { doc } = at3cx(TPL_TWO_FILES.replace('<version>1</version>', '<version>1</versoin>'));
  const names = ls.findDocumentSymbols(doc).map((s) => s.name);
  assert.ok(names.includes('%%mac_address%%.cfg') && names.includes('%%mac_address%%.boot'), names.join());
});
