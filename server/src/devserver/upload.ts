// HTTP PUT of a phone's own file (`<mac>-<file>`, the files its vendor uploads: Poly call lists, overrides):
// only the phone itself (its bench ip, or the address it fetched its MAC file from), bounded in size, kept in
// memory (SharedState.uploads) and recorded as the phone's visit.
import type { IncomingMessage } from 'node:http';
import type { Phone } from '../core/types';
import { getProfile } from '../core/vendors';
import type { Exchange } from './exchange';
import type { Locator, Refusal } from './locate';
import type { UploadRecord } from './log';
import type { SharedState } from './shared';
import type { PhoneStates } from './state';

export interface UploadHost {
  locator: Locator;
  shared: SharedState;
  states: PhoneStates;
  maxBytes: number;
  /** Answers a refusal (a miss counts against the client's bucket). */
  refuse(x: Exchange, r: Refusal): void;
  /** Told once the upload is stored (the 'upload' event; never the body). */
  uploaded(meta: Omit<UploadRecord, 'body'>): void;
}

export function receiveUpload(req: IncomingMessage, x: Exchange, rel: string, phones: Phone[], host: UploadHost): void {
  const { res, e } = x;
  const refuse = (status: number, reason: string) => {
    req.resume();
    host.refuse(x, { status, reason, miss: true });
  };
  const { phone, file: named } = host.locator.uploadPath(rel, phones);
  if (!phone) return refuse(404, named ? 'upload for an unknown MAC' : 'not an upload path');
  const target = host.locator.uploadTarget(rel, phones);
  if (!target) {
    const profile = getProfile(phone.vendor);
    const what = profile?.uploads
      ? `${profile.label} phones do not upload '${named}'`
      : `${profile?.label ?? phone.vendor} phones never upload files`;
    return refuse(403, `upload refused: ${what}`);
  }
  if (!host.locator.isPhoneAt(phone, e.ip))
    return refuse(403, `upload refused: ${e.ip} is not ${phone.name} (its bench ip, or the address it fetched its own file from)`);
  e.phone = { mac: phone.mac, name: phone.name };
  const limit = host.maxBytes;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    x.empty(413, `upload larger than ${limit} bytes`, { Connection: 'close' });
    req.destroy();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (c: Buffer) => {
    if (over) return;
    size += c.length;
    if (size > limit) {
      over = true;
      chunks.length = 0;
      x.empty(413, `upload larger than ${limit} bytes`, { Connection: 'close' });
      req.destroy();
      return;
    }
    chunks.push(c);
  });
  req.on('error', () => {
    if (!res.headersSent) res.destroy();
  });
  req.on('end', () => {
    if (over) return;
    const file = target.rule.suffix;
    const existed = !!host.shared.uploads.latest(phone.mac, file);
    const rec: UploadRecord = { time: e.time, ip: e.ip, mac: phone.mac, phone: phone.name, file, bytes: size, body: Buffer.concat(chunks) };
    host.shared.addUpload(rec);
    host.states.record(phone, { time: e.time, ip: e.ip, userAgent: e.userAgent, model: e.ua?.model, firmware: e.ua?.firmware });
    res.writeHead(existed ? 204 : 201, { 'Content-Length': 0, 'Cache-Control': 'no-store' }).end();
    x.done(existed ? 204 : 201, size, `upload ${file}`);
    const { body: _omit, ...meta } = rec;
    host.uploaded(meta);
  });
}
