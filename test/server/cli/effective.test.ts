// `provisioning-studio effective`: a phone's final value of every key, the template line that set it and what it
// overrides, in text and JSON; secrets masked unless --show-secrets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cli, MINI_BENCH } from '../../helpers/workspace';

const PASSWORD = 'p&ss<w>"rd\'=1'; // reception-t54w's line 1 in the example bench

test('effective: the example Yealink phone, text: files in boot order, a table, passwords masked', async () => {
  const { code, out, err } = await cli(['effective', '--phone', 'reception-t54w']);
  assert.equal(code, 0, err);
  assert.match(out, /^reception-t54w {2}yealink T54W {2}805e0c112233\n/);
  assert.match(out, /the later file wins; in a file the later line/);
  const files = out.split('\n\n')[0];
  assert.ok(files.indexOf('/805e0c112233.boot') < files.indexOf('/y000000000096.cfg'));
  assert.ok(files.indexOf('/y000000000096.cfg') < files.indexOf('/805e0c112233.cfg'));
  assert.match(out, /^key +value +set by +overrides$/m);
  assert.match(out, /^account\.1\.password +\*{8} +templates\/yealink\/partials\/account\.cfg\.hbs:\d+$/m);
  assert.match(out, /^lang\.gui +English +templates\/yealink\/common\.cfg\.hbs:\d+$/m);
  assert.ok(!out.includes(PASSWORD) && !out.includes('s4les-Queue'), 'no password in the output');

  const shown = await cli(['effective', '--phone', '80:5E:0C:11:22:33', '--key', 'account.1.password', '--show-secrets']);
  assert.equal(shown.code, 0);
  assert.ok(shown.out.includes(PASSWORD));
});

test('effective --format json: keys with value, set by (template, line) and overrides; masked', async () => {
  const { code, out } = await cli(['effective', '--phone', 'bob-vvx400', '--format', 'json']);
  assert.equal(code, 0);
  const json = JSON.parse(out) as {
    phone: { name: string; vendor: string };
    rules: { acrossFiles: string; sources: string[] };
    files: { path: string; role: string; template: string | null; status: string }[];
    keys: { key: string; value: string; secret: boolean; setBy: { path: string; template: string; line: number }; overridden: unknown[] }[];
  };
  assert.deepEqual(json.phone, { name: 'bob-vvx400', mac: '0004f2abcdef', vendor: 'poly', model: 'VVX400' });
  assert.equal(json.rules.acrossFiles, 'first');
  assert.ok(json.rules.sources.some((s) => /CONFIG_FILES/.test(s)));
  assert.deepEqual(
    json.files.map((f) => [f.path, f.role, f.status]),
    [
      ['0004f2abcdef.cfg', 'list', 'ok'],
      ['phone0004f2abcdef.cfg', 'config', 'ok'],
      ['site.cfg', 'config', 'ok'],
    ],
  );
  const pw = json.keys.find((k) => k.key === 'reg.1.auth.password')!;
  assert.deepEqual(
    [pw.value, pw.secret, pw.setBy.path, pw.setBy.template],
    ['********', true, 'phone0004f2abcdef.cfg', 'templates/poly/phone.xml.hbs'],
  );
  assert.ok(pw.setBy.line >= 1);
  assert.ok(!out.includes('b0b<&>pass'));
  const shown = JSON.parse((await cli(['effective', '--phone', 'bob-vvx400', '--format', 'json', '--show-secrets'])).out) as typeof json;
  assert.equal(shown.keys.find((k) => k.key === 'reg.1.auth.password')!.value, 'b0b<&>pass');
});

test('effective --key: a substring or a glob; overrides listed, the loser’s secret masked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-effective-'));
  try {
    const files: Record<string, string> = {
      'bench.yaml': MINI_BENCH,
      'templates/yealink/common.cfg.hbs': '#!version:1.0.0.1\nlang.gui = English\naccount.1.password = common-secret\n',
      'templates/yealink/mac.cfg.hbs':
        '#!version:1.0.0.1\nlang.gui = French\naccount.1.password = {{lines.0.password}}\naccount.1.label = x\n',
    };
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), text);
    }
    const glob = await cli(['effective', '--phone', 'one', '--key', 'lang.*', '--workspace', dir]);
    assert.equal(glob.code, 0, glob.err);
    assert.match(glob.out, /^lang\.gui +French +templates\/yealink\/mac\.cfg\.hbs:2 +templates\/yealink\/common\.cfg\.hbs:2 = English$/m);
    assert.ok(!/account\./.test(glob.out.split('\n\n')[1]));
    assert.match(glob.out, /1 key, 1 set to another value elsewhere/);
    const pw = await cli(['effective', '--phone', 'one', '--key', 'PASSWORD', '--workspace', dir]);
    assert.match(
      pw.out,
      /^account\.1\.password +\*{8} +templates\/yealink\/mac\.cfg\.hbs:3 +templates\/yealink\/common\.cfg\.hbs:3 = \*{8}$/m,
    );
    assert.ok(!pw.out.includes('common-secret'));
    const none = await cli(['effective', '--phone', 'one', '--key', 'nothing.like.this', '--workspace', dir]);
    assert.equal(none.code, 0);
    assert.match(none.out, /no key matches 'nothing\.like\.this'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('effective: usage errors and an unknown phone', async () => {
  const missing = await cli(['effective']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--phone <mac\|name> is required/);
  const format = await cli(['effective', '--phone', 'bob-vvx400', '--format', 'yaml']);
  assert.equal(format.code, 2);
  assert.match(format.err, /--format must be text or json/);
  const unknown = await cli(['effective', '--phone', 'nobody']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /no bench phone 'nobody'; bench phones: reception-t54w/);
  const help = await cli(['effective', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /--show-secrets/);
});
