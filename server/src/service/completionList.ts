// A completion list made smaller for clients that accept LSP 3.17 item defaults: the edit range most items
// share and a common insert format are said once for the list instead of once per item. A vendor-key list
// repeats the same range on every one of up to a few hundred items.
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';

/** What the client accepts in `CompletionList.itemDefaults` (its `completionList.itemDefaults` capability). */
export interface ItemDefaultsSupport {
  editRange?: boolean;
  insertTextFormat?: boolean;
}

const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

/** `list` with the shared edit range and insert format moved to `itemDefaults` where the client accepts them. */
export function withItemDefaults(list: CompletionList, support: ItemDefaultsSupport): CompletionList {
  const items = list.items;
  if (items.length < 2 || list.itemDefaults) return list;
  const defaults: NonNullable<CompletionList['itemDefaults']> = {};
  let out: CompletionItem[] = items;
  if (support.editRange) {
    const first = items[0].textEdit;
    const range = first && 'range' in first ? first.range : undefined;
    // only when every item edits the same range: an item without textEdit would otherwise gain one
    if (range && items.every((i) => i.textEdit && 'range' in i.textEdit && sameRange(i.textEdit.range, range))) {
      defaults.editRange = range;
      out = out.map(({ textEdit, ...rest }) => ({ ...rest, textEditText: textEdit!.newText }));
    }
  }
  if (support.insertTextFormat) {
    const format = items[0].insertTextFormat;
    if (format !== undefined && items.every((i) => i.insertTextFormat === format)) {
      defaults.insertTextFormat = format;
      out = out.map(({ insertTextFormat: _, ...rest }) => rest);
    }
  }
  return out === items ? list : { ...list, itemDefaults: defaults, items: out };
}
