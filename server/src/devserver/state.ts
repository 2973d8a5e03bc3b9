// What each bench phone fetched (per path: when, the hash and the bytes, for "stale" and the diff against
// a render now) and what Poly phones uploaded (PUT), in memory and bounded.
import type { UploadRecord } from './log';

export interface FetchRecord {
  path: string;
  time: string;
  status: number;
  template?: string;
  /** sha256 (hex) of the bytes the phone has after this fetch. */
  hash: string;
  bytes: Buffer;
}

export interface PhoneState {
  mac: string;
  name: string;
  lastFetch?: string;
  lastIp?: string;
  userAgent?: string;
  model?: string;
  firmware?: string;
  /** Per request path (below the prefix, leading slash). */
  files: Map<string, FetchRecord>;
}

export class PhoneStates {
  private byMac = new Map<string, PhoneState>();

  get(mac: string): PhoneState | undefined {
    return this.byMac.get(mac);
  }
  all(): PhoneState[] {
    return [...this.byMac.values()];
  }

  /** Records a fetch; only bench phones are recorded, so memory is bounded by bench phones × their routes. */
  record(
    phone: { mac: string; name: string },
    info: { time: string; ip: string; userAgent?: string; model?: string; firmware?: string },
    file?: FetchRecord,
  ): void {
    let s = this.byMac.get(phone.mac);
    if (!s) {
      s = { mac: phone.mac, name: phone.name, files: new Map() };
      this.byMac.set(phone.mac, s);
    }
    s.name = phone.name;
    s.lastFetch = info.time;
    s.lastIp = info.ip;
    if (info.userAgent) {
      s.userAgent = info.userAgent;
      s.model = info.model;
      s.firmware = info.firmware;
    }
    if (file) {
      s.files.set(file.path, file);
      if (s.files.size > 64) s.files.delete(s.files.keys().next().value as string);
    }
  }
}

export class UploadStore {
  private items: UploadRecord[] = [];
  private total = 0;
  constructor(
    private readonly maxItems: number,
    private readonly maxBytes: number,
  ) {}

  add(u: UploadRecord): void {
    this.items.push(u);
    this.total += u.bytes;
    while (this.items.length > this.maxItems || this.total > this.maxBytes) this.total -= this.items.shift()!.bytes;
  }
  all(): UploadRecord[] {
    return [...this.items];
  }
  latest(mac: string, file: string): UploadRecord | undefined {
    for (let i = this.items.length - 1; i >= 0; i--) if (this.items[i].mac === mac && this.items[i].file === file) return this.items[i];
    return undefined;
  }
}
