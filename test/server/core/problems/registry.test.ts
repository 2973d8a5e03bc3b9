// Every registered problem code is produced by real input through the public entry points (a Workspace
// over MemoryFiles and checkWorkspace, as `check` runs it), with the registry's default severity. A code
// without a case here fails the first test; a case whose input stops producing its code fails its own.
import { literalSecretProblems } from '../../../../server/src/core/bench/secrets';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkOutput } from '../../../../server/src/core/catalog/check';
import type { KeyCatalog } from '../../../../server/src/core/catalog/types';
import { checkWorkspace, renderProblems } from '../../../../server/src/core/check';
import { overrideProblems } from '../../../../server/src/core/effective';
import { PROBLEM_CODES, PROBLEMS, isProblemCode, type ProblemCode } from '../../../../server/src/core/problems/registry';
import type { Problem } from '../../../../server/src/core/types';
import { LineIndex } from '../../../../server/src/core/util/text';
import { DiskFiles } from '../../../../server/src/core/files';
import { Workspace } from '../../../../server/src/core/workspace';
import { memoryWorkspace, MINI_BENCH, REPO } from '../../../helpers/workspace';
import { BENCH as BENCH_3CX, TEMPLATE, TPL } from '../threecx/fixture';

const H = '#!version:1.0.0.1\n';
const Y = 'templates/yealink/mac.cfg.hbs';
/** The Yealink per-phone file with `body` after its header, on the mini bench (phones 'one' T54W and 'two' VVX400). */
const yealink = (body: string, extra: Record<string, string> = {}) => ({ 'bench.yaml': MINI_BENCH, [Y]: H + body, ...extra });
const bench = (text: string) => ({ 'bench.yaml': text });
const phone = (fields: string) => `  - { vendor: yealink, model: T54W, ${fields} }\n`;
/** The mini 3CX template (two phones it serves by vars.template, one by model) with text replaced. */
const threecx = (from: string, to: string, benchText = BENCH_3CX) => {
  assert.ok(TEMPLATE.includes(from), `fixture lacks ${from}`);
  return { 'bench.yaml': benchText, [TPL]: TEMPLATE.replace(from, to) };
};
/** Output checked against the test catalog (the shipped catalogs carry no `file` or `models` data, yet). */
const yealinkOutput = (text: string, model?: string) => () => {
  const catalog = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/catalogs/yealink-mini.json'), 'utf8')) as KeyCatalog;
  const idx = new LineIndex(text);
  return checkOutput(text, { format: 'yealink-cfg', vendor: 'yealink', catalog, fileKind: 'mac', model, header: H.trim() }).map(
    (p): Problem => ({ file: 'output.cfg', range: idx.range(p.start, p.end), severity: p.severity, code: p.code, message: p.message }),
  );
};
/**
 * Rendering that runs out of stack: a chain of 30 partials (under the depth limit of 32), each nesting `k`
 * blocks, so no single file nests deeply enough to trouble the parser (k grows until the stack runs out).
 */
const deepNesting = () => {
  for (let k = 50; k <= 1000; k += 50) {
    const files: Record<string, string> = yealink('{{> p1}}\n');
    for (let i = 1; i <= 30; i++) {
      files[`templates/partials/p${i}.cfg.hbs`] = `${'{{#if phone}}'.repeat(k)}${i < 30 ? `{{> p${i + 1}}}` : 'x'}${'{{/if}}'.repeat(k)}`;
    }
    // rendered as `render` does (the static check of such a chain overflows the stack itself: a known limit of check)
    const ws = memoryWorkspace(files);
    const ps = renderProblems(ws, Y, ws.phones[0], ws.render(Y, ws.phones[0]));
    if (ps.some((p) => p.code === 'render-error')) return ps;
  }
  return [];
};
const cfgBody = 'lang.gui = %%language%%\n';
const inBody = (text: string) => threecx(cfgBody, cfgBody + text);

type Case = Record<string, string> | (() => Problem[]);
const CASES: Record<ProblemCode, Case> = {
  'bench-yaml': bench('phones: [\n  - { mac: 805e0c000001\n'),
  'bench-too-large': bench(`# ${'x'.repeat(5 * 1024 * 1024)}\nphones: []\n`),
  'bench-schema': bench('phones: {}\n'),
  'bench-unknown-property': bench('phones: []\ncontact: []\n'),
  'bench-enum': bench('pbx: { host: pbx.test, transport: udpp }\nphones: []\n'),
  'bench-range': bench('pbx: { host: pbx.test, port: 70000 }\nphones: []\n'),
  'bench-missing-property': bench('pbx: { port: 5060 }\nphones: []\n'),
  'bench-duplicate-key': bench('phones: []\nvars: {}\nvars: {}\n'),
  'bench-mac': bench(`phones:\n${phone('mac: "80:5e:0c:zz"')}`),
  'bench-duplicate-mac': bench(`phones:\n${phone('mac: 805e0c000001')}${phone('mac: 80-5E-0C-00-00-01')}`),
  'bench-unknown-model': bench('phones:\n  - { mac: 805e0c000001, vendor: yealink, model: T99Z }\n'),
  'bench-unknown-module': bench(`phones:\n${phone('mac: 805e0c000001, modules: [{ type: EXP99 }]')}`),
  'key-type-unsupported': bench(
    'phones:\n  - { mac: 00562b000001, vendor: cisco, model: CP-8841-3PCC, keys: [{ type: record, value: "1" }] }\n',
  ),
  'keys-over-capacity': bench(`phones:\n${phone('mac: 805e0c000001, modules: [{ type: EXP40 }]')}`),
  'bench-missing': { 'templates/yealink/mac.cfg.hbs': H },
  'bench-secret': bench(
    'phones:\n  - { mac: 805e0c000001, vendor: yealink, model: T46S, lines: [{ extension: "1", password: "${env:PS_TEST_UNSET_PW}" }] }\n',
  ),
  'bench-literal-secret': () =>
    literalSecretProblems(
      'phones:\n  - { mac: 805e0c000001, vendor: yealink, model: T46S, lines: [{ password: hunter2 }] }\n',
      'bench.yaml',
    ),
  'bench-firmware-model': bench('firmware: { T54X: T54W-96.86.0.100.rom }\nphones: []\n'),
  'bench-firmware-file': bench(
    'server: { static: [{ path: /firmware, dir: fw }] }\nfirmware: { T54W: T54W-96.86.0.100.rom }\nphones: []\n',
  ),
  'hbs-syntax': yealink('{{#if phone.mac}}\n{{/each}}\n'),
  'hbs-unclosed-block': yealink('{{#if phone.mac}}\nx = 1\n'),
  'hbs-unsupported': yealink('{{> (lookup phone "model")}}\n'),
  'template-too-large': yealink('x'.repeat(50 * 1024 * 1024)),
  'unknown-path': yealink('account.1.label = {{phone.nmae}}\n'),
  'unknown-helper': yealink('account.1.label = {{frobnicate phone.name}}\n'),
  'hbs-helper-usage': yealink('account.1.label = {{each lines}}\n'),
  'missing-partial': yealink('{{> no_such_partial}}\n'),
  'partial-recursion': yealink('{{> loop}}\n', { 'templates/partials/loop.cfg.hbs': 'x = 1\n{{> loop}}\n' }),
  'partial-error': yealink('{{> broken}}\n', { 'templates/partials/broken.cfg.hbs': '{{#if phone.mac}}\n' }),
  'render-error': deepNesting,
  'render-limit': yealink('{{#each (range 1 10000)}}{{#each (range 1 10000)}}xxxxxxxxxx{{/each}}{{/each}}\n'),
  'value-newline': {
    'bench.yaml': MINI_BENCH.replace('name: one', 'name: one\n    vars: { note: "a\\nb" }'),
    [Y]: `${H}account.1.label = {{vars.note}}\n`,
  },
  'object-output': yealink('account.1.label = {{phone}}\n'),
  // a bench value whose own `toString` is not a function: String() of it throws inside the helper
  'helper-error': {
    'bench.yaml': MINI_BENCH.replace('name: one', 'name: one\n    vars: { o: { toString: x } }'),
    [Y]: `${H}account.1.label = {{upper vars.o}}\n`,
  },
  'threecx-xml': threecx('</header>', '</heade>'),
  'threecx-envelope': threecx('<deviceconfig filename="%%mac_address%%.boot">', '<deviceconfig>'),
  'threecx-unclosed-if': inBody('{IF blf1}\nx.y = 1\n'),
  'threecx-syntax': inBody('{ENDIF}\n'),
  'unknown-variable': inBody('phone_setting.ring_type = %%no_such_variable%%\n'),
  'threecx-key-variable': inBody('linekey.9.type = %%Type%%\n'),
  'threecx-unknown-ua': inBody('{IF ua=Yealink SIP-T99Z}\nx.y = 1\n{ENDIF}\n'),
  'threecx-unknown-network': inBody('{IF network=NOWHERE}\nx.y = 1\n{ENDIF}\n'),
  'threecx-unset': inBody('phone_setting.ring_type = %%param::no_such_param%%\n'),
  'threecx-blftype': threecx(cfgBody, cfgBody),
  'threecx-option': threecx(cfgBody, cfgBody, BENCH_3CX.replace('languages: German', 'languages: Klingon')),
  'threecx-network': threecx('<option value="SBC">1</option>', ''),
  // `render --phone other`: a phone none of the template's models is (rendered as the first)
  'threecx-model': () => {
    const ws = memoryWorkspace({ 'bench.yaml': BENCH_3CX, [TPL]: TEMPLATE });
    const other = ws.phones.find((p) => p.name === 'other')!;
    return renderProblems(ws, TPL, other, ws.render(TPL, other));
  },
  'unknown-key': yealink('account.1.lable = x\n'),
  'uncatalogued-key': yealink('features.zz_qq_not_a_yealink_setting = 1\n'),
  'legacy-format': yealink('[ account ]\npath = /config/voip/sipAccount0.cfg\nEnable = 1\n'),
  'firmware-key': {
    'bench.yaml': MINI_BENCH.replace('name: one', 'name: one\n    vars: { firmware_version: "96.86.0.70" }'),
    [Y]: `${H}auto_provision.attempt_expired_time = 5\n`,
  },
  'workspace-catalog': yealink('account.1.label = x\n', { 'catalog/yealink.yaml': 'keys:\n  - { type: int }\n' }),
  'invalid-value': yealink('account.1.enable = 7\n'),
  'duplicate-key': yealink('account.1.label = a\naccount.1.label = b\n'),
  'wrong-file': yealinkOutput(`${H}local_time.time_zone = +1\n`),
  'deprecated-key': yealink('account.2.sip_server_host = pbx\n'),
  'missing-header': { 'bench.yaml': MINI_BENCH, [Y]: 'account.1.label = x\n' },
  'xml-malformed': { 'bench.yaml': MINI_BENCH, 'templates/yealink/contacts.xml.hbs': '<YealinkIPPhoneDirectory>\n<DirectoryEntry>\n' },
  'index-out-of-range': yealink('account.99.label = x\n'),
  'malformed-line': yealink('this line has no equals sign\n'),
  'unsupported-model': yealinkOutput(`${H}phone_setting.backlight_time = 5\n`, 'T27G'),
  // the common file sets lang.gui, the per-phone file (applied later) sets it again: the common line loses
  'key-overridden': () => {
    const ws = memoryWorkspace(yealink('lang.gui = French\n', { 'templates/yealink/common.cfg.hbs': `${H}lang.gui = English\n` }));
    return overrideProblems(ws, ws.phones[0]);
  },
  'unknown-problem-code': bench('problems: { unknown-kye: off }\nphones: []\n'),
  'output-bom': { 'bench.yaml': MINI_BENCH, [Y]: `\ufeff${H}account.1.label = x\n` },
  'xml-illegal-char': {
    'bench.yaml': MINI_BENCH.replace('name: one', 'name: one\n    vars: { n: "a\\u0001b" }'),
    'templates/yealink/contacts.xml.hbs':
      '<YealinkIPPhoneDirectory><DirectoryEntry><Name>{{vars.n}}</Name></DirectoryEntry></YealinkIPPhoneDirectory>\n',
  },
  'control-char': {
    'bench.yaml': MINI_BENCH.replace('name: one', 'name: one\n    vars: { n: "a\\u2028b" }'),
    [Y]: `${H}account.1.label = {{vars.n}}\n`,
  },
  'mixed-line-endings': yealink('account.1.label = a\r\naccount.1.enable = 1\n'),
  // read from disk: the bytes C3 28 are not UTF-8
  'invalid-utf8': () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ps-utf8-'));
    try {
      writeFileSync(path.join(dir, 'bench.yaml'), MINI_BENCH);
      mkdirSync(path.join(dir, 'templates/yealink'), { recursive: true });
      writeFileSync(
        path.join(dir, Y),
        Buffer.concat([Buffer.from(`${H}account.1.label = caf`), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
      );
      return checkWorkspace(new Workspace(new DiskFiles(dir)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

const problemsOf = (files: Record<string, string>): Problem[] => checkWorkspace(memoryWorkspace(files));

test('registry: every code has a case, and only registered codes do', () => {
  const missing = PROBLEM_CODES.filter((c) => !Object.prototype.hasOwnProperty.call(CASES, c));
  assert.deepEqual(missing, [], `registered codes without a case: ${missing.join(', ')}`);
  assert.deepEqual(
    Object.keys(CASES).filter((c) => !isProblemCode(c)),
    [],
  );
  for (const c of PROBLEM_CODES) {
    const d = PROBLEMS[c];
    assert.match(c, /^[a-z0-9]+(-[a-z0-9]+)*$/, c);
    assert.ok(d.description.length > 10 && !d.description.includes('\n'), `${c}: one-line description`);
  }
});

for (const code of PROBLEM_CODES) {
  test(`registry: real input produces ${code} (${PROBLEMS[code].severity})`, () => {
    const c = (CASES as Record<string, Case | undefined>)[code];
    assert.ok(c, `no case for ${code}`);
    const problems = typeof c === 'function' ? c() : problemsOf(c);
    const hits = problems.filter((p) => p.code === code);
    assert.ok(
      hits.length,
      `${code} not produced; got ${problems
        .map((p) => `${p.code}: ${p.message}`)
        .join(' | ')
        .slice(0, 800)}`,
    );
    assert.ok(
      hits.some((p) => p.severity === PROBLEMS[code].severity),
      `${code}: severities ${hits.map((p) => p.severity)}`,
    );
    for (const p of hits) {
      assert.ok(p.file && p.range.start.line >= 0 && p.range.start.character >= 0, `${code} is located`);
      assert.ok(p.message, `${code} has a message`);
    }
  });
}
