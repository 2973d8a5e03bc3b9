// The data a template sees when rendered for one phone.
import { firmwareContext } from './bench/firmware';
import { formatMac } from './bench/mac';
import type { Bench, Key, Phone } from './types';
import { keysWithCodes } from './keys';
import { findModel, getProfile } from './vendors';
import { hostPort } from './util/text';

export interface RenderContext {
  phone: { mac: string; mac_upper: string; mac_colon: string; name: string; vendor: string; model: string; ip: string; sip_port: number };
  model: { id: string; lines: number; keys: number; file_id: string };
  lines: Phone['lines'];
  /** The phone's keys, each with `code`: its vendor's code for the key function (absent where the vendor has none). */
  keys: (Key & { code?: string })[];
  /** Expansion modules, each with its keys (and their codes). */
  modules: { type: string; keys: (Key & { code?: string })[] }[];
  pbx: Bench['pbx'];
  vars: Record<string, unknown>;
  contacts: Bench['contacts'];
  server: { url: string };
  /** The firmware pinned for the phone's model (bench `firmware:`); absent without a pin. */
  firmware?: { url: string; file: string };
}

/**
 * Where the dev server really is, when that differs from the bench file: the running server's address
 * (`serve --port`, port 0, the VS Code settings) or the CLI's `--host/--port/--url`. `url` replaces the
 * bench's `server.url`; host, port and scheme replace the bench's when it sets no url.
 */
export interface ServerAddress {
  host?: string;
  port?: number;
  scheme?: 'http' | 'https';
  url?: string;
}

/**
 * Base URL phones use: the address override's url, else the bench's explicit url, else derived from
 * host, port, TLS and prefix (each taken from the override when it gives one).
 */
export function serverUrl(bench: Bench, address: ServerAddress = {}): string {
  const s = bench.server;
  const explicit = address.url ?? s.url;
  if (explicit) return explicit.replace(/\/+$/, '');
  const scheme = address.scheme ?? (s.tls ? 'https' : 'http');
  const listen = address.host ?? s.host;
  const host = listen === '0.0.0.0' || listen === '::' ? '127.0.0.1' : listen;
  const prefix = s.path_prefix ? `/${s.path_prefix.replace(/^\/+|\/+$/g, '')}` : '';
  return `${scheme}://${hostPort(host, address.port ?? s.port)}${prefix}`;
}

/** Plain JSON data only (no prototypes, no functions): templates cannot reach anything else. */
export function buildContext(bench: Bench, phone: Phone, address?: ServerAddress): RenderContext {
  const profile = getProfile(phone.vendor);
  const model = profile ? findModel(profile, phone.model) : undefined;
  const ctx: RenderContext = {
    phone: {
      mac: phone.mac,
      mac_upper: phone.mac.toUpperCase(),
      mac_colon: formatMac(phone.mac, 'colon'),
      name: phone.name,
      vendor: phone.vendor,
      model: phone.model,
      ip: phone.ip ?? '',
      sip_port: phone.sip_port ?? 5060,
    },
    model: {
      id: model?.id ?? phone.model,
      lines: model?.lines ?? phone.lines.length,
      keys: model?.keys ?? phone.keys.length,
      file_id: model?.fileId ?? '',
    },
    lines: phone.lines,
    keys: keysWithCodes(phone.vendor, phone.keys),
    modules: (phone.modules ?? []).map((m) => ({ type: m.type, keys: keysWithCodes(phone.vendor, m.keys) })),
    pbx: bench.pbx,
    vars: { ...bench.vars, ...phone.vars },
    contacts: bench.contacts,
    server: { url: serverUrl(bench, address) },
    firmware: firmwareContext(bench, phone, serverUrl(bench, address)),
  };
  return JSON.parse(JSON.stringify(ctx)) as RenderContext;
}
