// What a request tells about the phone making it: vendor, model, firmware and MAC from the User-Agent (the parser the
// dev server uses), the MAC in the path winning over the User-Agent's, the path alone when the User-Agent says nothing.
import type { VendorId } from '../types';
import { matchRoutes, parseUserAgent } from './index';

export interface Identity {
  vendor: VendorId | null;
  /** Our model id when the model is in the vendor's table, else the text the phone sent (null: unknown). */
  model: string | null;
  firmware: string | null;
  /** 12 lowercase hex digits; never a serial number. */
  mac: string | null;
  /** Whether the model is in the vendor's model table. */
  knownModel: boolean;
}

export function identify(userAgent: string | undefined, path?: string): Identity {
  const ua = parseUserAgent(userAgent);
  const matches = path ? matchRoutes(path.replace(/^\/+/, '').split('?')[0]) : [];
  const fromPath = ua ? matches.filter((m) => m.profile.id === ua.vendor) : matches.filter((m) => m.profile.id !== 'generic');
  const pathMac = fromPath.find((m) => m.mac)?.mac;
  const vendors = [...new Set(fromPath.map((m) => m.profile.id))];
  const pathModels = [...new Set(fromPath.flatMap((m) => m.models ?? []).map((md) => md.id))];
  if (ua)
    return { vendor: ua.vendor, model: ua.model, firmware: ua.firmware ?? null, mac: pathMac ?? ua.mac ?? null, knownModel: ua.knownModel };
  // no User-Agent we know: what the path alone says (a vendor only when one vendor requests such a file)
  const vendor = vendors.length === 1 ? vendors[0] : null;
  const model = vendor && pathModels.length === 1 ? pathModels[0] : null;
  return { vendor, model, firmware: null, mac: pathMac ?? null, knownModel: !!model };
}
