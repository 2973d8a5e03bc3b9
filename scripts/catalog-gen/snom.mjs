#!/usr/bin/env node
// Generates server/src/core/catalog/data/snom.json: the key catalog for snom phones
// (element names under <phone-settings>, `name[idx]` for elements with an idx attribute).
//
//   node scripts/catalog-gen/snom.mjs
//
// Every key is hand-curated below (types, enums, defaults researched from the snom settings wiki
// and public provisioning templates; descriptions in our own words). The script checks that every
// observed row seen in 2+ templates (../shared/data/observed-keys/snom_keys.tsv) is covered,
// except rows listed in test/fixtures/observed-typos/snom.txt, and fails otherwise.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const tsvPath = [
  path.resolve(root, '..', 'shared/data/observed-keys/snom_keys.tsv'),
  path.resolve(root, 'shared/data/observed-keys/snom_keys.tsv'),
].find((p) => fs.existsSync(p));
const outPath = path.join(root, 'server/src/core/catalog/data/snom.json');
const typoPath = path.join(root, 'test/fixtures/observed-typos/snom.txt');

const indices = {
  identity: {
    min: 1,
    max: 12,
    description: 'SIP identity (account) number, the idx attribute of user_* settings',
    maxByModel: { snom300: 4, snom710: 4, snomD710: 4, snom715: 4, snomD715: 4, snomD712: 4 },
  },
  mcast: { min: 1, max: 99, description: 'Multicast listening address slot (mc_address idx); no documented upper bound was found' },
  handset: { min: 1, max: 1000, description: 'DECT handset subscription slot of a snom M-series base (upper bound depends on the base)' },
  fkey: {
    min: 0,
    max: 255,
    description: 'Function key number, counted from 0 (phone keys first, then expansion modules); upper bound depends on model and modules',
  },
  server: { min: 1, max: 100, description: 'SIP server entry of a snom M-series base (upper bound depends on the base)' },
};

const ev = (...pairs) => pairs.map(([value, label]) => ({ value, label }));
const d = (v) => ({ default: v });
const I = '{identity}';

// [pattern, type, description, extra]
const keys = [
  // --- Identities (accounts)
  [`user_active[${I}]`, 'bool', 'Turns this identity on so it registers and can make calls', d('off')],
  [`user_name[${I}]`, 'string', 'SIP user name (account) of the identity, the user part of its address'],
  [`user_pass[${I}]`, 'password', 'SIP password of the identity'],
  [`user_pname[${I}]`, 'string', 'Authentication user name when it differs from user_name'],
  [`user_host[${I}]`, 'host', 'Registrar / SIP domain of the identity (host or host:port)'],
  [`user_outbound[${I}]`, 'string', 'Outbound proxy of the identity, e.g. host:port or sip:host;transport=tcp'],
  [`user_realname[${I}]`, 'string', 'Display name sent with calls from this identity'],
  [`user_idle_text[${I}]`, 'string', 'Text shown on the idle screen for this identity'],
  [`user_mailbox[${I}]`, 'string', 'Number dialled to reach the voicemail of this identity'],
  [`user_expiry[${I}]`, 'int', 'Registration lifetime requested from the registrar, in seconds', { default: '3600', min: 0 }],
  [`user_srtp[${I}]`, 'bool', 'Offers SRTP (encrypted media) on calls of this identity', d('off')],
  [
    `user_savp[${I}]`,
    'enum',
    'How strictly secure media is negotiated in SDP',
    {
      values: ev(['off', 'Plain RTP/AVP profile'], ['optional', 'Offer secure media, accept plain'], ['mandatory', 'Require RTP/SAVP']),
    },
  ],
  [`user_auth_tag[${I}]`, 'bool', 'Uses SRTP authentication tags', d('on')],
  [`user_symmetrical_rtp[${I}]`, 'bool', 'Sends RTP back to the address and port it arrives from', d('off')],
  [`user_ice[${I}]`, 'bool', 'Uses ICE for NAT traversal of media', d('off')],
  [`user_server_type[${I}]`, 'string', 'Kind of PBX the identity registers to (default, asterisk, broadsoft, ...); tunes SIP behaviour'],
  [`user_shared_line[${I}]`, 'bool', 'Treats the identity as a shared line appearance', d('off')],
  [
    `user_dtmf_info[${I}]`,
    'enum',
    'Whether key presses are sent as SIP INFO messages',
    {
      values: ev(['off', 'Not via SIP INFO'], ['sip_info_only', 'Only via SIP INFO'], ['sip_info_and_rtp', 'Via SIP INFO and RTP events']),
    },
  ],
  [`user_ringer[${I}]`, 'string', 'Ring tone of calls to this identity (e.g. Ringer1 .. Ringer10, Silent, Custom)'],
  [`user_failover_identity[${I}]`, 'string', 'Identity used instead when this one cannot register (none or an identity number)'],
  [`user_sipusername_as_line[${I}]`, 'bool', 'Puts the SIP user name into the line parameter of the Contact', d('off')],
  [`record_missed_calls[${I}]`, 'bool', 'Records missed calls of this identity in the call list', d('on')],
  [`hide_identity[${I}]`, 'bool', 'Hides this identity from the identity list on the phone', d('off')],
  [`codec_priority_list[${I}]`, 'list', 'Codecs offered by this identity, in order, e.g. pcmu,pcma,g722,g729,telephone-event'],
  ['codec_priority_list', 'list', 'Codec order when given without an identity index'],
  [`stun_server[${I}]`, 'host', 'STUN server of the identity, used to learn the public address'],
  [`stun_binding_interval[${I}]`, 'int', 'Seconds between STUN binding refreshes', { min: 0 }],
  [`keepalive_interval[${I}]`, 'int', 'Seconds between keep-alive packets towards the registrar', { min: 0 }],
  [`user_q[${I}]`, 'string', 'q-value (priority 0.0 to 1.0) of the registration, used by forking proxies'],
  [`user_dp_str[${I}]`, 'string', 'Dial plan string of the identity'],

  // --- Provisioning and firmware
  ['setting_server', 'url', 'URL of the settings file the phone loads periodically; may contain {mac} and {model}'],
  [
    'update_policy',
    'enum',
    'What the phone does with the settings server and firmware updates',
    {
      default: 'settings_only',
      values: ev(
        ['auto_update', 'Load settings and update firmware without asking'],
        ['ask_for_update', 'Load settings and ask the user before updating'],
        ['settings_only', 'Load settings, never update firmware'],
        ['never_update', 'Load nothing from the settings server'],
      ),
    },
  ],
  [
    'settings_refresh_timer',
    'int',
    'Seconds between reloads of the settings file; 0 disables the periodic reload',
    { default: '0', min: 0 },
  ],
  ['firmware_status', 'url', 'URL of the firmware status file that tells the phone which firmware to load'],
  ['firmware', 'url', 'URL of the firmware image to install'],
  ['firmware_uxm', 'url', 'URL of the firmware image for the D7 expansion module'],
  ['pnp_config', 'bool', 'Asks for the settings server by SIP multicast (plug and play) at boot', d('on')],
  ['dhcp', 'bool', 'Obtains the network settings by DHCP', d('on')],
  ['challenge_checksync', 'bool', 'Challenges check-sync NOTIFY requests with the SIP credentials of the identity', d('off')],
  [
    'checksync_action',
    'enum',
    'What the phone does on a check-sync NOTIFY, overriding its reboot parameter (10.1.180+)',
    {
      values: ev(
        ['reboot', 'Reboot'],
        ['sync', 'Resync the settings without reboot'],
        ['reregister', 'Register again'],
        ['factory-reset', 'Reset to factory settings'],
        ['delete-contacts', 'Delete local contacts'],
      ),
    },
  ],
  ['filter_registrar', 'bool', 'Accepts SIP requests only from the registrar of the identity', d('on')],
  ['challenge_response', 'bool', 'Challenges incoming requests that are not from the registrar', d('off')],

  // --- Passwords and web access
  ['admin_mode', 'bool', 'Starts the phone in administrator mode (all menus unlocked)', d('off')],
  ['admin_mode_password', 'password', 'Administrator password of the phone and its web interface'],
  ['admin_mode_password_confirm', 'password', 'Repeat of the administrator password; must equal admin_mode_password'],
  ['admin_mode_login', 'string', 'User name of the administrator login on the web interface'],
  ['http_user', 'string', 'User name that protects the web interface'],
  ['http_pass', 'password', 'Password that protects the web interface'],
  ['http_client_user', 'string', 'User name the phone sends when fetching settings and files over HTTP'],
  ['http_client_pass', 'password', 'Password the phone sends when fetching settings and files over HTTP'],
  ['web_logout_timer', 'int', 'Minutes of inactivity before the web interface logs out', { min: 0 }],
  ['web_language', 'string', 'Language of the web interface (e.g. English, Deutsch)'],
  ['keyboard_lock', 'bool', 'Locks the keypad', d('off')],
  ['enable_keyboard_lock', 'bool', 'Lets the user lock the keypad', d('on')],
  ['keyboard_lock_emergency', 'list', 'Numbers that can be dialled while the keypad is locked', { default: '911 112 110 999 19222' }],

  // --- Time and language
  ['ntp_server', 'host', 'NTP server used to set the clock'],
  ['ntp_refresh_timer', 'int', 'Seconds between NTP requests', { default: '3600', min: 0 }],
  ['timezone', 'string', 'Time zone identifier, e.g. USA-5, GBR-0, GER+1'],
  ['utc_offset', 'int', 'Offset from UTC in seconds when no time zone is chosen'],
  ['dst', 'string', 'Daylight saving rule (offset and start/end dates)'],
  ['time_24_format', 'bool', 'Shows the time in 24-hour format', d('on')],
  ['date_us_format', 'bool', 'Shows dates in US order (month first)', d('off')],
  ['language', 'string', 'Language of the phone display, e.g. English, Deutsch, Francais'],
  ['tone_scheme', 'string', 'Country scheme for call progress tones, as a three-letter code such as USA, GBR, GER'],
  ['dialnumber_us_format', 'bool', 'Formats dialled numbers the US way', d('off')],

  // --- Network
  ['vlan_id', 'int', 'VLAN of the phone traffic; 0 for none', { min: 0, max: 4094 }],
  ['vlan_qos', 'int', '802.1p priority of the phone traffic', { min: 0, max: 7 }],
  ['vlan_pc_id', 'int', 'VLAN of traffic from the PC port', { min: 0, max: 4094 }],
  ['ip_adr', 'ip', 'Fixed IPv4 address of the phone, used when dhcp is off'],
  ['netmask', 'ip', 'Subnet mask for the fixed address'],
  ['gateway', 'ip', 'Default gateway for the fixed address'],
  ['dns_server1', 'ip', 'First DNS server when dhcp is off'],
  ['dns_server2', 'ip', 'Second DNS server when dhcp is off'],
  ['dns_domain', 'string', 'DNS domain appended to short host names'],
  ['network_id_port', 'port', 'Local SIP port of the phone (empty for a random port)'],
  ['codec_tos', 'int', 'TOS byte of RTP packets, as a decimal number', { default: '160', min: 0, max: 255 }],
  ['signaling_tos', 'int', 'TOS byte of SIP packets, as a decimal number', { default: '160', min: 0, max: 255 }],
  ['enable_rport_rfc3581', 'bool', 'Adds the rport parameter (RFC 3581) to the Via header', d('on')],
  ['ethernet_detect', 'bool', 'Warns when the network cable is unplugged', d('on')],
  ['ethernet_replug', 'string', 'What the phone does when the network cable is plugged in again (e.g. reboot, register)'],
  ['multicast_listen', 'bool', 'Listens for multicast paging on the mc_address entries', d('off')],
  [`mc_address[{mcast}]`, 'string', 'Multicast address:port the phone listens on for paging, with optional options such as priority=5'],

  // --- Call features
  [
    'call_waiting',
    'enum',
    'Call waiting: whether and how a second incoming call is signalled during a call',
    {
      values: ev(['on', 'Shown and heard'], ['visual', 'Shown only'], ['ringer', 'Heard only'], ['off', 'Off: a second call gets busy']),
    },
  ],
  [
    `call_waiting[${I}]`,
    'enum',
    'Call waiting of this identity (per identity since firmware 8.7.5)',
    {
      values: ev(['on', 'Shown and heard'], ['visual', 'Shown only'], ['ringer', 'Heard only'], ['off', 'Off: a second call gets busy']),
    },
  ],
  ['cw_dialtone', 'bool', 'Plays a special dial tone while call waiting is off', d('on')],
  [
    'mwi_dialtone',
    'enum',
    'Dial tone played while there are new voicemail messages',
    {
      values: ev(['normal', 'Normal dial tone'], ['stutter', 'Stuttered dial tone']),
    },
  ],
  [
    'mwi_notification',
    'enum',
    'How new voicemail messages are signalled',
    {
      values: ev(['silent', 'LED only'], ['beep', 'LED and a beep'], ['reminder', 'LED and repeated reminders']),
    },
  ],
  ['privacy_out', 'bool', 'Hides the own number on outgoing calls', d('off')],
  ['privacy_in', 'bool', 'Rejects incoming anonymous calls', d('off')],
  ['no_dnd', 'bool', 'Removes the do-not-disturb feature from the phone', d('off')],
  ['answer_after_policy', 'string', 'When incoming intercom calls are answered automatically (e.g. idle, always)'],
  ['intercom_enabled', 'bool', 'Allows automatic answering of intercom calls', d('on')],
  ['transfer_on_hangup', 'bool', 'Completes an attended transfer when the user hangs up', d('on')],
  ['transfer_on_hangup_with_starcode', 'bool', 'Also transfers on hang-up when the transfer was started with a star code', d('off')],
  ['transfer_dialing_on_transfer', 'string', 'Transfer mode when the transfer key is pressed while dialling (blind or attended)'],
  ['transfer_dialing_on_other', 'string', 'Transfer mode when another key starts the transfer (blind or attended)'],
  ['quick_transfer', 'string', 'What a transfer key press does during a call (off, blind, attended)'],
  ['attended_transfer_on_ringing', 'bool', 'Allows completing an attended transfer while the target is still ringing', d('on')],
  ['global_missed_counter', 'bool', 'Shows one missed-call counter for all identities', d('on')],
  ['show_ivr_digits', 'bool', 'Shows digits entered during a call on the display', d('on')],
  ['call_screen_fkeys_on_connected', 'string', 'Function keys offered on the call screen of a connected call'],
  ['call_screen_fkeys_on_holding', 'string', 'Function keys offered on the call screen of a held call'],
  ['status_msgs_that_are_blocked', 'list', 'Status message types that are not shown on the display'],
  ['logon_wizard', 'bool', 'Runs the first-start wizard that asks for account data', d('off')],
  ['was_never_registered', 'bool', 'Internal flag that the phone has not registered yet (set off to skip first-start screens)'],
  ['away_timeout', 'int', 'Idle seconds before the user is shown as away', { min: 0 }],
  ['edit_alpha_mode', 'string', 'Default text input mode (e.g. 123, abc, ABC)'],
  ['headset_device', 'string', 'Kind of headset connected to the phone (none, wired, USB, Bluetooth)'],
  ['user_phone', 'bool', 'Puts user=phone into SIP URIs built from numbers', d('off')],
  ['phone_name', 'string', 'Host name of the phone'],

  // --- Ringing and alerts
  ['alert_internal_ring_text', 'string', 'Alert-Info text that marks an internal call'],
  ['alert_external_ring_text', 'string', 'Alert-Info text that marks an external call'],
  ['alert_group_ring_text', 'string', 'Alert-Info text that marks a group call'],
  ['alert_internal_ring_sound', 'string', 'Ring tone for internal calls (e.g. Ringer1 .. Ringer10)'],
  ['alert_external_ring_sound', 'string', 'Ring tone for external calls (e.g. Ringer1 .. Ringer10)'],
  ['alert_group_ring_sound', 'string', 'Ring tone for group calls (e.g. Ringer1 .. Ringer10)'],
  ['colleagues_ring_sound', 'string', 'Ring tone for calls from colleagues (BLF contacts)'],
  ['ring_sound', 'string', 'Default ring tone of the phone'],

  // --- Display and LEDs
  ['display_method', 'string', 'How callers are shown on the display (e.g. full_contact, display_name, display_number)'],
  ['backlight', 'int', 'Backlight brightness while in use', { min: 0 }],
  ['backlight_idle', 'int', 'Backlight brightness while idle', { min: 0 }],
  ['dim_timer', 'int', 'Idle seconds before the backlight dims', { min: 0 }],
  ['custom_bg_image_url', 'url', 'URL of a custom background image'],
  ['expansion_module_background_image', 'url', 'URL of a background image for the expansion module'],
  ['ui_theme', 'string', 'Colour theme of the user interface'],
  ['use_hidden_tags', 'bool', 'Enables the hidden settings tags of the web interface', d('off')],
  ['smartlabel_idle_default', 'string', 'What the smart labels show while idle'],
  ['message_led_other', 'bool', 'Lights the message LED for other events such as missed calls', d('on')],
  ['led_on', 'string', 'LED setting: pattern used when an LED is on'],
  ['led_red', 'string', 'LED setting: pattern of the red LED'],
  ['led_green', 'string', 'LED setting: pattern of the green LED'],
  ['led_orange', 'string', 'LED setting: pattern of the orange LED'],
  ['dkey_directory', 'string', 'Action of the directory key, e.g. keyevent F_DIRECTORY_SEARCH or url http://...'],

  // --- Function keys (usually written in <functionKeys>, accepted as a setting too)
  [
    'fkey[{fkey}]',
    'string',
    'Function of a programmable key: a type, then its target: line, blf sip:101@pbx|*8, speed 600, dest 600, keyevent F_REDIAL, url http://…, none (attributes: context = identity, label)',
  ],

  // --- Directory
  ['phonebook_location', 'url', 'URL of a phone book (tbook) file the phone loads'],
  ['phonebook_server_location', 'url', 'URL of a remote phone book on a server'],

  // --- snom M-series DECT bases (subscriptions and servers)
  ['subscr_sip_hs_idx[{handset}]', 'string', 'Handset that a SIP account of the DECT base is assigned to'],
  ['subscr_dect_ac_code[{handset}]', 'string', 'Access code (PIN) a handset uses to subscribe to the DECT base'],
  ['subscr_sip_ua_data_server_id[{handset}]', 'string', 'Server entry used by a SIP account of the DECT base'],
  ['srv_sip_server_alias[{server}]', 'string', 'Name of a SIP server entry of the DECT base'],
  ['srv_srtp_auth[{server}]', 'bool', 'Uses SRTP authentication on a server entry of the DECT base', d('off')],
];

// ---------------------------------------------------------------------------------------------
const catalog = {
  vendor: 'snom',
  bool: { true: ['on'], false: ['off'] },
  indices,
  keys: [],
};
const seen = new Set();
for (const [key, type, description, extra = {}] of keys) {
  if (seen.has(key)) throw new Error(`duplicate ${key}`);
  seen.add(key);
  const def = { key, type, description };
  for (const f of ['default', 'min', 'max', 'values', 'maxLength', 'pattern', 'separator', 'file', 'models', 'deprecated', 'alias']) {
    if (extra[f] !== undefined) def[f] = extra[f];
  }
  catalog.keys.push(def);
}
catalog.keys.sort((a, b) => a.key.localeCompare(b.key, 'en'));

// Coverage of the observed table.
const typos = new Set(
  fs.existsSync(typoPath)
    ? fs
        .readFileSync(typoPath, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0])
    : [],
);
const esc = (s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
const res = catalog.keys.map(
  (k) =>
    new RegExp(
      '^' +
        k.key
          .split(/(\{\w+\})/)
          .map((p) => (/^\{\w+\}$/.test(p) ? '\\d+' : esc(p)))
          .join('') +
        '$',
    ),
);
const literal = catalog.keys.map((k) => k.key.replace(/\{(\w+)\}/g, (_, n) => String(indices[n].min)));
const missing = [];
for (const line of fs.readFileSync(tsvPath, 'utf8').trim().split('\n').slice(1)) {
  const [key, uses] = line.split('\t');
  if (Number(uses) < 2 || typos.has(key)) continue;
  const concrete = key.replaceAll('{n}', '1');
  const folded = new RegExp('^' + key.split('{n}').map(esc).join('\\d+') + '$');
  if (!res.some((r) => r.test(concrete)) && !literal.some((l) => folded.test(l))) missing.push(key);
}
fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, JSON.stringify(catalog, null, 2) + '\n');
console.log(
  `snom: ${catalog.keys.length} keys, ${Object.keys(indices).length} indices${missing.length ? `; NOT covered: ${missing.join(', ')}` : '; all observed rows covered'}`,
);
if (missing.length) process.exit(1);
