// `check` honours the linter controls the editor does: severity per code from the bench file's
// `problems:` section (off removes; an error lowered to a warning no longer fails the run) and
// suppression comments in templates; an unknown code is a located warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempExample } from '../../helpers/workspace';

const MAC = 'templates/yealink/mac.cfg.hbs';
const BOOT = 'templates/yealink/mac.boot.hbs';

/**
 * The example workspace with lines appended to the Yealink per-phone template (and `boot` lines to its boot
 * file: an unknown helper there stops that file rendering, not the other) and text put before its bench file.
 */
function workspace(lines: string[], benchHead = '', boot: string[] = []) {
  const dir = tempExample();
  const count = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').length - 1;
  const before = count(MAC),
    bootBefore = count(BOOT);
  appendFileSync(join(dir, MAC), lines.join('\n') + '\n');
  if (boot.length) appendFileSync(join(dir, BOOT), boot.join('\n') + '\n');
  if (benchHead) writeFileSync(join(dir, 'bench.yaml'), benchHead + readFileSync(join(dir, 'bench.yaml'), 'utf8'));
  return { dir, line: (n: number) => before + n + 1, bootLine: (n: number) => bootBefore + n + 1 };
}

type Row = { file: string; range: { start: { line: number } }; severity: string; code: string; message: string };
const json = async (dir: string) => {
  const r = await cli(['check', '--format', 'json', '--workspace', dir]);
  return { code: r.code, rows: JSON.parse(r.out) as Row[], err: r.err };
};

test('check: bench problems: lowers an error to a warning (exit 0), off removes a code, unset codes unchanged', async () => {
  const { dir, line, bootLine } = workspace(['acount.1.label = x'], '', ['{{frobnicate phone.name}}']);
  try {
    const plain = await cli(['check', '--workspace', dir]);
    assert.equal(plain.code, 1, plain.out);
    assert.match(plain.out, new RegExp(`^${BOOT}:${bootLine(0)}:\\d+ error unknown-helper `, 'm'));
    assert.match(plain.out, new RegExp(`^${MAC}:${line(0)}:1 warning unknown-key `, 'm'));

    const head = 'problems:\n  unknown-helper: warning\n  unknown-key: off\n';
    writeFileSync(join(dir, 'bench.yaml'), head + readFileSync(join(dir, 'bench.yaml'), 'utf8'));
    const lowered = await cli(['check', '--workspace', dir]);
    assert.equal(lowered.code, 0, lowered.out);
    assert.match(lowered.out, new RegExp(`^${BOOT}:${bootLine(0)}:\\d+ warning unknown-helper `, 'm'));
    assert.doesNotMatch(lowered.out, /unknown-key/);
    assert.match(lowered.err, /0 errors/);

    writeFileSync(join(dir, 'bench.yaml'), readFileSync(join(dir, 'bench.yaml'), 'utf8').replace('unknown-key: off', 'unknown-key: error'));
    const raised = await json(dir);
    assert.equal(raised.code, 1, 'a warning raised to an error fails the run');
    assert.deepEqual(
      raised.rows.filter((r) => r.code === 'unknown-key').map((r) => r.severity),
      ['error'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check: an unknown code in bench problems: is a located warning; a bad level a bench-enum error', async () => {
  const { dir } = workspace([], 'problems:\n  unknown-kye: off\n  duplicate-key: loud\n');
  try {
    const r = await cli(['check', '--workspace', dir]);
    assert.equal(r.code, 1);
    const located =
      /^bench\.yaml:2:3 warning unknown-problem-code problems: unknown problem code 'unknown-kye', did you mean 'unknown-key'/m;
    assert.match(r.out, located);
    assert.match(r.out, /^bench\.yaml:3:18 error bench-enum /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check: suppression comments (next line, same line, all codes); an unknown code in one is a warning at it', async () => {
  const { dir, line } = workspace(
    [
      '{{!-- provisioning-disable-next-line unknown-key --}}',
      'acount.1.label = x',
      'acount.1.label = x {{! provisioning-disable-line unknown-key, duplicate-key }}',
      '{{!-- provisioning-disable-next-line --}}',
      'acount.2.label = {{phone.nmae}}',
      '{{!-- provisioning-disable-next-line unknown-pth --}}',
      'acount.3.label = x',
    ],
    '',
    ['{{!-- provisioning-disable-next-line unknown-helper --}}', '{{frobnicate phone.name}}'],
  );
  try {
    const r = await json(dir);
    assert.equal(r.code, 0, `the suppressed unknown-helper error no longer fails the run: ${JSON.stringify(r.rows)}`);
    const mine = r.rows
      .filter((x) => x.file === MAC || x.file === BOOT)
      .map((x) => `${x.file} ${x.range.start.line + 1} ${x.severity} ${x.code}`);
    assert.deepEqual(mine, [`${MAC} ${line(5)} warning unknown-problem-code`, `${MAC} ${line(6)} warning unknown-key`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
