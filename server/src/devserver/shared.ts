// The state that decides how the dev server answers a client, beyond the files: the per-IP guard (rate
// limit and lockout), which phone an address is (IP → MAC, learnt from MAC-named fetches), what phones
// uploaded, and the digest (nonce, nc:cnonce) pairs already used. One process keeps it in memory; with
// `serve --workers N` every change is a fact sent to the other processes (through the primary, see
// cluster.ts) and applied there, so a phone whose connections land on different processes meets one server:
// wrong passwords count together, an upload is read back anywhere, a replayed digest is refused anywhere.
import type { AuthKey } from './auth';
import { Authenticator } from './auth';
import { ClientGuard, type GuardOptions } from './guard';
import type { UploadRecord } from './log';
import { UploadStore } from './state';

/** One change to the shared state, as sent between processes. */
export type SharedFact =
  | { k: 'miss'; ip: string }
  | { k: 'authFailure'; ip: string }
  | { k: 'authSuccess'; ip: string }
  | { k: 'ip'; ip: string; mac: string }
  | { k: 'upload'; rec: UploadRecord }
  | { k: 'nonce'; nonce: string; use: string };

/** How a server process tells its peers about a fact, and hears theirs. */
export interface PeerLink {
  send(fact: SharedFact): void;
  receive(apply: (fact: SharedFact) => void): void;
}

export interface SharedStateOptions extends GuardOptions {
  nonceTtlMs: number;
  uploadsKept: number;
  uploadsTotalBytes: number;
  authKey?: AuthKey;
  peers?: PeerLink;
}

const MAX_IPS = 1000;

/** A Buffer sent between processes (structured clone hands it over as a Uint8Array), as a Buffer again. */
export const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export class SharedState {
  readonly guard: ClientGuard;
  readonly auth: Authenticator;
  readonly uploads: UploadStore;
  private readonly ipPhone = new Map<string, string>();
  private readonly peers?: PeerLink;

  constructor(opts: SharedStateOptions) {
    this.peers = opts.peers;
    this.guard = new ClientGuard(opts);
    this.uploads = new UploadStore(opts.uploadsKept, opts.uploadsTotalBytes);
    this.auth = new Authenticator({
      nonceTtlMs: opts.nonceTtlMs,
      now: opts.now,
      key: opts.authKey,
      onUse: this.peers && ((nonce, use) => this.peers!.send({ k: 'nonce', nonce, use })),
    });
    this.peers?.receive((f) => this.apply(f));
  }

  /** A 404 or failed 401 not attributable to a bench phone. */
  noteMiss(ip: string): void {
    this.guard.noteMiss(ip);
    this.peers?.send({ k: 'miss', ip });
  }

  /** Wrong credentials; true when this failure locked the IP out. */
  noteAuthFailure(ip: string): boolean {
    this.peers?.send({ k: 'authFailure', ip });
    return this.guard.noteAuthFailure(ip);
  }

  noteAuthSuccess(ip: string): void {
    this.guard.noteAuthSuccess(ip);
    this.peers?.send({ k: 'authSuccess', ip });
  }

  /** The bench phone (MAC) last seen fetching a file naming its MAC from this address. */
  phoneAt(ip: string): string | undefined {
    return this.ipPhone.get(ip);
  }

  rememberIp(ip: string, mac: string): void {
    if (this.ipPhone.get(ip) === mac) return;
    this.setIp(ip, mac);
    this.peers?.send({ k: 'ip', ip, mac });
  }

  addUpload(rec: UploadRecord): void {
    this.uploads.add(rec);
    this.peers?.send({ k: 'upload', rec });
  }

  /** A peer's fact, applied here without being sent on. */
  apply(f: SharedFact): void {
    switch (f.k) {
      case 'miss':
        return this.guard.noteMiss(f.ip);
      case 'authFailure':
        return void this.guard.noteAuthFailure(f.ip);
      case 'authSuccess':
        return this.guard.noteAuthSuccess(f.ip);
      case 'ip':
        return this.setIp(f.ip, f.mac);
      case 'upload':
        return this.uploads.add({ ...f.rec, body: asBuffer(f.rec.body) });
      case 'nonce':
        return this.auth.markUsed(f.nonce, f.use);
    }
  }

  /**
   * The facts that hold until changed, as the other processes heard them: which phone each address is, what
   * phones uploaded, the digest uses already accepted. The primary of `serve --workers` keeps a SharedState of
   * the facts it relays and tells these to a worker that replaces one that ended; counts (misses, wrong
   * passwords, lockouts) are rates over time and are not among them.
   */
  standingFacts(): SharedFact[] {
    const out: SharedFact[] = [...this.ipPhone].map(([ip, mac]) => ({ k: 'ip', ip, mac }));
    for (const rec of this.uploads.all()) out.push({ k: 'upload', rec });
    for (const [nonce, use] of this.auth.usedEntries()) out.push({ k: 'nonce', nonce, use });
    return out;
  }

  private setIp(ip: string, mac: string): void {
    this.ipPhone.delete(ip);
    this.ipPhone.set(ip, mac);
    if (this.ipPhone.size > MAX_IPS) this.ipPhone.delete(this.ipPhone.keys().next().value as string);
  }
}
