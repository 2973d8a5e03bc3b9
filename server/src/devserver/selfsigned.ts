// A self-signed X.509 certificate generated in memory (never written to disk), with node's crypto only:
// an RSA-2048 key (what old phones support) and a minimal DER encoder for the certificate itself; and the
// credentials the HTTPS dev server uses (serverCredentials).
import { createHash, generateKeyPair, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { randomBytes } from 'node:crypto';

export interface CertPair {
  cert: string;
  key: string;
  fingerprint256: string;
}

// ---- minimal DER ----
function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, body: Buffer) => Buffer.concat([Buffer.from([tag]), len(body.length), body]);
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const ctx = (n: number, body: Buffer) => tlv(0xa0 + n, body);
const nul = () => Buffer.from([0x05, 0x00]);
const bool = (v: boolean) => Buffer.from([0x01, 0x01, v ? 0xff : 0x00]);
const octets = (b: Buffer) => tlv(0x04, b);
const bits = (b: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'));
function int(b: Buffer): Buffer {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  const v = b.subarray(i);
  return tlv(0x02, v[0] & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}
function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const enc = [p & 0x7f];
    for (let v = p >> 7; v > 0; v >>= 7) enc.unshift(0x80 | (v & 0x7f));
    out.push(...enc);
  }
  return tlv(0x06, Buffer.from(out));
}
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}
function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.concat(
    groups.map((g) => {
      const b = Buffer.alloc(2);
      b.writeUInt16BE(parseInt(g, 16));
      return b;
    }),
  );
}

const SHA256_RSA = '1.2.840.113549.1.1.11';

/** A self-signed server certificate for the given host names and IP addresses (valid for `days`). */
export async function generateSelfSigned(names: string[], days = 825): Promise<CertPair> {
  const { publicKey, privateKey } = await new Promise<{ publicKey: KeyObject; privateKey: KeyObject }>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, pub, priv) =>
      err ? reject(err) : resolve({ publicKey: pub, privateKey: priv }),
    ),
  );
  const uniq = [...new Set(names.filter(Boolean))];
  const cn = uniq.find((n) => !isIP(n)) ?? uniq[0] ?? 'localhost';
  const name = seq(set(seq(oid('2.5.4.3'), utf8(cn))), set(seq(oid('2.5.4.10'), utf8('Provisioning Studio dev server'))));
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const now = Date.now();
  const alg = seq(oid(SHA256_RSA), nul());
  const san = seq(...uniq.map((n) => (isIP(n) ? tlv(0x87, ipBytes(n)) : tlv(0x82, Buffer.from(n, 'ascii')))));
  const extensions = seq(
    seq(oid('2.5.29.19'), bool(true), octets(seq())), // basicConstraints: not a CA
    seq(oid('2.5.29.15'), bool(true), octets(Buffer.from([0x03, 0x02, 0x05, 0xa0]))), // keyUsage: digitalSignature, keyEncipherment
    seq(oid('2.5.29.37'), octets(seq(oid('1.3.6.1.5.5.7.3.1')))), // extKeyUsage: serverAuth
    seq(oid('2.5.29.17'), octets(san)), // subjectAltName
  );
  const tbs = seq(
    ctx(0, int(Buffer.from([2]))),
    int(serial),
    alg,
    name,
    seq(time(new Date(now - 60_000)), time(new Date(now + days * 86_400_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    ctx(3, extensions),
  );
  const der = seq(tbs, alg, bits(sign('sha256', tbs, privateKey)));
  const cert = `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
  new X509Certificate(cert); // throws if we encoded something wrong
  return { cert, key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, fingerprint256: fingerprint(der) };
}

export function fingerprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':');
}

/**
 * The certificate and key the HTTPS server uses: the PEM files `server.tls` (or the override) names, read with
 * `read`, or else a self-signed certificate for localhost, the listening host, every local address and the
 * host of `server.url`. `from` names the setting in messages.
 */
export async function serverCredentials(
  tls: { cert?: string; key?: string },
  opts: { from: string; host: string; url?: string; read: (file: string, what: string) => string },
): Promise<{ cert: string; key: string; selfSigned: boolean; fingerprint256: string }> {
  if (tls.cert || tls.key) {
    if (!tls.cert || !tls.key) throw new Error(`${opts.from} needs both cert and key (or self_signed: true)`);
    const cert = opts.read(tls.cert, `${opts.from}: cert`);
    const key = opts.read(tls.key, `${opts.from}: key`);
    return { cert, key, selfSigned: false, fingerprint256: new X509Certificate(cert).fingerprint256 };
  }
  const names = ['localhost', '127.0.0.1', '::1', opts.host, ...localAddresses()];
  try {
    if (opts.url) names.push(new URL(opts.url).hostname.replace(/^\[|\]$/g, ''));
  } catch {
    /* reported by the bench check */
  }
  const pair = await generateSelfSigned(names.filter((n) => n !== '0.0.0.0' && n !== '::'));
  return { cert: pair.cert, key: pair.key, selfSigned: true, fingerprint256: pair.fingerprint256 };
}

function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((l) => l ?? [])
    .map((a) => a.address.replace(/%.*$/, ''))
    .filter((a) => isIP(a));
}
