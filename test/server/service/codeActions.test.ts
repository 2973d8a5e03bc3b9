import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixText } from '../../../server/src/service/codeActions';
import { docOf, service } from './helpers';

test('did-you-mean fixes for unknown paths and helpers', () => {
  const ls = service();
  const doc = docOf('#!version:1.0.0.1\n## {{phone.nmae}} {{uper phone.name}}\n');
  const diags = ls.doValidation(doc);
  const titles = ls.getCodeActions(doc, diags[0].range, diags).map((a) => a.title);
  assert.ok(titles.includes("Change to 'phone.name'"), titles.join());
  assert.ok(titles.includes("Change to 'upper'"), titles.join());
});

test('missing header: insert the header line', () => {
  const ls = service();
  const doc = docOf('account.1.enable = 1\n');
  const diags = ls.doValidation(doc);
  const [a] = ls.getCodeActions(
    doc,
    diags[0].range,
    diags.filter((d) => d.code === 'missing-header'),
  );
  assert.equal(a.title, "Insert '#!version:1.0.0.1' as the first line");
  assert.deepEqual(a.edit!.changes![doc.uri][0].newText, '#!version:1.0.0.1\n');
});

test('fixText edits around expressions, or gives up', () => {
  assert.equal(fixText('acount.1.label', 'acount.1.label', 'account.1.label'), 'account.1.label');
  assert.equal(fixText('account.{{i}}.lable', 'account.1.lable', 'account.1.label'), 'account.{{i}}.label');
  assert.equal(fixText('acount.{{i}}.label', 'acount.1.label', 'account.1.label'), 'account.{{i}}.label');
  assert.equal(fixText('a{{x}}b', 'a12b', 'a3b'), undefined);
});
