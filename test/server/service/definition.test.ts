import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, EXAMPLE_BENCH, service } from './helpers';

const ls = service();
const def = (src: string) => {
  const { doc, pos } = at(src);
  try {
    return ls.findDefinition(doc, pos);
  } finally {
    ls.closeDocument(doc.uri);
  }
};
const benchLine = (needle: string) => EXAMPLE_BENCH.split('\n').findIndex((l) => l.includes(needle));

test('a partial call goes to the partial file', () => {
  assert.equal(def('{{> acc|ount}}')?.uri, 'file:///ws/templates/yealink/partials/account.cfg.hbs');
});

test('a data path goes to its value in bench.yaml for the selected phone (first loop item)', () => {
  const d = def('{{#each lines}}{{exte|nsion}}{{/each}}')!;
  assert.equal(d.uri, 'file:///ws/bench.yaml');
  assert.equal(d.range.start.line, benchLine('extension: "100"'));
  assert.equal(def('{{pbx.ho|st}}')!.range.start.line, benchLine('host: pbx.test'));
  ls.configure({ phone: 'alice' });
  assert.equal(def('{{#each lines as |l|}}{{l.exte‸nsion}}{{/each}}')!.range.start.line, benchLine('extension: "101"'));
  assert.equal(def('{{phone.na|me}}')!.range.start.line, benchLine('name: alice'));
  ls.configure({ phone: undefined });
});
