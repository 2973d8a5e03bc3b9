// Rendered-output model shared by the output readers and the checks.
// Offsets are UTF-16 character offsets into the rendered text; the render engine maps them back
// to template ranges. Pure data: no editor, no network.

export type OutputFormatId = 'yealink-cfg' | 'poly-xml' | 'cisco-xml' | 'grandstream-xml' | 'snom-xml' | 'fanvil-xml' | 'xml' | 'text';

/** One key/value pair as the phone reads it from the rendered file. */
export interface OutputEntry {
  /** The key in the catalog notation of the format (see docs/catalog-format.md). */
  key: string;
  /** The value with XML entities decoded and surrounding whitespace trimmed. */
  value: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  /**
   * Identity for duplicate detection when it differs from `key` (Fanvil legacy lists repeat the same
   * element path once per entry; the id adds the entry's ordinal).
   */
  id?: string;
}

export type OutputSeverity = 'error' | 'warning' | 'information';

export interface OutputProblem {
  start: number;
  end: number;
  severity: OutputSeverity;
  /** Stable code: unknown-key, invalid-value, duplicate-key, wrong-file, deprecated-key, missing-header,
   *  xml-malformed, index-out-of-range, unsupported-model, malformed-line. */
  code: import('../problems/registry').ProblemCode;
  message: string;
  /** Replacement candidates for the range, best first. */
  suggestions?: string[];
  /** For `uncatalogued-key`: the key as the phone reads it (what "Add to workspace catalog" adds). */
  data?: { word?: string };
  /** Other ranges of the same output involved (e.g. the first occurrence of a duplicate key). */
  related?: { start: number; end: number; message: string }[];
}

export interface CheckContext {
  format: OutputFormatId;
  vendor: string;
  /** Phone model id (e.g. `T46S`), for `models` and `maxByModel`. */
  model?: string;
  /** File kind of the rendered file (a VendorProfile route's kind), for `wrong-file`. */
  fileKind?: string;
  /** Required first line, e.g. `#!version:1.0.0.1`. */
  header?: string;
  /** The phone's firmware version (bench `vars.firmware_version`), for keys renamed or added in a release. */
  firmware?: string;
  /** Catalog to use instead of the bundled one for `vendor` (tests, user catalogs). */
  catalog?: import('./types').KeyCatalog;
}

export interface ReadResult {
  entries: OutputEntry[];
  problems: OutputProblem[];
}
