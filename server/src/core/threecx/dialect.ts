// The 3CX dialect: `templates/**/*.ph.xml` (and `*.fxs.xml`). A template serves the bench phones one of
// its <models> matches (match.ts); each <deviceconfig filename> is a route for such a phone.
import type { SchemaNode } from '../bench/schema';
import { failedRender, type RenderOptions, type TemplateDialect } from '../dialect';
import type { TemplateSyntaxError } from '../render/parse';
import type { Phone, Problem } from '../types';
import { FORMATS } from '../vendors/formats';
import { getProfile, matchRoutes, type RouteDef, type VendorProfile } from '../vendors';
import type { OutputFormat } from '../vendors/types';
import type { RenderResult, RequestResolution, RouteResolution, Workspace } from '../workspace';
import { parseBody, type ParsedBody } from './body';
import { isThreeCxFile, parseEnvelope, type LoadedThreeCx, type ThreeCxModel, type ThreeCxTemplate } from './envelope';
import { modelForPhone, modelForUserAgent, templateVendorId } from './match';
import { buildEnv, configFilename, renderBody } from './render';
import { checkThreeCxStatic } from './check';

/** A route answered by one `<deviceconfig>` of a 3CX template. */
export interface ThreeCxRoute extends RouteDef {
  dialect: '3cx';
  /** Index of the `<deviceconfig>` in the template (0-based). */
  deviceconfig: number;
  /** The vendor route with the same file name, when the profile has one. */
  vendorRoute?: RouteDef;
}

export const isThreeCxRoute = (r: RouteDef | undefined): r is ThreeCxRoute => !!r && (r as ThreeCxRoute).dialect === '3cx';

export interface LoadedThreeCxFile {
  text: string;
  loaded: LoadedThreeCx;
  bodies: ParsedBody[];
}

const cache = new WeakMap<Workspace, Map<string, LoadedThreeCxFile>>();

/** The parsed template and its bodies (cached per workspace until the text changes). */
export function loadThreeCx(ws: Workspace, file: string): LoadedThreeCxFile | undefined {
  const text = ws.files.read(file);
  if (text === undefined) return undefined;
  let m = cache.get(ws);
  if (!m) cache.set(ws, (m = new Map()));
  const hit = m.get(file);
  if (hit && hit.text === text) return hit;
  const loaded = parseEnvelope(file, text);
  const bodies = loaded.ok ? loaded.template.configs.map((c) => parseBody(text, c.bodyStart, c.bodyEnd)) : [];
  const entry = { text, loaded, bodies };
  m.set(file, entry);
  return entry;
}

export function threeCxTemplate(ws: Workspace, file: string): ThreeCxTemplate | undefined {
  const l = loadThreeCx(ws, file)?.loaded;
  return l?.ok ? l.template : undefined;
}

export function threeCxFiles(ws: Workspace): string[] {
  return ws.templateFiles().filter(isThreeCxFile);
}

/** The 3CX template that serves a phone: the one its `vars.template` names, else the first (by path) listing its model. */
export function templateForPhone(ws: Workspace, phone: Phone): { file: string; tpl: ThreeCxTemplate; model: ThreeCxModel } | undefined {
  return ws.memo(phone, '3cx-template', () => findTemplateForPhone(ws, phone));
}

function findTemplateForPhone(ws: Workspace, phone: Phone): { file: string; tpl: ThreeCxTemplate; model: ThreeCxModel } | undefined {
  const named = ws.requestedTemplate(phone);
  const files = named ? (isThreeCxFile(named) ? [named] : []) : threeCxFiles(ws);
  for (const file of files) {
    const tpl = threeCxTemplate(ws, file);
    // a template the phone names serves it even when none of its models is the phone's (rendered as its first model)
    const model = tpl && (modelForPhone(tpl, phone) ?? (named ? tpl.models[0] : undefined));
    if (tpl && model) return { file, tpl, model };
  }
  return undefined;
}

const routeCache = new Map<string, ThreeCxRoute>();

function formatOf(profile: VendorProfile | undefined, route: RouteDef | undefined, filename: string): OutputFormat {
  if (profile && route && profile.formats[route.format]) return profile.formats[route.format]!;
  const ext = /\.[^./]+$/.exec(filename)?.[0].toLowerCase() ?? '';
  const same = profile?.routes.find((r) => r.path.toLowerCase().endsWith(ext) && ext);
  if (profile && same && profile.formats[same.format]) return profile.formats[same.format]!;
  return ext === '.xml' ? FORMATS.xml : FORMATS.text;
}

/** The route of a deviceconfig for a phone: file name pattern with `{mac}`, format and kind from the vendor profile. */
function routeOf(file: string, tpl: ThreeCxTemplate, index: number, concrete: string, phone: Phone): ThreeCxRoute {
  const profile = getProfile(phone.vendor);
  const dc = tpl.configs[index];
  const pattern = concrete.toLowerCase().includes(phone.mac) ? concrete.replace(new RegExp(phone.mac, 'i'), '{mac}') : concrete;
  const vendorRoute = profile
    ? matchRoutes(concrete).find((m) => m.profile.id === profile.id && (!m.mac || m.mac === phone.mac))?.route
    : undefined;
  const format = formatOf(profile, vendorRoute, concrete);
  const key = `${file}\0${index}\0${pattern}\0${format.id}\0${vendorRoute?.path ?? ''}`;
  let r = routeCache.get(key);
  if (!r) {
    if (routeCache.size > 10_000) routeCache.clear();
    r = {
      dialect: '3cx',
      deviceconfig: index,
      vendorRoute,
      path: pattern,
      template: file,
      format: format.id,
      fileKind: vendorRoute?.fileKind ?? 'other',
      boot: true,
      description: `3CX <deviceconfig filename="${dc.filename}">${vendorRoute ? ` (the vendor's ${vendorRoute.path})` : ''}`,
    };
    routeCache.set(key, r);
  }
  return r;
}

export function renderThreeCx(ws: Workspace, file: string, phone: Phone, opts: RenderOptions): RenderResult {
  const profile = getProfile(phone.vendor);
  const entry = loadThreeCx(ws, file);
  const fallbackFormat = FORMATS.text;
  if (!entry) return failedRender(file, fallbackFormat, opts.route, { code: 'hbs-syntax', message: `template ${file} not found` });
  if (!entry.loaded.ok) {
    const e = entry.loaded.error;
    return failedRender(file, fallbackFormat, opts.route, { code: e.code, message: e.message, range: e.range } as TemplateSyntaxError);
  }
  const tpl = entry.loaded.template;
  let route = isThreeCxRoute(opts.route) && opts.route.template === file ? opts.route : undefined;
  if (!route) {
    const mine = threeCxDialect.routesFor(ws, phone)?.filter((r) => r.template === file) ?? [];
    route = (mine.find((r) => isThreeCxRoute(r.route) && r.route.deviceconfig === (opts.deviceconfig ?? 0)) ?? mine[0])?.route as
      ThreeCxRoute | undefined;
  }
  const index = route?.deviceconfig ?? opts.deviceconfig ?? 0;
  const dc = tpl.configs[index];
  if (!dc)
    return failedRender(file, fallbackFormat, route, { code: 'hbs-syntax', message: `the template has no deviceconfig #${index + 1}` });
  const bench = (opts.bench ?? ws.parsedBench()).bench;
  const ctx = ws.renderContext(bench, phone);
  const served = modelForPhone(tpl, phone);
  const model = served ?? tpl.models[0] ?? { label: '', start: 0, end: 0 };
  const env = buildEnv(tpl, ctx, model);
  if (!route) route = routeOf(file, tpl, index, configFilename(dc, env), phone);
  const format = formatOf(profile, route.vendorRoute ?? route, configFilename(dc, env));
  const body = entry.bodies[index];
  const out = renderBody(tpl, body.nodes, env, format.escape);
  if (!served && tpl.models.length) {
    out.issues.push({
      file,
      srcStart: tpl.models[0].start,
      srcEnd: tpl.models[0].end,
      rootStart: tpl.models[0].start,
      rootEnd: tpl.models[0].end,
      severity: 'warning',
      code: 'threecx-model',
      message: `none of the template's models is a ${profile?.label ?? phone.vendor} ${phone.model}: rendered as '${model.label}'`,
    });
  }
  if (body.errors.length && !opts.lenient) {
    for (const e of body.errors)
      out.issues.push({
        file,
        srcStart: e.start,
        srcEnd: e.end,
        rootStart: e.start,
        rootEnd: e.end,
        severity: 'error',
        code: e.code,
        message: e.message,
      });
    out.failed = true;
  }
  return { ...out, format, route };
}

function threeCxRoutes(ws: Workspace, phone: Phone): RouteResolution[] | undefined {
  const hit = templateForPhone(ws, phone);
  if (!hit) return undefined;
  const profile = getProfile(phone.vendor);
  if (!profile) return undefined;
  const env = buildEnv(hit.tpl, ws.renderContext(ws.parsedBench().bench, phone), hit.model);
  return hit.tpl.configs.map((dc) => {
    const path = configFilename(dc, env);
    return { phone, profile, route: routeOf(hit.file, hit.tpl, dc.index, path, phone), path, template: hit.file, tried: [hit.file] };
  });
}

export const threeCxDialect: TemplateDialect = {
  id: '3cx',
  claims: isThreeCxFile,

  routingKey: (text) => (text.match(/<model\b[^>]*>[^<]*<\/model>|<deviceconfig\b[^>]*>/g) ?? []).join('\n'),

  routesFor: (ws, phone) => ws.memo(phone, '3cx-routes', () => threeCxRoutes(ws, phone)),

  render: (ws, file, phone, opts) => renderThreeCx(ws, file, phone, opts),

  // bench phones one of its models names, each deviceconfig; else the first bench phone of the template's vendor
  fallbackTargets(ws, file, bench) {
    const tpl = threeCxTemplate(ws, file);
    if (!tpl) return [];
    let phones = bench.phones.filter((p) => modelForPhone(tpl, p));
    if (!phones.length) {
      const vendor = templateVendorId(tpl);
      phones = bench.phones.filter((p) => p.vendor === vendor).slice(0, 1);
    }
    return phones.flatMap((phone) => tpl.configs.map((c) => ({ phone, deviceconfig: c.index, fallback: true })));
  },

  checkStatic(ws, file, _schema: SchemaNode | undefined): Problem[] {
    const entry = loadThreeCx(ws, file);
    if (!entry) return [];
    if (!entry.loaded.ok) {
      const e = entry.loaded.error;
      return [{ file, range: e.range, severity: 'error', code: e.code, message: e.message }];
    }
    return checkThreeCxStatic(entry.loaded.template, entry.bodies);
  },

  resolveRequest(ws, path, client) {
    const clean = path.replace(/^\/+/, '').toLowerCase();
    const hits: RouteResolution[] = [];
    for (const phone of client.phones) {
      if (ws.servingDialect(phone) !== threeCxDialect) continue;
      for (const r of threeCxDialect.routesFor(ws, phone) ?? []) if (r.path.toLowerCase() === clean) hits.push(r);
    }
    if (!hits.length) return undefined;
    const ua = client.userAgent ?? '';
    const uaMac = /([0-9a-f]{2}[:-]?){5}[0-9a-f]{2}/i.exec(ua)?.[0].replace(/[:-]/g, '').toLowerCase();
    const uaModel = (r: RouteResolution) => {
      const tpl = threeCxTemplate(ws, r.template!);
      return tpl && ua ? modelForUserAgent(tpl, ua) : undefined;
    };
    let pick: RouteResolution | undefined;
    let reason: string;
    if (hits[0].route.path.includes('{mac}')) {
      pick = hits[0];
      reason = 'MAC in the path';
    } else if (uaMac && (pick = hits.find((h) => h.phone.mac === uaMac))) reason = 'MAC in the User-Agent';
    else if (client.ip && (pick = hits.find((h) => h.phone.ip === client.ip))) reason = 'client IP in the bench';
    else if (
      ua &&
      (pick = hits.find((h) => {
        const m = uaModel(h);
        return m && modelForPhone(threeCxTemplate(ws, h.template!)!, h.phone) === m.model;
      }))
    )
      reason = 'User-Agent model';
    else {
      pick = hits[0];
      reason = 'first bench phone the 3CX template serves with this file name';
    }
    if (ua) {
      const m = uaModel(pick);
      reason += m ? `; User-Agent is the template's model '${m.model.label}'` : "; the User-Agent matches none of the template's models";
    }
    const res: RequestResolution = { ok: true, reason: `${reason} (3CX template)`, ...pick, template: pick.template! };
    return res;
  },

  notifyEvent(ws, phone, reboot) {
    if (ws.servingDialect(phone) !== threeCxDialect) return undefined;
    const hit = templateForPhone(ws, phone);
    return hit ? (reboot ? hit.tpl.events.reboot : hit.tpl.events.resync) : undefined;
  },
};
