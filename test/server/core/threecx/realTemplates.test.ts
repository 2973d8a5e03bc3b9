// Real 3CX templates (test/fixtures/threecx/templates/3cx, each reduced from a public repository named in its
// first comment) on the bench of that folder: check reports no errors in them, every phone's files render (what
// Preview Config and the dev server show), and convert is byte-identical for each phone the template serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../../../server/src/core/check';
import { DiskFiles } from '../../../../server/src/core/files';
import { templateForPhone } from '../../../../server/src/core/threecx/dialect';
import { Workspace } from '../../../../server/src/core/workspace';
import { convertProven } from '../../../../server/src/cli/commands/convert';
import { REAL_FIXTURES } from './fixture';

const fixtures = () => new Workspace(new DiskFiles(REAL_FIXTURES));

/** Template → the bench phones it serves there. */
const SERVED: Record<string, string[]> = {
  'templates/3cx/yealink-t4x.ph.xml': ['yealink-t46s', 'yealink-t48s'],
  'templates/3cx/yealink-w70b.fxs.xml': ['yealink-w70b'],
  'templates/3cx/fanvil-custom.ph.xml': ['fanvil-x4u', 'fanvil-x6u'],
  'templates/3cx/cisco-spa50x.ph.xml': ['cisco-spa504g'],
  'templates/3cx/grandstream-dp75x.fxs.xml': ['grandstream-dp750'],
  'templates/3cx/yealink-w52p.ph.xml': ['yealink-w52p'],
  'templates/3cx/poly-soundpoint-aet.ph.xml': ['poly-spip501'],
  'templates/3cx/grandstream-gxp-uf.ph.xml': ['grandstream-gxp2170', 'grandstream-gxp1628'],
};

test('real 3CX templates: check reports no errors (warnings only, e.g. keys the vendor catalogs do not know)', () => {
  const ws = fixtures();
  const problems = checkWorkspace(ws);
  const errors = problems.filter((p) => p.severity === 'error');
  assert.deepEqual(
    errors.map((p) => `${p.file}:${p.range.start.line + 1} ${p.code} ${p.message}`),
    [],
  );
  // what used to be errors or unknown on these templates
  const messages = problems.map((p) => `${p.file} ${p.code} ${p.message}`).join('\n');
  assert.doesNotMatch(messages, /regex is invalid|is not a condition|\$uagroup/);
  assert.doesNotMatch(
    messages,
    /unknown 3CX variable '(?:%%)?(?:queuecrt\d|queueid|queueringtone\w*|multicastrg\w+|value|ext_\w+|DEVICE_PASSWORD|timezone)/,
  );
  // the option-list values these templates write are no longer unset or invalid ('PCMU' for Grandstream's P57)
  assert.doesNotMatch(messages, /grandstream-dp75x\S* (?:threecx-unset|invalid-value)/);
  // a slip in the real W52P template itself, caught by the Yealink key check with its fix
  const slip = problems.find((p) => p.file === 'templates/3cx/yealink-w52p.ph.xml' && p.code === 'unknown-key');
  assert.match(slip?.message ?? '', /'auto_provision\.weekly\.enalbe'\. Did you mean 'auto_provision\.weekly\.enable'\?/);
});

test('real 3CX templates: every bench phone is served by its template and each of its files renders', () => {
  const ws = fixtures();
  for (const [file, phones] of Object.entries(SERVED)) {
    for (const name of phones) {
      const phone = ws.phones.find((p) => p.name === name)!;
      assert.equal(templateForPhone(ws, phone)?.file, file, `${name} is served by ${file}`);
      const routes = ws.routesFor(phone);
      assert.ok(routes.length > 0, `${name} has routes`);
      for (const r of routes) {
        const out = ws.render(r.template!, phone, { route: r.route });
        assert.ok(!out.failed, `${name} ${r.path}: ${out.issues.map((i) => i.message).join('; ')}`);
        assert.doesNotMatch(out.text, /%%[A-Za-z_][\w:.]*%%|^\s*\{(?:IF|ELSE|ENDIF|SET)\b/m, `${name} ${r.path} is rendered`);
      }
    }
  }
});

test('real 3CX templates: what each phone receives', () => {
  const ws = fixtures();
  const phone = (name: string) => ws.phones.find((p) => p.name === name)!;
  const file = (name: string, path: string) => {
    const r = ws.routesFor(phone(name)).find((x) => x.path === path)!;
    assert.ok(r, `${name} requests ${path}`);
    return ws.render(r.template!, phone(name), { route: r.route }).text;
  };
  // Yealink T4x (v15): per-model common file name, ua="SIP-T46S" models, <blftype> type/DKtype/PickupValue fields
  const t46 = file('yealink-t46s', '805e0c460001.cfg');
  assert.match(t46, /^linekey\.1\.value = 202 *$/m);
  assert.match(t46, /^linekey\.1\.type = 16 *$/m);
  assert.match(t46, /^linekey\.1\.pickup_value = \*20\* *$/m);
  assert.match(t46, /^linekey\.2\.type = 13 *$/m);
  assert.match(t46, /^linekey\.3\.type = 15 *$/m);
  assert.match(t46, /^account\.1\.display_name = Ada Lovelace$/m);
  assert.ok(ws.routesFor(phone('yealink-t46s')).some((r) => r.path === 'y000000000066.cfg'));
  // Yealink W70B DECT (v20 FXS): one account per handset from the bench lines
  const w70 = file('yealink-w70b', '805e0c700003.cfg');
  assert.match(w70, /^account\.1\.enable = 1$/m);
  assert.match(w70, /^account\.1\.user_name = 210$/m);
  assert.match(w70, /^account\.2\.user_name = 211$/m);
  assert.match(w70, /^account\.2\.display_name = Handset Two $/m);
  assert.match(w70, /^network\.port\.max_rtpport = 10999$/m, 'REMOTESTUN: the RTP range');
  // Fanvil (v16): queue ringtones set per phone, function keys per model
  assert.match(file('fanvil-x6u', '0c383e060005.cfg'), /<Text>800<\/Text>/);
  const x4u = file('fanvil-x4u', '0c383e040004.cfg');
  assert.match(x4u, /<Title>A&amp;B &lt;co&gt; <\/Title>/, 'XML-escaped key label');
  // Cisco SPA (v16): {SET $uagroup} under {IF ua=SPA512G}/{IF ua=SPA514G} is not taken for an SPA504G
  const spa = file('cisco-spa504g', '00e0f5040006.xml');
  assert.match(spa, /spa50x-30x-7-6-1\.bin/);
  assert.doesNotMatch(spa, /spa51x/);
  assert.match(
    spa,
    /<Unit_1_Key_1 group="Attendant_Console\/Unit_1">fnc=sd\+blf\+cp;sub=201@pbx\.bench\.test:5060;nme=Ada <\/Unit_1_Key_1>/,
  );
  // Grandstream DP75x DECT (v16 FXS): codecs by their option value, %%timezone%% from <timezoneParams>, the
  // PROVLINK parts joined as 3CX's template joins them, one SIP account per handset, XML-escaped values
  const dp = file('grandstream-dp750', 'cfg000b82750007.xml');
  assert.match(dp, /<P57>0<\/P57>/);
  assert.match(dp, /<P59>9<\/P59>/);
  assert.match(dp, /<P64>TAB\+11<\/P64>/, "the time zone the phone selects in the template's list");
  assert.match(dp, /<P192>prov\.bench\.test:8080\/provisioning\/firmware\/grandstream<\/P192>/);
  assert.match(dp, /<P4061>241<\/P4061>/);
  assert.match(dp, /<P4120>d&amp;1<\/P4120>/);
  assert.match(dp, /<P4180>Dect One<\/P4180>/);
  assert.match(dp, /<P2>adm&lt;in&gt;<\/P2>/);
  assert.match(dp, /<P47>pbx\.bench\.test:5060<\/P47>/, 'LOCALLAN');
  // Yealink W52P (v15, CRLF): the common file answers under the deviceconfig's own name (its <filename> entry names
  // no model label), rtpmap/payload_type from the codec option's value/payload, SBC mode, DIALCODEPROFILE default
  assert.ok(ws.routesFor(phone('yealink-w52p')).some((r) => r.path === 'y000000000025.cfg'));
  const w52 = file('yealink-w52p', '805e0c520008.cfg');
  assert.match(w52, /^account\.1\.codec\.1\.rtpmap = 0\r$/m);
  assert.match(w52, /^account\.1\.codec\.1\.payload_type = PCMU\r$/m);
  assert.match(w52, /^account\.1\.sip_server_host = sbc\.bench\.test\r$/m);
  assert.match(w52, /^account\.1\.dnd\.on_code = \*32\r$/m);
  assert.match(w52, /^local_time\.time_zone = -5\r$/m);
  assert.doesNotMatch(w52, /REMOTESPM|local_spm/);
  // Polycom SoundPoint IP 501 (v15, ua="SPIP_501"): four files, the time zone list without <item>s gives the offset
  assert.deepEqual(
    ws.routesFor(phone('poly-spip501')).map((r) => r.path),
    ['0004f2501009.cfg', 'server.cfg', '0004f2501009-config.cfg', 'sip_318.cfg'],
  );
  assert.match(file('poly-spip501', 'server.cfg'), /tcpIpApp\.sntp\.gmtOffset="-39600"/);
  const sp = file('poly-spip501', '0004f2501009-config.cfg');
  assert.match(sp, /reg\.1\.auth\.password="s&amp;p"/);
  assert.match(sp, /^<\?xml[^\n]*\r\n<!--/, 'the body starts at the CDATA, not at the newline before it');
  // Grandstream GXP (v16 SP3): {SET $uagroup=…} per model group, per-kind <blftype> fields, a second file per model
  const gxp = file('grandstream-gxp2170', 'cfg000b8221700a.xml');
  assert.match(gxp, /<P1367>11<\/P1367>[\s\S]*<P1469>Ada <\/P1469>[\s\S]*<P1470>201<\/P1470>/, 'key 1: BLF');
  assert.match(gxp, /<P1369>10<\/P1369>[\s\S]*<P1471>VM <\/P1471>/, 'key 2: speed dial');
  assert.doesNotMatch(gxp, /GXP16xx|uagroup/);
  // 3CX's own URL of the second deviceconfig: HOST:PORT, then PATH with its leading slash
  assert.match(gxp, /<P934>prov\.bench\.test:8080\/provisioning\/screensaver000b8221700a\.xml<\/P934>/);
  assert.ok(ws.routesFor(phone('grandstream-gxp2170')).some((r) => r.path === 'screensaver000b8221700a.xml'));
  const small = file('grandstream-gxp1628', 'cfg000b8216280b.xml');
  assert.match(small, /<P48>sbc\.bench\.test:5060<\/P48>/);
  assert.match(small, /<P1469>A&amp;B <\/P1469>/);
  assert.doesNotMatch(small, /<P934>/, "{IF $uagroup=GXP21xx} is false: the GXP1628's {SET} sets GXP16xx");
  assert.match(
    file('grandstream-gxp2170', 'screensaver000b8221700a.xml'),
    /^\t\t<image path="http:\/\/prov\.bench\.test:8080\/provisioning\/logo\/gxp2170\.jpg" \/>$/m,
  );
});

test('real 3CX templates: convert is byte-identical for every bench phone each one serves', () => {
  const ws = fixtures();
  for (const [file, phones] of Object.entries(SERVED)) {
    const { files, proof } = convertProven(ws, file);
    assert.deepEqual(proof.mismatches, [], file);
    assert.deepEqual(
      proof.phones.map((p) => p.name),
      phones,
      file,
    );
    assert.equal(proof.compared, phones.length * files.length, file);
    for (const f of files) assert.doesNotMatch(f.text.slice(f.text.indexOf('--}}')), /%%|\{IF |\{ENDIF\}|\{SET /, f.template);
  }
});

test('convert of the Fanvil template: a run whose units differ in a model condition is not rolled into a loop', () => {
  const ws = fixtures();
  const { files, proof } = convertProven(ws, 'templates/3cx/fanvil-custom.ph.xml');
  assert.deepEqual(proof.mismatches, []);
  const hbs = files[0].text;
  // each function key keeps its own {IF ua=…} per model, as in the template
  assert.match(hbs, /\{\{#if \(eq model\.id "X4U"\)\}\}\n\{\{#with \(lookup keys 3\) as \|key\|\}\}/);
  assert.match(hbs, /\{\{#if \(eq model\.id "X5U"\)\}\}\n\{\{#with \(lookup keys 4\) as \|key\|\}\}/);
});

test('real 3CX templates: a request for a shared file name is answered for the phone whose MAC the regex User-Agent carries', () => {
  const ws = fixtures();
  const res = ws.resolveRequest('/y000000000146.cfg', { userAgent: 'Yealink W70B 146.85.0.20 80:5e:0c:70:00:03' });
  assert.ok(res.ok, JSON.stringify(res));
  assert.equal(res.phone.name, 'yealink-w70b');
  assert.equal(res.template, 'templates/3cx/yealink-w70b.fxs.xml');
  assert.match(res.reason, /User-Agent is the template's model 'Yealink W70B-yealink\.W70B_CustomV1\.fxs\.fxs'/);
});
