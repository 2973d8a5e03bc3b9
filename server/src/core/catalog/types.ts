// The shape of a vendor key catalog (one JSON file per vendor in ./data/<vendor>.json).
// Vendor knowledge is data: checks, completion and hover read these files and nothing else.

/** A value type a phone accepts for a key. */
export type KeyType =
  | 'bool' // the catalog's `bool` spelling (e.g. 0/1, Yes/No, on/off)
  | 'int' // integer, optional min/max
  | 'enum' // one of `values`
  | 'string' // free text, optional maxLength / pattern
  | 'password' // secret string: never echoed into messages
  | 'url' // http(s)/ftp/tftp URL (may contain vendor macros such as $MA)
  | 'host' // hostname or IP address (optionally host:port)
  | 'ip' // IPv4/IPv6 address
  | 'port' // 0..65535
  | 'list'; // separator-separated list (separator in `separator`, default ',')

export interface EnumValue {
  value: string;
  /** What the value means, shown in completion and hover. */
  label: string;
}

export interface KeyDef {
  /**
   * The key pattern, with named indices in braces: `account.{account}.label`,
   * `User_ID_{line}_`, `user_name[{line}]`, `sip.line[{line}].RegisterAddr`, `P47`.
   * The notation of each format is the one its output reader produces (see README of catalogs).
   */
  key: string;
  type: KeyType;
  /** One line, our own words. */
  description: string;
  default?: string;
  min?: number; // int
  max?: number; // int
  values?: EnumValue[]; // enum
  maxLength?: number; // string
  pattern?: string; // string: a JS regular expression the whole value must match
  separator?: string; // list
  /** Where the vendor splits files: the file kind this key must be in (see VendorProfile routes). */
  file?: string;
  /** Model ids (or prefixes ending in '*') that support the key; absent = all models of the vendor. */
  models?: string[];
  /** A renamed or removed key: what to use instead (a key pattern), and why. */
  deprecated?: { replacement?: string; note: string };
  /** Grandstream: the alias name of a P-value (`account.1.sip.userid` for `P35`). */
  alias?: string;
  /** The vendor document the key was taken from (an id of the catalog's `sources`), when generated from one. */
  source?: string;
  /** Firmware that introduced the key / from which it is gone (vendor version text, e.g. `V81`, `8.11.0.0`). */
  since?: string;
  removedIn?: string;
}

/** A document a catalog was generated from. */
export interface CatalogSource {
  id: string;
  title: string;
  url?: string;
}

export interface IndexDef {
  min: number;
  max: number;
  description: string;
  /** Per-model maximum where it differs from `max` (model id or prefix ending in '*'). */
  maxByModel?: Record<string, number>;
}

export interface KeyCatalog {
  vendor: string;
  /** How booleans are spelled; the first of each list is the canonical one offered by completion. */
  bool: { true: string[]; false: string[] };
  /** Named indices used in key patterns. */
  indices: Record<string, IndexDef>;
  keys: KeyDef[];
  /** Documents the keys come from (KeyDef.source names one). */
  sources?: CatalogSource[];
  /**
   * Key families (pattern prefixes, e.g. `account.{account}.`) the catalog lists in full from a vendor
   * reference: an unknown key there is a warning that the phone ignores it. Elsewhere an unknown key near
   * no known key is only information (the catalog may not know it).
   */
  exhaustive?: { prefix: string; source: string }[];
}
