// Phones that knock but are not on the bench: the dev server notes each MAC it sees (from the User-Agent
// or the request path) with the vendor, model and firmware the User-Agent tells, so the author can adopt
// the phone ("Add to Bench", `bench add`) instead of typing it. Bounded: the most recent 256 MACs.
import { matchRoutes } from '../core/vendors';
import type { Phone, VendorId } from '../core/types';
import type { RequestLogEntry } from './log';

export interface UnknownPhone {
  mac: string;
  vendor?: VendorId;
  model?: string;
  /** The model is one of the vendor's model table (else the User-Agent's text). */
  knownModel?: boolean;
  firmware?: string;
  ip: string;
  userAgent?: string;
  firstSeen: string;
  lastSeen: string;
  requests: number;
  lastPath: string;
}

const MAX = 256;

export class UnknownPhones {
  private byMac = new Map<string, UnknownPhone>();

  constructor(private readonly max = MAX) {}

  /** Notes a request by a phone the bench does not hold; returns its record (undefined: a bench phone, or no MAC). */
  note(e: RequestLogEntry, phones: () => Phone[]): UnknownPhone | undefined {
    if (e.phone && (!e.ua?.mac || e.ua.mac === e.phone.mac)) return undefined; // a bench phone
    // from the path: the vendor only when every vendor whose files match names the same one (`<mac>.cfg` is several vendors')
    const hits = e.ua?.mac ? [] : matchRoutes(e.path).filter((m) => m.mac && !/^0+$/.test(m.mac) && m.profile.id !== 'generic');
    const fromPath = hits.length && hits.every((h) => h.profile.id === hits[0].profile.id) ? hits[0] : undefined;
    const mac = e.ua?.mac ?? hits[0]?.mac;
    if (!mac || phones().some((p) => p.mac === mac)) return undefined;
    const prev = this.byMac.get(mac);
    const rec: UnknownPhone = {
      mac,
      vendor: e.ua?.vendor ?? prev?.vendor ?? fromPath?.profile.id,
      model: e.ua?.model ?? prev?.model ?? (fromPath?.models?.length === 1 ? fromPath.models[0].id : undefined),
      knownModel: e.ua ? e.ua.knownModel : (prev?.knownModel ?? fromPath?.models?.length === 1),
      firmware: e.ua?.firmware ?? prev?.firmware,
      ip: e.ip,
      userAgent: e.userAgent ?? prev?.userAgent,
      firstSeen: prev?.firstSeen ?? e.time,
      lastSeen: e.time,
      requests: (prev?.requests ?? 0) + 1,
      lastPath: e.path,
    };
    this.byMac.delete(mac); // most recent last
    this.byMac.set(mac, rec);
    if (this.byMac.size > this.max) this.byMac.delete(this.byMac.keys().next().value as string);
    return rec;
  }

  /** Most recent first; phones added to the bench since are left out. */
  all(phones: Phone[] = []): UnknownPhone[] {
    const onBench = new Set(phones.map((p) => p.mac));
    return [...this.byMac.values()].filter((u) => !onBench.has(u.mac)).reverse();
  }

  forget(mac: string): void {
    this.byMac.delete(mac);
  }
}
