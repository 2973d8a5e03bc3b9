// Public API: send an out-of-dialog SIP NOTIFY (check-sync / resync / reboot) to a phone and
// report the outcome in the user's terms. Dependency-free (node:dgram, node:net, node:crypto).
//
// Concurrency model: every sendNotify call owns its socket (a fresh ephemeral UDP port or its own
// TCP connection), closed when the call settles. Responses are nevertheless matched by Via branch,
// Call-ID and CSeq, so strays and late duplicates are ignored.
//
// Passwords are used only inside digest.ts to compute the response hash; they never appear in a
// result, a traced message or an error string.
import { randomBytes, randomInt } from 'node:crypto';
import net from 'node:net';
import { buildAuthorization, parseChallenges, pickChallenge } from './digest';
import { buildRequest, getHeader, getHeaders, parseMessage, type SipMessage } from './message';
import { NonInviteClientTransaction, realClock, resolveTimers, type Clock, type Timers } from './transaction';
import { createTransport, type SipTransport, type SocketFactory } from './transport';

export type { Clock } from './transaction';
export type { SipTransport, SocketFactory, TransportOptions } from './transport';

export const USER_AGENT = 'Provisioning-Studio/0.1';

export interface NotifyRequest {
  target: { host: string; port: number; transport: 'udp' | 'tcp' };
  /** e.g. 'check-sync;reboot=false', 'resync', 'check-sync' */
  event: string;
  /** The line's extension/user for the Request-URI and To (sip:user@host:port). */
  user?: string;
  /** For 401/407 digest challenges: the phone line's SIP username and password. */
  credentials?: { username: string; password: string };
  /** Local bind address/port (default wildcard address, ephemeral port). */
  local?: { host?: string; port?: number };
  /** ms; defaults T1 500, T2 4000, timer F 64*T1. */
  timers?: { t1?: number; t2?: number; timeoutF?: number };
  /** Names the vendor setting that makes a phone ignore non-registrar NOTIFY (used in the no-answer message). */
  vendorHint?: string;
}

export type NotifyStatus = 'accepted' | 'auth-refused' | 'unsupported-event' | 'no-answer' | 'rejected' | 'error';

export interface NotifyResult {
  status: NotifyStatus;
  /** Final SIP status code (408 for a Timer F timeout, as RFC 3261 reports it to the user). */
  code?: number;
  reason?: string;
  /** The outcome in the user's terms. */
  message: string;
  /** Retransmissions over all transactions (the authenticated retry is a new transaction). */
  retransmissions: number;
  elapsedMs: number;
}

export interface SendNotifyOptions {
  clock?: Clock;
  socketFactory?: SocketFactory;
  /** Sees every message sent and every message received (for verbose output). No passwords in them. */
  onMessage?: (direction: 'sent' | 'received', text: string) => void;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const uriHost = (h: string) => (net.isIPv6(h) ? `[${h}]` : h);
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
const statusText = (r: SipMessage) => `${r.status}${r.reason ? ' ' + r.reason : ''}`;

function validate(req: NotifyRequest): string | undefined {
  const t = req.target;
  if (!t || typeof t.host !== 'string' || !t.host.trim() || /[\s<>;@"]/.test(t.host)) return 'invalid target host';
  if (!Number.isInteger(t.port) || t.port < 1 || t.port > 65535) return `invalid target port ${t.port}`;
  if (t.transport !== 'udp' && t.transport !== 'tcp') return `unsupported transport ${String(t.transport)}`;
  if (typeof req.event !== 'string' || !/^[A-Za-z0-9!%*_+`'~.-]+(\s*;[^\r\n]*)?$/.test(req.event.trim()))
    return `invalid event value '${String(req.event).replace(/[\r\n]/g, ' ')}'`;
  if (req.user !== undefined && !/^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+$/.test(req.user))
    return `invalid user part '${req.user.replace(/[\r\n]/g, ' ')}'`;
  if (req.credentials && (/[\r\n]/.test(req.credentials.username) || typeof req.credentials.password !== 'string'))
    return 'invalid credentials (username contains a line break or password missing)';
  return undefined;
}

/** Send one NOTIFY and wait for its outcome. Never rejects: failures are reported in the result. */
export async function sendNotify(req: NotifyRequest, opts: SendNotifyOptions = {}): Promise<NotifyResult> {
  const clock = opts.clock ?? realClock;
  const started = clock.now();
  let retransmissions = 0;
  const result = (status: NotifyStatus, message: string, r?: SipMessage, code?: number, reason?: string): NotifyResult => ({
    status,
    code: r?.status ?? code,
    reason: r ? r.reason : reason,
    message,
    retransmissions,
    elapsedMs: Math.max(0, Math.round(clock.now() - started)),
  });

  const invalid = validate(req);
  if (invalid) return result('error', `cannot send NOTIFY: ${invalid}`);
  let timers: Timers;
  try {
    timers = resolveTimers(req.timers);
  } catch (e) {
    return result('error', `cannot send NOTIFY: ${(e as Error).message}`);
  }

  const { target } = req;
  const where = `${uriHost(target.host)}:${target.port} over ${target.transport.toUpperCase()}`;

  // Open the transport; a connect that hangs is bounded by Timer F.
  const abort = new AbortController();
  let transport: SipTransport;
  try {
    const factory = opts.socketFactory ?? createTransport;
    let fTimer: unknown;
    const gaveUp = new Promise<never>((_, reject) => {
      fTimer = clock.setTimeout(() => {
        abort.abort();
        reject(Object.assign(new Error('timeout'), { timeoutF: true }));
      }, timers.timeoutF);
    });
    try {
      transport = await Promise.race([factory({ kind: target.transport, target, local: req.local, signal: abort.signal }), gaveUp]);
    } finally {
      clock.clearTimeout(fTimer);
      gaveUp.catch(() => undefined);
    }
  } catch (e) {
    if ((e as { timeoutF?: boolean }).timeoutF)
      return result(
        'no-answer',
        `could not connect to ${where} within ${seconds(timers.timeoutF)} — check the address, port and firewall`,
        undefined,
        408,
        'Request Timeout',
      );
    return result('error', `could not open a connection to ${where}: ${describeError(e)}`);
  }

  let current: NonInviteClientTransaction | undefined;
  /** The last provisional (1xx) answer: a timeout after one is "only provisional answers", not "no answer". */
  let provisional: SipMessage | undefined;
  transport.onMessage((raw) => {
    const msg = parseMessage(raw);
    if (!msg || msg.kind !== 'response') return; // requests (e.g. OPTIONS) are not ours to answer here
    opts.onMessage?.('received', raw);
    if (msg.status !== undefined && msg.status < 200) provisional = msg;
    current?.receive(msg);
  });
  transport.onError((e) => current?.fail(e));

  const local = uriHost(transport.localHost);
  const proto = target.transport.toUpperCase();
  const tparam = target.transport === 'tcp' ? ';transport=tcp' : '';
  const userPart = req.user ? `${req.user}@` : '';
  const requestUri = `sip:${userPart}${uriHost(target.host)}:${target.port}${tparam}`;
  const fromTag = hex(4);
  const callId = `${hex(12)}@${transport.localHost}`;
  let cseq = randomInt(1, 10_000);

  const run = async (authHeader?: [string, string]) => {
    const branch = `z9hG4bK${hex(10)}`;
    const headers: Array<[string, string]> = [
      ['Via', `SIP/2.0/${proto} ${local}:${transport.localPort};branch=${branch};rport`],
      ['Max-Forwards', '70'],
      ['From', `<sip:provisioner@${local}>;tag=${fromTag}`],
      ['To', `<sip:${userPart}${uriHost(target.host)}:${target.port}>`],
      ['Call-ID', callId],
      ['CSeq', `${cseq} NOTIFY`],
      ['Contact', `<sip:provisioner@${local}:${transport.localPort}${tparam}>`],
      ['Event', req.event.trim()],
      ['Subscription-State', 'terminated'],
      ['User-Agent', USER_AGENT],
    ];
    if (authHeader) headers.push(authHeader);
    const text = buildRequest({ method: 'NOTIFY', uri: requestUri, headers });
    const tx = new NonInviteClientTransaction({
      key: { branch, callId, cseq, method: 'NOTIFY' },
      request: text,
      reliable: transport.reliable,
      timers,
      clock,
      send: (data) => {
        opts.onMessage?.('sent', data);
        transport.send(data);
      },
    });
    current = tx;
    const outcome = await tx.start();
    retransmissions += tx.retransmissions;
    tx.terminate();
    return outcome;
  };

  try {
    let outcome = await run();
    let authAttempts = 0;
    let lastChallengeCode = 0;
    for (;;) {
      if (outcome.kind === 'timeout') {
        const tail = req.vendorHint
          ? `most likely the phone only accepts SIP from its registrar (${req.vendorHint})`
          : 'check the address and port, or the phone only accepts SIP from its registrar (trust/registrar filter setting)';
        if (provisional) {
          const msg =
            `only provisional answers (${statusText(provisional)}) within ${seconds(clock.now() - started)}: the phone received the NOTIFY ` +
            'but never answered it finally — it may still act on it; check the phone';
          return result('no-answer', msg, undefined, 408, 'Request Timeout');
        }
        const what = transport.reliable
          ? `no answer over TCP within ${seconds(clock.now() - started)}`
          : `no answer after ${retransmissions} retransmissions over ${seconds(clock.now() - started)}`;
        return result('no-answer', `${what} — ${tail}`, undefined, 408, 'Request Timeout');
      }
      if (outcome.kind === 'error')
        return result('error', `could not send NOTIFY to ${where}: ${describeError(outcome.error, target.transport)}`);
      const r = outcome.response;
      const code = r.status!;
      if (code >= 200 && code < 300) return result('accepted', `accepted (${statusText(r)})`, r);
      if (code === 401 || code === 407) {
        if (!req.credentials)
          return result(
            'auth-refused',
            `the phone asked for credentials (${statusText(r)}) but no credentials were available for this line`,
            r,
          );
        const challenges = getHeaders(r, code === 401 ? 'www-authenticate' : 'proxy-authenticate').flatMap(parseChallenges);
        const ch = pickChallenge(challenges);
        // One retry per challenge; a further challenge is answered once more only when it says stale=true.
        const again = authAttempts > 0 && !(authAttempts === 1 && lastChallengeCode === code && ch?.stale);
        if (again) return result('auth-refused', `the phone asked for credentials and refused ours (${code})`, r);
        if (!ch) {
          const algs =
            challenges.map((c) => `${c.scheme} ${c.algorithm}${c.qop.length ? ' qop=' + c.qop.join('/') : ''}`).join(', ') || 'none';
          return result(
            'auth-refused',
            `the phone asked for credentials (${statusText(r)}) with a challenge we cannot answer (${algs})`,
            r,
          );
        }
        authAttempts++;
        lastChallengeCode = code;
        cseq += 1;
        const value = buildAuthorization(ch, req.credentials, 'NOTIFY', requestUri);
        outcome = await run([code === 401 ? 'Authorization' : 'Proxy-Authorization', value]);
        continue;
      }
      if (code === 489)
        return result(
          'unsupported-event',
          `the phone does not support the event '${eventName(req.event)}' (${statusText(r)})${allowEvents(r)}`,
          r,
        );
      return result('rejected', rejectionMessage(r, req, authAttempts > 0), r);
    }
  } finally {
    current = undefined;
    transport.close();
  }
}

function eventName(event: string): string {
  return event.split(';')[0].trim();
}

function allowEvents(r: SipMessage): string {
  const a = getHeader(r, 'allow-events');
  return a ? `; it allows: ${a}` : '';
}

function rejectionMessage(r: SipMessage, req: NotifyRequest, authenticated: boolean): string {
  const s = statusText(r);
  switch (r.status) {
    case 403:
      return authenticated
        ? `the phone refused our credentials (${s}) — the line password (or auth user) in the bench file is probably wrong`
        : `the phone refuses this sender (${s}) — check its trust settings${req.vendorHint ? ` (${req.vendorHint})` : ''}`;
    case 404:
      return `the phone has no account '${req.user ?? ''}' (${s}) — use the line user or the registered Contact`;
    case 481:
      return `the phone applies strict subscription rules and refused the unsolicited NOTIFY (${s}) — try the vendor's other event or enable check-sync on the phone`;
    case 405:
    case 501:
      return `the phone does not accept this NOTIFY (${s}) — wrong event value '${eventName(req.event)}' for this vendor or firmware`;
    default:
      return `the phone rejected the NOTIFY (${s})`;
  }
}

function describeError(e: unknown, transport?: 'udp' | 'tcp'): string {
  const err = e as NodeJS.ErrnoException;
  // over UDP, ECONNREFUSED is the phone's ICMP "port unreachable": its host is up, nothing listens on the port
  if (err?.code === 'ECONNREFUSED' && transport === 'udp')
    return 'port unreachable (the host answered ICMP: nothing listens for SIP on that port)';
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused (nothing listens on that port)',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ECONNRESET: 'connection reset by the phone',
    ETIMEDOUT: 'connection timed out',
    EADDRINUSE: 'local address/port already in use',
    EADDRNOTAVAIL: 'local address not available on this machine',
    ENOTFOUND: 'host name not found',
  };
  if (err?.code && known[err.code]) return known[err.code];
  return err?.message ?? String(e);
}
