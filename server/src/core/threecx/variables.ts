// 3CX template variables: the documented list (name, description, where the bench value comes from) as
// data for completion and hover, and how each one gets its value from the bench. Every value is
// computed from the same render context Handlebars templates see (`buildContext`), and each variable
// also knows its Handlebars equivalent, so `convert` stays in step with the renderer by construction.
import type { RenderContext } from '../context';
import type { Key } from '../types';
import { fxsHbs, fxsValue } from './versionedVariables';

export interface ThreeCxVariableDoc {
  name: string;
  description: string;
  /** Where the value comes from on the bench. */
  bench: string;
  /** Only meaningful inside `{IF blfN}` (refers to key N). */
  perKey?: boolean;
}

/** Variables a bench phone can set with `vars.threecx.<name>` (PBX-side values the bench has no field for), with their defaults. */
export const SETTABLE_DEFAULTS: Record<string, string> = {
  VMPIN: '',
  vm_number: '999',
  PHONE_WEB_PASSWORD: '',
  DESKPHONE_PASSWORD: '',
  logo: '',
  local_sbc_ip: '',
  local_sbc_port: '5060',
  rtp_port_min: '9000',
  rtp_port_max: '10999',
  XFERmethod_Value: '',
  XFERmethod_DkType: '',
  PickupValue: '',
  DKtype: '',
};

export const THREECX_VARIABLES: ThreeCxVariableDoc[] = [
  { name: 'extension_number', description: "Extension number of the phone's first line.", bench: 'lines[0].extension' },
  {
    name: 'extension_first_name',
    description: "First name of the extension's user.",
    bench: 'lines[0].first_name, else lines[0].display_name',
  },
  { name: 'extension_last_name', description: "Last name of the extension's user.", bench: 'lines[0].last_name (empty when not set)' },
  { name: 'extension_auth_id', description: 'SIP authentication ID.', bench: 'lines[0].auth_id, else lines[0].extension' },
  { name: 'extension_auth_pw', description: 'SIP authentication password.', bench: 'lines[0].password' },
  { name: 'mac_address', description: "The phone's MAC address, 12 lowercase hex digits.", bench: 'mac' },
  { name: 'PHONE_IP', description: "The phone's IP address.", bench: 'ip' },
  { name: 'firmware', description: 'Firmware file for the model.', bench: 'firmware.<model> (the pin), else vars.firmware.<model>' },
  { name: 'pbx_ip', description: "The PBX's address (local IP or FQDN).", bench: 'pbx.host' },
  { name: 'phonesipport', description: "The phone's own SIP port.", bench: 'sip_port (default 5060)' },
  { name: 'PROVLINK', description: 'Provisioning URL the phone fetches from (no trailing slash).', bench: 'server.url' },
  { name: 'PROVLINK.PROTOCOL', description: 'Scheme of the provisioning URL (http or https).', bench: 'server.url' },
  { name: 'PROVLINK.HOST', description: 'Host of the provisioning URL.', bench: 'server.url' },
  { name: 'PROVLINK.PORT', description: 'Port of the provisioning URL.', bench: 'server.url' },
  {
    name: 'PROVLINK.PATH',
    description:
      'Path of the provisioning URL, with its leading slash and no trailing one (`HOST:PORT` + `PATH` is the URL without scheme).',
    bench: 'server.url',
  },
  { name: 'PROVLINKLOCAL', description: 'Provisioning URL on the local network (the same as PROVLINK on a bench).', bench: 'server.url' },
  { name: 'PROVLINKLOCAL.PROTOCOL', description: 'Scheme of the local provisioning URL.', bench: 'server.url' },
  { name: 'PROVLINKLOCAL.HOST', description: 'Host of the local provisioning URL.', bench: 'server.url' },
  { name: 'PROVLINKLOCAL.PORT', description: 'Port of the local provisioning URL.', bench: 'server.url' },
  { name: 'PROVLINKLOCAL.PATH', description: 'Path of the local provisioning URL (leading slash, no trailing one).', bench: 'server.url' },
  { name: 'VMPIN', description: 'Voicemail PIN.', bench: 'vars.threecx.VMPIN' },
  { name: 'vm_number', description: 'Voicemail number to dial (3CX default 999).', bench: 'vars.threecx.vm_number (default 999)' },
  { name: 'PHONE_WEB_PASSWORD', description: "Password of the phone's web interface.", bench: 'vars.threecx.PHONE_WEB_PASSWORD' },
  { name: 'DESKPHONE_PASSWORD', description: 'Admin password of the phone (menu, keypad lock).', bench: 'vars.threecx.DESKPHONE_PASSWORD' },
  { name: 'logo', description: "Logo file for the phone's display.", bench: 'vars.threecx.logo' },
  { name: 'local_sbc_ip', description: 'Address of the 3CX SBC (network mode SBC).', bench: 'vars.threecx.local_sbc_ip' },
  { name: 'local_sbc_port', description: 'Port of the 3CX SBC.', bench: 'vars.threecx.local_sbc_port (default 5060)' },
  { name: 'rtp_port_min', description: 'First RTP port (network mode REMOTESTUN).', bench: 'vars.threecx.rtp_port_min (default 9000)' },
  { name: 'rtp_port_max', description: 'Last RTP port.', bench: 'vars.threecx.rtp_port_max (default 10999)' },
  { name: 'XFERmethod_Value', description: 'Transfer method value of BLF keys (from <xfertype>).', bench: 'vars.threecx.XFERmethod_Value' },
  { name: 'XFERmethod_DkType', description: 'Transfer method DSS-key type (from <xfertype>).', bench: 'vars.threecx.XFERmethod_DkType' },
  { name: 'PickupValue', description: 'Call pickup prefix used by BLF keys.', bench: 'vars.threecx.PickupValue' },
  { name: 'DKtype', description: 'DSS-key type.', bench: 'vars.threecx.DKtype' },
  {
    name: 'blfN',
    description: 'Value (extension) of key N, e.g. %%blf1%%; `{IF blfN}` is true when the phone has key N.',
    bench: 'keys[N-1].value',
  },
  { name: 'blffirstnameN', description: 'First name shown for key N.', bench: 'keys[N-1].label, else keys[N-1].value' },
  { name: 'blflastnameN', description: 'Last name shown for key N (always empty on a bench).', bench: '—' },
  { name: 'blfno', description: 'Inside {IF blfN}: the extension key N watches or dials.', bench: 'keys[N-1].value', perKey: true },
  {
    name: 'blffirstname',
    description: 'Inside {IF blfN}: the first name shown for key N.',
    bench: 'keys[N-1].label, else keys[N-1].value',
    perKey: true,
  },
  { name: 'blflastname', description: 'Inside {IF blfN}: the last name shown for key N (empty on a bench).', bench: '—', perKey: true },
  {
    name: 'Type',
    description: "Inside {IF blfN}: <Type> of the key's kind in the template's <blftype>.",
    bench: 'keys[N-1].type → <blftype>',
    perKey: true,
  },
  {
    name: 'Value',
    description: "Inside {IF blfN}: <Value> of the key's kind in <blftype> (default: the key value).",
    bench: 'keys[N-1].type → <blftype>',
    perKey: true,
  },
  {
    name: 'label',
    description: "Inside {IF blfN}: <label> of the key's kind in <blftype> (default: the key label).",
    bench: 'keys[N-1].type → <blftype>',
    perKey: true,
  },
  {
    name: 'Line',
    description: "Inside {IF blfN}: <Line> of the key's kind in <blftype> (default: the key's line, else 1).",
    bench: 'keys[N-1].type → <blftype>',
    perKey: true,
  },
  { name: 'param::PBXPUBLICIP', description: 'Public IP or FQDN of the PBX.', bench: 'vars.param.PBXPUBLICIP, else pbx.host' },
  { name: 'param::sipport', description: "The PBX's SIP port.", bench: 'vars.param.sipport, else pbx.port' },
  { name: 'param::pickup', description: 'Call pickup prefix (3CX default *20*).', bench: 'vars.param.pickup' },
  { name: 'param::time_ntp_server', description: 'NTP server.', bench: 'vars.param.time_ntp_server, else vars.ntp' },
  {
    name: 'param::time_timezone_<vendor>',
    description: 'Vendor time-zone code: a timezone option list\'s param (`param="time_timezone_fanvil"`), else vars.param.',
    bench: 'vars.options.<list>, else vars.param.time_timezone_<vendor>',
  },
];

export const DOCUMENTED = new Set(THREECX_VARIABLES.map((v) => v.name).filter((n) => !/N$|<vendor>/.test(n) || n === 'blfN'));
export const PER_KEY = new Set(THREECX_VARIABLES.filter((v) => v.perKey).map((v) => v.name));
/** `%%blf7%%`, `%%blffirstname7%%`, `%%blflastname7%%`: key N outside its `{IF blfN}`. */
export const KEY_N_RE = /^(blf|blffirstname|blflastname)(\d+)$/;

/** Every field name the template's `<blftype>` entries define (per-key variables inside `{IF blfN}`). */
export function blfFieldNames(tpl: { blfTypes: Map<string, { fields: Map<string, unknown> }> }): Set<string> {
  const out = new Set<string>();
  for (const b of tpl.blfTypes.values()) for (const f of b.fields.keys()) out.add(f);
  return out;
}

/** Bench key type → 3CX BLF kind (`<blftype>` child); other key functions have no 3CX kind. */
export const KEY_KINDS: Partial<Record<Key['type'], string>> = { blf: 'extension', speed_dial: 'speeddial', line: 'linekey' };

const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? '' : String(v));
const empty = (v: unknown) => v === undefined || v === null || v === '' || v === false;
const firstSet = (...vs: unknown[]) => str(vs.find((v) => !empty(v)));
const own = (o: unknown, k: string): unknown =>
  o && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined;

export function provlink(url: string): { PROTOCOL: string; HOST: string; PORT: string; PATH: string } {
  try {
    const u = new URL(url);
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return {
      PROTOCOL: u.protocol.replace(/:$/, ''),
      HOST: u.hostname.replace(/^\[|\]$/g, ''),
      PORT: port,
      // with its leading slash: 3CX's Grandstream templates write %%PROVLINK.HOST%%:%%PROVLINK.PORT%%%%PROVLINK.PATH%%
      PATH: u.pathname.replace(/^\/+|\/+$/g, '').replace(/^(?=.)/, '/'),
    };
  } catch {
    return { PROTOCOL: '', HOST: '', PORT: '', PATH: '' };
  }
}

/** Built-in (bench-derived) variables: the value for a context, or undefined when `name` is not one. */
export function builtinValue(name: string, ctx: RenderContext): string | undefined {
  const line = ctx.lines[0] ?? ({} as RenderContext['lines'][number]);
  switch (name) {
    case 'extension_number':
      return str(line.extension);
    case 'extension_first_name':
      return firstSet(line.first_name, line.display_name);
    case 'extension_last_name':
      return str(line.last_name);
    case 'extension_auth_id':
      return firstSet(line.auth_id, line.extension);
    case 'extension_auth_pw':
      return str(line.password);
    case 'mac_address':
      return ctx.phone.mac;
    case 'PHONE_IP':
      return ctx.phone.ip;
    case 'firmware':
      // the bench's firmware pin for the phone's model (as Handlebars templates get it), else the older vars entry
      return ctx.firmware?.file ?? str(own(own(ctx.vars, 'firmware'), ctx.model.id));
    case 'pbx_ip':
      return str(ctx.pbx.host);
    case 'phonesipport':
      return str(ctx.phone.sip_port);
    case 'PROVLINK':
    case 'PROVLINKLOCAL':
      return ctx.server.url;
  }
  const pl = /^PROVLINK(?:LOCAL)?\.(PROTOCOL|HOST|PORT|PATH)$/.exec(name);
  if (pl) return provlink(ctx.server.url)[pl[1] as 'HOST'];
  const fx = fxsValue(name, ctx);
  if (fx !== undefined) return fx;
  if (Object.prototype.hasOwnProperty.call(SETTABLE_DEFAULTS, name))
    return firstSet(own(own(ctx.vars, 'threecx'), name), SETTABLE_DEFAULTS[name]);
  return undefined;
}

/** Handlebars expression (usable as `{{expr}}` or in a sub-expression) for a built-in, `root` = '' or '@root.'. */
export function builtinHbs(name: string, root: string): string | undefined {
  switch (name) {
    case 'extension_number':
      return `${root}lines.0.extension`;
    case 'extension_first_name':
      return `(default ${root}lines.0.first_name ${root}lines.0.display_name)`;
    case 'extension_last_name':
      return `${root}lines.0.last_name`;
    case 'extension_auth_id':
      return `(default ${root}lines.0.auth_id ${root}lines.0.extension)`;
    case 'extension_auth_pw':
      return `${root}lines.0.password`;
    case 'mac_address':
      return `${root}phone.mac`;
    case 'PHONE_IP':
      return `${root}phone.ip`;
    case 'firmware':
      return `(default ${root}firmware.file (lookup ${root}vars.firmware ${root}model.id))`;
    case 'pbx_ip':
      return `${root}pbx.host`;
    case 'phonesipport':
      return `${root}phone.sip_port`;
    case 'PROVLINK':
    case 'PROVLINKLOCAL':
      return `${root}server.url`;
  }
  if (Object.prototype.hasOwnProperty.call(SETTABLE_DEFAULTS, name))
    return `(default ${root}vars.threecx.${name} ${hbsString(SETTABLE_DEFAULTS[name])})`;
  return fxsHbs(name, root);
}

/** Built-in defaults of `%%param::NAME%%` when the bench has no `vars.param.NAME`. */
export function paramDefault(name: string, ctx: RenderContext): string | undefined {
  switch (name.toLowerCase()) {
    case 'sipport':
      return str(ctx.pbx.port);
    case 'pbxpublicip':
      return str(ctx.pbx.host);
    case 'time_ntp_server':
      return str(own(ctx.vars, 'ntp'));
    case 'dialcodeprofile':
      return '*3';
  }
  return undefined;
}
export function paramDefaultHbs(name: string, root: string): string | undefined {
  switch (name.toLowerCase()) {
    case 'sipport':
      return `${root}pbx.port`;
    case 'pbxpublicip':
      return `${root}pbx.host`;
    case 'time_ntp_server':
      return `${root}vars.ntp`;
    case 'dialcodeprofile':
      return '"*3"';
  }
  return undefined;
}

/** A Handlebars string literal. */
export function hbsString(s: string): string {
  return s.includes('"') && !s.includes("'") ? `'${s}'` : `"${s.replace(/"/g, '\\"')}"`;
}

/** Per-key values inside `{IF blfN}` (the blftype texts expand with these too). */
export function keyValue(name: string, key: Key): string | undefined {
  switch (name) {
    case 'blfno':
      return key.value;
    case 'blffirstname':
      return firstSet(key.label, key.value);
    case 'blflastname':
      return '';
  }
  return undefined;
}
export function keyHbs(name: string, k: string): string | undefined {
  switch (name) {
    case 'blfno':
      return `${k}.value`;
    case 'blffirstname':
      return `(default ${k}.label ${k}.value)`;
    case 'blflastname':
      return '';
  }
  return undefined;
}
/** Values of `%%Type%%`, `%%Value%%`, `%%label%%`, `%%Line%%` when the blftype entry has no such field. */
export function keyFieldFallback(field: string, key: Key): string {
  switch (field) {
    case 'Value':
      return key.value;
    case 'label':
      return firstSet(key.label, key.value);
    case 'Line':
      return str(key.line ?? 1);
    default:
      return '';
  }
}
export function keyFieldFallbackHbs(field: string, k: string): string {
  switch (field) {
    case 'Value':
      return `${k}.value`;
    case 'label':
      return `(default ${k}.label ${k}.value)`;
    case 'Line':
      return `(default ${k}.line 1)`;
    default:
      return '';
  }
}
