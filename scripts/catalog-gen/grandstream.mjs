#!/usr/bin/env node
// One-off generator of the Grandstream key catalog:
//   node scripts/catalog-gen/grandstream.mjs
// Reads ../shared/data/observed-keys/grandstream_keys.tsv, applies the hand-curated tables below
// (P-values with their config-version-2 alias names, types, ranges, enums, defaults) plus
// word-based rules for the long tail, and writes server/src/core/catalog/data/grandstream.json.
//
// Sources checked while curating (descriptions are our own words): the public GXP21xx and GRP261x
// configuration templates shipped with FusionPBX (P-value comments and alias drop-down names),
// Grandstream's provisioning notes summarised in shared/docs/vendors.md.
//
// Value spelling: config version 1 (P-values) uses numbers, so P-value yes/no settings are typed
// as an enum 0/1; config version 2 (<item name="alias">) uses Yes/No words, typed `bool`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const tsvCandidates = [
  path.resolve(root, '..', 'shared/data/observed-keys/grandstream_keys.tsv'),
  path.resolve(root, 'shared/data/observed-keys/grandstream_keys.tsv'),
];
const outFile = path.join(root, 'server/src/core/catalog/data/grandstream.json');
const typoFile = path.join(root, 'test/fixtures/observed-typos/grandstream.txt');

// ---------------------------------------------------------------------------------------------
// Indices
// ---------------------------------------------------------------------------------------------
const INDICES = {
  account: {
    min: 1,
    max: 16,
    description: 'SIP account (line) number',
    maxByModel: {
      GXP1610: 1,
      GXP1615: 1,
      GXP1620: 2,
      GXP1625: 2,
      GXP1628: 2,
      GXP1630: 3,
      GXP2130: 3,
      GXP2135: 8,
      GXP2140: 4,
      GXP2160: 6,
      GXP2170: 12,
      'GRP2612*': 2,
      GRP2613: 3,
      GRP2614: 4,
      GRP2615: 5,
      GRP2616: 6,
      HT801: 1,
      HT802: 2,
      HT812: 2,
      HT814: 4,
      HT818: 8,
      DP750: 10,
      DP752: 10,
      WP810: 2,
      WP820: 2,
    },
  },
  server: { min: 1, max: 2, description: 'SIP server slot (1 primary, 2 secondary)' },
  proxy: { min: 1, max: 2, description: 'Outbound proxy slot (1 primary, 2 backup)' },
  backupIp: { min: 1, max: 2, description: 'Backup IP slot for "Use Configured IP" DNS mode' },
  choice: { min: 1, max: 10, description: 'Preferred vocoder (codec) priority slot' },
  rule: { min: 1, max: 10, description: 'Distinctive ring caller-ID matching rule' },
  ntp: { min: 1, max: 2, description: 'NTP server slot' },
  port: { min: 1, max: 2, description: 'Ethernet port number' },
  octet: { min: 1, max: 4, description: 'Octet of an IPv4 address, most significant first' },
  dns: { min: 1, max: 2, description: 'DNS server slot' },
  listen: { min: 1, max: 10, description: 'Multicast listening address priority' },
  mpk: { min: 1, max: 48, description: 'Multi-purpose key (MPK) number' },
  vpk: { min: 1, max: 48, description: 'Virtual multi-purpose key (VPK / line key) number' },
  ext: { min: 1, max: 160, description: 'Extension-module key number (all modules counted together)' },
  softkey: { min: 1, max: 10, description: 'Programmable soft key number' },
  heldServer: { min: 1, max: 2, description: 'HELD location server slot' },
  identity: { min: 1, max: 5, description: 'HELD identity entry' },
  service: { min: 1, max: 10, description: 'External service (door system) entry' },
  book: { min: 1, max: 5, description: 'Remote phonebook entry' },
  cert: { min: 1, max: 10, description: 'Trusted CA certificate slot' },
  ap: { min: 1, max: 10, description: 'Saved Wi-Fi network entry' },
  legacyMpk: { min: 1, max: 7, description: 'Legacy multi-purpose key number (GXP21xx P-value block P301-P329)' },
};

// Named normalisation of observed `{n}` per key shape (first match wins; remaining {n} get
// names in order from the list).
const INDEX_RULES = [
  [/^account\.\{n\}\.sip\.server\.\{n\}/, ['account', 'server']],
  [/^account\.\{n\}\.sip\.outboundProxy\.\{n\}/, ['account', 'proxy']],
  [/^account\.\{n\}\.network\.backupIp\.\{n\}/, ['account', 'backupIp']],
  [/^account\.\{n\}\.codec\.choice\.\{n\}/, ['account', 'choice']],
  [/^account\.\{n\}\.ring\.match\.\{n\}/, ['account', 'rule']],
  [/^account\.\{n\}/, ['account']],
  [/^dateTime\.ntp\.server\.\{n\}/, ['ntp']],
  [/^network\.port\.eth\.\{n\}\.(address|mask|gateway)\.\{n\}/, ['port', 'octet']],
  [/^network\.port\.eth\.\{n\}/, ['port']],
  [/^network\.dns\.\{n\}\.ip\.\{n\}/, ['dns', 'octet']],
  [/^network\.dns\.\{n\}/, ['dns']],
  [/^network\.dns\.(second\.)?preferred\.ip\.\{n\}/, ['octet']],
  [/^multicast\.listening\.\{n\}/, ['listen']],
  [/^pks\.mpk\.\{n\}/, ['mpk']],
  [/^pks\.vpk\.\{n\}/, ['vpk']],
  [/^pks\.ext\.\{n\}/, ['ext']],
  [/^pks\.(sc)?[sS]oftkey\.\{n\}/, ['softkey']],
  [/^e911\.held\.server\.\{n\}/, ['heldServer']],
  [/^e911\.held\.identity\.\{n\}/, ['identity']],
  [/^externalService\.\{n\}/, ['service']],
  [/^remote\.phonebook\.\{n\}/, ['book']],
  [/^CACertificates\.\{n\}/, ['cert']],
  [/^network\.wifi\.ap\.\{n\}/, ['ap']],
];

// Observed rows whose `{n}` hid digits that belong to the name: the real key.
const REAL_NAMES = {
  'audio.{n}.5mheadsetControl.enable': 'audio.3.5mheadsetControl.enable',
  'audio.{n}.5mmearphone.rxGain': 'audio.3.5mmearphone.rxGain',
  'audio.{n}.5mmearphone.txGain': 'audio.3.5mmearphone.txGain',
  'network.{n}.1x.identity': 'network.802.1x.identity',
  'network.{n}.1x.mode': 'network.802.1x.mode',
  'network.{n}.1x.cert.client': 'network.802.1x.cert.client',
  'network.{n}.1x.cert.root': 'network.802.1x.cert.root',
  'account.{n}.codec.g723.{n}.packingMode': 'account.{account}.codec.g723.32.packingMode',
};

// Observed rows (2+ templates) that are typos / not keys as written.
const TYPOS = [
  ['maintain.syslog.keywrodFiltering', 'transposed letters; the key is maintain.syslog.keywordFiltering'],
  ['network.port.eth.{n}.vlan.priorit', 'truncated; the key is network.port.eth.{port}.vlan.priority'],
];
for (const [obs, real] of Object.entries(REAL_NAMES)) {
  TYPOS.push([obs, `digits of the name were folded into {n}: the real key is ${real}`]);
}

// ---------------------------------------------------------------------------------------------
// Type specs (compact): b = 0/1 No/Yes enum (P-value) | e:0=Label,1=Label | i | i:min-max |
// s | pw | h (host) | ip | p (port) | u (url) | l (comma list). Append ;d=<default>.
// v2 specs (alias form): B (Yes/No bool) | E:Word,Word | I:min-max | same letters as above.
// ---------------------------------------------------------------------------------------------
const CODECS = 'e:0=PCMU (G.711u),2=G.726-32,4=G.723.1,8=PCMA (G.711a),9=G.722,18=G.729A/B,98=iLBC,123=Opus';
const V2CODECS = 'E:PCMU,PCMA,G.726-32,G.723.1,G.722,G.729A/B,iLBC,OPUS';
const RINGTONE = 'e:0=System ringtone,1=Custom ringtone 1,2=Custom ringtone 2,3=Custom ringtone 3,4=Silent,5=Default ringtone';
const DRING = 'e:-1=No ringtone,0=System ringtone,1=Custom ringtone 1,2=Custom ringtone 2,3=Custom ringtone 3,4=Silent,5=Default ringtone';

// Per-account settings: acct1 P | acct2 P (legacy 4xx block, else '-') | alias suffix | spec |
// description | v2 spec (optional).
// Account n P-values: legacy block acct2+100*(n-2) for n=2..4, acct2+1300 / +1400 for 5 / 6;
// P23xx, P26xxx and P29xxx blocks: acct1+100*(n-1) for n=1..6.
const ACCOUNT = `
271|401|enable|b;d=1|Turns the SIP account on or off|B
270|417|name|s|Label of the account shown on the phone screen|s
47|402|sip.server.1.address|h|Primary SIP server (registrar) host, optionally host:port|h
2312|-|sip.server.2.address|h|Secondary SIP server used when the primary fails|h
48|403|sip.outboundProxy.1.address|h|Outbound proxy all SIP requests are sent through|h
2333|-|sip.outboundProxy.2.address|h|Backup outbound proxy|h
2375|-|sip.blf.server|h|Server used for BLF subscriptions when it differs from the registrar|h
35|404|sip.userid|s|SIP user ID (user part of the account's SIP URI, usually the extension)|s
36|405|sip.subscriber.userid|s|Authentication ID for digest authentication (falls back to the user ID when empty)|s
34|406|sip.subscriber.password|pw|Password for SIP digest authentication|pw
3|407|sip.subscriber.name|s|Display name sent as caller ID|s
33|426|sip.voicemail.number|s|Number dialled to reach voicemail|s
2380|-|sip.accountDisplay|e:0=User name,1=User ID;d=0|What the account line shows: the display name or the user ID|s
103|408|network.dnsMode|e:0=A record,1=SRV,2=NAPTR/SRV,3=Use configured IP;d=0|How the SIP server name is resolved|E:ARecord,SRV,NaptrOrSrv,UseConfiguredIP
26040|-|network.dnsSRVFailoverMode|e:0=Default,1=Keep the used server until DNS TTL,2=Keep the used server until it stops responding;d=0|Which DNS SRV target to stay on after a failover|E:Default,SavedOneUntilDNSTTL,SavedOneUntilNoResponse
2308|-|network.primaryIp|ip|Primary server IP when DNS mode is "use configured IP"|ip
2309|-|network.backupIp.1|ip|First backup server IP for the "use configured IP" DNS mode|ip
2310|-|network.backupIp.2|ip|Second backup server IP for the "use configured IP" DNS mode|ip
52|414|network.natTraversal|e:0=No,1=STUN,2=Keep-alive,3=UPnP,4=Auto,5=VPN;d=0|NAT traversal method for this account|E:No,STUN,KeepAlive,UPnP,Auto,VPN
197|418|network.proxyRequire|s|Value of a Proxy-Require header added to requests|s
26090|-|network.sbc.enable|b;d=0|Tell the phone the server is a session border controller|B
63|409|sip.telUri|e:0=Disabled,1=user=phone,2=Enabled;d=0|Whether dialled numbers are sent as tel URIs or with user=phone|E:Disabled,UserIsPhone,Enabled
31|410|sip.registration|b;d=1|Send REGISTER for this account|B
81|411|sip.unregisterOnReboot|e:0=No,1=Yes (all contacts),2=Instance only;d=0|Unregister existing bindings when the phone boots|E:No,Yes,Instance
32|412|sip.registerExpiration|i:1-64800;d=60|Registration lifetime requested, in minutes|I:0-64800
26051|-|sip.subscribe.expiration|i:1-64800;d=60|Subscription lifetime requested, in minutes|I:0-64800
2330|-|sip.registerBeforeExpiration|i:0-64800;d=0|Seconds before expiry at which the phone re-registers (0 = automatic)|I:0-64800
2397|-|sip.keepAlive.enable|b;d=0|Send SIP OPTIONS keep-alives to the server|B
2398|-|sip.keepAlive.interval|i;d=30|Seconds between OPTIONS keep-alives|i
2399|-|sip.keepAlive.maxLost|i;d=3|Unanswered OPTIONS keep-alives before the phone re-registers|i
40|413|sip.localPort|p;d=5060|Local UDP/TCP port the account listens on|p
138|471|sip.registrationFailureRetryWaitTime|i:1-3600;d=20|Seconds to wait before retrying a failed registration|i
209|440|sip.timer.t1|e:50=0.5 s,100=1 s,200=2 s;d=50|SIP T1 timer (round-trip estimate)|E:0.5sec,1sec,2sec
250|441|sip.timer.t2|e:200=2 s,400=4 s,800=8 s;d=400|SIP T2 timer (maximum retransmission interval)|E:2sec,4sec,8sec
26092|-|sip.failover.switchOnNoResponse|b;d=0|Move to the backup server when the primary does not answer|B
130|448|sip.transport|e:0=UDP,1=TCP,2=TLS/TCP;d=0|Transport used for SIP signalling|E:UDP,TCP,TlsOrTcp
26024|-|sip.listeningMode|e:0=Transport only,1=Dual,2=Dual (BLF enforced),3=Dual (secured);d=0|Which transports the account listens on for incoming SIP|E:TransportOnly,Dual,Dual_BLF_Enforced,Dual_Secured
2329|-|sip.uriSchemeWhenUsingTls|e:0=sip,1=sips;d=1|URI scheme used when the transport is TLS|E:sip,sips
2331|-|sip.useActualEphemeralPortInContactWithTcpTls|b;d=0|Put the real ephemeral TCP/TLS port in the Contact header|B
2305|-|sip.outboundProxy.mode|e:0=In route,1=Not in route,2=Always send to;d=0|How the outbound proxy appears in the route set|E:InRoute,NotInRoute,AlwaysSentTo
288|489|sip.supportInstanceId|b;d=1|Add a +sip.instance parameter to REGISTER|B
99|415|sip.subscribe.forMwi|b;d=0|Subscribe to message-waiting notifications|B
2319|-|sip.subscribe.forRegistration|b;d=0|Subscribe to the registration event package|B
272|435|sip.header.100rel|b;d=0|Support reliable provisional responses (PRACK)|B
26025|-|sip.calleeIdDisplay|e:0=Auto,1=Disabled,2=From header;d=0|Source of the callee identity shown on outgoing calls|E:Auto,Disabled,Header
2324|-|sip.callerIdDisplay|e:0=Auto,1=Disabled,2=From header;d=0|Source of the caller identity shown on incoming calls|E:Auto,Disabled,Header
2359|-|sip.header.authOnInitialRegister|b;d=0|Include an Authorization header in the very first REGISTER|B
26015|-|sip.allowSipReset|b;d=0|Let a SIP NOTIFY with event "reset" factory-reset the phone|B
26018|-|ring.ignoreSipAlertInfo|b;d=0|Ignore the Alert-Info header when choosing the ring tone|B
2338|-|sip.header.privacy|e:0=Default,1=No,2=Yes;d=0|Add a Privacy header|E:Default,Yes,No
2339|-|sip.header.ppi|e:0=Default,1=No,2=Yes;d=0|Add a P-Preferred-Identity header|E:Default,Yes,No
26054|-|sip.header.xGrandstream|b;d=1|Add the X-Grandstream-PBX header|B
26058|-|sip.header.pani|b;d=1|Add the P-Access-Network-Info header|B
26059|-|sip.header.pei|b;d=1|Add the P-Emergency-Info header|B
26061|-|sip.header.macHeader|e:0=No,1=Yes except REGISTER,2=Yes to all SIP;d=0|Add the phone's MAC address in a SIP header|E:No,RegisterOnly,YesToAllSIP
2313|-|sip.lineSeizeTimeout|i:15-60;d=15|Seconds a shared line stays seized while dialling|I:15-60
134|444|sip.blf.eventlist.uri|s|URI of the server-side BLF resource list|s
2389|-|sip.blf.eventlist.autoProvision|b;d=0|Create BLF keys automatically from the eventlist|E:Disabled,BLFEventList,PresenceEventlist
2318|-|sip.conferenceUri|s|URI of a network conference bridge|s
2350|-|sip.musicOnHoldUri|s|URI of a music-on-hold server|s
1347|481|sip.blf.callPickup.prefix|s;d=**|Prefix dialled to pick up a call on a BLF key|s
26046|-|sip.callPickupBargeinCode|s|Feature code used to barge into a picked-up call|s
188|488|sip.publishForPresence|b;d=0|Publish presence state with PUBLISH|B
2355|-|sip.omitCharsetUtf8InMessage|b;d=0|Leave charset=UTF-8 out of SIP MESSAGE content types|B
26023|-|sip.allowUnsolicitedRefer|e:0=Disabled,1=Enabled,2=Enabled with forced authentication;d=0|Accept REFER requests outside a dialog|E:Disabled,Enabled,EnabledOrForceAuth
198|424|sip.specialFeature|e:100=Standard,101=Nortel MCS,102=BroadSoft,108=CBCOM,109=RNK,110=Sylantro,117=Huawei IMS,119=PhonePower,120=UCM Call Center;d=100|Server-specific behaviour profile|E:Standard,NortelMCS,Broadsoft,CBCOM,RNK,Sylantro,HuawaiIMS,Phonepower,UCMCallCenter
2341|-|broadsoft.callCenter|b;d=0|Enable BroadSoft call-center features|B
2342|-|broadsoft.hoteling|b;d=0|Subscribe to the BroadSoft hoteling event|B
2343|-|broadsoft.callCenterStatus|b;d=0|Subscribe to the BroadSoft call-center status|B
2364|-|broadsoft.executiveAssistant|b;d=0|Enable BroadSoft executive/assistant features|B
2325|-|sip.syncFeatureKey|b;d=0|Synchronise DND and call forward with the server (feature key sync)|B
2388|-|broadsoft.callPark|b;d=0|Enable BroadSoft call park notifications|B
2395|-|sip.sessionTimer.enable|b;d=1|Use SIP session timers (RFC 4028)|B
260|434|sip.sessionTimer.expiration|i:90-64800;d=180|Session expiration in seconds|i
261|427|sip.minimumSE|i:90-64800;d=90|Minimum session expiration (Min-SE) in seconds|i
262|428|sip.sessionTimer.requestTimer.caller|b;d=0|Ask for a session timer when placing calls|B
263|429|sip.sessionTimer.requestTimer.callee|b;d=0|Ask for a session timer when answering calls|B
264|430|sip.sessionTimer.force|b;d=0|Keep a session timer even when the far end does not support it|B
266|-|sip.sessionTimer.refresher.uacSpecify|e:0=Omit,1=UAC,2=UAS;d=0|Refresher requested when the phone places the call|E:Omit,UAC,UAS
267|-|sip.sessionTimer.refresher.uasSpecify|e:1=UAC,2=UAS;d=1|Refresher chosen when the phone answers the call|e:1=UAC,2=UAS
265|-|sip.sessionTimer.forceInvite|b;d=0|Refresh sessions with re-INVITE rather than UPDATE|B
2311|-|sip.validate.domainCertificates|b;d=0|Check the server's TLS certificate against its domain (RFC 5922)|B
2367|-|sip.validate.certificationChain|b;d=0|Validate the server's TLS certificate chain|B
2306|-|sip.validate.incomingMessage|b;d=0|Check incoming SIP messages for consistency|B
258|-|sip.validate.userIdforInvite|b;d=0|Reject incoming INVITEs not addressed to this account's user ID|B
2347|-|sip.validate.incomingServer|b;d=0|Accept incoming SIP only from the configured server/proxy|B
2346|-|sip.authenticateIncomingInvite|b;d=0|Challenge incoming INVITEs with digest authentication|B
57|451|codec.choice.1|${CODECS};d=0|Codec in preference slot 1|${V2CODECS}
58|452|codec.choice.2|${CODECS};d=8|Codec in preference slot 2|${V2CODECS}
59|453|codec.choice.3|${CODECS};d=4|Codec in preference slot 3|${V2CODECS}
60|454|codec.choice.4|${CODECS};d=18|Codec in preference slot 4|${V2CODECS}
61|455|codec.choice.5|${CODECS};d=9|Codec in preference slot 5|${V2CODECS}
62|456|codec.choice.6|${CODECS};d=98|Codec in preference slot 6|${V2CODECS}
46|457|codec.choice.7|${CODECS};d=2|Codec in preference slot 7|${V2CODECS}
98|458|codec.choice.8|${CODECS};d=123|Codec in preference slot 8|${V2CODECS}
2348|-|codec.useFirstMatch|b;d=0|Answer with only the first matching codec in the 200 OK SDP|B
29061|-|codec.negotiatePriority|e:0=Caller,1=Callee;d=1|Whose codec order wins during negotiation|E:Caller,Callee
26047|-|codec.hideLabel|b;d=0|Hide the codec name on the call screen|B
137|-|audio.multipleMLineInSDP|b;d=0|Send only one m= line in SDP (disable multiple m lines)|B
183|443|audio.srtpMode|e:0=Disabled,1=Enabled but not forced,2=Enabled and forced,3=Optional;d=0|SRTP media encryption mode|E:Disabled,EnabledButNotForced,EnabledAndForced,Optional
2383|-|audio.srtpKeyLength|e:0=AES 128 and 256 bit,1=AES 128 bit,2=AES 256 bit;d=0|SRTP key lengths offered|E:AES128And256Bit,AES128Bit,AES256Bit
2363|-|audio.cryptoLifeTime|b;d=0|Add the lifetime parameter to SRTP crypto attributes|B
291|460|audio.symmetricRTP|b;d=0|Send RTP to the address/port media arrives from|B
50|485|audio.silenceSuppression|b;d=0|Voice activity detection / silence suppression|B
133|498|audio.jitterBufferType|e:0=Fixed,1=Adaptive;d=1|Jitter buffer behaviour|E:Fixed,Adaptive
132|497|audio.jitterBufferLength|e:0=100 ms,1=200 ms,2=300 ms,3=400 ms,4=500 ms,5=600 ms,6=700 ms,7=800 ms;d=2|Jitter buffer size|E:100ms,200ms,300ms,400ms,500ms,600ms,700ms,800ms
37|486|audio.voiceFramePerTX|i:1-64;d=2|Voice frames packed into each RTP packet|I:1-64
49|493|codec.g723rate|e:0=6.3 kbps,1=5.3 kbps;d=1|G.723.1 encoding rate|E:6.3kbpsEncodingRate,5.3kbpsEncodingRate
2323|-|codec.g723.32.packingMode|e:0=ITU,1=IETF;d=0|G.726-32 payload packing order|E:ITU,IETF
97|495|codec.iLBC.frameSize|e:0=20 ms,1=30 ms;d=1|iLBC frame length|E:20ms,30ms
96|494|codec.payloadType.ilbc|i:96-127;d=97|RTP payload type used for iLBC|I:96-127
2385|-|codec.payloadType.opus|i:96-127;d=123|RTP payload type used for Opus|I:96-127
79|496|codec.payloadType.dtmf|i:96-127;d=101|RTP payload type for RFC 2833 telephone events|I:96-127
2301|-|dtmf.sendInAudio|b;d=0|Send DTMF as in-band audio tones|B
2302|-|dtmf.sendInRtp|b;d=1|Send DTMF as RTP telephone events (RFC 2833)|B
2303|-|dtmf.sendInSip|b;d=0|Send DTMF in SIP INFO requests|B
26060|-|dtmf.delay|i:100-250;d=250|Delay between DTMF digits in milliseconds|I:100-250
29|422|call.earlyDial|b;d=0|Send each digit as dialled (needs a proxy that answers 484)|B
66|419|call.dialplanPrefix|s|Prefix added to every dialled number|s
290|459|call.dialplan|s|Dial plan rules (Grandstream brace syntax with x digits and + repeats)|s
2382|-|call.dialplanBypass|l|Sources whose numbers skip the dial plan (contact, incoming, outgoing, dialing, mpk, api)|l
182|442|call.callLog|e:0=Log all calls,1=Incoming/outgoing only,2=Disabled;d=0|Which calls are written to the call log|E:All,IncomingAndOutgoing,Disable
65|421|call.sendAnonymous|b;d=0|Hide caller ID on outgoing calls|B
129|446|call.rejectAnonymousCall|b;d=0|Reject incoming calls without caller ID|B
90|425|call.autoAnswer|b;d=0|Answer incoming calls automatically|B
135|469|call.referToUseTargetContact|b;d=0|Use the target's Contact in the Refer-To of attended transfers|B
2304|-|call.transferOnConferenceHangup|b;d=0|Join the other parties when the conference host hangs up|B
2384|-|call.recoveryOnBlindTransfer|b;d=0|Turn off call recovery after a failed blind transfer (the v2 alias inverts this Yes/No)|s
26070|-|call.blindTransferTimeout|i:30-300;d=30|Seconds to wait for a blind transfer result|I:30-300
85|-|call.noKeyEntryTimeout|i:1-15;d=4|Seconds after the last digit before the number is sent|I:1-15
72|-|call.keyAsSend|e:0=Disabled,1=Pound (#),2=Star (*);d=1|Key that sends the dialled number immediately|E:Disabled,Pound,Star
26006|-|call.onHoldReminderTone|b;d=0|Play a reminder tone while a call is on hold|B
26062|-|call.rfc2543Hold.enable|b;d=1|Hold with a 0.0.0.0 connection address (RFC 2543 style)|B
26049|-|call.hidePassword.prefix|s|Prefix after which dialled digits are masked|s
26050|-|call.hidePassword.length|i;d=0|Number of digits masked after the prefix|i
26063|-|call.callWaiting|e:0=Default,1=No,2=Yes;d=0|Per-account override of call waiting|E:Default,Yes,No
104|423|ring.ringtone|${RINGTONE};d=0|Ring tone used for this account|s
1328|-|ring.timeout|i:10-3600;d=60|Seconds an unanswered call rings|i
298|438|intercom.allowAutoAnswer|b;d=0|Auto-answer calls flagged by Call-Info/Alert-Info (intercom/paging)|B
26019|-|intercom.allowBargingByCallInfo|b;d=0|Let a Call-Info/Alert-Info intercom call barge into an active call|B
26071|-|intercom.muteOnAnswerIntercom|b;d=0|Mute the microphone when an intercom call is auto-answered|B
26072|-|intercom.playWarningToneForAutoAnswer|b;d=0|Play a tone before auto-answering an intercom call|B
2356|-|intercom.customCallInfoForAutoAnswer|s|Extra Call-Info value that triggers auto-answer|s
191|420|featureCodes.callFeatures|b;d=1|Handle star codes (DND, forward) locally on the phone|B
2344|-|featureCodes.dndOn|s|Feature code that turns DND on at the server|s
2345|-|featureCodes.dndOff|s|Feature code that turns DND off at the server|s
26013|-|featureCodes.callForwardUnconditionallyOn|s|Feature code enabling unconditional forwarding|s
26014|-|featureCodes.callForwardUnconditionallyOff|s|Feature code disabling unconditional forwarding|s
26009|-|featureCodes.callForwardBusyOn|s|Feature code enabling forward on busy|s
26010|-|featureCodes.callForwardBusyOff|s|Feature code disabling forward on busy|s
26011|-|featureCodes.callForwardDelayedOn|s|Feature code enabling forward on no answer|s
26012|-|featureCodes.callForwardDelayedOff|s|Feature code disabling forward on no answer|s
139|470|featureCodes.delayedCallForwardWaitTime|i:1-120;d=20|Seconds before a no-answer forward happens|I:1-120
`;

// Global settings: P | alias ('-' when unknown) | spec | description | v2 spec (optional).
const GLOBAL = `
2|users.admin.password|pw|Administrator password for the web interface and keypad menu|pw
196|users.user.password|pw|End-user password for the web interface|pw
8|network.port.eth.1.type|e:0=DHCP,1=Static IP,2=PPPoE;d=0|How the phone gets its IPv4 address|E:DHCP,StaticIP,PPPoE
1415|network.internetProtocol|e:0=Both, prefer IPv4,1=Both, prefer IPv6,2=IPv4 only,3=IPv6 only;d=0|IP protocol preference|E:BothAndPreferIPv4,BothAndPreferIPv6,IPv4Only,IPv6Only
146|network.dhcp.hostName|s|Host name sent in DHCP option 12|s
148|network.dhcp.vendorID|s|Vendor class ID sent in DHCP option 60|s
82|network.port.eth.1.pppoe.account|s|PPPoE account name|s
83|network.port.eth.1.pppoe.password|pw|PPPoE password|pw
269|network.pppoe.serviceName|s|PPPoE service name|s
9|network.port.eth.1.address.1|i:0-255|Static IP address, first octet|I:0-255
10|network.port.eth.1.address.2|i:0-255|Static IP address, second octet|I:0-255
11|network.port.eth.1.address.3|i:0-255|Static IP address, third octet|I:0-255
12|network.port.eth.1.address.4|i:0-255|Static IP address, fourth octet|I:0-255
13|network.port.eth.1.mask.1|i:0-255|Subnet mask, first octet|I:0-255
14|network.port.eth.1.mask.2|i:0-255|Subnet mask, second octet|I:0-255
15|network.port.eth.1.mask.3|i:0-255|Subnet mask, third octet|I:0-255
16|network.port.eth.1.mask.4|i:0-255|Subnet mask, fourth octet|I:0-255
17|network.port.eth.1.gateway.1|i:0-255|Default gateway, first octet|I:0-255
18|network.port.eth.1.gateway.2|i:0-255|Default gateway, second octet|I:0-255
19|network.port.eth.1.gateway.3|i:0-255|Default gateway, third octet|I:0-255
20|network.port.eth.1.gateway.4|i:0-255|Default gateway, fourth octet|I:0-255
21|network.dns.1.ip.1|i:0-255|DNS server 1, first octet|I:0-255
22|network.dns.1.ip.2|i:0-255|DNS server 1, second octet|I:0-255
23|network.dns.1.ip.3|i:0-255|DNS server 1, third octet|I:0-255
24|network.dns.1.ip.4|i:0-255|DNS server 1, fourth octet|I:0-255
25|network.dns.2.ip.1|i:0-255|DNS server 2, first octet|I:0-255
26|network.dns.2.ip.2|i:0-255|DNS server 2, second octet|I:0-255
27|network.dns.2.ip.3|i:0-255|DNS server 2, third octet|I:0-255
28|network.dns.2.ip.4|i:0-255|DNS server 2, fourth octet|I:0-255
92|network.dns.preferred.ip.1|i:0-255|Preferred DNS server, first octet|I:0-255
93|network.dns.preferred.ip.2|i:0-255|Preferred DNS server, second octet|I:0-255
94|network.dns.preferred.ip.3|i:0-255|Preferred DNS server, third octet|I:0-255
95|network.dns.preferred.ip.4|i:0-255|Preferred DNS server, fourth octet|I:0-255
1419|network.port.eth.1.ipv6.type|e:0=Auto-configured,1=Statically configured;d=0|How the IPv6 address is obtained|E:AutoConfigured,StaticallyConfigured
1420|network.port.eth.1.ipv6.static.address|ip|Static IPv6 address|ip
1421|network.port.eth.1.ipv6.static.prefixLength|i:0-128|Prefix length of the static IPv6 address|I:0-128
1422|network.port.eth.1.ipv6.static.prefix|s|Static IPv6 prefix (64 bits)|s
1424|network.dns.1.ipv6|ip|IPv6 DNS server 1|ip
1425|network.dns.2.ipv6|ip|IPv6 DNS server 2|ip
1423|network.dns.preferred.ipv6|ip|Preferred IPv6 DNS server|ip
7901|network.802.1x.mode|e:0=Disabled,1=EAP-MD5,2=EAP-TLS,3=EAP-PEAPv0/MSCHAPv2;d=0|802.1X port authentication method|E:Disable,EAP_MD5,EAP_TLS,EAP_PEAPv0OrMSCHAPv2
7902|network.802.1x.identity|s|802.1X identity|s
7903|network.md5Password|pw|802.1X (EAP-MD5) password|pw
8439|network.802.1x.cert.root|s|802.1X CA certificate (PEM text)|s
8440|network.802.1x.cert.client|s|802.1X client certificate (PEM text)|s
1552|network.proxy.http|h|HTTP proxy for the phone's own web requests|h
1553|network.proxy.https|h|HTTPS proxy for the phone's own web requests|h
22011|network.proxy.bypassAddress|l|Hosts reached without the HTTP/HTTPS proxy|l
1558|network.qos.forSip|i:0-63;d=26|DSCP value for SIP packets|I:0-63
1559|network.qos.forRtp|i:0-63;d=46|DSCP value for RTP packets|I:0-63
8300|network.dhcp.enableVlan|b;d=0|Take the voice VLAN from DHCP|B
22174|network.port.eth.1.vlan.enable|b;d=0|Use the manually configured VLAN|B
51|network.port.eth.1.vlan.tag|i:0-4094;d=0|802.1Q VLAN ID of the LAN port (0 = untagged)|I:0-4094
87|network.port.eth.1.vlan.priority|i:0-7;d=0|802.1p priority of the LAN port|I:0-7
1348|network.port.pc.mode|e:0=Enabled,1=Disabled,2=Mirrored;d=0|PC pass-through port mode|s
229|network.port.pc.vlan.tag|i:0-4094;d=0|VLAN ID for traffic of the PC port|I:0-4094
230|network.port.pc.vlan.priority|i:0-7;d=0|802.1p priority for the PC port|I:0-7
22119|network.cdp|b;d=1|Cisco Discovery Protocol|B
1684|network.lldp.enable|b;d=1|LLDP (e.g. for voice VLAN discovery)|B
22122|network.lldp.txInterval|i:1-3600;d=30|Seconds between LLDP announcements|I:1-3600
244|network.mtu|i:576-1500;d=1500|Maximum transmission unit in bytes|I:576-1500
32050|remoteControl.enable|b;d=1|Accept action URI (remote control) requests|B
32051|remoteControl.confirmWindow.enable|b;d=1|Ask on screen before obeying a remote-control request|B
32052|remoteControl.allowList|l|Addresses allowed to send action URI requests|l
32053|remoteControl.csta.enable|b;d=0|CSTA call control|B
8334|affinity.enable|b;d=0|Desktop affinity (PC softphone control) support|B
8335|affinity.preferredAccount|i:0-15;d=0|Account used by affinity (0 = account 1)|i
2910|bluetooth.power|e:0=Off,1=On,2=Off and hidden from the menu;d=1|Bluetooth radio|s
2911|bluetooth.handsfreeMode|b;d=0|Bluetooth hands-free mode|B
8364|bluetooth.name|s|Bluetooth device name|s
7050|network.openvpn.enable|b;d=0|OpenVPN client|B
7051|network.openvpn.server|h|OpenVPN server address|h
7052|network.openvpn.port|p;d=1194|OpenVPN server port|p
2912|network.openvpn.transport|e:0=UDP,1=TCP;d=0|OpenVPN transport|s
9902|network.openvpn.ca|s|OpenVPN CA certificate (PEM text)|s
9903|network.openvpn.cert|s|OpenVPN client certificate (PEM text)|s
9904|network.openvpn.clientKey|pw|OpenVPN client private key (PEM text)|pw
8396|network.openvpn.ciperMethod|e:0=Blowfish,1=AES-128,2=AES-256,3=Triple-DES;d=0|OpenVPN cipher (the vendor spells the key "ciper")|s
8394|network.openvpn.username|s|OpenVPN user name|s
8395|network.openvpn.password|pw|OpenVPN password|pw
8460|network.openvpn.otherOptions|s|Extra OpenVPN options|s
21896|network.snmp.enable|b;d=0|SNMP agent|B
21904|network.snmp.version|e:1=Version 1,2=Version 2c,3=Version 3;d=3|SNMP version|s
21903|network.snmp.port|p;d=161|SNMP agent port|p
21897|network.snmp.trap.ip|h|Destination of SNMP traps|h
21898|network.snmp.trap.port|p;d=162|Destination port of SNMP traps|p
21901|network.snmp.trap.interval|i:1-1440;d=5|Minutes between SNMP traps|I:1-1440
21899|network.snmp.trap.version|e:1=Version 1,2=Version 2c,3=Version 3;d=1|SNMP trap version|s
21902|network.snmp.community|pw|SNMP v1/v2c community string|pw
21900|network.snmp.trap.community|pw|SNMP trap community string|pw
21905|network.snmp.username|s|SNMPv3 user name|s
21910|network.snmp.security.level|e:0=noAuthNoPriv,1=authNoPriv,2=authPriv;d=0|SNMPv3 security level|s
21906|network.snmp.auth.protocol|e:0=None,1=MD5,2=SHA;d=0|SNMPv3 authentication protocol|s
21907|network.snmp.privacy.protocol|e:0=None,1=DES,2=AES;d=0|SNMPv3 privacy protocol|s
21908|network.snmp.auth.key|pw|SNMPv3 authentication key|pw
21909|network.snmp.privacy.key|pw|SNMPv3 privacy key|pw
21911|network.snmp.trap.username|s|SNMPv3 trap user name|s
21916|network.snmp.trap.security.level|e:0=noAuthNoPriv,1=authNoPriv,2=authPriv;d=0|SNMPv3 trap security level|s
21912|network.snmp.trap.auth.protocol|e:0=None,1=MD5,2=SHA;d=0|SNMPv3 trap authentication protocol|s
21913|network.snmp.trap.privacy.protocol|e:0=None,1=DES,2=AES;d=0|SNMPv3 trap privacy protocol|s
21914|network.snmp.trap.auth.key|pw|SNMPv3 trap authentication key|pw
21915|network.snmp.trap.privacy.key|pw|SNMPv3 trap privacy key|pw
238|provisioning.firmware.checkCondition|e:0=Always check for new firmware,1=Check only when the file prefix/suffix changes,2=Always skip the firmware check;d=0|When the phone looks for new firmware during provisioning|s
20713|provisioning.alwaysAuthenticateBeforeChallenge|b;d=0|Send HTTP credentials before the server asks for them|B
145|provisioning.override.dhcp.allowCommonOptions|e:0=No,1=Yes,2=Prefer, fall back to configured server;d=1|Let DHCP options 43/66 override the provisioning server|s
8337|provisioning.override.dhcp.allowCustomOption|e:0=None,1=Option 150,2=Option 160;d=0|Extra DHCP option that may override the provisioning server|s
1411|sip.override.dhcp.allowOption120|b;d=0|Let DHCP option 120 override the SIP server|B
1414|provisioning.3cxAutoProvision|b;d=1|Answer 3CX plug-and-play (SIP multicast) provisioning|B
194|provisioning.auto.mode|e:0=No,1=Every N minutes,2=Daily at an hour,3=Weekly on a day;d=0|Automatic periodic provisioning / upgrade check|s
193|provisioning.auto.minute|i:60-86400;d=10080|Minutes between automatic checks when checking by interval|I:60-86400
285|provisioning.auto.hour|i:0-23;d=1|Hour of day (start of window) for automatic checks|I:0-23
8459|provisioning.auto.endHour|i:-1-23;d=0|Hour of day ending the randomised check window (-1 = none)|I:-1-23
286|provisioning.auto.day|i:0-6;d=1|Day of week for weekly checks (0 = Sunday)|I:0-6
8458|provisioning.auto.randomTime.enable|b;d=0|Randomise the automatic check time within the window|B
4428|sip.notify.challenge|b;d=0|Accept SIP NOTIFY (check-sync/resync/reboot) without authenticating it~~Whether incoming SIP NOTIFY requests (check-sync, resync, reboot) must authenticate; check the polarity on the phone|B
8375|provisioning.firmware.confirm.enable|b;d=1|Ask the user before installing a pushed firmware|B
212|provisioning.config.protocol|e:0=TFTP,1=HTTP,2=HTTPS,3=FTP,4=FTPS;d=1|Protocol used to fetch configuration files|s
237|provisioning.config.serverPath|s|Configuration server as host/path (scheme comes from the protocol setting)|s
1360|provisioning.config.username|s|HTTP(S) user name for the configuration server|s
1361|provisioning.config.password|pw|HTTP(S) password for the configuration server|pw
234|provisioning.config.filePrefix|s|Prefix added to requested configuration file names|s
235|provisioning.config.filePostfix|s|Suffix added to requested configuration file names|s
1359|provisioning.config.filePassword|pw|Password used to decrypt encrypted XML configuration files|pw
240|provisioning.config.authenticateFile|b;d=0|Require configuration files to be authenticated|B
9996|provisioning.userProtect.enable|b;d=0|Keep settings changed by the user from being overwritten by provisioning|B
8467|provisioning.config.processAll.enable|b;d=0|Download and apply every configuration file found, not just the first|B
6767|provisioning.firmware.protocol|e:0=TFTP,1=HTTP,2=HTTPS,3=FTP,4=FTPS;d=1|Protocol used to fetch firmware|s
192|provisioning.firmware.serverPath|s|Firmware server as host/path|s
6768|provisioning.firmware.username|s|HTTP(S) user name for the firmware server|s
6769|provisioning.firmware.password|pw|HTTP(S) password for the firmware server|pw
232|provisioning.firmware.filePrefix|s|Prefix added to the firmware file name|s
233|provisioning.firmware.filePostfix|s|Suffix added to the firmware file name|s
8402|maintain.syslog.protocol|e:0=UDP,1=SSL/TLS;d=0|Transport for syslog messages|s
207|maintain.syslog.server|h|Syslog server host|h
208|maintain.syslog.level|e:0=None,1=Debug,2=Info,3=Warning,4=Error;d=0|Lowest severity sent to syslog|s
22129|maintain.syslog.keywordFiltering|s|Only send syslog lines containing these keywords|s
1387|maintain.syslog.sendSipLog|b;d=0|Include SIP messages in syslog (debug level)|B
8370|network.showInternetDownWarning|b;d=0|Show a message when the network is down|B
1438|maintain.autoRecover|b;d=1|Recover automatically from abnormal states|B
2922|maintain.usbConsoleLog|b;d=0|Write the console log to a USB stick|B
1362|language.gui|s;d=auto|Display language code (e.g. en, de, fr, auto)|s
2920|language.defaultInputSelection|e:0=Multi-tap,1=Shiftable;d=0|Default text input method|s
2961|language.autoDownload|b;d=0|Download language files automatically|B
4503|tr069.url|u|TR-069 ACS URL|u
4504|tr069.username|s|User name for the TR-069 ACS|s
4505|tr069.password|pw|Password for the TR-069 ACS|pw
4506|tr069.periodicInform|b;d=0|Send periodic TR-069 Inform messages|B
4507|tr069.periodicInformInterval|i;d=86400|Seconds between periodic Inform messages|i
4511|tr069.connectionRequestUsername|s|User name the ACS uses for connection requests|s
4512|tr069.connectionRequestPassword|pw|Password the ACS uses for connection requests|pw
4518|tr069.connectionRequestPort|p;d=7547|Port listening for ACS connection requests|p
8220|tr069.ssl.certificate|s|Client certificate for the TR-069 TLS connection|s
8221|tr069.ssl.privateKey|pw|Private key for the TR-069 TLS connection|pw
8487|tr069.randomStart.enable|b;d=0|Randomise the first TR-069 contact after boot|B
1357|security.configurationViaKeypadMenu|e:0=Unrestricted,1=Basic settings only,2=Constraint mode,3=Locked;d=0|How much can be changed from the keypad menu|s
8463|security.validate.serverCertificate|b;d=0|Validate server certificates for HTTPS/TLS connections|B
281|security.password|pw|Password of the SIP TLS private key|pw
280|security.certificate|s|SIP TLS certificate (PEM text)|s
279|security.key|pw|SIP TLS private key (PEM text)|pw
1650|security.webAccessMode|e:0=HTTPS,1=HTTP,2=Disabled,3=HTTP and HTTPS;d=1|Web interface protocol|s
8469|security.webAccess.user.enable|b;d=0|Allow the end-user login on the web interface|B
22120|network.web.port.http|p;d=80|Web interface HTTP port|p
22121|network.web.port.https|p;d=443|Web interface HTTPS port|p
276|security.ssh|b;d=0|Disable the SSH server (1 = disabled)~~SSH server access; the alias may invert the P-value polarity|s
1683|security.webKeypadRestrictModeLockoutDuration|i:0-60;d=5|Minutes of lockout after too many failed logins|I:0-60
28116|security.webAccess.session.timeout|i:2-60;d=10|Minutes of inactivity before a web session ends|I:2-60
28117|security.webAccess.attemptLimit|i:1-10;d=5|Failed web logins allowed before lockout|I:1-10
1382|keys.lock.enable|b;d=0|Keypad locking feature|B
8383|keys.lock.type|e:0=All keys,1=Function keys only;d=0|Keys blocked while the keypad is locked|s
1383|keys.lock.password|pw|Password to lock and unlock the keypad|pw
8384|keys.lock.timer|i;d=0|Seconds of idle time before the keypad locks (0 = never)|i
8385|keys.lock.emergency|l|Emergency numbers that can be dialled while locked|l
2999|packetCapture.captureLocation|e:0=Internal storage,1=USB;d=0|Where packet captures are stored|s
6007|maintain.packetCapture.includeRtp|b;d=0|Include RTP packets in packet captures|B
6008|packetCapture.usbFilename|s|File name for captures written to USB|s
330|phonebook.download.mode|e:0=Disabled,1=HTTP,2=TFTP,3=HTTPS;d=0|Download a remote XML phonebook, and by which protocol|s
6713|phonebook.download.username|s|HTTP(S) user name for the phonebook server|s
6714|phonebook.download.password|pw|HTTP(S) password for the phonebook server|pw
331|phonebook.download.server|s|Phonebook XML location as host/path (phonebook.xml is appended)|s
332|phonebook.download.interval|i:0-720;d=0|Minutes between phonebook downloads (0 = only at boot; otherwise 5-720)|I:0-720
333|phonebook.download.removeEditedEntries|b;d=1|Drop manually edited entries when the phonebook is downloaded|B
8462|phonebook.import.group.method|e:0=Replace,1=Append;d=0|How downloaded groups are merged|s
2914|phonebook.sortBy|e:0=Last name,1=First name;d=0|Phonebook sort order|s
1526|phonebook.keyFunction|e:0=Default,1=LDAP search,2=Local phonebook,3=Local group,4=BroadSoft phonebook;d=0|What the phonebook key opens|s
2970|phonebook.defaultSearchMode|e:0=Quick match,1=Exact match;d=0|Default phonebook search mode|s
8037|ldap.protocol|e:0=LDAP,1=LDAPS;d=0|LDAP or LDAP over TLS|s
8020|ldap.server|h|LDAP server host|h
8021|ldap.port|p;d=389|LDAP server port|p
8022|ldap.base|s|LDAP search base DN|s
8023|ldap.username|s|LDAP bind user name (empty = anonymous)|s
8024|ldap.password|pw|LDAP bind password|pw
8025|ldap.ldapNumberFilter|s|LDAP filter used for number searches|s
8026|ldap.ldapNameFilter|s|LDAP filter used for name searches|s
8027|ldap.version|e:2=Version 2,3=Version 3;d=3|LDAP protocol version|s
8028|ldap.ldapNameAttributes|s|Space-separated attributes returned as the name|s
8029|ldap.ldapNumberAttributes|s|Space-separated attributes returned as numbers|s
8030|ldap.ldapDisplayName|s|Attributes shown for each LDAP result|s
8031|ldap.maxHits|i:0-32000;d=50|Maximum number of LDAP results (0 = no limit)|I:0-32000
8032|ldap.searchTimeout|i:0-180;d=30|Seconds to wait for LDAP results|I:0-180
8033|ldap.sortResults|b;d=0|Sort LDAP results|B
8035|ldap.ldapLookup|b;d=0|Look up incoming callers in LDAP|B
8034|ldap.outgoingCalls|b;d=0|Look up dialled numbers in LDAP|B
8036|ldap.lookupDisplayName|s|Attributes shown for a caller found in LDAP|s
8505|ldap.exactSearch.enable|b;d=0|Use exact-match LDAP searches|B
39|network.rtp.local.port|i:1024-65400;d=5004|First local RTP port (even number)|I:1024-65400
29610|network.rtp.local.portRange|i:48-10000;d=200|Size of the local RTP port range|I:48-10000
78|network.rtp.useRandomPort|b;d=0|Use random local SIP/RTP ports|B
84|sip.keepAliveInterval|i:10-160;d=20|Seconds between NAT keep-alive packets|I:10-160
101|sip.userNatIp|ip|Public IP the phone writes into SIP/SDP instead of its own|ip
76|network.stunServer|h|STUN server for NAT discovery|h
1345|hotdesking.enable|b;d=0|Public (hot-desking) mode: users log in with their own account|B
8389|hotdesking.rtp.fixTimestampJump.enable|b;d=0|Smooth out jumps in RTP timestamps|B
8470|hotdesking.username.prefix|s|Prefix added to the user name in public mode|s
8471|hotdesking.username.suffix|s|Suffix added to the user name in public mode|s
8359|sip.delayRegistration|i:0-90;d=0|Seconds to wait after boot before registering|I:0-90
8468|users.testPasswordStrength.enable|b;d=0|Enforce strong passwords|B
1591|broadsoftXsi.server|h|BroadSoft XSI server address|h
1592|broadsoftXsi.port|p|BroadSoft XSI server port|p
2937|broadsoftXsi.actionsPath|s|BroadSoft XSI actions path|s
8362|broadsoftXsi.contactDownloadInterval|i:0-4320;d=4320|Minutes between BroadSoft contact downloads (0 = off)|I:0-4320
8464|broadsoftXsi.contactDownloadLimitation|i:0-2000;d=100|Maximum BroadSoft contacts downloaded|I:0-2000
8465|broadsoftXsi.contactSearchLimitation|i:0-2000;d=100|Maximum BroadSoft contacts returned by a search|I:0-2000
22054|broadsoftXsi.authenticationType|i:0-7;d=0|XSI credentials: 0 login, 1 SIP, 2+ = account 1+|s
1593|broadsoftXsi.credential.username|s|XSI login user name|s
1594|broadsoftXsi.credential.password|pw|XSI login password|pw
6772|broadsoftXsi.sip.username|s|SIP user name used for XSI authentication|s
22034|broadsoftXsi.sip.userId|s|SIP user ID used for XSI authentication|s
6773|broadsoftXsi.sip.password|pw|SIP password used for XSI authentication|pw
22131|broadsoftXsi.sortPhonebookBy|e:0=Last name,1=First name;d=0|Sort order of the BroadSoft directory|s
2971|broadsoftXsi.directory.groupDirectory|b;d=0|Show the BroadSoft group directory|B
2972|broadsoftXsi.directory.groupDirectoryName|s|Label of the BroadSoft group directory|s
2973|broadsoftXsi.directory.enterpriseDirectory|b;d=0|Show the BroadSoft enterprise directory|B
2974|broadsoftXsi.directory.enterpriseDirectoryName|s|Label of the BroadSoft enterprise directory|s
2975|broadsoftXsi.directory.groupCommon|b;d=0|Show the BroadSoft group common directory|B
2976|broadsoftXsi.directory.groupCommonName|s|Label of the BroadSoft group common directory|s
2977|broadsoftXsi.directory.enterpriseCommon|b;d=0|Show the BroadSoft enterprise common directory|B
2978|broadsoftXsi.directory.enterpriseCommonName|s|Label of the BroadSoft enterprise common directory|s
2979|broadsoftXsi.directory.personalDirectory|b;d=0|Show the BroadSoft personal directory|B
2980|broadsoftXsi.directory.personalDirectoryName|s|Label of the BroadSoft personal directory|s
2981|broadsoftXsi.directory.missedCallLog|b;d=0|Show the BroadSoft missed-call log|B
2982|broadsoftXsi.directory.missedCallLogName|s|Label of the BroadSoft missed-call log|s
2983|broadsoftXsi.directory.placedCallLog|b;d=0|Show the BroadSoft placed-call log|B
2984|broadsoftXsi.directory.placedCallLogName|s|Label of the BroadSoft placed-call log|s
2985|broadsoftXsi.directory.receivedCallLog|b;d=0|Show the BroadSoft received-call log|B
2986|broadsoftXsi.directory.receivedCallLogName|s|Label of the BroadSoft received-call log|s
6006|broadsoftIMP.server|h|BroadSoft IM&P (XMPP) server|h
6005|broadsoftIMP.port|p;d=5222|BroadSoft IM&P (XMPP) port|p
2966|broadsoftIMP.username|s|BroadSoft IM&P user name|s
2967|broadsoftIMP.password|pw|BroadSoft IM&P password|pw
2964|broadsoftIMP.enable|b;d=0|BroadSoft instant messaging and presence|B
2965|broadsoftIMP.associatedAccount|i:0-15;d=0|Account tied to IM&P (0 = account 1)|i
2968|broadsoftIMP.autoLogin|b;d=0|Log in to IM&P automatically|B
2969|broadsoftIMP.displayNonXMPPContacts|b;d=0|Also list contacts without XMPP presence|B
29612|call.dial.preferredAccount|i:0-15;d=0|Default account for outgoing calls (0 = account 1)|i
22126|call.dial.predictive.enable|b;d=1|Suggest numbers while dialling|B
8442|call.dial.predictive.source|l|Sources used for predictive dialling|l
8397|call.dial.offhook.allowBarging|b;d=1|Allow barging in while dialling on-hook|B
71|call.dial.offhook.autoDial.number|s|Number dialled automatically when the handset is lifted (hotline)|s
8388|call.dial.offhook.autoDial.delay|i:0-10;d=0|Seconds before the off-hook auto-dial number is dialled|I:0-10
1485|call.dial.offhook.timeout|i:10-60;d=30|Seconds off-hook without dialling before a timeout|I:10-60
8350|call.dial.liveDialpad.enable|b;d=0|Dial automatically after a pause without a send key|B
8351|call.dial.liveDialpad.expire|i:2-15;d=5|Seconds of pause before live dial-pad sends the number|I:2-15
8353|call.dial.autoRedial.enable|b;d=0|Redial automatically when the callee is busy|B
8354|call.dial.autoRedial.retry|i;d=10|Number of automatic redial attempts|i
8355|call.dial.autoRedial.interval|i;d=20|Seconds between automatic redial attempts|i
6758|call.dialPlan.allowBypassFromDirectories|b;d=0|Numbers from call history and directories skip the dial plan|B
91|call.callWaiting.enable|b;d=0|Disable call waiting (1 = disabled)~~Call waiting on or off; the alias may invert the P-value polarity|s
186|call.callWaiting.enableTone|b;d=0|Disable the call-waiting tone (1 = disabled)~~Call-waiting tone on or off; the alias may invert the P-value polarity|s
22102|call.callWaiting.alwaysRing|b;d=0|Ring (not just beep) for a waiting call|B
6762|call.disconnect.remote.enableTone|b;d=0|Disable the busy tone when the far end hangs up (1 = disabled)~~Busy tone after the far end hangs up; the alias may invert the P-value polarity|s
1310|call.ipcall.enable|b;d=0|Disable direct IP calls (1 = disabled)~~Direct IP calling; the alias may invert the P-value polarity|s
184|call.ipcall.allowQuickDialing|b;d=0|Quick IP-call mode (dial the last octets)|B
1311|call.conference.enable|b;d=0|Disable conferencing (1 = disabled)~~Local conferencing; the alias may invert the P-value polarity|s
338|call.display.dtmfInCall|b;d=0|Hide DTMF digits on screen during a call (1 = hidden)~~Showing DTMF digits during a call; the alias may invert the P-value polarity|s
1339|pks.behavior.incall.sendDtmfInstead|b;d=0|MPK/BLF keys send DTMF during a call|B
6764|callFeatures.activeMPKPage|b;d=0|Disable the active MPK page~~Active MPK page; the alias may invert the P-value polarity|s
22134|callFeatures.displayVpkPage.enable|b;d=0|Show the active VPK page|B
8446|call.dnd.enable|b;d=1|Make the DND feature available|B
1565|keys.custom.mute.idle|e:0=DND,1=Idle mute,2=Disabled;d=0|What the mute key does while idle|s
8372|call.dnd.allowCallList|e:0=Off,1=Allow all,2=Allow contacts only,3=Allow favourites only;d=0|Who may ring through while DND is on|s
1341|call.transfer.enable|b;d=0|Disable transfer (1 = disabled)~~Call transfer; the alias may invert the P-value polarity|s
1525|call.transfer.initDialNumber|s|Number pre-filled when the transfer key is pressed|s
1376|call.transfer.attended.mode|e:0=Static,1=Dynamic;d=0|Attended transfer mode|s
8503|call.hold.showHoldDuration.enable|b;d=0|Show how long a call has been on hold|B
1406|sip.escapeUrl|b;d=0|Do not escape "#" as %23 in SIP URIs|B
1561|call.dial.clickToDial.enable|b;d=0|Allow click-to-dial from the web interface|B
6765|features.history.defaultSource|e:0=Default,1=BroadSoft call log,2=Local call log;d=0|Which call log is shown by default|s
8360|sip.returnCode.callReject|e:0=Busy (486),1=Temporarily unavailable (480),2=Not found (404),3=Decline (603);d=0|SIP response sent when a call is rejected|s
8361|sip.returnCode.dnd|e:0=Busy (486),1=Temporarily unavailable (480),2=Not found (404),3=Decline (603);d=0|SIP response sent while DND is on|s
9905|sip.blf.pickupScreen.enable|b;d=0|Show a pickup screen when a BLF contact rings|B
9906|sip.blf.pickupSound.enable|b;d=0|Play a sound when a BLF contact rings|B
9907|sip.blf.pickupSound.mode|e:0=All except the list,1=Only the list;d=0|Which BLF contacts trigger the pickup sound|s
9908|sip.blf.pickupSound.list.except|l|BLF contacts that do not trigger the pickup sound|l
6760|call.recording.local.enable|b;d=0|Local call recording|B
6761|callFeatures.savedLocalCallRecordingLocation|e:0=Internal storage,1=USB;d=0|Where local recordings are saved|s
8474|features.im.popup.enable|b;d=1|Time out instant-message pop-ups|B
26055|features.im.popupTimeout|i:10-900;d=10|Seconds an instant-message pop-up stays visible|I:10-900
26056|features.im.playToneOnNew|b;d=0|Play a tone when an instant message arrives|B
29609|callFeatures.allowIncomingCallBeforeRinging|b;d=0|Accept incoming calls before the ringing state|B
8349|sip.blf.eventlist.provisionStartingFrom|e:0=Extension boards,1=VPK,2=MPK|Where eventlist BLF keys are placed first|s
8374|sip.blf.hideRemoteStatus|b;d=0|Hide the remote party status on BLF keys|B
8376|sip.showError|b;d=1|Show SIP error responses on screen|B
8393|features.history.missedCallNotification|b;d=0|Show missed-call notifications|B
8391|call.dial.callComplete.enable|b;d=0|Call completion (call back when free) service|B
8401|callFeatures.incomingPopup.enable|b;d=1|Pop up incoming calls|B
22175|callFeatures.eac.enable|b;d=1|Enhanced acoustic echo canceller|B
8381|multicast.allowedInDnd|b;d=0|Play multicast pages while DND is on|B
1566|multicast.paginBarge|i:0-10;d=0|Lowest priority allowed to interrupt a call (0 = none; vendor spells the key "paginBarge")|I:0-10
1567|multicast.pagingPriorityActive|b;d=0|Higher-priority pages interrupt lower-priority ones|B
1568|multicast.multicastPagingCodec|${CODECS};d=0|Codec used for sending multicast pages|s
8454|multicast.channel|i:0-50;d=0|Multicast channel (0 = plain RTP, 1-50 = Polycom-style group paging)|I:0-50
8455|multicast.senderId|s|Sender name shown with outgoing pages|s
30|dateTime.ntp.server.1|h|NTP time server|h
64|dateTime.timezone|s|Time zone (model-dependent spelling, e.g. a TZ string or "auto")|s
143|dateTime.override.dhcp.allowOption42|b;d=1|Let DHCP option 42 override the NTP server|B
144|dateTime.override.dhcp.allowOption2|b;d=1|Let DHCP option 2 override the time zone|B
246|dateTime.timezone.custom|s|Custom time-zone rule (POSIX TZ style)|s
102|dateTime.format.date|i:0-6;d=0|Date display format (0 = yyyy-mm-dd; other values per model)|s
122|dateTime.format.time|e:0=12-hour,1=24-hour;d=0|Clock format|s
`;

// Alias-only keys (no P-value established here): alias | spec | description.
const ALIAS_ONLY = `
pks.mpk.{mpk}.keyMode|s|Function of multi-purpose key N (e.g. SpeedDial, BLF, EventlistBLF, CallPark)
pks.mpk.{mpk}.mode|s|Function of multi-purpose key N (older alias spelling)
pks.mpk.{mpk}.account|i:0-15|Account used by multi-purpose key N (0 = account 1)
pks.mpk.{mpk}.description|s|Label shown on multi-purpose key N
pks.mpk.{mpk}.value|s|Number or URI used by multi-purpose key N (extension for BLF / speed dial)
pks.vpk.{vpk}.keyMode|s|Function of line key (VPK) N (e.g. Line, SharedLine, SpeedDial, BLF)
pks.vpk.{vpk}.account|i:0-15|Account used by line key (VPK) N (0 = account 1)
pks.vpk.{vpk}.description|s|Label shown on line key (VPK) N
pks.vpk.{vpk}.value|s|Number or URI used by line key (VPK) N
pks.vpk.{vpk}.lockMode|s|Whether line key N may be changed from the phone
pks.ext.{ext}.keyMode|s|Function of extension-module key N
pks.ext.{ext}.account|i:0-15|Account used by extension-module key N (0 = account 1)
pks.ext.{ext}.description|s|Label of extension-module key N
pks.ext.{ext}.value|s|Number or URI used by extension-module key N
pks.softkey.{softkey}.keyMode|s|Function of programmable soft key N
pks.softkey.{softkey}.account|i:0-15|Account used by programmable soft key N
pks.softkey.{softkey}.description|s|Label of programmable soft key N
pks.softkey.{softkey}.value|s|Number or URI used by programmable soft key N
account.{account}.sip.server.{server}.address|h|SIP server of the account; slot 1 primary, 2 secondary
account.{account}.sip.outboundProxy.{proxy}.address|h|Outbound proxy of the account; slot 1 primary, 2 backup
account.{account}.network.backupIp.{backupIp}|ip|Backup server IP used with the "use configured IP" DNS mode
account.{account}.codec.choice.{choice}|${V2CODECS}|Codec in preference slot N of the account
account.{account}.ring.match.{rule}.callerId|s|Caller ID pattern of distinctive-ring rule N
account.{account}.ring.match.{rule}.ringtone|s|Ring tone used when distinctive-ring rule N matches
dateTime.ntp.server.{ntp}|h|NTP server (slot 1 primary, 2 secondary)
dateTime.ntp.updateInterval|i|Minutes between NTP synchronisations
network.port.eth.{port}.address.{octet}|I:0-255|Static IPv4 address octet of the Ethernet port
network.port.eth.{port}.mask.{octet}|I:0-255|Subnet mask octet of the Ethernet port
network.port.eth.{port}.gateway.{octet}|I:0-255|Default gateway octet of the Ethernet port
network.dns.{dns}.ip.{octet}|I:0-255|Static DNS server octet
network.dns.{dns}.ipv6|ip|IPv6 DNS server
network.dns.preferred.ip.{octet}|I:0-255|Preferred DNS server octet
network.dns.second.preferred.ip.{octet}|I:0-255|Second preferred DNS server octet
multicast.listening.{listen}.address|h|Multicast address:port listened on at priority N
multicast.listening.{listen}.label|s|Label shown for multicast listening address N
phonebook.download.encode|s|Character encoding of the downloaded phonebook
audio.3.5mheadsetControl.enable|B|Control a headset plugged into the 3.5 mm jack
audio.3.5mmearphone.rxGain|s|Receive gain for the 3.5 mm earphone jack
audio.3.5mmearphone.txGain|s|Transmit gain for the 3.5 mm earphone jack
`;

// ---------------------------------------------------------------------------------------------
// Spec parsing
// ---------------------------------------------------------------------------------------------
const NOYES = [
  { value: '0', label: 'No' },
  { value: '1', label: 'Yes' },
];

function parseSpec(spec, { v2 = false } = {}) {
  const [body, ...opts] = spec.split(';');
  const out = {};
  for (const o of opts) if (o.startsWith('d=')) out.default = o.slice(2);
  const [kind, arg] = splitOnce(body, ':');
  switch (kind) {
    case 'b':
      out.type = 'enum';
      out.values = NOYES;
      break;
    case 'B':
      out.type = 'bool';
      break;
    case 'e':
      out.type = 'enum';
      out.values = splitEnum(arg).map(([v, l]) => ({ value: v, label: l }));
      break;
    case 'E':
      out.type = 'enum';
      out.values = arg.split(',').map((w) => ({ value: w, label: humanWord(w) }));
      break;
    case 'i':
    case 'I': {
      out.type = 'int';
      if (arg) {
        const m = /^(-?\d+)-(-?\d+)$/.exec(arg);
        out.min = Number(m[1]);
        out.max = Number(m[2]);
      }
      break;
    }
    case 's':
      out.type = 'string';
      break;
    case 'pw':
      out.type = 'password';
      break;
    case 'h':
      out.type = 'host';
      break;
    case 'ip':
      out.type = 'ip';
      break;
    case 'p':
      out.type = 'port';
      break;
    case 'u':
      out.type = 'url';
      break;
    case 'l':
      out.type = 'list';
      out.separator = ',';
      break;
    default:
      throw new Error(`bad spec ${spec}`);
  }
  if (v2 && out.default !== undefined) {
    // Defaults of P-value specs are numeric codes; only keep them for v2 when still valid.
    if (out.type === 'bool') out.default = out.default === '1' ? 'Yes' : out.default === '0' ? 'No' : undefined;
    else if (out.type === 'enum' && !out.values.some((v) => v.value === out.default)) delete out.default;
  }
  if (out.default === undefined) delete out.default;
  if (out.type === 'enum' && out.default !== undefined && !out.values.some((v) => v.value === out.default)) delete out.default;
  if (out.type === 'int' && out.default !== undefined) {
    const d = Number(out.default);
    if (!Number.isInteger(d) || (out.min !== undefined && d < out.min) || (out.max !== undefined && d > out.max)) delete out.default;
  }
  return out;
}
function splitOnce(s, sep) {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}
function splitEnum(arg) {
  // "0=A,1=B, with comma,2=C": split on commas that precede "<value>="
  const parts = arg.split(/,(?=-?[0-9A-Za-z.]+=)/);
  return parts.map((p) => splitOnce(p, '='));
}
function humanWord(w) {
  return w.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
}
// v2 spec defaults: 'B' keeps a Yes/No default derived from the P-value default.
function v2From(pSpec, v2spec) {
  const d = /;d=([^;]*)/.exec(pSpec)?.[1];
  if (!v2spec) return null;
  let s = v2spec;
  if (d !== undefined && !s.includes(';d=')) s += `;d=${d}`;
  return parseSpec(s, { v2: true });
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------
const keys = new Map();
function add(def) {
  if (keys.has(def.key)) return false;
  keys.set(def.key, def);
  return true;
}
function makeDef(key, typeInfo, description, extra = {}) {
  const d = { key, type: typeInfo.type, description };
  for (const f of ['default', 'min', 'max', 'values', 'separator']) if (typeInfo[f] !== undefined) d[f] = typeInfo[f];
  return { ...d, ...extra };
}

function accountP(p1, p2, n) {
  if (n === 1) return p1;
  if (p2 === 438) return n <= 6 ? p2 + 100 * (n - 2) : null;
  if (p2 !== null) {
    if (n <= 4) return p2 + 100 * (n - 2);
    if (n === 5) return p2 + 1300;
    if (n === 6) return p2 + 1400;
    return null;
  }
  if ((p1 >= 2300 && p1 < 2400) || (p1 >= 26000 && p1 < 26100) || (p1 >= 29000 && p1 < 29100)) {
    return n <= 6 ? p1 + 100 * (n - 1) : null;
  }
  return null;
}

// 1. Per-account settings: P-values for accounts 1..6 and the alias pattern.
for (const line of ACCOUNT.trim().split('\n')) {
  const [p1s, p2s, suffix, spec, desc, v2spec] = line.split('|');
  const p1 = Number(p1s);
  const p2 = p2s === '-' ? null : Number(p2s);
  const t = parseSpec(spec);
  const pList = [];
  for (let n = 1; n <= 6; n++) {
    const p = accountP(p1, p2, n);
    if (p === null) continue;
    pList.push(`P${p}`);
    add(makeDef(`P${p}`, t, `Account ${n}: ${lcFirst(desc)}`, { alias: `account.${n}.${suffix}` }));
  }
  const aliasKey = `account.{account}.${suffix}`;
  const v2 = v2From(spec, v2spec ?? '') ?? fallbackV2(t);
  const where =
    pList.length > 1 ? ` (P-values ${pList[0]} for account 1, ${pList[1]} for account 2)` : ` (P-value ${pList[0]} for account 1)`;
  add(makeDef(aliasKey, v2, `${desc}${where}`));
}
function fallbackV2(t) {
  if (t.type === 'enum' && t.values === NOYES) return { type: 'bool' };
  if (t.type === 'enum') return { type: 'string' };
  return t;
}
function lcFirst(s) {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

// Distinctive ring rules 1..10 (P-values for accounts 1..6) and ring rules' alias patterns.
{
  const ruleBase = (r) => (r <= 3 ? 1488 + 2 * (r - 1) : r <= 6 ? 6716 + 2 * (r - 4) : r <= 9 ? 26064 + 2 * (r - 7) : 26096);
  for (let r = 1; r <= 10; r++) {
    for (let n = 1; n <= 6; n++) {
      const b = ruleBase(r);
      const step = b >= 26000 ? 100 : 6;
      const p = b + step * (n - 1);
      add(
        makeDef(`P${p}`, { type: 'string' }, `Account ${n}: caller-ID pattern of distinctive-ring rule ${r}`, {
          alias: `account.${n}.ring.match.${r}.callerId`,
        }),
      );
      add(
        makeDef(`P${p + 1}`, parseSpec(DRING), `Account ${n}: ring tone for distinctive-ring rule ${r}`, {
          alias: `account.${n}.ring.match.${r}.ringtone`,
        }),
      );
    }
  }
  // BLF call-pickup mode: one P-value per account, consecutive.
  for (let n = 1; n <= 6; n++) {
    add(
      makeDef(
        `P${6751 + n}`,
        parseSpec('e:0=Auto,1=Force pickup by prefix,2=Disabled;d=0'),
        `Account ${n}: how BLF keys pick up a ringing call`,
        { alias: `account.${n}.sip.blf.callPickup.forcePrefix` },
      ),
    );
  }
  add(
    makeDef(
      'account.{account}.sip.blf.callPickup.forcePrefix',
      parseSpec('E:Auto,Force,Disabled;d=Auto', { v2: true }),
      'How BLF keys pick up a ringing call (P6752 for account 1, P6753 for account 2)',
    ),
  );
}

// 2. Global settings.
for (const line of GLOBAL.trim().split('\n')) {
  const [ps, alias, spec, desc, v2spec] = line.split('|');
  const t = parseSpec(spec);
  const hasAlias = alias !== '-';
  const [pDesc, aDesc] = desc.includes('~~') ? desc.split('~~') : [desc, desc];
  add(makeDef(`P${ps}`, t, pDesc, hasAlias ? { alias } : {}));
  if (hasAlias) {
    const v2 = desc.includes('~~') ? { type: 'string' } : (v2From(spec, v2spec ?? '') ?? fallbackV2(t));
    add(makeDef(alias, v2, aDesc, { alias: `P${ps}` }));
  }
}

// Legacy GXP21xx multi-purpose keys 1..7: mode P323+k-1, account/name/value from P301.
for (let k = 1; k <= 7; k++) {
  add(
    makeDef(
      `P${322 + k}`,
      { type: 'int', min: -1 },
      `Legacy multi-purpose key ${k}: function (0 speed dial, 1 BLF, 2 presence watcher, 3 eventlist BLF, ...; values vary by model)`,
    ),
  );
  const b = 301 + 3 * (k - 1);
  add(makeDef(`P${b}`, { type: 'int', min: 0, max: 15 }, `Legacy multi-purpose key ${k}: account used (0 = account 1)`));
  add(makeDef(`P${b + 1}`, { type: 'string' }, `Legacy multi-purpose key ${k}: label`));
  add(makeDef(`P${b + 2}`, { type: 'string' }, `Legacy multi-purpose key ${k}: number or URI (extension for BLF / speed dial)`));
}
// Multicast listening addresses 1..10: address/label pairs from P1569.
for (let i = 1; i <= 10; i++) {
  add(
    makeDef(`P${1567 + 2 * i}`, { type: 'host' }, `Multicast listening address (ip:port) of priority ${i}`, {
      alias: `multicast.listening.${i}.address`,
    }),
  );
  add(
    makeDef(`P${1568 + 2 * i}`, { type: 'string' }, `Label for multicast listening address ${i}`, {
      alias: `multicast.listening.${i}.label`,
    }),
  );
}
// External services (door systems) 1..10: 5 P-values each from P32000.
for (let i = 1; i <= 10; i++) {
  const b = 32000 + 5 * (i - 1);
  add(
    makeDef(`P${b}`, parseSpec('e:-1=None,0=GDS door system;d=-1'), `External service ${i}: type`, { alias: `externalService.${i}.type` }),
  );
  add(
    makeDef(`P${b + 1}`, { type: 'int', min: 0, max: 15 }, `External service ${i}: account used (0 = account 1)`, {
      alias: `externalService.${i}.account`,
    }),
  );
  add(makeDef(`P${b + 2}`, { type: 'string' }, `External service ${i}: system identification`, { alias: `externalService.${i}.systemId` }));
  add(makeDef(`P${b + 3}`, { type: 'string' }, `External service ${i}: system number`, { alias: `externalService.${i}.systemNumber` }));
  add(makeDef(`P${b + 4}`, { type: 'password' }, `External service ${i}: access password`, { alias: `externalService.${i}.password` }));
}
// GXP21xx extension-module keys (P23000 block, 5 P-values per key, 4 used).
for (let k = 1; k <= 160; k++) {
  const b = 23000 + 5 * (k - 1);
  add(
    makeDef(
      `P${b}`,
      { type: 'int', min: -1 },
      `Extension-module key ${k} (GXP21xx numbering): function (-1 none, 0 speed dial, 1 BLF, ...)`,
      { alias: `pks.ext.${k}.keyMode` },
    ),
  );
  add(
    makeDef(`P${b + 1}`, { type: 'int', min: 0, max: 15 }, `Extension-module key ${k} (GXP21xx numbering): account used (0 = account 1)`, {
      alias: `pks.ext.${k}.account`,
    }),
  );
  add(
    makeDef(`P${b + 2}`, { type: 'string' }, `Extension-module key ${k} (GXP21xx numbering): label`, { alias: `pks.ext.${k}.description` }),
  );
  add(
    makeDef(`P${b + 3}`, { type: 'string' }, `Extension-module key ${k} (GXP21xx numbering): number or URI`, {
      alias: `pks.ext.${k}.value`,
    }),
  );
}
// Trusted CA certificates 1..6 (P8433..P8438) and SIP TLS certificate/key.
for (let i = 1; i <= 6; i++)
  add(makeDef(`P${8432 + i}`, { type: 'string' }, `Trusted CA certificate ${i} (PEM text)`, { alias: `CACertificates.${i}` }));

// 3. Alias-only keys.
for (const line of ALIAS_ONLY.trim().split('\n')) {
  const [alias, spec, desc] = line.split('|');
  add(makeDef(alias, parseSpec(spec), desc));
}

// 4. Observed rows not covered yet: rule-based entries.
const tsv = fs
  .readFileSync(
    tsvCandidates.find((f) => fs.existsSync(f)),
    'utf8',
  )
  .split('\n')
  .slice(1);
const typoSet = new Set(TYPOS.map(([k]) => k));
const observed = [];
for (const line of tsv) {
  if (!line.trim()) continue;
  const [key, uses] = line.split('\t');
  if (Number(uses) >= 2 && !typoSet.has(key)) observed.push({ key, uses: Number(uses) });
}
function nameIndices(obs) {
  if (REAL_NAMES[obs]) return REAL_NAMES[obs];
  if (!obs.includes('{n}')) return obs;
  for (const [re, names] of INDEX_RULES) {
    if (re.test(obs)) {
      let i = 0;
      return obs.replace(/\{n\}/g, () => `{${names[Math.min(i++, names.length - 1)]}}`);
    }
  }
  throw new Error(`no index rule for ${obs}`);
}
const compiled = () => [...keys.values()].map((k) => ({ k, re: compileRe(k.key) }));
function compileRe(pattern) {
  return new RegExp(
    '^' +
      pattern
        .split(/\{[A-Za-z0-9_]+\}/)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\d+') +
      '$',
  );
}
let cache = compiled();
const ruleBased = [];
for (const { key } of observed) {
  const named = nameIndices(key);
  if (keys.has(named)) continue;
  const concrete = named.replace(/\{[A-Za-z0-9_]+\}/g, '1');
  if (cache.some(({ re }) => re.test(concrete))) continue;
  const def = /^P\d+$/.test(named) ? pValueRule(named) : aliasRule(named);
  add(def);
  ruleBased.push(named);
  cache.push({ k: def, re: compileRe(def.key) });
}

function pValueRule(key) {
  return {
    key,
    type: 'string',
    description: `Model-specific P-value ${key}; its meaning differs across Grandstream families and is not catalogued, so any value is accepted`,
  };
}

function aliasRule(key) {
  const words = key.split('.').filter((s) => !/^\{/.test(s));
  const last = words[words.length - 1];
  const lower = key.toLowerCase();
  let type = 'string';
  if (/password|secret|privatekey|\.key$|essidpassword/i.test(last) || /\.(auth|privacy)\.key$/.test(key)) type = 'password';
  else if (/(^|\.)enable$|Enable$/.test(key) && !/tone$/i.test(last)) type = 'bool';
  else if (/^(port|.*Port)$/.test(last) && !/portRange/i.test(last)) type = 'port';
  else if (/(interval|timeout|Timeout|Interval|Time|Duration|Limitation|maxHits|threshold|Gain)$/.test(last)) type = 'string';
  if (lower.includes('.url') || /url$/i.test(last)) type = type === 'password' ? type : 'string';
  const SECTIONS = {
    ons: 'Action URL (event notification)',
    pks: 'Programmable keys',
    lcd: 'Display',
    e911: 'Emergency calling (E911)',
    ledControl: 'LED',
    broadsoftXsi: 'BroadSoft XSI',
    broadsoftIMP: 'BroadSoft IM&P',
    tr069: 'TR-069',
    maintain: 'Maintenance',
    dateTime: 'Date and time',
    callFeatures: 'Call features',
    externalService: 'External service',
    xmlApplications: 'XML applications',
    xmlApplication: 'XML application',
    remoteControl: 'Remote control',
    CACertificates: 'Certificates',
    trustedCACertificates: 'Certificates',
    hotdesking: 'Hot desking',
    softkeys: 'Soft keys',
    wifi: 'Wi-Fi',
    sip: 'SIP',
    ldap: 'LDAP',
  };
  const scope = key.startsWith('account.') ? 'Per-account setting' : `${SECTIONS[words[0]] ?? humanWord(words[0])} setting`;
  const rest = (key.startsWith('account.') ? words.slice(1) : words.slice(1)).map(humanSegment).join(' / ');
  return { key, type, description: `${capitalise(scope)}: ${rest || humanSegment(words[0])}` };
}
function humanSegment(s) {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()
    .replace(/\bsip\b/g, 'SIP')
    .replace(/\bdnd\b/g, 'DND')
    .replace(/\bmpk\b/g, 'MPK')
    .replace(/\bvpk\b/g, 'VPK')
    .replace(/\blcd\b/g, 'LCD')
    .replace(/\brtp\b/g, 'RTP')
    .replace(/\bdhcp\b/g, 'DHCP')
    .replace(/\bldap\b/g, 'LDAP')
    .replace(/\bxml\b/g, 'XML')
    .replace(/\bip\b/g, 'IP')
    .replace(/\bblf\b/g, 'BLF')
    .replace(/\bvlan\b/g, 'VLAN');
}
function capitalise(s) {
  return s[0].toUpperCase() + s.slice(1);
}

// 5. Output: stable ordering (alias names alphabetically, then P-values numerically).
const out = [...keys.values()].sort((a, b) => {
  const pa = /^P(\d+)$/.exec(a.key);
  const pb = /^P(\d+)$/.exec(b.key);
  if (pa && pb) return Number(pa[1]) - Number(pb[1]);
  if (pa) return 1;
  if (pb) return -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
});
const usedIdx = new Set();
for (const k of out) for (const m of k.key.matchAll(/\{([A-Za-z0-9_]+)\}/g)) usedIdx.add(m[1]);
const indices = Object.fromEntries(Object.entries(INDICES).filter(([n]) => usedIdx.has(n)));
const catalog = {
  vendor: 'grandstream',
  bool: { true: ['Yes', '1'], false: ['No', '0'] },
  indices,
  keys: out,
};
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(catalog, null, 2) + '\n');
fs.mkdirSync(path.dirname(typoFile), { recursive: true });
fs.writeFileSync(typoFile, TYPOS.map(([k, r]) => `${k}\t${r}`).join('\n') + '\n');
const pCount = out.filter((k) => /^P\d+$/.test(k.key)).length;
console.log(
  `grandstream: ${out.length} keys (${pCount} P-values, ${out.length - pCount} alias names), ${Object.keys(indices).length} indices, ${ruleBased.length} rule-based from observed rows, ${TYPOS.length} typo rows`,
);
