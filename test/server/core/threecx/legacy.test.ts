// Templates for models the vendor profiles do not know (legacy or new), and for vendors Provisioning Studio has
// no profile for: they still check, preview and serve (the template's ua/regex names the phone; the vendor's
// profile — or `generic` — gives formats and routes), and convert writes them under that vendor's folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTemplate } from '../../../../server/src/core/check';
import { renderThreeCx, templateForPhone } from '../../../../server/src/core/threecx/dialect';
import { convertProven } from '../../../../server/src/cli/commands/convert';
import { memoryWorkspace } from '../../../helpers/workspace';
import { REAL_FIXTURES as FIXTURES } from './fixture';

const fixture = (name: string) => readFileSync(join(FIXTURES, 'templates/3cx', name), 'utf8');

const bench = (phones: string) => `pbx: { host: pbx.test, port: 5060 }
server: { host: 127.0.0.1, port: 8080 }
phones:
${phones}`;

const errorsIn = (ws: ReturnType<typeof memoryWorkspace>, file: string) =>
  checkTemplate(ws, file)
    .filter((p) => p.severity === 'error' && p.file === file)
    .map((p) => `${p.range.start.line + 1} ${p.code} ${p.message}`);

test('a legacy Cisco SPA512G (not in the Cisco profile) is served by the real SPA50x template: {SET $uagroup} is taken', () => {
  const file = 'templates/3cx/cisco-spa50x.ph.xml';
  const ws = memoryWorkspace({
    'bench.yaml':
      bench(`  - { mac: "00e0f5051200", vendor: cisco, model: SPA512G, name: spa512, lines: [{ extension: "240", password: p }], keys: [{ type: blf, value: "201" }] }
  - { mac: "00e0f5050400", vendor: cisco, model: SPA504G, name: spa504, lines: [{ extension: "241", password: p }] }
`),
    [file]: fixture('cisco-spa50x.ph.xml'),
  });
  const [spa512, spa504] = ws.phones;
  assert.equal(templateForPhone(ws, spa512)?.model.ua, 'SPA512G');
  assert.deepEqual(errorsIn(ws, file), []);
  const out = renderThreeCx(ws, file, spa512, {});
  assert.ok(!out.failed);
  assert.match(out.text, /spa51x-7-6-1\.bin/);
  assert.doesNotMatch(renderThreeCx(ws, file, spa504, {}).text, /spa51x/);
  const { proof } = convertProven(ws, file);
  assert.deepEqual(proof.mismatches, []);
  assert.deepEqual(
    proof.phones.map((p) => p.name),
    ['spa512', 'spa504'],
  );
});

test('a Snom M900 DECT base (a model the Snom profile does not know) is served by its .fxs.xml, converted under templates/snom/', () => {
  const file = 'templates/3cx/snom-m900.fxs.xml';
  const ws = memoryWorkspace({
    'bench.yaml':
      bench(`  - { mac: "000413900001", vendor: snom, model: M900, name: m900, lines: [{ extension: "250", password: p }], vars: { network: REMOTESTUN } }
`),
    [file]: fixture('snom-m900.fxs.xml'),
  });
  const m900 = ws.phones[0];
  assert.equal(templateForPhone(ws, m900)?.file, file);
  assert.deepEqual(errorsIn(ws, file), []);
  const route = ws.routesFor(m900)[0];
  assert.equal(route.path, '000413900001.xml');
  const out = ws.render(route.template!, m900, { route: route.route });
  assert.ok(!out.failed, out.issues.map((i) => i.message).join('; '));
  assert.match(out.text, /<phonebook_location>http:\/\/127\.0\.0\.1:8080\/<\/phonebook_location>/);
  const { vendor, files, proof } = convertProven(ws, file);
  assert.equal(vendor, 'snom');
  assert.match(files[0].template, /^templates\/snom\//);
  assert.deepEqual(proof.mismatches, []);
  assert.equal(proof.compared, 1);
});

// Not a real template: a minimal one in the shape of 3CX's legacy Polycom SoundPoint IP models, for the rule.
const SOUNDPOINT = `<?xml version="1.0" encoding="utf-8"?>
<doc>
  <header>
    <name>Polycom SoundPoint IP (test input)</name>
    <models>
      <model ua="PolycomSoundPointIP-SPIP_321">Polycom SoundPoint IP 321</model>
      <model ua="PolycomSoundPointIP-SPIP_331">Polycom SoundPoint IP 331</model>
    </models>
  </header>
  <data>
    <deviceconfig filename="%%mac_address%%-phone.cfg"><![CDATA[<?xml version="1.0" encoding="UTF-8"?>
<PHONE_CONFIG>
{IF ua=PolycomSoundPointIP-SPIP_331}
<reg reg.1.address="%%extension_number%%" reg.1.auth.password="%%extension_auth_pw%%" reg.1.lineKeys="2"/>
{ELSE}
<reg reg.1.address="%%extension_number%%" reg.1.auth.password="%%extension_auth_pw%%"/>
{ENDIF}
</PHONE_CONFIG>
]]></deviceconfig>
  </data>
</doc>
`;

test('legacy Polycom SoundPoint IP models (ua "PolycomSoundPointIP-SPIP_331") serve bench phones of those models', () => {
  const file = 'templates/3cx/soundpoint.ph.xml';
  const ws = memoryWorkspace({
    'bench.yaml':
      bench(`  - { mac: "0004f2000331", vendor: poly, model: SPIP331, name: sp331, lines: [{ extension: "260", password: "a&b" }] }
  - { mac: "0004f2000321", vendor: poly, model: SPIP_321, name: sp321, lines: [{ extension: "261", password: p }] }
`),
    [file]: SOUNDPOINT,
  });
  const [sp331, sp321] = ws.phones;
  assert.equal(templateForPhone(ws, sp331)?.model.label, 'Polycom SoundPoint IP 331');
  assert.equal(templateForPhone(ws, sp321)?.model.label, 'Polycom SoundPoint IP 321');
  assert.deepEqual(errorsIn(ws, file), []);
  const out = renderThreeCx(ws, file, sp331, {});
  assert.match(out.text, /reg\.1\.auth\.password="a&amp;b" reg\.1\.lineKeys="2"/, 'XML escaping from the Poly profile');
  const { vendor, files, proof } = convertProven(ws, file);
  assert.equal(vendor, 'poly');
  assert.match(files[0].template, /^templates\/poly\//);
  assert.deepEqual(proof.mismatches, []);
  assert.equal(proof.compared, 2);
});

test('a template whose models name no known vendor uses the generic profile and converts under templates/generic/', () => {
  const file = 'templates/3cx/acme.ph.xml';
  const ws = memoryWorkspace({
    'bench.yaml': bench(`  - { mac: "a0b0c0000009", vendor: generic, model: Desk 9, name: acme, lines: [{ extension: "270", password: p }] }
`),
    [file]: `<doc><header><models><model ua="Acme Desk 9">Acme Desk 9</model></models></header>
<data><deviceconfig filename="%%mac_address%%.cfg"><![CDATA[user = %%extension_number%%
{IF ua=Acme Desk 9}
desk = 9
{ENDIF}
]]></deviceconfig></data></doc>`,
  });
  const acme = ws.phones[0];
  assert.equal(templateForPhone(ws, acme)?.file, file);
  assert.equal(renderThreeCx(ws, file, acme, {}).text, 'user = 270\ndesk = 9\n');
  const { vendor, files, proof } = convertProven(ws, file);
  assert.equal(vendor, 'generic');
  assert.equal(files[0].template, 'templates/generic/mac.cfg.hbs');
  assert.deepEqual(proof.mismatches, []);
});
