// Programmable keys as vendor data (server/src/core/keys.ts): each key gets its vendor's code for its
// function ({{code}} in templates), expansion modules carry their own keys, and the bench file is told
// where a function has no code, keys exceed what the model and its modules hold, or a module is unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseBench } from '../../../server/src/core/bench/parse';
import { modelLookup } from '../../../server/src/core/vendors';
import { memoryWorkspace } from '../../helpers/workspace';

const REPO = join(__dirname, '../../..');
const templates = (vendor: string) => {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(join(REPO, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(join(REPO, p), 'utf8');
    }
  };
  walk(`templates/${vendor}`);
  return out;
};

/** A flow list of `n` BLF keys, for a bench phone's `keys:` or a module's. */
const blfKeys = (n: number) => `[${Array.from({ length: n }, (_, k) => `{ type: blf, value: "${100 + k}" }`).join(', ')}]`;

test('the starter templates write each key function with the vendor code, module keys too', () => {
  const bench = `pbx: { host: pbx.test }
phones:
  - mac: 805e0c000001
    vendor: yealink
    model: T54W
    lines: [{ extension: "100" }]
    keys:
      - { type: park, value: "700", label: Park }
      - { type: pickup, value: "101" }
    modules:
      - type: EXP50
        keys:
          - { type: blf, value: "201", label: Bob }
          - { type: paging, value: "224.0.1.75:10000" }
  - mac: 000b82000002
    vendor: grandstream
    model: GRP2614
    lines: [{ extension: "101" }]
    keys: [{ type: dnd, value: "" }, { type: voicemail, value: "*97" }]
  - mac: 000413000003
    vendor: snom
    model: D785
    lines: [{ extension: "102" }]
    keys: [{ type: park, value: "700" }, { type: intercom, value: "100" }]
`;
  const ws = memoryWorkspace({ 'bench.yaml': bench, ...templates('yealink'), ...templates('grandstream'), ...templates('snom') });
  assert.deepEqual(ws.parsedBench().problems, []);
  const [y, g, s] = ws.phones;
  assert.equal(s.mac, '000413000003', 'an all-digit MAC (a YAML number) keeps its leading zeros');
  const yt = ws.render('templates/yealink/mac.cfg.hbs', y).text;
  assert.match(yt, /^linekey\.2\.type = 10$/m, 'park');
  assert.match(yt, /^linekey\.3\.type = 9$/m, 'directed pickup');
  assert.match(yt, /^expansion_module\.1\.key\.1\.type = 16$/m);
  assert.match(yt, /^expansion_module\.1\.key\.1\.value = 201$/m);
  assert.match(yt, /^expansion_module\.1\.key\.2\.type = 24$/m, 'paging');
  const gFile = ws.templateFiles().find((f) => f.startsWith('templates/grandstream/') && !f.includes('/partials/') && /mac/.test(f))!;
  const gt = ws.render(gFile, g).text;
  assert.match(gt, /keyMode">DND</);
  assert.match(gt, /keyMode">VoiceMail</);
  const sFile = ws.templateFiles().find((f) => f.startsWith('templates/snom/') && !f.includes('/partials/') && /mac/i.test(f))!;
  const st = ws.render(sFile, s).text;
  assert.match(st, />orbit 700</);
  assert.match(st, />icom 100</);
});

test('bench problems: no code for a function, more keys than fit, unknown or unfit modules — each located', () => {
  const text = `phones:
  - mac: 00562b000001
    vendor: cisco
    model: CP-8841-3PCC
    keys: [{ type: record, value: "1" }]
  - mac: 805e0c000002
    vendor: yealink
    model: T54W
    keys: [${Array.from({ length: 28 }, (_, i) => `{ type: blf, value: "${200 + i}" }`).join(', ')}]
    modules: [{ type: EXP99 }, { type: EXP40 }, { type: exp50, keys: [${Array.from({ length: 61 }, () => '{ type: blf, value: "1" }').join(', ')}] }]
`;
  const p = parseBench(text, modelLookup, 'bench.yaml', {});
  const lines = text.split('\n');
  const got = p.problems.map(
    (x) => `${x.code} ${lines[x.range.start.line].slice(x.range.start.character, x.range.end.character).slice(0, 20)} ${x.message}`,
  );
  const find = (re: RegExp) => got.find((g) => re.test(g));
  assert.ok(find(/^key-type-unsupported record phones\.0\.keys\.0: Cisco .* phones have no key code for 'record'/), got.join('\n'));
  assert.ok(find(/^keys-over-capacity .* phones\.1\.keys: T54W has 27 programmable keys; 28 given/), got.join('\n'));
  assert.ok(
    find(
      /^bench-unknown-module EXP99 phones\.1\.modules\.0\.type: unknown Yealink expansion module 'EXP99' \(known: EXP40, EXP43, EXP50\)/,
    ),
    got.join('\n'),
  );
  assert.ok(find(/^keys-over-capacity EXP40 phones\.1\.modules\.1: T54W does not take a EXP40 \(it takes: EXP50\)/), got.join('\n'));
  assert.ok(find(/^keys-over-capacity .* phones\.1\.modules\.2\.keys: a EXP50 has 60 keys; 61 given/), got.join('\n'));
  assert.equal(p.hasErrors, true, 'an unknown module is an error');
  // the phones are still served (a warning or a module error does not drop a phone)
  assert.equal(p.bench.phones.length, 2);
});

test('modules named as the model rows name them, or by an alias, are known and taken; a module the model does not take warns', () => {
  const text = `phones:
  - mac: 00562b000011
    vendor: cisco
    model: CP-8851-3PCC
    modules: [{ type: BEKEM }, { type: CP-8800-A-KEM }]
  - mac: 00562b000012
    vendor: cisco
    model: CP-8865-3PCC
    modules: [{ type: Cisco IP Phone 8865 Key Expansion Module }, { type: "Cisco IP Phone 8800 Key Expansion Module (BEKEM)" }]
  - mac: 0004f2000013
    vendor: poly
    model: VVX400
    modules: [{ type: VVX Color Expansion Module }, { type: VVX Expansion Module }]
  - mac: 805e0c000014
    vendor: yealink
    model: T46U
    modules: [{ type: EXP43 }]
  - mac: 000413000015
    vendor: snom
    model: D785
    modules: [{ type: D7C }]
  - mac: 0c383e000016
    vendor: fanvil
    model: X210
    modules: [{ type: EXT20 }]
  - mac: 000b82000017
    vendor: grandstream
    model: GRP2616
    modules: [{ type: GBX20 }]
  - mac: 000413000018
    vendor: snom
    model: D345
    modules: [{ type: D7 }]
  - mac: 00562b000019
    vendor: cisco
    model: CP-8851-3PCC
    modules: [{ type: CP-8800-Video }]
`;
  const p = parseBench(text, modelLookup, 'bench.yaml', {});
  const got = p.problems.map((x) => `${x.code} ${x.message}`);
  assert.deepEqual(got, [
    'keys-over-capacity phones.7.modules.0: D345 does not take a D7 (it takes: D3)',
    'keys-over-capacity phones.8.modules.0: CP-8851-3PCC does not take a CP-8800-Video (it takes: BEKEM, CP-8800-Audio)',
  ]);
});

test('the Cisco, Poly and Fanvil starter templates write each key with its {{code}}', () => {
  const bench = `pbx: { host: pbx.test }
phones:
  - mac: 00562b000021
    vendor: cisco
    model: CP-8841-3PCC
    lines: [{ extension: "100" }]
    keys:
      - { type: park, value: "700", label: Park }
      - { type: dnd, value: "" , label: DND }
      - { type: speed_dial, value: "*97", label: VM }
      - { type: record, value: "1", label: Rec }
  - mac: 0004f2000022
    vendor: poly
    model: VVX400
    lines: [{ extension: "101" }]
    keys: [{ type: blf, value: "100", label: Bob }, { type: park, value: "701", label: Park }]
  - mac: 0c383e000023
    vendor: fanvil
    model: X4U
    lines: [{ extension: "102" }]
    keys:
      - { type: blf, value: "100", label: Bob }
      - { type: park, value: "702", label: Park }
      - { type: intercom, value: "101", label: Icom }
      - { type: record, value: "1", label: Rec }
`;
  const ws = memoryWorkspace({ 'bench.yaml': bench, ...templates('cisco'), ...templates('poly'), ...templates('fanvil') });
  const [c, p, f] = ws.phones;
  const ct = ws.render('templates/cisco/mac.xml.hbs', c).text;
  assert.match(ct, /<Extended_Function_2_ ua="na">fnc=prk;sub=700@\$PROXY;nme=Park</);
  assert.match(ct, /<Extended_Function_3_ ua="na">fnc=dnd;sub=@\$PROXY;nme=DND</);
  assert.match(ct, /<Extended_Function_4_ ua="na">fnc=sd;ext=\*97@\$PROXY;nme=VM</);
  // a function the vendor has no code for frees the key (no Extended_Function), instead of a wrong speed dial
  assert.match(ct, /<Extension_5_ ua="na">Disabled</);
  assert.doesNotMatch(ct, /Extended_Function_5_/);
  const pt = ws.render('templates/poly/phone.xml.hbs', p).text;
  assert.match(pt, /attendant\.resourceList\.1\.address="100"[^>]*\.type="normal"/);
  assert.match(pt, /attendant\.resourceList\.2\.address="701"[^>]*\.type="automata"/);
  const ft = ws.render('templates/fanvil/mac.xml.hbs', f).text;
  assert.match(ft, /<Value>100@1\/ba<\/Value>/);
  assert.match(ft, /<Value>702@1\/c<\/Value>/);
  assert.match(ft, /<Value>101@1\/i<\/Value>/);
  assert.match(ft, /<Fkey index="5">\s*<Type>0<\/Type>/, 'no code: an unused key');
});

test("a model's own module limit (Cisco 8851: 2 KEMs; 8861: 3, the module's maximum), counted over all its modules", () => {
  const kem = (n: number) => `[${Array.from({ length: n }, () => '{ type: BEKEM }').join(', ')}]`;
  const text = `phones:
  - { mac: 00562b000031, vendor: cisco, model: CP-8851-3PCC, modules: ${kem(2)} }
  - { mac: 00562b000032, vendor: cisco, model: CP-8851-3PCC, modules: [{ type: BEKEM }, { type: CP-8800-Audio }, { type: BEKEM }] }
  - { mac: 00562b000033, vendor: cisco, model: CP-8861-3PCC, modules: ${kem(3)} }
  - { mac: 00562b000034, vendor: cisco, model: CP-8861-3PCC, modules: ${kem(4)} }
`;
  const p = parseBench(text, modelLookup, 'bench.yaml', {});
  assert.deepEqual(
    p.problems.map((x) => `${x.code} ${x.message} @${x.range.start.line}`),
    [
      'keys-over-capacity phones.1.modules.2: CP-8851-3PCC takes at most 2 expansion modules @2',
      'keys-over-capacity phones.3.modules.3: at most 3 BEKEM per phone @4',
    ],
  );
});

test('snom modules: D3 and D7 have 18 keys, a D7C 48, three per phone (symcon/Snom, wazo snom plugin-info)', () => {
  const text = `phones:
  - { mac: 000413000041, vendor: snom, model: D785, modules: [{ type: D7C, keys: ${blfKeys(48)} }, { type: D7, keys: ${blfKeys(19)} }] }
  - { mac: 000413000042, vendor: snom, model: D385, modules: [{ type: D3 }, { type: D3 }, { type: D3 }, { type: D3 }] }
`;
  const p = parseBench(text, modelLookup, 'bench.yaml', {});
  assert.deepEqual(
    p.problems.map((x) => `${x.code} ${x.message}`),
    [
      'keys-over-capacity phones.0.modules.1.keys: a D7 has 18 keys; 19 given',
      'keys-over-capacity phones.1.modules.3: at most 3 D3 per phone',
    ],
  );
});

test('Poly EM50: on a VVX 450 (three at most); a VVX 350 takes no module (wazo polycom v6_4_6 plugin-info)', () => {
  const text = `phones:
  - { mac: 0004f2000051, vendor: poly, model: VVX450, modules: [{ type: VVX EM50 }, { type: VVX EM50 }, { type: VVX EM50 }] }
  - { mac: 0004f2000052, vendor: poly, model: VVX350, modules: [{ type: VVX EM50 }] }
`;
  const p = parseBench(text, modelLookup, 'bench.yaml', {});
  assert.deepEqual(
    p.problems.map((x) => `${x.code} ${x.message}`),
    ['keys-over-capacity phones.1.modules.0: VVX350 does not take a VVX EM50 (it takes: none)'],
  );
});

test('snom D8xx phones have their function keys (wazo snom 10.1.215.13 plugin-info): 32 keys on a D812 do not warn', () => {
  const text = `phones:
  - { mac: 000413000061, vendor: snom, model: D812, keys: ${blfKeys(32)} }
  - { mac: 000413000062, vendor: snom, model: D815, keys: ${blfKeys(41)} }
`;
  const p = parseBench(text, modelLookup, 'bench.yaml', {});
  assert.deepEqual(
    p.problems.map((x) => `${x.code} ${x.message}`),
    ['keys-over-capacity phones.1.keys: D815 has 40 programmable keys; 41 given (the rest go nowhere; put them on an expansion module)'],
  );
});
