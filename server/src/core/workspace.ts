// The workspace model: bench file, vendor profiles and template set, and rendering on top of them.
// Everything else (CLI, language server, dev server, preview) calls this.
import { BENCH_FILE, parseBench, type ParsedBench } from './bench/parse';
import { buildContext } from './context';
import type { FileSource } from './files';
import { parseTemplate, type TemplateSyntaxError } from './render/parse';
import { renderProgram, type RenderIssue, type TemplateSource } from './render/interpreter';
import type { SourceMap } from './render/sourcemap';
import type { Phone } from './types';
import { LineIndex } from './util/text';
import { FORMATS } from './vendors/formats';
import { getProfile, matchRoutes, modelLookup, routePath, type RouteDef, type VendorProfile } from './vendors';
import type { OutputFormat } from './vendors/types';
import { normaliseMac } from './bench/mac';

export const TEMPLATES_DIR = 'templates';

export type LoadedTemplate = { ok: true; source: TemplateSource } | { ok: false; error: TemplateSyntaxError; text: string };

export interface RouteResolution {
  phone: Phone;
  profile: VendorProfile;
  route: RouteDef;
  /** The path the phone requests. */
  path: string;
  /** The template that answers, or undefined when none of `tried` exists. */
  template?: string;
  tried: string[];
}

export interface RenderResult {
  text: string;
  map: SourceMap;
  issues: RenderIssue[];
  failed: boolean;
  format: OutputFormat;
  route?: RouteDef;
  /** A syntax error in the template itself (nothing rendered). */
  syntaxError?: TemplateSyntaxError;
}

export type RequestResolution =
  | ({ ok: true; reason: string } & RouteResolution & { template: string })
  | { ok: false; status: 404; reason: string; route?: RouteDef; tried?: string[] };

export class Workspace {
  private benchCache?: { text: string; parsed: ParsedBench };
  private lastGoodBench?: ParsedBench;
  private templateCache = new Map<string, { text: string; loaded: LoadedTemplate }>();

  constructor(readonly files: FileSource) {}

  // ---- bench ----
  parsedBench(): ParsedBench {
    const text = this.files.read(BENCH_FILE);
    if (text === undefined) {
      const missing = parseBench('phones: []\n', modelLookup);
      missing.problems.push({ file: BENCH_FILE, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'bench-missing', message: `no ${BENCH_FILE} at the workspace root` });
      missing.hasErrors = true;
      return missing;
    }
    if (this.benchCache?.text !== text) {
      const parsed = parseBench(text, modelLookup);
      this.benchCache = { text, parsed };
      if (!parsed.hasErrors) this.lastGoodBench = parsed;
    }
    return this.benchCache.parsed;
  }

  /** The bench to serve from: the current one, or the last one without errors when the current is broken. */
  servingBench(): { parsed: ParsedBench; stale: boolean } {
    const cur = this.parsedBench();
    if (cur.hasErrors && this.lastGoodBench) return { parsed: this.lastGoodBench, stale: true };
    return { parsed: cur, stale: false };
  }

  get phones(): Phone[] { return this.parsedBench().bench.phones; }

  findPhone(query: string, phones = this.phones): Phone | undefined {
    const mac = normaliseMac(query);
    return phones.find((p) => (mac && p.mac === mac) || p.name === query) ?? phones.find((p) => p.name.toLowerCase() === query.toLowerCase());
  }

  // ---- templates ----
  templateFiles(): string[] {
    return this.files.list(TEMPLATES_DIR).filter((f) => f.endsWith('.hbs'));
  }

  isPartial(file: string): boolean { return /(^|\/)partials\//.test(file); }

  loadTemplate(file: string): LoadedTemplate | undefined {
    const text = this.files.read(file);
    if (text === undefined) return undefined;
    const hit = this.templateCache.get(file);
    if (hit && hit.text === text) return hit.loaded;
    const parsed = parseTemplate(text);
    const loaded: LoadedTemplate = parsed.ast
      ? { ok: true, source: { file, text, ast: parsed.ast, index: new LineIndex(text) } }
      : { ok: false, error: parsed.error!, text };
    this.templateCache.set(file, { text, loaded });
    return loaded;
  }

  /** Vendor of a template file: the folder below templates/ (undefined for shared partials). */
  vendorOf(file: string): string | undefined {
    const m = /^templates\/([^/]+)\//.exec(file);
    return m && m[1] !== 'partials' && getProfile(m[1]) ? m[1] : undefined;
  }

  /** Partial files visible from a template: its vendor's partials first, then the shared ones. */
  partialCandidates(name: string, fromFile: string): string[] {
    const vendor = this.vendorOf(fromFile);
    const dirs = [...(vendor ? [`${TEMPLATES_DIR}/${vendor}/partials/`] : []), `${TEMPLATES_DIR}/partials/`];
    return dirs.map((d) => `${d}${name}`);
  }

  resolvePartialFile(name: string, fromFile: string): string | undefined {
    for (const base of this.partialCandidates(name, fromFile)) {
      const dir = base.slice(0, base.lastIndexOf('/'));
      const hit = this.files.list(dir).find((f) => f.slice(dir.length + 1).split('.')[0] === name && f.endsWith('.hbs') && !f.slice(dir.length + 1).includes('/'));
      if (hit) return hit;
    }
    return undefined;
  }

  /** Names of the partials a template can include. */
  partialNames(fromFile: string): { name: string; file: string }[] {
    const out = new Map<string, string>();
    const vendor = this.vendorOf(fromFile);
    for (const dir of [`${TEMPLATES_DIR}/partials`, ...(vendor ? [`${TEMPLATES_DIR}/${vendor}/partials`] : [])]) {
      for (const f of this.files.list(dir)) if (f.endsWith('.hbs') && !f.slice(dir.length + 1).includes('/')) out.set(f.slice(dir.length + 1).split('.')[0], f);
    }
    return [...out].map(([name, file]) => ({ name, file }));
  }

  // ---- routes ----
  /** Every file a phone requests, in boot order, with the template that answers each. */
  routesFor(phone: Phone): RouteResolution[] {
    const profile = getProfile(phone.vendor);
    if (!profile) return [];
    const out: RouteResolution[] = [];
    for (const route of profile.routes) {
      const path = routePath(profile, route, phone);
      if (!path) continue;
      const tried = [`${TEMPLATES_DIR}/${profile.id}/${phone.model}/${route.template}`, `${TEMPLATES_DIR}/${profile.id}/${route.template}`];
      const template = tried.find((t) => this.files.read(t) !== undefined);
      out.push({ phone, profile, route, path, template, tried });
    }
    return out;
  }

  /** Bench phones a template file serves, with the route it answers for each. */
  phonesForTemplate(file: string): RouteResolution[] {
    return this.phones.flatMap((p) => this.routesFor(p).filter((r) => r.template === file));
  }

  /** Which phone, route and template answer a request. Explicit so `routes` and the request log can show why. */
  resolveRequest(path: string, client: { userAgent?: string; ip?: string; phones?: Phone[] } = {}): RequestResolution {
    const phones = client.phones ?? this.phones;
    const matches = matchRoutes(path);
    if (!matches.length) return { ok: false, status: 404, reason: `no vendor requests a file named '${path}'` };
    let lastMiss: RequestResolution | undefined;
    for (const m of matches) {
      let phone: Phone | undefined;
      let reason: string;
      if (m.mac) {
        phone = phones.find((p) => p.mac === m.mac && p.vendor === m.profile.id);
        reason = 'MAC in the path';
        if (!phone) { lastMiss ??= { ok: false, status: 404, reason: 'unknown MAC', route: m.route }; continue; }
      } else {
        const candidates = phones.filter((p) => p.vendor === m.profile.id && (!m.models || m.models.some((md) => md.id === p.model)));
        const uaMac = /([0-9a-f]{2}:?){5}[0-9a-f]{2}/i.exec(client.userAgent ?? '')?.[0].replace(/:/g, '').toLowerCase();
        phone = (uaMac && candidates.find((p) => p.mac === uaMac)) || undefined;
        reason = 'MAC in the User-Agent';
        if (!phone && client.ip) { phone = candidates.find((p) => p.ip === client.ip); reason = 'client IP in the bench'; }
        if (!phone) { phone = candidates[0]; reason = `first bench phone of the ${m.models ? 'model' : 'vendor'} (common file)`; }
        if (!phone) { lastMiss ??= { ok: false, status: 404, reason: `no ${m.profile.label} phone on the bench for this file`, route: m.route }; continue; }
      }
      const res = this.routesFor(phone).find((r) => r.route === m.route);
      if (!res?.template) { lastMiss = { ok: false, status: 404, reason: 'no template for this file', route: m.route, tried: res?.tried }; continue; }
      return { ok: true, reason, ...res, template: res.template };
    }
    return lastMiss ?? { ok: false, status: 404, reason: 'not found' };
  }

  // ---- rendering ----
  formatFor(file: string, route?: RouteDef, profile?: VendorProfile): OutputFormat {
    if (route && profile?.formats[route.format]) return profile.formats[route.format]!;
    return /\.xml\.hbs$/.test(file) ? FORMATS.xml : FORMATS.text;
  }

  /** Renders a template for a phone: the same function serves preview, CLI and dev server. */
  render(file: string, phone: Phone, opts: { route?: RouteDef; bench?: ParsedBench } = {}): RenderResult {
    const profile = getProfile(phone.vendor);
    const route = opts.route ?? this.routesFor(phone).find((r) => r.template === file)?.route;
    const format = this.formatFor(file, route, profile);
    const loaded = this.loadTemplate(file);
    const emptyMap = { rootFile: file, segments: [], lookup: () => undefined } as unknown as SourceMap;
    if (!loaded) return { text: '', map: emptyMap, issues: [], failed: true, format, route, syntaxError: { code: 'hbs-syntax', message: `template ${file} not found`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } };
    if (!loaded.ok) return { text: '', map: emptyMap, issues: [], failed: true, format, route, syntaxError: loaded.error };
    const bench = (opts.bench ?? this.parsedBench()).bench;
    const out = renderProgram(loaded.source, buildContext(bench, phone), {
      escape: format.escape,
      resolvePartial: (name, from) => {
        const f = this.resolvePartialFile(name, from);
        if (!f) return undefined;
        const p = this.loadTemplate(f);
        if (!p) return undefined;
        return p.ok ? p.source : `syntax error in ${f} at line ${p.error.range.start.line + 1}: ${p.error.message}`;
      },
    });
    return { ...out, format, route };
  }
}
