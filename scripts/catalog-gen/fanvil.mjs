#!/usr/bin/env node
// One-off generator for server/src/core/catalog/data/fanvil.json.
// Reads the observed-keys table (usage counts only), maps `{n}` to named indices, applies the
// hand-curated table below and fills the long tail with word-based type/description rules.
// Usage: node scripts/catalog-gen/fanvil.mjs [path/to/fanvil_keys.tsv]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const tsv = process.argv[2] ?? join(repo, '..', 'shared', 'data', 'observed-keys', 'fanvil_keys.tsv');
const typoFile = join(repo, 'test', 'fixtures', 'observed-typos', 'fanvil.txt');
const outFile = join(repo, 'server', 'src', 'core', 'catalog', 'data', 'fanvil.json');

const indices = {
  line: { min: 1, max: 20, description: 'SIP line (account) number, <line index="N">' },
  port: { min: 1, max: 1, description: 'Call port; desk phones have a single port 1' },
  webUser: { min: 1, max: 2, description: 'Web/menu login account (1 admin, 2 guest)' },
  xmlBook: { min: 1, max: 5, description: 'Remote XML phonebook entry' },
  ldap: { min: 1, max: 5, description: 'LDAP directory entry' },
  bwDir: { min: 1, max: 6, description: 'BroadSoft directory entry' },
  bwCallLog: { min: 1, max: 3, description: 'BroadSoft call log entry' },
  mcast: { min: 1, max: 10, description: 'Multicast paging listen group' },
  alertInfo: { min: 1, max: 10, description: 'Alert-Info to ringtone mapping entry' },
  hotspot: { min: 1, max: 20, description: 'SIP hotspot member entry' },
  softDss: { min: 1, max: 10, description: 'Programmable soft key (dssSoft) number' },
  fkeyPage: { min: 1, max: 10, description: 'Function key page (dsskey.internal / dssSide)' },
  fkey: { min: 1, max: 40, description: 'Function key number within a page' },
  extModule: { min: 1, max: 5, description: 'Expansion module number (dsskey.external)' },
  extKey: { min: 1, max: 60, description: 'Key number on an expansion module' },
  sideKey: { min: 1, max: 40, description: 'Side key number (SidekeyConfig1)' },
};

// `{n}` -> named index, by observed prefix.
const indexRules = [
  [/^sip\.line\[/, ['line']],
  [/^call\.port\[/, ['port']],
  [/^web\.account\[/, ['webUser']],
  [/^phone\.xmlContact\[/, ['xmlBook']],
  [/^phone\.ldap\[/, ['ldap']],
  [/^phone\.bwDir\[/, ['bwDir']],
  [/^phone\.bwCallLog\[/, ['bwCallLog']],
  [/^mcast\.addr\[/, ['mcast']],
  [/^call\.alertInfo\[/, ['alertInfo']],
  [/^hotspot\.hs\[/, ['hotspot']],
  [/^dsskey\.dssSoft\[/, ['softDss']],
  [/^dsskey\.internal\[/, ['fkeyPage', 'fkey']],
  [/^dsskey\.dssSide\[/, ['fkeyPage', 'fkey']],
  [/^dsskey\.external\[/, ['extModule', 'extKey']],
  [/^dsskey\.SidekeyConfig1\[/, ['sideKey']],
];
// Digits that were folded into {n} but belong to the name.
const realNames = [[/^tr\{n\}\./, 'tr069.']];

const B = (d, def) => ({ type: 'bool', description: d, ...(def !== undefined ? { default: def } : {}) });
const E = (d, values, def) => ({
  type: 'enum',
  description: d,
  values: values.map(([value, label]) => ({ value, label })),
  ...(def !== undefined ? { default: def } : {}),
});
const I = (d, min, max, def) => ({
  type: 'int',
  description: d,
  ...(min != null ? { min } : {}),
  ...(max != null ? { max } : {}),
  ...(def !== undefined ? { default: def } : {}),
});
const S = (d, def) => ({ type: 'string', description: d, ...(def !== undefined ? { default: def } : {}) });
const T = (type, d, def) => ({ type, description: d, ...(def !== undefined ? { default: def } : {}) });

const L = 'sip.line[{line}].';
const DTMF = [
  ['0', 'In-band audio'],
  ['1', 'RFC 2833 telephone events'],
  ['2', 'SIP INFO'],
  ['3', 'Automatic / RFC 2833 with fallback (confirm per firmware)'],
];

// Hand-curated keys (own wording). Values verified against public templates (Wazo, FusionPBX)
// where noted in the report; unknown numeric codes are left as unbounded ints.
const curated = {
  Version: S('Configuration file format version (sysConf root), e.g. 2.0000000000'),
  version: S('Configuration file format version (legacy VOIP_CONFIG_FILE root), e.g. 2.0002'),
  // firmware
  'fwCheck.EnableAutoUpgrade': B('Check the upgrade server for new firmware periodically', '0'),
  'fwCheck.UpgradeServer1': T('url', 'Primary firmware upgrade server URL'),
  'fwCheck.UpgradeServer2': T('url', 'Secondary firmware upgrade server URL'),
  'fwCheck.AutoUpgradeInterval': I('Hours between firmware upgrade checks', 1, null, '24'),
  // auto provisioning
  'ap.FlashServerIP': S('Provisioning server address (host, host:port or URL, depending on FlashProtocol)'),
  'ap.FlashFileName': S('Configuration file path requested from the provisioning server ($mac is replaced by the MAC)'),
  'ap.FlashProtocol': I('Protocol used to fetch configuration (public templates use 4 for HTTP)'),
  'ap.FlashMode': I('When the phone fetches configuration (at boot, periodically, ...; public templates use 1 or 2)'),
  'ap.FlashInterval': I('Interval between periodic configuration checks (unit set by FlashMode)'),
  'ap.DownloadCommonConf': B('Fetch the model-wide common configuration file', '1'),
  'ap.DownloadDeviceConf': B('Fetch the MAC-specific configuration file', '1'),
  'ap.SaveProvisionInfo': B('Keep the provisioning server settings learned from DHCP/PnP', '0'),
  'ap.DefaultUsername': S('User name for the provisioning server'),
  'ap.DefaultPassword': T('password', 'Password for the provisioning server'),
  'ap.InputCfgFileName': S('Alternative configuration file name to fetch'),
  'ap.DeviceCfgFileKey': T('password', 'Key that decrypts an encrypted MAC-specific configuration file'),
  'ap.CommonCfgFileKey': T('password', 'Key that decrypts an encrypted common configuration file'),
  'ap.CheckFailTimes': I('Failed configuration fetches tolerated before reporting an error', 0),
  'ap.updatePBInterval': I('Interval between remote phonebook refreshes'),
  'ap.APPswdEncryption': B('Provisioning password is stored encrypted', '0'),
  'ap.pnp.PNPEnable': B('Discover the provisioning server with SIP PnP multicast SUBSCRIBE', '1'),
  'ap.pnp.PNPIP': T('ip', 'Multicast address used for SIP PnP discovery', '224.0.1.75'),
  'ap.pnp.PNPPort': T('port', 'Port used for SIP PnP discovery', '5060'),
  'ap.pnp.PNPTransport': I('Transport used for SIP PnP discovery (0 UDP, 1 TCP)', 0, 1, '0'),
  'ap.pnp.PNPInterval': I('Interval between SIP PnP attempts'),
  'ap.opt.DHCPOption': I('DHCP option that carries the provisioning server (e.g. 66, 43, 160, 161)', 0, 255, '66'),
  'ap.opt.DhcpOption120': B('Use DHCP option 120 (SIP servers) as provisioning source', '0'),
  'ap.opt.DHCPv6Option': I('DHCPv6 option that carries the provisioning server', 0, 65535),
  'ap.opt.SaveDHCPOpion': B('Remember the provisioning server received by DHCP option (Fanvil spells it Opion)', '0'),
  // SIP global
  'sip.SIPPort': T('port', 'Local UDP/TCP port for SIP', '5060'),
  'sip.STUNServer': T('host', 'STUN server for NAT traversal'),
  'sip.STUNPort': T('port', 'STUN server port', '3478'),
  'sip.STUNRefreshTime': I('Seconds between STUN binding refreshes', 0, null, '50'),
  'sip.SIPWaitStunTime': I('Milliseconds SIP waits for the STUN result', 0, null, '800'),
  'sip.ExternNATAddrs': S('Public (NAT) address advertised in SIP'),
  'sip.RegFailInterval': I('Seconds before retrying a failed registration', 0, null, '32'),
  'sip.NotifyReboot': B('Reboot when a check-sync NOTIFY with reboot=true arrives', '1'),
  'sip.SIPPswdEncryption': B('SIP passwords in this file are encrypted', '0'),
  'sip.StrictBranchPrefix': B('Require the RFC 3261 z9hG4bK branch prefix on incoming requests', '0'),
  'sip.EnableRFC4475': B('Apply RFC 4475 SIP torture-test parsing rules', '1'),
  'sip.StrictUAMatch': B('Match requests strictly against the user agent', '1'),
  'sip.CSTAEnable': B('Enable uaCSTA remote call control', '0'),
  'sip.EnableGroupBackup': B('Use the backup server of the first line for all lines', '0'),
  // SIP line
  [L + 'PhoneNumber']: S('SIP user (extension) of the line, the user part of the AOR'),
  [L + 'DisplayName']: S('Caller name sent on outgoing calls'),
  [L + 'SipName']: S('Line label shown on the phone screen'),
  [L + 'RegisterAddr']: T('host', 'SIP registrar address'),
  [L + 'RegisterPort']: T('port', 'SIP registrar port', '5060'),
  [L + 'RegisterUser']: S('Authentication user name'),
  [L + 'RegisterPswd']: T('password', 'Authentication password'),
  [L + 'RegisterTTL']: I('Registration lifetime in seconds', 0, null, '3600'),
  [L + 'EnableReg']: B('Register this line', '0'),
  [L + 'NeedRegOn']: B('Only make calls on this line once it is registered', '0'),
  [L + 'ProxyAddr']: T('host', 'Outbound proxy address'),
  [L + 'ProxyPort']: T('port', 'Outbound proxy port', '5060'),
  [L + 'ProxyUser']: S('User name for the outbound proxy'),
  [L + 'ProxyPswd']: T('password', 'Password for the outbound proxy'),
  [L + 'BackupAddr']: T('host', 'Backup registrar address'),
  [L + 'BackupPort']: T('port', 'Backup registrar port', '5060'),
  [L + 'BackupTransport']: I('Transport to the backup registrar (0 UDP, 1 TCP, 3 TLS)', 0, 3, '0'),
  [L + 'BackupTTL']: I('Registration lifetime at the backup registrar in seconds', 0, null, '3600'),
  [L + 'BakProxyAddr']: T('host', 'Backup outbound proxy address'),
  [L + 'BakProxyPort']: T('port', 'Backup outbound proxy port', '5060'),
  [L + 'EnableFailback']: B('Return to the primary server once it is reachable again', '0'),
  [L + 'FailbackInterval']: I('Seconds between checks of the primary server during failover', 0, null, '1800'),
  [L + 'Transport']: I('SIP transport (0 UDP, 1 TCP, 3 TLS)', 0, 3, '0'),
  [L + 'DTMFMode']: E('How DTMF digits are sent', DTMF),
  [L + 'DTMFInfoMode']: I('Body format of SIP INFO DTMF messages'),
  [L + 'MWINum']: S('Voicemail number dialled by the message key'),
  [L + 'Subscribe']: B('Subscribe to message-waiting (MWI) notifications', '0'),
  [L + 'SubExpire']: I('MWI subscription lifetime in seconds', 0, null, '3600'),
  [L + 'VoiceCodecMap']: T('list', 'Enabled audio codecs in order of preference (e.g. PCMU,PCMA,G722,G729)'),
  [L + 'VideoCodecMap']: T('list', 'Enabled video codecs in order of preference (e.g. H264)'),
  [L + 'EnableRport']: B('Request rport (RFC 3581) for NAT traversal', '1'),
  [L + 'NATUDPUpdate']: I('NAT keep-alive method for this line (0 off; other values select the packet type)', 0, 2),
  [L + 'UDPUpdateTTL']: I('Seconds between NAT keep-alive packets', 0, null, '60'),
  [L + 'SessionTimer']: B('Use SIP session timers (RFC 4028)', '0'),
  [L + 'STimerExpires']: I('Session timer interval in seconds', 0),
  [L + 'PRACK']: B('Support reliable provisional responses (100rel / PRACK)', '0'),
  [L + 'DNSSRV']: B('Locate servers with DNS SRV lookups', '0'),
  [L + 'AutoAnswer']: B('Answer incoming calls automatically', '0'),
  [L + 'NoAnswerTime']: I('Seconds before auto-answer picks up'),
  [L + 'EnableDND']: B('Do not disturb on this line', '0'),
  [L + 'AlwaysFWD']: B('Forward all calls unconditionally', '0'),
  [L + 'BusyFWD']: B('Forward calls when busy', '0'),
  [L + 'NoAnswerFWD']: B('Forward calls when not answered', '0'),
  [L + 'AlwaysFWDNum']: S('Destination for unconditional forwarding'),
  [L + 'BusyFWDNum']: S('Destination for forwarding when busy'),
  [L + 'NoAnswerFWDNum']: S('Destination for forwarding on no answer'),
  [L + 'FWDTimer']: I('Seconds of ringing before no-answer forwarding', 0, null, '5'),
  [L + 'EnableBLFList']: B('Subscribe to a server-side BLF list', '0'),
  [L + 'BLFListUri']: S('SIP URI of the server-side BLF list'),
  [L + 'BLFServer']: T('host', 'Server that BLF subscriptions are sent to (empty = registrar)'),
  [L + 'RingType']: S('Ringtone used for this line (e.g. default, Type 1)', 'default'),
  [L + 'UserAgent']: S('Custom User-Agent header'),
  [L + 'MediaCrypto']: I('SRTP mode (0 off, 1 optional, 2 required)', 0, 2, '0'),
  [L + 'TLSVersion']: I('TLS version used for SIP over TLS (firmware-specific code)'),
  [L + 'ServerType']: I('SIP server interoperability profile (0 generic)', 0, null, '0'),
  [L + 'PickupNum']: S('Feature code for call pickup'),
  [L + 'CallParkNum']: S('Feature code to park a call'),
  [L + 'RetrieveNum']: S('Feature code to retrieve a parked call'),
  [L + 'EnableSCA']: B('Shared call appearance (BroadSoft SCA) on this line', '0'),
  [L + 'FeatureSync']: B('Synchronise DND and forwarding with the server (feature key sync)', '0'),
  [L + 'UnregisterOnBoot']: B('Clear existing registrations of this account at boot', '0'),
  // call
  'call.port[{port}].EnableDND': B('Do not disturb for the phone', '0'),
  'call.port[{port}].CallWaiting': B('Allow a second incoming call during a call', '1'),
  'call.port[{port}].CallTransfer': B('Allow call transfer', '1'),
  'call.port[{port}].CallConference': B('Allow three-way conference', '1'),
  'call.port[{port}].AutoOnhook': B('Hang up automatically when the remote side ends a hands-free call', '1'),
  'call.port[{port}].AutoOnhookTime': I('Seconds before the automatic hang-up', 0, null, '3'),
  'call.port[{port}].EnableIntercom': B('Accept intercom calls', '1'),
  'call.port[{port}].IntercomMute': B('Mute the microphone when an intercom call is answered', '0'),
  'call.port[{port}].IntercomTone': B('Play a tone when an intercom call is answered', '1'),
  'call.port[{port}].IntercomBarge': B('Let intercom calls interrupt an active call', '0'),
  'call.port[{port}].DNDReturnCode': I('SIP response code sent when rejecting for DND', 400, 699, '480'),
  'call.port[{port}].BusyReturnCode': I('SIP response code sent when busy', 400, 699, '486'),
  'call.port[{port}].RejectReturnCode': I('SIP response code sent when a call is rejected', 400, 699, '603'),
  'call.basic.DialbyPound': B('The # key ends dialling', '1'),
  'call.basic.DialbyTimeout': B('Dialling ends after the dial timeout', '1'),
  'call.basic.DialTimeoutvalue': I('Seconds without a digit before the number is dialled', 0, null, '5'),
  // web / security
  'web.WebPort': T('port', 'HTTP port of the web interface', '80'),
  'web.HttpsWebPort': T('port', 'HTTPS port of the web interface', '443'),
  'web.WebServerType': I('Web interface protocol (0 HTTP, 1 HTTPS, 2 both - confirm per firmware)', 0, 2),
  'web.EnableTelnet': B('Enable the Telnet service', '0'),
  'web.TelnetPort': T('port', 'Telnet port', '23'),
  'web.account[{webUser}].Name': S('Login name of a web/menu user'),
  'web.account[{webUser}].Password': T('password', 'Password of a web/menu user'),
  'web.account[{webUser}].Level': I('Privilege level of a web/menu user (higher = more rights)'),
  'phone.MenuPassword': T('password', 'Password protecting the advanced settings menu on the phone', '123'),
  'phone.KeyLockPassword': T('password', 'Code that unlocks the keypad lock'),
  // time
  'phone.date.EnableSNTP': B('Get time from an NTP server', '1'),
  'phone.date.SNTPServer': T('host', 'Primary NTP server'),
  'phone.date.SecondSNTPServer': T('host', 'Secondary NTP server'),
  'phone.date.SNTPTimeout': I('Seconds between NTP synchronisations (sync interval)', 0, null, '60'),
  'phone.date.TimeZone': I('Time zone index (Fanvil table; e.g. 32 = UTC+0)'),
  'phone.date.TimeZoneName': S('Time zone name matching TimeZone (e.g. UTC+1)'),
  'phone.date.Location': I('Time zone location index (Fanvil table)'),
  'phone.date.EnableDST': I('Daylight saving time (0 off, 1 on/by date, 2 by rule - values seen in templates)', 0, 2),
  'GLOBAL_CONFIG_MODULE.Enable_DST': I('Daylight saving time in the legacy format (0 off, 1 on; 2 = by rule on newer firmware)', 0, 2),
  'phone.date.Enable_DST': I('Daylight saving time, alternative tag name (0 off, 1 on/by date, 2 by rule)', 0, 2),
  'phone.date.DSTMinOffset': I('Daylight saving shift in minutes', 0, null, '60'),
  'phone.date.DSTStartMon': I('Month DST starts', 1, 12),
  'phone.date.DSTStartWeek': I('Week of the month DST starts (-1 = last)', -1, 5),
  'phone.date.DSTStartWday': I('Weekday DST starts (0 = Sunday)', 0, 6),
  'phone.date.DSTStartHour': I('Hour DST starts', 0, 23),
  'phone.date.DSTEndMon': I('Month DST ends', 1, 12),
  'phone.date.DSTEndWeek': I('Week of the month DST ends (-1 = last)', -1, 5),
  'phone.date.DSTEndWday': I('Weekday DST ends (0 = Sunday)', 0, 6),
  'phone.date.DSTEndHour': I('Hour DST ends', 0, 23),
  'phone.display.DefaultLanguage': S('Display language code (e.g. en, fr, de)'),
  'phone.display.LCDTitle': S('Text shown in the idle screen title'),
  // network
  'net.EnableDHCP': B('Get the IPv4 address by DHCP', '1'),
  'net.WANTYPE': I('IPv4 addressing mode (0 DHCP, 1 static, 2 PPPoE)', 0, 2, '0'),
  'net.WANIP': T('ip', 'Static IPv4 address'),
  'net.WANSubnetMask': T('ip', 'Static IPv4 subnet mask'),
  'net.WANGateway': T('ip', 'Static IPv4 default gateway'),
  'net.PrimaryDNS': T('ip', 'Primary DNS server'),
  'net.SecondaryDNS': T('ip', 'Secondary DNS server'),
  'net.MTU': I('Maximum transmission unit in bytes', 576, 1500, '1500'),
  'qos.EnableVLAN': B('Tag traffic with a voice VLAN', '0'),
  'qos.VLANID': I('Voice VLAN ID', 0, 4095, '256'),
  'qos.SignallingPriority': I('802.1p priority of SIP packets', 0, 7),
  'qos.VoicePriority': I('802.1p priority of RTP packets', 0, 7),
  'qos.VideoPriority': I('802.1p priority of video RTP packets', 0, 7),
  'qos.VoiceDSCP': I('DSCP of RTP packets', 0, 63, '46'),
  'qos.SingallingDSCP': I('DSCP of SIP packets (Fanvil spells it Singalling)', 0, 63, '46'),
  'qos.VideoDSCP': I('DSCP of video RTP packets', 0, 63),
  'qos.LLDPTransmit': B('Send LLDP-MED packets', '1'),
  'qos.CDPEnable': B('Use Cisco Discovery Protocol', '0'),
  // logs
  'log.SyslogServer': T('host', 'Syslog server'),
  'log.SyslogServerPort': T('port', 'Syslog server port', '514'),
  'log.Level': I('Log verbosity level'),
  // phonebook
  'phone.xmlContact[{xmlBook}].Name': S('Name of a remote XML phonebook'),
  'phone.xmlContact[{xmlBook}].Addr': T('url', 'URL of a remote XML phonebook (FanvilIPPhoneDirectory)'),
  'phone.xmlContact[{xmlBook}].UserName': S('User name for the remote phonebook server'),
  'phone.xmlContact[{xmlBook}].PassWd': T('password', 'Password for the remote phonebook server'),
  'phone.xmlContact[{xmlBook}].Sipline': I('SIP line used when dialling from this phonebook'),
  'phone.xmlContact[{xmlBook}].BindLine': I('Line the phonebook is bound to'),
  'mm.capability.AudioCodecSets': T('list', 'Audio codecs the phone offers (e.g. PCMU,PCMA,G722,G729,iLBC)'),
  'mm.SelectYourTone': I('Country tone set (dial, busy, ring-back tones) index; public templates use 11 for US'),
  'mm.DtmfPayloadType': I('RTP payload type for RFC 2833 DTMF', 96, 127, '101'),
  'mm.RTPInitialPort': T('port', 'First local RTP port', '10000'),
  'mm.RTPPortQuantity': I('Number of RTP ports reserved', 1, null, '1000'),
  'dsskey.dssSoft[{softDss}].Type': I('Function type of a programmable soft key (0 none, 1 memory/BLF key, ...)'),
  'dsskey.dssSoft[{softDss}].Value': S('Value of a programmable soft key (e.g. 101@1/f for a speed dial on line 1)'),
  'dsskey.dssSoft[{softDss}].Title': S('Label of a programmable soft key'),
  'dsskey.internal[{fkeyPage}].Fkey[{fkey}].Type': I(
    'Function type of a function key (0 none, 1 memory/BLF key, 2 line, 3 key event, ...)',
  ),
  'dsskey.internal[{fkeyPage}].Fkey[{fkey}].Value': S(
    'Function key value, <number>@<line>/<mode> (mode b BLF, f speed dial, c park; e.g. 101@1/ba)',
  ),
  'dsskey.internal[{fkeyPage}].Fkey[{fkey}].Title': S('Label of a function key'),
  'dsskey.internal[{fkeyPage}].Fkey[{fkey}].ICON': S('Icon of a function key'),
  'dsskey.dssSide[{fkeyPage}].Fkey[{fkey}].Type': I('Function type of a side key'),
  'dsskey.dssSide[{fkeyPage}].Fkey[{fkey}].Value': S('Side key value, <number>@<line>/<mode> (e.g. 101@1/ba)'),
  'dsskey.dssSide[{fkeyPage}].Fkey[{fkey}].Title': S('Label of a side key'),
  'dsskey.external[{extModule}].exKey[{extKey}].Type': I('Function type of an expansion module key'),
  'dsskey.external[{extModule}].exKey[{extKey}].Value': S('Expansion module key value, <number>@<line>/<mode>'),
  'dsskey.external[{extModule}].exKey[{extKey}].Title': S('Label of an expansion module key'),
  'cti.IncmoingCallUrl': {
    ...T('url', 'Action URL called on an incoming call (misspelled name used by some firmware)'),
    deprecated: {
      replacement: 'cti.IncomingCallUrl',
      note: 'misspelled variant seen in some templates; cti.IncomingCallUrl is the usual name (confirm per firmware)',
    },
  },
};

// ---- long tail rules -------------------------------------------------------------------------
const WORDS = {
  Pswd: 'password',
  Passwd: 'password',
  PassWd: 'password',
  Svc: 'service',
  FWD: 'forward',
  Num: 'number',
  No: 'number',
  Addr: 'address',
  Reg: 'registration',
  Xfer: 'transfer',
  XFER: 'transfer',
  Transf: 'transfer',
  Bak: 'backup',
  DND: 'DND',
  CW: 'call waiting',
  CFU: 'unconditional forward',
  CFB: 'busy forward',
  CFN: 'no-answer forward',
  ANC: 'anonymous call rejection',
  AN: 'anonymous',
  Vol: 'volume',
  Mic: 'microphone',
  Conf: 'conference',
  Cfg: 'configuration',
  Dial: 'dial',
  Dailer: 'dialer',
  Dialer: 'dialer',
  Mon: 'month',
  Wday: 'weekday',
  Min: 'minute',
  TTL: 'lifetime',
  Auth: 'authentication',
  Mcast: 'multicast',
  PB: 'phonebook',
  Pbook: 'phonebook',
  Led: 'LED',
  Ctl: 'control',
  Wait: 'wait',
  Enable: 'enable',
  Rec: 'recording',
};
const SECTIONS = [
  [/^sip\.line\[/, 'SIP line'],
  [/^sip\.p2p\./, 'peer-to-peer (IP) calls'],
  [/^sip\./, 'SIP'],
  [/^call\.port\[/, 'call features'],
  [/^call\.basic\./, 'dialling'],
  [/^call\.alertInfo/, 'distinctive ring'],
  [/^call\./, 'call features'],
  [/^phone\.date\./, 'date and time'],
  [/^phone\.display\./, 'display'],
  [/^phone\.timeDisplay\./, 'clock display'],
  [/^phone\.volume\./, 'audio volume'],
  [/^phone\.(blfLed|lineLed|powerLed)\./, 'LED behaviour'],
  [/^phone\.ldap\[/, 'LDAP directory'],
  [/^phone\.bwDir\[/, 'BroadSoft directory'],
  [/^phone\.bwCallLog\[/, 'BroadSoft call log'],
  [/^phone\.agent\./, 'call-centre agent'],
  [/^phone\.softkey\./, 'soft key layout'],
  [/^phone\.softKeyConfig\./, 'soft key layout'],
  [/^phone\./, 'phone'],
  [/^net\.wifi\./, 'Wi-Fi network'],
  [/^net\./, 'network'],
  [/^qos\./, 'QoS / VLAN'],
  [/^mm\./, 'media'],
  [/^web\./, 'web / management access'],
  [/^ap\./, 'auto provisioning'],
  [/^fwCheck\./, 'firmware upgrade'],
  [/^cti\./, 'action URL'],
  [/^log\./, 'logging'],
  [/^tr069\./, 'TR-069'],
  [/^dsskey\./, 'DSS / function keys'],
  [/^mcast\./, 'multicast paging'],
  [/^hotspot\./, 'SIP hotspot'],
  [/^vqm\./, 'voice quality monitoring'],
  [/^record\./, 'call recording'],
  [/^vpn\./, 'VPN'],
  [/^dot1x\./, '802.1X'],
  [/^background\./, 'screen and background'],
  [/^dm\./, 'key timing'],
  [/^pubApp\./, 'public apps'],
  [/^UIconfig\./, 'user interface'],
  [/^android\./, 'Android UI'],
  [/^IO\./, 'alarm I/O'],
  [/^uiMainTainConfig\./, 'user interface'],
  [/^SIP_CONFIG_MODULE\.SIP_Line_List/, 'legacy format, SIP line entry'],
  [/^TELE_CONFIG_MODULE\.Port_Config/, 'legacy format, call port entry'],
  [/^DSP_CONFIG_MODULE\.Port_Config/, 'legacy format, audio port entry'],
  [/^[A-Za-z0-9_]+_MODULE\./, 'legacy format'],
];
function section(key) {
  for (const [re, label] of SECTIONS)
    if (re.test(key)) {
      const m = /^([A-Za-z0-9_]+?)_(?:CONFIG_|CFG_)?MODULE\./.exec(key);
      return label === 'legacy format' && m ? `legacy format, ${m[1].replace(/_/g, ' ').toLowerCase()} module` : label;
    }
  return 'device';
}
function words(leaf) {
  return leaf
    .replace(/-/g, ' ')
    .split(/_+|\s+/)
    .flatMap((part) =>
      part
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .split(' '),
    )
    .filter(Boolean);
}
function human(ws) {
  return ws
    .map((w, i) => (w === 'No' && i < ws.length - 1 ? 'no' : WORDS[w]) ?? (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}
const NUMERIC_END =
  /^(Time|Timeout|Times|TTL|Expire|Expires|Interval|Period|Delay|Counts|Count|Length|Len|Size|Level|Vol|Volume|Priority|DSCP|Gain|GAIN|Offset|Hour|Min|Mon|Week|Wday|Life|Quantity|Rate|Limit|Lenth|Expires|Mode|Type|Quota)$/;
function ruleFor(key) {
  const leaf = key.split('.').pop().replace(/\[.*$/, '');
  const ws = words(leaf);
  const first = ws[0] ?? '',
    last = ws[ws.length - 1] ?? '';
  const h = human(ws),
    sec = section(key);
  const d = (text) => `${text.charAt(0).toUpperCase()}${text.slice(1)} (${sec})`;
  if (!key.includes('.')) return S(d(`${h} settings section; empty in the templates that carry it`));
  if (/Encryption$/.test(leaf)) return B(d(`${h}: values in this file are encrypted`));
  if (/(Pswd|Password|PassWd|Passwd)$/i.test(leaf) || /^(Xsup_?Password|L2TP_?Password|PPTP_?Password)$/i.test(leaf))
    return T('password', d(h));
  if (/(Url|URL)\d*$/.test(leaf)) return T('url', d(`${h} to request`));
  if (
    /^(Enable|Enabled|Disable|Use|Ban|Allow|Hide|Save|Keep|Block|Clr|Strict|Need|Is)$/.test(first) ||
    /(Enable|Enabled|NeedRegOn)$/.test(leaf)
  ) {
    if (!NUMERIC_END.test(last) || /^Enable/.test(leaf)) return B(d(`${h} (1 = yes, 0 = no)`));
  }
  if (/Auto_?(DNS|Time)$/.test(leaf)) return B(d(`${h}: take it from DHCP (1 = yes, 0 = no)`));
  if (/RingType$|Ring_Type$|Ringtone$|RingTone$/.test(leaf)) return S(d(`${h} (ringtone name)`));
  if (/(Codec|Codecs)(Map|Sets)$|Codec_?(Map|Sets)$/.test(leaf)) return T('list', d(`${h}, comma separated`));
  if (/PayloadType$|Payload_Type$/.test(leaf)) return I(d(h), 0, 127);
  if (/(DSCP)$/.test(leaf)) return I(d(h), 0, 63);
  if (/(Port)$/.test(leaf) && !/Report$/.test(leaf)) return T('port', d(h));
  if (
    /(WANIP|WAN6IP|WANGateway|WAN6Gateway|SubnetMask|Subnet_Mask|PrimaryDNS6?|SecondaryDNS6?|Primary_DNS|Secondary_DNS|WAN_IP|WAN_Gateway)$/.test(
      leaf,
    )
  )
    return T('ip', d(h));
  if (
    /(Addr|Address|Server|ServerIP|Server_IP|ServerAddr|ServerAddress|Host|IP|Syslog_address)$/.test(leaf) &&
    !/(Mixer|Moh|Mac)/i.test(leaf)
  )
    return T('host', d(h));
  if (
    /(Tone|Color|Colour|Text|Title|Name|Label|Tag|Num|Number|No|Code|Prefix|Filter|Attr|Base|Uri|URI|User|UserName|Username|Domain|Key|Value|ID|Id|Class|Body|Digest|Uri|Path|Info|Model|Nums)$/.test(
      leaf,
    )
  )
    return S(d(h));
  if (NUMERIC_END.test(last)) return I(d(h));
  return S(d(h));
}

function convert(observed) {
  let k = observed;
  for (const [re, rep] of realNames) k = k.replace(re, rep);
  for (const [re, names] of indexRules) {
    if (re.test(k)) {
      let i = 0;
      return k.replace(/\{n\}/g, () => `{${names[Math.min(i++, names.length - 1)]}}`);
    }
  }
  return k;
}

const typos = new Set();
if (existsSync(typoFile)) for (const line of readFileSync(typoFile, 'utf8').split('\n')) if (line.trim()) typos.add(line.split('\t')[0]);
const rows = readFileSync(tsv, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
const keys = new Map();
for (const [k, uses] of rows) {
  if (Number(uses) < 2 || typos.has(k)) continue;
  const pattern = convert(k);
  if (pattern.includes('{n}')) throw new Error(`no index rule for ${k}`);
  if (!keys.has(pattern)) keys.set(pattern, curated[pattern] ?? ruleFor(pattern));
}
for (const [pattern, def] of Object.entries(curated)) if (!keys.has(pattern)) keys.set(pattern, def);

// Legacy VOIP_CONFIG_FILE names: point at the sysConf name when exactly one matches by spelling.
const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const modern = new Map();
for (const k of keys.keys()) {
  if (/_MODULE\./.test(k)) continue;
  const leaf = norm(k.split('.').pop().replace(/\[.*$/, ''));
  modern.set(leaf, modern.has(leaf) ? null : k);
}
for (const [k, def] of keys) {
  if (!/_MODULE\./.test(k) || def.deprecated) continue;
  const target = modern.get(norm(k.split('.').pop()));
  if (!target) continue;
  def.deprecated = { replacement: target, note: 'legacy VOIP_CONFIG_FILE tag; sysConf firmware reads the replacement' };
  // Same setting, same value syntax: take the type (and bounds/values) of the sysConf key when it was curated.
  const t = curated[target];
  if (t) {
    for (const f of ['type', 'min', 'max', 'values', 'default']) delete def[f];
    for (const f of ['type', 'min', 'max', 'values']) if (t[f] !== undefined) def[f] = t[f];
  }
}

const out = {
  vendor: 'fanvil',
  bool: { true: ['1'], false: ['0'] },
  indices,
  keys: [...keys.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, def]) => ({ key, ...def })),
};
writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
console.log(`fanvil: ${out.keys.length} keys, ${Object.keys(indices).length} indices -> ${outFile}`);
