// Read-only TFTP for phones that only speak TFTP (`serve --tftp [port]`): RFC 1350 over node:dgram with
// option negotiation (RFC 2347) for blksize (RFC 2348), timeout and tsize (RFC 2349). Every read request is
// answered by DevServer.fileFor(): the same resolution (MAC in the file name, else the client IP of a bench
// phone) and the same per-request render as HTTP, logged in the same request log. Each transfer has its own
// socket (its TID); lock-step DATA/ACK with retransmission on timeout, a final block shorter than blksize
// (zero-length when the size is a multiple of it), block numbers rolling over from 65535 to 0.
// Write requests get error 2 (access violation), unknown files error 1, refused options error 8.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import type { TransportAnswer } from './devServer';
import {
  dataPacket,
  ERR,
  errorPacket,
  negotiate,
  oackPacket,
  OP,
  parseRequest,
  TftpError,
  toNetascii,
  type Negotiated,
  type TftpRequest,
} from './tftpPacket';

/** Who answers a read (DevServer). */
export interface TftpSource {
  fileFor(path: string, remoteAddress: string, opts: { method: string; write?: boolean }): Promise<TransportAnswer>;
}

export interface TftpOptions {
  /** Address to bind (default 127.0.0.1); port 69 by default, 0 for any free port. */
  host?: string;
  port?: number;
  /** Retransmission timeout when the client sets none (ms, default 1000). */
  timeoutMs?: number;
  /** Retransmissions of one packet before the transfer is abandoned (default 5). */
  retries?: number;
  /** Transfers at once; past that a request gets error 0 "busy" (default 128). */
  maxTransfers?: number;
}

export const DEFAULT_TFTP_PORT = 69;

/** The error a refused read gets: the same text every time (an unknown MAC and an unknown file look alike). */
function refusal(status: number, write: boolean): [number, string] {
  if (status === 404) return [ERR.FILE_NOT_FOUND, 'File not found'];
  if (status === 403 && write) return [ERR.ACCESS_VIOLATION, 'Access violation: this server is read-only'];
  if (status === 403 || status === 400) return [ERR.ACCESS_VIOLATION, 'Access violation'];
  if (status === 429) return [ERR.NOT_DEFINED, 'Too many failed requests, retry later'];
  return [ERR.NOT_DEFINED, 'Server error'];
}

export class TftpServer {
  private socket?: Socket;
  private readonly busy = new Set<string>();
  private readonly transfers = new Set<Transfer>();
  private closed = false;

  constructor(
    private readonly source: TftpSource,
    private readonly options: TftpOptions = {},
  ) {}

  /** Where the server listens, once started. */
  get address(): { host: string; port: number } | undefined {
    const a = this.socket?.address();
    return a ? { host: a.address, port: a.port } : undefined;
  }

  async start(): Promise<{ host: string; port: number }> {
    if (this.socket) throw new Error('the TFTP server is already running');
    const host = this.options.host ?? '127.0.0.1';
    const port = this.options.port ?? DEFAULT_TFTP_PORT;
    const sock = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4');
    await new Promise<void>((ok, fail) => {
      sock.once('error', fail);
      // exclusive: inside a `serve --workers` process, a shared (primary-owned) socket would mix transfers
      sock.bind({ port, address: host, exclusive: true }, () => {
        sock.off('error', fail);
        ok();
      });
    }).catch((e: NodeJS.ErrnoException) => {
      sock.close();
      const hint = e.code === 'EACCES' ? ' (ports below 1024 need root or CAP_NET_BIND_SERVICE)' : '';
      throw new Error(`TFTP: cannot listen on udp ${host}:${port}: ${e.code ?? e.message}${hint}`);
    });
    sock.on('error', () => {
      /* a send failure concerns one client; the server keeps listening */
    });
    sock.on('message', (msg, rinfo) => this.onRequest(msg, rinfo));
    this.socket = sock;
    this.closed = false;
    return this.address!;
  }

  /** Stops listening and abandons every transfer under way (logged as stopped). */
  async stop(): Promise<void> {
    const sock = this.socket;
    if (!sock) return;
    this.socket = undefined;
    this.closed = true;
    for (const t of [...this.transfers]) t.end(499, 'server stopped');
    await new Promise<void>((ok) => sock.close(() => ok()));
  }

  private reply(to: RemoteInfo, code: number, message: string): void {
    this.socket?.send(errorPacket(code, message), to.port, to.address);
  }

  private onRequest(msg: Buffer, rinfo: RemoteInfo): void {
    let req: TftpRequest;
    try {
      req = parseRequest(msg);
    } catch (e) {
      // a stray DATA/ACK/ERROR on the listening port, or a malformed request: not a transfer, not logged
      if (msg.length >= 2 && msg.readUInt16BE(0) === OP.ERROR) return;
      const err = e instanceof TftpError ? e : new TftpError(ERR.ILLEGAL_OPERATION, 'malformed request');
      const what = err.code === ERR.OPTION_REFUSED ? 'Option negotiation refused' : 'Illegal operation';
      return this.reply(rinfo, err.code, `${what}: ${err.message}`);
    }
    const key = `${rinfo.address}\0${rinfo.port}`;
    if (this.busy.has(key)) return; // a retransmitted request while its answer is being prepared or sent
    if (this.busy.size >= (this.options.maxTransfers ?? 128)) return this.reply(rinfo, ERR.NOT_DEFINED, 'Server busy, retry later');
    this.busy.add(key);
    this.answer(req, rinfo)
      .catch(() => this.reply(rinfo, ERR.NOT_DEFINED, 'Server error'))
      .finally(() => this.busy.delete(key));
  }

  private async answer(req: TftpRequest, rinfo: RemoteInfo): Promise<void> {
    const write = req.op === OP.WRQ;
    const a = await this.source.fileFor(req.filename, rinfo.address, { method: write ? 'TFTP-WRQ' : 'TFTP-RRQ', write });
    if (this.closed) return a.finish({ bytes: 0, status: 499, note: 'server stopped' });
    if (a.status !== 200 || !a.body) {
      const [code, text] = refusal(a.status, write);
      this.reply(rinfo, code, text);
      return a.finish({ bytes: 0, note: `TFTP error ${code}` });
    }
    let neg: Negotiated;
    try {
      neg = negotiate(req.options);
    } catch (e) {
      const err = e as TftpError;
      this.reply(rinfo, err.code, `Option negotiation refused: ${err.message}`);
      return a.finish({ bytes: 0, status: 400, note: `TFTP error ${err.code}: ${err.message}` });
    }
    const body = req.mode === 'netascii' ? toNetascii(a.body) : a.body;
    for (const pair of neg.ack) if (pair[0] === 'tsize') pair[1] = String(body.length);
    const timeoutMs = neg.timeout ? neg.timeout * 1000 : (this.options.timeoutMs ?? 1000);
    const opts = neg.ack.map(([k, v]) => `${k}=${v}`).join(' ');
    const note = `TFTP ${req.mode}${opts ? ` ${opts}` : ''}`;
    await new Promise<void>((done) => {
      const t = new Transfer(rinfo, body, neg, timeoutMs, this.options.retries ?? 5, (status, why) => {
        this.transfers.delete(t);
        a.finish({ bytes: t.ackedBytes, status: status === 200 ? undefined : status, note: why ? `${note}; ${why}` : note });
        done();
      });
      this.transfers.add(t);
      t.begin(this.socket!.address().address);
    });
  }
}

/** One read transfer, on its own socket (the server's TID for this client). */
class Transfer {
  private sock: Socket;
  private block = 0;
  private packet?: Buffer;
  private tries = 0;
  private timer?: NodeJS.Timeout;
  private finished = false;
  /** Bytes of the file the client has acknowledged. */
  ackedBytes = 0;
  private readonly lastBlock: number;

  constructor(
    private readonly peer: RemoteInfo,
    private readonly body: Buffer,
    private readonly neg: Negotiated,
    private readonly timeoutMs: number,
    private readonly retries: number,
    private readonly onEnd: (status: number, why?: string) => void,
  ) {
    this.sock = createSocket(peer.family === 'IPv6' ? 'udp6' : 'udp4');
    this.lastBlock = Math.floor(body.length / neg.blksize) + 1;
  }

  begin(localAddress: string): void {
    this.sock.on('error', (e) => this.end(499, `socket error: ${e.message}`));
    this.sock.on('message', (msg, from) => this.onMessage(msg, from));
    this.sock.bind({ port: 0, address: localAddress, exclusive: true }, () => {
      if (this.finished) return;
      // RFC 2347: an OACK when any option was acknowledged; the client's ACK 0 starts the data
      if (this.neg.ack.length) this.send(oackPacket(this.neg.ack));
      else this.sendBlock(1);
    });
  }

  private sendBlock(n: number): void {
    this.block = n;
    const size = this.neg.blksize;
    this.send(dataPacket(n, this.body.subarray((n - 1) * size, Math.min(n * size, this.body.length))));
  }

  private send(packet: Buffer): void {
    this.packet = packet;
    this.tries = 0;
    this.transmit();
  }

  private transmit(): void {
    clearTimeout(this.timer);
    this.sock.send(this.packet!, this.peer.port, this.peer.address);
    this.timer = setTimeout(() => {
      if (this.tries++ >= this.retries) return this.end(408, `no ACK for block ${this.block} after ${this.retries} retransmissions`);
      this.transmit();
    }, this.timeoutMs);
  }

  private onMessage(msg: Buffer, from: RemoteInfo): void {
    if (from.address !== this.peer.address || from.port !== this.peer.port) {
      // RFC 1350: a packet from another TID gets error 5 and does not disturb the transfer
      this.sock.send(errorPacket(ERR.UNKNOWN_TID, 'Unknown transfer ID'), from.port, from.address);
      return;
    }
    const op = msg.length >= 4 ? msg.readUInt16BE(0) : 0;
    if (op === OP.ERROR) {
      const text = msg.toString('latin1', 4, msg.indexOf(0, 4) < 0 ? msg.length : msg.indexOf(0, 4));
      return this.end(499, `client sent error ${msg.readUInt16BE(2)}${text ? ` (${text})` : ''}`);
    }
    if (op !== OP.ACK) {
      this.sock.send(errorPacket(ERR.ILLEGAL_OPERATION, 'Illegal operation: expected an ACK'), from.port, from.address);
      return this.end(499, `client sent opcode ${op} during a read`);
    }
    // only the ACK of the block just sent moves on; a duplicate ACK is not answered (Sorcerer's Apprentice)
    if (msg.readUInt16BE(2) !== (this.block & 0xffff)) return;
    this.ackedBytes = Math.min(this.block * this.neg.blksize, this.body.length);
    if (this.block === this.lastBlock) return this.end(200);
    this.sendBlock(this.block + 1);
  }

  end(status: number, why?: string): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.timer);
    try {
      this.sock.close();
    } catch {
      /* already closed */
    }
    this.onEnd(status, why);
  }
}
