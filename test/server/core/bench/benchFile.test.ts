// Workspace option benchFile: parsedBench/servingBench/problems read another file; normaliseBenchFile;
// DiskFiles snapshots watch the bench file so an edit starts a new generation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_FILE, normaliseBenchFile } from '../../../../server/src/core/bench/parse';
import { checkWorkspace } from '../../../../server/src/core/check';
import { DiskFiles, MemoryFiles } from '../../../../server/src/core/files';
import { Workspace } from '../../../../server/src/core/workspace';
import { MINI_BENCH } from '../../../helpers/workspace';

const TEMPLATE = '#!version:1.0.0.1\n{{#each lines}}\naccount.{{inc @index}}.user_name = {{extension}}\n{{/each}}\n';

test('normaliseBenchFile: workspace-relative, forward slashes; outside paths refused', () => {
  assert.equal(normaliseBenchFile(undefined), BENCH_FILE);
  assert.equal(normaliseBenchFile('  '), BENCH_FILE);
  assert.equal(normaliseBenchFile('./lab//alt.yaml'), 'lab/alt.yaml');
  assert.equal(normaliseBenchFile('lab\\alt.yaml'), 'lab/alt.yaml');
  assert.throws(() => normaliseBenchFile('/etc/bench.yaml'), /relative to the workspace folder/);
  assert.throws(() => normaliseBenchFile('C:/bench.yaml'), /relative to the workspace folder/);
  assert.throws(() => normaliseBenchFile('../bench.yaml'), /inside the workspace folder/);
});

test('a Workspace reads its bench file: phones, problems under its name, last good bench, render', () => {
  const files = new Map(
    Object.entries({
      'bench.yaml': MINI_BENCH.replace('name: one', 'name: default-one'),
      'lab/alt.yaml': MINI_BENCH,
      'templates/yealink/mac.cfg.hbs': TEMPLATE,
    }),
  );
  const ws = new Workspace(new MemoryFiles(files), { benchFile: './lab/alt.yaml' });
  assert.equal(ws.benchFile, 'lab/alt.yaml');
  assert.deepEqual(
    ws.phones.map((p) => p.name),
    ['one', 'two'],
  );
  assert.equal(new Workspace(new MemoryFiles(files)).phones[0].name, 'default-one');
  const phone = ws.findPhone('one')!;
  const r = ws.render('templates/yealink/mac.cfg.hbs', phone);
  assert.match(r.text, /account\.1\.user_name = 101/);
  assert.deepEqual(
    ws.phonesForTemplate('templates/yealink/mac.cfg.hbs').map((x) => x.phone.name),
    ['one'],
  );

  // an unknown model is only a warning (the phone is served all the same); a bad MAC breaks the bench
  files.set('lab/alt.yaml', MINI_BENCH.replace('model: T54W', 'model: T54X').replace('mac: 805e0c000001', 'mac: 805e0c00000g'));
  const broken = ws.parsedBench();
  assert.ok(broken.hasErrors);
  assert.ok(
    broken.problems.every((p) => p.file === 'lab/alt.yaml'),
    JSON.stringify(broken.problems),
  );
  const serving = ws.servingBench();
  assert.equal(serving.stale, true);
  assert.equal(serving.parsed.bench.phones[0].model, 'T54W');
  assert.ok(checkWorkspace(ws).some((p) => p.file === 'lab/alt.yaml' && p.code === 'bench-unknown-model' && p.severity === 'warning'));
  assert.ok(checkWorkspace(ws).some((p) => p.file === 'lab/alt.yaml' && p.code === 'bench-mac' && p.severity === 'error'));

  files.delete('lab/alt.yaml');
  const missing = ws.parsedBench().problems;
  assert.deepEqual(
    missing.map((p) => [p.file, p.code, p.message]),
    [['lab/alt.yaml', 'bench-missing', 'no bench file lab/alt.yaml in the workspace']],
  );
});

test('DiskFiles: an edit of a custom bench file starts a new snapshot generation', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-benchfile-'));
  try {
    mkdirSync(join(dir, 'lab'));
    mkdirSync(join(dir, 'templates/yealink'), { recursive: true });
    writeFileSync(join(dir, 'templates/yealink/mac.cfg.hbs'), TEMPLATE);
    writeFileSync(join(dir, 'lab/alt.yaml'), MINI_BENCH);
    const files = new DiskFiles(dir, { racyMs: 0 });
    const ws = new Workspace(files, { benchFile: 'lab/alt.yaml' });
    const turn = () => new Promise<void>((r) => setImmediate(r));
    const g1 = files.snapshot(() => {
      void ws.phones;
      return files.generation();
    });
    await turn();
    const g2 = files.snapshot(() => {
      void ws.phones;
      return files.generation();
    });
    assert.equal(g2, g1, 'nothing changed: same generation (the bench file is covered by the walk)');
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(join(dir, 'lab/alt.yaml'), MINI_BENCH.replace('name: one', 'name: uno') + '\n');
    await turn();
    const [g3, names] = files.snapshot(() => [files.generation(), ws.phones.map((p) => p.name)] as const);
    assert.notEqual(g3, g2);
    assert.deepEqual(names, ['uno', 'two']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('adoptBench: a bench parsed elsewhere is used while the file holds its text, parsed again once it changes', () => {
  const files = new MemoryFiles(new Map([['bench.yaml', MINI_BENCH]]));
  const ws = new Workspace(files);
  const parsed = ws.parsedBench();
  const copy = { ...parsed, bench: structuredClone(parsed.bench), problems: [], locate: () => undefined };
  const other = new Workspace(files);
  other.adoptBench(MINI_BENCH, copy);
  assert.equal(other.parsedBench(), copy, 'not parsed again');
  assert.deepEqual(other.phones, parsed.bench.phones);
  files.files.set('bench.yaml', MINI_BENCH.replace('name: one', 'name: changed'));
  assert.notEqual(other.parsedBench(), copy);
  assert.equal(other.phones[0].name, 'changed');
});
