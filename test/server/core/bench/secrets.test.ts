// `${env:NAME}` references in bench values (server/src/core/bench/secrets.ts): resolved when the bench is
// read, so a password need not sit in the bench file; an unset or malformed reference is a located
// error that names the variable and never shows a value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBench } from '../../../../server/src/core/bench/parse';
import { modelLookup } from '../../../../server/src/core/vendors';
import { cli } from '../../../helpers/workspace';

const SECRET = 'Sup3r-s3cret&<x>';
const benchWith = (password: string, extra = '') =>
  `pbx: { host: pbx.test${extra} }\nphones:\n  - mac: 805e0c000001\n    vendor: yealink\n    model: T54W\n    lines:\n      - { extension: "101", password: "${password}" }\n`;

test('a reference takes the environment variable; the bench file holds only its name', () => {
  const p = parseBench(benchWith('${env:PS_SALES_PW}'), modelLookup, 'bench.yaml', { PS_SALES_PW: SECRET });
  assert.deepEqual(p.problems, []);
  assert.equal(p.bench.phones[0].lines[0].password, SECRET);
  // inside a longer value, several per value, and $${…} for a literal
  const q = parseBench(benchWith('pre-${env:A}-${env:B}-$${env:A}'), modelLookup, 'bench.yaml', { A: '1', B: '2' });
  assert.deepEqual(q.problems, []);
  assert.equal(q.bench.phones[0].lines[0].password, 'pre-1-2-${env:A}');
});

test('unset, malformed and unknown references: located errors naming the reference, never a value', () => {
  const text = benchWith('${env:PS_UNSET_PW}');
  const p = parseBench(text, modelLookup, 'bench.yaml', {});
  assert.equal(p.hasErrors, true);
  const e = p.problems.find((x) => x.code === 'bench-secret');
  assert.ok(e, JSON.stringify(p.problems));
  assert.equal(e.message, '${env:PS_UNSET_PW}: the environment variable PS_UNSET_PW is not set (phones using it are not served)');
  assert.deepEqual(p.bench.phones, [], 'a phone never receives the reference as its password');
  const line = text.split('\n')[e.range.start.line];
  assert.equal(line.slice(e.range.start.character, e.range.end.character), '${env:PS_UNSET_PW}');
  for (const [ref, msg] of [
    ['${vault:pw}', /not a reference Provisioning Studio knows \(expected \$\{env:NAME\}\)/],
    ['${env:1PW}', /'1PW' is not an environment variable name/],
    ['${PW}', /not a reference Provisioning Studio knows/],
  ] as const) {
    const r = parseBench(benchWith(ref), modelLookup, 'bench.yaml', { PW: SECRET, '1PW': SECRET });
    const x = r.problems.find((y) => y.code === 'bench-secret');
    assert.ok(x, ref);
    assert.match(x.message, msg);
  }
  // a resolved value never reaches a message, even where the schema rejects the field it is in
  const bad = parseBench(benchWith('${env:PW}', ', transport: "${env:PW}"'), modelLookup, 'bench.yaml', { PW: SECRET });
  assert.ok(bad.problems.length >= 1);
  for (const x of bad.problems) assert.ok(!x.message.includes(SECRET), x.message);
});

test('CLI: render uses the environment; an unset variable is a located error; nothing is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-secret-'));
  try {
    writeFileSync(join(dir, 'bench.yaml'), benchWith('${env:PS_TEST_SALES_PW}'));
    mkdirSync(join(dir, 'templates/yealink'), { recursive: true });
    writeFileSync(join(dir, 'templates/yealink/mac.cfg.hbs'), '#!version:1.0.0.1\naccount.1.password = {{lines.0.password}}\n');
    const before = readdirSync(dir, { recursive: true }).sort();
    delete process.env.PS_TEST_SALES_PW;
    const unset = await cli(['render', join(dir, 'templates/yealink/mac.cfg.hbs'), '--workspace', dir, '--phone', '805e0c000001']);
    assert.notEqual(unset.code, 0);
    assert.match(
      unset.err + unset.out,
      /bench\.yaml:7:\d+ error bench-secret \$\{env:PS_TEST_SALES_PW\}: the environment variable PS_TEST_SALES_PW is not set/,
    );
    process.env.PS_TEST_SALES_PW = SECRET;
    const ok = await cli(['render', join(dir, 'templates/yealink/mac.cfg.hbs'), '--workspace', dir, '--phone', '805e0c000001']);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, new RegExp(`account\\.1\\.password = ${SECRET.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const check = await cli(['check', '--workspace', dir]);
    assert.ok(!(check.out + check.err).includes(SECRET), 'check never prints the value');
    assert.deepEqual(readdirSync(dir, { recursive: true }).sort(), before, 'no file written');
    assert.ok(!readFileSync(join(dir, 'bench.yaml'), 'utf8').includes(SECRET));
  } finally {
    delete process.env.PS_TEST_SALES_PW;
    rmSync(dir, { recursive: true, force: true });
  }
});
