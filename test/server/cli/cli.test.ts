import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { cli, exampleWorkspace, tempExample } from '../../helpers/workspace';

test('render: every route of every example phone renders; XML is well-formed, headers come first', async () => {
  const ws = exampleWorkspace();
  assert.ok(ws.phones.length >= 3);
  assert.ok(new Set(ws.phones.map((p) => p.vendor)).size >= 2);
  let count = 0;
  for (const phone of ws.phones) {
    for (const r of ws.routesFor(phone)) {
      if (!r.template) continue;
      const res = await cli(['render', '--phone', phone.name, '--path', r.path]);
      assert.equal(res.code, 0, `${phone.name} ${r.path}: ${res.err}`);
      const format = ws.formatFor(r.template, r.route, r.profile);
      if (format.escape === 'xml') assert.equal(XMLValidator.validate(res.out), true, `${phone.name} ${r.path} is not well-formed XML`);
      if (format.header) assert.equal(res.out.split('\n')[0], format.header, `${phone.name} ${r.path} header`);
      const viaTemplate = await cli(['render', r.template, '--phone', phone.mac]);
      assert.equal(viaTemplate.out, res.out, 'render by template and by path give the same bytes');
      count++;
    }
  }
  assert.ok(count >= 8, `rendered ${count} files`);
});

test('render: the example password comes out literally in the Yealink file', async () => {
  const res = await cli(['render', '--phone', '80:5e:0c:11:22:33', '--path', '/805e0c112233.cfg']);
  assert.equal(res.code, 0, res.err);
  assert.match(res.out, /^account\.1\.password = p&ss<w>"rd'=1$/m);
});

test('render: usage errors are clear and exit 2', async () => {
  const noPhone = await cli(['render', 'templates/yealink/mac.cfg.hbs']);
  assert.equal(noPhone.code, 2);
  assert.match(noPhone.err, /--phone <mac\|name> is required/);
  const unknown = await cli(['render', 'templates/yealink/mac.cfg.hbs', '--phone', 'nobody']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /no bench phone 'nobody'; bench phones: reception-t54w/);
  const badOpt = await cli(['render', '--frobnicate']);
  assert.equal(badOpt.code, 2);
  assert.match(badOpt.err, /unknown option --frobnicate/);
  const badCmd = await cli(['frobnicate']);
  assert.equal(badCmd.code, 2);
});

test('check: the example reports nothing and exits 0', async () => {
  const res = await cli(['check', '--format', 'json']);
  assert.equal(res.code, 0, res.out);
  assert.deepEqual(JSON.parse(res.out), []);
});

test('check --format json locates a misspelled data path at its line and column with a suggestion', async () => {
  const dir = tempExample();
  try {
    writeFileSync(
      join(dir, 'templates/yealink/mac.cfg.hbs'),
      '#!version:1.0.0.1\n{{#each lines}}\naccount.{{inc @index}}.user_name = {{extention}}\n{{/each}}\n',
    );
    const res = await cli(['check', '--format', 'json', '--workspace', dir]);
    assert.equal(res.code, 0, 'warnings only');
    const problems = JSON.parse(res.out) as {
      file: string;
      range: { start: { line: number; character: number } };
      code: string;
      message: string;
      suggestions?: string[];
    }[];
    const p = problems.find((x) => x.code === 'unknown-path');
    assert.ok(p, res.out);
    assert.equal(p.file, 'templates/yealink/mac.cfg.hbs');
    assert.deepEqual(p.range.start, { line: 2, character: 37 });
    assert.deepEqual(p.suggestions, ['extension']);
    assert.match(p.message, /did you mean 'extension'/);
    const text = await cli(['check', '--workspace', dir]);
    assert.match(text.out, /^templates\/yealink\/mac\.cfg\.hbs:3:38 warning unknown-path /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check: a syntax error exits 1 with file:line:col; a broken bench is reported, never a crash', async () => {
  const dir = tempExample();
  try {
    writeFileSync(join(dir, 'templates/yealink/mac.cfg.hbs'), '#!version:1.0.0.1\n{{#each lines}}\naccount.1.label = {{label}\n');
    writeFileSync(join(dir, 'bench.yaml'), 'phones:\n  - mac: [oops\n');
    const res = await cli(['check', '--workspace', dir]);
    assert.equal(res.code, 1);
    assert.match(res.out, /^templates\/yealink\/mac\.cfg\.hbs:3:26 error hbs-syntax /m);
    assert.match(res.out, /^bench\.yaml:\d+:\d+ error bench-yaml /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("routes: lists each phone's boot files and the template answering each", async () => {
  const res = await cli(['routes', '--format', 'json']);
  assert.equal(res.code, 0);
  const rows = JSON.parse(res.out) as { phone: string; path: string; template: string | null; status: string }[];
  const boot = rows.find((r) => r.phone === 'reception-t54w' && r.path === '/805e0c112233.boot');
  assert.equal(boot?.template, 'templates/yealink/mac.boot.hbs');
  assert.match(boot!.status, /^ok \(\d+ bytes\)$/);
  assert.ok(
    rows.every((r) => r.status.startsWith('ok') || r.template === null),
    res.out,
  );
});

test('catalog: browses keys with type and description', async () => {
  const res = await cli(['catalog', 'yealink', 'account.{account}.label']);
  assert.equal(res.code, 0, res.err);
  assert.match(res.out, /account\.\{account\}\.label/);
  assert.match(res.out, /string/);
  const bad = await cli(['catalog', 'nokia']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /vendors: /);
});

test('check <path>: absolute and relative paths; a path with no template is a usage error, not a pass on nothing', async () => {
  const dir = tempExample();
  try {
    const abs = await cli(['check', join(dir, 'templates/yealink'), '--workspace', dir], '/');
    assert.match(abs.err, /^\d+ templates? checked/m);
    assert.doesNotMatch(abs.err, /^0 templates checked/m);
    const fromRoot = await cli(['check', 'templates/yealink'], dir);
    assert.equal(fromRoot.err, abs.err);
    const fromInside = await cli(['check', 'yealink', '--workspace', dir], join(dir, 'templates'));
    assert.equal(fromInside.err, abs.err, 'relative to the folder the command runs in');
    const none = await cli(['check', join(dir, 'templates/nothing-here'), '--workspace', dir]);
    assert.equal(none.code, 2);
    assert.match(none.err, /no template at .*nothing-here.*nothing to check/);
    const outside = await cli(['check', '/etc', '--workspace', dir]);
    assert.equal(outside.code, 2);
    assert.match(outside.err, /\/etc is not inside the workspace folder/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('routes with a broken bench: the bench errors on stderr, exit 1', async () => {
  const dir = tempExample();
  try {
    writeFileSync(
      join(dir, 'bench.yaml'),
      'pbx: { host: pbx.test }\nphones:\n  - { mac: nope, vendor: yealink, model: T54W, name: a, lines: [] }\n',
    );
    const res = await cli(['routes'], dir);
    assert.equal(res.code, 1);
    assert.match(res.err, /^bench\.yaml:3:\d+ error bench-mac /m);
    assert.match(res.err, /phones it does not describe correctly are missing above/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('notify --to: empty, port 0 or above 65535 are usage errors (nothing sent)', async () => {
  for (const to of ['', '127.0.0.1:0', '127.0.0.1:65536', '[::1]:99999']) {
    const res = await cli(['notify', '--all', '--to', to]);
    assert.equal(res.code, 2, `--to '${to}'`);
    assert.match(res.err, /--to: '.*' is not host\[:port\] \(port 1 to 65535\)/);
  }
});
