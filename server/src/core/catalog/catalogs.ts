// Bundled key catalogs (static JSON imports, so esbuild bundles them) and the compiled key matcher.
//
// A pattern such as `account.{account}.sip_server.{server}.address` is compiled once per catalog to a
// regular expression and filed under its skeleton (`account.\0.sip_server.\0.address`, holes as NUL).
// A key is matched by an exact map lookup for literal patterns, then by looking up the skeletons made
// by turning each subset of the key's digit runs into holes (2^d lookups for d runs, usually 1–3), and
// verifying the few candidates with their regex. Patterns whose hole touches a digit or another hole
// (`P2{x}`) cannot be found that way; they are filed under their literal prefix and tried for each
// digit position of the key. Grandstream aliases are matched like keys.
import type { IndexDef, KeyCatalog, KeyDef } from './types';
import { ownString } from '../util/text';
import cisco from './data/cisco.json';
import fanvil from './data/fanvil.json';
import grandstream from './data/grandstream.json';
import poly from './data/poly.json';
import snom from './data/snom.json';
import yealink from './data/yealink.json';

const BUNDLED: Record<string, unknown> = { yealink, poly, cisco, grandstream, snom, fanvil };

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
  bySkeleton: Map<string, CompiledPattern[]>;
  /** Irregular patterns (a hole next to a digit or another hole), by literal prefix. */
  byPrefix: Map<string, CompiledPattern[]>;
  patterns: CompiledPattern[];
  /** Memo for suggestions (see suggest.ts). */
  suggestCache: Map<string, string[]>;
  /**
   * Memo of key matches (null: unknown), strict and loose: the same keys come back for every phone a template
   * is checked for. At most MATCH_MEMO keys each, then it starts again.
   */
  matchCache: [Map<string, KeyMatch | null>, Map<string, LooseKeyMatch | null>];
}

const MATCH_MEMO = 20_000;

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
  c = {
    catalog,
    exact: new Map(),
    bySkeleton: new Map(),
    byPrefix: new Map(),
    patterns: [],
    suggestCache: new Map(),
    matchCache: [new Map(), new Map()],
  };
  for (const def of catalog.keys) {
    const pats: [string, 'key' | 'alias'][] = [[def.key, 'key']];
    if (def.alias && def.alias !== def.key) pats.push([def.alias, 'alias']);
    for (const [p, via] of pats) {
      const cp = compilePattern(def, p, via);
      c.patterns.push(cp);
      if (!cp.names.length) {
        if (!c.exact.has(p)) c.exact.set(p, cp);
      } else {
        const k = cp.names.length;
        const irregular = cp.literals.some(
          (l, i) =>
            l.includes('\0') ||
            (i > 0 && i < k && l === '') || // two holes side by side
            (i > 0 && l !== '' && isDigit(l.charCodeAt(0))) || // a digit right after a hole
            (i < k && l !== '' && isDigit(l.charCodeAt(l.length - 1))),
        ); // a digit right before a hole
        const [map, mk] = irregular ? [c.byPrefix, cp.literals[0]] : [c.bySkeleton, cp.literals.join('\0')];
        const list = map.get(mk);
        if (list) list.push(cp);
        else map.set(mk, [cp]);
      }
    }
  }
  compiledCache.set(catalog, c);
  return c;
}

const isDigit = (ch: number) => ch >= 48 && ch <= 57;
const MAX_RUNS = 8;

/** `find`, memoized: callers only read the match (shared between the calls for the same key). */
function findMemo(c: CompiledCatalog, key: string, loose: boolean): LooseKeyMatch | undefined {
  const memo = c.matchCache[loose ? 1 : 0];
  const hit = memo.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const m = find(c, key, loose);
  if (memo.size >= MATCH_MEMO) memo.clear();
  // kept as a copy: a key cut from a rendered file would keep that whole file alive
  memo.set(ownString(key), m ?? null);
  return m;
}

function find(c: CompiledCatalog, key: string, loose: boolean): LooseKeyMatch | undefined {
  const ex = c.exact.get(key);
  if (ex && ex.via === 'key') return { def: ex.def, indices: {}, pattern: ex.pattern };
  // An exact alias (Grandstream `account.1.enable` for P271) yields to a key pattern of the same name
  // (`account.{account}.enable`): the name form is read with the name form's values (Yes/No, UDP/TCP).
  const named = findPattern(c, key, loose);
  if (ex && (!named || named.outOfRange)) return { def: ex.def, indices: {}, pattern: ex.pattern };
  return named;
}

function findPattern(c: CompiledCatalog, key: string, loose: boolean): LooseKeyMatch | undefined {
  const state: { fallback?: LooseKeyMatch } = {};
  // Digit runs of the key: [start, end) pairs.
  const runs: number[] = [];
  for (let i = 0; i < key.length; i++) {
    if (!isDigit(key.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < key.length && isDigit(key.charCodeAt(j))) j++;
    runs.push(i, j);
    i = j;
  }
  const d = Math.min(runs.length / 2, MAX_RUNS);
  for (let mask = 1; mask < 1 << d; mask++) {
    let skel = '';
    let last = 0;
    for (let r = 0; r < d; r++) {
      if (!(mask & (1 << r))) continue;
      skel += key.slice(last, runs[2 * r]) + '\0';
      last = runs[2 * r + 1];
    }
    const list = c.bySkeleton.get(skel + key.slice(last));
    if (list) {
      const m = tryList(c, list, key, loose, state);
      if (m) return m;
    }
  }
  if (c.byPrefix.size) {
    for (let i = 0; i < key.length; i++) {
      if (!isDigit(key.charCodeAt(i))) continue;
      const list = c.byPrefix.get(key.slice(0, i));
      if (!list) continue;
      const m = tryList(c, list, key, loose, state);
      if (m) return m;
    }
  }
  return state.fallback;
}

function tryList(
  c: CompiledCatalog,
  list: CompiledPattern[],
  key: string,
  loose: boolean,
  state: { fallback?: LooseKeyMatch },
): LooseKeyMatch | undefined {
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
    if (loose && !state.fallback) state.fallback = { def: cp.def, indices, pattern: cp.pattern, outOfRange: bad };
  }
  return undefined;
}

/** The catalog entry a key matches, with its index values; undefined when the key is unknown. */
export function matchKey(catalog: KeyCatalog, key: string): KeyMatch | undefined {
  return findMemo(compileCatalog(catalog), key, false);
}

/** Like matchKey, but also returns a shape match whose index is outside the catalog's range. */
export function matchKeyLoose(catalog: KeyCatalog, key: string): LooseKeyMatch | undefined {
  return findMemo(compileCatalog(catalog), key, true);
}

/** A key pattern with its `{name}` holes filled from `indices` (holes without a value are kept). */
export function instantiate(pattern: string, indices: Record<string, number>): string {
  return pattern.replace(HOLE_RE, (m, name: string) => (indices[name] !== undefined ? String(indices[name]) : m));
}

/** Whether a model id matches a model spec (`T46S`, or a prefix ending in `*`), case-insensitively. */
export function modelMatches(spec: string, model: string): boolean {
  const s = spec.toLowerCase(),
    m = model.toLowerCase();
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
