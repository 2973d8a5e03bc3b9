import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplate, checkWorkspace } from '../../../../server/src/core/check';
import { planNotify } from '../../../../server/src/sip/reprovision';
import { isThreeCxRoute } from '../../../../server/src/core/threecx/dialect';
import { THREECX_VARIABLES } from '../../../../server/src/core/threecx/variables';
import { LineIndex } from '../../../../server/src/core/util/text';
import { convertProven } from '../../../../server/src/cli/commands/convert';
import { exampleWorkspace, memoryWorkspace } from '../../../helpers/workspace';
import { BENCH, BODY_CFG, miniWorkspace, TEMPLATE, TPL } from './fixture';

const phone = (ws: ReturnType<typeof miniWorkspace>, name: string) => ws.phones.find((p) => p.name === name)!;

test('routes: each deviceconfig is a route of the phones the template serves; format and kind from the vendor profile', () => {
  const ws = miniWorkspace();
  const touch = ws.routesFor(phone(ws, 'touch'));
  assert.deepEqual(
    touch.map((r) => [r.path, r.template, r.route.format, r.route.fileKind]),
    [
      ['805e0c000057.boot', TPL, 'yealink-cfg', 'boot'],
      ['805e0c000057.cfg', TPL, 'yealink-cfg', 'mac'],
    ],
  );
  assert.ok(touch.every((r) => isThreeCxRoute(r.route)));
  assert.deepEqual(
    touch.map((r) => isThreeCxRoute(r.route) && r.route.deviceconfig),
    [0, 1],
  );
  // desk (T54W) has no vars.template and no Handlebars template answers it: served by model
  assert.equal(ws.routesFor(phone(ws, 'desk')).length, 2);
  // other (T46S) is not one of the template's models
  assert.ok(ws.routesFor(phone(ws, 'other')).every((r) => r.template === undefined));
  assert.deepEqual(
    ws.phonesForTemplate(TPL).map((r) => `${r.phone.name} ${r.path}`),
    ['touch 805e0c000057.boot', 'touch 805e0c000057.cfg', 'desk 805e0c000054.boot', 'desk 805e0c000054.cfg'],
  );
  assert.ok(ws.templateFiles().includes(TPL));
  assert.equal(ws.loadTemplate(TPL), undefined, 'loadTemplate is Handlebars only');
});

test('render: bench data mapped onto 3CX variables, option defaults and selections, BLF keys through <blftype>', () => {
  const ws = miniWorkspace();
  const touch = phone(ws, 'touch');
  const cfg = ws.render(TPL, touch, { route: ws.routesFor(touch)[1].route });
  assert.equal(cfg.failed, false);
  assert.equal(cfg.format.id, 'yealink-cfg');
  assert.equal(
    cfg.text,
    `#!version:1.0.0.1
account.1.user_name = 107
account.1.display_name = Lab Touch
account.1.password = t&<p>
account.1.sip_server.1.address = pbx.test:5062
lang.gui = German
phone_setting.backlight_time = 0
linekey.1.type = 16
linekey.1.value = 100
linekey.1.label = Reception
linekey.2.type = 13
linekey.2.value = *97
linekey.2.label = *97
linekey.3.type = 0
`,
  );
  const warn = cfg.issues.find((i) => i.code === 'threecx-blftype');
  assert.ok(warn, 'key 3 is a line key and <blftype> has no <linekey>');
  assert.equal(TEMPLATE.slice(warn.srcStart, warn.srcEnd), '{IF blf3}');
  // the boot file by deviceconfig index (no route given)
  const boot = ws.render(TPL, touch, { deviceconfig: 0 });
  assert.equal(boot.text, '#!version:1.0.0.1\ninclude:config "http://prov.test:8080/p/805e0c000057.cfg"\noverwrite_mode = 1\n');
  // without a route or index: the phone's first file
  assert.equal(ws.render(TPL, touch).text, boot.text);
  const desk = phone(ws, 'desk');
  const deskCfg = ws.render(TPL, desk, { deviceconfig: 1 }).text;
  assert.match(deskCfg, /^lang\.gui = English$/m, 'the first option is the default');
  assert.match(deskCfg, /^phone_setting\.backlight_time = 60$/m);
  assert.match(deskCfg, /^account\.1\.outbound_proxy\.1\.address = sbc\.test$/m, 'network SBC and vars.threecx');
  assert.match(deskCfg, /^account\.1\.display_name = Desk $/m, 'display_name is the first name when the line has none');
});

test('source map: output maps into the .ph.xml (literal text exactly, values to their %%variable%%)', () => {
  const ws = miniWorkspace();
  const touch = phone(ws, 'touch');
  const out = ws.render(TPL, touch, { deviceconfig: 1 });
  const at = (s: string) => out.text.indexOf(s);
  const lit = out.map.lookup(at('lang.gui'), at('lang.gui') + 8)!;
  assert.equal(lit.file, TPL);
  assert.equal(TEMPLATE.slice(lit.start, lit.end), 'lang.gui');
  const v = out.map.lookup(at('German'), at('German') + 6)!;
  assert.equal(TEMPLATE.slice(v.start, v.end), '%%language%%');
  const key = out.map.lookup(at('*97'), at('*97') + 3)!;
  assert.equal(TEMPLATE.slice(key.start, key.end), '%%Value%%');
  const line = new LineIndex(TEMPLATE).positionAt(v.start).line;
  assert.equal(TEMPLATE.split('\n')[line], 'lang.gui = %%language%%');
});

test('check: an unclosed {IF}, an unknown %%variable%% (with suggestion) and a misspelled key, each at its line', () => {
  const broken = TEMPLATE.replace('lang.gui = %%language%%', 'lang.gui = %%langage%%')
    .replace('account.1.password =', 'acount.1.password =')
    .replace(
      '{IF network=SBC}\naccount.1.outbound_proxy.1.address = %%local_sbc_ip%%\n{ENDIF}\n',
      '{IF network=SBC}\naccount.1.outbound_proxy.1.address = %%local_sbc_ip%%\n',
    );
  const ws = miniWorkspace({ [TPL]: broken });
  const problems = checkTemplate(ws, TPL);
  const lineOf = (s: string) => broken.split('\n').findIndex((l) => l.includes(s));
  const unclosed = problems.find((p) => p.code === 'threecx-unclosed-if');
  assert.ok(unclosed, JSON.stringify(problems));
  assert.equal(unclosed.range.start.line, lineOf('{IF network=SBC}'));
  assert.equal(unclosed.severity, 'error');
  const unknown = problems.find((p) => p.code === 'unknown-variable');
  assert.ok(unknown);
  assert.equal(unknown.range.start.line, lineOf('%%langage%%'));
  assert.deepEqual(unknown.suggestions?.[0], 'language');
  const key = problems.find((p) => p.code === 'unknown-key');
  assert.ok(key, JSON.stringify(problems.map((p) => p.code)));
  assert.equal(key.file, TPL);
  assert.equal(key.range.start.line, lineOf('acount.1.password'));
  assert.deepEqual(key.range.start.character, 0);
  assert.ok(key.suggestions?.includes('account.1.password'));
  // while an unclosed {IF} makes the render (dev server, preview) fail
  const out = ws.render(TPL, phone(ws, 'touch'), { deviceconfig: 1 });
  assert.equal(out.failed, true);
});

test('check: the envelope must be well-formed XML (located)', () => {
  const ws = miniWorkspace({ [TPL]: TEMPLATE.replace('</models>', '</model>') });
  const problems = checkWorkspace(ws, { files: [TPL] });
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'threecx-xml');
  assert.equal(
    problems[0].range.start.line,
    TEMPLATE.split('\n').findIndex((l) => l.includes('</models>')),
  );
  assert.equal(ws.render(TPL, phone(ws, 'touch')).syntaxError?.message, problems[0].message);
});

test('resolveRequest: a real Yealink User-Agent, MAC in the path, 3CX route and deviceconfig', () => {
  const ws = miniWorkspace();
  const res = ws.resolveRequest('/805e0c000057.cfg', { userAgent: 'Yealink SIP-T57W 96.86.0.70 80:5e:0c:00:00:57' });
  assert.ok(res.ok, res.reason);
  assert.equal(res.phone.name, 'touch');
  assert.equal(res.template, TPL);
  assert.ok(isThreeCxRoute(res.route) && res.route.deviceconfig === 1);
  assert.match(res.reason, /MAC in the path; User-Agent is the template's model 'Yealink T57W'/);
  const wrongUa = ws.resolveRequest('805e0c000057.boot', { userAgent: 'Fanvil X4U 2.4.1 0c383e000001' });
  assert.ok(wrongUa.ok);
  assert.match(wrongUa.reason, /matches none of the template's models/);
  const unknown = ws.resolveRequest('805e0c999999.cfg', { userAgent: 'Yealink SIP-T57W 96.86.0.70' });
  assert.equal(unknown.ok, false);
  // the served bytes are what render gives
  assert.equal(ws.render(res.template, res.phone, { route: res.route }).text, ws.render(TPL, phone(ws, 'touch'), { deviceconfig: 1 }).text);
});

test("notify: a phone served by a 3CX template gets the template's resync/reboot event; others the vendor's", () => {
  const ws = miniWorkspace();
  const touch = phone(ws, 'touch');
  assert.equal(ws.notifyEventFor(touch, false), 'check-sync;3cx');
  assert.equal(ws.notifyEventFor(touch, true), 'check-sync;reboot=true;3cx');
  assert.equal(ws.notifyEventFor(phone(ws, 'other'), false), undefined);
  const plan = planNotify(touch, { event: (p, reboot) => ws.notifyEventFor(p, reboot), reboot: true });
  assert.ok(plan.ok);
  assert.equal(plan.request.event, 'check-sync;reboot=true;3cx');
  const other = planNotify({ ...phone(ws, 'other'), ip: '192.0.2.46' }, { event: (p, reboot) => ws.notifyEventFor(p, reboot) });
  assert.ok(other.ok);
  assert.equal(other.request.event, 'check-sync;reboot=false');
});

test('example: the 3CX template serves lab-t57w only; Handlebars keeps the other Yealink phones; check reports nothing', () => {
  const ws = exampleWorkspace();
  const tpl = 'templates/3cx/yealink-t5x.ph.xml';
  assert.deepEqual(
    ws.phonesForTemplate(tpl).map((r) => `${r.phone.name} /${r.path}`),
    ['lab-t57w /805e0c575701.cfg'],
  );
  const t54w = ws.phones.find((p) => p.name === 'reception-t54w')!;
  assert.ok(
    ws.routesFor(t54w).every((r) => !r.template || r.template.endsWith('.hbs')),
    'a T54W with Handlebars templates stays on Handlebars',
  );
  assert.deepEqual(checkWorkspace(ws, { files: [tpl] }), []);
  const lab = ws.phones.find((p) => p.name === 'lab-t57w')!;
  const res = ws.resolveRequest('/805e0c575701.cfg', { userAgent: 'Yealink SIP-T57W 97.86.0.10 80:5e:0c:57:57:01' });
  assert.ok(res.ok && res.phone === lab && res.template === tpl);
  const out = ws.render(tpl, lab, { route: res.route });
  assert.equal(out.failed, false);
  assert.match(out.text, /^lang\.gui = French$/m);
  assert.match(out.text, /^linekey\.4\.type = 15$/m);
  assert.equal(ws.notifyEventFor(lab, false), 'check-sync;reboot=false');
});

test('variables: a documented list with descriptions', () => {
  const names = THREECX_VARIABLES.map((v) => v.name);
  for (const n of [
    'extension_number',
    'extension_auth_pw',
    'mac_address',
    'pbx_ip',
    'PROVLINK',
    'PROVLINK.HOST',
    'param::sipport',
    'blfN',
    'Type',
  ])
    assert.ok(names.includes(n), n);
  assert.ok(THREECX_VARIABLES.every((v) => v.description.length > 10 && v.bench));
});

test('%%firmware%%: the bench firmware pin for the phone model (as firmware.file), else vars.firmware; the conversion agrees', () => {
  const body = 'firmware.url = %%PROVLINK%%/firmware/yealink/%%firmware%%\n';
  const template = TEMPLATE.replace(BODY_CFG, body);
  const bench = BENCH.replace('phones:\n', 'firmware: { T57W: T57W-96.86.0.100.rom }\nphones:\n').replace(
    'vars: { network: SBC, threecx: { local_sbc_ip: sbc.test } }',
    'vars: { network: SBC, threecx: { local_sbc_ip: sbc.test }, firmware: { T54W: T54W-96.86.0.70.rom } }',
  );
  const ws = memoryWorkspace({ 'bench.yaml': bench, [TPL]: template });
  assert.deepEqual(
    ws.parsedBench().problems.filter((p) => p.severity === 'error'),
    [],
  );
  const cfgOf = (name: string) => {
    const p = phone(ws, name);
    return ws.render(TPL, p, { route: ws.routesFor(p)[1].route }).text;
  };
  assert.equal(cfgOf('touch'), 'firmware.url = http://prov.test:8080/p/firmware/yealink/T57W-96.86.0.100.rom\n');
  assert.equal(cfgOf('desk'), 'firmware.url = http://prov.test:8080/p/firmware/yealink/T54W-96.86.0.70.rom\n');
  const { proof } = convertProven(ws, TPL);
  assert.deepEqual(proof.mismatches, []);
  assert.ok(proof.phones.length >= 2);
});
