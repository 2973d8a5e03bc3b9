// Converts a 3CX deviceconfig body to an equivalent Handlebars template over the standard render
// context. Variables become the Handlebars expressions variables.ts pairs with each value; `{IF}`
// blocks become `{{#if}}` on lines of their own (standalone, so the output bytes are the same); runs
// of `{IF blfN}` units that differ only in N become one `{{#each (range a b) as |n|}}` loop.
// The CLI proves the equivalence by rendering both for every bench phone the template serves.
import { escapeXml } from '../render/interpreter';
import type { BodyNode, Condition, IfBlock, TextLine, VarRef } from './body';
import { varRefs } from './body';
import { timezoneList, type ThreeCxTemplate } from './envelope';
import { DEFAULT_NETWORK } from './render';
import { isVersionedVariable } from './versionedVariables';
import { collectSets, setConditions, type SetAssignment } from './convertSets';
import {
  blfFieldNames,
  builtinHbs,
  hbsString,
  KEY_KINDS,
  KEY_N_RE,
  keyFieldFallbackHbs,
  keyHbs,
  paramDefaultHbs,
  PER_KEY,
  provlink,
} from './variables';

export interface ConvertOptions {
  escape: 'xml' | 'none';
  /** The bench's server URL: PROVLINK.HOST/PORT/PATH/PROTOCOL have no Handlebars equivalent and are inlined. */
  serverUrl: string;
  /** `{IF ua=…}` value (lower case) → the `model.id`s of the phones whose matched model has that ua. */
  uaModels: Map<string, string[]>;
  /** Runs (numbered in order of appearance) to emit unrolled, as the 3CX template has them. */
  unroll?: ReadonlySet<number>;
}

export interface ConvertResult {
  text: string;
  notes: string[];
  /** Runs emitted as loops. */
  loops: number;
  /** Runs found (loops plus the ones emitted unrolled). */
  runs: number;
}

interface Cx {
  tpl: ThreeCxTemplate;
  opts: ConvertOptions;
  notes: Set<string>;
  /** '' at the top level, '@root.' inside loops and key scopes. */
  root: string;
  /** Inside `{IF blfN}`: the Handlebars name of the key and the kinds the block admits. */
  key?: string;
  /** Inside a rolled loop: N of the first unit (literal N → `{{n}}`). */
  loopN?: number;
  /** Inside a run emitted unrolled: no runs are looked for. */
  noRuns?: boolean;
  loops: { n: number; runs: number };
  /** `{SET $name}` assignments, for `{IF $name=…}`. */
  sets: Map<string, SetAssignment[]>;
}

const MAX_UNIT = 16;
const PROVLINK_PART = /^PROVLINK(?:LOCAL)?\.(PROTOCOL|HOST|PORT|PATH)$/;

/** Literal template text: `{{` escaped so Handlebars copies it. */
const lit = (s: string) => s.replace(/\{\{/g, '\\{{');
const mustache = (expr: string) =>
  expr.startsWith('(') && expr.endsWith(')') ? `{{${expr.slice(1, -1)}}}` : expr === '' ? '' : `{{${expr}}}`;

/** A constant value as Handlebars output: escaped the way a value is, then copied literally. */
function constant(v: string, cx: Cx): string {
  return lit(cx.opts.escape === 'xml' ? escapeXml(v) : v);
}

function tokenRe(n: number): RegExp {
  return new RegExp(`(?<![0-9])${n}(?![0-9])`, 'g');
}

function literal(text: string, cx: Cx): string {
  if (cx.loopN === undefined) return lit(text);
  return text.split(tokenRe(cx.loopN)).map(lit).join('{{n}}');
}

/** Handlebars for the key with number `n` (a number, or the loop's `n`). */
function keyLookup(n: number, cx: Cx): string {
  return cx.loopN !== undefined && n === cx.loopN ? `(lookup @root.keys (sub n 1))` : `(lookup ${cx.root}keys ${n - 1})`;
}

/** An expression for a variable usable in a condition, or undefined when it has none (option lists). */
function varExpr(name: string, cx: Cx): string | undefined {
  const R = cx.root;
  if (name.startsWith('$')) return undefined;
  if (PER_KEY.has(name) && !(cx.key && blfFieldNames(cx.tpl).has(name))) return cx.key ? keyHbs(name, cx.key) || '""' : '""';
  const kn = KEY_N_RE.exec(name);
  if (kn) {
    const k = keyLookup(Number(kn[2]), cx);
    return kn[1] === 'blf'
      ? `(lookup ${k} "value")`
      : kn[1] === 'blffirstname'
        ? `(default (lookup ${k} "label") (lookup ${k} "value"))`
        : '""';
  }
  if (name.startsWith('param::')) {
    const p = name.slice(7);
    if (cx.tpl.optionLists.some((l) => l.param === p)) return undefined;
    const d = paramDefaultHbs(p, R);
    return d ? `(default ${R}vars.param.${p} ${d})` : `${R}vars.param.${p}`;
  }
  const pl = PROVLINK_PART.exec(name);
  if (pl) {
    cx.notes.add(
      `%%${name}%% has no Handlebars equivalent: inlined from the bench's server url (${cx.opts.serverUrl}); update it if the server moves`,
    );
    return hbsString(provlink(cx.opts.serverUrl)[pl[1] as 'HOST']);
  }
  const b = builtinHbs(name, R);
  if (b !== undefined) return b;
  if (name === 'timezone' && timezoneList(cx.tpl)) return undefined;
  const d = cx.tpl.declared.get(name);
  const path = /^[A-Za-z_]\w*$/.test(name) ? `${R}vars.threecx.${name}` : `${R}vars.threecx.[${name}]`;
  if (d?.list) {
    const list = cx.tpl.optionLists.find((l) => l.list === d.list)!;
    const distinct = new Set(
      list.options.map((o) => (Object.prototype.hasOwnProperty.call(o.items, name) ? o.items[name] : d.defaultValue)),
    );
    if (distinct.size > 1) return undefined;
  }
  if (d) return `(default ${path} ${hbsString(d.defaultValue)})`;
  if (!isVersionedVariable(name) && !/^sysparam\./i.test(name))
    cx.notes.add(`%%${name}%% is not a known variable: converted to ${path.replace(/^@root\./, '')}`);
  return path;
}

/** Handlebars output for `%%name%%`. */
function varOut(name: string, cx: Cx): string {
  const R = cx.root;
  if (cx.key && keyHbs(name, cx.key) === undefined && (PER_KEY.has(name) || blfFieldNames(cx.tpl).has(name))) return keyField(name, cx);
  const pl = PROVLINK_PART.exec(name);
  if (pl) {
    varExpr(name, cx);
    return constant(provlink(cx.opts.serverUrl)[pl[1] as 'HOST'], cx);
  }
  const e = varExpr(name, cx);
  if (e !== undefined) return e === '""' ? '' : mustache(e);
  const tz = name === 'timezone' ? timezoneList(cx.tpl) : undefined;
  if (tz) return `{{#if ${R}vars.threecx.timezone}}{{${R}vars.threecx.timezone}}{{else}}${varOut(`param::${tz.param}`, cx)}{{/if}}`;
  // option-list values: a chain on the phone's selection, the override first
  if (name.startsWith('param::')) {
    const p = name.slice(7);
    const list = cx.tpl.optionLists.find((l) => l.param === p)!;
    const def = list.options[list.defaultIndex];
    const branches = list.options
      .filter((o) => o !== def)
      .map((o) => `{{else if (eq ${R}vars.options.${list.list} ${hbsString(o.label)})}}${constant(o.label, cx)}`);
    return `{{#if ${R}vars.param.${p}}}{{${R}vars.param.${p}}}${branches.join('')}{{else}}${constant(def.label, cx)}{{/if}}`;
  }
  const d = cx.tpl.declared.get(name)!;
  const list = cx.tpl.optionLists.find((l) => l.list === d.list)!;
  const value = (o: (typeof list.options)[number]) =>
    Object.prototype.hasOwnProperty.call(o.items, name) ? o.items[name] : d.defaultValue;
  const branches = list.options
    .filter((o) => value(o) !== d.defaultValue)
    .map((o) => `{{else if (eq ${R}vars.options.${list.list} ${hbsString(o.label)})}}${constant(value(o), cx)}`);
  return `{{#if ${R}vars.threecx.${name}}}{{${R}vars.threecx.${name}}}${branches.join('')}{{else}}${constant(d.defaultValue, cx)}{{/if}}`;
}

/** `%%Type%%`, `%%Value%%`, `%%DKtype%%`… inside a key scope: the blftype field per key kind. */
function keyField(field: string, cx: Cx): string {
  const k = cx.key!;
  const kinds = (Object.keys(KEY_KINDS) as (keyof typeof KEY_KINDS)[]).filter((t) => cx.tpl.blfTypes.has(KEY_KINDS[t]!));
  const per = kinds.map((t) => {
    const f = cx.tpl.blfTypes.get(KEY_KINDS[t]!)!.fields.get(field);
    if (!f) return { t, out: mustache(keyFieldFallbackHbs(field, k)) };
    // The expansion is one value: its literal parts are escaped like a value.
    let out = '';
    let last = 0;
    for (const r of varRefs(f.text, 0)) {
      out += constant(f.text.slice(last, r.start), cx) + (r.name === field ? '' : varOut(r.name, { ...cx }));
      last = r.end;
    }
    return { t, out: out + constant(f.text.slice(last), cx) };
  });
  // group the kinds by output; the largest group is the {{else}}
  const groups = new Map<string, string[]>();
  for (const p of per) groups.set(p.out, [...(groups.get(p.out) ?? []), p.t]);
  if (groups.size <= 1) return per[0]?.out ?? '';
  const ordered = [...groups].sort((a, b) => a[1].length - b[1].length);
  const [elseOut] = ordered.pop()!;
  const test = (ts: string[]) =>
    ts.length === 1 ? `(eq ${k}.type ${hbsString(ts[0])})` : `(or ${ts.map((t) => `(eq ${k}.type ${hbsString(t)})`).join(' ')})`;
  return `${ordered.map(([out, ts], i) => `{{${i ? 'else if' : '#if'} ${test(ts)}}}${out}`).join('')}{{else}}${elseOut}{{/if}}`;
}

function condExpr(c: Condition, cx: Cx): string {
  const R = cx.root;
  const anyOf = (xs: string[]) => (xs.length === 0 ? 'false' : xs.length === 1 ? xs[0] : `(or ${xs.join(' ')})`);
  switch (c.kind) {
    case 'ua': {
      const ids = new Set<string>();
      for (const v of c.values) for (const id of cx.opts.uaModels.get(v.toLowerCase()) ?? []) ids.add(id);
      return anyOf([...ids].map((id) => `(eq ${R}model.id ${hbsString(id)})`));
    }
    case 'network':
      return anyOf(c.values.map((v) => `(eq (default ${R}vars.network ${hbsString(DEFAULT_NETWORK)}) ${hbsString(v)})`));
    case 'var': {
      if (c.name.startsWith('$')) {
        const e = setConditions(c.name.slice(1), c.values, cx.sets.get(c.name.slice(1)) ?? [], (x) => condExpr(x, cx));
        if (e === undefined) cx.notes.add(`{IF ${c.name}…}: its {SET} assignments have no Handlebars equivalent; converted to false`);
        return e ?? 'false';
      }
      const e = varExpr(c.name, cx);
      if (e === undefined) {
        cx.notes.add(`{IF ${c.name}…}: an option-list variable in a condition has no Handlebars equivalent; converted to false`);
        return 'false';
      }
      return c.values ? anyOf(c.values.map((v) => `(eq ${e} ${hbsString(v)})`)) : e;
    }
    case 'blf':
      return 'false'; // handled by blfBlock
  }
}

const lineEnd = (tpl: ThreeCxTemplate, start: number, end: number) => /\r?\n$/.exec(tpl.text.slice(start, end))?.[0] ?? '';

function blfBlock(b: IfBlock & { cond: { kind: 'blf'; n: number } }, cx: Cx): string {
  const tpl = cx.tpl;
  const nl = lineEnd(tpl, b.start, b.end);
  const kinds = (Object.keys(KEY_KINDS) as (keyof typeof KEY_KINDS)[]).filter((t) => tpl.blfTypes.has(KEY_KINDS[t]!));
  const inner: Cx = { ...cx, root: '@root.', key: 'key' };
  const thenOut = nodes(b.then, inner);
  const elseOut = b.else ? nodes(b.else, { ...cx, root: '@root.' }) : '';
  const elseNl = b.elseTag ? lineEnd(tpl, b.elseTag.lineStart, b.elseTag.lineEnd) : nl;
  const endNl = b.endTag ? lineEnd(tpl, b.endTag.lineStart, b.endTag.lineEnd) : nl;
  let body: string;
  if (kinds.length === 3) body = thenOut;
  else {
    const test = kinds.length
      ? kinds.length === 1
        ? `(eq key.type ${hbsString(kinds[0])})`
        : `(or ${kinds.map((t) => `(eq key.type ${hbsString(t)})`).join(' ')})`
      : 'false';
    body = `{{#if ${test}}}${nl}${thenOut}${b.else ? `{{else}}${elseNl}${elseOut}` : ''}{{/if}}${endNl}`;
  }
  return `{{#with ${keyLookup(b.cond.n, cx)} as |key|}}${nl}${body}${b.else ? `{{else}}${elseNl}${elseOut}` : ''}{{/with}}${endNl}`;
}

function block(b: IfBlock, cx: Cx): string {
  if (b.cond.kind === 'blf') return blfBlock(b as IfBlock & { cond: { kind: 'blf'; n: number } }, cx);
  const tpl = cx.tpl;
  const nl = lineEnd(tpl, b.start, b.end);
  const elseNl = b.elseTag ? lineEnd(tpl, b.elseTag.lineStart, b.elseTag.lineEnd) : nl;
  const endNl = b.endTag ? lineEnd(tpl, b.endTag.lineStart, b.endTag.lineEnd) : nl;
  return `{{#if ${condExpr(b.cond, cx)}}}${nl}${nodes(b.then, cx)}${b.else ? `{{else}}${elseNl}${nodes(b.else, cx)}` : ''}{{/if}}${endNl}`;
}

function textLine(t: TextLine, cx: Cx): string {
  let out = '';
  let pos = t.start;
  const refs: VarRef[] = t.refs;
  for (const r of refs) {
    out += literal(cx.tpl.text.slice(pos, r.start), cx) + varOut(r.name, cx);
    pos = r.end;
  }
  return out + literal(cx.tpl.text.slice(pos, t.end), cx);
}

function blfIndex(n: BodyNode): number | undefined {
  if (n.kind !== 'if') return undefined;
  if (n.cond.kind === 'blf') return n.cond.n;
  for (const c of [...n.then, ...(n.else ?? [])]) {
    const i = blfIndex(c);
    if (i !== undefined) return i;
  }
  return undefined;
}

/**
 * Whether unit `b` (key number nb) is unit `a` (key number na) with only the key number changed: the same
 * text with N in the same places, the same variables (or `%%blfN%%`-style ones of key N), the same
 * conditions (or `{IF blfN}` of key N). What this accepts, the loop reproduces exactly.
 */
function sameShape(tpl: ThreeCxTemplate, a: BodyNode, b: BodyNode, na: number, nb: number): boolean {
  const norm = (s: string, n: number) => s.replace(tokenRe(n), '\u0000');
  const same = (sa: number, ea: number, sb: number, eb: number) => norm(tpl.text.slice(sa, ea), na) === norm(tpl.text.slice(sb, eb), nb);
  if (a.kind !== b.kind) return false;
  if (a.kind === 'set' && b.kind === 'set') return a.name === b.name && a.value === b.value;
  if (a.kind === 'text' && b.kind === 'text') {
    if (a.refs.length !== b.refs.length || !same(a.start, a.end, b.start, b.end)) return false;
    return a.refs.every((ra, i) => {
      const rb = b.refs[i];
      if (ra.name === rb.name) return !KEY_N_RE.test(ra.name) || !ra.name.endsWith(String(na));
      const ka = KEY_N_RE.exec(ra.name),
        kb = KEY_N_RE.exec(rb.name);
      return !!ka && !!kb && ka[1] === kb[1] && Number(ka[2]) === na && Number(kb[2]) === nb;
    });
  }
  if (a.kind !== 'if' || b.kind !== 'if' || !a.endTag || !b.endTag) return false;
  if (a.cond.kind === 'blf' || b.cond.kind === 'blf') {
    if (a.cond.kind !== 'blf' || b.cond.kind !== 'blf') return false;
    const ok = (a.cond.n === na && b.cond.n === nb) || (a.cond.n === b.cond.n && a.cond.n !== na && b.cond.n !== nb);
    if (!ok) return false;
  } else if (a.raw !== b.raw) return false;
  if (!same(a.start, a.end, b.start, b.end) || !same(a.endTag.lineStart, a.endTag.lineEnd, b.endTag.lineStart, b.endTag.lineEnd))
    return false;
  if (!!a.else !== !!b.else || !!a.elseTag !== !!b.elseTag) return false;
  if (a.elseTag && b.elseTag && !same(a.elseTag.lineStart, a.elseTag.lineEnd, b.elseTag.lineStart, b.elseTag.lineEnd)) return false;
  const all = (xs: BodyNode[], ys: BodyNode[]) => xs.length === ys.length && xs.every((x, i) => sameShape(tpl, x, ys[i], na, nb));
  return all(a.then, b.then) && all(a.else ?? [], b.else ?? []);
}

/** The longest run of units at `i` that differ only in the key number N (N, N+1, …). */
function findRun(list: BodyNode[], i: number, cx: Cx): { size: number; count: number; n0: number } | undefined {
  if (cx.loopN !== undefined || cx.noRuns) return undefined; // no nested loops
  let best: { size: number; count: number; n0: number } | undefined;
  for (let size = 1; size <= MAX_UNIT && i + 2 * size <= list.length; size++) {
    const unit = (k: number) => list.slice(i + k * size, i + (k + 1) * size);
    const u0 = unit(0);
    const n0 = u0.map(blfIndex).find((x) => x !== undefined);
    if (n0 === undefined) continue;
    let count = 1;
    while (i + (count + 1) * size <= list.length) {
      const u = unit(count);
      if (!u0.every((n, j) => sameShape(cx.tpl, n, u[j], n0, n0 + count))) break;
      count++;
    }
    if (count >= 2 && (!best || count * size > best.count * best.size)) best = { size, count, n0 };
  }
  return best;
}

function nodes(list: BodyNode[], cx: Cx): string {
  let out = '';
  let i = 0;
  while (i < list.length) {
    const run = findRun(list, i, cx);
    if (run) {
      const index = cx.loops.runs++;
      const units = list.slice(i, i + run.size * run.count);
      i += run.size * run.count;
      if (cx.opts.unroll?.has(index)) {
        out += nodes(units, { ...cx, noRuns: true });
        continue;
      }
      const unit = units.slice(0, run.size);
      const firstNl = lineEnd(cx.tpl, unit[0].start, unit[0].end) || '\n';
      cx.loops.n++;
      const inner: Cx = { ...cx, root: '@root.', loopN: run.n0 };
      out += `{{#each (range ${run.n0} ${run.n0 + run.count - 1}) as |n|}}${firstNl}${nodes(unit, inner)}{{/each}}${firstNl}`;
      continue;
    }
    const n = list[i++];
    out += n.kind === 'text' ? textLine(n, cx) : n.kind === 'set' ? '' : block(n, cx);
  }
  return out;
}

export function convertBody(tpl: ThreeCxTemplate, body: BodyNode[], opts: ConvertOptions): ConvertResult {
  const cx: Cx = { tpl, opts, notes: new Set(), root: '', loops: { n: 0, runs: 0 }, sets: collectSets(body) };
  const text = nodes(body, cx);
  return { text, notes: [...cx.notes], loops: cx.loops.n, runs: cx.loops.runs };
}
