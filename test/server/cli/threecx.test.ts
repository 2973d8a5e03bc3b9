// CLI over 3CX templates: convert (byte-identical proof, loops, diff and exit 1), routes, render, check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, tempExample } from '../../helpers/workspace';
import { BENCH, TEMPLATE, TPL } from '../core/threecx/fixture';

function miniDir(template = TEMPLATE): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-3cx-'));
  writeFileSync(join(dir, 'bench.yaml'), BENCH);
  mkdirSync(join(dir, 'templates/3cx'), { recursive: true });
  writeFileSync(join(dir, TPL), template);
  return dir;
}

test('convert: the example 3CX template becomes Handlebars, byte-identical for every bench phone it serves', async () => {
  const dir = tempExample();
  try {
    const res = await cli(['convert', 'templates/3cx/yealink-t5x.ph.xml', '--out', 'converted', '--workspace', dir]);
    assert.equal(res.code, 0, res.out + res.err);
    assert.match(
      res.out,
      /wrote converted\/mac\.cfg\.hbs {2}← <deviceconfig filename="%%mac_address%%\.cfg"> {2}answers \/\{mac\}\.cfg, 1 loop/,
    );
    assert.match(res.out, /^equivalent: \d+ renderings? byte-identical for .*lab-t57w/m);
    const hbs = readFileSync(join(dir, 'converted/mac.cfg.hbs'), 'utf8');
    assert.match(hbs, /\{\{#each \(range 1 10\) as \|n\|\}\}/);
    assert.doesNotMatch(hbs.slice(hbs.indexOf('--}}')), /%%|\{IF|\{ENDIF\}/);
    // without --out it would replace the Handlebars Yealink templates: refused
    const clash = await cli(['convert', 'templates/3cx/yealink-t5x.ph.xml', '--workspace', dir]);
    assert.equal(clash.code, 1);
    assert.match(clash.err, /templates\/yealink\/mac\.cfg\.hbs already exists: give --out <dir> or --force/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('convert: a two-file template → one .hbs per deviceconfig into templates/<vendor>/, served by Handlebars with the same bytes', async () => {
  const dir = miniDir();
  try {
    const before = await cli(['render', '--phone', 'touch', '--path', '/805e0c000057.cfg', '--workspace', dir]);
    assert.equal(before.code, 0, before.err);
    const res = await cli(['convert', TPL, '--workspace', dir]);
    assert.equal(res.code, 0, res.out + res.err);
    assert.match(res.out, /wrote templates\/yealink\/mac\.boot\.hbs .*answers \/\{mac\}\.boot/);
    assert.match(res.out, /wrote templates\/yealink\/mac\.cfg\.hbs .*answers \/\{mac\}\.cfg, 1 loop/);
    assert.match(res.out, /equivalent: 4 renderings byte-identical for touch, desk/);
    assert.ok(existsSync(join(dir, 'templates/yealink/mac.cfg.hbs')));
    // pin touch to Handlebars: the converted template now answers, with the same bytes
    writeFileSync(join(dir, 'bench.yaml'), BENCH.replace('template: 3cx/mini', 'template: handlebars'));
    const after = await cli(['render', '--phone', 'touch', '--path', '/805e0c000057.cfg', '--workspace', dir]);
    assert.equal(after.code, 0, after.err);
    assert.equal(after.out, before.out);
    const routes = await cli(['routes', '--phone', 'touch', '--workspace', dir]);
    assert.match(routes.out, /\/805e0c000057\.cfg +templates\/yealink\/mac\.cfg\.hbs +ok/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('convert: a difference is shown with the line, exit 1 and nothing written; file names the vendor does not request are noted', async () => {
  const tpl = TEMPLATE.replace('lang.gui = %%language%%', '{IF language=German}\nlang.gui = German\n{ENDIF}').replace(
    'filename="%%mac_address%%.boot"',
    'filename="%%mac_address%%-extra.txt"',
  );
  const dir = miniDir(tpl);
  try {
    const res = await cli(['convert', TPL, '--out', 'out', '--workspace', dir]);
    assert.equal(res.code, 1, res.out + res.err);
    assert.match(res.out, /note \(mac-extra\.txt\.hbs\): the Yealink profile requests no file named '%%mac_address%%-extra\.txt'/);
    assert.match(res.out, /DIFF touch templates\/yealink\/mac\.cfg\.hbs line \d+:\n {2}3CX: {8}lang\.gui = German\n {2}Handlebars: /);
    assert.match(res.out, /\d+ of \d+ renderings differ: nothing written/);
    assert.ok(!existsSync(join(dir, 'out')), 'output that differs is never written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('routes, render and check on 3CX templates through the CLI', async () => {
  const dir = miniDir();
  try {
    const routes = await cli(['routes', '--phone', 'touch', '--workspace', dir]);
    assert.match(routes.out, /\* \/805e0c000057\.boot +templates\/3cx\/mini\.ph\.xml +ok/);
    assert.match(routes.out, /\* \/805e0c000057\.cfg +templates\/3cx\/mini\.ph\.xml +ok/);
    const check = await cli(['check', '--format', 'json', '--workspace', dir]);
    const codes = (JSON.parse(check.out) as { code: string }[]).map((p) => p.code);
    assert.deepEqual(codes, ['threecx-blftype'], 'only the line key the mini template has no <blftype> for');
    writeFileSync(join(dir, TPL), TEMPLATE.replace('%%pbx_ip%%', '%%pbx_ipp%%'));
    const bad = await cli(['check', '--workspace', dir]);
    assert.match(
      bad.out,
      /^templates\/3cx\/mini\.ph\.xml:\d+:\d+ warning unknown-variable unknown 3CX variable '%%pbx_ipp%%': did you mean 'pbx_ip'\?/m,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
