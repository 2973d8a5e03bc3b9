// RFC 3261 §17.1.2 non-INVITE client transaction with an injectable clock.
//   Trying:     send; Timer E = T1 (unreliable transports only), Timer F = 64*T1.
//               E fires: retransmit, E = min(2E, T2).
//   Proceeding: (after 1xx) E fires: retransmit, E = T2.
//   Completed:  final response received; further responses are absorbed (Timer K is the caller's
//               concern: sendNotify terminates right away because it closes its own socket).
//   Terminated: F fired (timeout), transport error, or terminate() called.
// Matching (§17.1.3, plus Call-ID): top Via branch, CSeq number and method, Call-ID.
import { getHeader, getVias, parseCSeq, parseVia, type SipMessage } from './message';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Timers {
  t1: number;
  t2: number;
  /** Timer F; 64*T1 by default. */
  timeoutF: number;
}

export const DEFAULT_T1 = 500;
export const DEFAULT_T2 = 4000;

export function resolveTimers(t?: { t1?: number; t2?: number; timeoutF?: number }): Timers {
  const t1 = t?.t1 ?? DEFAULT_T1;
  const t2 = t?.t2 ?? DEFAULT_T2;
  const timeoutF = t?.timeoutF ?? 64 * t1;
  for (const [k, v] of Object.entries({ t1, t2, timeoutF })) {
    if (!Number.isFinite(v) || v <= 0) throw new Error(`timer ${k} must be a positive number of ms`);
  }
  return { t1, t2, timeoutF };
}

export interface TransactionKey {
  branch: string;
  callId: string;
  cseq: number;
  method: string;
}

/** True when `msg` is a response to the transaction identified by `key`. */
export function matchesTransaction(msg: SipMessage, key: TransactionKey): boolean {
  if (msg.kind !== 'response') return false;
  const top = getVias(msg)[0];
  const via = top ? parseVia(top) : undefined;
  if (!via || via.params.branch !== key.branch) return false;
  if (getHeader(msg, 'call-id') !== key.callId) return false;
  const cseq = parseCSeq(getHeader(msg, 'cseq'));
  return !!cseq && cseq.seq === key.cseq && cseq.method === key.method;
}

export type TransactionOutcome = { kind: 'final'; response: SipMessage } | { kind: 'timeout' } | { kind: 'error'; error: Error };

export type TransactionState = 'idle' | 'trying' | 'proceeding' | 'completed' | 'terminated';

export interface TransactionOptions {
  key: TransactionKey;
  /** The serialised request; retransmissions send exactly these bytes. */
  request: string;
  send: (data: string) => void;
  /** Reliable transport (TCP): no Timer E. */
  reliable: boolean;
  timers: Timers;
  clock: Clock;
  onProvisional?: (msg: SipMessage) => void;
}

export class NonInviteClientTransaction {
  state: TransactionState = 'idle';
  transmissions = 0;
  private timerE: unknown;
  private timerF: unknown;
  private intervalE = 0;
  private resolve!: (o: TransactionOutcome) => void;
  readonly done: Promise<TransactionOutcome>;

  constructor(private readonly opts: TransactionOptions) {
    this.done = new Promise((r) => {
      this.resolve = r;
    });
  }

  get retransmissions(): number {
    return Math.max(0, this.transmissions - 1);
  }
  get key(): TransactionKey {
    return this.opts.key;
  }

  start(): Promise<TransactionOutcome> {
    if (this.state !== 'idle') return this.done;
    this.state = 'trying';
    const { clock, timers } = this.opts;
    this.timerF = clock.setTimeout(() => this.finish({ kind: 'timeout' }), timers.timeoutF);
    this.transmit();
    if (!this.opts.reliable && this.state === 'trying') {
      this.intervalE = timers.t1;
      this.timerE = clock.setTimeout(() => this.fireE(), this.intervalE);
    }
    return this.done;
  }

  private transmit(): void {
    this.transmissions++;
    try {
      this.opts.send(this.opts.request);
    } catch (e) {
      this.fail(e as Error);
    }
  }

  private fireE(): void {
    if (this.state !== 'trying' && this.state !== 'proceeding') return;
    this.transmit();
    if (this.state !== 'trying' && this.state !== 'proceeding') return;
    const { t2 } = this.opts.timers;
    this.intervalE = this.state === 'trying' ? Math.min(2 * this.intervalE, t2) : t2;
    this.timerE = this.opts.clock.setTimeout(() => this.fireE(), this.intervalE);
  }

  /** Feed a received message. Returns true when it belonged to this transaction. */
  receive(msg: SipMessage): boolean {
    if (!matchesTransaction(msg, this.opts.key)) return false;
    const code = msg.status!;
    if (this.state === 'trying' || this.state === 'proceeding') {
      if (code < 200) {
        if (this.state === 'trying') this.state = 'proceeding';
        this.opts.onProvisional?.(msg);
      } else {
        this.finish({ kind: 'final', response: msg }, 'completed');
      }
    }
    // completed/terminated: absorb retransmitted responses
    return true;
  }

  /** Transport failure (§17.1.4): the transaction fails. */
  fail(error: Error): void {
    this.finish({ kind: 'error', error });
  }

  /** Stop all timers; idempotent. */
  terminate(): void {
    this.clearTimers();
    if (this.state !== 'completed') this.finish({ kind: 'error', error: new Error('transaction terminated') });
    this.state = 'terminated';
  }

  private clearTimers(): void {
    if (this.timerE !== undefined) this.opts.clock.clearTimeout(this.timerE);
    if (this.timerF !== undefined) this.opts.clock.clearTimeout(this.timerF);
    this.timerE = this.timerF = undefined;
  }

  private finish(outcome: TransactionOutcome, next: TransactionState = 'terminated'): void {
    if (this.state === 'completed' || this.state === 'terminated') return;
    this.clearTimers();
    this.state = next;
    this.resolve(outcome);
  }
}
