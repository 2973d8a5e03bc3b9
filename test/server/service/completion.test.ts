import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, labels, service } from './helpers';

const ls = service({
  'templates/poly/phone.xml.hbs': '<polycomConfig>\n</polycomConfig>\n',
  'templates/partials/common.cfg.hbs': 'x\n',
});

const has = (xs: string[], ...want: string[]) => { for (const w of want) assert.ok(xs.includes(w), `expected ${w} in ${xs.slice(0, 40).join(' ')}`); };
const hasNot = (xs: string[], ...bad: string[]) => { for (const b of bad) assert.ok(!xs.includes(b), `unexpected ${b}`); };

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
  assert.ok(items.every((i) => i.detail), 'values carry their labels');
});

test('Poly XML: attribute names are keys, values for booleans', () => {
  has(labels(ls, '<polycomConfig>\n<reg reg.1.|\n</polycomConfig>', 'templates/poly/phone.xml.hbs'), 'address', 'label');
  has(labels(ls, '<polycomConfig>\n<x attendant.resourceList.1.proceedingIsRecipient="|"/>\n</polycomConfig>', 'templates/poly/phone.xml.hbs'), '1', '0');
});

test('snippets at line start', () => {
  has(labels(ls, '|'), 'each line (accounts)', 'each BLF key', 'each');
});

test('no completion in comments and strings', () => {
  assert.deepEqual(labels(ls, '{{!-- pho| --}}'), []);
  assert.deepEqual(labels(ls, '{{default "pho|"}}'), []);
});
