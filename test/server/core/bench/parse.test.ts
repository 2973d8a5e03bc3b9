import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBench } from '../../../../server/src/core/bench/parse';
import { normaliseMac, formatMac } from '../../../../server/src/core/bench/mac';
import { modelLookup } from '../../../../server/src/core/vendors';

const parse = (t: string) => parseBench(t, modelLookup);
const codes = (t: string) => parse(t).problems.map((p) => p.code);

test('MAC notations normalise to 12 lowercase hex digits', () => {
  for (const m of ['80:5E:0C:11:22:33', '80-5e-0c-11-22-33', '805e.0c11.2233', '805E0C112233', '80 5e 0c 11 22 33']) {
    assert.equal(normaliseMac(m), '805e0c112233', m);
  }
  for (const bad of ['805e0c11223', '805e0c1122334', 'zz5e0c112233', '80:5e-0c:11:22:33', ''])
    assert.equal(normaliseMac(bad), undefined, bad);
  assert.equal(formatMac('805e0c112233', 'COLON'), '80:5E:0C:11:22:33');
  assert.equal(formatMac('805e0c112233', 'dot'), '805e.0c11.2233');
});

test('a valid bench parses into the model with normalised MACs and string extensions', () => {
  const r = parse(`pbx: { host: pbx.test, port: 5080 }
phones:
  - mac: 80:5E:0C:11:22:33
    vendor: yealink
    model: t54w
    lines: [{ extension: 101, password: 1234 }]
    keys: [{ type: blf, value: "102", line: 1 }]
`);
  assert.deepEqual(r.problems, []);
  const p = r.bench.phones[0];
  assert.equal(p.mac, '805e0c112233');
  assert.equal(p.model, 'T54W', 'model id takes the profile spelling');
  assert.equal(p.name, '805e0c112233', 'name defaults to the MAC');
  assert.equal(p.lines[0].extension, '101');
  assert.equal(p.lines[0].password, '1234');
  assert.equal(p.keys[0].line, 1);
  assert.equal(r.bench.pbx.port, 5080);
});

test('malformed YAML is a located error, never a throw', () => {
  const r = parse('phones:\n  - mac: [805e0c112233\n    vendor: yealink\n');
  assert.ok(r.hasErrors);
  const e = r.problems[0];
  assert.equal(e.code, 'bench-yaml');
  assert.ok(e.range.start.line >= 1, JSON.stringify(e.range));
});

test('schema errors are located on the offending node with did-you-mean', () => {
  const text = 'phones:\n  - mac: 805e0c112233\n    vendor: yealink\n    model: T54W\n    lnes: []\n';
  const r = parse(text);
  const e = r.problems.find((p) => p.code === 'bench-unknown-property')!;
  assert.ok(e, JSON.stringify(r.problems));
  assert.deepEqual(e.range.start, { line: 4, character: 4 });
  assert.match(e.message, /did you mean 'lines'/);
  assert.deepEqual(e.suggestions, ['lines']);
});

test('unknown vendor, unknown model, bad MAC and duplicate MAC are reported where they are', () => {
  assert.deepEqual(codes('phones:\n  - { mac: 805e0c112233, vendor: yealnk, model: T54W }\n'), ['bench-enum']);
  const model = parse('phones:\n  - { mac: 805e0c112233, vendor: yealink, model: T45W }\n');
  assert.equal(model.problems[0].code, 'bench-unknown-model');
  assert.match(model.problems[0].message, /unknown yealink model 'T45W', did you mean .*'T54W'/);
  const bad = parse('phones:\n  - { mac: not-a-mac, vendor: yealink, model: T54W }\n');
  assert.equal(bad.problems[0].code, 'bench-mac');
  assert.equal(bad.problems[0].range.start.line, 1);
  const dup = parse(
    'phones:\n  - { mac: 805e0c112233, vendor: yealink, model: T54W }\n  - { mac: 80:5e:0c:11:22:33, vendor: yealink, model: T46S }\n',
  );
  assert.deepEqual(
    dup.problems.map((p) => p.code),
    ['bench-duplicate-mac'],
  );
  assert.equal(dup.problems[0].range.start.line, 2);
  assert.equal(dup.bench.phones.length, 1);
});

test('wrong types and ranges are located errors', () => {
  const r = parse('pbx: { host: x, port: 70000, transport: sctp }\nphones: {}\n');
  assert.deepEqual(r.problems.map((p) => p.code).sort(), ['bench-enum', 'bench-range', 'bench-schema']);
});

test('locate() finds a data path in the bench text', () => {
  const r = parse('phones:\n  - mac: 805e0c112233\n    vendor: yealink\n    model: T54W\n    lines:\n      - extension: "101"\n');
  assert.deepEqual(r.locate(['phones', 0, 'lines', 0, 'extension'])?.start, { line: 5, character: 19 });
});

test('a huge or hostile bench does not hang: alias bombs are refused', () => {
  const bomb =
    'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nphones: []\n';
  const r = parse(bomb);
  assert.ok(r.hasErrors);
});

test('deeply nested YAML: a plain, located message, not "Maximum call stack size exceeded"', () => {
  const flow = `pbx: { host: x }\nvars: { a: ${'['.repeat(20000)}${']'.repeat(20000)} }\nphones: []\n`;
  const r = parseBench(flow, modelLookup);
  assert.equal(r.hasErrors, true);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.range.start.line, p.range.start.character]),
    [['bench-yaml', 1, 11 + 99]],
  ); // '{' is level 1: the 100th '[' opens level 101
  assert.match(r.problems[0].message, /nested more than 100 levels deep here/);
  const quoted = `pbx: { host: x }\nvars: { a: "${'['.repeat(500)}" }\nphones: []\n`;
  assert.equal(parseBench(quoted, modelLookup).hasErrors, false, 'brackets inside a string are text');
  const block = `pbx: { host: x }\nvars:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')} 1\nphones: []\n`;
  const b = parseBench(block, modelLookup);
  assert.deepEqual(
    b.problems.map((p) => [p.code, p.range.start.line]),
    [['bench-yaml', 101]],
  );
  assert.match(b.problems[0].message, /nested more than 100 levels deep here/);
});
