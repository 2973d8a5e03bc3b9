// Firmware versions, for keys a catalog marks as introduced (`since`) or renamed/removed (`removedIn`) in a
// firmware release. A phone's firmware comes from the bench (`vars.firmware_version` of the phone, e.g.
// `96.86.0.70` or `86`); checks without one say nothing about firmware.
//
// Yealink numbers firmware `<model>.<release>.<x>.<y>` (96.86.0.70 is release 86 for a T54W) and its guides
// speak of the release ("firmware 81"): a Yealink four-part version compares by its second number. Other
// vendors compare dotted numbers left to right (Poly 6.4.3, Cisco 11.3.7, Grandstream 1.0.11.23).

/** The comparable numbers of a firmware version text (undefined when it has none). */
export function firmwareParts(vendor: string, version: string): number[] | undefined {
  const m = /\d+(?:\.\d+)*/.exec(version);
  if (!m) return undefined;
  const parts = m[0].split('.').map(Number);
  if (vendor.toLowerCase() === 'yealink' && parts.length === 4) return parts.slice(1, 2);
  return parts;
}

/** <0, 0 or >0 as `running` is before, at or after `boundary`; undefined when either is not a version. */
export function compareFirmware(vendor: string, running: string, boundary: string): number | undefined {
  const a = firmwareParts(vendor, running),
    b = firmwareParts(vendor, boundary);
  if (!a || !b) return undefined;
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The firmware version the bench gives for a phone (`vars.firmware_version`), if any. */
export function firmwareOf(phone: { vars?: Record<string, unknown> }): string | undefined {
  const v = phone.vars?.firmware_version;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}
