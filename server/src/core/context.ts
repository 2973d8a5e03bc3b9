// The data a template sees when rendered for one phone.
import { formatMac } from './bench/mac';
import type { Bench, Phone } from './types';
import { findModel, getProfile } from './vendors';

export interface RenderContext {
  phone: { mac: string; mac_upper: string; mac_colon: string; name: string; vendor: string; model: string; ip: string; sip_port: number };
  model: { id: string; lines: number; keys: number; file_id: string };
  lines: Phone['lines'];
  keys: Phone['keys'];
  pbx: Bench['pbx'];
  vars: Record<string, unknown>;
  contacts: Bench['contacts'];
  server: { url: string };
}

/** Base URL phones use: the bench's explicit url, else derived from host, port, TLS and prefix. */
export function serverUrl(bench: Bench): string {
  const s = bench.server;
  if (s.url) return s.url.replace(/\/+$/, '');
  const scheme = s.tls ? 'https' : 'http';
  const host = s.host === '0.0.0.0' || s.host === '::' ? '127.0.0.1' : s.host;
  const prefix = s.path_prefix ? `/${s.path_prefix.replace(/^\/+|\/+$/g, '')}` : '';
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${s.port}${prefix}`;
}

/** Plain JSON data only (no prototypes, no functions): templates cannot reach anything else. */
export function buildContext(bench: Bench, phone: Phone): RenderContext {
  const profile = getProfile(phone.vendor);
  const model = profile ? findModel(profile, phone.model) : undefined;
  const ctx: RenderContext = {
    phone: {
      mac: phone.mac, mac_upper: phone.mac.toUpperCase(), mac_colon: formatMac(phone.mac, 'colon'),
      name: phone.name, vendor: phone.vendor, model: phone.model, ip: phone.ip ?? '', sip_port: phone.sip_port ?? 5060,
    },
    model: { id: model?.id ?? phone.model, lines: model?.lines ?? phone.lines.length, keys: model?.keys ?? phone.keys.length, file_id: model?.fileId ?? '' },
    lines: phone.lines,
    keys: phone.keys,
    pbx: bench.pbx,
    vars: { ...bench.vars, ...phone.vars },
    contacts: bench.contacts,
    server: { url: serverUrl(bench) },
  };
  return JSON.parse(JSON.stringify(ctx)) as RenderContext;
}
