// Firmware pins (bench `firmware:`): parsing with located errors, `firmware.url` in the render context and the
// data-path schema, `check` on a missing image (core and CLI), the starter templates, the reported-vs-pinned wording.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextSchema } from '../../../../server/src/core/analysis/contextSchema';
import { compareToPin, describeFirmware, firmwarePin, pinModel } from '../../../../server/src/core/bench/firmware';
import { parseBench } from '../../../../server/src/core/bench/parse';
import { schemaAt } from '../../../../server/src/core/bench/schema';
import { checkWorkspace } from '../../../../server/src/core/check';
import { buildContext } from '../../../../server/src/core/context';
import { modelLookup } from '../../../../server/src/core/vendors';
import { cli, memoryWorkspace, tempExample } from '../../../helpers/workspace';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../../server/src/service/languageService';

const parse = (t: string) => parseBench(t, modelLookup);
const PHONES = `phones:
  - { mac: 805e0c000001, vendor: yealink, model: t54w, name: one }
  - { mac: 0004f2000002, vendor: poly, model: VVX400, name: two }
  - { mac: 00562b000003, vendor: cisco, model: CP-8841-3PCC, name: three }
`;

test('firmware: pins parse per model, matched case-insensitively and by alias, canonical ids kept', () => {
  const r = parse(
    `firmware:\n  t54w: T54W-96.86.0.100.rom\n  vvx 400: 3111-46135-002.sip.ld\n  cp-8841-3pcc: cisco/sip88xx.11-3-7MPP0001-272.loads\n${PHONES}`,
  );
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.bench.firmware?.map((p) => [p.vendor, p.model, p.file]),
    [
      ['yealink', 'T54W', 'T54W-96.86.0.100.rom'],
      ['poly', 'VVX400', '3111-46135-002.sip.ld'],
      ['cisco', 'CP-8841-3PCC', 'cisco/sip88xx.11-3-7MPP0001-272.loads'],
    ],
  );
  // no server.static: the pins are served from firmware/ at /firmware
  assert.deepEqual(r.bench.server.static, [{ path: '/firmware', dir: 'firmware' }]);
  assert.equal(firmwarePin(r.bench, r.bench.phones[0])?.file, 'T54W-96.86.0.100.rom');
  assert.equal(pinModel('SIP-T54W')?.id, 'T54W', 'as a User-Agent names it');
  assert.equal(pinModel('T99Z'), undefined);
  // the bench's own static folders are kept as they are
  const own = parse(`server: { static: [{ path: /logos, dir: logos }] }\nfirmware: { T54W: a.rom }\n${PHONES}`);
  assert.deepEqual(own.bench.server.static, [{ path: '/logos', dir: 'logos' }]);
});

test('firmware: an unknown model, a duplicate pin, a file name leaving the folder are located errors', () => {
  const text = `firmware:\n  T54X: T54W-96.86.0.100.rom\n  T54W: a.rom\n  t54w: b.rom\n  VVX400: ../secret\n  D785: /etc/passwd\n  X4U: http://example.com/x.z\n  GRP2614: "a\\\\b.bin"\n${PHONES}`;
  const r = parse(text);
  const lines = text.split('\n');
  const at = (code: string) => r.problems.filter((p) => p.code === code);
  const unknown = at('bench-firmware-model');
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0].severity, 'error');
  assert.deepEqual(unknown[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } }, 'the key');
  assert.ok(unknown[0].suggestions?.includes('T54W'), String(unknown[0].suggestions));
  assert.match(unknown[0].message, /no vendor profile has a model 'T54X', did you mean .*'T54W'/);
  const dup = at('bench-duplicate-key');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].range.start.line, 3);
  assert.match(dup[0].message, /T54W is pinned twice/);
  const files = at('bench-firmware-file');
  assert.deepEqual(
    files.map((p) => p.range.start.line),
    [4, 5, 6, 7],
  );
  for (const p of files) assert.equal(p.range.start.character, lines[p.range.start.line].indexOf(':') + 2, 'the value');
  assert.match(files[0].message, /'\.\.\/secret' is a '\.', '\.\.' or empty path segment/);
  assert.match(files[2].message, /a URL/);
  assert.deepEqual(
    r.bench.firmware?.map((p) => p.model),
    ['T54W'],
    'only good pins are kept (the first T54W)',
  );
  assert.ok(r.hasErrors);
  // the schema: a pin is a string
  assert.deepEqual(
    parse(`firmware: { T54W: [a] }\n${PHONES}`).problems.map((p) => p.code),
    ['bench-schema'],
  );
});

test('firmware.url and firmware.file: the pin below the server URL and the firmware folder, absent without a pin', () => {
  const withPin = (server: string) =>
    parse(`${server}\nfirmware: { T54W: "T54W 96.86.0.100.rom", CP-8841-3PCC: sub/sip.loads }\n${PHONES}`).bench;
  let b = withPin('server: { host: 127.0.0.1, port: 8080 }');
  assert.deepEqual(buildContext(b, b.phones[0]).firmware, {
    url: 'http://127.0.0.1:8080/firmware/T54W%2096.86.0.100.rom',
    file: 'T54W 96.86.0.100.rom',
  });
  assert.equal(buildContext(b, b.phones[2]).firmware?.url, 'http://127.0.0.1:8080/firmware/sub/sip.loads');
  assert.equal('firmware' in buildContext(b, b.phones[1]), false, 'no pin: no firmware');
  b = withPin('server: { url: "https://prov.lab.test/s3cret/", static: [{ path: /logos, dir: logos }, { path: /firmware/, dir: fw }] }');
  assert.equal(buildContext(b, b.phones[0]).firmware?.url, 'https://prov.lab.test/s3cret/firmware/T54W%2096.86.0.100.rom');
  b = withPin('server: { path_prefix: abc, static: [{ path: /files, dir: files }] }');
  assert.equal(buildContext(b, b.phones[0], { port: 9000 }).firmware?.url, 'http://127.0.0.1:9000/abc/files/T54W%2096.86.0.100.rom');
  // the data-path schema knows the paths (completion, unknown-path)
  const schema = contextSchema(b);
  assert.equal(schemaAt(['firmware', 'url'], schema)?.type, 'string');
  assert.equal(schemaAt(['firmware', 'file'], schema)?.type, 'string');
});

test('firmware.url renders, and a template using it gets no unknown-path', () => {
  const ws = memoryWorkspace({
    'bench.yaml': `pbx: { host: pbx.test }\nfirmware: { T54W: T54W-96.86.0.100.rom }\n${PHONES}`,
    'firmware/T54W-96.86.0.100.rom': 'rom',
    'templates/yealink/mac.cfg.hbs':
      '#!version:1.0.0.1\n{{#if firmware.url}}\nstatic.firmware.url = {{firmware.url}}\n{{/if}}\n## {{firmware.fiel}}\n',
  });
  const one = ws.phones[0];
  const out = ws.render('templates/yealink/mac.cfg.hbs', one);
  assert.match(out.text, /^static\.firmware\.url = http:\/\/127\.0\.0\.1:8080\/firmware\/T54W-96\.86\.0\.100\.rom$/m);
  const problems = checkWorkspace(ws);
  assert.deepEqual(
    problems.map((p) => `${p.code} ${p.message.slice(0, 40)}`),
    [`unknown-path ${problems[0]?.message.slice(0, 40)}`],
  );
  assert.deepEqual(problems[0].suggestions, ['firmware.file']);
});

test('check: a pinned file missing from the firmware folder is an error at the pin', () => {
  const bench = `pbx: { host: pbx.test }\nserver: { static: [{ path: /firmware, dir: ./fw/ }] }\nfirmware:\n  T54W: T54W-96.86.0.100.rom\n  VVX400: poly/3111-46135-002.sip.ld\n${PHONES}`;
  const ws = (files: Record<string, string>) => memoryWorkspace({ 'bench.yaml': bench, ...files });
  assert.deepEqual(checkWorkspace(ws({ 'fw/T54W-96.86.0.100.rom': 'x', 'fw/poly/3111-46135-002.sip.ld': 'y' })), []);
  const missing = checkWorkspace(ws({ 'fw/T54W-96.86.0.100.rom': 'x', 'fw/3111-46135-002.sip.ld': 'not in poly/' }));
  assert.equal(missing.length, 1);
  const p = missing[0];
  assert.equal(p.file, 'bench.yaml');
  assert.equal(p.code, 'bench-firmware-file');
  assert.equal(p.severity, 'error');
  assert.deepEqual(p.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 36 } });
  assert.match(p.message, /^firmware\.VVX400: no file 'poly\/3111-46135-002\.sip\.ld' in fw\/ \(the folder served at \/firmware\)/);
  // a folder outside the workspace is not checked
  const outside = memoryWorkspace({ 'bench.yaml': bench.replace('./fw/', '/srv/fw') });
  assert.deepEqual(checkWorkspace(outside), []);
});

test('the starter templates use firmware.url (Yealink, Poly, Cisco, snom); CLI check and render over the example', async () => {
  const dir = tempExample();
  try {
    const benchText = readFileSync(join(dir, 'bench.yaml'), 'utf8');
    const pins =
      'firmware:\n  T54W: T54W-96.86.0.100.rom\n  VVX400: 3111-46135-002.sip.ld\n  CP-8841-3PCC: sip88xx.11-3-7MPP0001-272.loads\n  D785: snomD785-10.1.54.13-SIP-r.bin\n\n';
    writeFileSync(join(dir, 'bench.yaml'), benchText.replace(/^contacts:/m, `${pins}contacts:`));
    mkdirSync(join(dir, 'firmware'));
    for (const f of ['T54W-96.86.0.100.rom', '3111-46135-002.sip.ld', 'sip88xx.11-3-7MPP0001-272.loads', 'snomD785-10.1.54.13-SIP-r.bin'])
      writeFileSync(join(dir, 'firmware', f), 'image');
    const check = await cli(['check', '--workspace', dir]);
    assert.equal(check.code, 0, check.out + check.err);

    const render = async (phone: string, path: string) => {
      const r = await cli(['render', '--phone', phone, '--path', path, '--workspace', dir]);
      assert.equal(r.code, 0, r.err);
      return r.out;
    };
    const base = 'http://127.0.0.1:8080/firmware';
    assert.match(
      await render('reception-t54w', '/y000000000096.cfg'),
      new RegExp(`^static\\.firmware\\.url = ${base}/T54W-96\\.86\\.0\\.100\\.rom$`, 'm'),
    );
    assert.doesNotMatch(await render('alice-t46s', '/y000000000066.cfg'), /firmware\.url/, 'no pin for the T46S');
    assert.match(await render('bob-vvx400', '/0004f2abcdef.cfg'), new RegExp(`APP_FILE_PATH="${base}/3111-46135-002\\.sip\\.ld"`));
    const cisco = await render('sales-cp8841', '/CP-8841-3PCC.xml');
    assert.match(cisco, new RegExp(`<Upgrade_Rule ua="na">${base}/sip88xx\\.11-3-7MPP0001-272\\.loads</Upgrade_Rule>`));
    assert.match(cisco, /<Upgrade_Enable ua="na">Yes<\/Upgrade_Enable>/);
    const snom = await render('desk-d785', '/snomD785.htm');
    assert.match(snom, new RegExp(`<firmware>${base}/snomD785-10\\.1\\.54\\.13-SIP-r\\.bin</firmware>`));
    assert.match(snom, /<update_policy>auto_update<\/update_policy>/);

    rmSync(join(dir, 'firmware', 'snomD785-10.1.54.13-SIP-r.bin'));
    const missing = await cli(['check', '--workspace', dir]);
    assert.equal(missing.code, 1);
    assert.match(
      missing.out,
      /^bench\.yaml:\d+:9 error bench-firmware-file firmware\.D785: no file 'snomD785-10\.1\.54\.13-SIP-r\.bin' in firmware\//m,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without pins the starter templates keep their defaults', async () => {
  const dir = tempExample();
  try {
    const poly = await cli(['render', '--phone', 'bob-vvx400', '--path', '/0004f2abcdef.cfg', '--workspace', dir]);
    assert.match(poly.out, /APP_FILE_PATH="sip\.ld"/);
    const snom = await cli(['render', '--phone', 'desk-d785', '--path', '/snomD785.htm', '--workspace', dir]);
    assert.match(snom.out, /<update_policy>settings_only<\/update_policy>/);
    assert.doesNotMatch(snom.out, /<firmware>/);
    const cisco = await cli(['render', '--phone', 'sales-cp8841', '--path', '/CP-8841-3PCC.xml', '--workspace', dir]);
    assert.doesNotMatch(cisco.out, /Upgrade_Rule/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the reported firmware against the pin: same, different, unknown', () => {
  assert.equal(compareToPin('96.86.0.100', 'T54W-96.86.0.100.rom'), 'same');
  assert.equal(compareToPin('96.86.0.70', 'T54W-96.86.0.100.rom'), 'different');
  assert.equal(compareToPin('96.86.0.10', 'T54W-96.86.0.100.rom'), 'different', 'no prefix match');
  assert.equal(compareToPin('11.3.7', 'sip88xx.11-3-7MPP0001-272.loads'), 'same');
  assert.equal(compareToPin('10.1.54.13', 'snomD785-10.1.54.13-SIP-r.bin'), 'same');
  assert.equal(compareToPin('5.9.5.0614', '3111-46135-002.sip.ld'), 'unknown');
  assert.deepEqual(describeFirmware('96.86.0.70', 'T54W-96.86.0.100.rom'), {
    text: 'firmware 96.86.0.70 (pinned 96.86.0.100)',
    differs: true,
  });
  assert.deepEqual(describeFirmware('96.86.0.100', 'T54W-96.86.0.100.rom'), { text: 'firmware 96.86.0.100 (pinned)', differs: false });
  assert.deepEqual(describeFirmware('5.9.5', 'p/3111.sip.ld'), { text: 'firmware 5.9.5 (pinned file p/3111.sip.ld)', differs: false });
  assert.deepEqual(describeFirmware(undefined, 'T54W-96.86.0.100.rom'), {
    text: 'firmware not reported yet (pinned 96.86.0.100)',
    differs: false,
  });
  assert.deepEqual(describeFirmware('1.2.3', undefined), { text: 'firmware 1.2.3', differs: false });
  assert.deepEqual(describeFirmware(undefined, undefined), { differs: false });
});

test('the editor reports a missing pinned firmware file on the bench file, as check does', () => {
  const ws = memoryWorkspace({
    'bench.yaml':
      'pbx: { host: pbx.test }\nfirmware:\n  T54W: T54W-96.86.0.100.rom\nphones:\n  - { mac: 805e0c000001, vendor: yealink, model: T54W }\n',
  });
  const ls = createLanguageService('file:///ws', ws.files);
  const doc = TextDocument.create('file:///ws/bench.yaml', 'yaml', 1, ws.files.read('bench.yaml')!);
  const d = ls.doValidation(doc).filter((x) => x.code === 'bench-firmware-file');
  assert.equal(d.length, 1, JSON.stringify(ls.doValidation(doc)));
  assert.equal(d[0].range.start.line, 2);
});
