// The workspace model: bench file, vendor profiles and template set, and rendering on top of them.
// Everything else (CLI, language server, dev server, preview) calls this. Templates come in dialects
// (dialect.ts): Handlebars `*.hbs` and 3CX `*.ph.xml`; the workspace picks the dialect serving a phone.
import { normaliseBenchFile, parseBench, type ParsedBench } from './bench/parse';
import { handlebarsDialect, handlebarsRoute, TEMPLATES_DIR, type RenderOptions, type TemplateDialect } from './dialect';
import type { FileSource } from './files';
import { parseTemplate, type TemplateSyntaxError } from './render/parse';
import { partialNamesIn } from './render/partials';
import type { RenderIssue, RenderLimits, TemplateSource } from './render/interpreter';
import type { SourceMap } from './render/sourcemap';
import type { Phone, Problem } from './types';
import { LineIndex } from './util/text';
import { FORMATS } from './vendors/formats';
import { getProfile, matchRoutes, modelLookup, parseUserAgent, type RouteDef, type VendorProfile } from './vendors';
import type { OutputFormat } from './vendors/types';
import { normaliseMac } from './bench/mac';
import { threeCxDialect } from './threecx/dialect';
import { buildContext, serverUrl, type RenderContext, type ServerAddress } from './context';
import type { Bench } from './types';

export { TEMPLATES_DIR } from './dialect';
export type { DialectId, RenderOptions, TemplateDialect } from './dialect';

/** The dialects, in the order they claim files and try requests. */
export const DIALECTS: TemplateDialect[] = [threeCxDialect, handlebarsDialect];

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

export interface WorkspaceOptions {
  /** The bench file, workspace-relative (default `bench.yaml`; see normaliseBenchFile). */
  benchFile?: string;
}

export class Workspace {
  /** The bench file this workspace reads (workspace-relative, forward slashes). */
  readonly benchFile: string;
  private benchCache?: { text: string; parsed: ParsedBench };
  private lastGoodBench?: ParsedBench;
  private templateCache = new Map<string, { text: string; loaded: LoadedTemplate }>();
  private memoGen?: number;
  private memos = new Map<unknown, Map<string, unknown>>();
  private address?: ServerAddress;
  private addressEpoch = 0;
  /** The render budget of this front end (CLI `--render-budget`, the dev server, the editor); RenderOptions.limits wins. */
  renderLimits: Partial<RenderLimits> = {};

  constructor(
    readonly files: FileSource,
    opts: WorkspaceOptions = {},
  ) {
    this.benchFile = normaliseBenchFile(opts.benchFile);
    files.watch?.(this.benchFile);
  }

  /**
   * `compute()` once per files generation (inside FileSource.snapshot(): see DiskFiles) for an owner (a
   * phone, or a string) and key; computed on every call where the source has no generation. Results
   * are shared: callers must not mutate them.
   */
  memo<T>(owner: unknown, key: string, compute: () => T): T {
    const gen = this.files.generation?.();
    if (gen === undefined) return compute();
    if (gen !== this.memoGen) {
      this.memos.clear();
      this.memoGen = gen;
    }
    let m = this.memos.get(owner);
    if (!m) this.memos.set(owner, (m = new Map()));
    if (m.has(key)) return m.get(key) as T;
    const v = compute();
    m.set(key, v);
    return v;
  }

  // ---- the server phones reach ----
  /**
   * Where phones really reach the dev server when it differs from the bench file: set by the running dev
   * server (its real port and scheme), the CLI's `--host/--port/--url`, or the editor when its dev server
   * runs. Every render sees it through `{{server.url}}`; undefined: the bench alone decides.
   */
  setServerAddress(address: ServerAddress | undefined): boolean {
    const next = address && Object.values(address).some((v) => v !== undefined) ? { ...address } : undefined;
    if (JSON.stringify(next) === JSON.stringify(this.address)) return false;
    this.address = next;
    this.addressEpoch++;
    this.memos.clear();
    return true;
  }

  get serverAddress(): ServerAddress | undefined {
    return this.address ? { ...this.address } : undefined;
  }

  /** Changes whenever something every render depends on, beside the files, changes (the server address). */
  get renderEpoch(): number {
    return this.addressEpoch;
  }

  /** The base URL phones use (`{{server.url}}`): the address override, else the bench file. */
  serverUrl(bench: Bench = this.servingBench().parsed.bench): string {
    return serverUrl(bench, this.address);
  }

  /** The data a template sees when rendered for a phone: the same for every dialect and front end. */
  renderContext(bench: Bench, phone: Phone): RenderContext {
    return buildContext(bench, phone, this.address);
  }

  // ---- bench ----
  parsedBench(): ParsedBench {
    const file = this.benchFile;
    const text = this.files.read(file);
    if (text === undefined) {
      const missing = parseBench('phones: []\n', modelLookup, file);
      missing.problems.push({
        file,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'bench-missing',
        message: file.includes('/') ? `no bench file ${file} in the workspace` : `no ${file} at the workspace root`,
      });
      missing.hasErrors = true;
      return missing;
    }
    if (this.benchCache?.text !== text) {
      const parsed = parseBench(text, modelLookup, file);
      const encoding = this.encodingProblem(file);
      if (encoding) {
        parsed.problems.unshift(encoding);
        parsed.hasErrors = true;
      }
      this.benchCache = { text, parsed };
      if (!parsed.hasErrors) this.lastGoodBench = parsed;
    }
    return this.benchCache.parsed;
  }

  /**
   * Takes a bench parsed elsewhere (another thread) for the bench file's `text`: parsedBench() returns it while
   * the file holds that text, without parsing it again (a large bench costs seconds and ~80 MB per parse).
   */
  adoptBench(text: string, parsed: ParsedBench): void {
    this.benchCache = { text, parsed };
    if (!parsed.hasErrors) this.lastGoodBench = parsed;
  }

  /** The bench to serve from: the current one, or the last one without errors when the current is broken. */
  servingBench(): { parsed: ParsedBench; stale: boolean } {
    const cur = this.parsedBench();
    if (cur.hasErrors && this.lastGoodBench) return { parsed: this.lastGoodBench, stale: true };
    return { parsed: cur, stale: false };
  }

  get phones(): Phone[] {
    return this.parsedBench().bench.phones;
  }

  findPhone(query: string, phones = this.phones): Phone | undefined {
    const mac = normaliseMac(query);
    return (
      phones.find((p) => (mac && p.mac === mac) || p.name === query) ?? phones.find((p) => p.name.toLowerCase() === query.toLowerCase())
    );
  }

  // ---- templates ----
  /** Every template file: Handlebars `*.hbs` (partials included) and 3CX `*.ph.xml` / `*.fxs.xml`. */
  templateFiles(): string[] {
    return this.memo('', 'templateFiles', () => this.files.list(TEMPLATES_DIR).filter((f) => DIALECTS.some((d) => d.claims(f))));
  }

  /** The dialect a template file is written in (undefined for other files). */
  dialectOf(file: string): TemplateDialect | undefined {
    return DIALECTS.find((d) => d.claims(file));
  }

  /**
   * The template a phone asks for with its `vars.template` (workspace path): `3cx/yealink-t5x` →
   * `templates/3cx/yealink-t5x.ph.xml`; `handlebars` (or `hbs`) pins the phone to the Handlebars templates.
   */
  requestedTemplate(phone: Phone): string | undefined {
    const t = phone.vars?.template;
    if (typeof t !== 'string' || !t.trim()) return undefined;
    const v = t.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    if (v === 'handlebars' || v === 'hbs') return v;
    const path = v.startsWith(`${TEMPLATES_DIR}/`) ? v : `${TEMPLATES_DIR}/${v}`;
    return /\.(ph|fxs)\.xml$|\.hbs$/i.test(path) ? path : `${path}.ph.xml`;
  }

  /**
   * Which dialect serves a phone. Precedence: the phone's `vars.template` (a 3CX template, or
   * `handlebars`); else Handlebars when a Handlebars template answers any of the phone's vendor
   * routes; else the first 3CX template (by path) listing the phone's model; else Handlebars
   * (its routes then show "no template").
   */
  servingDialect(phone: Phone): TemplateDialect {
    return this.memo(phone, 'dialect', () => this.findServingDialect(phone));
  }

  private findServingDialect(phone: Phone): TemplateDialect {
    const named = this.requestedTemplate(phone);
    if (named) return this.dialectOf(named) ?? handlebarsDialect;
    const profile = getProfile(phone.vendor);
    if (profile?.routes.some((r) => handlebarsRoute(this, phone, profile, r)?.template)) return handlebarsDialect;
    if (threeCxDialect.routesFor(this, phone)) return threeCxDialect;
    return handlebarsDialect;
  }

  isPartial(file: string): boolean {
    return /(^|\/)partials\//.test(file);
  }

  /** A Handlebars template, parsed (undefined when absent or not a Handlebars file: see dialectOf). */
  loadTemplate(file: string): LoadedTemplate | undefined {
    if (!handlebarsDialect.claims(file)) return undefined;
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
    return this.memo(fromFile, `partial\0${name}`, () => this.findPartialFile(name, fromFile));
  }

  private findPartialFile(name: string, fromFile: string): string | undefined {
    for (const base of this.partialCandidates(name, fromFile)) {
      const dir = base.slice(0, base.lastIndexOf('/'));
      const hit = this.files
        .list(dir)
        .find((f) => f.slice(dir.length + 1).split('.')[0] === name && f.endsWith('.hbs') && !f.slice(dir.length + 1).includes('/'));
      if (hit) return hit;
    }
    return undefined;
  }

  /** Names of the partials a template can include. */
  partialNames(fromFile: string): { name: string; file: string }[] {
    const out = new Map<string, string>();
    const vendor = this.vendorOf(fromFile);
    for (const dir of [`${TEMPLATES_DIR}/partials`, ...(vendor ? [`${TEMPLATES_DIR}/${vendor}/partials`] : [])]) {
      for (const f of this.files.list(dir))
        if (f.endsWith('.hbs') && !f.slice(dir.length + 1).includes('/')) out.set(f.slice(dir.length + 1).split('.')[0], f);
    }
    return [...out].map(([name, file]) => ({ name, file }));
  }

  /** A file that is not valid UTF-8, as a problem at its first replacement character (the byte offset in the message). */
  encodingProblem(file: string): Problem | undefined {
    const byte = this.files.encodingError?.(file);
    if (byte === undefined) return undefined;
    const text = this.files.read(file) ?? '';
    const at = Math.max(0, text.indexOf('\ufffd'));
    const range = new LineIndex(text).range(at, at + 1);
    return {
      file,
      range,
      severity: 'error',
      code: 'invalid-utf8',
      message: `not valid UTF-8 at byte ${byte}: it reads as U+FFFD (\ufffd) here and would be sent so; save the file as UTF-8`,
    };
  }

  // ---- the partial-include graph ----
  /** The partials a template calls, each with the file it resolves to from there (undefined: missing). */
  partialIncludes(file: string): { name: string; file?: string }[] {
    const loaded = this.loadTemplate(file);
    if (!loaded?.ok) return [];
    return partialNamesIn(loaded.source.ast).map((name) => ({ name, file: this.resolvePartialFile(name, file) }));
  }

  /** Every partial file a template reaches, directly or through other partials, each once. */
  partialsReachedFrom(file: string): string[] {
    const seen = new Set<string>();
    const visit = (f: string) => {
      for (const inc of this.partialIncludes(f))
        if (inc.file && !seen.has(inc.file)) {
          seen.add(inc.file);
          visit(inc.file);
        }
    };
    visit(file);
    return [...seen];
  }

  /** The non-partial templates that include a partial, directly or through other partials. */
  templatesIncluding(partial: string): string[] {
    return this.memo(partial, 'includedBy', () =>
      this.templateFiles().filter((f) => !this.isPartial(f) && this.handlebars(f) && this.partialsReachedFrom(f).includes(partial)),
    );
  }

  private handlebars(file: string): boolean {
    return handlebarsDialect.claims(file);
  }

  // ---- routes ----
  /** Every file a phone requests, in boot order, with the template that answers each (from the dialect serving it). */
  routesFor(phone: Phone): RouteResolution[] {
    return this.memo(phone, 'routes', () => this.servingDialect(phone).routesFor(this, phone) ?? []);
  }

  /** One vendor route of a Handlebars-served phone (resolveRequest: only the matched route, each route costs file lookups). */
  routeFor(phone: Phone, profile: VendorProfile, route: RouteDef): RouteResolution | undefined {
    if (this.servingDialect(phone) !== handlebarsDialect) return undefined;
    return handlebarsRoute(this, phone, profile, route);
  }

  /** Bench phones a template file serves, with the route it answers for each. */
  phonesForTemplate(file: string): RouteResolution[] {
    return this.phones.flatMap((p) => this.routesFor(p).filter((r) => r.template === file));
  }

  /** Which phone, route and template answer a request. Explicit so `routes` and the request log can show why. */
  resolveRequest(path: string, client: { userAgent?: string; ip?: string; phones?: Phone[] } = {}): RequestResolution {
    const phones = client.phones ?? this.phones;
    for (const d of DIALECTS) {
      const hit = d.resolveRequest?.(this, path, { userAgent: client.userAgent, ip: client.ip, phones });
      if (hit) return hit;
    }
    const matches = matchRoutes(path);
    if (!matches.length) return { ok: false, status: 404, reason: `no vendor requests a file named '${path}'` };
    let lastMiss: RequestResolution | undefined;
    const uaMac = parseUserAgent(client.userAgent)?.mac; // the vendor's parser: a serial number is never a MAC
    for (const m of matches) {
      let phone: Phone | undefined;
      let reason: string;
      if (m.mac) {
        phone = phones.find((p) => p.mac === m.mac && p.vendor === m.profile.id);
        reason = 'MAC in the path';
        if (!phone) {
          lastMiss ??= { ok: false, status: 404, reason: 'unknown MAC', route: m.route };
          continue;
        }
      } else {
        const candidates = phones.filter((p) => p.vendor === m.profile.id && (!m.models || m.models.some((md) => md.id === p.model)));
        phone = (uaMac && candidates.find((p) => p.mac === uaMac)) || undefined;
        reason = 'MAC in the User-Agent';
        if (!phone && client.ip) {
          phone = candidates.find((p) => p.ip === client.ip);
          reason = 'client IP in the bench';
        }
        if (!phone) {
          phone = candidates[0];
          reason = `first bench phone of the ${m.models ? 'model' : 'vendor'} (common file)`;
        }
        if (!phone) {
          lastMiss ??= { ok: false, status: 404, reason: `no ${m.profile.label} phone on the bench for this file`, route: m.route };
          continue;
        }
      }
      const res = this.routeFor(phone, m.profile, m.route); // only the matched route: each route costs file lookups
      if (!res?.template) {
        lastMiss = { ok: false, status: 404, reason: 'no template for this file', route: m.route, tried: res?.tried };
        continue;
      }
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
  render(file: string, phone: Phone, opts: RenderOptions = {}): RenderResult {
    return (this.dialectOf(file) ?? handlebarsDialect).render(this, file, phone, opts);
  }

  /** The NOTIFY event for a phone: its 3CX template's <resyncParams>/<rebootParams> event, else undefined (use the vendor's). */
  notifyEventFor(phone: Phone, reboot = false): string | undefined {
    return this.servingDialect(phone).notifyEvent?.(this, phone, reboot);
  }
}
