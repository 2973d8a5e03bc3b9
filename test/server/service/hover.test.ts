import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { at, service } from './helpers';

const ls = service();
const hover = (src: string, path?: string) => {
  const { doc, pos } = at(src, path);
  try {
    return (ls.doHover(doc, pos)?.contents as MarkupContent | undefined)?.value ?? '';
  } finally {
    ls.closeDocument(doc.uri);
  }
};

test('a vendor key: description, type, range or values, default', () => {
  const v = hover('account.1.ena|ble = 1');
  assert.match(v, /account\.1\.enable/);
  assert.match(v, /bool/);
  const t = hover('account.1.sip_server.1.transport_ty|pe = 0');
  assert.match(t, /enum|int/);
});

test('a data path: type, description and the value for the selected phone; passwords masked', () => {
  const v = hover('{{pbx.ho|st}}');
  assert.match(v, /`pbx\.host`: `string`/);
  assert.match(v, /pbx\.test/);
  const l = hover('{{#each lines}}{{exten|sion}}{{/each}}');
  assert.match(l, /lines\.0\.extension/);
  assert.match(l, /`100`/);
  assert.match(hover('{{#each lines}}{{pass|word}}{{/each}}'), /••••/);
  ls.configure({ phone: 'alice' });
  assert.match(hover('{{phone.na|me}}'), /`alice`/);
  ls.configure({ phone: undefined });
});

test('a helper shows its signature and description; a partial its file', () => {
  assert.match(hover('{{def|ault a b}}'), /\{\{default value fallback/);
  assert.match(hover('{{> acc|ount}}'), /templates\/yealink\/partials\/account\.cfg\.hbs/);
});

test('inside a partial: the data of its call site', () => {
  assert.match(hover('{{exten|sion}}', 'templates/yealink/partials/account.cfg.hbs'), /`100`/);
});

test('Fanvil: an element name hovers as its element path', () => {
  const F = 'templates/fanvil/common.xml.hbs';
  const v = hover('<sysConf>\n<sip>\n<line index="1">\n<Register|Addr>pbx</RegisterAddr>\n</line>\n</sip>\n</sysConf>', F);
  assert.ok(v && v.includes('sip.line[1].RegisterAddr'), v ?? 'no hover');
  const c = hover(
    '<sysConf>\n<sip>\n{{#each lines}}<line index="{{inc @index}}">\n<RegisterAddr>pbx</Register|Addr>\n</line>{{/each}}\n</sip>\n</sysConf>',
    F,
  );
  assert.ok(c && c.includes('sip.line[{line}].RegisterAddr'), c ?? 'no hover');
  assert.equal(hover('<sysConf>\n<sip>\n<Regis|terAddr>pbx</RegisterAddr>\n</sip>\n</sysConf>', F), '');
});

test('workspace catalog: a key of catalog/yealink.yaml hovers with its description, type and values', () => {
  const wl = service({
    'catalog/yealink.yaml':
      'keys:\n  - { key: features.level, type: enum, values: [low, high], description: Our own level }\n  - features.custom_flag\n',
  });
  const { doc, pos } = at('features.le|vel = low');
  try {
    const v = (wl.doHover(doc, pos)?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(v, /features\.level/);
    assert.match(v, /Our own level/);
    assert.match(v, /`high`/);
  } finally {
    wl.closeDocument(doc.uri);
  }
  assert.match(hover('features.custom_fl|ag = 1'), /^$/, 'not known without the workspace catalog');
  const { doc: d2, pos: p2 } = at('features.custom_fl|ag = 1');
  assert.match((wl.doHover(d2, p2)?.contents as MarkupContent | undefined)?.value ?? '', /workspace catalog/);
});
