import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkOutput } from '../../../../server/src/core/catalog/check';
import type { CheckContext, OutputProblem } from '../../../../server/src/core/catalog/output';
import { getCatalog } from '../../../../server/src/core/catalog/catalogs';
import type { KeyCatalog } from '../../../../server/src/core/catalog/types';
import { repoRoot } from './helpers';

const load = (n: string) => JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/catalogs', `${n}.json`), 'utf8')) as KeyCatalog;
const yealink = load('yealink-mini');
const yctx = (extra: Partial<CheckContext> = {}): CheckContext => ({
  format: 'yealink-cfg',
  vendor: 'yealink',
  catalog: yealink,
  ...extra,
});
const H = '#!version:1.0.0.1\n';
const only = (ps: OutputProblem[], code: string) => ps.filter((p) => p.code === code);
const span = (t: string, p: OutputProblem) => t.slice(p.start, p.end);

test('a clean file has no problems', () => {
  const t =
    H +
    'account.1.enable = 1\naccount.1.label = Bob\naccount.2.sip_server.1.address = pbx.example.com:5060\nlinekey.3.type = 16\n' +
    'static.auto_provision.server.url = https://prov.example.com/$MA\nstatic.network.ip_address = 10.0.0.5\nfeatures.codec_priority = PCMU,G722\naccount.3.label = %NULL%\naccount.4.label =\n';
  assert.deepEqual(checkOutput(t, yctx({ header: '#!version:1.0.0.1', model: 'T46S' })), []);
});

test('unknown-key: warning on the key with the original as first suggestion', () => {
  const t = H + 'acount.1.label = Bob\naccount.2.lable = x\nACCOUNT.1.ENABLE = 1\n';
  const ps = only(checkOutput(t, yctx()), 'unknown-key');
  assert.deepEqual(
    ps.map((p) => span(t, p)),
    ['acount.1.label', 'account.2.lable', 'ACCOUNT.1.ENABLE'],
  );
  assert.deepEqual(
    ps.map((p) => p.suggestions?.[0]),
    ['account.1.label', 'account.2.label', 'account.1.enable'],
  );
  assert.ok(ps.every((p) => p.severity === 'warning'));
  assert.match(ps[0].message, /acount\.1\.label/);
});

test('invalid-value: type, range, enum, pattern, list, host/ip/url — on the value, naming what is expected', () => {
  const t =
    H +
    'account.1.enable = yes\nlinekey.1.type = 99\naccount.1.sip_server.1.port = 70000\nphone_setting.backlight_time = abc\n' +
    'voice.tone.country = France\nlang.gui = 42\nfeatures.codec_priority = PCMU,G729\naccount.1.sip_server.1.address = pbx example\n' +
    'static.network.ip_address = 10.0.0.300\nstatic.auto_provision.server.url = htp://x\naccount.1.label = this label is far too long\n';
  const ps = only(checkOutput(t, yctx()), 'invalid-value');
  assert.deepEqual(
    ps.map((p) => span(t, p)),
    ['yes', '99', '70000', 'abc', 'France', '42', 'PCMU,G729', 'pbx example', '10.0.0.300', 'htp://x', 'this label is far too long'],
  );
  const msg = ps.map((p) => p.message);
  assert.match(msg[0], /boolean \(1, 0\)/);
  assert.match(msg[1], /0 \(N\/A\), 15 \(Line\), 16 \(BLF\)/);
  assert.match(msg[2], /0–65535/);
  assert.match(msg[3], /integer 0–1800/);
  assert.match(msg[4], /Custom, Germany/);
  assert.match(msg[10], /at most 20 characters/);
});

test('invalid-value never echoes a password', () => {
  const t = H + 'account.1.password = SuperSecretPassword123\n';
  const [p] = only(checkOutput(t, yctx()), 'invalid-value');
  assert.equal(span(t, p), 'SuperSecretPassword123');
  assert.doesNotMatch(p.message, /SuperSecret/);
  assert.match(p.message, /at most 16 characters/);
});

test('duplicate-key: on the second occurrence, related to the first; Cisco says the last wins', () => {
  const t = H + 'account.1.label = A\naccount.1.label = B\n';
  const [p] = only(checkOutput(t, yctx()), 'duplicate-key');
  assert.equal(p.start, t.lastIndexOf('account.1.label'));
  assert.equal(p.related?.[0].start, t.indexOf('account.1.label'));
  assert.match(p.message, /line 2/);
  const c = '<flat-profile><User_ID_1_>1</User_ID_1_><User_ID_1_>2</User_ID_1_></flat-profile>';
  const [q] = only(checkOutput(c, { format: 'cisco-xml', vendor: 'cisco', catalog: load('cisco-mini') }), 'duplicate-key');
  assert.match(q.message, /last/);
  // a Grandstream P-value and its alias are the same parameter
  const g =
    '<gs_provision><config version="1"><P35>1</P35></config><config version="2"><item name="account.1.sip.userid">1</item></config></gs_provision>';
  assert.equal(
    only(checkOutput(g, { format: 'grandstream-xml', vendor: 'grandstream', catalog: load('grandstream-mini') }), 'duplicate-key').length,
    1,
  );
});

test('wrong-file, deprecated-key, missing-header', () => {
  const t = 'local_time.time_zone = +1\naccount.2.sip_server_host = pbx\n';
  const ps = checkOutput(t, yctx({ fileKind: 'mac', header: '#!version:1.0.0.1' }));
  const wf = only(ps, 'wrong-file');
  assert.deepEqual(
    wf.map((p) => span(t, p)),
    ['local_time.time_zone'],
  );
  assert.match(wf[0].message, /'common'/);
  const [d] = only(ps, 'deprecated-key');
  assert.equal(d.severity, 'information');
  assert.deepEqual(d.suggestions, ['account.2.sip_server.1.address']);
  const [h] = only(ps, 'missing-header');
  assert.equal(h.severity, 'error');
  assert.equal(h.start, 0);
  assert.equal(only(checkOutput('\uFEFF#!version:1.0.0.1\r\n', yctx({ header: '#!version:1.0.0.1' })), 'missing-header').length, 0);
});

test('index-out-of-range: per model (maxByModel, prefixes) and beyond the catalog range', () => {
  const t = H + 'account.8.label = x\nlinekey.20.type = 16\naccount.99.label = y\n';
  const ps = only(checkOutput(t, yctx({ model: 'T41S' })), 'index-out-of-range');
  assert.deepEqual(
    ps.map((p) => span(t, p)),
    ['account.8.label', 'linekey.20.type', 'account.99.label'],
  );
  assert.match(ps[0].message, /T41S.*6/);
  assert.match(ps[1].message, /T41S.*15/);
  assert.match(ps[2].message, /1–16/);
  const t2 = only(checkOutput(H + 'account.4.label = x\n', yctx({ model: 'T27G' })), 'index-out-of-range');
  assert.match(t2[0].message, /T27G.*3/);
  assert.equal(only(checkOutput(t, yctx({ model: 'T46S' })), 'index-out-of-range').length, 1);
  assert.equal(only(checkOutput(H + 'phone_setting.backlight_time = 5\n', yctx({ model: 'T27G' })), 'unsupported-model').length, 1);
});

test('xml-malformed from the vendor formats; xml format checks only well-formedness', () => {
  const c = '<flat-profile>\n<User_ID_1_>1</User_ID_2_>\n</flat-profile>';
  const ps = checkOutput(c, { format: 'cisco-xml', vendor: 'cisco', catalog: load('cisco-mini') });
  assert.deepEqual(
    ps.map((p) => p.code),
    ['xml-malformed'],
  );
  assert.equal(span(c, ps[0]), '</User_ID_2_>');
  assert.deepEqual(checkOutput('<a><Unknown_Key/></a>', { format: 'xml', vendor: 'cisco', catalog: load('cisco-mini') }), []);
  assert.deepEqual(checkOutput('whatever = x', { format: 'text', vendor: 'yealink', catalog: yealink }), []);
});

test('other vendors: notation per format, bool spellings, macros', () => {
  const s =
    '<settings><phone-settings><user_name idx="13">1</user_name><user_active idx="1">maybe</user_active><langauge>x</langauge></phone-settings></settings>';
  const ps = checkOutput(s, { format: 'snom-xml', vendor: 'snom', catalog: load('snom-mini') });
  assert.deepEqual(
    ps.map((p) => [p.code, span(s, p)]),
    [
      ['index-out-of-range', 'user_name'],
      ['invalid-value', 'maybe'],
      ['unknown-key', 'langauge'],
    ],
  );
  assert.deepEqual(ps[2].suggestions, ['language']);
  const f = '<sysConf><sip><line index="1"><RegisterAdr>x</RegisterAdr></line></sip></sysConf>';
  const [fp] = checkOutput(f, { format: 'fanvil-xml', vendor: 'fanvil', catalog: load('fanvil-mini') });
  assert.deepEqual(fp.suggestions?.[0], 'sip.line[1].RegisterAddr');
  const c =
    '<flat-profile><Line_Enable_1_ ua="na">Yes</Line_Enable_1_><Profile_Rule>[--uid a --pwd b]https://p/$MA.xml</Profile_Rule><Proxy_1_>$PROXY</Proxy_1_></flat-profile>';
  assert.deepEqual(checkOutput(c, { format: 'cisco-xml', vendor: 'cisco', catalog: load('cisco-mini'), model: 'CP-6821-3PCC' }), []);
});

test('snom function keys: <functionKeys><fkey idx> entries are fkey[N] keys, index-checked', () => {
  const snom = getCatalog('snom')!;
  const ok =
    '<settings><functionKeys>\n<fkey idx="0" context="1" label="101">line</fkey>\n<fkey idx="1" context="1" label="Bob">blf sip:101@pbx|*8</fkey>\n' +
    '<fkey idx="2" context="1" label="600">speed 600</fkey>\n</functionKeys></settings>';
  assert.deepEqual(checkOutput(ok, { format: 'snom-xml', vendor: 'snom', catalog: snom }), []);
  const bad =
    '<settings><functionKeys><fkey idx="999">line</fkey><fkey idx="1">line</fkey><fkey idx="1">speed 600</fkey><fkye idx="2">line</fkye></functionKeys></settings>';
  const ps = checkOutput(bad, { format: 'snom-xml', vendor: 'snom', catalog: snom });
  assert.deepEqual(
    ps.map((p) => [p.code, span(bad, p)]),
    [
      ['index-out-of-range', 'fkey'],
      ['duplicate-key', 'fkey'],
      ['unknown-key', 'fkye'],
    ],
  );
  assert.equal(ps[1].start, bad.lastIndexOf('<fkey idx="1">') + 1);
});
