import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import { withItemDefaults } from '../../../server/src/service/completionList';

const R: Range = { start: { line: 3, character: 10 }, end: { line: 3, character: 12 } };
const item = (label: string, range = R, insertTextFormat: 1 | 2 = 2): CompletionItem => ({
  label,
  insertTextFormat,
  textEdit: { range, newText: `${label} = ` },
});
const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });

test('item defaults: a range and format shared by every item are said once; each item keeps its text', () => {
  const got = withItemDefaults(list([item('a'), item('b')]), { editRange: true, insertTextFormat: true });
  assert.deepEqual(got.itemDefaults, { editRange: R, insertTextFormat: 2 });
  assert.deepEqual(got.items, [
    { label: 'a', textEditText: 'a = ' },
    { label: 'b', textEditText: 'b = ' },
  ]);
});

test('item defaults: nothing moves when the client does not accept them, or when items differ', () => {
  const same = list([item('a'), item('b')]);
  assert.equal(withItemDefaults(same, {}), same);
  const other: Range = { ...R, start: { line: 3, character: 0 } };
  const ranges = withItemDefaults(list([item('a'), item('b', other)]), { editRange: true, insertTextFormat: true });
  assert.equal(ranges.itemDefaults?.editRange, undefined);
  assert.ok(ranges.items.every((i) => i.textEdit));
  assert.equal(ranges.itemDefaults?.insertTextFormat, 2);
  // a plain-text item (no format given) must not become a snippet through the default
  const formats = withItemDefaults(list([item('a'), { label: 'b', textEdit: { range: R, newText: 'b' } }]), {
    editRange: true,
    insertTextFormat: true,
  });
  assert.equal(formats.itemDefaults?.insertTextFormat, undefined);
  assert.equal(formats.items[0].insertTextFormat, 2);
  // an item without an edit must not gain the default range
  const noEdit = withItemDefaults(list([item('a'), { label: 'b' }]), { editRange: true });
  assert.equal(noEdit.itemDefaults, undefined);
});
