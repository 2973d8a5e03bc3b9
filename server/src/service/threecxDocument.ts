// What the 3CX features share about a `.ph.xml` document: its bodies found from the text alone (so a
// template being edited into broken XML still completes and folds), the parsed envelope (the last good
// one while the XML is broken), the bench phones it renders for, their 3CX variable environment, and
// the vendor key catalog of each deviceconfig.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getCatalog } from '../core/catalog/catalogs';
import type { OutputFormatId } from '../core/catalog/output';
import type { KeyCatalog } from '../core/catalog/types';
import { parseBody, parseCondition, type Condition, type ParsedBody } from '../core/threecx/body';
import { isThreeCxRoute, loadThreeCx, type ThreeCxRoute } from '../core/threecx/dialect';
import type { ThreeCxTemplate } from '../core/threecx/envelope';
import { modelForPhone, templateVendor, vendorNamed } from '../core/threecx/match';
import { buildEnv, evaluate, type ThreeCxEnv } from '../core/threecx/render';
import type { Phone } from '../core/types';
import { getProfile, matchRoutes, type RouteDef, type VendorProfile } from '../core/vendors';
import type { ServiceContext } from './context';

/** One `<deviceconfig>` body located in the text. */
export interface BodyRange {
  index: number;
  filename: string;
  /** Offsets of the body (CDATA content) and of the `<deviceconfig …>` start tag. */
  start: number;
  end: number;
  tagStart: number;
  tagEnd: number;
  parsed: ParsedBody;
}

export interface ThreeCxDoc {
  path: string;
  text: string;
  /** The parsed envelope: the current one, else the last good one (offsets may be off), else none. */
  tpl?: ThreeCxTemplate;
  /** Whether `tpl` is the current text's. */
  current: boolean;
  bodies: BodyRange[];
  profile?: VendorProfile;
}

/** A phone to render the template for, and which deviceconfig (route when the template serves the phone). */
export interface Target {
  phone: Phone;
  deviceconfig: number;
  route?: RouteDef;
  path?: string;
}

const bodyCache = new Map<string, { text: string; bodies: BodyRange[] }>();
const lastGood = new WeakMap<ServiceContext, Map<string, ThreeCxTemplate>>();

/** The `<deviceconfig>` bodies of a template text, by a text scan (works on broken XML). */
export function scanBodies(text: string): BodyRange[] {
  const out: BodyRange[] = [];
  const re = /<deviceconfig\b([^>]*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const tagStart = m.index;
    const tagEnd = m.index + m[0].length;
    if (m[0].endsWith('/>')) continue;
    const filename = /\bfilename\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1]);
    const lead = /^\s*<!\[CDATA\[/.exec(text.slice(tagEnd, tagEnd + 200));
    let start: number, end: number;
    if (lead) {
      start = tagEnd + lead[0].length;
      end = text.indexOf(']]>', start);
    } else {
      start = tagEnd;
      end = text.indexOf('</deviceconfig', start);
    }
    if (end < 0) end = text.length;
    out.push({
      index: out.length,
      filename: filename?.[1] ?? filename?.[2] ?? '',
      start,
      end,
      tagStart,
      tagEnd,
      parsed: parseBody(text, start, end),
    });
    re.lastIndex = Math.max(re.lastIndex, end);
  }
  return out;
}

/** The document's 3CX state (syncs the buffer into the workspace first). */
export function threeCxDoc(ctx: ServiceContext, doc: TextDocument): ThreeCxDoc {
  const { path } = ctx.sync(doc);
  const text = doc.getText();
  let hit = bodyCache.get(path);
  if (!hit || hit.text !== text) {
    if (bodyCache.size > 50) bodyCache.clear();
    hit = { text, bodies: scanBodies(text) };
    bodyCache.set(path, hit);
  }
  const loaded = loadThreeCx(ctx.ws, path)?.loaded;
  let goods = lastGood.get(ctx);
  if (!goods) lastGood.set(ctx, (goods = new Map()));
  let tpl: ThreeCxTemplate | undefined;
  let current = false;
  if (loaded?.ok) {
    tpl = loaded.template;
    current = true;
    goods.set(path, tpl);
  } else tpl = goods.get(path);
  return { path, text, tpl, current, bodies: hit.bodies, profile: vendorOf(tpl, text) };
}

function vendorOf(tpl: ThreeCxTemplate | undefined, text: string): VendorProfile | undefined {
  if (tpl) return templateVendor(tpl);
  for (const m of text.matchAll(/<model\b[^>]*\bua\s*=\s*"([^"]*)"/g)) {
    const v = vendorNamed(m[1]);
    if (v) return getProfile(v);
  }
  return undefined;
}

export function bodyAt(d: ThreeCxDoc, offset: number): BodyRange | undefined {
  return d.bodies.find((b) => offset >= b.start && offset <= b.end);
}

export interface OpenIf {
  cond: Condition | undefined;
  raw: string;
  inElse: boolean;
  tagStart: number;
  tagEnd: number;
}

const DIRECTIVE = /^([ \t]*)\{(IF\b[^}\r\n]*|ELSE|ENDIF)\}[ \t]*\r?$/;

/** The `{IF}` blocks open at `offset` (outermost first), from the body's start to the line before the cursor. */
export function openIfsAt(text: string, body: BodyRange, offset: number): OpenIf[] {
  const stack: OpenIf[] = [];
  const stop = text.lastIndexOf('\n', offset - 1) + 1;
  let pos = body.start;
  while (pos < stop) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl >= stop) nl = stop - 1;
    const line = text.slice(pos, nl);
    const d = DIRECTIVE.exec(line);
    if (d) {
      const word = d[2];
      const tagStart = pos + d[1].length;
      if (word.startsWith('IF'))
        stack.push({ cond: parseCondition(word.slice(2)), raw: word, inElse: false, tagStart, tagEnd: tagStart + word.length + 2 });
      else if (word === 'ELSE') {
        if (stack.length) stack[stack.length - 1].inElse = true;
      } else stack.pop();
    }
    pos = nl + 1;
  }
  return stack;
}

/** The key N the per-key variables refer to at a place (`{IF blfN}` then-branch), or undefined. */
export function blfScope(open: OpenIf[]): number | undefined {
  for (let i = open.length - 1; i >= 0; i--) {
    const c = open[i].cond;
    if (c?.kind === 'blf' && !open[i].inElse) return c.n;
  }
  return undefined;
}

/**
 * What the template renders for: the phones it serves (each of their routes), else bench phones one of its
 * models matches (each deviceconfig).
 */
export function targets(ctx: ServiceContext, d: ThreeCxDoc): { targets: Target[]; served: boolean } {
  const served = ctx.served(d.path).filter((r) => isThreeCxRoute(r.route));
  if (served.length)
    return {
      served: true,
      targets: served.map((r) => ({ phone: r.phone, route: r.route, path: r.path, deviceconfig: (r.route as ThreeCxRoute).deviceconfig })),
    };
  const tpl = d.tpl;
  if (!tpl) return { served: false, targets: [] };
  const phones = ctx.bench().bench.phones.filter((p) => modelForPhone(tpl, p));
  return { served: false, targets: phones.flatMap((phone) => tpl.configs.map((c) => ({ phone, deviceconfig: c.index }))) };
}

/**
 * The phone whose values hover shows: the selected one when the template renders for it, else the first it
 * renders for, else the first of its vendor.
 */
export function phoneFor(ctx: ServiceContext, d: ThreeCxDoc): Phone | undefined {
  const phones = ctx.bench().bench.phones;
  const list = targets(ctx, d).targets.map((t) => t.phone);
  const selected = ctx.settings.phone ? ctx.ws.findPhone(ctx.settings.phone, phones) : undefined;
  if (selected && list.includes(selected)) return selected;
  return list[0] ?? (d.profile ? phones.find((p) => p.vendor === d.profile!.id) : undefined);
}

/** The 3CX variable environment of a phone (with key N in scope inside `{IF blfN}`). */
export function envFor(ctx: ServiceContext, tpl: ThreeCxTemplate, phone: Phone, blf?: number): ThreeCxEnv {
  const model = modelForPhone(tpl, phone) ?? tpl.models[0] ?? { label: '', start: 0, end: 0 };
  const env = buildEnv(tpl, ctx.ws.renderContext(ctx.bench().bench, phone), model);
  if (blf !== undefined) {
    const r = evaluate({ kind: 'blf', n: blf }, env);
    if (r.key) env.key = r.key;
  }
  return env;
}

export interface BodyCatalog {
  catalog: KeyCatalog;
  format: OutputFormatId;
  xml: boolean;
  vendor: string;
}

/** The vendor key catalog and output format of a deviceconfig (from its file name and the template's vendor). */
export function catalogForBody(ctx: ServiceContext, d: ThreeCxDoc, body: BodyRange): BodyCatalog | undefined {
  const profile = d.profile;
  if (!profile) return undefined;
  let format: string | undefined = targets(ctx, d).targets.find((t) => t.deviceconfig === body.index && t.route)?.route?.format;
  if (!format) {
    const concrete = body.filename
      .replace(/%%mac_address%%/gi, '001565000000')
      .replace(/%%[^%]*%%/g, 'x')
      .replace(/^\/+/, '');
    format = matchRoutes(concrete).find((m) => m.profile.id === profile.id)?.route.format;
    const ext = /\.[^./]+$/.exec(concrete)?.[0].toLowerCase();
    format ??= ext ? profile.routes.find((r) => r.path.toLowerCase().endsWith(ext))?.format : undefined;
  }
  const catalog = getCatalog(profile.id);
  if (!catalog || !format || format === 'xml' || format === 'text' || !getProfile(profile.id)?.formats[format as OutputFormatId])
    return undefined;
  return { catalog, format: format as OutputFormatId, xml: format.endsWith('xml'), vendor: profile.id };
}

/**
 * The text with every `%%name%%` written as `{{name}}` of the same length, so the Handlebars host-text
 * helpers (keys with expressions in them) read 3CX bodies with unchanged offsets.
 */
export function asMustaches(text: string): string {
  return text.replace(/%%([A-Za-z_][\w.:]*)%%/g, (_m, n: string) => `{{${n}}}`);
}
