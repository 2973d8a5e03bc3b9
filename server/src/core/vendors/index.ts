// The vendor registry: profiles by id, model lookup, User-Agent parsing and route path matching.
import type { VendorId } from '../types';
import { cisco } from './cisco';
import { fanvil } from './fanvil';
import { generic } from './generic';
import { grandstream } from './grandstream';
import { poly } from './poly';
import { snom } from './snom';
import type { ModelDef, RouteDef, VendorProfile } from './types';
import { yealink } from './yealink';

export type { ModelDef, RouteDef, VendorProfile } from './types';

export const PROFILES: Record<VendorId, VendorProfile> = { yealink, poly, cisco, grandstream, snom, fanvil, generic };
export const VENDOR_IDS = Object.keys(PROFILES) as VendorId[];

export function getProfile(vendor: string): VendorProfile | undefined {
  return (PROFILES as Record<string, VendorProfile>)[vendor];
}

const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

/** The model a name refers to, by id or alias, ignoring case and separators. */
export function findModel(profile: VendorProfile, name: string): ModelDef | undefined {
  const n = squash(name);
  return (
    profile.models.find((m) => squash(m.id) === n || (m.aliases ?? []).some((a) => squash(a) === n)) ??
    profile.models.find((m) => n.endsWith(squash(m.id)) || (m.aliases ?? []).some((a) => n.endsWith(squash(a))))
  );
}

export const modelLookup = {
  models(vendor: string): string[] | undefined {
    return getProfile(vendor)?.models.map((m) => m.id);
  },
};

export interface ParsedUserAgent {
  vendor: VendorId;
  /** Our model id when known, else the raw model text. */
  model: string;
  knownModel: boolean;
  firmware?: string;
  mac?: string;
}

const uaCache = new Map<string, RegExp>();
const re = (src: string) => {
  let r = uaCache.get(src);
  if (!r) {
    r = new RegExp(src, 'i');
    uaCache.set(src, r);
  }
  return r;
};

export function parseUserAgent(ua: string | undefined): ParsedUserAgent | undefined {
  if (!ua || ua.length > 512) return undefined;
  for (const profile of Object.values(PROFILES)) {
    for (const rule of profile.userAgents) {
      const m = re(rule.pattern).exec(ua);
      if (!m?.groups?.model) continue;
      const model = findModel(profile, m.groups.model);
      const mac = m.groups.mac?.replace(/:/g, '').toLowerCase();
      return { vendor: profile.id, model: model?.id ?? m.groups.model, knownModel: !!model, firmware: m.groups.firmware, mac };
    }
  }
  return undefined;
}

export interface RouteMatch {
  profile: VendorProfile;
  route: RouteDef;
  /** MAC from the path (12 lowercase hex), when the route has one. */
  mac?: string;
  /** Models the path names (by file id or model), when the route has one. */
  models?: ModelDef[];
}

interface CompiledRoute {
  profile: VendorProfile;
  route: RouteDef;
  regex: RegExp;
  fields: string[];
}
let compiled: CompiledRoute[] | undefined;

function compileRoutes(): CompiledRoute[] {
  const out: CompiledRoute[] = [];
  for (const profile of Object.values(PROFILES)) {
    for (const route of profile.routes) {
      const fields: string[] = [];
      const src = route.path
        .split(/(\{mac\}|\{MAC\}|\{fileId\}|\{model\}|\{modelFile\})/)
        .map((part) => {
          switch (part) {
            case '{mac}':
            case '{MAC}':
              fields.push('mac');
              return '([0-9a-fA-F]{12})';
            case '{fileId}':
            case '{model}':
            case '{modelFile}':
              fields.push(part.slice(1, -1));
              return part === '{modelFile}' ? '([A-Za-z0-9_.\\-]+)' : '([A-Za-z0-9_\\-]+?)';
            default:
              return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          }
        })
        .join('');
      out.push({ profile, route, regex: new RegExp(`^${src}$`, 'i'), fields });
    }
  }
  return out;
}

/** Whether a route applies to a model (a route with a family serves that family only). */
export const routeAppliesTo = (route: RouteDef, model: ModelDef | undefined): boolean => !route.family || model?.family === route.family;

function modelMatches(field: string, md: ModelDef, v: string): boolean {
  const lv = v.toLowerCase();
  if (field === 'fileId') return (md.fileId ?? '').toLowerCase() === lv;
  if (field === 'modelFile') return (md.files ?? []).some((f) => f.toLowerCase() === lv);
  return md.id.toLowerCase() === lv;
}

/** Every vendor route the path could be; the caller disambiguates with the bench (MAC, UA, IP). */
export function matchRoutes(path: string): RouteMatch[] {
  compiled ??= compileRoutes();
  const clean = path.replace(/^\/+/, '');
  const matches: RouteMatch[] = [];
  for (const c of compiled) {
    const m = c.regex.exec(clean);
    if (!m) continue;
    const match: RouteMatch = { profile: c.profile, route: c.route };
    let ok = true;
    c.fields.forEach((f, i) => {
      const v = m[i + 1];
      if (f === 'mac') match.mac = v.toLowerCase();
      else {
        const models = c.profile.models.filter((md) => routeAppliesTo(c.route, md) && modelMatches(f, md, v));
        if (!models.length) ok = false;
        match.models = models;
      }
    });
    if (ok) matches.push(match);
  }
  return matches;
}

/** The path a phone requests for a route: placeholders filled for this phone. */
export function routePath(profile: VendorProfile, route: RouteDef, phone: { mac: string; model: string }): string | undefined {
  const model = findModel(profile, phone.model);
  if (!routeAppliesTo(route, model)) return undefined;
  if (route.path.includes('{fileId}') && !model?.fileId) return undefined;
  if (route.path.includes('{modelFile}') && !model?.files?.length) return undefined;
  return route.path
    .replace('{modelFile}', model?.files?.[0] ?? '')
    .replace('{mac}', phone.mac)
    .replace('{MAC}', phone.mac.toUpperCase())
    .replace('{fileId}', model?.fileId ?? '')
    .replace('{model}', (model?.id ?? phone.model).toLowerCase());
}
