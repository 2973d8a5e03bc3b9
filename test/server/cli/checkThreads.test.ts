import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, REPO } from '../../helpers/workspace';
import { checkWorkspace } from '../../../server/src/core/check';
import { openWorkspace } from '../../../server/src/cli/context';
import { checkWorkspaceThreaded } from '../../../server/src/cli/checkThreads';

/** A bench of `n` Yealink phones and two templates whose check finds problems for all, some and each of the phones. */
function bench(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-check-threads-'));
  const models = ['T54W', 'T46S', 'T57W'];
  const phones = Array.from({ length: n }, (_, i) =>
    [
      `  - mac: 805e0c${(0x100000 + i).toString(16).slice(1).padStart(6, '0')}`,
      '    vendor: yealink',
      `    model: ${models[i % models.length]}`,
      `    name: phone-${i}`,
      '    lines:',
      `      - { extension: "${1000 + i}", password: "pw-${i}" }`,
    ].join('\n'),
  );
  writeFileSync(join(dir, 'bench.yaml'), `pbx: { host: pbx.test }\nphones:\n${phones.join('\n')}\n`);
  mkdirSync(join(dir, 'templates/yealink/partials'), { recursive: true });
  writeFileSync(
    join(dir, 'templates/yealink/mac.cfg.hbs'),
    [
      '#!version:1.0.0.1',
      '{{#each lines}}',
      'account.{{inc @index}}.user_name = {{extension}}',
      '{{/each}}',
      'local_time.time_zonee = 1',
      'phone_setting.backlight_time = {{#if (eq phone.model "T54W")}}-5{{else}}30{{/if}}',
      'auto_redial.interval = {{phone.name}}',
      '{{> extra}}',
      '{{nope.path}}',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'templates/yealink/partials/extra.cfg.hbs'), 'features.dnd_refuse_code = {{phone.model}}\n');
  writeFileSync(join(dir, 'templates/yealink/y000000000000.cfg.hbs'), '#!version:1.0.0.1\nauto_redial.interval = {{model.id}}\n');
  return dir;
}

test('check --jobs 3 prints exactly what --jobs 1 prints (JSON and text), problems of all, some and each phone', async () => {
  const dir = bench(200); // the CLI checks 200 phones and more on threads
  try {
    const one = await cli(['check', '--workspace', dir, '--format', 'json', '--jobs', '1']);
    const three = await cli(['check', '--workspace', dir, '--format', 'json', '--jobs', '3']);
    assert.equal(three.err, one.err);
    assert.equal(three.code, one.code);
    assert.equal(three.out, one.out);
    const problems = JSON.parse(one.out) as { code: string; phones?: string[] }[];
    assert.ok(
      problems.some((p) => p.code === 'unknown-key' && p.phones?.length === 200),
      'one problem naming every phone',
    );
    assert.ok(problems.filter((p) => p.code === 'invalid-value' && p.phones?.length === 1).length >= 200, 'one problem per phone');
    assert.ok(
      problems.some((p) => !p.phones),
      'static problems too',
    );
    const text1 = await cli(['check', '--workspace', dir, '--jobs', '1']);
    const text3 = await cli(['check', '--workspace', dir, '--jobs', '3']);
    assert.equal(text3.out, text1.out);
    assert.equal(text3.err, text1.err);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('checkWorkspaceThreaded on 3 threads gives what checkWorkspace gives (a bench below the CLI threshold, forced)', async () => {
  const dir = bench(40);
  try {
    const expected = checkWorkspace(openWorkspace(dir).workspace);
    const warned: string[] = [];
    const got = await checkWorkspaceThreaded(openWorkspace(dir).workspace, dir, {}, 3, (l) => warned.push(l), 0);
    assert.deepEqual(warned, []);
    assert.equal(JSON.stringify(got), JSON.stringify(expected));
    assert.ok(expected.length > 40);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check --jobs: a whole number ≥ 1', async () => {
  for (const bad of ['0', 'two', '1.5']) {
    const r = await cli(['check', '--jobs', bad]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--jobs must be a whole number/);
  }
});

/** The bundled CLI at `cli` run to its end (exit code, stdout, stderr). */
function bundled(cliJs: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliJs, ...args], { maxBuffer: 64 * 1024 * 1024 }, (err, out, errOut) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, out, err: errOut }),
    );
  });
}

test('the bundled CLI: --jobs 2 on threads, and without dist/checkWorker.js beside it one thread, said once, same output', async () => {
  const dist = join(REPO, 'dist');
  assert.ok(existsSync(join(dist, 'cli.js')) && existsSync(join(dist, 'checkWorker.js')), 'npm run build first');
  const dir = bench(200);
  const alone = mkdtempSync(join(tmpdir(), 'ps-cli-alone-'));
  try {
    copyFileSync(join(dist, 'cli.js'), join(alone, 'cli.js'));
    const args = ['check', '--workspace', dir, '--format', 'json'];
    const one = await bundled(join(dist, 'cli.js'), [...args, '--jobs', '1']);
    const two = await bundled(join(dist, 'cli.js'), [...args, '--jobs', '2']);
    const lone = await bundled(join(alone, 'cli.js'), [...args, '--jobs', '2']);
    assert.ok(JSON.parse(one.out).length > 200);
    assert.equal(two.code, one.code);
    assert.equal(two.out, one.out);
    assert.equal(two.err, one.err);
    assert.equal(lone.code, one.code);
    assert.equal(lone.out, one.out);
    const said = lone.err.split('\n').filter((l) => l.includes('checkWorker.js is missing'));
    assert.equal(said.length, 1, lone.err);
    assert.match(said[0], /checking on one thread/);
    assert.equal(lone.err.replace(`${said[0]}\n`, ''), one.err);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(alone, { recursive: true, force: true });
  }
});
