// The dev server's options and limits, the events it emits and what it reports (devServer.ts re-exports them).
import type { ServerAuth } from '../core/types';
import type { AuthKey } from './auth';
import type { RequestLogEntry, ServerProblem, ServerRecovered, UploadRecord } from './log';
import type { PeerLink } from './shared';
import type { FetchRecord } from './state';
import type { UnknownPhone } from './unknownPhones';

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
