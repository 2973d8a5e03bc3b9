// DiskFiles.snapshot(): one view of the workspace files per event-loop turn, and the generation that keys
// everything the dev server derives from the files (routes, partials, renders, request resolutions).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): { dir: string; write(f: string, t: string): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ps-snapshot-'));
  dirs.push(dir);
  const write = (f: string, t: string) => {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), t);
  };
  for (const [f, t] of Object.entries(files)) write(f, t);
  return { dir, write };
}

const nextTurn = () => new Promise((r) => setImmediate(r));
/** Past the current millisecond: with racyMs 0 a file modified in the current millisecond still counts as racy. */
const settle = () => new Promise((r) => setTimeout(r, 5));

test('outside snapshot(): no generation, reads are live', () => {
  const t = tree({ 'bench.yaml': 'phones: []\n', 'templates/a.cfg.hbs': 'one' });
  const files = new DiskFiles(t.dir);
  assert.equal(files.generation(), undefined);
  assert.equal(files.read('templates/a.cfg.hbs'), 'one');
  t.write('templates/a.cfg.hbs', 'two');
  assert.equal(files.read('templates/a.cfg.hbs'), 'two');
  assert.deepEqual(files.list('templates'), ['templates/a.cfg.hbs']);
});

test('one view per turn; the next turn sees every completed write, add, delete and rename', async () => {
  const t = tree({ 'bench.yaml': 'phones: []\n', 'templates/y/a.cfg.hbs': 'one', 'templates/y/partials/p.cfg.hbs': 'p' });
  const files = new DiskFiles(t.dir, { racyMs: 0 });
  await settle();
  const gen0 = files.snapshot(() => files.generation());
  assert.equal(typeof gen0, 'number');
  files.snapshot(() => assert.equal(files.read('templates/y/a.cfg.hbs'), 'one'));
  await nextTurn();
  const gen1 = files.snapshot(() => files.generation());
  assert.equal(gen1, gen0, 'unchanged files: same generation');

  t.write('templates/y/a.cfg.hbs', 'two, longer');
  await nextTurn();
  files.snapshot(() => {
    assert.equal(files.read('templates/y/a.cfg.hbs'), 'two, longer');
    assert.notEqual(files.generation(), gen1);
  });
  const seen: (number | undefined)[] = [];
  const check = (expect: string[]) =>
    files.snapshot(() => {
      assert.deepEqual(files.list('templates/y'), expect);
      seen.push(files.generation());
    });

  await nextTurn();
  t.write('templates/y/T46S/a.cfg.hbs', 'model');
  await nextTurn();
  check(['templates/y/T46S/a.cfg.hbs', 'templates/y/a.cfg.hbs', 'templates/y/partials/p.cfg.hbs']);
  assert.equal(
    files.snapshot(() => files.read('templates/y/T46S/a.cfg.hbs')),
    'model',
  );

  renameSync(join(t.dir, 'templates/y/partials/p.cfg.hbs'), join(t.dir, 'templates/y/partials/q.cfg.hbs'));
  await nextTurn();
  check(['templates/y/T46S/a.cfg.hbs', 'templates/y/a.cfg.hbs', 'templates/y/partials/q.cfg.hbs']);
  assert.equal(
    files.snapshot(() => files.read('templates/y/partials/p.cfg.hbs')),
    undefined,
  );

  unlinkSync(join(t.dir, 'templates/y/T46S/a.cfg.hbs'));
  await nextTurn();
  check(['templates/y/a.cfg.hbs', 'templates/y/partials/q.cfg.hbs']);
  assert.equal(new Set(seen).size, seen.length, 'each change gives a new generation');
});

test('inside one turn the view holds (a request issued after the write is handled in a later turn)', () => {
  const t = tree({ 'bench.yaml': 'phones: []\n', 'templates/a.cfg.hbs': 'one' });
  const files = new DiskFiles(t.dir, { racyMs: 0 });
  files.snapshot(() => files.read('templates/a.cfg.hbs'));
  t.write('templates/a.cfg.hbs', 'two');
  // same turn: same view (stat from the walk); outside snapshot(): live
  assert.equal(
    files.snapshot(() => files.read('templates/a.cfg.hbs')),
    'one',
  );
  assert.equal(files.read('templates/a.cfg.hbs'), 'two');
  files.invalidate();
  assert.equal(
    files.snapshot(() => files.read('templates/a.cfg.hbs')),
    'two',
  );
});

test('recently modified files and files outside the watched inputs never keep a generation', async () => {
  const t = tree({ 'bench.yaml': 'phones: []\n', 'templates/a.cfg.hbs': 'one', 'other/x.txt': 'x' });
  const racy = new DiskFiles(t.dir); // default window: the files were just written
  const g1 = racy.snapshot(() => racy.generation());
  await nextTurn();
  assert.notEqual(
    racy.snapshot(() => racy.generation()),
    g1,
    'a file modified within the racy window bumps every turn',
  );

  const files = new DiskFiles(t.dir, { racyMs: 0 });
  await settle();
  files.snapshot(() => files.generation());
  await nextTurn();
  const g2 = files.snapshot(() => {
    files.read('other/x.txt');
    return files.generation();
  });
  await nextTurn();
  const g3 = files.snapshot(() => files.generation());
  assert.notEqual(g3, g2, 'a read outside templates/ and bench.yaml: derived data does not outlive the turn');
  await nextTurn();
  assert.equal(
    files.snapshot(() => files.generation()),
    g3,
  );
});

test('workspace memos follow the generation: template list, partial resolution, routes', async () => {
  const t = tree({
    'bench.yaml': 'pbx: { host: pbx.test }\nphones:\n  - { mac: "805e0c112233", vendor: yealink, model: T46S, name: a }\n',
    'templates/yealink/mac.cfg.hbs': '{{> account}}\n',
    'templates/yealink/partials/account.cfg.hbs': 'vendor\n',
    'templates/partials/account.cfg.hbs': 'shared\n',
  });
  const files = new DiskFiles(t.dir, { racyMs: 0 });
  const ws = new Workspace(files);
  const view = () =>
    files.snapshot(() => ({
      partial: ws.resolvePartialFile('account', 'templates/yealink/mac.cfg.hbs'),
      template: ws.routesFor(ws.phones[0]).find((r) => r.path === '805e0c112233.cfg')?.template,
      count: ws.templateFiles().length,
    }));
  assert.deepEqual(view(), { partial: 'templates/yealink/partials/account.cfg.hbs', template: 'templates/yealink/mac.cfg.hbs', count: 3 });
  unlinkSync(join(t.dir, 'templates/yealink/partials/account.cfg.hbs'));
  t.write('templates/yealink/T46S/mac.cfg.hbs', 'model\n');
  await nextTurn();
  assert.deepEqual(view(), { partial: 'templates/partials/account.cfg.hbs', template: 'templates/yealink/T46S/mac.cfg.hbs', count: 3 });
});
