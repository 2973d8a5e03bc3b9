// MAC addresses: accept any common notation, normalise to 12 lowercase hex digits.

const SEPARATED = /^[0-9a-f]{2}([:\-. ]?)[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;
const CISCO_DOTTED = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i;

/** `80:5E:0C:11:22:33`, `80-5e-0c-11-22-33`, `805e.0c11.2233`, `805e0c112233` → `805e0c112233`; else undefined. */
export function normaliseMac(input: string): string | undefined {
  const s = String(input).trim();
  if (!SEPARATED.test(s) && !CISCO_DOTTED.test(s)) return undefined;
  return s.replace(/[:\-. ]/g, '').toLowerCase();
}

export type MacNotation = 'plain' | 'upper' | 'colon' | 'COLON' | 'dash' | 'DASH' | 'dot';

export function formatMac(mac: string, notation: MacNotation = 'plain'): string {
  const pairs = mac.match(/../g) ?? [];
  switch (notation) {
    case 'plain':
      return mac;
    case 'upper':
      return mac.toUpperCase();
    case 'colon':
      return pairs.join(':');
    case 'COLON':
      return pairs.join(':').toUpperCase();
    case 'dash':
      return pairs.join('-');
    case 'DASH':
      return pairs.join('-').toUpperCase();
    case 'dot':
      return `${mac.slice(0, 4)}.${mac.slice(4, 8)}.${mac.slice(8)}`;
  }
}
