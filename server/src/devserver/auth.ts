// HTTP authentication of phones: Basic (RFC 7617) and Digest (RFC 7616: SHA-256 and MD5, qop=auth).
// Nonces are stateless (timestamp + random + HMAC of both with a per-server secret) and expire; a replayed
// (nonce, nc, cnonce) triple is refused. The password is only ever an input to a hash or a constant-time compare.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { computeDigest, normalizeAlgorithm, parseChallenges } from '../sip/digest';
import type { ServerAuth } from '../core/types';

export const DEFAULT_REALM = 'Provisioning Studio';

export type AuthResult =
  | { ok: true; user: string }
  /** `failed`: credentials were given and are wrong (counts toward lockout); false for a first challenge or a stale nonce. */
  | { ok: false; failed: boolean; challenge: string[]; reason: string };

export interface AuthOptions {
  nonceTtlMs: number;
  now: () => number;
  /** The nonce key and opaque, shared by the worker processes of one `serve --workers N` (default: random). */
  key?: AuthKey;
  /** Told each accepted (nonce, nc:cnonce), so other processes refuse its replay (markUsed). */
  onUse?: (nonce: string, use: string) => void;
}

export interface AuthKey {
  secret: Buffer;
  opaque: string;
}

/** A fresh nonce key (never logged, never written). */
export function newAuthKey(): AuthKey {
  return { secret: randomBytes(32), opaque: randomBytes(12).toString('hex') };
}

const SUPPORTED = new Set(['MD5', 'SHA-256', 'MD5-sess', 'SHA-256-sess']);

export class Authenticator {
  private readonly secret: Buffer;
  private readonly opaque: string;
  /** nonce → `nc:cnonce` values already used; bounded. */
  private readonly used = new Map<string, Set<string>>();

  constructor(private readonly opts: AuthOptions) {
    const key = opts.key ?? newAuthKey();
    this.secret = key.secret;
    this.opaque = key.opaque;
  }

  check(cfg: ServerAuth, method: string, url: string, authorization: string | undefined): AuthResult {
    const realm = cfg.realm ?? DEFAULT_REALM;
    const challenge = (stale = false) => this.challenge(cfg, realm, stale);
    if (!authorization) return { ok: false, failed: false, challenge: challenge(), reason: 'no credentials (challenged)' };
    const space = authorization.indexOf(' ');
    const scheme = (space < 0 ? authorization : authorization.slice(0, space)).toLowerCase();
    if (cfg.type === 'basic') {
      if (scheme !== 'basic')
        return { ok: false, failed: true, challenge: challenge(), reason: `expected Basic credentials, got ${scheme.slice(0, 16)}` };
      const decoded = Buffer.from(authorization.slice(space + 1).trim(), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const ok = colon >= 0 && safeEqual(decoded.slice(0, colon), cfg.username) && safeEqual(decoded.slice(colon + 1), cfg.password);
      return ok
        ? { ok: true, user: cfg.username }
        : { ok: false, failed: true, challenge: challenge(), reason: 'wrong user name or password' };
    }
    if (scheme !== 'digest')
      return { ok: false, failed: true, challenge: challenge(), reason: `expected Digest credentials, got ${scheme.slice(0, 16)}` };
    const p = parseChallenges(authorization)[0]?.params ?? {};
    const fail = (reason: string): AuthResult => ({ ok: false, failed: true, challenge: challenge(), reason });
    const alg = normalizeAlgorithm(p.algorithm);
    if (!alg || !SUPPORTED.has(alg)) return fail(`unsupported digest algorithm ${String(p.algorithm).slice(0, 20)}`);
    if (p.qop !== 'auth') return fail('digest without qop=auth');
    if (!p.nonce || !p.cnonce || !p.response || !/^[0-9a-f]{8}$/i.test(p.nc ?? '')) return fail('incomplete digest credentials');
    if (p.realm !== realm) return fail('wrong realm');
    if (p.uri !== url) return fail('digest uri does not match the request');
    if (p.opaque !== undefined && p.opaque !== this.opaque) return fail('wrong opaque');
    const nonce = this.nonceState(p.nonce);
    if (nonce === 'invalid') return fail('forged nonce');
    const expected = computeDigest({
      algorithm: alg,
      username: cfg.username,
      password: cfg.password,
      realm,
      nonce: p.nonce,
      method,
      uri: p.uri,
      qop: 'auth',
      nc: p.nc,
      cnonce: p.cnonce,
    }).response;
    if (!safeEqual(p.username ?? '', cfg.username) || !safeEqual((p.response ?? '').toLowerCase(), expected))
      return fail('wrong user name or password');
    // right password: an expired nonce only needs a fresh one (not a failure)
    if (nonce === 'expired') return { ok: false, failed: false, challenge: challenge(true), reason: 'stale nonce (challenged again)' };
    const use = `${p.nc}:${p.cnonce}`;
    if (this.used.get(p.nonce)?.has(use)) return fail('replayed digest (same nonce, nc and cnonce)');
    this.markUsed(p.nonce, use);
    this.opts.onUse?.(p.nonce, use);
    return { ok: true, user: cfg.username };
  }

  /** Every (nonce, `nc:cnonce`) recorded as used, oldest nonce first. */
  *usedEntries(): Iterable<[string, string]> {
    for (const [nonce, uses] of this.used) for (const use of uses) yield [nonce, use];
  }

  /** Records a (nonce, `nc:cnonce`) as used: a request carrying it again is a replay. */
  markUsed(nonce: string, use: string): void {
    const seen = this.used.get(nonce) ?? new Set<string>();
    if (seen.size < 10_000) seen.add(use);
    this.used.delete(nonce);
    this.used.set(nonce, seen);
    if (this.used.size > 10_000) this.used.delete(this.used.keys().next().value as string);
  }

  /** WWW-Authenticate values: SHA-256 first (preferred), then MD5 for older phones. */
  private challenge(cfg: ServerAuth, realm: string, stale: boolean): string[] {
    const q = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
    if (cfg.type === 'basic') return [`Basic realm=${q(realm)}, charset="UTF-8"`];
    const nonce = this.newNonce();
    return ['SHA-256', 'MD5'].map(
      (a) =>
        `Digest realm=${q(realm)}, qop="auth", algorithm=${a}, nonce=${q(nonce)}, opaque=${q(this.opaque)}${stale ? ', stale=true' : ''}`,
    );
  }

  newNonce(): string {
    const body = `${this.opts.now().toString(36)}.${randomBytes(9).toString('base64url')}`;
    return `${body}.${this.mac(body)}`;
  }

  private nonceState(nonce: string): 'valid' | 'expired' | 'invalid' {
    const i = nonce.lastIndexOf('.');
    if (i < 0 || !safeEqual(nonce.slice(i + 1), this.mac(nonce.slice(0, i)))) return 'invalid';
    const t = parseInt(nonce.slice(0, nonce.indexOf('.')), 36);
    return Number.isFinite(t) && this.opts.now() - t <= this.opts.nonceTtlMs ? 'valid' : 'expired';
  }

  private mac(s: string): string {
    return createHmac('sha256', this.secret).update(s).digest('base64url').slice(0, 22);
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
