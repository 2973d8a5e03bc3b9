// Programmable keys as data: for each vendor, the code its configuration uses for each key function the
// bench knows, and the expansion modules its phones take. Each fact names its source (a vendor guide
// section, or a public provisioning project's file).

/** The key functions a bench key may have (`keys: [{ type: park, value: "700" }]`). */
export const KEY_TYPES = [
  'line',
  'blf',
  'speed_dial',
  'park',
  'pickup',
  'group_pickup',
  'intercom',
  'dnd',
  'forward',
  'transfer',
  'voicemail',
  'conference',
  'record',
  'url',
  'paging',
] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export interface KeyTypeCode {
  /** The value the vendor's key-type setting takes for this function (`16` for a Yealink BLF, `BLF` for Grandstream). */
  code: string;
  /** What the key's `value` means for this function, when it is not a number to dial (e.g. a URL, a paging group). */
  value?: string;
  /** Where the code comes from: a vendor guide section, or a repository path. */
  source: string;
}

export interface ExpansionModule {
  /** The module's name as the vendor writes it (`EXP50`, `VVX Color Expansion Module`, `KEM`). */
  id: string;
  /** Keys per module (all pages). */
  keys: number;
  /** How many modules one phone takes at most. */
  maxPerPhone: number;
  source: string;
}

export interface VendorKeys {
  /** Codes per key function; a function missing here has no code for the vendor (check warns). */
  types: Partial<Record<KeyType, KeyTypeCode>>;
  modules: ExpansionModule[];
}
