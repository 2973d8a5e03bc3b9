// What an unknown key is told: a "did you mean" warning when it is a slip of a known key (misspelt,
// another index form, swapped words); information "not in the catalog (N keys known …)" when it is near
// nothing; "the phone ignores it" only in a key family the catalog lists in full. Legacy formats: one
// located information per file, not one problem per key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkOutput } from '../../../../server/src/core/catalog/check';
import type { CheckContext, OutputProblem } from '../../../../server/src/core/catalog/output';
import { getCatalog } from '../../../../server/src/core/catalog/catalogs';
import type { KeyCatalog } from '../../../../server/src/core/catalog/types';
import { repoRoot } from './helpers';

const mini = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/catalogs/yealink-mini.json'), 'utf8')) as KeyCatalog;
const H = '#!version:1.0.0.1\n';
const yctx = (catalog: KeyCatalog = mini, extra: Partial<CheckContext> = {}): CheckContext => ({
  format: 'yealink-cfg',
  vendor: 'yealink',
  catalog,
  ...extra,
});
const keyProblems = (ps: OutputProblem[]) => ps.filter((p) => ['unknown-key', 'uncatalogued-key', 'legacy-format'].includes(p.code));
const span = (t: string, p: OutputProblem) => t.slice(p.start, p.end);

test('a key near a known key: warning with did you mean, without claiming the phone ignores it', () => {
  const t = H + 'acount.1.label = Bob\n';
  const [p] = keyProblems(checkOutput(t, yctx()));
  assert.equal(p.code, 'unknown-key');
  assert.equal(p.severity, 'warning');
  assert.equal(p.suggestions?.[0], 'account.1.label');
  assert.equal(p.message, "Unknown Yealink key 'acount.1.label'. Did you mean 'account.1.label'?");
  assert.doesNotMatch(p.message, /ignores/);
});

test('another index form and swapped words are slips of a known key too', () => {
  const t = H + 'account1.label = x\nlabel.account.1 = y\n';
  const ps = keyProblems(checkOutput(t, yctx()));
  assert.deepEqual(
    ps.map((p) => [span(t, p), p.code, p.suggestions?.[0]]),
    [
      ['account1.label', 'unknown-key', 'account.1.label'],
      ['label.account.1', 'unknown-key', 'account.1.label'],
    ],
  );
});

test('a key near nothing: information naming how many keys the catalog knows, with the key for the quick fix', () => {
  const t = H + 'features.zz_quux_setting = 1\n';
  const ps = keyProblems(checkOutput(t, yctx()));
  assert.equal(ps.length, 1);
  const [p] = ps;
  assert.equal(p.code, 'uncatalogued-key');
  assert.equal(p.severity, 'information');
  assert.equal(span(t, p), 'features.zz_quux_setting');
  assert.deepEqual(p.data, { word: 'features.zz_quux_setting' });
  assert.match(p.message, new RegExp(`not in the Yealink catalog \\(${mini.keys.length} keys known for Yealink\\)`));
  assert.doesNotMatch(p.message, /ignores/);
  // the bundled catalog gives its own size, with thousands separators
  const [q] = keyProblems(checkOutput(t, yctx(getCatalog('yealink'))));
  assert.match(q.message, new RegExp(`\\(${getCatalog('yealink')!.keys.length.toLocaleString('en-US')} keys known for Yealink\\)`));
});

test('in a key family the catalog lists in full, an unknown key is a warning that the phone ignores it', () => {
  const full: KeyCatalog = { ...mini, exhaustive: [{ prefix: 'account.{account}.', source: 'test' }] };
  const t = H + 'account.1.zz_quux = 1\nfeatures.zz_quux = 1\naccount.1.lable = x\n';
  const ps = keyProblems(checkOutput(t, yctx(full)));
  assert.deepEqual(
    ps.map((p) => [span(t, p), p.code, p.severity]),
    [
      ['account.1.zz_quux', 'unknown-key', 'warning'],
      ['features.zz_quux', 'uncatalogued-key', 'information'],
      ['account.1.lable', 'unknown-key', 'warning'],
    ],
  );
  assert.match(ps[0].message, /the catalog lists every 'account\.\{account\}\.' key, so the phone ignores it/);
  assert.match(ps[2].message, /Did you mean 'account\.1\.label'\? The catalog lists every 'account\.\{account\}\.' key/);
});

test('Yealink v6x INI: one located information at the first section, no problem per key, no missing header', () => {
  const t =
    '# written for firmware 6x\n[ account ]\npath = /config/voip/sipAccount0.cfg\nEnable = 1\nLabel = 100\n\n[ DNS ]\npath = /config/system/system.ini\nPrimaryDNS = 10.0.0.1\n';
  const ps = checkOutput(t, yctx(getCatalog('yealink'), { header: '#!version:1.0.0.1' }));
  assert.deepEqual(
    ps.map((p) => [p.code, p.severity, span(t, p)]),
    [['legacy-format', 'information', '[ account ]']],
  );
  assert.match(ps[0].message, /Legacy format: this is a Yealink v6x INI file .* its keys are not checked/);
});

test('Fanvil legacy text, snom plain text: one information each, no XML errors', () => {
  const fanvil =
    '<<VOIP CONFIG FILE>>Version:2.0002\n\n<GLOBAL CONFIG MODULE>\nWAN Mode           :DHCP\nSNTP Server        :pool.ntp.org\n';
  const fp = checkOutput(fanvil, { format: 'fanvil-xml', vendor: 'fanvil' });
  assert.deepEqual(
    fp.map((p) => [p.code, span(fanvil, p)]),
    [['legacy-format', '<<VOIP CONFIG FILE>>']],
  );
  const snom = '<html>\n<pre>\n  timezone: GBR-0\n  user_active1: on\n  user_name1: 100\n</pre>\n</html>\n';
  const sp = checkOutput(snom, { format: 'snom-xml', vendor: 'snom' });
  assert.deepEqual(
    sp.map((p) => [p.code, span(snom, p)]),
    [['legacy-format', 'timezone']],
  );
  const plain = 'language$: English\nuser_realname1!: Alice\n';
  assert.deepEqual(
    checkOutput(plain, { format: 'snom-xml', vendor: 'snom' }).map((p) => p.code),
    ['legacy-format'],
  );
});

test('Fanvil legacy XML: checked for slips only, the rest counted into one information; older Poly roots: not checked', () => {
  const f =
    '<?xml version="1.0"?>\n<VOIP_CONFIG_FILE>\n<version>2.0</version>\n<SIP_CONFIG_MODULE>\n' +
    '<SIP__Port>5060</SIP__Port>\n<Zz_Quux_Thing>1</Zz_Quux_Thing>\n</SIP_CONFIG_MODULE>\n</VOIP_CONFIG_FILE>\n';
  const ps = checkOutput(f, { format: 'fanvil-xml', vendor: 'fanvil' });
  const legacy = ps.filter((p) => p.code === 'legacy-format');
  assert.equal(legacy.length, 1);
  assert.equal(span(f, legacy[0]), 'VOIP_CONFIG_FILE');
  assert.ok(!ps.some((p) => p.code === 'uncatalogued-key' || p.code === 'deprecated-key'), JSON.stringify(ps));
  assert.match(legacy[0].message, /not in the catalog/);

  const poly = '<?xml version="1.0"?>\n<sip>\n<voIpProt voIpProt.server.1.address="pbx" zz.quux.thing="1" />\n</sip>\n';
  const pp = checkOutput(poly, { format: 'poly-xml', vendor: 'poly' });
  assert.deepEqual(
    pp.map((p) => [p.code, span(poly, p)]),
    [['legacy-format', 'sip']],
  );
  assert.match(pp[0].message, /older Poly .* <sip> root, .* its keys are not checked/);
  const config = '<?xml version="1.0"?>\n<config reg.1.adress="100" zz.quux.thing="1" device.set="1"/>\n';
  assert.deepEqual(
    checkOutput(config, { format: 'poly-xml', vendor: 'poly' }).map((p) => [p.code, span(config, p)]),
    [
      ['legacy-format', 'config'],
      ['unknown-key', 'reg.1.adress'],
    ],
    '<config>: one information, and a slip is still a warning',
  );
});

test('current formats are not taken for legacy ones', () => {
  const snom = '<?xml version="1.0"?>\n<settings><phone-settings><language perm="">English</language></phone-settings></settings>\n';
  assert.ok(!checkOutput(snom, { format: 'snom-xml', vendor: 'snom' }).some((p) => p.code === 'legacy-format'));
  const poly = '<?xml version="1.0"?>\n<polycomConfig><reg reg.1.address="100" /></polycomConfig>\n';
  assert.ok(!checkOutput(poly, { format: 'poly-xml', vendor: 'poly' }).some((p) => p.code === 'legacy-format'));
  assert.ok(!checkOutput(H + 'account.1.label = [ x ]\n', yctx()).some((p) => p.code === 'legacy-format'));
});

test('firmware: a key renamed in a release the phone runs is a warning with the replacement; before it, deprecated only', () => {
  const y = getCatalog('yealink')!;
  const t = H + 'auto_provision.attempt_expired_time = 5\n';
  const at = (firmware?: string) =>
    checkOutput(t, yctx(y, { firmware }))
      .filter((p) => p.code === 'firmware-key' || p.code === 'deprecated-key')
      .map((p) => [p.code, p.severity, p.suggestions?.[0]]);
  const renamed = ['firmware-key', 'warning', 'static.auto_provision.attempt_expired_time'];
  const deprecated = ['deprecated-key', 'information', 'static.auto_provision.attempt_expired_time'];
  assert.deepEqual(at('96.86.0.70'), [renamed], 'T54W release 86');
  assert.deepEqual(at('81'), [renamed], 'the release that renamed it');
  assert.deepEqual(at('66.80.0.5'), [deprecated], 'release 80 still reads it');
  assert.deepEqual(at(undefined), [deprecated], 'no firmware in the bench');
  const [p] = checkOutput(t, yctx(y, { firmware: '96.86.0.70' })).filter((x) => x.code === 'firmware-key');
  assert.equal(
    p.message,
    "'auto_provision.attempt_expired_time' is renamed in firmware 81 and this phone runs 96.86.0.70: it ignores the key. Use 'static.auto_provision.attempt_expired_time'.",
  );
});

test('firmware versions compare per vendor: Yealink by release, others by dotted numbers', async () => {
  const { compareFirmware } = await import('../../../../server/src/core/catalog/firmware');
  assert.ok(compareFirmware('yealink', '96.86.0.70', '81')! > 0);
  assert.ok(compareFirmware('yealink', '44.80.0.130', '81')! < 0);
  assert.ok(compareFirmware('poly', '6.4.3.1234', '6.4.3')! === 0);
  assert.ok(compareFirmware('poly', '5.9.0', '6.0')! < 0);
  assert.equal(compareFirmware('cisco', 'unknown', '11.3'), undefined);
});

test('what is a slip: a misspelt word, another index form, swapped words; not a word more, another word or another slot', async () => {
  const { isSlip } = await import('../../../../server/src/core/catalog/suggest');
  const yes: [string, string][] = [
    ['acount.1.label', 'account.1.label'],
    ['account1.label', 'account.1.label'],
    ['label.account.1', 'account.1.label'],
    ['linekey.100.lable', 'linekey.10.label'],
    ['ACCOUNT.1.ENABLE', 'account.1.enable'],
    ['sip.line[1].RegisterAdr', 'sip.line[1].RegisterAddr'],
    ['vpn.L2TPSreverAddress', 'vpn.L2TPServerAddress'],
  ];
  const no: [string, string][] = [
    ['dialplan.1.digitmap', 'dialplan.digitmap'],
    ['bg.color.bm.1.em.name', 'bg.color.bm.1.name'],
    ['attendant.reg', 'attendant.uri'],
    ['codec4_name[1]', 'codec1_name[1]'],
    ['feature.1.enabled', 'feature.E911.enabled'],
    // a letter slot, and one word of a camel-case name replaced by another (real Fanvil and Cisco settings)
    ['Profile_Rule_D', 'Profile_Rule_B'],
    ['vpn.SSTPServerAddress', 'vpn.L2TPServerAddress'],
    ['phone.blfLed.BLFUsingColor', 'phone.blfLed.BLFRingColor'],
  ];
  for (const [typed, known] of yes) assert.equal(isSlip(typed, known), true, `${typed} is a slip of ${known}`);
  for (const [typed, known] of no) assert.equal(isSlip(typed, known), false, `${typed} is not a slip of ${known}`);
});
