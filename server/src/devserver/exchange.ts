// One request being answered (its response and its request log entry), and the log fields that repeat
// across a boot storm (the time string, the User-Agent), computed once.
import type { ServerResponse } from 'node:http';
import { parseUserAgent, type ParsedUserAgent } from '../core/vendors';
import { clean, type RequestLogEntry } from './log';

let lastMs = NaN;
let lastIso = '';
/** The ISO time of a request (the string is reused within a millisecond). */
export function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

const userAgents = new Map<string, { text?: string; parsed?: ParsedUserAgent }>();
/** A User-Agent as logged and as parsed, remembered (bounded: phones send a handful of distinct ones). */
export function userAgentInfo(ua: string): { text?: string; parsed?: ParsedUserAgent } {
  let u = userAgents.get(ua);
  if (!u) {
    if (userAgents.size >= 1000) userAgents.clear();
    const parsed = parseUserAgent(ua);
    u = { text: clean(ua), parsed: parsed && { ...parsed, model: clean(parsed.model, 60)!, firmware: clean(parsed.firmware, 60) } };
    userAgents.set(ua, u);
  }
  return u;
}

/** One request being answered: its response and its log entry, completed by done(). */
export class Exchange {
  constructor(
    readonly res: ServerResponse,
    readonly e: RequestLogEntry,
    private readonly t0: number,
    private readonly logged: (e: RequestLogEntry) => void,
  ) {}

  /** Runs when the answer is complete, before the entry is logged: listeners of the log see its effects. */
  settled?: (e: RequestLogEntry) => void;

  done(status: number, bytes = 0, reason?: string): void {
    const e = this.e;
    e.status = status;
    e.bytes = bytes;
    if (reason && !e.reason) e.reason = clean(reason, 300); // reasons quote request paths
    e.totalMs = performance.now() - this.t0;
    this.settled?.(e);
    this.logged(e);
  }

  /** A bodiless answer. */
  empty(status: number, reason: string, headers: Record<string, string | string[] | number> = {}): void {
    this.res.writeHead(status, { 'Content-Length': 0, 'Cache-Control': 'no-store', ...headers }).end();
    this.done(status, 0, reason);
  }
}
