// Request log entries and events of the dev server. Nothing here holds a password: no Authorization
// header, no query string, no request or response body, and the secret path prefix is stripped.
import type { ParsedUserAgent } from '../core/vendors';

export interface RequestLogEntry {
  /** ISO time the request arrived. */
  time: string;
  ip: string;
  method: string;
  /** Path below the secret prefix, decoded, without the query string. */
  path: string;
  status: number;
  /** Body bytes sent (0 for HEAD and 304) or received (PUT). */
  bytes: number;
  /** Time spent rendering (0 when a cached render was re-validated and reused). */
  renderMs: number;
  /** Total handling time until the response was handed to the socket. */
  totalMs: number;
  /** The bench phone the request was attributed to. */
  phone?: { mac: string; name: string };
  userAgent?: string;
  ua?: ParsedUserAgent;
  template?: string;
  /** How the phone / file was found, or why the request was refused. */
  reason?: string;
  /** sha256 (hex) of the bytes served. */
  hash?: string;
  /** The last good render was served because the current template or bench is broken. */
  stale?: boolean;
}

export interface ServerProblem {
  /** `bench.yaml` or a template file. */
  file: string;
  message: string;
  /** Phone the failing render was for. */
  phone?: string;
  /** The last good version keeps being served (false: nothing good to serve, the request failed). */
  servingLastGood: boolean;
}

export interface ServerRecovered {
  file: string;
  phone?: string;
}

export interface UploadRecord {
  time: string;
  ip: string;
  mac: string;
  phone?: string;
  file: string;
  bytes: number;
  body: Buffer;
}

/** What must never reach a log line raw: C0 and C1 controls (CR, LF, ESC…), DEL, line and paragraph separators. */
const CTRL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;
/**
 * Printable, bounded text for the log (User-Agent, path, reasons): a control character is written as a
 * visible escape (`\x0a`, `\u2028`), so a request cannot forge a log line or colour a terminal.
 */
export function clean(s: string | undefined, max = 200): string | undefined {
  if (s === undefined) return undefined;
  const t = s.replace(CTRL, (c) =>
    c.charCodeAt(0) > 0xff ? `\\u${c.charCodeAt(0).toString(16)}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** One line per request, as `serve` prints it. */
export function formatLogLine(e: RequestLogEntry): string {
  // every field goes through clean(): paths, reasons and User-Agents come from the network, names from the bench
  const who = e.phone ? clean(e.phone.name, 80) : '-';
  const ua = e.ua
    ? clean(`${e.ua.vendor} ${e.ua.model}${e.ua.firmware ? ` ${e.ua.firmware}` : ''}`, 120)
    : e.userAgent
      ? `"${clean(e.userAgent)}"`
      : '-';
  const extra = [e.template, e.stale ? 'STALE (last good)' : undefined, e.status >= 400 || !e.template ? e.reason : undefined]
    .filter(Boolean)
    .map((x) => clean(x, 300))
    .join(' ');
  return (
    `${e.time} ${clean(e.ip, 64)} ${who} ${clean(e.method, 10)} ${clean(e.path, 300)} ${e.status} ${e.bytes}B ${e.renderMs.toFixed(1)}ms ${ua}` +
    `${extra ? ` ${extra}` : ''}`
  );
}

/**
 * A 'request' listener writing log lines in batches: entries are formatted when the event-loop turn ends
 * and written with one call, instead of a write per request during a boot storm.
 */
export function batchedLogWriter(write: (text: string) => void): (e: RequestLogEntry) => void {
  let pending: RequestLogEntry[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    let text = '';
    for (const e of batch) text += `${formatLogLine(e)}\n`;
    write(text);
  };
  return (e) => {
    if (pending.push(e) === 1) setImmediate(flush);
  };
}
