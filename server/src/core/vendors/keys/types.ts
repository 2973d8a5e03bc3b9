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

/** Another name a module goes by (a product code, the full product name), with where that name is used. */
export interface ModuleAlias {
  name: string;
  source: string;
}

/**
 * One expansion module of a vendor. This is the only module table: model rows (`vendors/models/<vendor>.ts`,
 * `expansion:`) name modules by `id`, and a bench `modules[].type` may give the id or any alias.
 */
export interface ExpansionModule {
  /** The module's name as the vendor writes it (`EXP50`, `BEKEM`, `VVX Color Expansion Module`). */
  id: string;
  /** Other names of the same product, each with its source. */
  aliases?: ModuleAlias[];
  /** Keys per module (all pages); absent when no source gives the count (no capacity check then). */
  keys?: number;
  /** How many modules one phone takes at most; absent when no source gives it. */
  maxPerPhone?: number;
  /** Where the id, the key count and the maximum come from (and what could not be found). */
  source: string;
}

export interface VendorKeys {
  /** Codes per key function; a function missing here has no code for the vendor (check warns). */
  types: Partial<Record<KeyType, KeyTypeCode>>;
  modules: ExpansionModule[];
}
