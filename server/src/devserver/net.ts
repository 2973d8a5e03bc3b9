// Client addresses and the CIDR allowlist (IPv4 and IPv6, via node's BlockList).
import { BlockList, isIP } from 'node:net';

/** `::ffff:10.0.0.1` → `10.0.0.1`; strips a zone id. */
export function normaliseIp(ip: string | undefined): string {
  if (!ip) return '';
  const s = ip.replace(/%.*$/, '');
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  return m ? m[1] : s;
}

export interface AllowList {
  check(ip: string): boolean;
  errors: string[];
}

/**
 * An allowlist from CIDR entries (`192.168.1.0/24`, `2001:db8::/32`, or a single address). Invalid entries
 * are reported and match nothing.
 */
export function buildAllowList(entries: string[]): AllowList {
  const list = new BlockList();
  const errors: string[] = [];
  for (const raw of entries) {
    const entry = String(raw).trim();
    const [addr, bitsText, extra] = entry.split('/');
    const family = isIP(normaliseIp(addr));
    const bits = bitsText === undefined ? (family === 6 ? 128 : 32) : Number(bitsText);
    if (!family || extra !== undefined || !/^\d+$/.test(bitsText ?? String(bits)) || bits > (family === 6 ? 128 : 32)) {
      errors.push(`server.allow: '${entry}' is not an IPv4 or IPv6 address or CIDR range`);
      continue;
    }
    list.addSubnet(normaliseIp(addr), bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return {
    errors,
    check(ip: string) {
      const a = normaliseIp(ip);
      const family = isIP(a);
      return family ? list.check(a, family === 6 ? 'ipv6' : 'ipv4') : false;
    },
  };
}
