// Vendor-key completion items carry their documentation lazily: the list names a key by an id in `data`
// and completionItem/resolve writes the Markdown for the one item the editor shows. A vendor-key list has up
// to a few hundred keys; with the documentation inline it was ~70 KB per keystroke (bench/lsp.mjs).
import { MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { KeyCatalog, KeyDef } from '../core/catalog/types';
import { keyMarkdown } from './vendorKeys';

/** Ids live until this many are registered; then all are forgotten (an old list resolves without docs). */
const MAX_IDS = 50_000;

let ids = new WeakMap<KeyCatalog, WeakMap<KeyDef, number>>();
let byId = new Map<number, { def: KeyDef; catalog: KeyCatalog }>();
let next = 1;

/** The `data` of an item documenting `def` of `catalog` (the same def keeps its id while remembered). */
export function keyDocData(def: KeyDef, catalog: KeyCatalog): { keyDoc: number } {
  let perCatalog = ids.get(catalog);
  if (!perCatalog) ids.set(catalog, (perCatalog = new WeakMap()));
  let id = perCatalog.get(def);
  if (id === undefined || !byId.has(id)) {
    if (byId.size >= MAX_IDS) {
      byId = new Map();
      ids = new WeakMap();
      ids.set(catalog, (perCatalog = new WeakMap()));
    }
    id = next++;
    perCatalog.set(def, id);
    byId.set(id, { def, catalog });
  }
  return { keyDoc: id };
}

/** completionItem/resolve: the item with its documentation when it names a key (otherwise as given). */
export function resolveCompletionItem(item: CompletionItem): CompletionItem {
  const id = (item.data as { keyDoc?: unknown } | undefined)?.keyDoc;
  if (typeof id !== 'number' || item.documentation) return item;
  const key = byId.get(id);
  if (!key) return item;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value: keyMarkdown(key.def, key.catalog) } };
}
