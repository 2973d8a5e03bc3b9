// Reprovision: which NOTIFY a bench phone gets (event from its vendor profile, target, credentials).
// Shared by the CLI `notify` command and the VS Code commands.
import type { Phone } from '../core/types';
import { getProfile, type VendorProfile } from '../core/vendors';
import { hostPort } from '../core/util/text';
import { sendNotify, type NotifyRequest, type NotifyResult } from './notify';

export interface ReprovisionOptions {
  reboot?: boolean;
  /** Overrides the target: host or host:port ([v6]:port). */
  to?: string;
  /** Address the phone last fetched its configuration from (the dev server knows it). */
  lastSeenIp?: (phone: Phone) => string | undefined;
  local?: { host?: string; port?: number };
  transport?: 'udp' | 'tcp';
  /** Event override, e.g. a 3CX template's own resync event; per phone when a function (undefined: the vendor's event). */
  event?: string | ((phone: Phone, reboot: boolean) => string | undefined);
  timers?: NotifyRequest['timers'];
}

export type PlannedNotify = { ok: true; request: NotifyRequest; target: string } | { ok: false; message: string };

/** `host[:port]`, `[v6][:port]` or a bare IPv6 address; undefined when malformed or a given port is not 1–65535. */
export function parseHostPort(s: string, defaultPort: number): { host: string; port: number } | undefined {
  const withPort = (host: string, port?: string) => {
    if (!port) return { host, port: defaultPort };
    const n = Number(port);
    return n >= 1 && n <= 65535 ? { host, port: n } : undefined;
  };
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(s);
  if (v6) return withPort(v6[1], v6[2]);
  const m = /^([^:\s]+)(?::(\d+))?$/.exec(s);
  if (m) return withPort(m[1], m[2]);
  if (/^[0-9a-fA-F:]+$/.test(s) && s.includes(':')) return { host: s, port: defaultPort };
  return undefined;
}

export function planNotify(phone: Phone, opts: ReprovisionOptions = {}): PlannedNotify {
  const profile = getProfile(phone.vendor);
  if (!profile) return { ok: false, message: `unknown vendor '${phone.vendor}'` };
  const port = phone.sip_port ?? 5060;
  const where = opts.to
    ? parseHostPort(opts.to, port)
    : phone.ip
      ? { host: phone.ip, port }
      : (() => {
          const seen = opts.lastSeenIp?.(phone);
          return seen ? { host: seen, port } : undefined;
        })();
  if (!where)
    return {
      ok: false,
      message: 'no address: the bench has no ip for this phone and it has not fetched from the dev server yet (give --to host[:port])',
    };
  if (!(where.port > 0 && where.port < 65536)) return { ok: false, message: `invalid port in '${opts.to}'` };
  const line = phone.lines[0];
  const request: NotifyRequest = {
    target: { host: where.host, port: where.port, transport: opts.transport ?? 'udp' },
    event:
      (typeof opts.event === 'function' ? opts.event(phone, !!opts.reboot) : opts.event) ??
      (opts.reboot ? profile.notify.reboot : profile.notify.resync),
    user: line?.extension || undefined,
    credentials: line?.password ? { username: String(line.auth_id || line.extension), password: String(line.password) } : undefined,
    local: opts.local,
    timers: opts.timers,
    vendorHint: profile.notify.trustSetting,
  };
  return { ok: true, request, target: hostPort(where.host, where.port) };
}

/**
 * The value of the vendor's reboot-override setting (Snom `checksync_action`) in the files a phone is served, when it
 * turns the reboot event into something else: `notify --reboot` then only makes the phone do that. Undefined when
 * the vendor has no such setting or the files leave it unset or set to a value that reboots (the last occurrence wins).
 */
export function rebootOverridden(profile: VendorProfile, servedTexts: string[]): string | undefined {
  const o = profile.notify.rebootOverride;
  if (!o) return undefined;
  const name = o.setting.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // XML element (<checksync_action perm="">sync</checksync_action>) or key = value / key: value text
  const re = new RegExp(`<${name}\\b[^>]*>\\s*([^<]*?)\\s*</${name}>|^\\s*${name}(?:[!&$])?\\s*[=:]\\s*(\\S*)`, 'gim');
  let last: string | undefined;
  for (const text of servedTexts) for (const m of text.matchAll(re)) last = (m[1] ?? m[2] ?? '').trim();
  return last !== undefined && last !== '' && !o.rebootValues.includes(last.toLowerCase()) ? last : undefined;
}

/** The warning `notify --reboot` prints for a phone whose served files override the reboot event. */
export function rebootOverrideWarning(phone: Phone, profile: VendorProfile, value: string): string {
  return `warning: ${phone.name} (${phone.mac}): its files set ${profile.notify.rebootOverride!.setting} = ${value}, so the ${profile.label} phone will only ${value === 'sync' ? 'resync' : `do '${value}'`}, not reboot; remove the setting (or set it to ${profile.notify.rebootOverride!.rebootValues[0]}) for --reboot to reboot it`;
}

export interface ReprovisionOutcome {
  phone: Phone;
  target?: string;
  event?: string;
  result: NotifyResult;
}

/** One line per outcome, as the CLI prints it and the VS Code request log shows it. */
export function formatOutcome(o: ReprovisionOutcome): string {
  const mark = o.result.status === 'accepted' ? 'ok  ' : 'FAIL';
  return `${mark} ${o.phone.name} (${o.phone.mac})${o.target ? ` → ${o.target}` : ''}${o.event ? ` [${o.event}]` : ''}: ${o.result.message}`;
}

/** Reprovisions phones concurrently (bounded), reporting each outcome as it arrives. */
export async function reprovision(
  phones: Phone[],
  opts: ReprovisionOptions,
  onOutcome?: (o: ReprovisionOutcome) => void,
  concurrency = 32,
): Promise<ReprovisionOutcome[]> {
  const outcomes: ReprovisionOutcome[] = new Array(phones.length);
  let next = 0;
  const worker = async () => {
    while (next < phones.length) {
      const i = next++;
      const phone = phones[i];
      const plan = planNotify(phone, opts);
      const o: ReprovisionOutcome = plan.ok
        ? { phone, target: plan.target, event: plan.request.event, result: await sendNotify(plan.request) }
        : { phone, result: { status: 'error', message: plan.message, retransmissions: 0, elapsedMs: 0 } };
      outcomes[i] = o;
      onOutcome?.(o);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, phones.length) }, worker));
  return outcomes;
}
