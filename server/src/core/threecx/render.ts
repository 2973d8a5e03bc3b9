// Renders one deviceconfig body of a 3CX template for a bench phone: the same result shape as the
// Handlebars path (text, source map into the .ph.xml file, issues), so output checks map back to
// the template line exactly as for Handlebars.
import type { RenderContext } from '../context';
import { escapeXml, type RenderIssue, type RenderOutput } from '../render/interpreter';
import { SourceMap, type Segment } from '../render/sourcemap';
import type { Key } from '../types';
import type { BodyNode, Condition, IfBlock, VarRef } from './body';
import { varRefs } from './body';
import { isVersionedVariable } from './versionedVariables';
import { timezoneList, type BlfType, type DeviceConfig, type ThreeCxModel, type ThreeCxOption, type ThreeCxTemplate } from './envelope';
import { uaOf } from './match';
import { blfFieldNames, builtinValue, KEY_KINDS, KEY_N_RE, keyFieldFallback, keyValue, paramDefault, PER_KEY } from './variables';

export const DEFAULT_NETWORK = 'LOCALLAN';
const MAX_OUTPUT = 8 * 1024 * 1024;

export interface KeyScope {
  n: number;
  key: Key;
  kind: string;
  blf: BlfType;
}

export interface ThreeCxEnv {
  ctx: RenderContext;
  tpl: ThreeCxTemplate;
  model: ThreeCxModel;
  /** What `{IF ua=…}` compares with. */
  ua: string;
  network: string;
  /** Option chosen per option list (the phone's `vars.options.<list>`, else the default). */
  selected: Map<string, ThreeCxOption>;
  key?: KeyScope;
  /** Values of `{SET $name=…}` met so far in the body (shared by the whole rendering). */
  sets: Map<string, string>;
  /** Problems with the phone's selections (unknown option label, network not allowed). */
  notes: { start: number; end: number; code: import('../problems/registry').ProblemCode; message: string }[];
}

const own = (o: unknown, k: string): unknown =>
  o && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined;
const str = (v: unknown): string => (v === undefined || v === null || typeof v === 'object' ? '' : String(v));

export function buildEnv(tpl: ThreeCxTemplate, ctx: RenderContext, model: ThreeCxModel): ThreeCxEnv {
  const notes: ThreeCxEnv['notes'] = [];
  const selected = new Map<string, ThreeCxOption>();
  const chosen = own(ctx.vars, 'options');
  for (const list of tpl.optionLists) {
    const want = own(chosen, list.list);
    let opt = list.options[list.defaultIndex];
    if (want !== undefined && want !== null && want !== '') {
      const hit = list.options.find((o) => o.label === String(want));
      if (hit) opt = hit;
      else
        notes.push({
          start: list.start,
          end: list.start + list.list.length + 1,
          code: 'threecx-option',
          message: `the phone selects '${String(want)}' for <${list.list}>, which has no such option; using the default '${opt.label}'`,
        });
    }
    selected.set(list.list, opt);
  }
  const network = str(own(ctx.vars, 'network')) || DEFAULT_NETWORK;
  if (tpl.networks.length && !tpl.networks.includes(network)) {
    notes.push({
      start: 0,
      end: 0,
      code: 'threecx-network',
      message: `network mode '${network}' is not in the template's <AllowedNetworkConfig> (${tpl.networks.join(', ')})`,
    });
  }
  return { ctx, tpl, model, ua: uaOf(model), network, selected, notes, sets: new Map() };
}

export type Resolved = { value: string; unset?: string } | undefined;

/** The value of `%%name%%` for a phone (undefined: not a variable this template knows). */
export function resolveVariable(name: string, env: ThreeCxEnv, depth = 0): Resolved {
  const { ctx, tpl } = env;
  if (name.startsWith('$')) return { value: env.sets.get(name.slice(1)) ?? '' };
  if (env.key && (PER_KEY.has(name) || blfFieldNames(tpl).has(name))) {
    const kv = keyValue(name, env.key.key);
    if (kv !== undefined) return { value: kv };
    const field = env.key.blf.fields.get(name);
    if (!field) return { value: keyFieldFallback(name, env.key.key) };
    if (depth > 4) return { value: '' };
    return { value: expand(field.text, env, depth + 1) };
  }
  if (PER_KEY.has(name)) return { value: '' };
  const kn = KEY_N_RE.exec(name);
  if (kn) {
    const key = ctx.keys[Number(kn[2]) - 1];
    if (!key) return { value: '' };
    return { value: kn[1] === 'blf' ? key.value : keyValue(kn[1], key)! };
  }
  if (name.startsWith('param::')) {
    const p = name.slice(7);
    const set = own(own(ctx.vars, 'param'), p);
    if (set !== undefined && set !== null && set !== '') return { value: str(set) };
    const list = tpl.optionLists.find((l) => l.param === p);
    if (list) return { value: env.selected.get(list.list)?.label ?? '' };
    const def = paramDefault(p, ctx);
    if (def !== undefined) return { value: def };
    return { value: '', unset: `%%${name}%% has no value for this phone: set vars.param.${p} in the bench` };
  }
  const b = builtinValue(name, ctx);
  if (b !== undefined) return { value: b };
  const override = own(own(ctx.vars, 'threecx'), name);
  if (override !== undefined && override !== null && override !== '') return { value: str(override) };
  const d = tpl.declared.get(name);
  if (d) {
    const opt = d.list ? env.selected.get(d.list) : undefined;
    return { value: opt && Object.prototype.hasOwnProperty.call(opt.items, name) ? opt.items[name] : d.defaultValue };
  }
  const tz = name === 'timezone' ? timezoneList(tpl) : undefined;
  if (tz) return resolveVariable(`param::${tz.param}`, env, depth);
  if (isVersionedVariable(name)) return { value: '' };
  return undefined;
}

/** A text with its variables replaced (blftype fields). */
function expand(text: string, env: ThreeCxEnv, depth: number): string {
  let out = '';
  let last = 0;
  for (const r of varRefs(text, 0)) {
    out += text.slice(last, r.start) + (resolveVariable(r.name, env, depth)?.value ?? '');
    last = r.end;
  }
  return out + text.slice(last);
}

/** Whether a condition holds; for `{IF blfN}` also the key scope its THEN branch gets. */
export function evaluate(cond: Condition, env: ThreeCxEnv): { ok: boolean; key?: KeyScope; why?: string } {
  switch (cond.kind) {
    case 'ua':
      return { ok: cond.values.some((v) => v.toLowerCase() === env.ua.toLowerCase()) };
    case 'network':
      return { ok: cond.values.includes(env.network) };
    case 'blf': {
      const key = env.ctx.keys[cond.n - 1];
      if (!key) return { ok: false };
      const kind = KEY_KINDS[key.type];
      if (!kind)
        return {
          ok: false,
          why: `key ${cond.n} is a ${key.type} key, which 3CX templates have no <blftype> kind for: {IF blf${cond.n}} is false`,
        };
      const blf = env.tpl.blfTypes.get(kind);
      if (!blf)
        return {
          ok: false,
          why: `key ${cond.n} is a ${key.type} key, but the template's <blftype> has no <${kind}> entry: {IF blf${cond.n}} is false`,
        };
      return { ok: true, key: { n: cond.n, key, kind, blf } };
    }
    case 'var': {
      const v = resolveVariable(cond.name, env)?.value ?? '';
      return { ok: cond.values ? cond.values.includes(v) : v !== '' };
    }
  }
}

class RenderFailure extends Error {}

export function renderBody(tpl: ThreeCxTemplate, nodes: BodyNode[], env: ThreeCxEnv, escape: 'xml' | 'none'): RenderOutput {
  const out: string[] = [];
  const segs: Segment[] = [];
  const issues: RenderIssue[] = [];
  let length = 0;
  const file = tpl.file;
  const issue = (
    s: number,
    e: number,
    code: import('../problems/registry').ProblemCode,
    message: string,
    severity: 'error' | 'warning' = 'warning',
  ) => {
    issues.push({ file, srcStart: s, srcEnd: e, rootStart: s, rootEnd: e, severity, code, message });
  };
  const write = (text: string, s: number, e: number, literal: boolean) => {
    if (!text) return;
    if (length + text.length > MAX_OUTPUT) {
      issue(s, e, 'render-limit', `output exceeds ${MAX_OUTPUT / 1024 / 1024} MB`, 'error');
      throw new RenderFailure();
    }
    const last = segs[segs.length - 1];
    if (literal && last?.literal && last.outEnd === length && last.srcEnd === s) {
      last.outEnd += text.length;
      last.srcEnd += text.length;
      last.rootEnd = last.srcEnd;
    } else segs.push({ outStart: length, outEnd: length + text.length, file, srcStart: s, srcEnd: e, literal, rootStart: s, rootEnd: e });
    out.push(text);
    length += text.length;
  };
  const value = (r: VarRef, env: ThreeCxEnv) => {
    const res = resolveVariable(r.name, env);
    if (!res) return; // unknown: reported by the static check, renders empty
    if (res.unset) issue(r.start, r.end, 'threecx-unset', res.unset);
    let v = res.value;
    if (escape === 'xml') v = escapeXml(v);
    else if (/[\r\n]/.test(v)) {
      issue(
        r.start,
        r.end,
        'value-newline',
        `the value of '%%${r.name}%%' contains a line break, which would start a new key in this key = value file`,
        'error',
      );
      throw new RenderFailure();
    }
    write(v, r.start, r.end, false);
  };
  const walk = (list: BodyNode[], env: ThreeCxEnv) => {
    for (const n of list) {
      if (n.kind === 'text') {
        let pos = n.start;
        for (const r of n.refs) {
          write(tpl.text.slice(pos, r.start), pos, r.start, true);
          value(r, env);
          pos = r.end;
        }
        write(tpl.text.slice(pos, n.end), pos, n.end, true);
        continue;
      }
      if (n.kind === 'set') {
        env.sets.set(n.name, n.value);
        continue;
      }
      block(n, env);
    }
  };
  const block = (b: IfBlock, env: ThreeCxEnv) => {
    const r = evaluate(b.cond, env);
    if (r.why) issue(b.tagStart, b.tagEnd, 'threecx-blftype', r.why);
    if (r.ok) walk(b.then, r.key ? { ...env, key: r.key } : env);
    else if (b.else) walk(b.else, env);
  };
  let failed = false;
  for (const note of env.notes) issue(note.start, note.end, note.code, note.message);
  try {
    walk(nodes, env);
  } catch (e) {
    failed = true;
    if (!(e instanceof RenderFailure)) issue(0, 0, 'render-error', `internal render error: ${(e as Error).message}`, 'error');
  }
  return { text: out.join(''), map: new SourceMap(file, segs), issues, failed };
}

/**
 * The file name a deviceconfig answers for a phone (`%%mac_address%%.cfg` → `805e0c112233.cfg`): its
 * `<filename><model name=… filename=…>` entry for the phone's model when it has one, else its filename.
 */
export function configFilename(dc: string | DeviceConfig, env: ThreeCxEnv): string {
  const pattern = typeof dc === 'string' ? dc : (dc.modelFilenames.get(env.model.label.trim().toLowerCase()) ?? dc.filename);
  return pattern.replace(/%%([^%]+)%%/g, (m, name: string) => resolveVariable(name, env)?.value ?? m).replace(/^\/+/, '');
}
