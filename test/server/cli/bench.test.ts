// The global --bench option: render, check and routes read another bench file (relative to the workspace
// folder, or an absolute path inside it); bench problems carry its name; bad paths are usage errors.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempExample } from '../../helpers/workspace';

// the example workspace with its bench moved to lab/phones.yaml, one phone renamed (so the file read is visible)
const dir = tempExample();
mkdirSync(join(dir, 'lab'));
renameSync(join(dir, 'bench.yaml'), join(dir, 'lab/phones.yaml'));
const text = readFileSync(join(dir, 'lab/phones.yaml'), 'utf8');
assert.ok(text.includes('name: reception-t54w'));
writeFileSync(join(dir, 'lab/phones.yaml'), text.replace('name: reception-t54w', 'name: lab-reception'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('render --bench: the phone comes from the other bench file', async () => {
  const res = await cli([
    'render',
    '--workspace',
    dir,
    '--bench',
    'lab/phones.yaml',
    '--phone',
    'lab-reception',
    '--path',
    '/805e0c112233.cfg',
  ]);
  assert.equal(res.code, 0, res.err);
  assert.match(res.out, /^account\.1\.password = p&ss<w>"rd'=1$/m);
  // --bench=… form, ./ prefix, and an absolute path inside the workspace
  for (const opt of ['--bench=./lab/phones.yaml', `--bench=${join(dir, 'lab/phones.yaml')}`]) {
    const r = await cli(['render', 'templates/yealink/mac.cfg.hbs', '--phone', 'lab-reception', opt], dir);
    assert.equal(r.code, 0, `${opt}: ${r.err}`);
    assert.equal(r.out, res.out);
  }
  // without --bench the workspace has no bench.yaml: no phones
  const none = await cli(['render', 'templates/yealink/mac.cfg.hbs', '--phone', 'lab-reception'], dir);
  assert.equal(none.code, 2);
});

test('routes --bench: every phone of the other bench file, with the templates answering', async () => {
  const res = await cli(['routes', '--format', 'json', '--bench', 'lab/phones.yaml'], dir);
  assert.equal(res.code, 0, res.err);
  const rows = JSON.parse(res.out) as { phone: string; path: string; template: string | null; status: string }[];
  const boot = rows.find((r) => r.phone === 'lab-reception' && r.path === '/805e0c112233.boot');
  assert.equal(boot?.template, 'templates/yealink/mac.boot.hbs');
  assert.ok(!rows.some((r) => r.phone === 'reception-t54w'));
});

test('check --bench: clean with the other bench; its problems carry its path; a missing one is bench-missing', async () => {
  const ok = await cli(['check', '--bench', 'lab/phones.yaml'], dir);
  assert.equal(ok.code, 0, ok.out + ok.err);
  const missing = await cli(['check'], dir);
  assert.equal(missing.code, 1);
  assert.match(missing.out, /^bench\.yaml:1:1 error bench-missing no bench\.yaml at the workspace root/m);
  const other = await cli(['check', '--bench', 'lab/none.yaml'], dir);
  assert.match(other.out, /^lab\/none\.yaml:1:1 error bench-missing no bench file lab\/none\.yaml in the workspace/m);

  writeFileSync(join(dir, 'lab/broken.yaml'), text.replace('transport: udp', 'transport: udpp'));
  const broken = await cli(['check', '--bench', 'lab/broken.yaml'], dir);
  assert.equal(broken.code, 1);
  assert.match(broken.out, /^lab\/broken\.yaml:\d+:\d+ error bench-enum /m);
});

test('--bench outside the workspace folder is a usage error; --help lists it', async () => {
  for (const bad of ['../bench.yaml', '/etc/hosts']) {
    const r = await cli(['routes', '--bench', bad], dir);
    assert.equal(r.code, 2, bad);
    assert.match(r.err, /^error: --bench: /, bad);
  }
  const help = await cli(['--help']);
  assert.match(help.out, /--bench <file> +bench file, relative to the workspace folder/);
});
