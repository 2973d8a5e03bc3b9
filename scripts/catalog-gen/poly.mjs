#!/usr/bin/env node
// One-off generator for server/src/core/catalog/data/poly.json.
// Reads the observed-keys table (usage counts only), maps `{n}` to named indices,
// applies the hand-curated table below, and fills the long tail with word-based rules.
// Usage: node scripts/catalog-gen/poly.mjs [path/to/polycom_keys.tsv]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const tsv = process.argv[2] ?? join(repo, '..', 'shared', 'data', 'observed-keys', 'polycom_keys.tsv');
const typoFile = join(repo, 'test', 'fixtures', 'observed-typos', 'poly.txt');
const outFile = join(repo, 'server', 'src', 'core', 'catalog', 'data', 'poly.json');

const indices = {
  line: { min: 1, max: 34, description: 'Registration (line) number', maxByModel: { VVX101: 1, VVX201: 2 } },
  server: { min: 1, max: 2, description: 'SIP server number within a registration (primary, backup)' },
  protServer: { min: 1, max: 3, description: 'Global SIP server entry number (voIpProt.server.x)' },
  softkey: { min: 1, max: 10, description: 'Custom soft key number' },
  resource: { min: 1, max: 50, description: 'Busy-lamp-field / attendant resource list entry' },
  validation: { min: 1, max: 10, description: 'Request validation rule number' },
  event: { min: 1, max: 10, description: 'Event number within a request validation rule' },
  efk: { min: 1, max: 4, description: 'Enhanced feature key prompt number' },
  key: { min: 1, max: 100, description: 'Hard key number for key remapping' },
  routeServer: { min: 1, max: 3, description: 'Dial plan routing server number' },
  emergency: { min: 1, max: 10, description: 'Emergency dial plan entry' },
  alertInfo: { min: 1, max: 17, description: 'Alert-Info to ring class mapping number' },
  pageGroup: { min: 1, max: 25, description: 'Group paging group number' },
  caCert: { min: 1, max: 2, description: 'Custom CA certificate slot' },
  customRing: { min: 1, max: 18, description: 'Custom ring class number (seN.rt.customN)' },
  bgImage: { min: 1, max: 6, description: 'Background bitmap slot' },
};

// Observed rows: which named index each `{n}` becomes, by prefix.
const indexRules = [
  [/^reg\.\{n\}\.server\.\{n\}/, ['line', 'server']],
  [/^reg\.\{n\}/, ['line']],
  [/^msg\.mwi\.\{n\}/, ['line']],
  [/^softkey\.\{n\}/, ['softkey']],
  [/^attendant\.resourceList\.\{n\}/, ['resource']],
  [/^voIpProt\.SIP\.requestValidation\.\{n\}\.request\.\{n\}/, ['validation', 'event']],
  [/^voIpProt\.SIP\.requestValidation\.\{n\}/, ['validation']],
  [/^voIpProt\.server\.\{n\}/, ['protServer']],
  [/^voIpProt\.SIP\.alertInfo\.\{n\}/, ['alertInfo']],
  [/^efk\.efkprompt\.\{n\}/, ['efk']],
  [/^key\.\{n\}/, ['key']],
  [/^dialplan\.routing\.server\.\{n\}/, ['routeServer']],
  [/^dialplan\.routing\.emergency\.\{n\}\.server\.\{n\}/, ['emergency', 'routeServer']],
  [/^dialplan\.routing\.emergency\.\{n\}/, ['emergency']],
  [/^ptt\.pageMode\.group\.\{n\}/, ['pageGroup']],
  [/^sec\.TLS\.customCaCert\.\{n\}/, ['caCert']],
  [/^bg\.color\.bm\.\{n\}/, ['bgImage']],
];

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
  ...(min !== undefined && min !== null ? { min } : {}),
  ...(max !== undefined && max !== null ? { max } : {}),
  ...(def !== undefined ? { default: def } : {}),
});
const S = (d, def) => ({ type: 'string', description: d, ...(def !== undefined ? { default: def } : {}) });
const T = (type, d, def) => ({ type, description: d, ...(def !== undefined ? { default: def } : {}) });

const TRANSPORT = [
  ['DNSnaptr', 'Discover transport/port by NAPTR and SRV lookups (UDP when an IP or port is given)'],
  ['TCPpreferred', 'Prefer TCP, fall back to UDP'],
  ['UDPOnly', 'UDP only'],
  ['TLS', 'TLS only (port 5061 when empty)'],
  ['TCPOnly', 'TCP only'],
];
const RINGERS = ['default', ...Array.from({ length: 24 }, (_, i) => `ringer${i + 1}`)];
const RING_TYPES = [
  ['ring', 'Play a ringtone'],
  ['visual', 'Visual alert only'],
  ['answer', 'Answer automatically'],
  ['ring-answer', 'Ring, then answer automatically'],
];

// Hand-curated keys. Descriptions are our own wording.
const curated = {
  // --- registrations / lines
  'reg.{line}.address': S('SIP address of the line (user part, or user@domain)'),
  'reg.{line}.auth.userId': S('User name for digest authentication on this line'),
  'reg.{line}.auth.password': T('password', 'Password for digest authentication on this line'),
  'reg.{line}.displayName': S('Caller name sent in the From header of outgoing calls'),
  'reg.{line}.label': S('Text shown next to the line key on the phone'),
  'reg.{line}.type': E(
    'Line mode',
    [
      ['private', 'Private line'],
      ['shared', 'Shared call appearance'],
    ],
    'private',
  ),
  'reg.{line}.lineKeys': I('How many line keys this registration occupies', 1, null, '1'),
  'reg.{line}.thirdPartyName': S('Address of the monitored owner when the line is shared (SCA/BLA)'),
  'reg.{line}.ringType': S('Ringtone for incoming calls on this line (default, ringer1..ringer24)', 'ringer2'),
  'reg.{line}.ringType.privateLine': S('Ringtone used for private calls on a shared line'),
  'reg.{line}.lcs': B('Use Microsoft LCS/OCS presence features for this line', '0'),
  'reg.{line}.auth.optimizedInFailover': B(
    'During failover, send credentials to the server that challenged last instead of starting over',
    '0',
  ),
  'reg.{line}.serverFeatureControl.cf': B('Let the server own call forwarding for this line (feature key synchronisation)', '0'),
  'reg.{line}.serverFeatureControl.dnd': B('Let the server own do-not-disturb for this line', '0'),
  'reg.{line}.outboundProxy.address': T('host', 'Outbound proxy host for this line'),
  'reg.{line}.outboundProxy.port': T('port', 'Outbound proxy port for this line (0 = chosen by transport)'),
  'reg.{line}.outboundProxy.transport': E('Transport towards the outbound proxy', TRANSPORT, 'DNSnaptr'),
  'reg.{line}.server.{server}.address': T('host', 'SIP registrar/proxy host for this line and server slot'),
  'reg.{line}.server.{server}.port': T('port', 'SIP server port (0 or empty = chosen by transport / DNS)'),
  'reg.{line}.server.{server}.transport': E('Transport towards this SIP server', TRANSPORT, 'DNSnaptr'),
  'reg.{line}.server.{server}.expires': I('Requested registration lifetime in seconds', null, null, '3600'),
  'reg.{line}.server.{server}.expires.overlap': I('Seconds before expiry at which the phone re-registers', 5, 65535, '60'),
  'reg.{line}.server.{server}.expires.lineSeize': I('Requested line-seize subscription lifetime in seconds', null, null, '30'),
  'reg.{line}.server.{server}.subscribe.expires': I('Requested lifetime of subscriptions to this server in seconds', null, null, '3600'),
  'reg.{line}.server.{server}.register': B('Register with this server (0 = use it for calls only)', '1'),
  'reg.{line}.server.{server}.retryMaxCount': I('Retries before moving to the next server (0 means 3)', 0, 20, '3'),
  'reg.{line}.server.{server}.retryTimeOut': I('Milliseconds between retries (0 = RFC 3261 timers)', 0, 65535, '0'),
  'reg.{line}.server.{server}.useOutboundProxy': B('Send requests for this server through the line outbound proxy', '1'),
  'reg.{line}.server.{server}.registerRetry.baseTimeOut': I(
    'Base wait in seconds before retrying a failed registration (RFC 5626)',
    10,
    120,
    '60',
  ),
  'reg.{line}.server.{server}.registerRetry.maxTimeOut': I(
    'Longest wait in seconds before retrying a failed registration (RFC 5626)',
    60,
    1800,
    '60',
  ),
  'reg.{line}.callsPerLineKey': I('Concurrent calls per line key for this registration (overrides call.callsPerLineKey)'),
  'reg.{line}.bargeInEnabled': B('Allow barging into active calls on a shared line', '0'),
  'msg.mwi.{line}.subscribe': S('Mailbox address to subscribe to for message-waiting notifications'),
  'msg.mwi.{line}.callBack': S('Number dialled to reach voicemail when callBackMode is contact'),
  'msg.mwi.{line}.callBackMode': E(
    'How the Messages key reaches voicemail',
    [
      ['registration', "Call the line's own address"],
      ['contact', 'Call msg.mwi.x.callBack'],
      ['disabled', 'No voicemail access'],
    ],
    'registration',
  ),
  // --- global SIP server
  'voIpProt.server.{protServer}.address': T('host', 'Default SIP server host used by lines without their own server'),
  'voIpProt.server.{protServer}.port': T('port', 'Default SIP server port'),
  'voIpProt.server.{protServer}.transport': E('Default transport towards the SIP server', TRANSPORT, 'DNSnaptr'),
  'voIpProt.server.{protServer}.expires': I('Default registration lifetime in seconds', null, null, '3600'),
  'voIpProt.server.{protServer}.failOver.reRegisterOn': B('After failing over, register with the backup server', '0'),
  'voIpProt.server.{protServer}.failOver.failRegistrationOn': B(
    'Treat a failed re-registration on the backup as a failure of the line',
    '1',
  ),
  'voIpProt.server.{protServer}.failOver.onlySignalWithRegistered': B('Only send calls to servers the phone is registered with', '1'),
  'voIpProt.server.{protServer}.failOver.failBack.mode': E(
    'When to return to the primary server',
    [
      ['duration', 'After failBack.timeout seconds'],
      ['newRequests', 'For every new request'],
      ['DNSTTL', 'When the DNS TTL expires'],
      ['registration', 'When the primary accepts a registration again'],
    ],
    'duration',
  ),
  'voIpProt.server.{protServer}.failOver.failBack.timeout': I(
    'Seconds before retrying the primary server in duration mode (0 = never)',
    null,
    null,
    '3600',
  ),
  'voIpProt.SIP.specialEvent.checkSync.alwaysReboot': B(
    'On a check-sync NOTIFY, always reboot (1) or reboot only when files changed (0)',
    '0',
  ),
  'voIpProt.SIP.requestValidation.{validation}.request': S('SIP method this validation rule applies to (e.g. NOTIFY, INVITE)'),
  'voIpProt.SIP.requestValidation.{validation}.method': E('How matching requests are validated', [
    ['source', 'Accept only from registration servers'],
    ['digest', 'Challenge with digest authentication'],
    ['both', 'Source check and digest challenge'],
  ]),
  'voIpProt.SIP.requestValidation.{validation}.request.{event}.event': S('Event package of the request to validate (e.g. check-sync)'),
  'voIpProt.SIP.requestValidation.digest.realm': S('Realm used when the phone challenges incoming requests', 'PolycomSPIP'),
  'voIpProt.SIP.header.diversion.enable': B('Show forwarding information from the Diversion header', '0'),
  'voIpProt.SIP.alertInfo.{alertInfo}.value': S('Alert-Info header value (or part of it) to match'),
  'voIpProt.SIP.alertInfo.{alertInfo}.class': S('Ring class applied when the Alert-Info value matches (e.g. custom1, autoAnswer)'),
  'voIpProt.SIP.dtmfViaSignaling.rfc2976': B('Send DTMF digits as SIP INFO messages', '0'),
  'voIpProt.SIP.outboundProxy.address': T('host', 'Default outbound proxy host for all lines'),
  'voIpProt.SIP.outboundProxy.port': T('port', 'Default outbound proxy port'),
  'voIpProt.SIP.outboundProxy.transport': E('Default transport towards the outbound proxy', TRANSPORT, 'DNSnaptr'),
  // --- busy lamp field / attendant
  'attendant.uri': S('Address of a server-side BLF resource list to subscribe to'),
  'attendant.resourceList.{resource}.address': S('Address (extension or SIP URI) watched or dialled by this key'),
  'attendant.resourceList.{resource}.label': S('Text shown next to the BLF/speed key'),
  'attendant.resourceList.{resource}.type': E(
    'Key behaviour',
    [
      ['normal', 'Busy lamp field (watch and call)'],
      ['automata', 'Park orbit / automaton: a press picks up or parks'],
    ],
    'normal',
  ),
  'attendant.resourceList.{resource}.callAddress': S('Number dialled when the key is pressed, if different from the watched address'),
  'attendant.resourceList.{resource}.proceedingIsRecipient': B(
    'Treat an outgoing early call of the watched party as the party being called',
    '0',
  ),
  'attendant.restrictPickup': B('Hide the pickup option on BLF keys', '0'),
  'attendant.behaviors.display.remoteCallerID.normal': B('Show caller ID of calls ringing at a watched normal resource', '1'),
  'attendant.behaviors.display.remoteCallerID.automata': B('Show caller ID of calls held at an automata resource', '1'),
  'attendant.behaviors.display.spontaneousCallAppearances.normal': B('Pop up a call appearance when a watched normal resource rings', '1'),
  'attendant.behaviors.display.spontaneousCallAppearances.automata': B(
    'Pop up a call appearance when an automata resource changes state',
    '0',
  ),
  // --- soft keys
  'softkey.{softkey}.label': S('Text of a custom soft key'),
  'softkey.{softkey}.action': S('Enhanced-feature-key macro run by the soft key'),
  'softkey.{softkey}.enable': B('Show this custom soft key', '0'),
  'softkey.{softkey}.precede': B('Place this soft key before the built-in soft keys', '0'),
  'softkey.{softkey}.use.idle': B('Show this soft key while the phone is idle', '0'),
  'softkey.{softkey}.use.active': B('Show this soft key during an active call', '0'),
  'softkey.{softkey}.use.alerting': B('Show this soft key while a call is ringing', '0'),
  'softkey.{softkey}.use.dialtone': B('Show this soft key while dial tone plays', '0'),
  'softkey.{softkey}.use.proceeding': B('Show this soft key while an outgoing call is proceeding', '0'),
  'softkey.{softkey}.use.setup': B('Show this soft key while dialling', '0'),
  'softkey.{softkey}.use.hold': B('Show this soft key while a call is held', '0'),
  'efk.efkprompt.{efk}.status': B('Enable this enhanced-feature-key prompt', '0'),
  'efk.efkprompt.{efk}.label': S('Prompt text shown when a macro asks for input'),
  'efk.efkprompt.{efk}.type': E(
    'Input type of the prompt',
    [
      ['numeric', 'Digits only'],
      ['text', 'Alphanumeric text'],
    ],
    'numeric',
  ),
  'efk.efkprompt.{efk}.userfeedback': E(
    'How typed characters are shown',
    [
      ['visible', 'Show the input'],
      ['masked', 'Mask the input'],
    ],
    'visible',
  ),
  'efk.efkprompt.{efk}.digitmatching': S('Digit map the input must match before the macro continues'),
  'efk.softkey.alignleft': B('Left-align enhanced-feature-key soft keys', '0'),
  'key.{key}.function.prim': S('Function assigned to this hard key (key remapping)'),
  'key.{key}.subPoint.prim': I('Sub-index of the function assigned to this hard key (e.g. line number)'),
  // --- time
  'tcpIpApp.sntp.address': T('host', 'NTP/SNTP server'),
  'tcpIpApp.sntp.address.overrideDHCP': B('Use tcpIpApp.sntp.address even if DHCP provides a time server', '0'),
  'tcpIpApp.sntp.gmtOffset': I('Offset from UTC in seconds (e.g. -18000 for UTC-5)', -43200, 50400, '0'),
  'tcpIpApp.sntp.gmtOffset.overrideDHCP': B('Use tcpIpApp.sntp.gmtOffset even if DHCP provides an offset', '0'),
  'tcpIpApp.sntp.resyncPeriod': I('Seconds between time resynchronisations', null, null, '86400'),
  'tcpIpApp.sntp.daylightSavings.enable': B('Apply daylight saving time', '1'),
  'tcpIpApp.sntp.daylightSavings.fixedDayEnable': B('DST start/stop are fixed dates (1) or weekday rules (0)', '0'),
  'tcpIpApp.sntp.daylightSavings.start.month': I('Month DST starts (1-12)', 1, 12, '3'),
  'tcpIpApp.sntp.daylightSavings.start.date': I(
    'Day of month DST starts; with weekday rules the earliest date of that weekday',
    1,
    31,
    '8',
  ),
  'tcpIpApp.sntp.daylightSavings.start.time': I('Hour of day DST starts (0-23)', 0, 23, '2'),
  'tcpIpApp.sntp.daylightSavings.start.dayOfWeek': I('Weekday DST starts (1 = Sunday ... 7 = Saturday)', 1, 7, '1'),
  'tcpIpApp.sntp.daylightSavings.start.dayOfWeek.lastInMonth': B('DST starts on the last such weekday of the month', '0'),
  'tcpIpApp.sntp.daylightSavings.stop.month': I('Month DST ends (1-12)', 1, 12, '11'),
  'tcpIpApp.sntp.daylightSavings.stop.date': I('Day of month DST ends; with weekday rules the earliest date of that weekday', 1, 31, '1'),
  'tcpIpApp.sntp.daylightSavings.stop.time': I('Hour of day DST ends (0-23)', 0, 23, '2'),
  'tcpIpApp.sntp.daylightSavings.stop.dayOfWeek': I('Weekday DST ends (1 = Sunday ... 7 = Saturday)', 1, 7, '1'),
  'tcpIpApp.sntp.daylightSavings.stop.dayOfWeek.lastInMonth': B('DST ends on the last such weekday of the month', '0'),
  'tcpIpApp.keepalive.tcp.idleTransmitInterval': I('Seconds of idle TCP before the first keep-alive is sent', 10, 7200, '30'),
  'tcpIpApp.keepalive.tcp.noResponseTransmitInterval': I('Seconds between keep-alives while the server does not answer', 5, 120, '20'),
  'tcpIpApp.keepalive.tcp.sip.tls.enable': B('Send TCP keep-alives on SIP connections that use TLS', '0'),
  'lcl.ml.lang': S('Display language (e.g. English_United_States, Francais_France)'),
  'lcl.datetime.date.format': S('Date display format string (e.g. D,dM)'),
  'lcl.datetime.time.24HourClock': B('Show time in 24-hour format', '0'),
  // --- provisioning
  'prov.polling.enabled': B('Periodically poll the provisioning server for new files', '0'),
  'prov.polling.mode': E(
    'Polling schedule',
    [
      ['abs', 'Every day at prov.polling.time'],
      ['rel', 'Every prov.polling.period seconds'],
      ['random', 'At a random time between polling.time and polling.timeRandomEnd'],
    ],
    'abs',
  ),
  'prov.polling.period': I('Polling interval in seconds (rel mode; rounded up to days in other modes)', null, null, '86400'),
  'prov.polling.time': S('Time of day to poll, HH:MM', '03:00'),
  'prov.polling.timeRandomEnd': S('End of the random polling window, HH:MM'),
  'prov.fileSystem.rfs0.minFreeSpace': I('Minimum free flash space in KB kept by the provisioning file system'),
  'prov.quickSetup.enabled': B('Show the quick-setup soft key for provisioning server entry', '0'),
  'device.set': B('Apply the device.* parameters whose .set flag is 1', '0'),
  'device.prov.serverName': S('Provisioning server address (host, host/path or URL)'),
  'device.prov.serverType': E(
    'Protocol used to reach the provisioning server',
    [
      ['0', 'FTP'],
      ['1', 'TFTP'],
      ['2', 'HTTP'],
      ['3', 'HTTPS'],
      ['4', 'FTPS'],
    ],
    '0',
  ),
  'device.prov.user': S('User name for the provisioning server'),
  'device.prov.password': T('password', 'Password for the provisioning server'),
  'device.prov.upgradeServer': T('url', 'Server or URL the phone uses for software upgrades'),
  'device.prov.tagSerialNo': B('Add the phone serial number to provisioning requests', '0'),
  'device.prov.redunAttemptLimit': I('Attempts per provisioning server before giving up', 1, 10, '3'),
  'device.prov.redunInterAttemptDelay': I('Seconds to wait between provisioning attempts', 0, 300, '1'),
  'device.prov.abortSWUpgradeAfterFailures': B('Stop retrying a software upgrade after repeated failures', '0'),
  'device.prov.ztpEnabled': B('Use Poly zero-touch provisioning (ZTP) when no server is configured', '1'),
  'device.dhcp.bootSrvUseOpt': I(
    'Which DHCP option supplies the boot server (0 default/66, 1 custom, 2 static, 3 custom then 66)',
    0,
    3,
    '0',
  ),
  'device.dhcp.bootSrvOpt': I('Custom DHCP option number carrying the boot server', 128, 254),
  'device.dhcp.dhcpVlanDiscUseOpt': I('VLAN discovery through DHCP (0 off, 1 fixed option 128-131, 2 custom option)', 0, 2, '1'),
  'device.auth.localAdminPassword': T('password', 'Administrator password for the phone menu and web UI'),
  'device.auth.localUserPassword': T('password', 'User password for the phone menu and web UI'),
  'device.syslog.serverName': T('host', 'Syslog server'),
  'device.syslog.transport': E(
    'Transport for syslog messages',
    [
      ['0', 'None'],
      ['1', 'UDP'],
      ['2', 'TCP'],
      ['3', 'TLS'],
    ],
    '1',
  ),
  'device.syslog.renderLevel': I('Lowest severity sent to syslog (0 most verbose ... 6 critical only)', 0, 6, '4'),
  'device.syslog.facility': I('Syslog facility number', 0, 23, '16'),
  'device.syslog.prependMac': B('Prefix every syslog message with the phone MAC address', '0'),
  'device.dns.serverAddress': T('ip', 'Primary DNS server (when not given by DHCP)'),
  'device.dns.altSrvAddress': T('ip', 'Secondary DNS server'),
  'device.dns.domain': S('DNS domain of the phone'),
  'device.net.cdpEnabled': B('Use Cisco Discovery Protocol to learn the voice VLAN', '1'),
  'device.net.lldpEnabled': B('Use LLDP-MED to learn the voice VLAN', '1'),
  'device.net.vlanId': I('Static voice VLAN ID (empty = none)', 0, 4094),
  'device.sntp.serverName': T('host', 'NTP server stored in device settings'),
  'device.sntp.gmtOffset': I('UTC offset in seconds stored in device settings', -43200, 50400),
  'device.sec.TLS.prov.strictCertCommonNameValidation': B('Check the provisioning server certificate name against the host', '1'),
  'device.sec.TLS.customCaCert1': S('PEM text of a custom CA certificate stored in device settings'),
  'device.sec.TLS.profile.cipherSuite1': S('OpenSSL cipher list for TLS profile 1'),
  'device.sec.TLS.profile.cipherSuiteDefault1': B('Use the built-in cipher list for TLS profile 1', '1'),
  'device.baseProfile': S('Base profile of the phone (e.g. Generic, Lync, SkypeForBusiness)', 'Generic'),
  'sec.TLS.customCaCert.{caCert}': S('PEM text of a custom CA certificate the phone trusts'),
  'sec.TLS.SIP.strictCertCommonNameValidation': B('Check the SIP server certificate name against the host', '1'),
  'sec.srtp.enable': B('Accept SRTP offers', '1'),
  'sec.srtp.offer': B('Offer SRTP in outgoing calls', '0'),
  'sec.srtp.require': B('Require SRTP; reject calls without it', '0'),
  'apps.push.username': S('User name required for push requests to the phone'),
  'apps.push.password': T('password', 'Password required for push requests to the phone'),
  'apps.push.messageType': I('Which push message types are accepted (0 none, up to 5 all)', 0, 5, '0'),
  'apps.push.serverRootURL': T('url', 'Root URL relative push URIs are resolved against'),
  // --- calls / features
  'call.callWaiting.enable': B('Allow a second incoming call during a call', '1'),
  'call.callWaiting.ring': E(
    'How a waiting call is announced',
    [
      ['beep', 'Beep'],
      ['ring', 'Ring'],
      ['silent', 'No sound'],
    ],
    'beep',
  ),
  'call.callsPerLineKey': I('Default number of concurrent calls per line key', 1, 24),
  'call.defaultTransferType': E(
    'Transfer performed by the Transfer key',
    [
      ['Consultative', 'Talk to the target first'],
      ['Blind', 'Transfer without consulting'],
    ],
    'Consultative',
  ),
  'call.directedCallPickupString': S('Prefix dialled for directed call pickup', '*97'),
  'call.autoAnswer.SIP': B('Answer incoming calls automatically', '0'),
  'dialplan.digitmap': S('Digit map deciding when dialled digits are complete (patterns separated by |)'),
  'dialplan.digitmap.timeOut': T('list', 'Seconds to wait after each digit-map timer (T), one value per pattern', undefined),
  'dialplan.impossibleMatchHandling': I(
    'What happens when digits cannot match the digit map (0 send, 1 reorder tone, 2 send anyway, 3 wait)',
    0,
    3,
    '0',
  ),
  'dialplan.routing.server.{routeServer}.address': T('host', 'Server used by the dial plan routing rules'),
  'dialplan.routing.server.{routeServer}.port': T('port', 'Port of the dial plan routing server'),
  'dialplan.routing.emergency.{emergency}.value': T('list', 'Emergency numbers (comma separated)'),
  'dialplan.routing.emergency.{emergency}.server.{routeServer}': I('Routing server index used for this emergency entry'),
  'up.oneTouchVoiceMail': B('Messages key dials voicemail directly, skipping the summary screen', '0'),
  'up.headsetMode': B('Keep the headset selected as the default audio path', '0'),
  'up.handsfreeMode': B('Allow hands-free (speakerphone) use', '1'),
  'up.analogHeadsetOption': I('Electronic hook switch mode for analog headsets (0 none, others vendor-specific)', 0, 3, '0'),
  'up.warningLevel': I('Which warnings are shown on the phone (0 all ... 2 critical only)', 0, 2),
  'up.OffHookLineView.enabled': B('Show the line view when going off-hook', '0'),
  'up.Pagination.enabled': B('Split line keys across pages', '0'),
  'up.backlight.idleIntensity': I('Backlight intensity while idle (0 off ... 3 high)', 0, 3),
  'up.backlight.onIntensity': I('Backlight intensity while in use (0 off ... 3 high)', 0, 3),
  'nat.ip': T('ip', 'Public IP address advertised in SIP/SDP when behind NAT'),
  'nat.keepalive.interval': I('Seconds between NAT keep-alive packets (0 = off)', 0, 3600, '0'),
  'nat.signalPort': T('port', 'Public SIP port advertised when behind NAT'),
  'nat.mediaPortStart': T('port', 'First public RTP port advertised when behind NAT'),
  'voice.volume.persist.handset': B('Remember the handset volume between calls', '0'),
  'voice.volume.persist.handsfree': B('Remember the speakerphone volume between calls', '0'),
  'voice.volume.persist.headset': B('Remember the headset volume between calls', '0'),
  'voice.volume.persist.bluetooth.headset': B('Remember the Bluetooth headset volume between calls', '0'),
  'voice.volume.persist.usb.handsfree': B('Remember the USB speaker volume between calls', '0'),
  'voice.volume.persist.usbHeadset': B('Remember the USB headset volume between calls', '0'),
  'voice.aec.hf.enable': B('Acoustic echo cancellation on the speakerphone', '1'),
  'voice.aec.hs.enable': B('Acoustic echo cancellation on the handset', '0'),
  'tone.dtmf.viaRtp': B('Send DTMF in the RTP stream (in-band or RFC 2833)', '1'),
  'tone.dtmf.rfc2833Control': B('Send DTMF as RFC 2833 telephone events', '1'),
  'tone.dtmf.rfc2833Payload': I('RTP payload type for RFC 2833 events', 96, 127, '127'),
  'qos.ip.rtp.dscp': S('DSCP of RTP packets (0-63 or a name such as EF)', '46'),
  'qos.ip.callControl.dscp': S('DSCP of SIP signalling packets (0-63 or a name such as EF)', '46'),
  'powerSaving.enable': B('Dim the display after inactivity', '1'),
  'video.enable': B('Enable video on phones that support it', '1'),
  'video.callMode.default': E(
    'Whether calls start with audio only or with video',
    [
      ['audio', 'Audio only'],
      ['video', 'Audio and video'],
    ],
    'video',
  ),
  'dir.local.readonly': B('Prevent users from editing the local contact directory', '0'),
  'dir.corp.address': T('url', 'Corporate LDAP directory server'),
  'exchange.server.url': T('url', 'Microsoft Exchange server URL for calendar integration'),
  'httpd.cfg.enabled': B('Enable the phone web interface', '1'),
  'httpd.cfg.port': T('port', 'HTTP port of the phone web interface', '80'),
  'httpd.cfg.secureTunnelEnabled': B('Serve the web interface over HTTPS', '1'),
  'mb.main.home': T('url', 'Home page of the microbrowser'),
  'msg.bypassInstantMessage': B('Skip the instant-message menu when pressing Messages', '0'),
  'ptt.pageMode.enable': B('Enable group paging', '0'),
  'ptt.pageMode.displayName': S('Name shown to others when this phone pages'),
  'ptt.pageMode.group.{pageGroup}.label': S('Name of a paging group'),
  'ptt.pageMode.group.{pageGroup}.subscribed': B('Listen to pages sent to this group', '0'),
  'ptt.address': T('ip', 'Multicast address used for paging / push-to-talk', '224.0.1.116'),
  'se.rt.custom{customRing}.type': E('Answer behaviour of this custom ring class', RING_TYPES, 'ring'),
  'se.rt.custom{customRing}.ringer': E(
    'Ringtone of this custom ring class',
    RINGERS.map((r) => [r, r === 'default' ? 'Default ringtone' : `Ringtone ${r.slice(6)}`]),
    'ringer2',
  ),
  'se.rt.custom{customRing}.name': S('Name of this custom ring class shown on the phone'),
  'se.rt.custom{customRing}.callWait': E(
    'Call-waiting tone of this ring class',
    [
      ['callWaiting', 'Normal call waiting'],
      ['callWaitingLong', 'Long call waiting'],
      ['precedenceCallWaiting', 'Precedence call waiting'],
    ],
    'callWaiting',
  ),
  'se.rt.enabled': B('Enable ring classes', '1'),
  'bg.color.selection': S('Selected background as "type,index" (e.g. 2,1 for bitmap 1)'),
  'bg.color.bm.{bgImage}.name': S('File name or URL of a background bitmap'),
  'bg.background.enabled': B('Show a background image', '1'),
  'homeScreen.doNotDisturb.enable': B('Show the Do Not Disturb icon on the home screen', '1'),
  'homeScreen.forward.enable': B('Show the Forward icon on the home screen', '1'),
  'homeScreen.directories.enable': B('Show the Directories icon on the home screen', '1'),
  'homeScreen.intercom.enable': B('Show the Intercom icon on the home screen', '1'),
  'softkey.feature.directories': B('Show the Directories soft key', '1'),
  'softkey.feature.newcall': B('Show the New Call soft key', '1'),
  'softkey.feature.forward': B('Show the Forward soft key', '1'),
  'softkey.feature.doNotDisturb': B('Show the DND soft key', '1'),
  'softkey.feature.basicCallManagement.redundant': B('Show Hold/Transfer/Conference soft keys even when hard keys exist', '1'),
  'diags.pcap.enabled': B('Allow packet capture on the phone', '0'),
  'diags.pcap.remote.enabled': B('Allow remote packet capture', '0'),
  'feature.enhancedFeatureKeys.enabled': B('Enable enhanced feature keys (macros)', '0'),
  'feature.broadsoftUcOne.enabled': B('Enable BroadSoft UC-One integration', '0'),
  'feature.urlDialing.enabled': B('Allow dialling SIP URIs', '1'),
  'feature.callRecording.enabled': B('Enable local call recording to USB', '0'),
  'feature.audioVideoToggle.enabled': B('Allow switching a call between audio and video', '0'),
  'feature.nonVolatileRingerVolume.enabled': B('Keep the ringer volume across reboots', '1'),
  'feature.logUpload.enabled': B('Upload phone logs to the provisioning server', '1'),
  'feature.bluetooth.radioOn': B('Turn on the Bluetooth radio', '0'),
  'feature.presence.enabled': B('Enable presence and buddy list', '0'),
  'feature.directedCallPickup.enabled': B('Enable directed call pickup', '0'),
  'feature.callPark.enabled': B('Enable call park and retrieve', '0'),
  'feature.intercom.enable': B('Enable intercom calls', '0'),
  'feature.corporateDirectory.enabled': B('Enable the corporate (LDAP) directory', '0'),
};

// Long tail: word-based rules.
function ruleFor(key) {
  const last = key.split('.').pop();
  const nice = key.replace(/\{(\w+)\}/g, 'N');
  if (key.startsWith('device.') && last === 'set') {
    const base = key.slice(0, -4);
    return B(`Apply ${base} from this file (1) or leave the device setting alone (0)`, '0');
  }
  if (/^(enable|enabled)$/.test(last) || /Enabled?$/.test(last)) return B(`Turn ${nice.replace(/\.(enable|enabled)$/, '')} on or off`);
  if (/password/i.test(last)) return T('password', `Password for ${nice.replace(/\.password$/i, '')}`);
  return S(`Value of ${nice}`);
}

function convert(observed) {
  for (const [re, names] of indexRules) {
    if (re.test(observed)) {
      let i = 0;
      return observed.replace(/\{n\}/g, () => `{${names[Math.min(i++, names.length - 1)]}}`);
    }
  }
  return observed;
}

const typos = new Set();
if (existsSync(typoFile)) {
  for (const line of readFileSync(typoFile, 'utf8').split('\n')) if (line.trim()) typos.add(line.split('\t')[0]);
}
const rows = readFileSync(tsv, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'));
const keys = new Map();
for (const [k, uses] of rows) {
  if (Number(uses) < 2 || typos.has(k)) continue;
  // se.rt.customN literal names fold into one pattern.
  let pattern = convert(k).replace(/^se\.rt\.custom\d+\./, 'se.rt.custom{customRing}.');
  if (pattern.includes('{n}')) throw new Error(`no index rule for ${k}`);
  if (!keys.has(pattern)) keys.set(pattern, curated[pattern] ?? ruleFor(pattern));
}
for (const [pattern, def] of Object.entries(curated)) if (!keys.has(pattern)) keys.set(pattern, def);

const out = {
  vendor: 'poly',
  bool: { true: ['1'], false: ['0'] },
  indices,
  keys: [...keys.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, def]) => ({ key, ...def })),
};
writeFileSync(outFile, JSON.stringify(out, null, 2) + '\n');
console.log(`poly: ${out.keys.length} keys, ${Object.keys(indices).length} indices -> ${outFile}`);
