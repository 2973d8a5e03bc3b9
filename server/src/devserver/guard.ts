// Per-client-IP protection: a token bucket for answers that reveal nothing to a legitimate phone (404 and
// failed 401: MAC enumeration, password guessing), and a lockout after repeated wrong credentials.
// Both maps are bounded. Times come from an injectable clock.

export interface GuardOptions {
  /** Unattributed 404s / failed 401s allowed in a burst, then `missRefillPerSec` per second. */
  missBurst: number;
  missRefillPerSec: number;
  /** Wrong credentials within `lockoutWindowMs` that lock the IP out for `lockoutMs`. */
  lockoutFailures: number;
  lockoutWindowMs: number;
  lockoutMs: number;
  now: () => number;
}

interface Entry {
  tokens: number;
  at: number;
  failures: number[];
  lockedUntil: number;
}
const MAX_ENTRIES = 10_000;

export class ClientGuard {
  private entries = new Map<string, Entry>();
  constructor(private readonly opts: GuardOptions) {}

  private entry(ip: string, create: boolean): Entry | undefined {
    let e = this.entries.get(ip);
    const now = this.opts.now();
    if (e) {
      e.tokens = Math.min(this.opts.missBurst, e.tokens + ((now - e.at) / 1000) * this.opts.missRefillPerSec);
      e.at = now;
    } else if (create) {
      if (this.entries.size >= MAX_ENTRIES) this.prune(now);
      e = { tokens: this.opts.missBurst, at: now, failures: [], lockedUntil: 0 };
      this.entries.set(ip, e);
    }
    return e;
  }

  /** Milliseconds the IP stays locked out (0 when it is not). */
  lockedFor(ip: string): number {
    const e = this.entries.get(ip);
    return e ? Math.max(0, e.lockedUntil - this.opts.now()) : 0;
  }

  /** Seconds to wait when the IP's bucket is empty (0 when requests may proceed). */
  limitedFor(ip: string): number {
    const e = this.entry(ip, false);
    if (!e || e.tokens >= 1) return 0;
    return Math.ceil((1 - e.tokens) / this.opts.missRefillPerSec);
  }

  /** A 404 or failed 401 not attributable to a bench phone. */
  noteMiss(ip: string): void {
    this.entry(ip, true)!.tokens -= 1;
  }

  /** Wrong credentials; returns true when this failure locked the IP out. */
  noteAuthFailure(ip: string): boolean {
    const e = this.entry(ip, true)!;
    const now = this.opts.now();
    e.failures = e.failures.filter((t) => now - t < this.opts.lockoutWindowMs);
    e.failures.push(now);
    if (e.failures.length >= this.opts.lockoutFailures) {
      e.lockedUntil = now + this.opts.lockoutMs;
      e.failures = [];
      return true;
    }
    return false;
  }

  noteAuthSuccess(ip: string): void {
    const e = this.entries.get(ip);
    if (e) e.failures = [];
  }

  private prune(now: number): void {
    for (const [ip, e] of this.entries) {
      if (
        e.lockedUntil <= now &&
        !e.failures.length &&
        e.tokens + ((now - e.at) / 1000) * this.opts.missRefillPerSec >= this.opts.missBurst
      )
        this.entries.delete(ip);
    }
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
