// SIP message building and tolerant parsing (RFC 3261 §7, §20, §25). Pure: no I/O.

/** Compact header forms (RFC 3261 §7.3.3 and extensions) mapped to their long names, lower case. */
export const COMPACT_FORMS: Readonly<Record<string, string>> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  o: 'event',
  c: 'content-type',
  e: 'content-encoding',
  s: 'subject',
  k: 'supported',
  u: 'allow-events',
  r: 'refer-to',
  b: 'referred-by',
  x: 'session-expires',
};

export interface SipHeader {
  /** Long header name in lower case (`via`, `call-id`), compact forms expanded. */
  name: string;
  value: string;
}

export interface SipMessage {
  kind: 'request' | 'response';
  method?: string;
  uri?: string;
  status?: number;
  reason?: string;
  /** Headers in wire order, one entry per header line (after unfolding). */
  headers: SipHeader[];
  body: string;
}

export function canonicalName(name: string): string {
  const n = name.trim().toLowerCase();
  return COMPACT_FORMS[n] ?? n;
}

/** First value of a header, or undefined. */
export function getHeader(msg: SipMessage, name: string): string | undefined {
  const n = canonicalName(name);
  return msg.headers.find((h) => h.name === n)?.value;
}

/** Every header line's value for this header, in order. */
export function getHeaders(msg: SipMessage, name: string): string[] {
  const n = canonicalName(name);
  return msg.headers.filter((h) => h.name === n).map((h) => h.value);
}

/** Split a header value on commas that are outside quoted strings and angle brackets. */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      cur += ch;
      if (ch === '\\' && i + 1 < value.length) cur += value[++i];
      else if (ch === '"') quoted = false;
    } else if (ch === '"') {
      quoted = true;
      cur += ch;
    } else if (ch === '<') {
      angle = true;
      cur += ch;
    } else if (ch === '>') {
      angle = false;
      cur += ch;
    } else if (ch === ',' && !angle) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** All Via values, top first, whether they come as separate lines or comma-separated in one line. */
export function getVias(msg: SipMessage): string[] {
  return getHeaders(msg, 'via').flatMap(splitList);
}

export interface Via {
  protocol: string; // SIP/2.0
  transport: string; // UDP, TCP, ... (upper case)
  host: string;
  port?: number;
  params: Record<string, string | true>;
}

export function parseVia(value: string): Via | undefined {
  const m = /^\s*([A-Za-z]+)\s*\/\s*([0-9.]+)\s*\/\s*([A-Za-z0-9-]+)\s+([^;\s]+)\s*(.*)$/s.exec(value);
  if (!m) return undefined;
  let host = m[4];
  let port: number | undefined;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (v6) {
    host = v6[1];
    port = v6[2] ? Number(v6[2]) : undefined;
  } else {
    const hp = /^([^:]+):(\d+)$/.exec(host);
    if (hp) {
      host = hp[1];
      port = Number(hp[2]);
    }
  }
  return { protocol: `${m[1].toUpperCase()}/${m[2]}`, transport: m[3].toUpperCase(), host, port, params: parseParams(m[5]) };
}

/** Parse `;a=b;c` (leading semicolon optional) into a record with lower-case names. */
export function parseParams(text: string): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (const part of text.split(';')) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq < 0) out[p.toLowerCase()] = true;
    else
      out[p.slice(0, eq).trim().toLowerCase()] = p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/s, '$1');
  }
  return out;
}

export function parseCSeq(value: string | undefined): { seq: number; method: string } | undefined {
  const m = /^\s*(\d+)\s+([A-Za-z!%*_+`'~.-]+)\s*$/.exec(value ?? '');
  return m ? { seq: Number(m[1]), method: m[2] } : undefined;
}

/** The `tag` parameter of a From/To value (outside the angle-bracketed URI). */
export function getTag(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const rest = value.includes('>') ? value.slice(value.lastIndexOf('>') + 1) : value.slice(value.indexOf(';'));
  const t = parseParams(rest).tag;
  return typeof t === 'string' ? t : undefined;
}

/**
 * Parse one SIP message. Tolerates LF-only line ends, folded header lines (continuations starting
 * with SP/HT), whitespace around the colon, compact forms and any header case. Returns undefined
 * for text that is not a SIP start line.
 */
export function parseMessage(input: string | Buffer): SipMessage | undefined {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  const start = text.replace(/^(\r?\n)+/, '');
  const sep = /\r?\n\r?\n/.exec(start);
  const head = sep ? start.slice(0, sep.index) : start;
  let body = sep ? start.slice(sep.index + sep[0].length) : '';
  const rawLines = head.split(/\r?\n/);
  const first = rawLines.shift() ?? '';
  const lines: string[] = [];
  for (const l of rawLines) {
    if (/^[ \t]/.test(l) && lines.length) lines[lines.length - 1] += ' ' + l.trim();
    else if (l.length) lines.push(l);
  }
  const headers: SipHeader[] = [];
  for (const l of lines) {
    const colon = l.indexOf(':');
    if (colon <= 0) continue; // not a header; ignore rather than fail
    headers.push({ name: canonicalName(l.slice(0, colon)), value: l.slice(colon + 1).trim() });
  }
  const msg: SipMessage = { kind: 'request', headers, body };
  const resp = /^SIP\s*\/\s*2\.0\s+(\d{3})(?:\s+(.*))?$/i.exec(first.trim());
  if (resp) {
    msg.kind = 'response';
    msg.status = Number(resp[1]);
    msg.reason = (resp[2] ?? '').trim();
  } else {
    const req = /^([A-Za-z!%*_+`'~.-]+)\s+(\S+)\s+SIP\s*\/\s*2\.0$/i.exec(first.trim());
    if (!req) return undefined;
    msg.method = req[1];
    msg.uri = req[2];
  }
  const cl = Number(getHeader(msg, 'content-length'));
  if (Number.isFinite(cl) && cl >= 0 && Buffer.byteLength(body) > cl) {
    body = Buffer.from(body).subarray(0, cl).toString('utf8');
    msg.body = body;
  }
  return msg;
}

export interface RequestSpec {
  method: string;
  uri: string;
  /** Header lines in order, exactly as they should appear; Content-Length is appended. */
  headers: Array<[string, string]>;
  body?: string;
}

/** Serialise a request with CRLF line ends and a correct Content-Length. */
export function buildRequest(spec: RequestSpec): string {
  const body = spec.body ?? '';
  for (const [n, v] of spec.headers) {
    if (/[\r\n]/.test(n) || /[\r\n]/.test(v)) throw new Error(`header ${n.replace(/[\r\n]/g, ' ')} contains a line break`);
  }
  const lines = [
    `${spec.method} ${spec.uri} SIP/2.0`,
    ...spec.headers.map(([n, v]) => `${n}: ${v}`),
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  return lines.join('\r\n') + '\r\n\r\n' + body;
}

/**
 * Splits a byte stream (TCP) into SIP messages using Content-Length (RFC 3261 §18.3).
 * Leading CRLF keep-alives are skipped.
 */
export class StreamFramer {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: string[] = [];
    for (;;) {
      let i = 0;
      while (i < this.buf.length && (this.buf[i] === 0x0d || this.buf[i] === 0x0a)) i++;
      if (i) this.buf = this.buf.subarray(i);
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.buf.length > 65536) throw new Error('SIP header block larger than 64 KiB on stream');
        break;
      }
      const head = this.buf.subarray(0, end).toString('utf8');
      const m = /^(?:content-length|l)[ \t]*:[ \t]*(\d+)/im.exec(head);
      const len = m ? Number(m[1]) : 0;
      const total = end + 4 + len;
      if (this.buf.length < total) break;
      out.push(this.buf.subarray(0, total).toString('utf8'));
      this.buf = this.buf.subarray(total);
    }
    return out;
  }
}
