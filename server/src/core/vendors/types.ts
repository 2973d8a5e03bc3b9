// A vendor profile: everything the engine knows about one vendor, as data.
import type { VendorKeys } from './keys/types';
import type { OutputFormatId } from '../catalog/output';
import type { MacNotation } from '../bench/mac';
import type { VendorId } from '../types';
import type { BootOrder } from '../effectiveOrder';

export interface OutputFormat {
  id: OutputFormatId;
  /** Escaping applied to `{{expr}}` output: XML escaping for XML formats, none for key = value text. */
  escape: 'xml' | 'none';
  /** A first line the vendor requires (Yealink `#!version:1.0.0.1`). */
  header?: string;
  contentType: string;
}

export interface ModelDef {
  /** Our model id, as written in bench files (`T54W`, `VVX400`, `CP-8841-3PCC`). */
  id: string;
  /** Vendor's file id where file names depend on the model: Yealink common-file number, Cisco PSN. */
  fileId?: string;
  /**
   * The model-wide files the phone itself requests at boot, exactly as it spells them (case included); the first is the
   * name listed by `routes`, every one is answered (route placeholder `{modelFile}`).
   */
  files?: string[];
  /** The model's family where a vendor's routes differ by family (Cisco `spa` / `mpp`); routes with a family apply to it only. */
  family?: string;
  /** Expansion (sidecar) modules the model takes. */
  expansion?: string[];
  /**
   * How many expansion modules the model takes at most, where it takes fewer than a module's `maxPerPhone` says
   * (Cisco 8851: 2 KEMs, 8861: 3); `expansionSource` names where that comes from.
   */
  expansionMax?: number;
  expansionSource?: string;
  /** The firmware file the vendor ships for the model, as named in the reference (a version placeholder `<ver>`). */
  firmware?: string;
  /** Where the row's file names and firmware naming come from: a vendor guide section or a repository path. */
  source: string;
  /** Number of SIP lines (accounts) the model has. */
  lines: number;
  /** Number of programmable line/DSS keys (with pages), 0 when it has none. */
  keys: number;
  /** Other spellings of the model in User-Agents (compared without separators, case-insensitive). */
  aliases?: string[];
}

export interface RouteDef {
  /**
   * The requested path (without leading slash), with placeholders:
   * `{mac}` lowercase MAC, `{MAC}` uppercase MAC, `{fileId}` the model's file id, `{model}` the model id
   * lowercased, `{modelFile}` any of the model's own `files`. Matched case-insensitively.
   */
  path: string;
  /** Only for models of this family (ModelDef.family). */
  family?: string;
  /** Template answering it, relative to `templates/<vendor>/`. */
  template: string;
  format: OutputFormatId;
  /** What kind of file this is, for catalog `file` checks: boot, common, mac, phonebook. */
  fileKind: 'boot' | 'common' | 'mac' | 'phonebook' | 'other';
  /** Requested by every phone at boot, in this order (false for optional files). */
  boot: boolean;
  description: string;
}

export interface UserAgentRule {
  /** Regular expression source (case-insensitive) with named groups `model`, `firmware`, `mac` (optional). */
  pattern: string;
}

export interface NotifyEvents {
  resync: string;
  reboot: string;
  /**
   * A setting of the phone that turns the reboot event into a mere resync (Snom `checksync_action`): element or key
   * name, and the values that still reboot. `notify --reboot` warns when a template sets it to anything else.
   */
  rebootOverride?: { setting: string; rebootValues: string[] };
  /** Where the events come from: two independent references. */
  sources: string[];
  /** The phone setting that makes it drop NOTIFY not sent by its registrar, for the "no answer" message. */
  trustSetting: string;
}

/** A file the vendor's phones PUT to the provisioning server as `<mac>-<suffix>`. */
export interface UploadRule {
  suffix: string;
  /** The phone fetches it back itself (an override file, its own directory); never served to another client. */
  readBack: boolean;
}

/**
 * One DHCP option a vendor's phones read to find the provisioning server (`provisioning-studio dhcp` prints it for the
 * bench's server URL).
 */
export interface DhcpOptionUse {
  code: number;
  /**
   * What the option carries: `url` the server's base URL (`{{server.url}}`), `tftp-ip` the server's IPv4 address (a
   * TFTP server list: the phone then fetches over TFTP), `file` the path in `file`, which the phone appends to option 66.
   */
  value: 'url' | 'tftp-ip' | 'file';
  /** For `file`: the path, with the phone's own placeholders (`{model}`, `{mac}`). */
  file?: string;
  /** When the phone reads it (factory default, or only after a setting), in a few words. */
  note: string;
  /** Where the fact comes from: a vendor guide section (with its address) or a public project path. */
  source: string;
}

/** How a vendor's phones find their provisioning server by DHCP. */
export interface DhcpUse {
  /** The options `dhcp` prints, in the order the phone tries them. */
  options: DhcpOptionUse[];
  /** Options the phones also read that `dhcp` does not print (vendor-encapsulated 43, custom options), and why. */
  notPrinted?: { code: number; why: string; source: string }[];
}

export interface VendorProfile {
  id: VendorId;
  label: string;
  /** How the MAC appears in the file names this vendor requests. */
  macNotation: MacNotation;
  formats: Partial<Record<OutputFormatId, OutputFormat>>;
  models: ModelDef[];
  routes: RouteDef[];
  userAgents: UserAgentRule[];
  notify: NotifyEvents;
  /** How to point a phone at the dev server, for docs and the client. */
  provisioningHelp: string;
  /** The DHCP options the phones read to find the provisioning server, each with its source. */
  dhcp?: DhcpUse;
  /** How the vendor names firmware files, with the reference. */
  firmwareNaming?: string;
  /** Key function codes and expansion modules (vendors/keys/<vendor>.ts). */
  keys?: VendorKeys;
  /** Files the phones upload (absent: the vendor's phones never upload; a PUT is refused). */
  uploads?: UploadRule[];
  /** The order the phone applies its configuration files in, and which value wins (absent: boot routes in order, last wins). */
  bootOrder?: BootOrder;
}
