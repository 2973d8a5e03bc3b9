// Vendor keys for completion and hover: the catalog patterns a typed key prefix can continue into,
// grouped by the next segment, and the catalog entry of a key written with {{expressions}} in it.
import { compileCatalog, matchKeyLoose, type CompiledPattern, type LooseKeyMatch } from '../core/catalog/catalogs';
import type { OutputFormatId } from '../core/catalog/output';
import type { KeyCatalog, KeyDef } from '../core/catalog/types';
import { workspaceCatalog } from '../core/catalog/workspace';
import type { ServiceContext } from './context';
import { blankMustaches } from './cursor';

/**
 * The catalog completion and hover use for a template: the vendor's bundled catalog extended by the
 * workspace's `catalog/<vendor>.yaml` (open buffers included), the catalog `check` and the problems read.
 */
export function editorCatalog(ctx: ServiceContext, path: string): { catalog: KeyCatalog; format: OutputFormatId } | undefined {
  const found = ctx.catalogFor(path);
  if (!found) return undefined;
  const extended = workspaceCatalog(ctx.files, found.catalog.vendor).catalog;
  return extended && extended !== found.catalog ? { ...found, catalog: extended } : found;
}

/** A placeholder for `{{…}}` inside a typed key: matches any index hole. */
const HOLE = '\u0001';

export interface KeyContinuation {
  /** What the item shows: the rest of the key from the current segment, holes as `{name}`. */
  label: string;
  /** Snippet text: holes become `${n:min}` placeholders. */
  snippet: string;
  /** The complete key pattern, for a leaf. */
  def?: KeyDef;
  /** More segments follow (a group such as `sip_server.`). */
  group: boolean;
  count: number;
}

const SEPARATORS = new Set(['.', '[']);

/** Whether a catalog pattern exists on a model: no model given, no model list, or a listed model (`T5*` wildcards). */
function modelHasKey(cp: CompiledPattern, model: string | undefined): boolean {
  if (!model || !cp.def.models) return true;
  const m = model.toLowerCase();
  return cp.def.models.some((x) => (x.endsWith('*') ? m.startsWith(x.slice(0, -1).toLowerCase()) : x.toLowerCase() === m));
}

/**
 * Continuations of a typed key prefix. `typed` is the key text from its start to the cursor, with any
 * `{{…}}` replaced by HOLE; the continuation starts after the last separator (`.` or `[`).
 */
export function keyContinuations(
  catalog: KeyCatalog,
  typedRaw: string,
  model?: string,
  accept?: (cp: CompiledPattern) => boolean,
): KeyContinuation[] {
  const head = continuationHead(typedRaw);
  const c = compileCatalog(catalog);
  const out = new Map<string, KeyContinuation>();
  let placeholder = 0;
  for (const cp of c.patterns) {
    if (cp.via !== 'key' && catalog.vendor !== 'grandstream') continue;
    if (accept && !accept(cp)) continue;
    if (!modelHasKey(cp, model)) continue;
    const at = walk(cp, head);
    if (!at) continue;
    const rest = restOf(cp, at.k, at.j, catalog);
    if (!rest.label) continue;
    // Group on the first separator after at least one character.
    let g = -1;
    for (let i = 1; i < rest.label.length; i++)
      if (SEPARATORS.has(rest.label[i]) && !insideHole(rest.label, i)) {
        g = i;
        break;
      }
    const label = g >= 0 ? rest.label.slice(0, g + 1) : rest.label;
    const hit = out.get(label);
    if (hit) {
      hit.count++;
      if (g < 0 && !hit.def) hit.def = cp.def;
      continue;
    }
    placeholder = 0;
    const snippet = toSnippet(label, catalog, () => ++placeholder);
    out.set(label, { label, snippet, def: g < 0 ? cp.def : undefined, group: g >= 0, count: 1 });
  }
  return [...out.values()];
}

/**
 * What the continuations of a typed key depend on: the key up to its last separator, `{{…}}` as HOLE
 * (`account.{{inc @index}}.au` → `account.\u0001.`).
 */
export function continuationHead(typedRaw: string): string {
  const typed = typedRaw.replace(/\{\{[^}]*\}\}\}?/g, HOLE);
  let cut = -1;
  for (let i = typed.length - 1; i >= 0; i--)
    if (SEPARATORS.has(typed[i])) {
      cut = i;
      break;
    }
  return typed.slice(0, cut + 1);
}

/** A child element the catalog allows below an element path (Fanvil): its name, index hole and leaf entry. */
export interface ChildElement {
  name: string;
  /** The `index` attribute the element takes: an index name (`line`) or a literal (`1`). */
  index?: string;
  /** The catalog entry when the element is a leaf (a key ends here). */
  def?: KeyDef;
  /** Number of keys below (or at) the element. */
  count: number;
}

/**
 * The child elements of an element path such as `sip.line[1]` (`{{…}}` allowed as an index), from the
 * key patterns (`sip.line[{line}].RegisterAddr` → `RegisterAddr` below `sip.line[1]`, `line` with an
 * index below `sip`). `path` is empty for the children of the root element.
 */
export function childElements(catalog: KeyCatalog, path: string, model?: string): ChildElement[] {
  const head = path ? path.replace(/\{\{[^}]*\}\}\}?/g, HOLE) + '.' : '';
  const out = new Map<string, ChildElement>();
  for (const cp of compileCatalog(catalog).patterns) {
    if (cp.via !== 'key') continue;
    if (!modelHasKey(cp, model)) continue;
    const at = walk(cp, head);
    if (!at) continue;
    const m = /^([^.[\]{}]+)(?:\[\{?([^\]}]*)\}?\])?(\.|$)/.exec(restOf(cp, at.k, at.j, catalog).label);
    if (!m) continue;
    const id = m[2] !== undefined ? `${m[1]}[]` : m[1];
    const leaf = m[3] === '';
    const hit = out.get(id);
    if (hit) {
      hit.count++;
      if (leaf && !hit.def) hit.def = cp.def;
      continue;
    }
    out.set(id, { name: m[1], index: m[2], def: leaf ? cp.def : undefined, count: 1 });
  }
  return [...out.values()];
}

function insideHole(s: string, i: number): boolean {
  const open = s.lastIndexOf('{', i);
  return open >= 0 && s.indexOf('}', open) >= i;
}

function walk(cp: CompiledPattern, typed: string): { k: number; j: number } | undefined {
  let k = 0,
    j = 0,
    i = 0;
  const lits = cp.literals;
  while (i < typed.length) {
    if (j < lits[k].length) {
      if (typed[i] !== lits[k][j]) return undefined;
      i++;
      j++;
    } else if (k < cp.names.length) {
      const s = i;
      while (i < typed.length && (typed[i] === HOLE || (typed.charCodeAt(i) >= 48 && typed.charCodeAt(i) <= 57))) i++;
      if (i === s) return undefined;
      k++;
      j = 0;
    } else return undefined;
  }
  return { k, j };
}

function restOf(cp: CompiledPattern, k: number, j: number, _catalog: KeyCatalog): { label: string } {
  let label = cp.literals[k].slice(j);
  for (let h = k; h < cp.names.length; h++) label += `{${cp.names[h]}}` + cp.literals[h + 1];
  return { label };
}

const escSnippet = (s: string) => s.replace(/[$}\\]/g, '\\$&');

function toSnippet(label: string, catalog: KeyCatalog, next: () => number): string {
  let out = '';
  let last = 0;
  for (const m of label.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    out += escSnippet(label.slice(last, m.index));
    out += `\${${next()}:${catalog.indices[m[1]]?.min ?? 1}}`;
    last = m.index! + m[0].length;
  }
  return out + escSnippet(label.slice(last));
}

/** Grandstream: whether a pattern is a P-value (`P47`), as opposed to an alias name (`account.1.sip.userid`). */
export const isPValue = (pattern: string): boolean => /^P[\d{]/.test(pattern);

/** The catalog entry of a key written in a template (expressions count as index 1). */
export function keyDefOf(catalog: KeyCatalog, rawKey: string): LooseKeyMatch | undefined {
  const key = blankMustaches(rawKey.trim(), '1');
  if (!key) return undefined;
  return matchKeyLoose(catalog, key) ?? (catalog.vendor === 'snom' ? matchKeyLoose(catalog, `${key}[1]`) : undefined);
}

/** One-line summary of a key's type: `int 0–65535`, `enum`, `bool (1/0)`. */
export function typeSummary(def: KeyDef, catalog: KeyCatalog): string {
  switch (def.type) {
    case 'int':
      return `int${def.min !== undefined || def.max !== undefined ? ` ${def.min ?? '…'}–${def.max ?? '…'}` : ''}`;
    case 'bool':
      return `bool (${catalog.bool.true[0]}/${catalog.bool.false[0]})`;
    case 'string':
      return def.maxLength ? `string (≤ ${def.maxLength} chars)` : 'string';
    default:
      return def.type;
  }
}

/** Markdown documentation of a key: description, type, range/values, default, file, models, deprecation. */
export function keyMarkdown(def: KeyDef, catalog: KeyCatalog, concrete?: string): string {
  const lines = [`**${concrete ?? def.key}** — \`${typeSummary(def, catalog)}\``, '', def.description];
  if (def.values?.length)
    lines.push(
      '',
      'Values:',
      ...def.values.slice(0, 30).map((v) => `- \`${v.value}\`${v.label && v.label !== v.value ? ` — ${v.label}` : ''}`),
      ...(def.values.length > 30 ? [`- … (${def.values.length} values)`] : []),
    );
  if (def.type === 'bool')
    lines.push('', `Values: \`${catalog.bool.true.join('`, `')}\` (on), \`${catalog.bool.false.join('`, `')}\` (off)`);
  const facts: string[] = [];
  if (def.default !== undefined && def.type !== 'password') facts.push(`default \`${def.default}\``);
  if (def.file) facts.push(`file: ${def.file}`);
  if (def.models) facts.push(`models: ${def.models.join(', ')}`);
  if (def.alias && def.alias !== def.key) facts.push(`alias \`${def.alias}\``);
  if (facts.length) lines.push('', facts.join(' · '));
  if (concrete && concrete !== def.key) lines.push('', `Pattern: \`${def.key}\``);
  if (def.deprecated)
    lines.push('', `**Deprecated**: ${def.deprecated.note}${def.deprecated.replacement ? ` Use \`${def.deprecated.replacement}\`.` : ''}`);
  return lines.join('\n');
}

/** Values a key accepts, for completion after `key = ` or inside an attribute/element. */
export function valueChoices(def: KeyDef, catalog: KeyCatalog): { value: string; label: string }[] {
  if (def.type === 'bool')
    return [
      { value: catalog.bool.true[0], label: 'on' },
      { value: catalog.bool.false[0], label: 'off' },
    ];
  if (def.type === 'enum' || (def.type === 'list' && def.values))
    return (def.values ?? []).map((v) => ({ value: v.value, label: v.label }));
  return def.default !== undefined && def.type !== 'password' ? [{ value: def.default, label: 'default' }] : [];
}
