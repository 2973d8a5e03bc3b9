import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openElementsAt } from '../../../server/src/service/cursor';
import { resolveCompletionItem } from '../../../server/src/service/completionDocs';
import type { LanguageService } from '../../../server/src/service/languageService';
import { at, docOf, labels, service } from './helpers';

const ls = service({
  'templates/poly/phone.xml.hbs': '<polycomConfig>\n</polycomConfig>\n',
  'templates/partials/common.cfg.hbs': 'x\n',
});

const has = (xs: string[], ...want: string[]) => {
  for (const w of want) assert.ok(xs.includes(w), `expected ${w} in ${xs.slice(0, 40).join(' ')}`);
};
const hasNot = (xs: string[], ...bad: string[]) => {
  for (const b of bad) assert.ok(!xs.includes(b), `unexpected ${b}`);
};

test('root data paths and helpers at the start of a mustache', () => {
  const l = labels(ls, '{{|}}');
  has(l, 'phone', 'lines', 'pbx', 'vars', 'inc', 'default', 'this', '@root');
  hasNot(l, '@index', 'extension');
});

test('fields after a dot, scoped by #each, #with and block params', () => {
  has(labels(ls, '{{pbx.|}}'), 'host', 'port', 'transport');
  has(labels(ls, '{{#each lines}}{{|}}{{/each}}'), 'extension', 'display_name', 'password', '@index', '@first');
  has(labels(ls, '{{#with pbx}}{{|}}{{/with}}'), 'host', 'transport');
  has(labels(ls, '{{#each lines as |line i|}}{{line.‸}}{{/each}}'), 'extension', 'label');
  has(labels(ls, '{{#each lines as |line i|}}{{‸}}{{/each}}'), 'line', 'i');
  has(labels(ls, '{{#each lines}}{{../|}}{{/each}}'), 'pbx', 'phone');
  has(labels(ls, '{{#each lines}}{{@root.pbx.|}}{{/each}}'), 'host');
  has(labels(ls, '{{#each lines}}{{this.|}}{{/each}}'), 'extension');
  has(labels(ls, '{{#each lines}}{{@|}}{{/each}}'), '@index', '@root', '@key');
});

test('completion in a broken template: unclosed mustache and unclosed block', () => {
  has(labels(ls, '{{#each lines}}\n{{ext|\n{{/each}}\n'), 'extension');
  has(labels(ls, '{{#each keys}}\n{{|'), 'type', 'value', 'label');
  has(labels(ls, '{{#if x}}\n{{#each lines}}\n{{display|'), 'display_name');
});

test('helpers inside a subexpression, partials after {{>, block closers after {{/', () => {
  has(labels(ls, '{{default (|'), 'inc', 'eq', 'upper');
  has(labels(ls, '{{> |}}'), 'account', 'common');
  assert.deepEqual(labels(ls, '{{#each lines}}\n{{/|'), ['each']);
  has(labels(ls, '{{#|'), 'each', 'if', 'with', 'unless');
});

test('partials see the scope of their call: a line, plus hash keys', () => {
  has(labels(ls, 'account.{{|}}', 'templates/yealink/partials/account.cfg.hbs'), 'index', 'extension', 'display_name');
});

test('Yealink keys: account fields after account.1. and after account.{{…}}.', () => {
  has(labels(ls, 'account.1.|'), 'auth_name', 'password', 'label', 'sip_server.');
  has(labels(ls, '{{#each lines}}\naccount.{{inc @index}}.|\n{{/each}}'), 'auth_name', 'user_name');
  has(labels(ls, 'acc|'), 'account.');
  hasNot(labels(ls, 'account.1.|'), 'account.');
});

test('Yealink values after key =: enum values and booleans', () => {
  has(labels(ls, 'account.1.enable = |'), '1', '0');
  const { doc, pos } = at('account.1.sip_server.1.transport_type = |');
  const items = ls.doComplete(doc, pos).items;
  assert.ok(items.length >= 3, JSON.stringify(items));
  assert.ok(
    items.every((i) => i.detail),
    'values carry their labels',
  );
});

test('Poly XML: attribute names are keys, values for booleans', () => {
  has(labels(ls, '<polycomConfig>\n<reg reg.1.|\n</polycomConfig>', 'templates/poly/phone.xml.hbs'), 'address', 'label');
  has(
    labels(
      ls,
      '<polycomConfig>\n<x attendant.resourceList.1.proceedingIsRecipient="|"/>\n</polycomConfig>',
      'templates/poly/phone.xml.hbs',
    ),
    '1',
    '0',
  );
});

test('snippets at line start', () => {
  has(labels(ls, '|'), 'each line (accounts)', 'each BLF key', 'each');
});

test('no completion in comments and strings', () => {
  assert.deepEqual(labels(ls, '{{!-- pho| --}}'), []);
  assert.deepEqual(labels(ls, '{{default "pho|"}}'), []);
});

// ---- Fanvil: element paths ----

const FANVIL = 'templates/fanvil/common.xml.hbs';
const items = (src: string, path: string) => {
  const { doc, pos } = at(src, path);
  try {
    return ls.doComplete(doc, pos).items;
  } finally {
    ls.closeDocument(doc.uri);
  }
};

test('openElementsAt: open-element path from the text, tolerant of mustaches, comments and unbalanced branches', () => {
  const src =
    '<?xml version="1.0"?>\n<!-- <nope> -->\n<sysConf>\n<sip>{{! <x> }}{{#if (gt a "<b>")}}\n<line index="{{inc @index}}" a=\'>\'>{{/if}}\n<Done>1</Done><Empty/>\n|';
  const o = src.indexOf('|');
  assert.deepEqual(openElementsAt(src.slice(0, o), o, 'index'), [
    { name: 'sysConf' },
    { name: 'sip' },
    { name: 'line', attr: '{{inc @index}}' },
  ]);
  // a closing tag closes back to its element even past an element opened in another branch
  const s2 = '<a>{{#if x}}<b>{{else}}<c>{{/if}}</b><d>';
  assert.deepEqual(
    openElementsAt(s2, s2.length).map((e) => e.name),
    ['a', 'd'],
  );
  // the tag being typed does not count
  assert.deepEqual(
    openElementsAt('<a><b x="1"', 11).map((e) => e.name),
    ['a'],
  );
});

test('Fanvil XML: child element names at the open-element path', () => {
  const inLine = labels(
    ls,
    '<sysConf>\n  <sip>\n    <line index="{{inc @index}}">\n      <Reg|\n    </line>\n  </sip>\n</sysConf>',
    FANVIL,
  );
  has(inLine, 'RegisterAddr', 'RegisterPort', 'PhoneNumber');
  hasNot(inLine, 'line', 'sip', 'NotifyReboot');
  const inSip = items('<sysConf>\n  <sip>\n    <NotifyReboot>1</NotifyReboot>\n    <|\n  </sip>\n</sysConf>', FANVIL);
  has(
    inSip.map((i) => i.label),
    'NotifyReboot',
    'line',
  );
  const line = inSip.find((i) => i.label === 'line')!;
  assert.equal((line.textEdit as { newText: string }).newText, 'line index="${1:1}"');
  const leaf = inSip.find((i) => i.label === 'NotifyReboot')!;
  assert.match(String(leaf.detail), /bool/);
  // documentation on resolve only (completionDocs.ts); groups have none
  assert.equal(leaf.documentation, undefined);
  assert.match(String((resolveCompletionItem(leaf).documentation as { value: string }).value), /NotifyReboot|reboot/i);
  assert.equal(resolveCompletionItem(line).documentation, undefined);
  has(labels(ls, '<sysConf>\n  <|\n</sysConf>', FANVIL), 'sip', 'phone', 'ap');
  hasNot(labels(ls, '<sysConf>\n  <|\n</sysConf>', FANVIL), 'RegisterAddr', 'NotifyReboot');
});

test("Fanvil XML: element text offers child elements (full tags) or a leaf's values", () => {
  const kids = items(
    '<sysConf>\n  <sip>\n    <line index="1">\n      <RegisterAddr>pbx</RegisterAddr>\n      |\n    </line>\n  </sip>\n</sysConf>',
    FANVIL,
  );
  const reg = kids.find((i) => i.label === 'RegisterPort');
  assert.ok(reg, kids.map((i) => i.label).join(' '));
  assert.equal((reg.textEdit as { newText: string }).newText, '<RegisterPort>${1}</RegisterPort>');
  has(labels(ls, '<sysConf>\n  <sip>\n    <NotifyReboot>|</NotifyReboot>\n  </sip>\n</sysConf>', FANVIL), '1', '0');
  // a leaf below an index written as an expression, inside a Handlebars block
  has(
    labels(
      ls,
      '<sysConf>\n<sip>\n{{#each lines}}\n<line index="{{inc @index}}">\n<RegisterAddr>{{../pbx.host}}</RegisterAddr>\n<EnableReg>|</EnableReg>\n</line>\n{{/each}}\n</sip>\n</sysConf>',
      FANVIL,
    ),
    '1',
    '0',
  );
  // unknown path: nothing from the catalog
  hasNot(labels(ls, '<sysConf>\n  <nosuch>\n    <|\n  </nosuch>\n</sysConf>', FANVIL), 'RegisterAddr', 'sip');
});

// ---- Grandstream: aliases (config version 2) and P-values (version 1) ----

const GS2 = 'templates/grandstream/mac.xml.hbs';
const GS1 = 'templates/grandstream/common.xml.hbs';

test('Grandstream version 2: alias names in <item name>, values in the item', () => {
  const names = labels(
    ls,
    '<gs_provision version="1">\n<config version="2">\n<item name="account.1.sip.|"></item>\n</config>\n</gs_provision>',
    GS2,
  );
  has(names, 'userid');
  assert.ok(!names.some((n) => /^P\d/.test(n)));
  has(
    labels(
      ls,
      '<gs_provision version="1">\n<config version="2">\n<item name="pks.vpk.{{inc @index}}.|">x</item>\n</config>\n</gs_provision>',
      GS2,
    ),
    'keyMode',
    'account',
    'description',
  );
  const top = labels(ls, '<gs_provision version="1">\n<config version="2">\n<item name="|"></item>\n</config>\n</gs_provision>', GS2);
  has(top, 'account.', 'pks.');
  assert.ok(!top.some((n) => /^P\d/.test(n)), 'no P-values in version 2');
  has(
    labels(
      ls,
      '<gs_provision version="1">\n<config version="2">\n<item name="account.{{n}}.enable">|</item>\n</config>\n</gs_provision>',
      GS2,
    ),
    'Yes',
    'No',
  );
  // element names: only <item> in version 2
  assert.deepEqual(labels(ls, '<gs_provision version="1">\n<config version="2">\n<|\n</config>\n</gs_provision>', GS2), ['item']);
  // a partial without <config>: guessed from its <item> elements
  has(labels(ls, '<item name="account.{{n}}.sip.|"></item>\n', 'templates/grandstream/partials/account.xml.hbs'), 'userid');
});

test('Grandstream version 1: P-values as element names with their alias as detail, values inside', () => {
  const ps = items('<gs_provision version="1">\n<config version="1">\n<P4|\n</config>\n</gs_provision>', GS1);
  const p47 = ps.find((i) => i.label === 'P47');
  assert.ok(p47, 'P47 offered');
  assert.match(String(p47.detail), /^account\.1\.sip\.server\.1\.address/);
  assert.ok(
    ps.every((i) => /^P\d/.test(i.label)),
    'only P-values in version 1',
  );
  has(labels(ls, '<gs_provision version="1">\n<config version="1">\n<P271>|</P271>\n</config>\n</gs_provision>', GS1), '1', '0');
});

test('workspace catalog: keys of catalog/yealink.yaml are completed with their type and values', () => {
  const wl = service({
    'catalog/yealink.yaml':
      'keys:\n  - features.custom_flag\n  - account.{account}.custom_mode\n  - { key: features.level, type: enum, values: [low, high], description: Our own level }\n',
  });
  has(labels(wl, 'features.|'), 'custom_flag', 'level');
  has(labels(wl, 'account.1.|'), 'custom_mode', 'auth_name');
  has(labels(wl, 'features.level = |'), 'low', 'high');
  hasNot(labels(ls, 'features.|'), 'custom_flag');
});

// ---- caches: the AST astAt reuses across host-text edits, the key items per catalog ----

/** Edits a document as the client does (incremental change, next version) and syncs it into the service, as didChange does. */
function edit(svc: LanguageService, doc: TextDocument, from: string, to: string): TextDocument {
  const o = doc.getText().indexOf(from);
  assert.ok(o >= 0, `no ${JSON.stringify(from)} in the text`);
  const next = TextDocument.update(
    doc,
    [{ range: { start: doc.positionAt(o), end: doc.positionAt(o + from.length) }, text: to }],
    doc.version + 1,
  );
  svc.context.sync(next);
  return next;
}

/** Completion at the first `marker` (cursor after it) from a service that has seen every edit, and from a fresh one. */
function bothWays(svc: LanguageService, doc: TextDocument, marker: string) {
  const o = doc.getText().indexOf(marker);
  assert.ok(o >= 0, `no ${JSON.stringify(marker)} in the text`);
  const pos = doc.positionAt(o + marker.length);
  const fresh = service();
  const d = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
  return { kept: svc.doComplete(doc, pos), fresh: fresh.doComplete(d, pos) };
}

const CACHE_TEMPLATE = [
  '#!version:1.0.0.1',
  'local_time.ntp_server1 = pool.ntp.org',
  '{{#each lines}}',
  'account.{{inc @index}}.user_name = {{extension}}',
  'account.{{inc @index}}.enable = 1',
  '{{/each}}',
  '{{!-- a comment',
  'over lines --}}',
  '{{#each',
  '  keys}}',
  'linekey.{{inc @index}}.value = {{value}}',
  '{{/each}}',
  'features.dnd.enable = 0',
  '',
].join('\n');

test('completion after edits answers what a fresh service answers (the reused AST is never stale)', () => {
  const svc = service();
  let doc = docOf(CACHE_TEMPLATE);
  const same = (marker: string) => {
    const { kept, fresh } = bothWays(svc, doc, marker);
    assert.deepEqual(kept, fresh, `completion after ${JSON.stringify(marker)} at version ${doc.version}`);
    return kept.items.map((i) => i.label);
  };
  has(same('{{ext'), 'extension');
  has(same('{{val'), 'value', 'type');
  // host text: the AST is reused
  doc = edit(svc, doc, 'pool.ntp.org', 'pool.ntp.org9');
  has(same('{{ext'), 'extension');
  doc = edit(svc, doc, 'dnd.enable = 0', 'dnd.enable = 1');
  has(same('{{val'), 'value');
  // a block's list on a line of its own (inside a mustache spanning lines): keys → lines
  doc = edit(svc, doc, '  keys}}', '  lines}}');
  const l = same('{{val');
  has(l, 'extension');
  hasNot(l, 'type');
  // inside a comment, then a line break, then a mustache typed into host text
  doc = edit(svc, doc, 'over lines', 'over two lines');
  has(same('{{ext'), 'extension');
  doc = edit(svc, doc, 'pool.ntp.org9', 'pool.ntp.org\nlocal_time.ntp_server2 = x');
  has(same('{{ext'), 'extension');
  doc = edit(svc, doc, '#!version:1.0.0.1', '#!version:1.0.0.1 {{#each keys}}');
  // `lines` inside `{{#each keys}}` is a key's: nothing below it
  hasNot(same('{{ext'), 'extension');
  doc = edit(svc, doc, '#!version:1.0.0.1 {{#each keys}}', '#!version:1.0.0.1 {{#if phone}}');
  doc = edit(svc, doc, 'features.dnd.enable = 1', 'features.dnd.enable = 1 {{/if}}');
  has(same('{{ext'), 'extension');
  // a line that loses its mustache: host text now, but the AST changed
  doc = edit(svc, doc, 'features.dnd.enable = 1 {{/if}}', 'features.dnd.enable = 1');
  doc = edit(svc, doc, '#!version:1.0.0.1 {{#if phone}}', '#!version:1.0.0.1');
  has(same('{{ext'), 'extension');
});

test('the AST is reused across a host-text edit and parsed again after a structural one', () => {
  const svc = service();
  let doc = docOf(CACHE_TEMPLATE);
  const astAfter = (marker: string) => {
    const o = doc.getText().indexOf(marker) + marker.length;
    return svc.context.astAt(doc, o, doc.getText().lastIndexOf('{{', o));
  };
  const first = astAfter('{{ext');
  doc = edit(svc, doc, 'pool.ntp.org', 'pool.ntp.org9');
  doc = edit(svc, doc, 'features.dnd.enable = 0', 'features.dnd.enable = 01');
  assert.equal(astAfter('{{ext'), first, 'two host-text edits: the same AST');
  doc = edit(svc, doc, '{{#each lines}}', '{{#each keys}}');
  const second = astAfter('{{ext');
  assert.notEqual(second, first);
  // the stale AST would still scope the cursor in `lines`
  const { kept } = bothWays(svc, doc, '{{ext');
  has(
    kept.items.map((i) => i.label),
    'type',
    'value',
  );
  hasNot(
    kept.items.map((i) => i.label),
    'extension',
  );
  doc = edit(svc, doc, '  keys}}', '  lines}}');
  const third = astAfter('{{ext');
  assert.notEqual(third, second, 'a line inside a mustache is not host text');
  doc = edit(svc, doc, 'features.dnd.enable = 01', 'features.dnd.enable = 01 {{phone.name}}');
  const fourth = astAfter('{{ext');
  assert.notEqual(fourth, third, 'a mustache typed into host text');
  doc = edit(svc, doc, 'features.dnd.enable = 01 {{phone.name}}', 'features.dnd.enable = 01');
  assert.notEqual(astAfter('{{ext'), fourth, 'a mustache deleted from a line');
});

test('key items: cached per catalog and head, ranges per request, a workspace catalog edit seen', () => {
  const svc = service();
  const ranges = ['account.1.|', 'x = 1\n  account.2.|'].map((src) => {
    const { doc, pos } = at(src);
    const item = svc.doComplete(doc, pos).items.find((i) => i.label === 'auth_name');
    assert.ok(item);
    svc.closeDocument(doc.uri);
    return (item.textEdit as { range: unknown }).range;
  });
  assert.deepEqual(ranges, [
    { start: { line: 0, character: 10 }, end: { line: 0, character: 10 } },
    { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } },
  ]);
  svc.context.sync(docOf('keys:\n  - features.first_flag\n', 'catalog/yealink.yaml'));
  has(labels(svc, 'features.|'), 'first_flag');
  svc.context.sync(docOf('keys:\n  - features.second_flag\n', 'catalog/yealink.yaml', 2));
  const l = labels(svc, 'features.|');
  has(l, 'second_flag');
  hasNot(l, 'first_flag');
});
