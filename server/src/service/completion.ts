// Completion: inside `{{…}}` data paths (scope-aware), helpers, partials, data variables and block
// closers; in the host text vendor keys, values and snippets.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { resolvePath, type StaticScope } from '../core/analysis/scope';
import type { SchemaNode } from '../core/bench/schema';
import { HELPERS } from '../core/render/helpers';
import { pathFromString } from './ast';
import { openBlocks, type ServiceContext } from './context';
import { equalsIndex, lineAt, mustacheAt, openElementsAt, xmlPlaceAt, type MustacheAt, type XmlPlace } from './cursor';
import { snippetsFor } from './snippets';
import { keyDocData } from './completionDocs';
import type { CompiledPattern } from '../core/catalog/catalogs';
import type { KeyCatalog, KeyDef } from '../core/catalog/types';
import {
  childElements,
  continuationHead,
  editorCatalog,
  isPValue,
  keyContinuations,
  keyDefOf,
  typeSummary,
  valueChoices,
} from './vendorKeys';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };
const BLOCK_HELPERS = ['each', 'if', 'unless', 'with'];
const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function doComplete(ctx: ServiceContext, doc: TextDocument, pos: Position): CompletionList {
  const info = ctx.sync(doc);
  if (info.kind !== 'template' && info.kind !== 'partial') return EMPTY;
  const text = doc.getText();
  const offset = doc.offsetAt(pos);
  const m = mustacheAt(text, offset);
  if (m) return { isIncomplete: false, items: mustacheItems(ctx, doc, m, pos) };
  return { isIncomplete: false, items: hostItems(ctx, doc, text, offset) };
}

// ---- inside {{ }} ----

function mustacheItems(ctx: ServiceContext, doc: TextDocument, m: MustacheAt, pos: Position): CompletionItem[] {
  if (m.kind === 'comment' || m.inString) return [];
  const range = (start: number): Range => ({ start: doc.positionAt(start), end: pos });
  if (m.kind === 'partial') {
    const path = ctx.info(doc).path;
    return ctx.ws
      .partialNames(path)
      .filter((p) => p.file !== path)
      .map((p) => ({
        label: p.name,
        kind: CompletionItemKind.File,
        detail: p.file,
        textEdit: { range: range(m.wordStart), newText: p.name },
      }));
  }
  if (m.kind === 'close') {
    const open = openBlocks(doc.getText().slice(0, m.open));
    const name = open[open.length - 1];
    const after = doc.getText().slice(doc.offsetAt(pos), doc.offsetAt(pos) + 2);
    return name
      ? [
          {
            label: name,
            kind: CompletionItemKind.Keyword,
            detail: `close {{#${name}}}`,
            textEdit: { range: range(m.wordStart), newText: name + (after === '}}' ? '' : '}}') },
            preselect: true,
          },
        ]
      : [];
  }
  const ast = ctx.astAt(doc, doc.offsetAt(pos), m.open);
  const scope = ast ? ctx.enclosing(doc, ast, pos).scope : ctx.partialBase(ctx.info(doc).path).scope;
  const items: CompletionItem[] = [];
  const word = m.word;
  const wordRange = range(m.wordStart);
  if (m.helperPosition && !/[./@]/.test(word)) {
    const blockPos = m.kind === 'block' || m.kind === 'inverse';
    for (const [name, h] of Object.entries(HELPERS)) {
      if (blockPos && !(h.block || BLOCK_HELPERS.includes(name) || /^\{\{#if \(/.test(h.signature) || /^\{\{#/.test(h.signature))) continue;
      items.push({
        label: name,
        kind: CompletionItemKind.Function,
        detail: h.signature,
        sortText: `1${name}`,
        documentation: { kind: MarkupKind.Markdown, value: `\`${h.signature}\`\n\n${h.description}` },
        textEdit: { range: wordRange, newText: name },
      });
    }
    if (blockPos && m.close === undefined) {
      for (const name of BLOCK_HELPERS) {
        items.push({
          label: `${name} … /${name}`,
          kind: CompletionItemKind.Snippet,
          filterText: name,
          sortText: `0${name}`,
          insertTextFormat: InsertTextFormat.Snippet,
          detail: `{{#${name}}}…{{/${name}}}`,
          textEdit: {
            range: wordRange,
            newText: `${name} \${1:${name === 'each' ? 'lines' : name === 'with' ? 'pbx' : 'condition'}}}}\n$0\n{{/${name}}}`,
          },
        });
      }
    }
  }
  items.push(...pathItems(ctx, doc, scope, word, m.wordStart, pos));
  return items;
}

function typeLabel(s: SchemaNode | undefined): string {
  if (!s) return 'any';
  if (s.type === 'array') return `${typeLabel(s.items)}[]`;
  return s.enum ? s.enum.map((e) => JSON.stringify(e)).join(' | ') : (s.type ?? 'any');
}

function pathItems(
  ctx: ServiceContext,
  doc: TextDocument,
  scope: StaticScope,
  word: string,
  wordStart: number,
  pos: Position,
): CompletionItem[] {
  const sep = Math.max(word.lastIndexOf('.'), word.lastIndexOf('/'));
  const prefix = sep >= 0 ? word.slice(0, sep) : '';
  const range: Range = { start: doc.positionAt(wordStart + sep + 1), end: pos };
  const items: CompletionItem[] = [];
  const field = (name: string, s: SchemaNode | undefined, sort = '2'): CompletionItem => ({
    label: name,
    kind: s?.type === 'object' || s?.type === 'array' ? CompletionItemKind.Module : CompletionItemKind.Field,
    detail: typeLabel(s),
    sortText: sort + name,
    documentation: s?.description ? { kind: MarkupKind.Markdown, value: s.description } : undefined,
    textEdit: { range, newText: name },
  });
  const childrenOf = (s: SchemaNode | undefined): CompletionItem[] => {
    if (!s) return [];
    if (s.type === 'array') return [field('length', { type: 'integer', description: 'Number of items.' }), field('0', s.items, '3')];
    if (s.type === 'object') return Object.entries(s.properties ?? {}).map(([k, v]) => field(k, v));
    return [];
  };
  if (!prefix && sep < 0) {
    if (word.startsWith('@')) {
      const vars = ['root', ...(scope.inLoop ? ['index', 'key', 'first', 'last'] : [])];
      return vars.map((v) => ({
        ...field(`@${v}`, v === 'root' ? scope.root : undefined),
        detail:
          v === 'root'
            ? 'the render context'
            : v === 'index'
              ? 'integer (0-based)'
              : v === 'key'
                ? 'string'
                : v === 'first' || v === 'last'
                  ? 'boolean'
                  : 'any',
        textEdit: { range: { start: doc.positionAt(wordStart), end: pos }, newText: `@${v}` },
      }));
    }
    items.push(...childrenOf(scope.ctx));
    for (let s: StaticScope | undefined = scope, depth = 0; s && depth < 10; s = s.up, depth++) {
      for (const [name, sch] of s.params)
        items.push({ ...field(name, sch, '0'), kind: CompletionItemKind.Variable, detail: `block param: ${typeLabel(sch)}` });
    }
    items.push({
      label: 'this',
      kind: CompletionItemKind.Keyword,
      detail: typeLabel(scope.ctx),
      sortText: '4this',
      textEdit: { range, newText: 'this' },
    });
    if (scope.up) items.push(parentItem(range));
    items.push({
      label: '@root',
      kind: CompletionItemKind.Variable,
      detail: 'the render context',
      sortText: '5@root',
      textEdit: { range, newText: '@root' },
    });
    if (scope.inLoop)
      for (const v of ['index', 'key', 'first', 'last'])
        items.push({
          label: `@${v}`,
          kind: CompletionItemKind.Variable,
          detail: v === 'index' ? 'integer (0-based; {{inc @index}} is 1-based)' : v === 'key' ? 'string' : 'boolean',
          sortText: `5@${v}`,
          textEdit: { range, newText: `@${v}` },
        });
    return items;
  }
  // A prefix: resolve it as a path expression and list what is below.
  const fake = pathFromString(prefix);
  const { depth, data, parts } = fake;
  if (data && !parts.length) return [];
  const r = resolvePath(fake, scope);
  if (!r.ok) return [];
  const s = depth && !parts.length ? upCtx(scope, depth) : r.schema;
  if (depth && !parts.length && word.endsWith('/')) {
    // `../` — list the parent's fields and the next `../`.
    const items2 = childrenOf(s);
    let up: StaticScope | undefined = scope;
    for (let i = 0; i < depth && up; i++) up = up.up;
    if (up?.up) items2.push(parentItem(range));
    return items2;
  }
  return childrenOf(s);
}

/** `../`: the parent context, completing on. */
function parentItem(range: Range): CompletionItem {
  return {
    label: '../',
    kind: CompletionItemKind.Folder,
    detail: 'parent context',
    sortText: '4../',
    textEdit: { range, newText: '../' },
    command: TRIGGER_SUGGEST,
  };
}

function upCtx(scope: StaticScope, depth: number): SchemaNode | undefined {
  let s: StaticScope | undefined = scope;
  for (let i = 0; i < depth && s; i++) s = s.up;
  return s?.ctx;
}

// ---- host text ----

function hostItems(ctx: ServiceContext, doc: TextDocument, text: string, offset: number): CompletionItem[] {
  const info = ctx.info(doc);
  return hostCompletions(ctx, doc, text, offset, {
    cat: editorCatalog(ctx, info.path),
    xml: info.xml,
    vendor: info.vendor,
    model: ctx.phoneFor(info.path)?.model,
    snippets: true,
  });
}

/** What host-text completion needs to know about the text around the cursor (shared with 3CX bodies). */
export interface HostSettings {
  cat?: { catalog: import('../core/catalog/types').KeyCatalog; format: string };
  xml: boolean;
  vendor?: string;
  model?: string;
  /** Offer the Handlebars snippets at line start. */
  snippets: boolean;
}

/** Vendor keys and values (and snippets) in host text; `text` may differ from the document's but keeps its offsets. */
export function hostCompletions(
  ctx: ServiceContext,
  doc: TextDocument,
  text: string,
  offset: number,
  host: HostSettings,
): CompletionItem[] {
  const info = { xml: host.xml };
  const snip = (xml: boolean, range: Range) => (host.snippets ? snippetItems(host.vendor, xml, range) : []);
  const cat = host.cat;
  const model = host.model;
  const items: CompletionItem[] = [];
  const line = lineAt(text, offset);
  const before = line.text.slice(0, line.col);
  const pos = doc.positionAt(offset);
  if (!info.xml) {
    const eq = equalsIndex(before);
    if (eq >= 0) {
      if (!cat) return [];
      const m = keyDefOf(cat.catalog, before.slice(0, eq));
      if (!m) return [];
      const typedStart = line.start + eq + 1 + (before.slice(eq + 1).length - before.slice(eq + 1).trimStart().length);
      return valueItems(cat.catalog, m.def, { start: doc.positionAt(typedStart), end: pos });
    }
    if (/^\s*#/.test(before)) return [];
    if (cat) items.push(...keyItems(ctx, doc, cat, before, line.start, pos, model, line.text.slice(line.col).trim() === ''));
    if (/^\s*[A-Za-z]*$/.test(before))
      items.push(...snip(false, { start: doc.positionAt(line.start + before.length - before.trimStart().length), end: pos }));
    return items;
  }
  const place = xmlPlaceAt(text, offset);
  const range = (start: number): Range => ({ start: doc.positionAt(start), end: pos });
  const lineSnippets = () =>
    /^\s*[A-Za-z]*$/.test(before)
      ? snip(true, { start: doc.positionAt(line.start + before.length - before.trimStart().length), end: pos })
      : [];
  if (cat?.format === 'fanvil-xml')
    return [...fanvilItems(doc, text, offset, place, cat.catalog, model, pos), ...(!place || place.kind === 'text' ? lineSnippets() : [])];
  if (cat?.format === 'grandstream-xml' && place)
    return [...grandstreamItems(ctx, doc, text, offset, place, cat, model, pos), ...(place.kind === 'text' ? lineSnippets() : [])];
  if (!place || (place.kind === 'text' && /^\s*$/.test(place.typed) && !cat)) {
    if (/^\s*[A-Za-z]*$/.test(before))
      return snip(true, { start: doc.positionAt(line.start + before.length - before.trimStart().length), end: pos });
    return [];
  }
  if (!cat) return [];
  const elementKeys = cat.format === 'cisco-xml' || cat.format === 'snom-xml'; // grandstream and fanvil: handled above
  switch (place.kind) {
    case 'attribute-name':
      if (cat.format === 'poly-xml') items.push(...keyItems(ctx, doc, cat, place.typed, place.start, pos, model, false, '="$0"'));
      break;
    case 'element-name':
      if (elementKeys)
        items.push(
          ...keyItems(ctx, doc, cat, place.typed.replace(/\[.*$/, ''), place.start, pos, model, false).map((i) => ({
            ...i,
            label: i.label.replace(/\[.*$/, ''),
          })),
        );
      break;
    case 'attribute-value': {
      const key = cat.format === 'poly-xml' ? place.attribute : place.attribute === 'name' ? place.element : undefined;
      const m = key ? keyDefOf(cat.catalog, key) : undefined;
      if (m) items.push(...valueItems(cat.catalog, m.def, range(place.start)));
      break;
    }
    case 'text': {
      const m = elementKeys ? keyDefOf(cat.catalog, place.element) : undefined;
      if (m) items.push(...valueItems(cat.catalog, m.def, range(place.start)));
      if (/^\s*[A-Za-z]*$/.test(before))
        items.push(...snip(true, { start: doc.positionAt(line.start + before.length - before.trimStart().length), end: pos }));
      break;
    }
  }
  return items;
}

/**
 * Fanvil: keys are element paths. Inside an element, the child elements the catalog allows below the
 * open-element path at the cursor (`<sip><line index="1">` → `RegisterAddr`, …); inside a leaf, its values.
 */
function fanvilItems(
  doc: TextDocument,
  text: string,
  offset: number,
  place: XmlPlace | undefined,
  catalog: KeyCatalog,
  model: string | undefined,
  pos: Position,
): CompletionItem[] {
  let kind: 'element-name' | 'text';
  let typedStart: number;
  if (place?.kind === 'element-name') {
    if (!/^[A-Za-z0-9_-]*$/.test(place.typed)) return [];
    kind = 'element-name';
    typedStart = place.start;
  } else if (place?.kind === 'text' || (!place && text.lastIndexOf('>', offset - 1) > text.lastIndexOf('<', offset - 1))) {
    kind = 'text';
    typedStart = place?.kind === 'text' ? place.start : text.lastIndexOf('>', offset - 1) + 1;
  } else return [];
  const open = openElementsAt(text, kind === 'element-name' ? typedStart - 1 : offset, 'index');
  if (!open.length) return [];
  const path = open
    .slice(1)
    .map((e) => (e.attr !== undefined ? `${e.name}[${e.attr.trim()}]` : e.name))
    .join('.');
  const range = (start: number): Range => ({ start: doc.positionAt(start), end: pos });
  const typed = text.slice(typedStart, offset);
  if (kind === 'text') {
    const leaf = path ? keyDefOf(catalog, path) : undefined;
    if (leaf) return valueItems(catalog, leaf.def, range(typedStart));
    if (!/^\s*[A-Za-z0-9_]*$/.test(typed)) return [];
  }
  const wordStart = offset - /[A-Za-z0-9_-]*$/.exec(typed)![0].length;
  return childElements(catalog, path, model).map((c) => {
    const min = c.index === undefined ? undefined : /^\d+$/.test(c.index) ? c.index : String(catalog.indices[c.index]?.min ?? 1);
    const attr = min === undefined ? '' : ` index="\${1:${min}}"`;
    const next = min === undefined ? 1 : 2;
    const newText = kind === 'element-name' ? c.name + attr : `<${c.name}${attr}>\${${next}}</${c.name}>`;
    const leaf = c.def && c.index === undefined ? c.def : undefined;
    return {
      label: c.name,
      kind: leaf ? CompletionItemKind.Property : CompletionItemKind.Module,
      sortText: (leaf ? '0' : '1') + c.name,
      detail: leaf ? typeSummary(leaf, catalog) : `${c.index !== undefined ? `[${c.index}] ` : ''}${c.count} key${c.count > 1 ? 's' : ''}`,
      data: leaf ? keyDocData(leaf, catalog) : undefined,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: range(wordStart), newText },
      command: kind === 'text' && leaf && valueChoices(leaf, catalog).length && min === undefined ? TRIGGER_SUGGEST : undefined,
    };
  });
}

/** Grandstream's `<config version="…">` at the cursor: the enclosing one, else a guess from the text (`<item` → 2). */
function grandstreamVersion(text: string, offset: number): string {
  const open = openElementsAt(text, offset, 'version');
  const cfg = [...open].reverse().find((e) => e.name === 'config');
  if (cfg) return cfg.attr?.trim() || '1';
  return /<item\b/.test(text) ? '2' : '1';
}

/**
 * Grandstream: version 2 keys are `<item name="alias">` (alias names in the attribute, values in the
 * element); version 1 keys are P-value elements (`<P47>`, alias as detail).
 */
function grandstreamItems(
  ctx: ServiceContext,
  doc: TextDocument,
  text: string,
  offset: number,
  place: XmlPlace,
  cat: { catalog: KeyCatalog },
  model: string | undefined,
  pos: Position,
): CompletionItem[] {
  const range = (start: number): Range => ({ start: doc.positionAt(start), end: pos });
  const alias = (cp: CompiledPattern) => !isPValue(cp.pattern);
  switch (place.kind) {
    case 'attribute-value':
      if (place.element === 'item' && place.attribute === 'name')
        return keyItems(ctx, doc, cat, place.typed, place.start, pos, model, false, undefined, { accept: alias, id: 'alias' });
      return [];
    case 'element-name': {
      if (grandstreamVersion(text, place.start - 1) === '2') {
        return 'item'.startsWith(place.typed)
          ? [
              {
                label: 'item',
                kind: CompletionItemKind.Property,
                detail: '<item name="alias">value</item>',
                insertTextFormat: InsertTextFormat.Snippet,
                textEdit: { range: range(place.start), newText: 'item name="$1">$0</item>' },
                command: TRIGGER_SUGGEST,
              },
            ]
          : [];
      }
      return keyItems(ctx, doc, cat, place.typed, place.start, pos, model, false, undefined, {
        id: 'p-value',
        accept: (cp) => cp.via === 'key' && isPValue(cp.pattern),
        detail: (def) => (def.alias ? `${def.alias} · ${typeSummary(def, cat.catalog)}` : typeSummary(def, cat.catalog)),
      });
    }
    case 'text': {
      let key = place.element;
      if (place.element === 'item') {
        const name = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(place.tag);
        if (!name) return [];
        key = name[1] ?? name[2];
      }
      const m = keyDefOf(cat.catalog, key);
      return m ? valueItems(cat.catalog, m.def, range(place.start)) : [];
    }
    default:
      return [];
  }
}

/** A key item but its range, and the text it inserts. */
type KeyItem = { item: CompletionItem; newText: string };
/**
 * Key items per catalog (catalogs are never modified: a workspace catalog edit makes a new one) and per
 * what they depend on besides: the typed key's head (continuationHead), the model and how leaves end.
 */
const keyItemCache = new WeakMap<KeyCatalog, Map<string, KeyItem[]>>();
const KEY_ITEM_CACHE_SIZE = 256;

function keyItems(
  ctx: ServiceContext,
  doc: TextDocument,
  cat: { catalog: KeyCatalog },
  typed: string,
  typedStart: number,
  pos: Position,
  model: string | undefined,
  addEquals: boolean,
  attrSuffix?: string,
  /** `id` names `accept` and `detail` for the cache (without it, items with either are not cached). */
  opts: { accept?: (cp: CompiledPattern) => boolean; detail?: (def: KeyDef) => string; id?: string } = {},
): CompletionItem[] {
  const lead = typed.length - typed.trimStart().length;
  const key = typed.slice(lead);
  if (/\s/.test(key.replace(/\{\{[^}]*\}\}/g, ''))) return [];
  let cut = -1;
  for (let i = key.length - 1; i >= 0; i--)
    if ((key[i] === '.' || key[i] === '[') && key.lastIndexOf('{{', i) <= key.lastIndexOf('}}', i)) {
      cut = i;
      break;
    }
  const range: Range = { start: doc.positionAt(typedStart + lead + cut + 1), end: pos };
  const cacheable = opts.id !== undefined || (!opts.accept && !opts.detail);
  const cacheKey = [continuationHead(key), model ?? '', addEquals, attrSuffix ?? '', opts.id ?? ''].join('\0');
  let perCatalog = keyItemCache.get(cat.catalog);
  let built = cacheable ? perCatalog?.get(cacheKey) : undefined;
  if (!built) {
    built = keyContinuations(cat.catalog, key, model, opts.accept).map((c) => {
      const leaf = !c.group;
      let snippet = c.snippet;
      if (leaf && addEquals) snippet += ' = ';
      if (leaf && attrSuffix) snippet += attrSuffix;
      const item: CompletionItem = {
        label: c.label,
        kind: c.group ? CompletionItemKind.Module : CompletionItemKind.Property,
        sortText: (c.group ? '1' : '0') + c.label,
        detail:
          c.def && leaf ? (opts.detail ?? ((d: KeyDef) => typeSummary(d, cat.catalog)))(c.def) : `${c.count} key${c.count > 1 ? 's' : ''}`,
        data: c.def && leaf ? keyDocData(c.def, cat.catalog) : undefined,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: undefined,
        command:
          c.group || (leaf && (addEquals || attrSuffix) && c.def && valueChoices(c.def, cat.catalog).length) ? TRIGGER_SUGGEST : undefined,
      };
      return { item, newText: snippet };
    });
    if (cacheable) {
      if (!perCatalog) keyItemCache.set(cat.catalog, (perCatalog = new Map()));
      if (perCatalog.size >= KEY_ITEM_CACHE_SIZE) perCatalog.clear();
      perCatalog.set(cacheKey, built);
    }
  }
  // fresh items (the cached ones are shared): only the range differs from request to request
  return built.map(({ item, newText }) => ({ ...item, textEdit: { range, newText } }));
}

function valueItems(
  catalog: import('../core/catalog/types').KeyCatalog,
  def: import('../core/catalog/types').KeyDef,
  range: Range,
): CompletionItem[] {
  return valueChoices(def, catalog).map((v, i) => ({
    label: v.value,
    kind: CompletionItemKind.EnumMember,
    detail: v.label,
    sortText: String(i).padStart(4, '0'),
    labelDetails: v.label && v.label !== v.value ? { description: v.label } : undefined,
    textEdit: { range, newText: v.value },
  }));
}

function snippetItems(vendor: string | undefined, xml: boolean, range: Range): CompletionItem[] {
  return snippetsFor(vendor, xml).map((s) => ({
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: s.detail,
    sortText: `9${s.label}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: s.body },
    filterText: s.label.replace(/[^A-Za-z]+/g, ''),
  }));
}
