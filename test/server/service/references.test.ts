import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, service } from './helpers';

test('references of a partial across templates, from a call or from the partial itself', () => {
  const ls = service({ 'templates/yealink/other.cfg.hbs': '{{> account}}\n' });
  const { doc, pos } = at('{{> acc|ount}}', 'templates/yealink/third.cfg.hbs');
  const refs = ls.findReferences(doc, pos).map((r) => `${r.uri.replace('file:///ws/', '')}:${r.range.start.line}`);
  assert.deepEqual(refs.sort(), [
    'templates/yealink/mac.cfg.hbs:3',
    'templates/yealink/other.cfg.hbs:0',
    'templates/yealink/partials/account.cfg.hbs:0',
    'templates/yealink/third.cfg.hbs:0',
  ]);
  const p = at('acc|ount', 'templates/yealink/partials/account.cfg.hbs');
  assert.equal(ls.findReferences(p.doc, p.pos, false).length, 3);
});
