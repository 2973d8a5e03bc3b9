// The workspace catalog: `catalog/<vendor>.yaml` in the template project, committed with the templates,
// lists keys the bundled catalog does not know (a setting of newer firmware, a vendor extension). The CLI
// and the editor check against the bundled catalog extended by it.
//
//   # catalog/yealink.yaml
//   keys:
//     - features.custom_flag                  # any value accepted
//     - account.{account}.custom_mode          # {name}: an index of the bundled catalog ({n}: any number)
//     - { key: features.level, type: int, min: 0, max: 5, description: Our own setting }
//
// Entries are KeyDef fields (types.ts); a plain string is a key of type string.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { FileSource } from '../files';
import type { Problem } from '../types';
import { catalogVendors, compileCatalog, getCatalog } from './catalogs';
import type { KeyCatalog, KeyDef, KeyType } from './types';

export const WORKSPACE_CATALOG_DIR = 'catalog';
export const workspaceCatalogPath = (vendor: string) => `${WORKSPACE_CATALOG_DIR}/${vendor.toLowerCase()}.yaml`;

const TYPES: KeyType[] = ['bool', 'int', 'enum', 'string', 'password', 'url', 'host', 'ip', 'port', 'list'];
const FIELDS = new Set(['key', 'type', 'description', 'default', 'min', 'max', 'values', 'maxLength', 'pattern', 'separator', 'models']);

export interface WorkspaceCatalog {
  /** The bundled catalog extended by the workspace's keys (the bundled one itself when there is no file). */
  catalog: KeyCatalog | undefined;
  /** Keys the workspace file adds. */
  added: KeyDef[];
  /** What is wrong in the file (located in it). */
  problems: Problem[];
}

const cache = new WeakMap<FileSource, Map<string, { text: string | undefined; result: WorkspaceCatalog }>>();

/** The catalog `vendor`'s templates are checked against in a workspace: bundled + `catalog/<vendor>.yaml`. */
export function workspaceCatalog(files: FileSource, vendor: string): WorkspaceCatalog {
  const path = workspaceCatalogPath(vendor);
  let perSource = cache.get(files);
  if (!perSource) {
    cache.set(files, (perSource = new Map()));
    files.watch?.(WORKSPACE_CATALOG_DIR); // edits to the catalog folder change the files' generation
  }
  const text = files.read(path);
  const hit = perSource.get(path);
  if (hit && hit.text === text) return hit.result;
  const result = build(getCatalog(vendor), path, text);
  perSource.set(path, { text, result });
  return result;
}

/** Problems of every workspace catalog file (`check` reports them with the bench's). */
export function workspaceCatalogProblems(files: FileSource): Problem[] {
  const out: Problem[] = [];
  for (const f of files.list(WORKSPACE_CATALOG_DIR)) {
    const m = /^catalog\/([^/]+)\.ya?ml$/.exec(f);
    if (!m) continue;
    if (!getCatalog(m[1])) {
      out.push(problemAt(f, '', 0, 0, `'${m[1]}' is not a vendor with a catalog (${catalogVendors().join(', ')}); the file is not read.`));
      continue;
    }
    if (f !== workspaceCatalogPath(m[1])) continue;
    out.push(...workspaceCatalog(files, m[1]).problems);
  }
  return out;
}

function problemAt(file: string, text: string, start: number, end: number, message: string): Problem {
  const pos = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { file, range: { start: pos(start), end: pos(end) }, severity: 'warning', code: 'workspace-catalog', message };
}

function build(bundled: KeyCatalog | undefined, path: string, text: string | undefined): WorkspaceCatalog {
  if (!bundled || text === undefined) return { catalog: bundled, added: [], problems: [] };
  const problems: Problem[] = [];
  const at = (n: Node | null | undefined, msg: string) => {
    const [s, , e] = n?.range ?? [0, 0, 0];
    problems.push(problemAt(path, text, s, e, msg));
  };
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
  for (const e of doc.errors) problems.push(problemAt(path, text, e.pos[0], e.pos[1], `Not valid YAML: ${e.message.split('\n')[0]}`));
  const added: KeyDef[] = [];
  const root = doc.contents;
  const keys = isMap(root) ? root.get('keys', true) : undefined;
  if (!doc.errors.length && root && !isSeq(keys))
    at(root as Node, "Expected a 'keys:' list of keys (a key, or a mapping with key, type, …).");
  if (isSeq(keys)) {
    for (const item of keys.items) {
      const def = entry(item as Node, at);
      if (def) added.push(def);
    }
  }
  if (!added.length) return { catalog: bundled, added, problems };
  const catalog: KeyCatalog = { ...bundled, keys: [...added, ...bundled.keys] };
  return { catalog, added, problems };
}

function entry(item: Node, at: (n: Node, msg: string) => void): KeyDef | undefined {
  const origin = 'From the workspace catalog.';
  if (isScalar(item)) {
    const key = String(item.value ?? '').trim();
    if (!key) return void at(item, 'An empty key.');
    return { key, type: 'string', description: origin };
  }
  if (!isMap(item)) return void at(item, 'Expected a key, or a mapping with key, type, description, …');
  const obj = item.toJSON() as Record<string, unknown>;
  if (typeof obj.key !== 'string' || !obj.key.trim()) return void at(item, "A mapping without 'key'.");
  for (const k of Object.keys(obj)) if (!FIELDS.has(k)) at(item, `Unknown field '${k}' (known: ${[...FIELDS].join(', ')}).`);
  const type = (obj.type ?? 'string') as KeyType;
  if (!TYPES.includes(type)) return void at(item, `Unknown type '${String(obj.type)}' (one of ${TYPES.join(', ')}).`);
  const values = Array.isArray(obj.values)
    ? obj.values.map((v) => (typeof v === 'object' && v ? (v as { value: string; label: string }) : { value: String(v), label: String(v) }))
    : undefined;
  return {
    ...(obj as Partial<KeyDef>),
    key: obj.key.trim(),
    type,
    description: typeof obj.description === 'string' ? obj.description : origin,
    values,
    default: obj.default === undefined ? undefined : String(obj.default),
  };
}

/**
 * The pattern "Add to workspace catalog" writes for a key: each number where the bundled catalog has an
 * index at the same place (`account.7.x` → `account.{account}.x`) becomes that index, so the key is known
 * for every account, line, … and not only the one rendered.
 */
export function generalise(catalog: KeyCatalog | undefined, key: string): string {
  if (!catalog) return key;
  const c = compileCatalog(catalog);
  let out = '';
  let last = 0;
  for (const m of key.matchAll(/\d+/g)) {
    const prefix = key.slice(0, m.index);
    const cp = c.patterns.find((p) => p.names.length && prefix.startsWith(p.literals[0]) && holeAtIndex(p, prefix) >= 0);
    if (!cp) continue;
    out += key.slice(last, m.index) + `{${holeAt(cp, prefix)}}`;
    last = m.index! + m[0].length;
  }
  return out + key.slice(last);
}

function holeAt(p: { names: string[]; literals: string[] }, prefix: string): string {
  return p.names[holeAtIndex(p, prefix)];
}

/** The hole of a pattern that comes right after `prefix` (earlier holes matched by digit runs), or -1. */
function holeAtIndex(p: { names: string[]; literals: string[] }, prefix: string): number {
  let re = '^';
  for (let h = 0; h < p.names.length; h++) {
    re += p.literals[h].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(re + '$').test(prefix)) return h;
    re += '\\d+';
  }
  return -1;
}

/** `text` (a workspace catalog file, or undefined when there is none yet) with `key` added to its `keys:` list. */
export function withKeyAdded(text: string | undefined, key: string, vendor: string): string {
  const line = `  - ${/^[\w.{}[\]-]+$/.test(key) ? key : JSON.stringify(key)}\n`;
  if (text === undefined || !text.trim())
    return (
      `# Keys these templates use that the bundled ${vendor} catalog does not know (see docs/catalog-format.md).\n` +
      `# A key, or a mapping: { key: …, type: int|bool|enum|string|…, min, max, values, description }.\n` +
      `keys:\n${line}`
    );
  const body = text.endsWith('\n') ? text : `${text}\n`;
  const doc = parseDocument(body);
  const keys = isMap(doc.contents) ? doc.contents.get('keys', true) : undefined;
  if (isSeq(keys) && !keys.flow && keys.range && keys.items.length) {
    // Append a line after the list's last item, with the indentation of its first.
    const first = (keys.items[0] as Node).range![0];
    const dash = body.lastIndexOf('-', first);
    const indent = ' '.repeat(dash - (body.lastIndexOf('\n', dash) + 1));
    const end = keys.range[1];
    const nl = body.indexOf('\n', Math.max(0, end - 1));
    const insertAt = nl < 0 ? body.length : nl + 1;
    return body.slice(0, insertAt) + line.replace(/^ {2}/, indent) + body.slice(insertAt);
  }
  if (isMap(doc.contents) && !keys) return `${body}keys:\n${line}`;
  // Anything else (a flow list, no mapping): rewrite through the YAML library, keeping comments at the top.
  const json = (isMap(doc.contents) ? doc.toJSON() : {}) as { keys?: unknown[] };
  const list = Array.isArray(json.keys) ? json.keys : [];
  doc.setIn(['keys'], doc.createNode([...list, key]));
  return doc.toString();
}
