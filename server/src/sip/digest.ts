// HTTP/SIP digest authentication: RFC 2617, RFC 7616 (SHA-256, SHA-512-256), RFC 8760 for SIP.
// qop=auth and the RFC 2069 no-qop form; `-sess` variants. auth-int is not supported.
// The password is only ever an input to the hash; it is never returned or put in an error.
import { createHash, randomBytes } from 'node:crypto';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess' | 'SHA-512-256' | 'SHA-512-256-sess';

const HASHES: Record<string, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };
/** Higher is stronger; used to pick among several challenges. */
const STRENGTH: Record<string, number> = { MD5: 1, 'SHA-256': 2, 'SHA-512-256': 3 };

export interface DigestChallenge {
  scheme: string; // 'Digest' (as sent)
  params: Record<string, string>; // lower-case names, unquoted values
  realm?: string;
  nonce?: string;
  opaque?: string;
  /** Canonical algorithm name (`MD5` when absent), or the raw value when unknown. */
  algorithm: string;
  qop: string[]; // offered qop values, lower case; empty = RFC 2069 style
  stale: boolean;
}

/** Canonical spelling of an algorithm name, or undefined when not supported. */
export function normalizeAlgorithm(name: string | undefined): DigestAlgorithm | undefined {
  const n = (name ?? 'MD5').trim().toUpperCase();
  const sess = n.endsWith('-SESS');
  const base = sess ? n.slice(0, -5) : n;
  if (!HASHES[base]) return undefined;
  return (sess ? `${base}-sess` : base) as DigestAlgorithm;
}

/**
 * Parse a WWW-Authenticate / Proxy-Authenticate value. One value may hold several challenges
 * (`Digest realm=..., nonce=..., Digest realm=...`); non-Digest schemes are returned too.
 */
export function parseChallenges(value: string): DigestChallenge[] {
  const out: DigestChallenge[] = [];
  let cur: DigestChallenge | undefined;
  let i = 0;
  const s = value;
  const skip = (chars: RegExp) => {
    while (i < s.length && chars.test(s[i])) i++;
  };
  while (i < s.length) {
    skip(/[\s,]/);
    if (i >= s.length) break;
    const startTok = i;
    while (i < s.length && !/[\s,="]/.test(s[i])) i++;
    const tok = s.slice(startTok, i);
    if (!tok) {
      i++;
      continue;
    } // stray quote or '='
    skip(/[ \t\r\n]/);
    if (s[i] === '=' && cur) {
      i++;
      skip(/[ \t\r\n]/);
      let val = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          val += s[i++];
        }
        i++;
      } else {
        const st = i;
        while (i < s.length && !/[\s,]/.test(s[i])) i++;
        val = s.slice(st, i);
      }
      cur.params[tok.toLowerCase()] = val;
    } else if (s[i] === '=') {
      // token68 / garbage before any scheme: skip to the next comma
      while (i < s.length && s[i] !== ',') i++;
    } else {
      cur = { scheme: tok, params: {}, algorithm: 'MD5', qop: [], stale: false };
      out.push(cur);
    }
  }
  for (const c of out) {
    c.realm = c.params.realm;
    c.nonce = c.params.nonce;
    c.opaque = c.params.opaque;
    c.algorithm = normalizeAlgorithm(c.params.algorithm) ?? c.params.algorithm ?? 'MD5';
    c.qop = (c.params.qop ?? '')
      .split(',')
      .map((q) => q.trim().toLowerCase())
      .filter(Boolean);
    c.stale = (c.params.stale ?? '').toLowerCase() === 'true';
  }
  return out;
}

/** True when we can answer this challenge (Digest, known algorithm, nonce present, qop auth or none). */
export function isSupported(c: DigestChallenge): boolean {
  return (
    c.scheme.toLowerCase() === 'digest' &&
    !!normalizeAlgorithm(c.algorithm) &&
    c.nonce !== undefined &&
    (c.qop.length === 0 || c.qop.includes('auth'))
  );
}

/** The strongest supported challenge, or undefined. */
export function pickChallenge(challenges: DigestChallenge[]): DigestChallenge | undefined {
  let best: DigestChallenge | undefined;
  for (const c of challenges) {
    if (!isSupported(c)) continue;
    const st = STRENGTH[normalizeAlgorithm(c.algorithm)!.replace(/-sess$/, '')];
    if (!best || st > STRENGTH[normalizeAlgorithm(best.algorithm)!.replace(/-sess$/, '')]) best = c;
  }
  return best;
}

export function hashHex(algorithm: string, data: string): string {
  const alg = normalizeAlgorithm(algorithm);
  if (!alg) throw new Error(`unsupported digest algorithm ${algorithm}`);
  return createHash(HASHES[alg.replace(/-sess$/, '')])
    .update(data, 'utf8')
    .digest('hex');
}

export interface DigestInput {
  algorithm: string;
  username: string;
  password: string;
  realm: string;
  nonce: string;
  method: string;
  uri: string;
  qop?: 'auth';
  nc?: string;
  cnonce?: string;
}

/** HA1, HA2 and the response value. */
export function computeDigest(d: DigestInput): { ha1: string; ha2: string; response: string } {
  const alg = normalizeAlgorithm(d.algorithm);
  if (!alg) throw new Error(`unsupported digest algorithm ${d.algorithm}`);
  const H = (x: string) => hashHex(alg, x);
  let ha1 = H(`${d.username}:${d.realm}:${d.password}`);
  if (alg.endsWith('-sess')) {
    if (!d.cnonce) throw new Error('-sess algorithms need a cnonce');
    ha1 = H(`${ha1}:${d.nonce}:${d.cnonce}`);
  }
  const ha2 = H(`${d.method}:${d.uri}`);
  let response: string;
  if (d.qop) {
    if (!d.nc || !d.cnonce) throw new Error('qop=auth needs nc and cnonce');
    response = H(`${ha1}:${d.nonce}:${d.nc}:${d.cnonce}:${d.qop}:${ha2}`);
  } else {
    response = H(`${ha1}:${d.nonce}:${ha2}`);
  }
  return { ha1, ha2, response };
}

const quote = (v: string) => `"${v.replace(/[\\"]/g, (c) => '\\' + c)}"`;

/**
 * Build the Authorization / Proxy-Authorization value answering `challenge`.
 * `uri` must be the Request-URI exactly as sent.
 */
export function buildAuthorization(
  challenge: DigestChallenge,
  credentials: { username: string; password: string },
  method: string,
  uri: string,
  opts: { nc?: number; cnonce?: string } = {},
): string {
  if (!isSupported(challenge)) throw new Error(`unsupported digest challenge (algorithm ${challenge.algorithm})`);
  const alg = normalizeAlgorithm(challenge.algorithm)!;
  const useQop = challenge.qop.includes('auth');
  const cnonce = opts.cnonce ?? randomBytes(12).toString('hex');
  const nc = (opts.nc ?? 1).toString(16).padStart(8, '0');
  const { response } = computeDigest({
    algorithm: alg,
    username: credentials.username,
    password: credentials.password,
    realm: challenge.realm ?? '',
    nonce: challenge.nonce ?? '',
    method,
    uri,
    qop: useQop ? 'auth' : undefined,
    nc,
    cnonce,
  });
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(challenge.realm ?? '')}`,
    `nonce=${quote(challenge.nonce ?? '')}`,
    `uri=${quote(uri)}`,
    `response=${quote(response)}`,
    `algorithm=${alg}`,
  ];
  if (useQop) parts.push('qop=auth', `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  else if (alg.endsWith('-sess')) parts.push(`cnonce=${quote(cnonce)}`);
  if (challenge.opaque !== undefined) parts.push(`opaque=${quote(challenge.opaque)}`);
  return `Digest ${parts.join(', ')}`;
}
