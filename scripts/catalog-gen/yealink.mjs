#!/usr/bin/env node
// One-off generator of the Yealink key catalog (server/src/core/catalog/data/yealink.json).
//
//   node scripts/catalog-gen/yealink.mjs
//
// Inputs: ../shared/data/observed-keys/yealink_keys.tsv (usage counts only), the hand-curated
// tables in ./yealink-curated.mjs (types, ranges, enums, defaults, descriptions researched from
// Yealink administrator / auto-provisioning guides and public templates), and the word rules
// below for the long tail. Output is pretty-printed with a stable key order, one key per object.
// Rows judged to be typos / placeholders are written to test/fixtures/observed-typos/yealink.txt.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDICES, CURATED, EXTRA_KEYS, STATIC_RENAMED_PREFIXES } from './yealink-curated.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const tsvCandidates = [
  path.resolve(root, '..', 'shared/data/observed-keys/yealink_keys.tsv'),
  path.resolve(root, 'shared/data/observed-keys/yealink_keys.tsv'),
];
const tsv = tsvCandidates.find((f) => fs.existsSync(f));
if (!tsv) throw new Error('yealink_keys.tsv not found');
const outJson = path.join(root, 'server/src/core/catalog/data/yealink.json');
const outTypos = path.join(root, 'test/fixtures/observed-typos/yealink.txt');

// ---------------------------------------------------------------------------------------------
// 1. Typos and placeholders among the observed rows (templates_using >= 2).
// ---------------------------------------------------------------------------------------------
const KNOWN_TYPOS = {
  'ccount.{n}.expires': 'missing leading "a": account.{n}.expires',
  'satic.security.tr069.trust_certificates': 'misspelled prefix: static.security.tr069.trust_certificates',
  'auto_provision.weekly.enalbe': 'misspelled: auto_provision.weekly.enable',
  'ddp.x.linekey.xline': 'placeholder with a missing dot: ddp.{n}.linekey.{n}.line',
  'over_the_air.url.{n}': 'template expression in place of the handset model (over_the_air.url.<model>, e.g. over_the_air.url.w56h)',
};

/** Why an observed row is not a real key, or null. */
function typoReason(key) {
  if (KNOWN_TYPOS[key]) return KNOWN_TYPOS[key];
  if (/(^|\.)[Xx](\.|$)/.test(key)) {
    return `placeholder index X left in a template: ${placeholderToPattern(key)}`;
  }
  if (/\.codec\.G722_/.test(key)) {
    return `upper-case variant; Yealink documents ${key.replace('G722_', 'g722_')}`;
  }
  return null;
}

function placeholderToPattern(key) {
  return key.replace(/(^|\.)[Xx](?=\.|$)/g, '$1{n}');
}

// ---------------------------------------------------------------------------------------------
// 2. Naming the {n} indices.
// ---------------------------------------------------------------------------------------------
// Each rule: a regex on the observed key (with {n}), and the names of the {n}s it consumes,
// applied left to right. The first matching rule wins; every {n} must end up named.
const INDEX_RULES = [
  [/^account\.\{n\}\.(sip_server|outbound_proxy)\.\{n\}\./, ['account', 'server']],
  [/^account\.\{n\}\.codec\.\{n\}\./, ['account', 'codecSlot']],
  [/^account\.\{n\}\.dns_cache_(a|srv|naptr)\.\{n\}\./, ['account', 'dnsCache']],
  [
    /^account\.\{n\}\.(reason_code|reason_code_name|bw_disp_code|bw_disp_code_name|supervisor_info_code|supervisor_info_code_name|bw_acd_reason_code)\.\{n\}$/,
    ['account', 'code'],
  ],
  [/^account\.\{n\}\./, ['account']],
  [/^voice_mail\.number\.\{n\}$/, ['account']],
  [/^template\.\{n\}\.(sip_server|outbound)\.\{n\}\./, ['template', 'server']],
  [/^template\.\{n\}\./, ['template']],
  [/^linekey\.\{n\}\./, ['linekey']],
  [/^memorykey\.\{n\}\./, ['memorykey']],
  [/^programablekey\.\{n\}\./, ['progkey']],
  [/^expansion_module\.\{n\}\.key\.\{n\}\./, ['module', 'extkey']],
  [/^softkey\.\{n\}\./, ['softkey']],
  [/^remote_phonebook\.data\.\{n\}\./, ['phonebook']],
  [/^distinctive_ring_tones\.alert_info\.\{n\}\./, ['alertInfo']],
  [/^dialplan\.block_out\.(number|line_id)\.\{n\}$/, ['blockOut']],
  [/^(dialplan\.(dialnow\.rule|dialnow\.line_id|replace\.prefix|replace\.replace|replace\.line_id|item)|dialnow\.item)\.\{n\}$/, ['rule']],
  [/^multicast\.(listen_address|paging_address)\.\{n\}\./, ['paging']],
  [/^(static\.)?wifi\.\{n\}\./, ['wifi']],
  [/^(static\.)?autoprovision\.\{n\}\./, ['autopCode']],
  [/^dns_cache_(a|srv|naptr)\.\{n\}\./, ['dnsCache']],
  [/^edk\.edklist\.\{n\}\./, ['edkList']],
  [/^edk\.edkprompt\.\{n\}\./, ['edkPrompt']],
  [/^dialplan\.emergency\.server\.\{n\}\./, ['emergencyServer']],
  [/^dialplan\.emergency\.held\.request_element\.\{n\}\./, ['heldElement']],
  [/^dialplan\.emergency\.\{n\}\./, ['emergency']],
  [/^handset\.\{n\}\./, ['handset']],
  [/^bw\.virtual_user\.\{n\}\./, ['virtualUser']],
  [/^bw_(phonebook|call_log)\.data\.\{n\}\./, ['bwDirectory']],
  [/^pstn\.account\.\{n\}\./, ['pstnLine']],
  [/^alarm\.\{n\}\./, ['alarm']],
  [/^ddp\.\{n\}\.linekey\.\{n\}\./, ['ddpPhone', 'linekey']],
  [/^ddp\.\{n\}\./, ['ddpPhone']],
  [/^features\.ms\.\{n\}\./, ['handset']],
  [/^remote_control\.\{n\}\./, ['remoteControl']],
];

function nameIndices(key) {
  if (!key.includes('{n}')) return key;
  for (const [re, names] of INDEX_RULES) {
    if (!re.test(key)) continue;
    let i = 0;
    const out = key.replace(/\{n\}/g, () => `{${names[i++] ?? '??'}}`);
    if (i !== names.length || out.includes('{??}')) throw new Error(`index rule ${re} does not fit ${key}`);
    return out;
  }
  throw new Error(`no index rule for ${key}`);
}

// ---------------------------------------------------------------------------------------------
// 3. Word rules for keys without a curated entry.
// ---------------------------------------------------------------------------------------------
const WORDS = {
  wui: 'web UI',
  gui: 'phone UI',
  autop: 'auto provisioning',
  auto_provision: 'auto provisioning',
  autoprovision: 'auto provisioning code',
  bw: 'BroadWorks',
  xsi: 'XSI',
  blf: 'BLF',
  bla: 'BLA',
  acd: 'ACD',
  dnd: 'DND',
  fwd: 'forward',
  dsskey: 'DSS key',
  ldap: 'LDAP',
  sip: 'SIP',
  rtp: 'RTP',
  rtcp: 'RTCP',
  rtcp_xr: 'RTCP-XR',
  vq_rtcpxr: 'RTCP-XR voice quality',
  url: 'URL',
  uri: 'URI',
  ip: 'IP',
  dns: 'DNS',
  dhcp: 'DHCP',
  vlan: 'VLAN',
  lldp: 'LLDP',
  cdp: 'CDP',
  tls: 'TLS',
  srtp: 'SRTP',
  nat: 'NAT',
  stun: 'STUN',
  turn: 'TURN',
  ice: 'ICE',
  vpn: 'VPN',
  qos: 'QoS',
  pnp: 'PnP',
  ntp: 'NTP',
  led: 'LED',
  mwi: 'MWI',
  xml: 'XML',
  edk: 'enhanced DSS key',
  edklist: 'macro list',
  edkprompt: 'macro prompt',
  sopi: 'SOPI',
  gb: 'GENBAND',
  uc: 'UC',
  ume: 'UME',
  dm: 'device management',
  tr069: 'TR-069',
  aes: 'AES',
  cfg: 'configuration',
  mac: 'MAC',
  id: 'ID',
  cid: 'caller ID',
  jib: 'jitter buffer',
  cng: 'comfort noise',
  vad: 'voice activity detection',
  pwd: 'password',
  num: 'number',
  numb: 'number',
  tran: 'transfer',
  trans: 'transfer',
  conf: 'conference',
  lcd: 'LCD',
  usb: 'USB',
  wifi: 'Wi-Fi',
  ssid: 'SSID',
  eap: 'EAP',
  '802_1x': '802.1X',
  naptr: 'NAPTR',
  srv: 'SRV',
  ttl: 'TTL',
  e164: 'E.164',
  pab: 'personal address book',
  gab: 'global address book',
  hac: 'hearing aid compatibility',
  ptt: 'push-to-talk',
  csta: 'CSTA',
  spk: 'speaker',
  vol: 'volume',
  pc: 'PC',
  ipv6: 'IPv6',
  ipv4: 'IPv4',
  mtu: 'MTU',
  ca: 'CA',
  cn: 'CN',
  ssl: 'SSL',
  http: 'HTTP',
  https: 'HTTPS',
  ftp: 'FTP',
  pppoe: 'PPPoE',
  snmp: 'SNMP',
  openvpn: 'OpenVPN',
  l2tp: 'L2TP',
  rsa: 'RSA',
  eap_fast: 'EAP-FAST',
  md5: 'MD5',
  tos: 'ToS',
  rtptos: 'RTP ToS',
  signaltos: 'SIP signalling ToS',
  audiotos: 'audio ToS',
  videotos: 'video ToS',
  rport: 'rport',
  '100rel': '100rel (PRACK)',
  pai: 'PAI',
  ppi: 'PPI',
  rpid: 'RPID',
  pani: 'P-Access-Network-Info',
  gruu: 'GRUU',
  ua: 'User-Agent',
  cp: 'call progress',
  sca: 'SCA',
  moslq: 'MOS-LQ',
  moscq: 'MOS-CQ',
  a2dp: 'A2DP',
  tia4965: 'TIA-4965',
  dd10k: 'DD10K dongle',
  xmpp: 'XMPP',
  vp8: 'VP8',
  h264: 'H.264',
  h264hp: 'H.264 High Profile',
  pcma: 'G.711 A-law',
  pcmu: 'G.711 u-law',
  ilbc: 'iLBC',
  opus: 'Opus',
  g722: 'G.722',
  g729: 'G.729',
  cpe: 'CPE',
  app: 'app',
  api: 'API',
  held: 'HELD',
  dtmf: 'DTMF',
  ip_call: 'IP call',
  t9: 'T9',
  pstn: 'PSTN',
  ans_nb: 'noise suppression',
  tns: 'transient noise suppression',
  rps: 'redirection and provisioning service',
  ota: 'over-the-air',
  uaCSTA: 'uaCSTA',
};

const CONTEXT = {
  features: 'features',
  phone_setting: 'phone settings',
  static: '',
  account: 'per account',
  voice: 'audio',
  sip: 'SIP',
  network: 'network',
  security: 'security',
  local_time: 'time',
  custom: 'DECT handset',
  handset: 'per DECT handset',
  base: 'DECT base',
};

function words(seg) {
  if (WORDS[seg]) return WORDS[seg];
  return seg
    .split('_')
    .filter((w) => w !== '')
    .map((w) => WORDS[w] ?? w)
    .join(' ');
}

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The meaningful segments of a pattern: no static. prefix, no index segments. */
function segments(pattern) {
  return pattern
    .replace(/^static\./, '')
    .split('.')
    .filter((s) => !/^\{.*\}$/.test(s));
}

function scopeOf(pattern) {
  const p = pattern.replace(/^static\./, '');
  const m =
    /^(account|linekey|memorykey|programablekey|expansion_module|handset|template|softkey|bw\.virtual_user|pstn\.account|wifi|remote_phonebook\.data|multicast\.listen_address|multicast\.paging_address|dns_cache_a|dns_cache_srv|dns_cache_naptr|edk\.edklist|edk\.edkprompt|autoprovision|bw_phonebook\.data|bw_call_log\.data|dialplan\.emergency\.server|dialplan\.emergency|alarm|ddp)\./.exec(
      p,
    );
  if (!m) return '';
  // Only a scope when an index follows the prefix (wifi.802_11e.enable is not per network).
  if (!/^\{\w+\}(\.|$)/.test(p.slice(m[0].length))) return '';
  return {
    account: 'per account',
    linekey: 'per line key',
    memorykey: 'per memory key',
    programablekey: 'per programmable key',
    expansion_module: 'per expansion-module key',
    handset: 'per DECT handset',
    template: 'per DECT account template',
    softkey: 'per custom soft key',
    'bw.virtual_user': 'per BroadWorks virtual user',
    'pstn.account': 'per PSTN line',
    wifi: 'per saved Wi-Fi network',
    'remote_phonebook.data': 'per remote phonebook',
    'multicast.listen_address': 'per multicast listening group',
    'multicast.paging_address': 'per multicast paging group',
    dns_cache_a: 'per static DNS A record',
    dns_cache_srv: 'per static DNS SRV record',
    dns_cache_naptr: 'per static DNS NAPTR record',
    'edk.edklist': 'per EDK macro',
    'edk.edkprompt': 'per EDK prompt',
    autoprovision: 'per auto-provisioning activation code',
    'bw_phonebook.data': 'per BroadWorks directory',
    'bw_call_log.data': 'per BroadWorks call log source',
    'dialplan.emergency.server': 'per emergency server',
    'dialplan.emergency': 'per emergency number',
    alarm: 'per alarm',
    ddp: 'per DECT desk phone',
  }[m[1]];
}

/** Type from the key's words, for keys without a curated entry. */
function ruleType(pattern) {
  const segs = segments(pattern);
  const last = segs[segs.length - 1];
  const all = segs.join('.');
  if (/^action_url\./.test(all) && segs.length === 2) return { type: 'url' };
  if (/^(cn_validation|trust_certificates)$/.test(last)) return { type: 'bool' };
  if (/^(export_cfg_erase_pwd)$/.test(last)) return { type: 'bool' };
  if (last === 'action_url' || /access_level$/.test(last)) return { type: 'string' };
  if (/^(min|max)_(udp|tcp)_port$/.test(last)) return { type: 'port' };
  if (
    /(^|_)(password|passwd|pwd|pin|pin_code|secret)$/.test(last) ||
    /^(com_aes|mac_aes|md5_password|eap_password|unlock_pin|connection_request_password|signal_encode_key)$/.test(last) ||
    ((segs.includes('aes_key_16') || segs.includes('aes_key')) && /^(com|mac)$/.test(last))
  )
    return { type: 'password' };
  if (/(^|_)(url)$/.test(last) || last === 'url' || /_url$/.test(last)) return { type: 'url' };
  if (/(^|_)enable$/.test(last) || /enable$/.test(last) || last === 'allow' || /_enable_/.test(last)) return { type: 'bool' };
  if (
    /^(port|server_port|listen_port|tls_listen_port|stun_port|outbound_port|sip_listen_port|min_rtpport|max_rtpport|backup_outbound_port|sip_server_port|collector_server_port)$/.test(
      last,
    )
  )
    return { type: 'port' };
  if (
    /^(address|host|server|outbound_host|backup_outbound_host|stun_server|sip_server_host|collector_server_host|target_host)$/.test(last) &&
    !/^(multicast|action_url)/.test(all)
  )
    return { type: 'host' };
  if (/^(ip|gateway|mask|primary_dns|secondary_dns|ipv6_primary_dns|ipv6_secondary_dns|start_ip|end_ip)$/.test(last)) return { type: 'ip' };
  if (
    /(timeout|interval|_time_out|delay|expires|_period|period|retry_counts|_times|times|counts|duration|ttl|max_hits|length|_len|weight|preference|order|volume|_vol|vol_min|level|_limit|max_file_size|nretry|minutes|expired_time|wait_time|timer|priority)$/.test(
      last,
    )
  )
    return { type: 'int' };
  return { type: 'string' };
}

function ruleDescription(pattern, type) {
  const segs = segments(pattern);
  const scope = scopeOf(pattern);
  let leafSegs = [...segs];
  // Drop a generic category word at the front when more words follow.
  const ctxWord = CONTEXT[leafSegs[0]];
  let ctx = '';
  if (ctxWord !== undefined && leafSegs.length > 1) {
    ctx = ctxWord;
    leafSegs = leafSegs.slice(1);
  }
  if (/^(account|linekey|memorykey|programablekey|expansion_module|handset|template|softkey|alarm|ddp)$/.test(segs[0])) {
    leafSegs = segs.slice(1);
    if (segs[0] === 'expansion_module') leafSegs = segs.slice(2);
  }
  const scopeText = scope ? ` (${scope})` : ctx ? ` (${ctx})` : '';
  if (/^action_url$/.test(segs[0]) && segs.length === 2) {
    return `Action URL the phone requests when this event happens: ${words(segs[1])}.`;
  }
  if (type === 'bool') {
    const last = leafSegs[leafSegs.length - 1];
    let subject;
    if (last === 'enable' || last === 'allow') subject = leafSegs.slice(0, -1).map(words).join(' ');
    else subject = leafSegs.map((s) => words(s.replace(/_?enable$/, '').replace(/^enable_/, ''))).join(' ');
    subject = subject.trim() || leafSegs.map(words).join(' ');
    return `Turns ${subject} on (1) or off (0)${scopeText}.`;
  }
  const phrase = leafSegs.map(words).join(' ').trim();
  if (type === 'string' && leafSegs[leafSegs.length - 1] === 'delete') {
    return `Deletes uploaded files: ${leafSegs.slice(0, -1).map(words).join(' ')} (http://localhost/all for all)${scopeText}.`;
  }
  switch (type) {
    case 'url':
      return `Download URL: ${phrase}${scopeText}.`;
    case 'password':
      return `Secret value: ${phrase}${scopeText}.`;
    case 'host':
      return `Server host name or IP address: ${phrase}${scopeText}.`;
    case 'ip':
      return `IP address setting: ${phrase}${scopeText}.`;
    case 'port':
      return `Port number: ${phrase}${scopeText}.`;
    case 'int':
      return `Numeric setting: ${phrase}${scopeText}.`;
    default:
      return `${cap(phrase)}${scopeText}.`;
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Build.
// ---------------------------------------------------------------------------------------------
const rows = fs
  .readFileSync(tsv, 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim())
  .map((l) => {
    const [key, uses, occ] = l.split('\t');
    return { key, uses: Number(uses), occ: Number(occ) };
  });

const typos = [];
const patterns = new Map(); // pattern -> source ('observed' | 'curated' | 'extra')
for (const r of rows) {
  if (r.uses < 2) continue;
  const why = typoReason(r.key);
  if (why) {
    typos.push(`${r.key}\t${why}`);
    // The real key behind a placeholder is still a catalog entry.
    if (/placeholder index X/.test(why) && !KNOWN_TYPOS[r.key]) {
      const p = nameIndices(placeholderToPattern(r.key));
      if (!patterns.has(p)) patterns.set(p, 'placeholder');
    }
    continue;
  }
  patterns.set(nameIndices(r.key), 'observed');
}
// Curated entries join the catalog only when the key was seen in some template (even once):
// the curated table may describe more variants than really exist.
const seenAnywhere = new Set(rows.filter((r) => !typoReason(r.key)).map((r) => r.key.replace(/^static\./, '')));
for (const k of Object.keys(CURATED)) {
  if (patterns.has(k) || patterns.has(`static.${k}`)) continue;
  if (seenAnywhere.has(k.replace(/\{\w+\}/g, '{n}'))) patterns.set(k, 'curated');
}
for (const k of EXTRA_KEYS) if (!patterns.has(k.key)) patterns.set(k.key, 'extra');

const extraByKey = new Map(EXTRA_KEYS.map((k) => [k.key, k]));

function baseOf(p) {
  return p.replace(/^static\./, '');
}

function build(pattern) {
  const base = baseOf(pattern);
  const cur = CURATED[pattern] ?? CURATED[base] ?? extraByKey.get(pattern);
  let def;
  if (cur) {
    def = { ...cur, key: pattern };
  } else {
    const t = ruleType(pattern);
    def = { key: pattern, ...t, description: ruleDescription(pattern, t.type) };
  }
  // Renamed in firmware 81: network / provisioning / security keys gained a static. prefix.
  if (
    !pattern.startsWith('static.') &&
    !def.deprecated &&
    STATIC_RENAMED_PREFIXES.some((pre) => base.startsWith(pre)) &&
    patterns.has(`static.${pattern}`)
  ) {
    def.deprecated = { replacement: `static.${pattern}`, note: 'name used up to firmware 80; firmware 81 and later read the static. form' };
  }
  return normalise(def);
}

const FIELD_ORDER = [
  'key',
  'type',
  'description',
  'default',
  'min',
  'max',
  'values',
  'maxLength',
  'pattern',
  'separator',
  'file',
  'models',
  'deprecated',
  'alias',
];
function normalise(def) {
  const out = {};
  for (const f of FIELD_ORDER) if (def[f] !== undefined) out[f] = def[f];
  for (const f of Object.keys(def)) if (!FIELD_ORDER.includes(f)) throw new Error(`unknown field ${f} in ${def.key}`);
  if (out.type === 'bool' && out.default !== undefined && !['0', '1'].includes(out.default)) throw new Error(`bad bool default ${out.key}`);
  return out;
}

const keys = [...patterns.keys()].sort((a, b) => a.localeCompare(b, 'en')).map(build);

// Only declare indices that are used.
const used = new Set();
for (const k of keys) for (const m of k.key.matchAll(/\{(\w+)\}/g)) used.add(m[1]);
const indices = {};
for (const n of Object.keys(INDICES).sort()) if (used.has(n)) indices[n] = INDICES[n];
for (const n of used) if (!INDICES[n]) throw new Error(`index ${n} not declared in INDICES`);

const catalog = {
  vendor: 'yealink',
  bool: { true: ['1'], false: ['0'] },
  indices,
  keys,
};
fs.mkdirSync(path.dirname(outJson), { recursive: true });
fs.writeFileSync(outJson, JSON.stringify(catalog, null, 2) + '\n');
fs.mkdirSync(path.dirname(outTypos), { recursive: true });
fs.writeFileSync(outTypos, typos.sort().join('\n') + '\n');

const bySource = {};
for (const s of patterns.values()) bySource[s] = (bySource[s] ?? 0) + 1;
const curatedCount = keys.filter((k) => CURATED[k.key] || CURATED[baseOf(k.key)] || extraByKey.has(k.key)).length;
console.log(
  `yealink: ${keys.length} keys (${curatedCount} curated), ${Object.keys(indices).length} indices, ${typos.length} typo rows; sources ${JSON.stringify(bySource)}`,
);
