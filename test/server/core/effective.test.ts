// Effective configuration: the files a phone applies in its vendor's boot order, every key's final value and the
// template line that set it, the assignments it overrides, and the `key-overridden` information on each losing line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  effectiveConfig,
  isSecretKey,
  keyFilter,
  overrideProblems,
  type EffectiveConfig,
  type EffectiveKey,
} from '../../../server/src/core/effective';
import { requestPath } from '../../../server/src/core/effectiveOrder';
import { exampleWorkspace, memoryWorkspace, MINI_BENCH } from '../../helpers/workspace';

const H = '#!version:1.0.0.1\n';
const key = (c: EffectiveConfig, k: string): EffectiveKey => {
  const hit = c.keys.find((x) => x.key === k);
  assert.ok(hit, `no key ${k} in ${c.keys.map((x) => x.key).join(', ')}`);
  return hit;
};
/** `template:line` (1-based) of where an assignment is, as the CLI prints it. */
const at = (a: { template?: string; range?: { start: { line: number } } }) => `${a.template}:${a.range!.start.line + 1}`;

test('Yealink without a boot file: the common file, then <mac>.cfg, which wins; the common line is overridden', () => {
  const ws = memoryWorkspace({
    'bench.yaml': MINI_BENCH,
    'templates/yealink/common.cfg.hbs': `${H}lang.gui = English\nlocal_time.ntp_server1 = pool.ntp.org\n`,
    'templates/yealink/mac.cfg.hbs': `${H}account.1.label = {{phone.name}}\nlang.gui = French\n`,
  });
  const c = effectiveConfig(ws, ws.findPhone('one')!);
  assert.deepEqual(
    c.files.map((f) => [f.path, f.role, f.template, f.status]),
    [
      ['y000000000096.cfg', 'config', 'templates/yealink/common.cfg.hbs', 'ok'],
      ['805e0c000001.cfg', 'config', 'templates/yealink/mac.cfg.hbs', 'ok'],
    ],
  );
  const lang = key(c, 'lang.gui');
  assert.equal(lang.value, 'French');
  assert.equal(at(lang.setBy), 'templates/yealink/mac.cfg.hbs:3');
  assert.equal(lang.setBy.path, '805e0c000001.cfg');
  assert.deepEqual(
    lang.overridden.map((a) => [a.path, at(a), a.value]),
    [['y000000000096.cfg', 'templates/yealink/common.cfg.hbs:2', 'English']],
  );
  assert.equal(key(c, 'local_time.ntp_server1').overridden.length, 0);
  assert.equal(key(c, 'account.1.label').value, 'one');
  assert.deepEqual(
    c.keys.map((k) => k.key),
    ['lang.gui', 'local_time.ntp_server1', 'account.1.label'],
  );

  const problems = overrideProblems(ws, ws.findPhone('one')!);
  assert.equal(problems.length, 1);
  const p = problems[0];
  assert.equal(p.code, 'key-overridden');
  assert.equal(p.severity, 'information');
  assert.equal(p.file, 'templates/yealink/common.cfg.hbs');
  assert.equal(p.range.start.line, 1);
  assert.match(p.message, /'lang\.gui' = 'English' never takes effect/);
  assert.match(p.message, /805e0c000001\.cfg \(templates\/yealink\/mac\.cfg\.hbs:3\) sets it to 'French'/);
  assert.deepEqual(p.phones, ['one']);
});

test('Yealink <mac>.boot: its include:config lines give the order (server URL stripped), later ones win', () => {
  const files = {
    'bench.yaml': MINI_BENCH.replace(
      'pbx: { host: pbx.test }',
      'pbx: { host: pbx.test }\nserver: { host: 10.0.0.2, port: 8080, path_prefix: /prov }',
    ),
    'templates/yealink/common.cfg.hbs': `${H}lang.gui = English\n`,
    'templates/yealink/mac.cfg.hbs': `${H}lang.gui = French\n`,
    // reversed: the per-phone file first, so the common file wins
    'templates/yealink/mac.boot.hbs':
      `${H}include:config "{{server.url}}/{{phone.mac}}.cfg"\ninclude:config "{{server.url}}/y000000000096.cfg"\n` +
      'include:config "nowhere.cfg"\noverwrite_mode = 1\n',
  };
  const ws = memoryWorkspace(files);
  const c = effectiveConfig(ws, ws.findPhone('one')!);
  assert.deepEqual(
    c.files.map((f) => [f.path, f.role, f.status]),
    [
      ['805e0c000001.boot', 'list', 'ok'],
      ['805e0c000001.cfg', 'config', 'ok'],
      ['y000000000096.cfg', 'config', 'ok'],
      ['nowhere.cfg', 'config', 'not served'],
    ],
  );
  assert.match(c.files[3].note!, /listed in 805e0c000001\.boot; not served/);
  assert.equal(key(c, 'lang.gui').value, 'English');
  assert.equal(at(key(c, 'lang.gui').setBy), 'templates/yealink/common.cfg.hbs:2');
  assert.ok(!c.keys.some((k) => k.key === 'overwrite_mode'), 'the list file’s own keys are not counted');
  assert.equal(requestPath(ws, ws.findPhone('one')!, 'http://10.0.0.2:8080/prov/a/b.cfg'), 'a/b.cfg');
});

test('a key set twice in one file: the later line wins (Yealink), located on each line', () => {
  const ws = memoryWorkspace({
    'bench.yaml': MINI_BENCH,
    'templates/yealink/mac.cfg.hbs': `${H}account.1.label = a\naccount.1.label = b\naccount.1.password = x\naccount.1.password = y\n`,
  });
  const c = effectiveConfig(ws, ws.findPhone('one')!);
  assert.equal(key(c, 'account.1.label').value, 'b');
  assert.deepEqual(key(c, 'account.1.label').overridden.map(at), ['templates/yealink/mac.cfg.hbs:2']);
  const problems = overrideProblems(ws, ws.findPhone('one')!);
  assert.deepEqual(
    problems.map((p) => p.range.start.line + 1),
    [2, 4],
  );
  assert.match(problems[0].message, /line 3 of the same file/);
  // a secret's values never appear in the message
  assert.ok(key(c, 'account.1.password').secret);
  assert.ok(!/'x'|'y'/.test(problems[1].message), problems[1].message);
  assert.match(problems[1].message, /'account\.1\.password' = '\*{8}'.*sets it to '\*{8}'/);
});

const POLY_FILES = (configFiles: string) => ({
  'bench.yaml': MINI_BENCH,
  'templates/poly/master.xml.hbs': `<?xml version="1.0" standalone="yes"?>\n<APPLICATION APP_FILE_PATH="sip.ld" CONFIG_FILES="${configFiles}"/>\n`,
  'templates/poly/site.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8"?>\n<polycomConfig>\n<tcpIpApp tcpIpApp.sntp.address="site.ntp"\n  lcl.ml.lang="English_United_Kingdom"/>\n</polycomConfig>\n',
  'templates/poly/phone.xml.hbs':
    '<?xml version="1.0" encoding="UTF-8"?>\n<polycomConfig>\n<tcpIpApp tcpIpApp.sntp.address="phone.ntp"/>\n<reg reg.1.address="{{lines.0.extension}}"/>\n</polycomConfig>\n',
});

test('Poly: the order of the master file’s CONFIG_FILES, the first file listed wins', () => {
  const ws = memoryWorkspace(POLY_FILES('[PHONE_MAC_ADDRESS]-user.cfg, phone[PHONE_MAC_ADDRESS].cfg, site.cfg'));
  const phone = ws.findPhone('two')!;
  const c = effectiveConfig(ws, phone);
  assert.deepEqual(
    c.files.map((f) => [f.path, f.role, f.status]),
    [
      ['0004f2000002.cfg', 'list', 'ok'],
      ['0004f2000002-user.cfg', 'config', 'not served'],
      ['phone0004f2000002.cfg', 'config', 'ok'],
      ['site.cfg', 'config', 'ok'],
    ],
  );
  assert.equal(c.rules.acrossFiles, 'first');
  const ntp = key(c, 'tcpIpApp.sntp.address');
  assert.equal(ntp.value, 'phone.ntp');
  assert.equal(at(ntp.setBy), 'templates/poly/phone.xml.hbs:3');
  assert.deepEqual(
    ntp.overridden.map((a) => [a.path, at(a), a.value]),
    [['site.cfg', 'templates/poly/site.xml.hbs:3', 'site.ntp']],
  );
  assert.equal(key(c, 'lcl.ml.lang').setBy.range!.start.line + 1, 4);
  assert.equal(key(c, 'reg.1.address').value, '102');
  const [p] = overrideProblems(ws, phone);
  assert.equal(p.file, 'templates/poly/site.xml.hbs');
  assert.match(p.message, /first file listed wins/);

  // the other way round, site.cfg wins
  const ws2 = memoryWorkspace(POLY_FILES('site.cfg, phone[PHONE_MAC_ADDRESS].cfg'));
  const c2 = effectiveConfig(ws2, ws2.findPhone('two')!);
  assert.equal(key(c2, 'tcpIpApp.sntp.address').value, 'site.ntp');
  assert.equal(overrideProblems(ws2, ws2.findPhone('two')!)[0].file, 'templates/poly/phone.xml.hbs');
});

test('Poly: without a master file of its own the phone reads 000000000000.cfg; a file not listed is not applied', () => {
  const ws = memoryWorkspace(POLY_FILES('site.cfg'));
  const c = effectiveConfig(ws, ws.findPhone('two')!);
  assert.deepEqual(
    c.files.map((f) => f.path),
    ['0004f2000002.cfg', 'site.cfg'],
  );
  assert.ok(!c.keys.some((k) => k.key === 'reg.1.address'), 'phone<mac>.cfg is not listed: its keys never reach the phone');
});

test('Poly: the model’s own CONFIG_FILES_<model> inside the master wins over CONFIG_FILES when not empty', () => {
  const files = POLY_FILES('site.cfg');
  files['templates/poly/master.xml.hbs'] =
    '<?xml version="1.0" standalone="yes"?>\n<APPLICATION APP_FILE_PATH="sip.ld" CONFIG_FILES="site.cfg">\n' +
    '  <APPLICATION_VVX300 CONFIG_FILES_VVX300="nothing.cfg"/>\n' +
    '  <APPLICATION_VVX400 CONFIG_FILES_VVX400="[PHONE_MODEL]-[PHONE_MAC_ADDRESS].cfg, phone[PHONE_MAC_ADDRESS].cfg, site.cfg"/>\n' +
    '</APPLICATION>\n';
  const ws = memoryWorkspace(files);
  const c = effectiveConfig(ws, ws.findPhone('two')!);
  assert.deepEqual(
    c.files.map((f) => [f.path, f.status]),
    [
      ['0004f2000002.cfg', 'ok'],
      ['VVX400-0004f2000002.cfg', 'not served'],
      ['phone0004f2000002.cfg', 'ok'],
      ['site.cfg', 'ok'],
    ],
  );
  assert.equal(key(c, 'tcpIpApp.sntp.address').value, 'phone.ntp');
});

const CISCO_BENCH = `pbx: { host: pbx.test }
phones:
  - { mac: 00562b043615, vendor: cisco, model: CP-8841-3PCC, name: mpp, lines: [{ extension: "103", password: "c&rol" }] }
  - { mac: 0002fdff2103, vendor: cisco, model: SPA504G, name: spa }
`;

test('Cisco: the model file (MPP $PSN.xml, SPA spa$PSN.cfg), then $MA.xml, which wins', () => {
  const flat = (ntp: string) => `<flat-profile>\n  <Primary_NTP_Server>${ntp}</Primary_NTP_Server>\n</flat-profile>\n`;
  const ws = memoryWorkspace({
    'bench.yaml': CISCO_BENCH,
    'templates/cisco/model.xml.hbs': flat('model.ntp'),
    'templates/cisco/spa.cfg.hbs': flat('spa.ntp'),
    'templates/cisco/mac.xml.hbs': flat('{{phone.name}}.ntp'),
  });
  const mpp = effectiveConfig(ws, ws.findPhone('mpp')!);
  assert.deepEqual(
    mpp.files.map((f) => [f.path, f.template]),
    [
      ['8841-3PCC.xml', 'templates/cisco/model.xml.hbs'],
      ['00562b043615.xml', 'templates/cisco/mac.xml.hbs'],
    ],
  );
  assert.equal(key(mpp, 'Primary_NTP_Server').value, 'mpp.ntp');
  assert.equal(key(mpp, 'Primary_NTP_Server').overridden[0].value, 'model.ntp');
  const spa = effectiveConfig(ws, ws.findPhone('spa')!);
  assert.deepEqual(
    spa.files.map((f) => f.path),
    ['spa504G.cfg', '0002fdff2103.xml'],
  );
  assert.equal(key(spa, 'Primary_NTP_Server').overridden[0].value, 'spa.ntp');
});

test('Grandstream: cfg.xml, cfg<model>.xml, cfg<mac>.xml; a P-value and its alias are one parameter', () => {
  const gs = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<gs_provision version="1">\n${body}\n</gs_provision>\n`;
  const ws = memoryWorkspace({
    'bench.yaml': 'phones:\n  - { mac: 000b827a3c21, vendor: grandstream, model: GRP2614, name: gs }\n',
    'templates/grandstream/common.xml.hbs': gs('<config version="2">\n<item name="account.1.sip.userid">common</item>\n</config>'),
    'templates/grandstream/model.xml.hbs': gs('<config version="1">\n<P35>model</P35>\n<P64>x</P64>\n</config>'),
    'templates/grandstream/mac.xml.hbs': gs('<config version="1">\n<P35>mac</P35>\n</config>'),
  });
  const c = effectiveConfig(ws, ws.phones[0]);
  assert.deepEqual(
    c.files.map((f) => f.path),
    ['cfg.xml', 'cfggrp2614.xml', 'cfg000b827a3c21.xml'],
  );
  const userid = key(c, 'P35');
  assert.equal(userid.value, 'mac');
  assert.deepEqual(
    userid.overridden.map((a) => [a.key, a.value]),
    [
      ['account.1.sip.userid', 'common'],
      ['P35', 'model'],
    ],
  );
});

test('the example workspace: every phone’s files render, in the vendor order; secrets flagged; nothing overridden', () => {
  const ws = exampleWorkspace();
  const order: Record<string, string[]> = {};
  for (const phone of ws.phones) {
    const c = effectiveConfig(ws, phone);
    order[phone.name] = c.files.map((f) => `${f.role === 'list' ? '>' : ''}${f.path}`);
    assert.ok(
      c.files.every((f) => f.status === 'ok'),
      `${phone.name}: ${c.files.map((f) => `${f.path} ${f.status} ${f.note ?? ''}`).join('; ')}`,
    );
    assert.ok(c.keys.length > 5, phone.name);
    assert.ok(
      c.keys.every((k) => k.setBy.template && k.setBy.range),
      `${phone.name}: every key located`,
    );
    assert.deepEqual(overrideProblems(ws, phone), [], phone.name);
  }
  assert.deepEqual(order, {
    'reception-t54w': ['>805e0c112233.boot', 'y000000000096.cfg', '805e0c112233.cfg'],
    'alice-t46s': ['>001565f429a4.boot', 'y000000000066.cfg', '001565f429a4.cfg'],
    'bob-vvx400': ['>0004f2abcdef.cfg', 'phone0004f2abcdef.cfg', 'site.cfg'],
    'sales-cp8841': ['8841-3PCC.xml', '00562b043615.xml'],
    'lab-grp2614': ['cfg.xml', 'cfggrp2614.xml', 'cfg000b827a3c21.xml'],
    'desk-d785': ['snomd785.htm', 'snomd785-0004135A9B2C.htm'],
    'warehouse-x4u': ['fanvil_x4u_v2_hwv2_0.txt', '0c383e4d217f.cfg'],
    'lab-t57w': ['805e0c575701.cfg'],
  });
  const t54w = effectiveConfig(ws, ws.findPhone('reception-t54w')!);
  assert.ok(key(t54w, 'account.1.password').secret);
  assert.equal(key(t54w, 'account.1.password').value, 'p&ss<w>"rd\'=1');
  assert.ok(!key(t54w, 'account.1.label').secret);
  // a partial's line, with the root template's include as `via`
  const viaPartial = t54w.keys.find((k) => k.setBy.via);
  assert.ok(viaPartial && /partials\//.test(viaPartial.setBy.template!), 'a key set inside a partial names the partial and its caller');
});

test('isSecretKey: by name, or typed password in the catalog; keyFilter: substring or glob', () => {
  for (const k of [
    'account.1.password',
    'Password_1_',
    'user_pass[1]',
    'Register_Pswd',
    'Admin_Passwd',
    'static.security.user_pwd',
    'x.secret',
    // the bench check's names too (one test for both, bench/secrets.ts isSecretName)
    'phone_setting.phone_lock.unlock_pin',
    'security.admin_pw',
    'Passwort',
  ])
    assert.ok(isSecretKey(k), k);
  for (const k of ['account.1.label', 'features.bypass_mode', 'passthrough', 'P35']) assert.ok(!isSecretKey(k), k);
  const k = (name: string) => ({ key: name, setBy: { key: name } }) as EffectiveKey;
  assert.ok(keyFilter('LABEL')(k('account.1.label')));
  assert.ok(keyFilter('account.*.label')(k('account.12.label')));
  assert.ok(!keyFilter('account.*.label')(k('account.1.label_x')));
  assert.ok(keyFilter('account.?.label')(k('account.1.label')));
  assert.ok(keyFilter(undefined)(k('anything')));
});
