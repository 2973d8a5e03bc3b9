// TFTP packets (RFC 1350) and option negotiation (RFC 2347: blksize RFC 2348, timeout and tsize RFC 2349):
// parsing a request, building DATA / ERROR / OACK, and netascii conversion. No I/O here.

export const OP = { RRQ: 1, WRQ: 2, DATA: 3, ACK: 4, ERROR: 5, OACK: 6 } as const;

/** RFC 1350 error codes, and 8 from RFC 2347. */
export const ERR = {
  NOT_DEFINED: 0,
  FILE_NOT_FOUND: 1,
  ACCESS_VIOLATION: 2,
  DISK_FULL: 3,
  ILLEGAL_OPERATION: 4,
  UNKNOWN_TID: 5,
  FILE_EXISTS: 6,
  NO_SUCH_USER: 7,
  OPTION_REFUSED: 8,
} as const;

export const DEFAULT_BLKSIZE = 512;
/** RFC 2348: blksize between 8 and 65464 octets. */
export const MIN_BLKSIZE = 8;
export const MAX_BLKSIZE = 65464;

export interface TftpRequest {
  op: typeof OP.RRQ | typeof OP.WRQ;
  filename: string;
  mode: 'octet' | 'netascii';
  /** Options as sent (names lower-cased), in order. */
  options: Map<string, string>;
}

/** What the server agreed to: the options it acknowledges in its OACK (empty: no OACK, plain RFC 1350). */
export interface Negotiated {
  blksize: number;
  /** Retransmission timeout in seconds, when the client asked for one. */
  timeout?: number;
  wantsTsize: boolean;
  /** The OACK's option names and values, in the client's order. */
  ack: [string, string][];
}

export class TftpError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A RRQ or WRQ: `opcode filename\0 mode\0 [option\0 value\0]…`. Throws TftpError(4) when malformed or the
 * mode is not octet/netascii (`mail` is obsolete), TftpError(8) for a repeated option.
 */
export function parseRequest(buf: Buffer): TftpRequest {
  if (buf.length < 4) throw new TftpError(ERR.ILLEGAL_OPERATION, 'short packet');
  const op = buf.readUInt16BE(0);
  if (op !== OP.RRQ && op !== OP.WRQ) throw new TftpError(ERR.ILLEGAL_OPERATION, `unexpected opcode ${op}`);
  const fields: string[] = [];
  let at = 2;
  while (at < buf.length) {
    const end = buf.indexOf(0, at);
    if (end < 0) throw new TftpError(ERR.ILLEGAL_OPERATION, 'field not terminated by NUL');
    // file names are bytes; latin1 keeps every byte as one character (and visible to unsafePath checks)
    fields.push(buf.toString('latin1', at, end));
    at = end + 1;
  }
  if (fields.length < 2 || fields.length % 2 !== 0) throw new TftpError(ERR.ILLEGAL_OPERATION, 'malformed request');
  const [filename, modeText] = fields;
  if (!filename) throw new TftpError(ERR.ILLEGAL_OPERATION, 'empty file name');
  const mode = modeText.toLowerCase();
  if (mode !== 'octet' && mode !== 'netascii') throw new TftpError(ERR.ILLEGAL_OPERATION, `unsupported transfer mode '${modeText}'`);
  const options = new Map<string, string>();
  for (let i = 2; i < fields.length; i += 2) {
    const name = fields[i].toLowerCase();
    if (options.has(name)) throw new TftpError(ERR.OPTION_REFUSED, `option '${name}' given twice`);
    options.set(name, fields[i + 1]);
  }
  return { op, filename, mode, options };
}

/**
 * The options the server acknowledges (RFC 2347: unknown ones are left out of the OACK). A blksize outside
 * 8..65464, a timeout outside 1..255 s, or a value that is not a decimal number is refused with error 8
 * rather than ignored: the client asked for something it cannot have, and says so at once.
 */
export function negotiate(options: Map<string, string>): Negotiated {
  const out: Negotiated = { blksize: DEFAULT_BLKSIZE, wantsTsize: false, ack: [] };
  const num = (name: string, v: string) => {
    if (!/^\d{1,10}$/.test(v)) throw new TftpError(ERR.OPTION_REFUSED, `${name} '${v}' is not a number`);
    return Number(v);
  };
  for (const [name, value] of options) {
    if (name === 'blksize') {
      const n = num(name, value);
      if (n < MIN_BLKSIZE || n > MAX_BLKSIZE)
        throw new TftpError(ERR.OPTION_REFUSED, `blksize ${n} outside ${MIN_BLKSIZE}..${MAX_BLKSIZE} (RFC 2348)`);
      out.blksize = n;
      out.ack.push([name, String(n)]);
    } else if (name === 'timeout') {
      const n = num(name, value);
      if (n < 1 || n > 255) throw new TftpError(ERR.OPTION_REFUSED, `timeout ${n} outside 1..255 s (RFC 2349)`);
      out.timeout = n;
      out.ack.push([name, String(n)]);
    } else if (name === 'tsize') {
      num(name, value);
      out.wantsTsize = true;
      out.ack.push([name, '']); // the size is filled in once the file is known
    }
  }
  return out;
}

export function dataPacket(block: number, payload: Buffer): Buffer {
  const b = Buffer.allocUnsafe(4 + payload.length);
  b.writeUInt16BE(OP.DATA, 0);
  b.writeUInt16BE(block & 0xffff, 2);
  payload.copy(b, 4);
  return b;
}

export function errorPacket(code: number, message: string): Buffer {
  const text = Buffer.from(message.replace(/[\x00-\x1f\x7f-\uffff]/g, '?').slice(0, 200), 'latin1');
  const b = Buffer.alloc(5 + text.length);
  b.writeUInt16BE(OP.ERROR, 0);
  b.writeUInt16BE(code, 2);
  text.copy(b, 4);
  return b;
}

export function oackPacket(pairs: [string, string][]): Buffer {
  const parts = [Buffer.from([0, OP.OACK])];
  for (const [k, v] of pairs) parts.push(Buffer.from(`${k}\0${v}\0`, 'latin1'));
  return Buffer.concat(parts);
}

export function ackPacket(block: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt16BE(OP.ACK, 0);
  b.writeUInt16BE(block & 0xffff, 2);
  return b;
}

/** RFC 1350 netascii (RFC 764): a bare LF → CR LF, a bare CR → CR NUL (CR LF stays). */
export function toNetascii(buf: Buffer): Buffer {
  const bareLf = (i: number) => buf[i] === 0x0a && buf[i - 1] !== 0x0d;
  const bareCr = (i: number) => buf[i] === 0x0d && buf[i + 1] !== 0x0a;
  let extra = 0;
  for (let i = 0; i < buf.length; i++) if (bareLf(i) || bareCr(i)) extra++;
  if (!extra) return buf;
  const out = Buffer.allocUnsafe(buf.length + extra);
  let o = 0;
  for (let i = 0; i < buf.length; i++) {
    if (bareLf(i)) out[o++] = 0x0d;
    out[o++] = buf[i];
    if (bareCr(i)) out[o++] = 0x00;
  }
  return out;
}
