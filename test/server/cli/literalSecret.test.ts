// bench-literal-secret, the optional check for literal passwords in a bench file tracked by git: core checks
// the text (server/src/core/bench/secrets.ts), the CLI's check and the language server ask git whether the
// bench file is tracked (server/src/node/gitTracked.ts). Off unless a problems: section turns it on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { literalSecretCheckOn, literalSecretProblems } from '../../../server/src/core/bench/secrets';
import { cli, tempExample } from '../../helpers/workspace';
import { ensureServerBuilt, startClient, type TestClient } from '../node/helpers';

const LITERAL = 'Lit3ral-pw_9';
const BENCH = `phones:
  - mac: 805e0c000001
    vendor: yealink
    model: T54W
    lines:
      - { extension: "101", password: ${LITERAL} }
      - { extension: "102", password: "\${env:PS_LINE2_PW}" }
      - { extension: "103", password: "" }
    vars: { admin_password: "x-\${env:PS_ADMIN}", auth_secret: 1234, label: plain, Register_Pswd: abc, bypass: on }
`;

test('core: a literal password-like value is located at the value and never quoted; references and empty values are fine', () => {
  const ps = literalSecretProblems(BENCH, 'bench.yaml');
  assert.deepEqual(
    ps.map((p) => [p.code, p.severity, p.range.start.line, p.range.start.character]),
    [
      ['bench-literal-secret', 'warning', 5, 38],
      ['bench-literal-secret', 'warning', 8, 62],
      ['bench-literal-secret', 'warning', 8, 97], // a vendor-style name (isSecretName: the effective configuration masks it too)
    ],
  );
  assert.equal(BENCH.split('\n')[5].slice(38, 38 + LITERAL.length), LITERAL);
  for (const p of ps) assert.ok(!p.message.includes(LITERAL) && !p.message.includes('1234'), p.message);
  assert.match(ps[0].message, /'password' is written literally in a bench file tracked by git: use \$\{env:NAME\}/);
  assert.deepEqual(literalSecretProblems('phones: [', 'bench.yaml'), [], 'broken YAML: the bench parse reports it');
  assert.equal(literalSecretCheckOn(undefined, undefined), false);
  assert.equal(literalSecretCheckOn(undefined, { 'bench-literal-secret': 'information' }), true);
  assert.equal(literalSecretCheckOn({ 'bench-literal-secret': 'off' }, { 'bench-literal-secret': 'error' }), false, 'the setting wins');
});

function git(dir: string, ...args: string[]) {
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
}

test('check: literal passwords are reported only when the bench turns the check on and git tracks the bench file', async () => {
  const dir = tempExample();
  try {
    const json = async () => {
      const r = await cli(['check', '--format', 'json', '--workspace', dir]);
      assert.ok(!r.out.includes('al1ce-Secret') && !r.err.includes('al1ce-Secret'), 'no password in the output');
      return (JSON.parse(r.out) as { code: string; file: string; range: { start: { line: number } } }[]).filter(
        (p) => p.code === 'bench-literal-secret',
      );
    };
    const bench = readFileSync(join(dir, 'bench.yaml'), 'utf8');
    writeFileSync(join(dir, 'bench.yaml'), `problems: { bench-literal-secret: warning }\n${bench}`);
    assert.deepEqual(await json(), [], 'not a git work tree');
    git(dir, 'init', '-q');
    assert.deepEqual(await json(), [], 'untracked');
    git(dir, 'add', 'bench.yaml');
    const tracked = await json();
    const lines = readFileSync(join(dir, 'bench.yaml'), 'utf8').split('\n');
    assert.ok(tracked.length >= 2, JSON.stringify(tracked));
    for (const p of tracked) assert.match(lines[p.range.start.line], /password/);
    const text = await cli(['check', '--workspace', dir]);
    assert.match(text.out, /^bench\.yaml:\d+:\d+ warning bench-literal-secret 'password' is written literally/m);
    // off by default: without the problems: entry, nothing
    writeFileSync(join(dir, 'bench.yaml'), bench);
    assert.deepEqual(await json(), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('language server: the bench document gets bench-literal-secret when tracked and turned on', async () => {
  // (untracked and off: the CLI test above; the language server keeps git's answer a few seconds). Over JSON-RPC:
  // the node layer answers whether git tracks the file, on the service thread as the server runs it
  await ensureServerBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ps-litsecret-'));
  let client: TestClient | undefined;
  try {
    const text = `problems: { bench-literal-secret: information }\n${BENCH}`;
    writeFileSync(join(dir, 'bench.yaml'), text);
    git(dir, 'init', '-q');
    git(dir, 'add', 'bench.yaml');
    const root = pathToFileURL(dir).toString();
    client = await startClient(root);
    client.open(`${root}/bench.yaml`, 'yaml', text, 1);
    const got = (await client.diagnostics(`${root}/bench.yaml`, 1)).filter((d) => d.code === 'bench-literal-secret');
    assert.equal(got.length, 3, JSON.stringify(got));
    assert.equal(got[0].range.start.line, 6);
    assert.equal(got[0].severity, 3, 'information, as the problems: section says');
    assert.ok(!got.some((x) => x.message.includes(LITERAL)));
  } finally {
    await client?.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});
