// Template dialects: Handlebars (`*.hbs`, routes from the vendor profile) and 3CX (`*.ph.xml`,
// routes from the template's own <deviceconfig filename>). The workspace asks the dialect that owns a
// file to render and check it, and the dialect serving a phone for its routes; which dialect serves a
// phone is the workspace's precedence rule (Workspace.servingDialect).
import type { SchemaNode } from './bench/schema';
import type { ParsedBench } from './bench/parse';
import { checkTemplateStatic } from './analysis/templateCheck';
import { renderProgram, type RenderLimits } from './render/interpreter';
import type { SourceMap } from './render/sourcemap';
import type { Bench, Phone, Problem } from './types';
import { getProfile, routePath, type RouteDef, type VendorProfile } from './vendors';
import type { OutputFormat } from './vendors/types';
import type { TemplateSyntaxError } from './render/parse';
import type { RenderResult, RequestResolution, RouteResolution, Workspace } from './workspace';

export type DialectId = 'handlebars' | '3cx';

export interface RenderOptions {
  /** The route being answered; a 3CX route also names its deviceconfig. */
  route?: RouteDef;
  /** Which `<deviceconfig>` of a 3CX template (0-based) when no route is given (default: the phone's first). */
  deviceconfig?: number;
  bench?: ParsedBench;
  /** Render despite template-level syntax errors that do not stop rendering (a 3CX {IF} without {ENDIF}), for `check`. */
  lenient?: boolean;
  /** The render budget (steps, wall-clock ms, output size); default DEFAULT_LIMITS (1 s). */
  limits?: Partial<RenderLimits>;
}

export interface TemplateDialect {
  readonly id: DialectId;
  /** Whether a workspace file (under templates/) is a template of this dialect. */
  claims(file: string): boolean;
  /** Every file the dialect answers for a phone, in boot order; undefined when it does not serve the phone. */
  routesFor(ws: Workspace, phone: Phone): RouteResolution[] | undefined;
  /** Renders one of its template files for a phone. */
  render(ws: Workspace, file: string, phone: Phone, opts: RenderOptions): RenderResult;
  /**
   * What to check and preview a template with when no bench phone's route answers with it (a file the
   * vendor never requests, a 3CX template no phone selects): phones it could serve, with the route
   * whose format fits. Empty when none.
   */
  fallbackTargets(ws: Workspace, file: string, bench: Bench): RenderTarget[];
  /** Problems found without rendering (syntax, unknown names), located in the file. */
  checkStatic(ws: Workspace, file: string, schema: SchemaNode | undefined): Problem[];
  /** A request this dialect answers (phone, route, template), or undefined to let the next dialect try. */
  resolveRequest?(ws: Workspace, path: string, client: { userAgent?: string; ip?: string; phones: Phone[] }): RequestResolution | undefined;
  /** The NOTIFY event the template defines for a phone it serves (3CX <resyncParams>/<rebootParams>). */
  notifyEvent?(ws: Workspace, phone: Phone, reboot: boolean): string | undefined;
  /**
   * The part of a template's text its routes depend on (3CX: its models and deviceconfig file names), for
   * editors to know when an edit changes routing; absent when routes depend only on which files exist.
   */
  routingKey?(text: string): string;
}

/** A phone a template is checked and previewed for, with the route (or 3CX deviceconfig) it answers. */
export interface RenderTarget {
  phone: Phone;
  route?: RouteDef;
  /** 3CX: which `<deviceconfig>` when there is no route. */
  deviceconfig?: number;
  /** True when no route of the phone answers with the template (see TemplateDialect.fallbackTargets). */
  fallback?: boolean;
}

export const TEMPLATES_DIR = 'templates';

export function emptyMap(file: string): SourceMap {
  return { rootFile: file, segments: [], lookup: () => undefined } as unknown as SourceMap;
}

/** A render that produced nothing: the template is missing, cannot be parsed, or has no such part. At 1:1 unless ranged. */
export function failedRender(
  file: string,
  format: OutputFormat,
  route: RouteDef | undefined,
  error: Omit<TemplateSyntaxError, 'range'> & { range?: TemplateSyntaxError['range'] },
): RenderResult {
  const range = error.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { text: '', map: emptyMap(file), issues: [], failed: true, format, route, syntaxError: { ...error, range } };
}

/** One vendor route for a phone: its path and the Handlebars template answering it (model folder first). */
export function handlebarsRoute(ws: Workspace, phone: Phone, profile: VendorProfile, route: RouteDef): RouteResolution | undefined {
  const path = routePath(profile, route, phone);
  if (!path) return undefined;
  const tried = [`${TEMPLATES_DIR}/${profile.id}/${phone.model}/${route.template}`, `${TEMPLATES_DIR}/${profile.id}/${route.template}`];
  const template = tried.find((t) => ws.files.read(t) !== undefined);
  return { phone, profile, route, path, template, tried };
}

/** Handlebars templates: `templates/<vendor>/[<model>/]<route template>.hbs`, partials beside them. */
export const handlebarsDialect: TemplateDialect = {
  id: 'handlebars',
  claims: (file) => file.endsWith('.hbs'),

  routesFor(ws, phone) {
    const profile = getProfile(phone.vendor);
    if (!profile) return undefined;
    const out: RouteResolution[] = [];
    for (const route of profile.routes) {
      const r = handlebarsRoute(ws, phone, profile, route);
      if (r) out.push(r);
    }
    return out;
  },

  render(ws, file, phone, opts) {
    const profile = getProfile(phone.vendor);
    const route = opts.route ?? handlebarsDialect.routesFor(ws, phone)?.find((r) => r.template === file)?.route;
    const format = ws.formatFor(file, route, profile);
    const loaded = ws.loadTemplate(file);
    if (!loaded) return failedRender(file, format, route, { code: 'hbs-syntax', message: `template ${file} not found` });
    if (!loaded.ok) return failedRender(file, format, route, loaded.error);
    const bench = (opts.bench ?? ws.parsedBench()).bench;
    const out = renderProgram(loaded.source, ws.renderContext(bench, phone), {
      escape: format.escape,
      resolvePartial: (name, from) => {
        const f = ws.resolvePartialFile(name, from);
        if (!f) return undefined;
        const p = ws.loadTemplate(f);
        if (!p) return undefined;
        return p.ok ? p.source : `syntax error in ${f} at line ${p.error.range.start.line + 1}: ${p.error.message}`;
      },
      limits: { ...ws.renderLimits, ...opts.limits },
    });
    return { ...out, format, route };
  },

  // the first phone of the template's vendor, with the vendor format of a route of the same file type
  fallbackTargets(ws, file, bench) {
    const vendor = ws.vendorOf(file);
    if (!vendor || ws.isPartial(file)) return [];
    const phone = bench.phones.find((p) => p.vendor === vendor);
    if (!phone) return [];
    const ext = file.replace(/^.*?(\.[a-z]+\.hbs)$/, '$1');
    const like = getProfile(phone.vendor)?.routes.find((r) => r.template.endsWith(ext));
    return [{ phone, route: like ? ({ ...like, template: file, fileKind: undefined } as unknown as RouteDef) : undefined, fallback: true }];
  },

  checkStatic(ws, file, schema) {
    const loaded = ws.loadTemplate(file);
    if (!loaded) return [];
    if (!loaded.ok) {
      const e = loaded.error;
      return [
        {
          file,
          range: e.range,
          severity: 'error',
          code: e.code,
          message: e.message,
          related: e.related ? [{ file, range: e.related.range, message: e.related.message }] : undefined,
        },
      ];
    }
    if (ws.isPartial(file)) return [];
    return checkTemplateStatic(ws, file, schema);
  },
};
