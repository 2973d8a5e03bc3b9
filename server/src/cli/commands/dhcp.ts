// `provisioning-studio dhcp`: the DHCP options that point the bench's phones at the dev server, in the syntax of the DHCP
// server at hand. Which options each vendor reads is vendor profile data (`VendorProfile.dhcp`, each with its source).
import { isIPv4 } from 'node:net';
import { SERVER_ADDRESS_VALUES, UsageError, opt, serverAddressOption } from '../args';
import type { Command } from '../context';
import { PROFILES, VENDOR_IDS } from '../../core/vendors';
import type { DhcpOptionUse } from '../../core/vendors/types';
import type { VendorId } from '../../core/types';

const FORMATS = ['isc', 'dnsmasq', 'kea', 'mikrotik', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** One option to hand out: its value for this server, the vendors reading it and why. */
export interface DhcpLine {
  code: number;
  kind: DhcpOptionUse['value'];
  value: string;
  vendors: VendorId[];
  notes: string[];
  sources: string[];
}

export interface DhcpPlan {
  url: string;
  vendors: VendorId[];
  options: DhcpLine[];
  /** Options left out, and why (vendor-encapsulated ones, a TFTP list without an IPv4 address, …). */
  skipped: { code: number; vendors: VendorId[]; why: string }[];
  /** Vendors on the bench without DHCP data. */
  without: VendorId[];
}

/** Why phones cannot use this URL, or undefined when they can. */
export function unusableUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `'${url}' is not a URL`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `${url} is not an http(s) URL`;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (/^127\./.test(host) || host === '::1' || host.toLowerCase() === 'localhost')
    return `${url} is a loopback address: phones on the LAN cannot reach it`;
  if (host === '0.0.0.0' || host === '::') return `${url} is not an address phones can reach`;
  return undefined;
}

export function dhcpPlan(url: string, vendors: VendorId[]): DhcpPlan {
  const host = new URL(url).hostname;
  const byCode = new Map<number, DhcpLine>();
  const skipped: DhcpPlan['skipped'] = [];
  const without: VendorId[] = [];
  const skip = (code: number, vendor: VendorId, why: string) => {
    const s = skipped.find((x) => x.code === code && x.why === why);
    if (s) s.vendors.push(vendor);
    else skipped.push({ code, vendors: [vendor], why });
  };
  for (const vendor of vendors) {
    const dhcp = PROFILES[vendor].dhcp;
    if (!dhcp) {
      without.push(vendor);
      continue;
    }
    for (const o of dhcp.options) {
      let value: string;
      if (o.value === 'url') value = url;
      else if (o.value === 'file') value = o.file ?? '';
      else if (isIPv4(host)) value = host;
      else {
        skip(o.code, vendor, `a TFTP server list takes IPv4 addresses, and the server URL names ${host}`);
        continue;
      }
      const line = byCode.get(o.code);
      if (line && line.value !== value) {
        skip(o.code, vendor, `option ${o.code} already carries ${JSON.stringify(line.value)} for ${line.vendors.join(', ')}`);
        continue;
      }
      const target = line ?? { code: o.code, kind: o.value, value, vendors: [], notes: [], sources: [] };
      target.vendors.push(vendor);
      target.notes.push(`${PROFILES[vendor].label}: ${o.note}`);
      target.sources.push(`${PROFILES[vendor].label}: ${o.source}`);
      byCode.set(o.code, target);
    }
    for (const n of dhcp.notPrinted ?? []) skip(n.code, vendor, n.why);
  }
  const options = [...byCode.values()].sort((a, b) => a.code - b.code);
  return { url, vendors, options, skipped, without };
}

// ---- the formats ----

/** ISC dhcpd's option names for the codes it knows; others are declared first. */
const ISC_NAMES: Record<number, string> = { 66: 'tftp-server-name', 67: 'bootfile-name' };
/** Kea's standard dhcp4 option names; others get an option-def. */
const KEA_NAMES: Record<number, string> = { 66: 'tftp-server-name', 67: 'boot-file-name' };

const customName = (code: number) => `option-${code}`;
const label = (vendors: VendorId[]) => vendors.map((v) => PROFILES[v].label).join(', ');
const quoteC = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

function commentHeader(plan: DhcpPlan, hash = '#'): string[] {
  const lines = [`${hash} provisioning-studio dhcp: phones find ${plan.url} (${label(plan.vendors)})`];
  for (const o of plan.options) for (const n of o.notes) lines.push(`${hash} ${o.code}  ${n}`);
  for (const s of plan.skipped) lines.push(`${hash} not printed: ${s.code} (${label(s.vendors)}): ${s.why}`);
  for (const v of plan.without)
    lines.push(`${hash} ${PROFILES[v].label}: no DHCP data; point it by hand (${PROFILES[v].provisioningHelp})`);
  return lines;
}

function isc(plan: DhcpPlan): string {
  const out = commentHeader(plan);
  const declared = plan.options.filter((o) => !ISC_NAMES[o.code]);
  if (declared.length) out.push('', '# declarations (once, at the top level of dhcpd.conf)');
  for (const o of declared)
    out.push(`option ${customName(o.code)} code ${o.code} = ${o.kind === 'tftp-ip' ? 'array of ip-address' : 'text'};`);
  out.push('', '# in the subnet (or class) the phones get their address from');
  for (const o of plan.options) {
    const name = ISC_NAMES[o.code] ?? customName(o.code);
    const value = o.kind === 'tftp-ip' ? o.value : quoteC(o.value);
    out.push(`option ${name} ${value};${o.kind === 'file' ? `  # ${label(o.vendors)} only` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

function dnsmasq(plan: DhcpPlan): string {
  const out = commentHeader(plan);
  out.push('');
  for (const o of plan.options) {
    const value = o.kind === 'tftp-ip' ? o.value : quoteC(o.value);
    out.push(`dhcp-option=${o.code},${value}${o.kind === 'file' ? `  # ${label(o.vendors)} only: tag it (dhcp-option=tag:…)` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

function kea(plan: DhcpPlan): string {
  const defs = plan.options
    .filter((o) => !KEA_NAMES[o.code])
    .map((o) => ({
      name: customName(o.code),
      code: o.code,
      type: o.kind === 'tftp-ip' ? 'ipv4-address' : 'string',
      ...(o.kind === 'tftp-ip' ? { array: true } : {}),
      space: 'dhcp4',
    }));
  const data = plan.options.map((o) => {
    const name = KEA_NAMES[o.code] ?? customName(o.code);
    // a comma separates values in Kea's CSV format: such a string goes as hex
    if (o.kind !== 'tftp-ip' && o.value.includes(','))
      return { name, code: o.code, space: 'dhcp4', 'csv-format': false, data: Buffer.from(o.value).toString('hex') };
    return { name, code: o.code, space: 'dhcp4', data: o.value };
  });
  const dhcp4: Record<string, unknown> = {};
  if (defs.length) dhcp4['option-def'] = defs;
  dhcp4['option-data'] = data;
  return `${JSON.stringify({ Dhcp4: dhcp4 }, null, 2)}\n`;
}

/** A RouterOS option value: `'text'` (RouterOS's quoting), hex where the text cannot be quoted so. */
function mikrotikValue(o: DhcpLine): string {
  if (o.kind === 'tftp-ip') return `"'${o.value}'"`;
  // a quoted all-digit or dotted-quad text would be read as a number or an address; ' and $ cannot be quoted
  if (/['$\\"?]/.test(o.value) || /^[\d.]+$/.test(o.value)) return `0x${Buffer.from(o.value).toString('hex')}`;
  return `"'${o.value}'"`;
}

function mikrotik(plan: DhcpPlan): string {
  const out = commentHeader(plan);
  const names = plan.options.map((o) => `provisioning-${o.code}`);
  out.push('', '/ip dhcp-server option');
  plan.options.forEach((o, i) => out.push(`add code=${o.code} name=${names[i]} value=${mikrotikValue(o)}`));
  out.push('/ip dhcp-server option sets', `add name=provisioning options=${names.join(',')}`);
  out.push('# then, for the phones\' network: /ip dhcp-server network set [find address="<subnet>"] dhcp-option-set=provisioning');
  return `${out.join('\n')}\n`;
}

function json(plan: DhcpPlan): string {
  return `${JSON.stringify(
    {
      url: plan.url,
      vendors: plan.vendors,
      options: plan.options.map((o) => ({ code: o.code, value: o.value, vendors: o.vendors, notes: o.notes, sources: o.sources })),
      notPrinted: plan.skipped,
      withoutDhcpData: plan.without,
    },
    null,
    2,
  )}\n`;
}

const WRITERS: Record<Format, (plan: DhcpPlan) => string> = { isc, dnsmasq, kea, mikrotik, json };

export const dhcpCommand: Command = {
  summary: "print the DHCP options (66, 160, 150, 67 as each vendor reads them) that point the bench's phones at the dev server",
  usage:
    'dhcp [--format isc|dnsmasq|kea|mikrotik|json] [--all] [--host <address>] [--port <port>] [--url <base URL>]\n' +
    '  for the vendors on the bench (--all: every vendor); the URL is the bench server.url, else built from server host,\n' +
    '  port and tls (--host/--port/--url override it, as for serve)',
  flags: ['all'],
  values: ['format', ...SERVER_ADDRESS_VALUES],
  run({ args, io, workspace: ws }) {
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
    const format = (opt(args, 'format') ?? 'isc') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
    ws.setServerAddress(serverAddressOption(args));
    const bench = ws.parsedBench();
    const errors = bench.problems.filter((p) => p.severity === 'error');
    if (errors.length)
      io.err(
        `note: ${ws.benchFile} has ${errors.length} error${errors.length > 1 ? 's' : ''} (provisioning-studio check): phones it does not describe correctly are not counted\n`,
      );
    const url = ws.serverUrl(bench.bench);
    const why = unusableUrl(url);
    if (why) {
      io.err(
        `error: no server URL phones can use: ${why}.\nSet server.url in ${ws.benchFile} to the address phones reach (e.g. server: { url: http://192.168.1.10:8080 }), or pass --url.\n`,
      );
      return 1;
    }
    const onBench = new Set(ws.phones.map((p) => p.vendor));
    const vendors = VENDOR_IDS.filter((v) => (args.options.has('all') ? PROFILES[v].dhcp : onBench.has(v)));
    if (!vendors.length) {
      io.err(`error: no phones on the bench (${ws.benchFile}): nothing to point; --all prints every vendor's options\n`);
      return 1;
    }
    io.out(WRITERS[format](dhcpPlan(url, vendors)));
    return 0;
  },
};
