// Core types of the workspace model. Pure: no editor, no network.
import type { KeyType } from './vendors/keys/types';
import type { ProblemCode } from './problems/registry';

export type { ProblemCode };

/** Zero-based position and range, the same shape as LSP's so the language server passes them through. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A located problem in a workspace file (a template, the bench file, a partial). */
export interface Problem {
  /** Workspace-relative path with forward slashes (`templates/yealink/mac.cfg.hbs`, `bench.yaml`). */
  file: string;
  range: Range;
  severity: Severity;
  /** Stable code from the problem registry (core/problems/registry.ts), e.g. `hbs-syntax`, `unknown-key`. Quick fixes key off it. */
  code: ProblemCode;
  message: string;
  /** What a quick fix needs beyond suggestions (never parsed from the message): `word`, the text inside the range to replace. */
  data?: { word?: string };
  /** Replacement candidates for the highlighted text, best first ("did you mean"). */
  suggestions?: string[];
  /** For an output-level problem with suggestions: the rendered text of the range (e.g. the key as the phone reads it),
   *  so a fix can edit the template text around any {{expressions}} in it. */
  actual?: string;
  /** Phones for which an output-level problem was seen (names), when found by rendering. */
  phones?: string[];
  related?: { file: string; range: Range; message: string }[];
  /** When the problem is inside a partial: the call in the template being checked that led there. */
  via?: { file: string; range: Range };
}

export type VendorId = 'yealink' | 'poly' | 'cisco' | 'grandstream' | 'snom' | 'fanvil' | 'generic';

export interface Line {
  extension: string;
  display_name?: string;
  auth_id?: string;
  password?: string;
  label?: string;
  [extra: string]: unknown;
}

export interface Key {
  type: KeyType;
  value: string;
  label?: string;
  /** 1-based line the key belongs to. */
  line?: number;
}

export interface Contact {
  name: string;
  number: string;
  first_name?: string;
  last_name?: string;
  [extra: string]: unknown;
}

/** An expansion module on a phone (bench `modules:`), with its keys. */
export interface PhoneModule {
  type: string;
  keys: Key[];
}

export interface Phone {
  /** 12 lowercase hex digits. */
  mac: string;
  vendor: VendorId;
  model: string;
  name: string;
  ip?: string;
  sip_port?: number;
  lines: Line[];
  keys: Key[];
  /** Expansion modules, module 1 first (absent: none). */
  modules?: PhoneModule[];
  vars: Record<string, unknown>;
}

export interface PbxConfig {
  host: string;
  port: number;
  transport: 'udp' | 'tcp' | 'tls';
  outbound_proxy?: string;
  [extra: string]: unknown;
}

export interface ServerAuth {
  type: 'basic' | 'digest';
  username: string;
  password: string;
  realm?: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Public base URL phones use to reach the server (defaults to http://host:port). */
  url?: string;
  path_prefix?: string;
  tls?: { cert?: string; key?: string; self_signed?: boolean };
  auth?: ServerAuth;
  allow?: string[];
  unknown_mac?: 'not-found' | 'common';
  static?: { path: string; dir: string }[];
  [extra: string]: unknown;
}

export interface Bench {
  pbx: PbxConfig;
  server: ServerConfig;
  vars: Record<string, unknown>;
  contacts: Contact[];
  phones: Phone[];
  /** The `firmware:` map: the image pinned per model (core/bench/firmware.ts), only the pins that are valid. */
  firmware?: import('./bench/firmware').FirmwarePin[];
  /** The `problems:` section: severity per problem code (`off` removes), for `check` and the editor alike. */
  problems?: import('./problems/policy').ProblemOverrides;
}
