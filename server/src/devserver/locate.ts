// What answers a read of a file, for every transport (HTTP GET/HEAD, TFTP RRQ): the client checks (allowlist,
// lockout, rate limit), the request path (prefix, unsafe paths), then a static folder, a phone's upload read
// back, or a template resolved for a phone (the MAC in the path, the client IP, the User-Agent). The caller
// authenticates (HTTP only), renders and sends; the log entry `e` is filled in as the steps learn its path,
// phone, template and reason.
import type { ParsedBench } from '../core/bench/parse';
import type { Phone } from '../core/types';
import { getProfile, matchRoutes, type ParsedUserAgent } from '../core/vendors';
import type { UploadRule } from '../core/vendors/types';
import type { RequestResolution, RouteResolution, Workspace } from '../core/workspace';
import { clean, type RequestLogEntry } from './log';
import type { AllowList } from './net';
import type { SharedState } from './shared';
import { findMount, lookupStatic, unsafePath, type StaticLookup, type StaticMount } from './static';

/** A request refused before anything is read: its status, why, headers for HTTP, and whether it counts as a miss. */
export interface Refusal {
  status: number;
  reason: string;
  headers?: Record<string, string>;
  /** Counts against the client's bucket (a 404/400/403 probe), unless the client is a bench phone. */
  miss?: boolean;
}

export type Located =
  | ({ kind: 'refused' } & Refusal)
  | { kind: 'static'; file: Extract<StaticLookup, { kind: 'file' }>; mount: StaticMount }
  | { kind: 'uploaded'; phone: Phone; body: Buffer; contentType: string }
  | { kind: 'render'; resolved: Extract<RequestResolution, { ok: true }>; reason: string; phone?: Phone };

interface Resolved {
  resolved: RequestResolution;
  reason: string;
  phone?: Phone;
}
const MAX_RESOLUTIONS = 10_000;

/** `<mac>-<file>`: the shape of every vendor upload (VendorProfile.uploads says which files). */
const UPLOAD = /^([0-9a-f]{12})-([a-z0-9._-]+)$/i;
const MAC_IN_PATH = /[0-9a-f]{12}/i;

export class Locator {
  private readonly resolutions: { gen?: number; bench?: ParsedBench; map: Map<string, Resolved> } = { map: new Map() };

  constructor(
    private readonly workspace: Workspace,
    private readonly shared: SharedState,
    private readonly root: string | undefined,
  ) {}

  /** The allowlist, a lockout after wrong credentials, the rate limit for strangers. */
  gate(ip: string, phones: Phone[], allow: AllowList | null): Refusal | undefined {
    if (allow && !allow.check(ip)) return { status: 403, reason: 'client IP not in server.allow' };
    const locked = this.shared.guard.lockedFor(ip);
    if (locked)
      return {
        status: 403,
        reason: 'locked out after repeated wrong credentials',
        headers: { 'Retry-After': String(Math.ceil(locked / 1000)) },
      };
    // the bucket limits strangers: a bench phone at its known address is never kept from its own files
    const wait = this.shared.guard.limitedFor(ip);
    if (wait && !this.isBenchPhoneAddress(ip, phones))
      return { status: 429, reason: 'rate limited (repeated 404/401)', headers: { 'Retry-After': String(wait) } };
    return undefined;
  }

  /**
   * The path below `server.path_prefix` (leading slash) of a decoded path (no query, slashes collapsed), or
   * why it is refused. Sets the log entry's path (never the prefix).
   */
  requestPath(e: RequestLogEntry, path: string, pathPrefix: unknown): { path: string } | Refusal {
    const prefix = pathPrefix ? `/${String(pathPrefix).replace(/^\/+|\/+$/g, '')}` : '';
    const bad = unsafePath(path);
    if (bad) {
      e.path = clean(prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path)!;
      return { status: 400, reason: `refused: ${bad}`, miss: true };
    }
    if (prefix) {
      if (!path.startsWith(`${prefix}/`)) {
        e.path = '(outside the path prefix)';
        return { status: 404, reason: 'wrong or missing path prefix', miss: true };
      }
      path = path.slice(prefix.length);
    }
    e.path = clean(path)!;
    return { path };
  }

  /** What answers a read of `path` (below the prefix) by `ip`: a static file, an upload read back, a render. */
  target(e: RequestLogEntry, path: string, ua: string | undefined, parsed: ParsedBench): Located {
    const phones = parsed.bench.phones;
    const ip = e.ip;
    const rel = path.slice(1);
    const mount = findMount(parsed.bench.server.static, path);
    if (mount && this.root) {
      const hit = lookupStatic(this.root, mount.mount, mount.rest);
      if (hit.kind === 'forbidden') return { kind: 'refused', status: 404, reason: `static: ${hit.reason}`, miss: true };
      if (hit.kind === 'file') return { kind: 'static', file: hit, mount: mount.mount };
    }
    // uploads read back: only files the vendor's phone fetches again, and only by that phone
    const up = this.uploadTarget(rel, phones);
    if (up?.rule.readBack && this.isPhoneAt(up.phone, ip)) {
      const stored = this.shared.uploads.latest(up.phone.mac, up.rule.suffix);
      if (stored) {
        e.phone = { mac: up.phone.mac, name: up.phone.name };
        const contentType = up.rule.suffix.endsWith('.xml') ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8';
        return { kind: 'uploaded', phone: up.phone, body: stored.body, contentType };
      }
    }
    const { resolved, reason, phone } = this.resolve(rel, ua, ip, parsed, e.ua);
    if (!resolved.ok) {
      const attributed = this.attributable(rel, ip, phones);
      if (attributed) e.phone = { mac: attributed.mac, name: attributed.name };
      return { kind: 'refused', status: 404, reason: resolved.reason, miss: !attributed };
    }
    e.template = resolved.template;
    if (phone && /^MAC in the/.test(reason)) this.shared.rememberIp(ip, phone.mac);
    e.reason = reason;
    if (phone) e.phone = { mac: phone.mac, name: phone.name };
    return { kind: 'render', resolved, reason, phone };
  }

  /**
   * A refused request: a miss (`r.miss`) counts against the client's bucket unless it comes from a bench
   * phone's known address or is a file name the vendor named by the User-Agent requests (phones probe optional
   * files).
   */
  noteRefusal(e: RequestLogEntry, r: Refusal, phones: Phone[]): void {
    if (!r.miss) return;
    // MAC-named files never count as probes: a forged User-Agent must not make MAC enumeration free
    const probe =
      r.status === 404 && !!e.ua && matchRoutes(e.path.replace(/^\/+/, '')).some((m) => !m.mac && m.profile.id === e.ua!.vendor);
    if (!probe && !this.isBenchPhoneAddress(e.ip, phones)) this.shared.noteMiss(e.ip);
  }

  /** The bench `ip` of a phone, or the address a bench phone fetched a file naming its MAC from. */
  isBenchPhoneAddress(ip: string, phones: Phone[]): boolean {
    const mac = this.shared.phoneAt(ip);
    return phones.some((p) => p.ip === ip || (mac !== undefined && p.mac === mac));
  }

  /** The bench phone and vendor upload rule a `<mac>-<file>` path names, if its vendor uploads that file. */
  uploadTarget(rel: string, phones: Phone[]): { phone: Phone; rule: UploadRule } | undefined {
    const m = UPLOAD.exec(rel);
    const phone = m ? phones.find((p) => p.mac === m[1].toLowerCase()) : undefined;
    const rule = phone && getProfile(phone.vendor)?.uploads?.find((u) => u.suffix === m![2].toLowerCase());
    return phone && rule ? { phone, rule } : undefined;
  }

  /** The bench phone a `<mac>-<file>` path names (whether or not its vendor uploads that file), and the file. */
  uploadPath(rel: string, phones: Phone[]): { phone?: Phone; file?: string } {
    const m = UPLOAD.exec(rel);
    return { phone: m ? phones.find((p) => p.mac === m[1].toLowerCase()) : undefined, file: m?.[2] };
  }

  /** Whether a client address is this phone: its bench `ip`, or the address it last fetched a file naming its MAC from. */
  isPhoneAt(phone: Phone, ip: string): boolean {
    return phone.ip ? phone.ip === ip || this.shared.phoneAt(ip) === phone.mac : this.shared.phoneAt(ip) === phone.mac;
  }

  /** A refused request still comes from a bench phone when its path holds a bench MAC or the IP is a bench phone's. */
  private attributable(rel: string, ip: string, phones: Phone[]): Phone | undefined {
    const m = MAC_IN_PATH.exec(rel)?.[0].toLowerCase();
    const recent = this.shared.phoneAt(ip);
    const byPath = phones.find((p) => (m && p.mac === m) || (p.ip && p.ip === ip));
    return byPath ?? (recent !== undefined ? phones.find((p) => p.mac === recent) : undefined);
  }

  /**
   * Which phone, route and template answer a read. Depends only on the path, client IP, User-Agent, the
   * phone last seen from that IP, the bench and the files, so it is kept while the files generation (see
   * DiskFiles.snapshot) and the serving bench stay the same.
   */
  private resolve(rel: string, ua: string | undefined, ip: string, parsed: ParsedBench, uaInfo: ParsedUserAgent | undefined): Resolved {
    const recentMac = this.shared.phoneAt(ip);
    const gen = this.workspace.files.generation?.();
    const key = `${rel}\0${ip}\0${recentMac ?? ''}\0${ua ?? ''}`;
    const c = this.resolutions;
    if (gen !== undefined) {
      if (c.gen !== gen || c.bench !== parsed) {
        c.map.clear();
        c.gen = gen;
        c.bench = parsed;
      }
      const hit = c.map.get(key);
      if (hit) return hit;
    }
    const phones = parsed.bench.phones;
    const recent = recentMac ? phones.find((p) => p.mac === recentMac) : undefined;
    const ordered = recent ? [recent, ...phones.filter((p) => p !== recent)] : phones;
    let resolved = this.workspace.resolveRequest(rel, { userAgent: ua, ip, phones: ordered });
    let reason = resolved.reason;
    if (!resolved.ok && resolved.reason === 'unknown MAC' && parsed.bench.server.unknown_mac === 'common') {
      const common = this.commonFor(rel, uaInfo, phones);
      if (common) {
        resolved = { ok: true, reason: 'unknown MAC: common file (server.unknown_mac)', ...common, template: common.template! };
        reason = resolved.reason;
      }
    }
    let phone: Phone | undefined;
    if (resolved.ok && /^MAC in the|^client IP/.test(reason)) phone = resolved.phone;
    else if (resolved.ok && recent && resolved.phone === recent) {
      phone = recent;
      reason = 'client IP seen fetching its MAC file';
    }
    const r: Resolved = { resolved, reason, phone };
    if (gen !== undefined) {
      if (c.map.size >= MAX_RESOLUTIONS) c.map.clear();
      c.map.set(key, r);
    }
    return r;
  }

  /** `server.unknown_mac: common`: the vendor's file without a MAC that stands for the requested one. */
  private commonFor(rel: string, ua: { vendor: string; model: string } | undefined, phones: Phone[]): RouteResolution | undefined {
    const matches = matchRoutes(rel).sort((a, b) => Number(b.profile.id === ua?.vendor) - Number(a.profile.id === ua?.vendor));
    for (const m of matches) {
      if (!m.mac) continue;
      const cands = phones.filter((p) => p.vendor === m.profile.id);
      const phone = (ua?.vendor === m.profile.id ? cands.find((p) => p.model === ua.model) : undefined) ?? cands[0];
      if (!phone) continue;
      const routes = this.workspace.routesFor(phone).filter((r) => r.template && !/\{mac\}/i.test(r.route.path));
      const pick = routes.find((r) => r.route.template === m.route.template) ?? routes.find((r) => r.route.fileKind === 'common');
      if (pick) return pick;
    }
    return undefined;
  }
}
