// The workspace catalog (catalog/<vendor>.yaml in the template project): keys it lists are known to
// `check` and the editor; what "Add to workspace catalog" writes; a broken file is reported in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCatalog } from '../../../../server/src/core/catalog/catalogs';
import { generalise, withKeyAdded, workspaceCatalog } from '../../../../server/src/core/catalog/workspace';
import { checkWorkspace } from '../../../../server/src/core/check';
import { cli, memoryWorkspace, MINI_BENCH, tempExample } from '../../../helpers/workspace';

const Y = 'templates/yealink/mac.cfg.hbs';
const H = '#!version:1.0.0.1\n';
const codesAt = (ps: { code: string; file: string; range: { start: { line: number } } }[], file: string) =>
  ps.filter((p) => p.file === file).map((p) => `${p.range.start.line}:${p.code}`);

test('keys of catalog/<vendor>.yaml are known to check, with their types; other keys are still reported', () => {
  const files = {
    'bench.yaml': MINI_BENCH,
    [Y]: H + 'features.zz_quux_setting = 1\naccount.1.zz_mode = 9\naccount.1.zz_other = 1\n',
    'catalog/yealink.yaml': 'keys:\n  - features.zz_quux_setting\n  - { key: "account.{account}.zz_mode", type: int, min: 0, max: 5 }\n',
  };
  const ps = checkWorkspace(memoryWorkspace(files));
  assert.deepEqual(codesAt(ps, Y), ['2:invalid-value', '3:uncatalogued-key']);
  const without = checkWorkspace(memoryWorkspace({ ...files, 'catalog/yealink.yaml': '' }));
  assert.deepEqual(codesAt(without, Y), ['1:uncatalogued-key', '2:uncatalogued-key', '3:uncatalogued-key']);
});

test('a broken workspace catalog is a located warning in it; its good entries still count', () => {
  const files = {
    'bench.yaml': MINI_BENCH,
    [Y]: H + 'features.zz_quux_setting = 1\n',
    'catalog/yealink.yaml': 'keys:\n  - features.zz_quux_setting\n  - { type: int }\n  - { key: a.b, type: number }\n',
    'catalog/nokia.yaml': 'keys: []\n',
  };
  const ps = checkWorkspace(memoryWorkspace(files));
  assert.deepEqual(codesAt(ps, Y), []);
  const wc = ps.filter((p) => p.code === 'workspace-catalog');
  assert.deepEqual(
    wc.map((p) => [p.file, p.range.start.line, p.severity]),
    [
      ['catalog/nokia.yaml', 0, 'warning'],
      ['catalog/yealink.yaml', 2, 'warning'],
      ['catalog/yealink.yaml', 3, 'warning'],
    ],
  );
  assert.match(wc[1].message, /without 'key'/);
  assert.match(wc[2].message, /Unknown type 'number'/);
  const yaml = checkWorkspace(memoryWorkspace({ ...files, 'catalog/yealink.yaml': 'keys: [a\n' })).filter(
    (p) => p.code === 'workspace-catalog' && p.file === 'catalog/yealink.yaml',
  );
  assert.equal(yaml.length >= 1, true);
  assert.match(yaml[0].message, /Not valid YAML/);
});

test('what "Add to workspace catalog" writes: a new file, or one more list item; numbers become the index', () => {
  const first = withKeyAdded(undefined, 'features.zz_quux_setting', 'yealink');
  assert.match(first, /^# .*\nkeys:\n {2}- features\.zz_quux_setting\n$/m);
  const second = withKeyAdded('# ours\nkeys:\n    - a.b\n    - { key: c.d, type: int }\n# end\n', 'e.f', 'yealink');
  assert.equal(second, '# ours\nkeys:\n    - a.b\n    - { key: c.d, type: int }\n    - e.f\n# end\n');
  assert.equal(withKeyAdded('other: 1\n', 'e.f', 'yealink'), 'other: 1\nkeys:\n  - e.f\n');
  const y = getCatalog('yealink');
  assert.equal(generalise(y, 'account.7.zz_mode'), 'account.{account}.zz_mode');
  assert.equal(generalise(y, 'features.zz9'), 'features.zz9');
  const ws = memoryWorkspace({
    'bench.yaml': MINI_BENCH,
    'catalog/yealink.yaml': withKeyAdded(undefined, 'account.{account}.zz_mode', 'yealink'),
  });
  const cat = workspaceCatalog(ws.files, 'yealink');
  assert.deepEqual(
    cat.added.map((d) => d.key),
    ['account.{account}.zz_mode'],
  );
  assert.equal(cat.catalog!.keys.length, y!.keys.length + 1);
});

test('CLI: check reports a key near nothing as information; once in catalog/yealink.yaml it is gone', async () => {
  const dir = tempExample();
  try {
    appendFileSync(join(dir, Y), 'features.zz_quux_setting = 1\n');
    const before = await cli(['check', '--format', 'json'], dir);
    assert.equal(before.code, 0, 'information does not fail check');
    const rows = JSON.parse(before.out) as { file: string; code: string; severity: string; message: string }[];
    const hit = rows.filter((r) => r.code === 'uncatalogued-key');
    assert.equal(hit.length, 1, before.out);
    assert.equal(hit[0].file, Y);
    assert.equal(hit[0].severity, 'information');
    assert.match(hit[0].message, /'features\.zz_quux_setting' is not in the Yealink catalog \([\d,]+ keys known for Yealink\)/);
    mkdirSync(join(dir, 'catalog'));
    writeFileSync(join(dir, 'catalog/yealink.yaml'), withKeyAdded(undefined, 'features.zz_quux_setting', 'yealink'));
    const after = await cli(['check', '--format', 'json'], dir);
    assert.equal(after.code, 0);
    assert.deepEqual(JSON.parse(after.out), [], after.out);
    writeFileSync(
      join(dir, 'catalog/yealink.yaml'),
      readFileSync(join(dir, 'catalog/yealink.yaml'), 'utf8') + '  - { key: x.y, type: nope }\n',
    );
    const listed = await cli(['catalog', 'yealink', 'features.zz*'], dir);
    assert.equal(listed.code, 0);
    assert.match(listed.out, /^yealink: 1 of [\d]+ keys matching 'features\.zz\*'/m);
    assert.match(listed.out, /^features\.zz_quux_setting\s+string/m);
    assert.match(listed.out, /^1 of these keys from the workspace catalog catalog\/yealink\.yaml$/m);
    const broken = await cli(['check'], dir);
    assert.match(broken.out, /^catalog\/yealink\.yaml:5:5 warning workspace-catalog Unknown type 'nope'/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
