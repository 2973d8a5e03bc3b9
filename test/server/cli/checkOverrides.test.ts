// `check` reports key-overridden: a common-file line a per-phone file sets again, once per line, with the phones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, MINI_BENCH } from '../../helpers/workspace';

test('check: key-overridden on the losing line of the common file, with the phones (text and JSON), exit 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-check-overrides-'));
  try {
    writeFileSync(join(dir, 'bench.yaml'), MINI_BENCH);
    mkdirSync(join(dir, 'templates/yealink'), { recursive: true });
    writeFileSync(join(dir, 'templates/yealink/common.cfg.hbs'), '#!version:1.0.0.1\nlang.gui = English\nlang.wui = English\n');
    writeFileSync(join(dir, 'templates/yealink/mac.cfg.hbs'), '#!version:1.0.0.1\nlang.gui = French\nlang.wui = English\n');
    const text = await cli(['check', '--workspace', dir, '--jobs', '1']);
    assert.equal(text.code, 0, text.err);
    const lines = text.out.split('\n').filter((l) => l.includes('key-overridden'));
    assert.deepEqual(lines.length, 1, text.out); // lang.wui is set twice to the same value: not a problem
    assert.match(
      lines[0],
      /^templates\/yealink\/common\.cfg\.hbs:2:1 information key-overridden 'lang\.gui' = 'English' never takes effect .*'French' \[one\]$/,
    );
    const json = JSON.parse((await cli(['check', '--workspace', dir, '--format', 'json'])).out) as { code: string; phones?: string[] }[];
    assert.deepEqual(
      json.filter((p) => p.code === 'key-overridden').map((p) => p.phones),
      [['one']],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
