// "Did you mean": the nearest valid keys for an unknown key.
//
// Each catalog pattern is instantiated with the numbers found in the typed key (by position; an
// out-of-range or missing number falls back to a one-digit-shorter variant or the index minimum),
// then ranked by a weighted Damerau–Levenshtein distance on lower-cased text (so a case-only
// difference ranks first). The weights favour the commonest slips: a doubled letter or a dropped
// letter of a double costs 0.5/0.6, a swap 0.7, other insertions/deletions 0.9, a substitution 1.
import { compileCatalog, type CompiledCatalog, type CompiledPattern } from './catalogs';
import type { KeyCatalog } from './types';

export interface SuggestOptions {
  /** How many suggestions at most (default 3). */
  limit?: number;
  /** Largest weighted distance accepted (default: 1 up to 4 chars, 2 up to 10, else 3). */
  maxDistance?: number;
}

const CACHE_MAX = 5000;

/** Valid catalog keys nearest to `typed`, best first; [] when nothing is close enough. */
export function suggestKeys(catalog: KeyCatalog, typed: string, opts: SuggestOptions = {}): string[] {
  const c = compileCatalog(catalog);
  const limit = opts.limit ?? 3;
  const cacheKey = `${limit}|${opts.maxDistance ?? ''}|${typed}`;
  const hit = c.suggestCache.get(cacheKey);
  if (hit) return hit;
  const result = compute(c, typed, limit, opts.maxDistance ?? defaultMax(typed.length));
  if (c.suggestCache.size >= CACHE_MAX) c.suggestCache.clear();
  c.suggestCache.set(cacheKey, result);
  return result;
}

function defaultMax(len: number): number {
  return len <= 4 ? 1 : len <= 10 ? 2 : 3;
}

interface Scored {
  key: string;
  score: number;
  order: number;
}

function compute(c: CompiledCatalog, typed: string, limit: number, maxDist: number): string[] {
  const lower = typed.toLowerCase();
  const nums = [...typed.matchAll(/\d+/g)].map((m) => m[0]);
  const hist = histogram(lower);
  const seen = new Map<string, Scored>();
  let bare: string | undefined, words: string | undefined;
  let order = 0;
  for (const cp of c.patterns) {
    // Cheap length bound before instantiating: each hole takes 1–3 digits, each edit ≥ 0.5.
    const lit = litLength(cp),
      k = cp.names.length;
    if (
      (lower.length < lit + k && (lit + k - lower.length) * 0.5 > maxDist) ||
      (lower.length > lit + 3 * k && (lower.length - lit - 3 * k) * 0.5 > maxDist)
    )
      continue;
    for (const cand of instances(c, cp, nums)) {
      order++;
      if (cand === typed || seen.has(cand)) continue;
      const cl = cand.toLowerCase();
      if (Math.abs(cl.length - lower.length) * 0.5 > maxDist) continue;
      if (histDistance(hist, cl) / 4 > maxDist) continue;
      let d = distance(lower, cl, maxDist);
      if (d > maxDist) {
        // Another index form (`account1.label`, `user_name1`, `sip.line.1.x`) or swapped words (`server.sip`):
        // the same text without separators, or the same words in another order.
        if (bare === undefined) [bare, words] = [bareOf(lower), wordsOf(lower)];
        if (bareOf(cl) === bare) d = 0.45;
        else if (wordsOf(cl) === words) d = Math.min(maxDist, 0.8 + 0.1 * maxDist);
        else continue;
      }
      if (cl === lower)
        d = -1; // case-insensitive match first
      else if (cand !== cl || typed !== lower) d += distance(typed, cand, maxDist + 2) * 1e-3; // prefer same case
      seen.set(cand, { key: cand, score: d, order });
    }
  }
  return [...seen.values()]
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.key);
}

const bareOf = (s: string) => s.replace(/[._\-[\]]/g, '');
const wordsOf = (s: string) =>
  s
    .split(/[._\-[\]]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

/** Instantiations of a pattern worth comparing with a typed key whose digit runs are `nums`. */
function instances(c: CompiledCatalog, cp: CompiledPattern, nums: string[]): string[] {
  const k = cp.names.length;
  if (!k) return [cp.pattern];
  // Digit runs in the pattern's literals take slots too (`Unit_{u}_Key_{k}_` has none, `P2{x}` one).
  const literalRuns = cp.literals.map((l) => (l.match(/\d+/g) ?? []).length);
  const slots = literalRuns.reduce((a, b) => a + b, 0) + k;
  const assignments: (string | undefined)[][] = [];
  const positional = (offset: number): (string | undefined)[] => {
    const out: (string | undefined)[] = [];
    let slot = offset;
    for (let h = 0; h < k; h++) {
      slot += literalRuns[h];
      out.push(nums[slot]);
      slot++;
    }
    return out;
  };
  assignments.push(positional(0));
  if (nums.length !== slots) assignments.push(positional(nums.length - slots));
  const out = new Set<string>();
  for (const a of assignments) {
    // Per hole: the typed number when in range, else one-digit-shorter variants in range, else the minimum.
    const choices = a.map((v, h) => valuesFor(c, cp.names[h], v));
    let combos: string[][] = [[]];
    for (const ch of choices) {
      const next: string[][] = [];
      for (const prefix of combos) for (const v of ch) if (next.length < 8) next.push([...prefix, v]);
      combos = next;
    }
    for (const combo of combos) {
      let s = cp.literals[0];
      for (let h = 0; h < k; h++) s += combo[h] + cp.literals[h + 1];
      out.add(s);
    }
  }
  return [...out];
}

function valuesFor(c: CompiledCatalog, name: string, typed: string | undefined): string[] {
  const idx = c.catalog.indices[name];
  const inRange = (s: string) => !idx || (Number(s) >= idx.min && Number(s) <= idx.max);
  const min = String(idx ? idx.min : 1);
  if (typed === undefined) return [min];
  if (inRange(typed)) return [String(Number(typed))];
  const shorter = new Set<string>();
  for (let i = 0; i < typed.length && typed.length > 1; i++) {
    const s = typed.slice(0, i) + typed.slice(i + 1);
    if (inRange(s)) shorter.add(String(Number(s)));
  }
  return shorter.size ? [...shorter].slice(0, 3) : [min];
}

const litLengths = new WeakMap<CompiledPattern, number>();
function litLength(cp: CompiledPattern): number {
  let n = litLengths.get(cp);
  if (n === undefined) litLengths.set(cp, (n = cp.literals.reduce((a, l) => a + l.length, 0)));
  return n;
}

/** Character counts folded into 128 buckets (enough for a lower bound on the edit distance). */
function histogram(s: string): Int32Array {
  const h = new Int32Array(128);
  for (let i = 0; i < s.length; i++) h[s.charCodeAt(i) & 127]++;
  return h;
}

const scratch = new Int32Array(128);
function histDistance(h: Int32Array, s: string): number {
  scratch.set(h);
  for (let i = 0; i < s.length; i++) scratch[s.charCodeAt(i) & 127]--;
  let sum = 0;
  for (let i = 0; i < 128; i++) sum += scratch[i] < 0 ? -scratch[i] : scratch[i];
  return sum;
}

/**
 * Weighted optimal-string-alignment Damerau–Levenshtein distance from the typed text `a` to the
 * candidate `b`, giving up (returning > max) once every cell of a row exceeds `max`.
 */
export function distance(a: string, b: string, max = Infinity): number {
  const n = a.length,
    m = b.length;
  let prev2 = new Float64Array(m + 1);
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  const ins = (j: number) => (b[j - 1] === b[j - 2] || b[j - 1] === b[j] ? 0.6 : 0.9); // a lacks b[j-1]
  const del = (i: number) => (a[i - 1] === a[i - 2] || a[i - 1] === a[i] ? 0.5 : 0.9); // a has extra a[i-1]
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + ins(j);
  for (let i = 1; i <= n; i++) {
    cur[0] = prev[0] + del(i);
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      let v = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      const d = prev[j] + del(i);
      if (d < v) v = d;
      const s = cur[j - 1] + ins(j);
      if (s < v) v = s;
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && a[i - 1] !== b[j - 1]) {
        const t = prev2[j - 2] + 0.7;
        if (t < v) v = t;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return rowMin;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/**
 * Known keys a typed key is a slip of (misspelt, another index form, swapped words), best first: what
 * earns an unknown key a "did you mean" warning. [] when the key is near nothing. Stricter than
 * suggestKeys: a key with a word more or less (`dialplan.1.digitmap` beside `dialplan.digitmap`,
 * `bg.color.bm.1.em.name`), or a word replaced by another (`attendant.reg` beside `attendant.uri`), is
 * more likely another real setting than a slip, so it gets no warning.
 */
export function nearKeys(catalog: KeyCatalog, typed: string): string[] {
  return suggestKeys(catalog, typed).filter((cand) => isSlip(typed, cand));
}

const SEP = /[._\-[\]]+/;

/** Whether `typed` reads as a slip of the valid key `cand`. */
export function isSlip(typed: string, cand: string): boolean {
  const a = typed.toLowerCase(),
    b = cand.toLowerCase();
  if (a === b || bareOf(a) === bareOf(b) || wordsOf(a) === wordsOf(b)) return true;
  // Numbers compare equal: an index out of range with a misspelt word (`linekey.100.lable`) is still a slip.
  const tokens = (s: string) => s.replace(/\d+/g, '#').split(SEP).filter(Boolean);
  const ta = tokens(a),
    tb = tokens(b);
  if (ta.length !== tb.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < ta.length; i++) if (ta[i] !== tb[i]) diff.push(i);
  if (diff.length !== 1) return false; // 0: only numbers differ (`codec4_name` beside `codec1_name`): another slot, not a slip
  const [x, y] = [ta[diff[0]], tb[diff[0]]];
  if (x === '#' || y === '#') return false; // an index where the known key has a word (`feature.1.x`, `feature.e911.x`)
  if (x.length === 1 && y.length === 1) return false; // a letter slot (`Profile_Rule_D` beside `Profile_Rule_B`)
  // One word of a camel-case name replaced by another (`vpn.SSTPUserName` beside `vpn.L2TPUserName`,
  // `BLFUsingColor` beside `BLFRingColor`): another setting, not a slip.
  const sa = subwords(typed.split(SEP).filter(Boolean)[diff[0]]),
    sb = subwords(cand.split(SEP).filter(Boolean)[diff[0]]);
  if (sa.length > 1 && sa.length === sb.length) {
    const d = sa.map((w, i) => i).filter((i) => sa[i] !== sb[i]);
    if (d.length === 1 && distance(sa[d[0]], sb[d[0]]) > 1) return false;
  }
  const len = Math.max(x.length, y.length);
  return distance(x, y) <= (len <= 4 ? 1 : len <= 8 ? 1.5 : 2);
}

/** The words of a camel-case name, lower-cased: `L2TPServerAddress` → l2tp server address. */
const subwords = (s: string | undefined): string[] => (s?.match(/[A-Z0-9]+(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? []).map((w) => w.toLowerCase());

const familyRes = new WeakMap<KeyCatalog, { prefix: string; re: RegExp }[]>();

/** The key family (a pattern prefix) the catalog lists in full that `key` belongs to, or undefined. */
export function exhaustiveFamily(catalog: KeyCatalog, key: string): string | undefined {
  if (!catalog.exhaustive?.length) return undefined;
  let list = familyRes.get(catalog);
  if (!list) {
    list = catalog.exhaustive.map((f) => ({
      prefix: f.prefix,
      re: new RegExp(
        '^' +
          f.prefix
            .split(/\{[A-Za-z_]\w*\}/)
            .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('\\d+'),
      ),
    }));
    familyRes.set(catalog, list);
  }
  return list.find((f) => f.re.test(key))?.prefix;
}
