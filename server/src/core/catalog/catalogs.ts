// Bundled key catalogs (static JSON imports, so esbuild bundles them) and the compiled key matcher.
//
// A pattern such as `account.{account}.sip_server.{server}.address` is compiled once per catalog to a
// regular expression and filed under its literal prefix (`account.`). A key is matched by an exact
// map lookup for literal patterns, then, for each digit position i in the key, by trying the few
// patterns whose literal prefix is key[0..i). Grandstream aliases are matched like keys.
import type { IndexDef, KeyCatalog, KeyDef } from './types';
import cisco from './data/cisco.json';
import fanvil from './data/fanvil.json';
import grandstream from './data/grandstream.json';
import poly from './data/poly.json';
import yealink from './data/yealink.json';
// TODO(catalog data): snom.json is not written yet; add its static import here and to BUNDLED.

const BUNDLED: Record<string, unknown> = { yealink, poly, cisco, grandstream, fanvil };

/** The bundled catalog of a vendor (`yealink`, `poly`, …), or undefined when there is none yet. */
export function getCatalog(vendor: string): KeyCatalog | undefined {
  return BUNDLED[vendor.toLowerCase()] as KeyCatalog | undefined;
}

/** Vendors with a bundled catalog. */
export function catalogVendors(): string[] {
  return Object.keys(BUNDLED);
}

export interface CompiledPattern {
  def: KeyDef;
  /** The pattern text (the key, or the Grandstream alias). */
  pattern: string;
  via: 'key' | 'alias';
  /** Literal texts around the holes: literals.length === names.length + 1. */
  literals: string[];
  /** Index names of the holes, in order. */
  names: string[];
  re: RegExp;
}

export interface CompiledCatalog {
  catalog: KeyCatalog;
  exact: Map<string, CompiledPattern>;
  byPrefix: Map<string, CompiledPattern[]>;
  patterns: CompiledPattern[];
  /** Memo for suggestions (see suggest.ts). */
  suggestCache: Map<string, string[]>;
}

export interface KeyMatch {
  def: KeyDef;
  indices: Record<string, number>;
  /** The matched pattern (differs from def.key when matched through a Grandstream alias). */
  pattern: string;
}

export interface LooseKeyMatch extends KeyMatch {
  /** Set when the key has the pattern's shape but an index lies outside the catalog's range. */
  outOfRange?: { name: string; value: number; min: number; max: number };
}

const HOLE_RE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiledCache = new WeakMap<KeyCatalog, CompiledCatalog>();

export function compilePattern(def: KeyDef, pattern: string, via: 'key' | 'alias'): CompiledPattern {
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const m of pattern.matchAll(HOLE_RE)) {
    literals.push(pattern.slice(last, m.index));
    names.push(m[1]);
    last = m.index! + m[0].length;
  }
  literals.push(pattern.slice(last));
  const re = new RegExp('^' + literals.map(escapeRe).join('(\\d+)') + '$');
  return { def, pattern, via, literals, names, re };
}

/** The compiled matcher of a catalog (built once, cached per catalog object). */
export function compileCatalog(catalog: KeyCatalog): CompiledCatalog {
  let c = compiledCache.get(catalog);
  if (c) return c;
  c = { catalog, exact: new Map(), byPrefix: new Map(), patterns: [], suggestCache: new Map() };
  for (const def of catalog.keys) {
    const pats: [string, 'key' | 'alias'][] = [[def.key, 'key']];
    if (def.alias && def.alias !== def.key) pats.push([def.alias, 'alias']);
    for (const [p, via] of pats) {
      const cp = compilePattern(def, p, via);
      c.patterns.push(cp);
      if (!cp.names.length) {
        if (!c.exact.has(p)) c.exact.set(p, cp);
      } else {
        const list = c.byPrefix.get(cp.literals[0]);
        if (list) list.push(cp);
        else c.byPrefix.set(cp.literals[0], [cp]);
      }
    }
  }
  compiledCache.set(catalog, c);
  return c;
}

function find(c: CompiledCatalog, key: string, loose: boolean): LooseKeyMatch | undefined {
  const ex = c.exact.get(key);
  if (ex) return { def: ex.def, indices: {}, pattern: ex.pattern };
  let fallback: LooseKeyMatch | undefined;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    if (ch < 48 || ch > 57) continue;
    const list = c.byPrefix.get(key.slice(0, i));
    if (!list) continue;
    for (const cp of list) {
      const m = cp.re.exec(key);
      if (!m) continue;
      const indices: Record<string, number> = {};
      let bad: LooseKeyMatch['outOfRange'];
      for (let k = 0; k < cp.names.length; k++) {
        const name = cp.names[k];
        const value = Number(m[k + 1]);
        indices[name] = value;
        const idx = c.catalog.indices[name];
        if (!bad && idx && (value < idx.min || value > idx.max)) bad = { name, value, min: idx.min, max: idx.max };
      }
      if (!bad) return { def: cp.def, indices, pattern: cp.pattern };
      if (loose && !fallback) fallback = { def: cp.def, indices, pattern: cp.pattern, outOfRange: bad };
    }
  }
  return fallback;
}

/** The catalog entry a key matches, with its index values; undefined when the key is unknown. */
export function matchKey(catalog: KeyCatalog, key: string): KeyMatch | undefined {
  return find(compileCatalog(catalog), key, false);
}

/** Like matchKey, but also returns a shape match whose index is outside the catalog's range. */
export function matchKeyLoose(catalog: KeyCatalog, key: string): LooseKeyMatch | undefined {
  return find(compileCatalog(catalog), key, true);
}

/** A key pattern with its `{name}` holes filled from `indices` (holes without a value are kept). */
export function instantiate(pattern: string, indices: Record<string, number>): string {
  return pattern.replace(HOLE_RE, (m, name: string) => (indices[name] !== undefined ? String(indices[name]) : m));
}

/** Whether a model id matches a model spec (`T46S`, or a prefix ending in `*`), case-insensitively. */
export function modelMatches(spec: string, model: string): boolean {
  const s = spec.toLowerCase(), m = model.toLowerCase();
  return s.endsWith('*') ? m.startsWith(s.slice(0, -1)) : s === m;
}

/** The maximum of an index for a model: the exact model entry, else the longest matching prefix, else max. */
export function indexMaxFor(idx: IndexDef, model: string | undefined): { max: number; spec?: string } {
  if (!model || !idx.maxByModel) return { max: idx.max };
  let best: string | undefined;
  for (const spec of Object.keys(idx.maxByModel)) {
    if (!modelMatches(spec, model)) continue;
    if (!spec.endsWith('*')) return { max: idx.maxByModel[spec], spec };
    if (!best || spec.length > best.length) best = spec;
  }
  return best ? { max: idx.maxByModel[best], spec: best } : { max: idx.max };
}

/** Whether a key is supported on a model (`models` absent = all models). */
export function keySupportsModel(def: KeyDef, model: string | undefined): boolean {
  return !model || !def.models || def.models.some((s) => modelMatches(s, model));
}
