// UDP and TCP transports for one outgoing request. Each sendNotify call owns its transport
// (its own UDP socket or TCP connection), so no cross-call demultiplexing is needed; responses
// are still matched strictly by the transaction (branch, Call-ID, CSeq).
import dgram from 'node:dgram';
import net from 'node:net';
import { StreamFramer } from './message';

export type TransportKind = 'udp' | 'tcp';

export interface SipTransport {
  readonly kind: TransportKind;
  /** TCP: no retransmissions (Timer E is not used). */
  readonly reliable: boolean;
  /** Address to advertise in Via/Contact: never a wildcard address. */
  readonly localHost: string;
  readonly localPort: number;
  send(data: string): void;
  onMessage(cb: (raw: string, from: { address: string; port: number }) => void): void;
  onError(cb: (err: Error) => void): void;
  close(): void;
}

export interface TransportOptions {
  kind: TransportKind;
  target: { host: string; port: number };
  local?: { host?: string; port?: number };
  /** Aborted when the caller gives up (e.g. Timer F while connecting); the transport must clean up. */
  signal?: AbortSignal;
}

export type SocketFactory = (opts: TransportOptions) => Promise<SipTransport>;

const isWildcard = (h: string) => h === '0.0.0.0' || h === '::' || h === '';

/** Local address the OS would use to reach `host` (a UDP connect() only does a route lookup; nothing is sent). */
export function routeLocalAddress(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    s.once('error', (e) => {
      s.close();
      reject(e);
    });
    s.connect(port, host, () => {
      const a = s.address().address;
      s.close();
      resolve(a);
    });
  });
}

/** What both transports share: error listeners, silenced once closed, and closing once. */
abstract class BaseTransport {
  protected closed = false;
  private errorCbs: Array<(e: Error) => void> = [];

  onError(cb: (err: Error) => void): void {
    this.errorCbs.push(cb);
  }

  protected emitError(e: Error): void {
    if (!this.closed) for (const cb of this.errorCbs) cb(e);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.release();
  }

  /** Frees the socket (called once, by close()). */
  protected abstract release(): void;
}

class UdpTransport extends BaseTransport implements SipTransport {
  readonly kind = 'udp' as const;
  readonly reliable = false;

  constructor(
    private readonly sock: dgram.Socket,
    private readonly target: { host: string; port: number },
    readonly localHost: string,
    readonly localPort: number,
  ) {
    super();
    sock.on('error', (e) => this.emitError(e));
  }

  send(data: string): void {
    if (this.closed) return;
    this.sock.send(data, (err) => {
      if (err) this.emitError(err);
    });
  }

  onMessage(cb: (raw: string, from: { address: string; port: number }) => void): void {
    this.sock.on('message', (buf, rinfo) => cb(buf.toString('utf8'), { address: rinfo.address, port: rinfo.port }));
  }

  protected release(): void {
    try {
      this.sock.close();
    } catch {
      /* already closed */
    }
  }
}

class TcpTransport extends BaseTransport implements SipTransport {
  readonly kind = 'tcp' as const;
  readonly reliable = true;
  private framer = new StreamFramer();
  private msgCbs: Array<(raw: string, from: { address: string; port: number }) => void> = [];

  constructor(
    private readonly sock: net.Socket,
    readonly localHost: string,
    readonly localPort: number,
  ) {
    super();
    sock.on('data', (chunk) => {
      let frames: string[];
      try {
        frames = this.framer.push(chunk);
      } catch (e) {
        this.emitError(e as Error);
        return;
      }
      const from = { address: sock.remoteAddress ?? '', port: sock.remotePort ?? 0 };
      for (const f of frames) for (const cb of this.msgCbs) cb(f, from);
    });
    sock.on('error', (e) => this.emitError(e));
    sock.on('close', () => this.emitError(new Error('connection closed by the phone')));
  }

  send(data: string): void {
    if (this.closed) return;
    this.sock.write(data);
  }

  onMessage(cb: (raw: string, from: { address: string; port: number }) => void): void {
    this.msgCbs.push(cb);
  }
  protected release(): void {
    this.sock.destroy();
  }
}

function bindUdp(opts: TransportOptions): Promise<SipTransport> {
  const { target } = opts;
  const v6 = net.isIPv6(target.host);
  const bindHost = opts.local?.host ?? (v6 ? '::' : '0.0.0.0');
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket({ type: v6 ? 'udp6' : 'udp4' });
    const onErr = (e: Error) => {
      sock.close();
      reject(e);
    };
    sock.once('error', onErr);
    sock.bind(opts.local?.port ?? 0, bindHost, () =>
      // connected: the kernel then reports an ICMP "port unreachable" as ECONNREFUSED on this socket (and keeps
      // datagrams from other addresses out); a phone answers from the address and port it was sent to
      sock.connect(target.port, target.host, () => {
        sock.off('error', onErr);
        const port = sock.address().port;
        const ready = (host: string) => {
          const t = new UdpTransport(sock, target, host, port);
          if (opts.signal?.aborted) {
            t.close();
            reject(new Error('aborted'));
            return;
          }
          opts.signal?.addEventListener('abort', () => t.close(), { once: true });
          resolve(t);
        };
        if (!isWildcard(bindHost)) ready(bindHost);
        else
          routeLocalAddress(target.host, target.port).then(ready, (e) => {
            sock.close();
            reject(e);
          });
      }),
    );
  });
}

function connectTcp(opts: TransportOptions): Promise<SipTransport> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({
      host: opts.target.host,
      port: opts.target.port,
      localAddress: opts.local?.host && !isWildcard(opts.local.host) ? opts.local.host : undefined,
      localPort: opts.local?.port || undefined,
    });
    sock.setNoDelay(true);
    const onAbort = () => {
      sock.destroy();
      reject(new Error('aborted'));
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    sock.once('error', (e) => {
      opts.signal?.removeEventListener('abort', onAbort);
      sock.destroy();
      reject(e);
    });
    sock.once('connect', () => {
      opts.signal?.removeEventListener('abort', onAbort);
      sock.removeAllListeners('error');
      const t = new TcpTransport(sock, sock.localAddress ?? '127.0.0.1', sock.localPort ?? 0);
      opts.signal?.addEventListener('abort', () => t.close(), { once: true });
      resolve(t);
    });
  });
}

/** Default factory: a fresh UDP socket or TCP connection per call. */
export const createTransport: SocketFactory = (opts) => (opts.kind === 'tcp' ? connectTcp(opts) : bindUdp(opts));
