// The files a phone applies at boot, in the order its vendor applies them (VendorProfile.bootOrder): from a list
// file the phone reads first when the vendor has one (Yealink `<mac>.boot` include:config lines, Poly's master
// CONFIG_FILES), else the profile's file order. Each file is rendered for the phone with the workspace's render.
import type { ParsedBench } from './bench/parse';
import { attr, findAll, parseXml } from './catalog/readers/xml';
import type { Phone } from './types';
import { findModel, getProfile, type RouteDef, type VendorProfile } from './vendors';
import type { RenderResult, RouteResolution, Workspace } from './workspace';

/**
 * How a vendor's phone applies its configuration files at boot: which files, in which order, and which value wins
 * when a key is set twice (`provisioning-studio effective`, the `key-overridden` information).
 */
export interface BootOrder {
  /**
   * A file that lists the configuration files to load next (route paths, the first one with a template is read) and how
   * it lists them: Yealink `include:config "x.cfg"` lines, Poly's `CONFIG_FILES="a.cfg, b.cfg"` attribute.
   */
  list?: { paths: string[]; syntax: 'include-config' | 'config-files' };
  /** The configuration files (route paths) in the order the phone applies them, when no list file is served. */
  files: string[];
  /** A key set in two files: the value of the file applied last wins (`last`), or of the first (`first`). */
  acrossFiles: 'last' | 'first';
  /** A key set twice in one file: the later line wins (`last`), or the earlier (`first`). */
  withinFile: 'last' | 'first';
  /** Where the order and the rules come from, with what is only inferred. */
  sources: string[];
}

export interface BootFile {
  /** The path the phone requests (no leading slash). */
  path: string;
  /** `list`: the file naming the others (its keys are not counted); `config`: a configuration file. */
  role: 'list' | 'config';
  /** The template answering it, when one does. */
  template?: string;
  route?: RouteDef;
  /** `ok`; `no template` (the phone gets a 404); `not served` (a listed name nothing answers); `render failed`. */
  status: 'ok' | 'no template' | 'not served' | 'render failed';
  /** What went wrong, or how the file came into the order (`listed in <list file>`). */
  note?: string;
  /** The rendered file (status ok). */
  output?: RenderResult;
}

/** The rules a vendor's phones follow: the profile's, else every boot route in route order with the last value winning. */
export function bootOrderOf(profile: VendorProfile | undefined): BootOrder {
  // the field is the profile's (VendorProfile.bootOrder, typed here): read through this view of it
  const data = (profile as (VendorProfile & { bootOrder?: BootOrder }) | undefined)?.bootOrder;
  return (
    data ?? {
      files: (profile?.routes ?? []).filter((r) => r.boot && r.fileKind !== 'boot' && r.fileKind !== 'phonebook').map((r) => r.path),
      acrossFiles: 'last',
      withinFile: 'last',
      sources: ['default: the boot routes in order, the last value wins'],
    }
  );
}

const CONFIG_KINDS = new Set(['common', 'mac', 'other']);

/** The files a phone applies, in order, each rendered for it. */
export function bootFiles(ws: Workspace, phone: Phone, opts: { bench?: ParsedBench } = {}): { rules: BootOrder; files: BootFile[] } {
  const rules = bootOrderOf(getProfile(phone.vendor));
  const routes = ws.routesFor(phone);
  const render = (r: RouteResolution, role: BootFile['role'], note?: string): BootFile => {
    const file: BootFile = { path: r.path, role, template: r.template, route: r.route, status: 'ok', note };
    if (!r.template) return { ...file, status: 'no template', note: `no template (tried ${r.tried.join(', ')})` };
    const output = ws.render(r.template, phone, { route: r.route, bench: opts.bench });
    if (output.failed || output.syntaxError) {
      const why = output.syntaxError?.message ?? output.issues.find((i) => i.severity === 'error')?.message ?? 'the render failed';
      return { ...file, status: 'render failed', note: why };
    }
    return { ...file, output };
  };

  const list = rules.list;
  const listRoute = list && routes.find((r) => list.paths.includes(r.route.path) && r.template);
  if (list && listRoute) {
    const listFile = render(listRoute, 'list');
    const files = [listFile];
    if (!listFile.output) return { rules, files };
    const seen = new Set<string>();
    for (const ref of listedFiles(list.syntax, listFile.output.text, phone)) {
      const path = requestPath(ws, phone, ref, opts.bench);
      if (!path || seen.has(path.toLowerCase())) continue;
      seen.add(path.toLowerCase());
      const note = `listed in ${listFile.path}`;
      const direct = routes.find((r) => r.path.toLowerCase() === path.toLowerCase());
      if (direct) {
        files.push(render(direct, 'config', note));
        continue;
      }
      const res = ws.resolveRequest(path, { phones: [phone] });
      if (res.ok && res.phone === phone) files.push(render(res, 'config', note));
      else
        files.push({ path, role: 'config', status: 'not served', note: `${note}; not served: ${res.ok ? 'another phone' : res.reason}` });
    }
    return { rules, files };
  }

  const files: BootFile[] = [];
  const taken = new Set<RouteResolution>();
  const add = (r: RouteResolution) => {
    if (taken.has(r)) return;
    taken.add(r);
    files.push(render(r, 'config'));
  };
  for (const p of rules.files) for (const r of routes) if (r.route.path === p) add(r);
  // routes the order does not name (a 3CX template's own files): in route order, after the named ones
  for (const r of routes)
    if (r.route.boot && CONFIG_KINDS.has(r.route.fileKind) && !list?.paths.includes(r.route.path) && !rules.files.includes(r.route.path))
      add(r);
  return { rules, files };
}

/**
 * The file references a list file names, in order. Poly: the master's `CONFIG_FILES`, or the phone model's own
 * `<APPLICATION_VVX400 CONFIG_FILES_VVX400="…"/>` inside it when that is not empty.
 */
export function listedFiles(syntax: NonNullable<BootOrder['list']>['syntax'], text: string, phone?: Phone): string[] {
  if (syntax === 'include-config') {
    const out: string[] = [];
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*include:config\s+(?:"([^"]*)"|'([^']*)'|(\S+))\s*$/.exec(line);
      if (m) out.push(m[1] ?? m[2] ?? m[3]);
    }
    return out;
  }
  const app = findAll(parseXml(text).roots, 'APPLICATION')[0];
  if (!app) return [];
  const profile = phone && getProfile(phone.vendor);
  const own = app.children.find(
    (c) => /^APPLICATION_./i.test(c.name) && profile && findModel(profile, c.name.slice(12))?.id === phone?.model,
  );
  const ownList = own && attr(own, `CONFIG_FILES_${own.name.slice(12)}`)?.value.trim();
  return (ownList || (attr(app, 'CONFIG_FILES')?.value ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The request path a listed reference makes: Poly's `[PHONE_MAC_ADDRESS]` and `[PHONE_MODEL]` filled in, a URL reduced to its path
 * below the dev server's base URL (its path prefix removed), no leading slash.
 */
export function requestPath(ws: Workspace, phone: Phone, ref: string, bench?: ParsedBench): string {
  let p = ref
    .trim()
    .replace(/\[PHONE_MAC_ADDRESS\]/gi, phone.mac)
    .replace(/\[PHONE_MODEL\]/gi, phone.model);
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?/i.exec(p);
  if (url) {
    p = url[1] ?? '/';
    const base = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?/i.exec(ws.serverUrl(bench?.bench))?.[1]?.replace(/\/+$/, '');
    if (base && p.startsWith(`${base}/`)) p = p.slice(base.length);
  }
  return p.replace(/^\/+/, '');
}
