// The dev provisioning server: phones on the bench fetch per-request rendered configs over HTTP(S).
// One DevServer over one Workspace: the CLI `serve` and the VS Code extension both construct it, call
// start()/stop(), listen to its events ('request', 'problem', 'recovered', 'upload', 'listening', 'closed')
// and read per-phone state. Nothing rendered is written to disk. Requests of one event-loop turn share one
// view of the files (DiskFiles.snapshot); resolutions and renders are kept per files generation, so an edit
// applies to the next request (docs/dev-server.md, "Live edits and caching").
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { X509Certificate } from 'node:crypto';
import type { ParsedBench } from '../core/bench/parse';
import type { ServerAddress } from '../core/context';
import { DiskFiles } from '../core/files';
import type { Phone, ServerAuth, ServerConfig } from '../core/types';
import { getProfile, matchRoutes, type ParsedUserAgent } from '../core/vendors';
import type { UploadRule } from '../core/vendors/types';
import type { RequestResolution, RouteResolution, Workspace } from '../core/workspace';
import type { AuthKey } from './auth';
import { Exchange, isoTime, userAgentInfo } from './exchange';
import { clean, type RequestLogEntry, type ServerProblem, type ServerRecovered, type UploadRecord } from './log';
import { buildAllowList, normaliseIp, type AllowList } from './net';
import { ServeRenderer, type Served } from './render';
import { defaultPoolSize, RenderPool } from './renderPool';
import { generateSelfSigned } from './selfsigned';
import { PhoneStates, type FetchRecord, type PhoneState } from './state';
import { SharedState, type PeerLink } from './shared';
import { UnknownPhones, type UnknownPhone } from './unknownPhones';
import { findMount, lookupStatic, sendStatic, unsafePath } from './static';

export interface DevServerLimits {
  /** Largest accepted PUT upload (bytes). */
  uploadBytes: number;
  uploadsKept: number;
  uploadsTotalBytes: number;
  /** Unattributed 404 / failed-401 answers per client IP: burst, then refill per second; past that 429. */
  missBurst: number;
  missRefillPerSec: number;
  lockoutFailures: number;
  lockoutWindowMs: number;
  lockoutMs: number;
  nonceTtlMs: number;
  /** Request log entries kept for history(). */
  historySize: number;
}

/** A saved file is served once it has not changed for this long (a half-written file never is). */
export const DEFAULT_QUIET_MS = 150;

export const DEFAULT_LIMITS: DevServerLimits = {
  uploadBytes: 1024 * 1024,
  uploadsKept: 200,
  uploadsTotalBytes: 32 * 1024 * 1024,
  missBurst: 30,
  missRefillPerSec: 1,
  lockoutFailures: 5,
  lockoutWindowMs: 10 * 60_000,
  lockoutMs: 10 * 60_000,
  nonceTtlMs: 5 * 60_000,
  historySize: 1000,
};

export interface DevServerOptions {
  /** Override bench `server.host` / `server.port` (0 = any free port). */
  host?: string;
  port?: number;
  /** Workspace folder on disk, for static folders and TLS files (default: the root of a DiskFiles workspace). */
  root?: string;
  /**
   * Overrides bench `server.tls` (undefined: the bench decides). `false`: plain HTTP; `{ self_signed: true }`:
   * a certificate generated in memory; `{ cert, key }`: PEM files, relative to `root`.
   */
  tls?: false | TlsOverride;
  /**
   * Overrides bench `server.auth` (undefined: the bench decides). `false`: no authentication; else the
   * scheme, user name and password phones must send (the password is never logged or put in a message).
   */
  auth?: false | ServerAuth;
  limits?: Partial<DevServerLimits>;
  /** Live-edit integrity: how long a file must stay unchanged before it is served (ms; default DEFAULT_QUIET_MS). */
  quietMs?: number;
  /** Render threads (default: one per core, at most 8); renders never run on the serving thread. */
  renderThreads?: number;
  /** Clock (ms), for tests. */
  now?: () => number;
  /** `serve --workers N`: the other processes serving the same port, and the digest nonce key they share. */
  peers?: PeerLink;
  authKey?: AuthKey;
}

export type TlsOverride = { self_signed: true; cert?: undefined; key?: undefined } | { cert: string; key: string; self_signed?: false };

export interface ServerInfo {
  /** Base URL phones use (with the secret prefix), as templates see it in `server.url`. */
  url: string;
  scheme: 'http' | 'https';
  host: string;
  port: number;
  tls?: { selfSigned: boolean; fingerprint256: string };
  /** The authentication phones must pass (no password), and whether TLS and auth come from the bench or the overrides. */
  auth?: { type: 'basic' | 'digest'; username: string };
  source: { tls: 'bench' | 'override'; auth: 'bench' | 'override' };
}

export interface PhoneUrl {
  phone: { mac: string; name: string; vendor: string; model: string };
  /** The vendor's provisioning setting with this server's URL filled in. */
  setting: string;
  /** Full URLs of the files the phone requests at boot, in order. */
  bootUrls: string[];
}

export interface FileFreshness {
  path: string;
  fetched: FetchRecord;
  currentHash?: string;
  stale: boolean;
}

export interface DevServerEvents {
  request: [RequestLogEntry];
  problem: [ServerProblem];
  recovered: [ServerRecovered];
  upload: [Omit<UploadRecord, 'body'>];
  /** A MAC not on the bench, the first time it is seen (UnknownPhones keeps the list). */
  unknownPhone: [UnknownPhone];
  listening: [ServerInfo];
  closed: [];
}

/** What another transport (TFTP) sends for a read: fileFor(). */
export interface TransportAnswer {
  /** 200 with a body, else the status an HTTP GET would get (400, 403, 404, 429, 500). */
  status: number;
  body?: Buffer;
  /** How the file was found, or why the request was refused. */
  reason: string;
  phone?: { mac: string; name: string };
  /**
   * Logs the request (event 'request') once the transfer has ended: the bytes the client acknowledged, a
   * status when it differs from `status` (a transfer that did not complete), and a note for the log.
   * A bench phone's state records the file only for a completed 200.
   */
  finish(outcome: { bytes: number; status?: number; note?: string }): void;
}

interface Resolved {
  resolved: RequestResolution;
  reason: string;
  phone?: Phone;
}
const MAX_RESOLUTIONS = 10_000;

/** `<mac>-<file>`: the shape of every vendor upload (VendorProfile.uploads says which files). */
const UPLOAD = /^([0-9a-f]{12})-([a-z0-9._-]+)$/i;
const MAC_IN_PATH = /[0-9a-f]{12}/i;

export class DevServer extends EventEmitter<DevServerEvents> {
  private server?: Server;
  private infoValue?: ServerInfo;
  private readonly limits: DevServerLimits;
  private readonly now: () => number;
  /** Guard, IP → phone, uploads and digest nonces: what other processes must know too (shared.ts). */
  private readonly shared: SharedState;
  private readonly renderer: ServeRenderer;
  /** Where renders run (see renderPool.ts); its threads start with the server and end with stop(). */
  readonly renderPool: RenderPool;
  private readonly states = new PhoneStates();
  /** MACs seen in requests that no bench phone has, with what their User-Agent tells (the most recent 256). */
  readonly unknownPhones = new UnknownPhones();
  private readonly historyBuf: RequestLogEntry[] = [];
  /** The workspace's server address before start(), restored by stop(). */
  private addressBefore?: ServerAddress;
  private allowFor = new WeakMap<ParsedBench, AllowList | null>();
  private benchSeen?: ParsedBench;
  private benchBroken = false;
  private readonly root?: string;
  private readonly resolutions: { gen?: number; bench?: ParsedBench; map: Map<string, Resolved> } = { map: new Map() };

  constructor(
    readonly workspace: Workspace,
    private readonly options: DevServerOptions = {},
  ) {
    super();
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    this.shared = new SharedState({ ...this.limits, now: this.now, authKey: options.authKey, peers: options.peers });
    this.renderPool = new RenderPool(options.renderThreads ?? defaultPoolSize());
    this.renderer = new ServeRenderer(workspace, this.renderPool, (e) =>
      'problem' in e ? this.emit('problem', e.problem) : this.emit('recovered', e.recovered),
    );
    // phones knocking that are not on the bench, for adopting them (bench view "Add to Bench", `bench add`)
    this.on('request', (e: RequestLogEntry) => {
      const u = this.unknownPhones.note(e, () => this.bench().parsed.bench.phones);
      if (u?.requests === 1) this.emit('unknownPhone', u);
    });
    this.root = options.root ?? (workspace.files instanceof DiskFiles ? workspace.files.root : undefined);
    // never serve a file caught half-written: reads settle for quietMs after the last change (see DiskFiles)
    if (workspace.files instanceof DiskFiles) workspace.files.quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  }

  // ------------------------------------------------------------------ lifecycle

  get running(): boolean {
    return !!this.server?.listening;
  }
  /** Where the server listens; undefined until start() resolved. */
  get info(): ServerInfo | undefined {
    return this.infoValue;
  }

  async start(): Promise<ServerInfo> {
    if (this.server) throw new Error('the dev server is already running');
    const { parsed } = this.bench();
    const s = parsed.bench.server;
    const host = this.options.host ?? s.host ?? '127.0.0.1';
    const port = this.options.port ?? s.port ?? 8080;
    const tlsFrom = this.options.tls === undefined ? 'server.tls' : 'the tls override';
    const tls = this.tlsConfig(s);
    const auth = this.authConfig(s);
    if (this.options.auth) checkAuthOverride(this.options.auth);
    let tlsInfo: ServerInfo['tls'];
    let server: Server;
    const handler = (req: IncomingMessage, res: ServerResponse) => this.handle(req, res);
    if (tls) {
      let cert: string,
        key: string,
        selfSigned = false,
        fp: string;
      if (tls.cert || tls.key) {
        if (!tls.cert || !tls.key) throw new Error(`${tlsFrom} needs both cert and key (or self_signed: true)`);
        cert = this.readRootFile(tls.cert, `${tlsFrom}: cert`);
        key = this.readRootFile(tls.key, `${tlsFrom}: key`);
        fp = new X509Certificate(cert).fingerprint256;
      } else {
        const names = ['localhost', '127.0.0.1', '::1', host, ...localAddresses()];
        try {
          if (s.url) names.push(new URL(s.url).hostname.replace(/^\[|\]$/g, ''));
        } catch {
          /* reported by the bench check */
        }
        const pair = await generateSelfSigned(names.filter((n) => n !== '0.0.0.0' && n !== '::'));
        cert = pair.cert;
        key = pair.key;
        fp = pair.fingerprint256;
        selfSigned = true;
      }
      server = createHttps({ cert, key }, handler);
      tlsInfo = { selfSigned, fingerprint256: fp };
    } else {
      server = createHttp(handler);
    }
    server.keepAliveTimeout = 5_000;
    server.headersTimeout = 15_000;
    server.requestTimeout = 30_000;
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        ok();
      });
    });
    server.on('error', () => {
      /* after listen: per-socket errors are handled by node */
    });
    this.renderPool.warm(); // only once listening: a server that failed to start leaves no threads behind
    server.on('clientError', (_e, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
    this.server = server;
    const addr = server.address() as AddressInfo;
    const base = {
      host,
      port: addr.port,
      scheme: (tlsInfo ? 'https' : 'http') as 'http' | 'https',
      tls: tlsInfo,
      auth: auth ? { type: auth.type, username: auth.username } : undefined,
      source: {
        tls: this.options.tls === undefined ? 'bench' : 'override',
        auth: this.options.auth === undefined ? 'bench' : 'override',
      } as ServerInfo['source'],
    };
    // templates see where phones really reach us (CLI/setting overrides, port 0, the TLS override)
    this.addressBefore = this.workspace.serverAddress;
    this.workspace.setServerAddress({
      ...this.addressBefore,
      host: this.options.host ?? this.addressBefore?.host,
      port: addr.port,
      scheme: base.scheme,
    });
    this.infoValue = { ...base, url: this.workspace.serverUrl(parsed.bench) };
    this.emit('listening', this.infoValue);
    return this.infoValue;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    });
    await this.renderPool.close();
    this.workspace.setServerAddress(this.addressBefore);
    this.emit('closed');
  }

  // ------------------------------------------------------------------ state for the client

  /** Per bench phone: last fetch, User-Agent, and per path what it last received. */
  phoneStates(): PhoneState[] {
    return this.states.all();
  }
  phoneState(mac: string): PhoneState | undefined {
    return this.states.get(mac);
  }
  /** The bytes a phone last received for a path (below the prefix, e.g. `/805e0c112233.cfg`). */
  lastServed(mac: string, path: string): FetchRecord | undefined {
    return this.states.get(mac)?.files.get(path);
  }
  /** Recent request log entries, oldest first. */
  history(): RequestLogEntry[] {
    return [...this.historyBuf];
  }
  uploads(): UploadRecord[] {
    return this.shared.uploads.all();
  }

  /** What a bench phone would receive now for a path (same resolution and render as a request). */
  async currentFile(mac: string, path: string): Promise<Served | undefined> {
    const { parsed, stale } = this.bench();
    const phone = parsed.bench.phones.find((p) => p.mac === mac);
    if (!phone) return undefined;
    const res = this.workspace.resolveRequest(path.replace(/^\/+/, ''), { phones: [phone] });
    return res.ok ? this.renderer.serve(res, parsed, stale) : undefined;
  }

  /** For every file a phone fetched: is what it has different from what it would get now? */
  async freshness(mac: string): Promise<FileFreshness[]> {
    const s = this.states.get(mac);
    if (!s) return [];
    return Promise.all(
      [...s.files.values()].map(async (f) => {
        const cur = (await this.currentFile(mac, f.path))?.hash;
        return { path: f.path, fetched: f, currentHash: cur, stale: cur !== f.hash };
      }),
    );
  }

  /** For each bench phone: the setting to point it at this server, and its boot file URLs. */
  phoneUrls(): PhoneUrl[] {
    const { parsed } = this.bench();
    const bench = parsed.bench;
    const base = this.workspace.serverUrl(bench);
    return bench.phones.map((phone) => {
      const profile = getProfile(phone.vendor)!;
      const routes = this.workspace.routesFor(phone).filter((r) => r.route.boot);
      const setting = profile.provisioningHelp
        .replace(/https?:\/\/<dev-server>:<port>\/<prefix>/g, base)
        .replace(/\{model\}/g, phone.model.toLowerCase());
      return {
        phone: { mac: phone.mac, name: phone.name, vendor: phone.vendor, model: phone.model },
        setting,
        bootUrls: routes.map((r) => `${base}/${r.path}`),
      };
    });
  }

  /**
   * A file read by another transport (TFTP, see tftp.ts), resolved and rendered exactly as an HTTP GET
   * without a User-Agent: the allowlist, the rate limit for strangers, the path prefix and unsafe paths,
   * static folders, uploads read back, then the MAC in the path or the client IP of a bench phone, and the
   * same render (last good version when broken). `write`: a write request, refused (the server is
   * read-only). Nothing is logged until the transport calls finish() with what it sent; `server.auth`
   * does not apply (TFTP has no authentication).
   */
  fileFor(path: string, remoteAddress: string, opts: { method: string; write?: boolean }): Promise<TransportAnswer> {
    const files = this.workspace.files;
    const run = () => this.readFor(path, normaliseIp(remoteAddress), opts);
    return files.snapshot ? files.snapshot(run) : run();
  }

  private async readFor(path: string, ip: string, opts: { method: string; write?: boolean }): Promise<TransportAnswer> {
    const t0 = performance.now();
    const e: RequestLogEntry = {
      time: isoTime(this.now()),
      ip,
      method: clean(opts.method, 10)!,
      path: '-',
      status: 0,
      bytes: 0,
      renderMs: 0,
      totalMs: 0,
    };
    let record: { phone: Phone; path: string; template: string; hash: string; bytes: Buffer } | undefined;
    const answer = (status: number, reason: string, body?: Buffer): TransportAnswer => {
      let finished = false;
      return {
        status,
        reason,
        body,
        phone: e.phone,
        finish: (outcome) => {
          if (finished) return;
          finished = true;
          e.status = outcome.status ?? status;
          e.bytes = outcome.bytes;
          e.reason = clean(outcome.note ? `${reason}; ${outcome.note}` : reason, 300);
          e.totalMs = performance.now() - t0;
          if (record && e.status === 200)
            this.states.record(
              record.phone,
              { time: e.time, ip },
              { path: record.path, time: e.time, status: 200, template: record.template, hash: record.hash, bytes: record.bytes },
            );
          this.logged(e); // after the state: the bench view refreshes on the log
        },
      };
    };
    const { parsed, stale } = this.bench();
    const cfg = parsed.bench.server;
    const phones = parsed.bench.phones;
    const allow = this.allowList(parsed);
    if (allow && !allow.check(ip)) return answer(403, 'client IP not in server.allow');
    if (this.shared.guard.lockedFor(ip)) return answer(403, 'locked out after repeated wrong credentials');
    const wait = this.shared.guard.limitedFor(ip);
    if (wait && !this.isBenchPhoneAddress(ip, phones)) return answer(429, `rate limited (repeated 404s), retry in ${wait} s`);
    const miss = (status: number, reason: string) => {
      if (!this.isBenchPhoneAddress(ip, phones)) this.shared.noteMiss(ip);
      return answer(status, reason);
    };
    if (path.length > 2048) return miss(400, 'file name too long');
    let p = `/${path.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/');
    const prefix = cfg.path_prefix ? `/${String(cfg.path_prefix).replace(/^\/+|\/+$/g, '')}` : '';
    const bad = unsafePath(p);
    if (bad) {
      e.path = clean(prefix && p.startsWith(`${prefix}/`) ? p.slice(prefix.length) : p)!;
      return miss(400, `refused: ${bad}`);
    }
    if (prefix) {
      if (!p.startsWith(`${prefix}/`)) {
        e.path = '(outside the path prefix)';
        return miss(404, 'wrong or missing path prefix');
      }
      p = p.slice(prefix.length);
    }
    e.path = clean(p)!;
    const rel = p.slice(1);
    if (opts.write) {
      const target = this.uploadTarget(rel, phones);
      if (target) e.phone = { mac: target.phone.mac, name: target.phone.name };
      return miss(403, 'read-only: phones upload over HTTP PUT only');
    }
    const mount = findMount(cfg.static, p);
    if (mount && this.root) {
      const hit = lookupStatic(this.root, mount.mount, mount.rest);
      if (hit.kind === 'forbidden') return miss(404, `static: ${hit.reason}`);
      if (hit.kind === 'file') {
        try {
          return answer(200, `static ${mount.mount.dir}`, await readFile(hit.abs));
        } catch {
          return miss(404, 'static: unreadable');
        }
      }
    }
    const up = this.uploadTarget(rel, phones);
    if (up?.rule.readBack && this.isPhoneAt(up.phone, ip)) {
      const stored = this.shared.uploads.latest(up.phone.mac, up.rule.suffix);
      if (stored) {
        e.phone = { mac: up.phone.mac, name: up.phone.name };
        return answer(200, 'uploaded earlier by the phone', stored.body);
      }
    }
    const { resolved, reason, phone } = this.resolve(rel, undefined, ip, parsed, undefined);
    if (!resolved.ok) {
      const attributed = this.attributable(rel, ip, phones);
      if (attributed) {
        e.phone = { mac: attributed.mac, name: attributed.name };
        return answer(404, resolved.reason);
      }
      return miss(404, resolved.reason);
    }
    e.template = resolved.template;
    if (phone && /^MAC in the/.test(reason)) this.rememberIp(ip, phone.mac);
    if (phone) e.phone = { mac: phone.mac, name: phone.name };
    const served = await this.renderer.serve(resolved, parsed, stale);
    if (!served) return answer(500, `render failed for ${resolved.template} (no last good version)`);
    e.renderMs = served.renderMs;
    e.stale = served.stale || undefined;
    e.hash = served.hash;
    if (phone) record = { phone, path: `/${resolved.path}`, template: resolved.template, hash: served.hash, bytes: served.bytes };
    return answer(200, reason, served.bytes);
  }

  // ------------------------------------------------------------------ internals

  /** TLS as served: the override when given (false: none), else bench `server.tls`. */
  private tlsConfig(s: ServerConfig): ServerConfig['tls'] {
    const o = this.options.tls;
    return o === undefined ? s.tls : o === false ? undefined : o;
  }

  /** Authentication as demanded: the override when given (false: none), else bench `server.auth`. */
  private authConfig(s: ServerConfig): ServerAuth | undefined {
    const o = this.options.auth;
    return o === undefined ? s.auth : o === false ? undefined : o;
  }

  private readRootFile(file: string, what: string): string {
    const abs = isAbsolute(file) ? file : this.root ? resolve(this.root, file) : undefined;
    const text = abs ? readFileSync(abs, 'utf8') : this.workspace.files.read(file);
    if (text === undefined) throw new Error(`${what}: cannot read ${file}`);
    return text;
  }

  /** The bench to serve from (last good when the current one is broken); reports a broken bench once per edit. */
  private bench(): { parsed: ParsedBench; stale: boolean } {
    const sb = this.workspace.servingBench();
    const cur = sb.stale ? this.workspace.parsedBench() : sb.parsed;
    if (cur !== this.benchSeen) {
      this.benchSeen = cur;
      const errors = cur.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        this.benchBroken = true;
        const message =
          errors
            .slice(0, 3)
            .map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.code} ${p.message}`)
            .join('; ') + (errors.length > 3 ? ` (+${errors.length - 3} more)` : '');
        this.emit('problem', { file: this.workspace.benchFile, message, servingLastGood: sb.stale });
      } else if (this.benchBroken) {
        this.benchBroken = false;
        this.emit('recovered', { file: this.workspace.benchFile });
      }
      const allow = this.allowList(sb.parsed);
      for (const e of allow?.errors ?? []) this.emit('problem', { file: this.workspace.benchFile, message: e, servingLastGood: false });
    }
    return sb;
  }

  private allowList(parsed: ParsedBench): AllowList | null {
    let a = this.allowFor.get(parsed);
    if (a === undefined) {
      const entries = parsed.bench.server.allow;
      a = Array.isArray(entries) ? buildAllowList(entries) : null;
      this.allowFor.set(parsed, a);
    }
    return a;
  }

  /** Every answered request: kept for history() and emitted for the log. */
  private readonly logged = (e: RequestLogEntry): void => {
    this.historyBuf.push(e);
    if (this.historyBuf.length > this.limits.historySize) this.historyBuf.shift();
    this.emit('request', e);
  };

  private batch: Array<{ req: IncomingMessage; res: ServerResponse; t0: number }> = [];

  /**
   * Requests are answered in a batch after the poll phase that read them (setImmediate), under one view of
   * the workspace files (DiskFiles.snapshot). In a boot storm this reads every ready request before writing
   * any answer: measured with wrk -c128 on loopback, ~1.2x the req/s of answering each one as it is parsed,
   * and a lower p99 (bench/bootstorm.mjs; a bare node:http server shows the same).
   */
  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.batch.push({ req, res, t0: performance.now() }) === 1) setImmediate(this.answerBatch);
  }

  private readonly answerBatch = (): void => {
    const batch = this.batch;
    this.batch = [];
    const files = this.workspace.files;
    const run = () => {
      for (const b of batch) void this.answer(b.req, b.res, b.t0);
    };
    if (files.snapshot) files.snapshot(run);
    else run();
  };

  /** Everything up to the render reads the files synchronously (one snapshot); the render itself is awaited off-thread. */
  private async answer(req: IncomingMessage, res: ServerResponse, t0: number): Promise<void> {
    const ip = normaliseIp(req.socket.remoteAddress);
    const ua = req.headers['user-agent'];
    const e: RequestLogEntry = {
      time: isoTime(this.now()),
      ip,
      method: clean(req.method, 10) ?? '?',
      path: '-',
      status: 0,
      bytes: 0,
      renderMs: 0,
      totalMs: 0,
    };
    if (ua) {
      const u = userAgentInfo(ua);
      e.userAgent = u.text;
      e.ua = u.parsed;
    }
    const x = new Exchange(res, e, t0, this.logged);
    try {
      const { parsed, stale } = this.bench();
      const cfg = parsed.bench.server;
      const allow = this.allowList(parsed);
      if (allow && !allow.check(ip)) return x.empty(403, 'client IP not in server.allow');
      const locked = this.shared.guard.lockedFor(ip);
      if (locked) return x.empty(403, 'locked out after repeated wrong credentials', { 'Retry-After': String(Math.ceil(locked / 1000)) });
      // the bucket limits strangers: a bench phone at its known address is never kept from its own files
      const wait = this.shared.guard.limitedFor(ip);
      if (wait && !this.isBenchPhoneAddress(ip, parsed.bench.phones))
        return x.empty(429, 'rate limited (repeated 404/401)', { 'Retry-After': String(wait) });

      // ---- path: decoded once, no query, no dot segments, no secret prefix
      let raw = req.url ?? '/';
      if (raw.length > 2048) return x.empty(414, 'URL too long');
      if (!raw.startsWith('/')) {
        try {
          raw = new URL(raw).pathname;
        } catch {
          return this.miss(x, ip, 400, 'malformed URL');
        }
      }
      const qi = raw.indexOf('?');
      let path: string;
      try {
        path = decodeURIComponent(qi < 0 ? raw : raw.slice(0, qi)).replace(/\/{2,}/g, '/');
      } catch {
        return this.miss(x, ip, 400, 'malformed URL encoding');
      }
      const prefix = cfg.path_prefix ? `/${String(cfg.path_prefix).replace(/^\/+|\/+$/g, '')}` : '';
      const bad = unsafePath(path);
      if (bad) {
        e.path = clean(prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path)!;
        return this.miss(x, ip, 400, `refused: ${bad}`);
      }
      if (prefix) {
        if (!path.startsWith(`${prefix}/`)) {
          e.path = '(outside the path prefix)';
          return this.miss(x, ip, 404, 'wrong or missing path prefix');
        }
        path = path.slice(prefix.length);
      }
      e.path = clean(path)!;
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT') return x.empty(405, 'method not allowed', { Allow: 'GET, HEAD, PUT' });

      // ---- authentication
      const auth = this.authConfig(cfg);
      if (auth) {
        const r = this.shared.auth.check(auth, method, req.url ?? '/', req.headers.authorization);
        if (!r.ok) {
          if (r.failed) {
            const lockedNow = this.shared.noteAuthFailure(ip);
            this.shared.noteMiss(ip);
            return x.empty(401, lockedNow ? `${r.reason}; IP locked out` : r.reason, { 'WWW-Authenticate': r.challenge });
          }
          return x.empty(401, r.reason, { 'WWW-Authenticate': r.challenge });
        }
        this.shared.noteAuthSuccess(ip);
      }

      const phones = parsed.bench.phones;
      const rel = path.slice(1);
      if (method === 'PUT') return this.upload(req, x, rel, phones);

      // ---- static folders
      const mount = findMount(cfg.static, path);
      if (mount && this.root) {
        const hit = lookupStatic(this.root, mount.mount, mount.rest);
        if (hit.kind === 'forbidden') return this.miss(x, ip, 404, `static: ${hit.reason}`);
        if (hit.kind === 'file') {
          const r = sendStatic(res, hit, method === 'HEAD', req.headers['if-none-match']);
          return x.done(r.status, r.bytes, `static ${mount.mount.dir}`);
        }
      }

      // ---- uploads read back: only files the vendor's phone fetches again, and only by that phone
      const up = this.uploadTarget(rel, phones);
      if (up?.rule.readBack && this.isPhoneAt(up.phone, ip)) {
        const stored = this.shared.uploads.latest(up.phone.mac, up.rule.suffix);
        if (stored) {
          e.phone = { mac: up.phone.mac, name: up.phone.name };
          const contentType = up.rule.suffix.endsWith('.xml') ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8';
          return this.sendBytes(req, x, { bytes: stored.body, contentType }, 'uploaded earlier by the phone');
        }
      }

      // ---- rendered files
      const { resolved, reason, phone } = this.resolve(rel, ua, ip, parsed, e.ua);
      if (!resolved.ok) {
        const attributed = this.attributable(rel, ip, phones);
        if (attributed) e.phone = { mac: attributed.mac, name: attributed.name };
        return attributed ? x.empty(404, resolved.reason) : this.miss(x, ip, 404, resolved.reason);
      }
      e.template = resolved.template;
      if (phone && /^MAC in the/.test(reason)) this.rememberIp(ip, phone.mac);
      e.reason = reason;
      if (phone) e.phone = { mac: phone.mac, name: phone.name };
      const served = await this.renderer.serve(resolved, parsed, stale);
      if (!served) return x.empty(500, `render failed for ${resolved.template} (no last good version)`);
      e.renderMs = served.renderMs;
      e.stale = served.stale || undefined;
      // the phone's state is recorded before the request is logged (the bench view refreshes on the log)
      if (phone)
        x.settled = () => {
          if (e.status !== 200 && e.status !== 304) return;
          this.states.record(
            phone,
            { time: e.time, ip, userAgent: e.userAgent, model: e.ua?.model, firmware: e.ua?.firmware },
            {
              path: `/${resolved.path}`,
              time: e.time,
              status: e.status,
              template: resolved.template,
              hash: served.hash,
              bytes: served.bytes,
            },
          );
        };
      this.sendBytes(req, x, served, reason);
    } catch (err) {
      if (!res.headersSent) x.empty(500, `internal error: ${(err as Error).message}`);
      else res.destroy();
    }
  }

  /**
   * Which phone, route and template answer a GET, and the phone it is attributed to. Depends only on the
   * path, client IP, User-Agent, the phone last seen from that IP, the bench and the files, so it is kept
   * while the files generation (see DiskFiles.snapshot) and the serving bench stay the same.
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

  private sendBytes(
    req: IncomingMessage,
    x: Exchange,
    body: { bytes: Buffer; contentType: string; etag?: string; hash?: string; headers?: Record<string, string | number> },
    reason: string,
  ): void {
    const { res, e } = x;
    e.hash = body.hash;
    const inm = req.headers['if-none-match'];
    if (body.etag && inm && (inm.trim() === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === body.etag))) {
      res
        .writeHead(304, {
          'Content-Type': body.contentType,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
          ETag: body.etag,
        })
        .end();
      return x.done(304, 0, reason);
    }
    res.writeHead(
      200,
      body.headers ?? {
        'Content-Type': body.contentType,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Length': body.bytes.length,
      },
    );
    if (req.method === 'HEAD') {
      res.end();
      return x.done(200, 0, reason);
    }
    res.end(body.bytes);
    x.done(200, body.bytes.length, reason);
  }

  /** A 404/400/401 answer that counts against the client's bucket. */
  /**
   * A refused request that counts against the client's bucket, unless it comes from a bench phone's known
   * address or is a file name the vendor named by the User-Agent requests (phones probe optional files).
   */
  private miss(x: Exchange, ip: string, status: number, reason: string): void {
    const { phones } = this.bench().parsed.bench;
    // MAC-named files never count as probes: a forged User-Agent must not make MAC enumeration free
    const probe =
      status === 404 && !!x.e.ua && matchRoutes(x.e.path.replace(/^\/+/, '')).some((m) => !m.mac && m.profile.id === x.e.ua!.vendor);
    if (!probe && !this.isBenchPhoneAddress(ip, phones)) this.shared.noteMiss(ip);
    x.empty(status, reason);
  }

  /** The bench `ip` of a phone, or the address a bench phone fetched a file naming its MAC from. */
  private isBenchPhoneAddress(ip: string, phones: Phone[]): boolean {
    const mac = this.shared.phoneAt(ip);
    return phones.some((p) => p.ip === ip || (mac !== undefined && p.mac === mac));
  }

  /** A refused request still comes from a bench phone when its path holds a bench MAC or the IP is a bench phone's. */
  private attributable(rel: string, ip: string, phones: Phone[]): Phone | undefined {
    const m = MAC_IN_PATH.exec(rel)?.[0].toLowerCase();
    return (
      phones.find((p) => (m && p.mac === m) || (p.ip && p.ip === ip)) ??
      (this.shared.phoneAt(ip) !== undefined ? phones.find((p) => p.mac === this.shared.phoneAt(ip)) : undefined)
    );
  }

  /** The bench phone and vendor upload rule a `<mac>-<file>` path names, if its vendor uploads that file. */
  private uploadTarget(rel: string, phones: Phone[]): { phone: Phone; rule: UploadRule } | undefined {
    const m = UPLOAD.exec(rel);
    const phone = m ? phones.find((p) => p.mac === m[1].toLowerCase()) : undefined;
    const rule = phone && getProfile(phone.vendor)?.uploads?.find((u) => u.suffix === m![2].toLowerCase());
    return phone && rule ? { phone, rule } : undefined;
  }

  /** Whether a client address is this phone: its bench `ip`, or the address it last fetched a file naming its MAC from. */
  private isPhoneAt(phone: Phone, ip: string): boolean {
    return phone.ip ? phone.ip === ip || this.shared.phoneAt(ip) === phone.mac : this.shared.phoneAt(ip) === phone.mac;
  }

  private rememberIp(ip: string, mac: string): void {
    this.shared.rememberIp(ip, mac);
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

  private upload(req: IncomingMessage, x: Exchange, rel: string, phones: Phone[]): void {
    const { res, e } = x;
    const m = UPLOAD.exec(rel);
    const phone = m ? phones.find((p) => p.mac === m[1].toLowerCase()) : undefined;
    if (!m || !phone) {
      req.resume();
      return this.miss(x, e.ip, 404, m ? 'upload for an unknown MAC' : 'not an upload path');
    }
    const target = this.uploadTarget(rel, phones);
    if (!target) {
      req.resume();
      const profile = getProfile(phone.vendor);
      const what = profile?.uploads
        ? `${profile.label} phones do not upload '${m[2]}'`
        : `${profile?.label ?? phone.vendor} phones never upload files`;
      return this.miss(x, e.ip, 403, `upload refused: ${what}`);
    }
    if (!this.isPhoneAt(phone, e.ip)) {
      req.resume();
      return this.miss(
        x,
        e.ip,
        403,
        `upload refused: ${e.ip} is not ${phone.name} (its bench ip, or the address it fetched its own file from)`,
      );
    }
    e.phone = { mac: phone.mac, name: phone.name };
    const limit = this.limits.uploadBytes;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      x.empty(413, `upload larger than ${limit} bytes`, { Connection: 'close' });
      req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        x.empty(413, `upload larger than ${limit} bytes`, { Connection: 'close' });
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('error', () => {
      if (!res.headersSent) res.destroy();
    });
    req.on('end', () => {
      if (over) return;
      const file = target.rule.suffix;
      const existed = !!this.shared.uploads.latest(phone.mac, file);
      const rec: UploadRecord = {
        time: e.time,
        ip: e.ip,
        mac: phone.mac,
        phone: phone.name,
        file,
        bytes: size,
        body: Buffer.concat(chunks),
      };
      this.shared.addUpload(rec);
      this.states.record(phone, { time: e.time, ip: e.ip, userAgent: e.userAgent, model: e.ua?.model, firmware: e.ua?.firmware });
      res.writeHead(existed ? 204 : 201, { 'Content-Length': 0, 'Cache-Control': 'no-store' }).end();
      x.done(existed ? 204 : 201, size, `upload ${file}`);
      const { body: _omit, ...meta } = rec;
      this.emit('upload', meta);
    });
  }
}

/** An auth override must be complete; the message never holds the password. */
function checkAuthOverride(a: ServerAuth): void {
  if (a.type !== 'basic' && a.type !== 'digest') throw new Error('the auth override needs type basic or digest');
  if (typeof a.username !== 'string' || !a.username) throw new Error('the auth override needs a user name');
  if (typeof a.password !== 'string' || !a.password) throw new Error(`the auth override for user '${a.username}' has no password`);
}

function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((l) => l ?? [])
    .map((a) => a.address.replace(/%.*$/, ''))
    .filter((a) => isIP(a));
}
