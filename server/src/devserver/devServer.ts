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
import { isAbsolute, resolve } from 'node:path';
import type { ParsedBench } from '../core/bench/parse';
import type { ServerAddress } from '../core/context';
import { DiskFiles, inSnapshot } from '../core/files';
import type { Phone, ServerAuth, ServerConfig } from '../core/types';
import { getProfile } from '../core/vendors';
import type { Workspace } from '../core/workspace';
import { Exchange, isoTime, userAgentInfo } from './exchange';
import { clean, type RequestLogEntry, type UploadRecord } from './log';
import { buildAllowList, normaliseIp, type AllowList } from './net';
import { ServeRenderer, type Served } from './render';
import { defaultPoolSize, RenderPool } from './renderPool';
import { serverCredentials } from './selfsigned';
import { PhoneStates, type FetchRecord, type PhoneState } from './state';
import { SharedState } from './shared';
import { UnknownPhones } from './unknownPhones';
import { sendStatic } from './static';
import { Locator, type Refusal } from './locate';
import { receiveUpload, type UploadHost } from './upload';

import {
  DEFAULT_LIMITS,
  DEFAULT_QUIET_MS,
  type DevServerEvents,
  type DevServerLimits,
  type DevServerOptions,
  type FileFreshness,
  type PhoneUrl,
  type ServerInfo,
  type TransportAnswer,
} from './options';

export * from './options';

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
  /** What answers a read, for HTTP and TFTP alike (locate.ts). */
  private readonly locator: Locator;
  private readonly uploadHost: UploadHost;

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
    this.locator = new Locator(workspace, this.shared, this.root);
    this.uploadHost = {
      locator: this.locator,
      shared: this.shared,
      states: this.states,
      maxBytes: this.limits.uploadBytes,
      refuse: (x, r) => this.refuse(x, r),
      uploaded: (meta) => this.emit('upload', meta),
    };
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
      const { cert, key, selfSigned, fingerprint256 } = await serverCredentials(tls, {
        from: tlsFrom,
        host,
        url: s.url,
        read: (file, what) => this.readRootFile(file, what),
      });
      server = createHttps({ cert, key }, handler);
      tlsInfo = { selfSigned, fingerprint256 };
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
    return inSnapshot(this.workspace.files, () => this.readFor(path, normaliseIp(remoteAddress), opts));
  }

  private async readFor(path: string, ip: string, opts: { method: string; write?: boolean }): Promise<TransportAnswer> {
    const t0 = performance.now();
    const e = logEntry(this.now(), ip, clean(opts.method, 10)!);
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
    const phones = parsed.bench.phones;
    const refuse = (r: Refusal) => {
      this.locator.noteRefusal(e, r, phones);
      const retry = r.headers?.['Retry-After'];
      return answer(r.status, retry ? `${r.reason}, retry in ${retry} s` : r.reason);
    };
    const gate = this.locator.gate(ip, phones, this.allowList(parsed));
    if (gate) return refuse(gate);
    if (path.length > 2048) return refuse({ status: 400, reason: 'file name too long', miss: true });
    const p = this.locator.requestPath(e, `/${path.replace(/^\/+/, '')}`.replace(/\/{2,}/g, '/'), parsed.bench.server.path_prefix);
    if (!('path' in p)) return refuse(p);
    if (opts.write) {
      const target = this.locator.uploadTarget(p.path.slice(1), phones);
      if (target) e.phone = { mac: target.phone.mac, name: target.phone.name };
      return refuse({ status: 403, reason: 'read-only: phones upload over HTTP PUT only', miss: true });
    }
    const at = this.locator.target(e, p.path, undefined, parsed);
    if (at.kind === 'refused') return refuse(at);
    if (at.kind === 'static') {
      try {
        return answer(200, `static ${at.mount.dir}`, await readFile(at.file.abs));
      } catch {
        return refuse({ status: 404, reason: 'static: unreadable', miss: true });
      }
    }
    if (at.kind === 'uploaded') return answer(200, 'uploaded earlier by the phone', at.body);
    const served = await this.renderer.serve(at.resolved, parsed, stale);
    if (!served) return answer(500, `render failed for ${at.resolved.template} (no last good version)`);
    e.renderMs = served.renderMs;
    e.stale = served.stale || undefined;
    e.hash = served.hash;
    if (at.phone)
      record = { phone: at.phone, path: `/${at.resolved.path}`, template: at.resolved.template, hash: served.hash, bytes: served.bytes };
    return answer(200, at.reason, served.bytes);
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
    inSnapshot(this.workspace.files, () => {
      for (const b of batch) void this.answer(b.req, b.res, b.t0);
    });
  };

  /** Everything up to the render reads the files synchronously (one snapshot); the render itself is awaited off-thread. */
  private async answer(req: IncomingMessage, res: ServerResponse, t0: number): Promise<void> {
    const ip = normaliseIp(req.socket.remoteAddress);
    const ua = req.headers['user-agent'];
    const e = logEntry(this.now(), ip, clean(req.method, 10) ?? '?');
    if (ua) {
      const u = userAgentInfo(ua);
      e.userAgent = u.text;
      e.ua = u.parsed;
    }
    const x = new Exchange(res, e, t0, this.logged);
    try {
      const { parsed, stale } = this.bench();
      const cfg = parsed.bench.server;
      const phones = parsed.bench.phones;
      const gate = this.locator.gate(ip, phones, this.allowList(parsed));
      if (gate) return this.refuse(x, gate);

      // ---- path: decoded once, no query, no dot segments, no secret prefix
      let raw = req.url ?? '/';
      if (raw.length > 2048) return x.empty(414, 'URL too long');
      if (!raw.startsWith('/')) {
        try {
          raw = new URL(raw).pathname;
        } catch {
          return this.refuse(x, { status: 400, reason: 'malformed URL', miss: true });
        }
      }
      const qi = raw.indexOf('?');
      let decoded: string;
      try {
        decoded = decodeURIComponent(qi < 0 ? raw : raw.slice(0, qi)).replace(/\/{2,}/g, '/');
      } catch {
        return this.refuse(x, { status: 400, reason: 'malformed URL encoding', miss: true });
      }
      const p = this.locator.requestPath(e, decoded, cfg.path_prefix);
      if (!('path' in p)) return this.refuse(x, p);
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
      if (method === 'PUT') return receiveUpload(req, x, p.path.slice(1), phones, this.uploadHost);

      const at = this.locator.target(e, p.path, ua, parsed);
      if (at.kind === 'refused') return this.refuse(x, at);
      if (at.kind === 'static') {
        const r = sendStatic(res, at.file, method === 'HEAD', req.headers['if-none-match']);
        return x.done(r.status, r.bytes, `static ${at.mount.dir}`);
      }
      if (at.kind === 'uploaded')
        return this.sendBytes(req, x, { bytes: at.body, contentType: at.contentType }, 'uploaded earlier by the phone');

      // ---- rendered files
      const served = await this.renderer.serve(at.resolved, parsed, stale);
      if (!served) return x.empty(500, `render failed for ${at.resolved.template} (no last good version)`);
      e.renderMs = served.renderMs;
      e.stale = served.stale || undefined;
      // the phone's state is recorded before the request is logged (the bench view refreshes on the log)
      const phone = at.phone;
      if (phone)
        x.settled = () => {
          if (e.status !== 200 && e.status !== 304) return;
          this.states.record(
            phone,
            { time: e.time, ip, userAgent: e.userAgent, model: e.ua?.model, firmware: e.ua?.firmware },
            {
              path: `/${at.resolved.path}`,
              time: e.time,
              status: e.status,
              template: at.resolved.template,
              hash: served.hash,
              bytes: served.bytes,
            },
          );
        };
      this.sendBytes(req, x, served, at.reason);
    } catch (err) {
      if (!res.headersSent) x.empty(500, `internal error: ${(err as Error).message}`);
      else res.destroy();
    }
  }

  /** A refusal over HTTP; a miss counts against the client's bucket (Locator.noteRefusal). */
  private refuse(x: Exchange, r: Refusal): void {
    this.locator.noteRefusal(x.e, r, this.bench().parsed.bench.phones);
    x.empty(r.status, r.reason, r.headers);
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
}

/** An auth override must be complete; the message never holds the password. */
function checkAuthOverride(a: ServerAuth): void {
  if (a.type !== 'basic' && a.type !== 'digest') throw new Error('the auth override needs type basic or digest');
  if (typeof a.username !== 'string' || !a.username) throw new Error('the auth override needs a user name');
  if (typeof a.password !== 'string' || !a.password) throw new Error(`the auth override for user '${a.username}' has no password`);
}

/** A request's log entry before anything is known but who asked and how. */
function logEntry(now: number, ip: string, method: string): RequestLogEntry {
  return { time: isoTime(now), ip, method, path: '-', status: 0, bytes: 0, renderMs: 0, totalMs: 0 };
}
