// Test helpers for the SIP module: a fake clock, a scripted fake transport, and a SIPp runner.
// Everything network-facing binds and sends to 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Clock } from '../../../server/src/sip/transaction';
import type { SipTransport, SocketFactory, TransportOptions } from '../../../server/src/sip/transport';

// ---------------------------------------------------------------- fake clock

export class FakeClock implements Clock {
  private t = 0;
  private seq = 0;
  private timers = new Map<number, { at: number; seq: number; fn: () => void }>();

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, seq: id, fn });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers.delete(h as number);
  }
  get pending(): number {
    return this.timers.size;
  }

  /** Advance time, firing due timers in order (ties: the one scheduled first). */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; seq: number; fn: () => void }] | undefined;
      for (const e of this.timers)
        if (e[1].at <= end && (!next || e[1].at < next[1].at || (e[1].at === next[1].at && e[1].seq < next[1].seq))) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
  }
}

/** Let pending promise callbacks run. */
export const flush = () => new Promise<void>((r) => setImmediate(r));

// ---------------------------------------------------------------- fake transport

export class FakeTransport implements SipTransport {
  readonly localHost = '127.0.0.1';
  readonly localPort = 5099;
  readonly reliable: boolean;
  sent: Array<{ at: number; text: string }> = [];
  closed = false;
  private msgCb?: (raw: string, from: { address: string; port: number }) => void;
  private errCb?: (e: Error) => void;
  /** Called after each send; may answer with deliver(). */
  onSend?: (text: string, t: FakeTransport) => void;

  constructor(
    readonly kind: 'udp' | 'tcp',
    private readonly clock: Clock,
  ) {
    this.reliable = kind === 'tcp';
  }
  send(data: string): void {
    this.sent.push({ at: this.clock.now(), text: data });
    this.onSend?.(data, this);
  }
  onMessage(cb: (raw: string, from: { address: string; port: number }) => void): void {
    this.msgCb = cb;
  }
  onError(cb: (err: Error) => void): void {
    this.errCb = cb;
  }
  close(): void {
    this.closed = true;
  }
  deliver(raw: string): void {
    this.msgCb?.(raw, { address: '127.0.0.1', port: 5060 });
  }
  error(e: Error): void {
    this.errCb?.(e);
  }
}

export function fakeFactory(
  clock: Clock,
  setup?: (t: FakeTransport) => void,
): { factory: SocketFactory; transports: FakeTransport[]; options: TransportOptions[] } {
  const transports: FakeTransport[] = [];
  const options: TransportOptions[] = [];
  const factory: SocketFactory = async (opts) => {
    options.push(opts);
    const t = new FakeTransport(opts.kind, clock);
    setup?.(t);
    transports.push(t);
    return t;
  };
  return { factory, transports, options };
}

/** Build a response to `request` (echoing Via, From, To, Call-ID, CSeq), like a phone would. */
export function respond(request: string, code: number, reason: string, extra: string[] = []): string {
  const lines = request.split('\r\n');
  const pick = (name: string) => lines.filter((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  const to = pick('To')[0] + (code > 100 ? ';tag=phone1' : '');
  return [
    `SIP/2.0 ${code} ${reason}`,
    ...pick('Via'),
    ...pick('From'),
    to,
    ...pick('Call-ID'),
    ...pick('CSeq'),
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export function headerOf(request: string, name: string): string | undefined {
  const l = request.split('\r\n').find((x) => x.toLowerCase().startsWith(name.toLowerCase() + ':'));
  return l?.slice(l.indexOf(':') + 1).trim();
}

// ---------------------------------------------------------------- SIPp

export const SIPP_AVAILABLE = (() => {
  try {
    return spawnSync('sipp', ['-v'], { encoding: 'utf8', timeout: 5000 }).error === undefined;
  } catch {
    return false;
  }
})();
export const SIPP_SKIP = SIPP_AVAILABLE
  ? false
  : 'sipp binary not found (install Debian package sip-tester); SIPp integration tests skipped';

export const SCENARIOS = join(__dirname, 'scenarios');

const usedPorts = new Set<number>();

/**
 * A port free for both UDP and TCP on 127.0.0.1, picked at random below the kernel's ephemeral
 * range (32768+) so the senders' own ephemeral sockets cannot take it before SIPp binds it.
 */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const port = 20000 + randomInt(12000);
    if (usedPorts.has(port)) continue;
    if ((await canBind('udp', port)) && (await canBind('tcp', port))) {
      usedPorts.add(port);
      return port;
    }
  }
  throw new Error('no free port');
}

export function canBind(kind: 'udp' | 'tcp', port: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (kind === 'udp') {
      const s = dgram.createSocket('udp4');
      s.once('error', () => {
        s.close();
        resolve(false);
      });
      s.bind(port, '127.0.0.1', () => s.close(() => resolve(true)));
    } else {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    }
  });
}

export interface SippRun {
  port: number;
  /** Resolves when SIPp exits. */
  done: Promise<{ code: number | null; messages: string; log: string; errors: string; stdout: string }>;
  kill(): void;
}

/**
 * Start SIPp as the phone (UAS) on 127.0.0.1 and wait until it listens.
 * `-m calls`, `-timeout` bounded, traces in a temp dir that is removed afterwards.
 * If the port was taken meanwhile (SIPp exits with "Unable to bind"), retry on another port.
 */
export async function startSipp(
  scenario: string,
  o: { transport?: 'udp' | 'tcp'; keys?: Record<string, string>; calls?: number; timeoutS?: number; extra?: string[] } = {},
): Promise<SippRun> {
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const run = await trySipp(scenario, o);
    if ('port' in run) return run;
    lastError = run.error;
  }
  throw new Error(`SIPp could not start: ${lastError}`);
}

type SippResult = { code: number | null; messages: string; log: string; errors: string; stdout: string };

async function trySipp(
  scenario: string,
  o: { transport?: 'udp' | 'tcp'; keys?: Record<string, string>; calls?: number; timeoutS?: number; extra?: string[] },
): Promise<SippRun | { error: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sipp-'));
  const f = (n: string) => join(dir, n);
  const args = [
    '-sf',
    join(SCENARIOS, scenario),
    '-i',
    '127.0.0.1',
    '-p',
    String(port),
    '-t',
    o.transport === 'tcp' ? 't1' : 'u1',
    '-m',
    String(o.calls ?? 1),
    '-nostdin',
    '-timeout',
    `${o.timeoutS ?? 20}s`,
    '-timeout_error',
    '-trace_msg',
    '-message_file',
    f('msg.log'),
    '-trace_logs',
    '-log_file',
    f('log.log'),
    '-trace_err',
    '-error_file',
    f('err.log'),
    ...Object.entries(o.keys ?? {}).flatMap(([k, v]) => ['-key', k, v]),
    // the sender closes its TCP connection as soon as the transaction ends; without this SIPp
    // would count that close (during <timewait>) as a failed call
    ...(o.transport === 'tcp' ? ['-reconnect_close', 'false'] : []),
    ...(o.extra ?? []),
  ];
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stdout += d;
  });
  const read = (n: string) => (existsSync(f(n)) ? readFileSync(f(n), 'utf8') : '');
  let exited = false;
  const done = new Promise<SippResult>((resolve) => {
    child.on('exit', (code) => {
      exited = true;
      const r = { code, messages: read('msg.log'), log: read('log.log'), errors: read('err.log'), stdout };
      rmSync(dir, { recursive: true, force: true });
      resolve(r);
    });
  });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const deadline = Date.now() + 5000;
  while (!exited && (await canBind(o.transport ?? 'udp', port))) {
    if (Date.now() > deadline) {
      child.kill();
      break;
    }
    await sleep(30);
  }
  // The port is taken; make sure SIPp took it (a bind failure makes SIPp exit at once).
  if (!exited) await sleep(150);
  if (exited) {
    const r = await done;
    return { error: `port ${port}: exit ${r.code} ${r.errors.slice(-300)} ${r.stdout.slice(-300)}` };
  }
  return {
    port,
    done,
    kill: () => {
      if (!exited) child.kill();
    },
  };
}

/** Number of SIP requests SIPp logged as received (retransmissions included). */
export function receivedRequests(messages: string, method = 'NOTIFY'): number {
  const re = new RegExp(`message received[^\\n]*\\n+${method} `, 'g');
  return (messages.match(re) ?? []).length;
}
