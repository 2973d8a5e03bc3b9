#!/usr/bin/env node
// Generates server/src/core/catalog/data/cisco.json: the key catalog for Cisco SPA (ex-Linksys)
// phones and ATAs and MPP 3PCC phones (<flat-profile> element names).
//
//   node scripts/catalog-gen/cisco.mjs
//
// Sources: the observed-keys table ../shared/data/observed-keys/cisco_spa_mpp_keys.tsv (which keys
// exist and how often they are used), plus the hand-curated table below (types, ranges, enums,
// defaults researched from Cisco SPA/MPP/ATA administration and provisioning guides and public
// provisioning templates). Keys seen in 2+ templates that are not curated get a type and a
// description from rules on the words of their name. Descriptions are our own words.
// Rows listed in test/fixtures/observed-typos/cisco.txt are skipped.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const tsvPath = [
  path.resolve(root, '..', 'shared/data/observed-keys/cisco_spa_mpp_keys.tsv'),
  path.resolve(root, 'shared/data/observed-keys/cisco_spa_mpp_keys.tsv'),
].find((p) => fs.existsSync(p));
const outPath = path.join(root, 'server/src/core/catalog/data/cisco.json');
const typoPath = path.join(root, 'test/fixtures/observed-typos/cisco.txt');

// ---------------------------------------------------------------------------------------------
// Indices
const indices = {
  line: {
    min: 1,
    max: 16,
    description: 'Extension (SIP account) number: the _N_ of Ext N on phones, Line N / User N on ATAs',
    maxByModel: {
      SPA301: 1,
      SPA501G: 4,
      SPA502G: 1,
      SPA504G: 4,
      SPA508G: 8,
      SPA509G: 12,
      SPA525G: 5,
      SPA525G2: 5,
      SPA112: 2,
      SPA122: 2,
      'ATA191*': 2,
      'ATA192*': 2,
      'CP-7811*': 1,
      'CP-7821*': 2,
      'CP-7841*': 4,
      'CP-6821*': 2,
    },
  },
  linekey: {
    min: 1,
    max: 16,
    description: 'Programmable line key on the phone itself (Line Key N on the Phone tab)',
    maxByModel: { SPA502G: 1, SPA504G: 4, SPA508G: 8, SPA509G: 12, SPA525G: 5, SPA525G2: 5, 'CP-7811*': 1, 'CP-7821*': 2, 'CP-7841*': 4 },
  },
  unit: { min: 1, max: 3, description: 'Attached key expansion module (SPA500S/SPA500DS, MPP KEM) number' },
  unitkey: { min: 1, max: 56, description: 'Key on a key expansion module (32 on an SPA500S; MPP modules have paged keys)' },
  psk: { min: 1, max: 16, description: 'Programmable softkey number (PSK N)' },
  speeddial: { min: 1, max: 9, description: 'Speed-dial entry (SPA phones and ATAs use 2..9, MPP phones 1..8)' },
  ring: { min: 1, max: 12, description: 'Ring tone / distinctive ring number' },
  cadence: { min: 1, max: 9, description: 'Distinctive ring cadence number' },
  cwt: { min: 1, max: 8, description: 'Call-waiting tone cadence number (ATAs)' },
  cfwdsel: { min: 1, max: 8, description: 'Selective call-forward rule number (ATAs)' },
  wifi: { min: 1, max: 4, description: 'Wi-Fi profile number (wireless-capable models)' },
  wepkey: { min: 0, max: 3, description: 'WEP key slot of a Wi-Fi profile' },
};

// ---------------------------------------------------------------------------------------------
// Shared value lists
const yn = (d) => ({ default: d });
const ev = (...pairs) => pairs.map(([value, label]) => ({ value, label }));
const onoff01 = ev(['0', 'Disabled'], ['1', 'Enabled']);
const CODECS = [
  ['G711u', 'G.711 mu-law'],
  ['G711a', 'G.711 A-law'],
  ['G729a', 'G.729 Annex A'],
  ['G722', 'G.722 wideband'],
  ['G722.2', 'G.722.2 (AMR-WB, MPP)'],
  ['G726-16', 'G.726 16 kbit/s'],
  ['G726-24', 'G.726 24 kbit/s'],
  ['G726-32', 'G.726 32 kbit/s'],
  ['G726-40', 'G.726 40 kbit/s'],
  ['G723', 'G.723 (ATAs)'],
  ['iLBC', 'iLBC (MPP)'],
  ['iSAC', 'iSAC (MPP)'],
  ['OPUS', 'Opus (MPP)'],
  ['L16', 'Linear 16-bit (MPP)'],
];
const codecEnum = ev(...CODECS);
const codecEnumUnspec = ev(['Unspecified', 'No preference'], ...CODECS);

// ---------------------------------------------------------------------------------------------
// Curated keys: [pattern, type, description, extra]
const L = '{line}';
const curated = [
  // --- Extension: registration and identity
  [`Line_Enable_${L}_`, 'bool', 'Turns this extension on; a disabled extension does not register or take calls', yn('Yes')],
  [`User_ID_${L}_`, 'string', 'SIP user part of the extension: the number or name it registers as'],
  [`Password_${L}_`, 'password', 'SIP digest password of the extension'],
  [`Auth_ID_${L}_`, 'string', 'Authentication user name for digest challenges, used when Use_Auth_ID is Yes'],
  [`Use_Auth_ID_${L}_`, 'bool', 'Answers digest challenges with Auth_ID instead of User_ID', yn('No')],
  [`Display_Name_${L}_`, 'string', 'Caller name sent in the From header of calls from this extension'],
  [`Proxy_${L}_`, 'host', 'SIP proxy / registrar of the extension (host or host:port)'],
  [`Outbound_Proxy_${L}_`, 'host', 'Outbound proxy all requests of the extension are sent through'],
  [`Use_Outbound_Proxy_${L}_`, 'bool', 'Sends requests through Outbound_Proxy instead of directly to the proxy', yn('No')],
  [`Use_OB_Proxy_In_Dialog_${L}_`, 'bool', 'Keeps using the outbound proxy for requests inside an established dialog', yn('Yes')],
  [`Alternate_Proxy_${L}_`, 'host', 'Backup proxy used when the primary proxy fails (dual registration)'],
  [`Alternate_Outbound_Proxy_${L}_`, 'host', 'Backup outbound proxy used with the alternate proxy'],
  [`Register_${L}_`, 'bool', 'Sends REGISTER requests for this extension', yn('Yes')],
  [`Register_Expires_${L}_`, 'int', 'Registration lifetime requested from the registrar, in seconds', { default: '3600', min: 0 }],
  [`Make_Call_Without_Reg_${L}_`, 'bool', 'Allows outgoing calls while the extension is not registered', yn('No')],
  [`Ans_Call_Without_Reg_${L}_`, 'bool', 'Accepts incoming calls while the extension is not registered', yn('No')],
  [`Use_DNS_SRV_${L}_`, 'bool', 'Resolves the proxy with DNS SRV records', yn('No')],
  [`DNS_SRV_Auto_Prefix_${L}_`, 'bool', 'Adds the _sip._udp prefix automatically when looking up SRV records', yn('No')],
  [
    `Proxy_Fallback_Intvl_${L}_`,
    'int',
    'Seconds before the phone tries to fall back to a higher-priority proxy',
    { default: '3600', min: 0 },
  ],
  [
    `Proxy_Redundancy_Method_${L}_`,
    'enum',
    'How the list of proxies found by DNS SRV is ordered',
    {
      default: 'Normal',
      values: ev(['Normal', 'Use SRV priority and weight'], ['Based on SRV Port', 'Also prefer entries by SRV port']),
    },
  ],
  [`Dual_Registration_${L}_`, 'bool', 'Registers to the proxy and the alternate proxy at the same time', yn('No')],
  [`Auto_Register_When_Failover_${L}_`, 'bool', 'Registers automatically to the backup proxy when failing over', yn('No')],
  [
    `SIP_Transport_${L}_`,
    'enum',
    'Transport protocol for SIP messages of the extension',
    {
      default: 'UDP',
      values: ev(['UDP', 'UDP'], ['TCP', 'TCP'], ['TLS', 'TLS (encrypted signalling)'], ['AUTO', 'Chosen from DNS NAPTR/SRV (MPP)']),
    },
  ],
  [`SIP_Port_${L}_`, 'port', 'Local port the extension listens on for SIP', { default: '5060' }],
  [`EXT_SIP_Port_${L}_`, 'port', 'Public SIP port advertised when NAT mapping is enabled'],
  [`Auth_Resync-Reboot_${L}_`, 'bool', 'Challenges resync/reboot NOTIFY requests and checks them against the line credentials', yn('Yes')],
  [`SIP_100REL_Enable_${L}_`, 'bool', 'Supports reliable provisional responses (PRACK, RFC 3262)', yn('No')],
  [`SIP_Proxy-Require_${L}_`, 'string', 'Value sent in a Proxy-Require header, if any'],
  [`SIP_Remote-Party-ID_${L}_`, 'bool', 'Sends a Remote-Party-ID header with caller identity', yn('No')],
  [
    `SIP_Debug_Option_${L}_`,
    'string',
    'Which SIP messages of the extension are written to syslog (none, 1-line, full, with exclusions)',
    { default: 'none' },
  ],
  [`Register_Expires_${L}_`, 'int', 'Registration lifetime requested from the registrar, in seconds', { default: '3600', min: 0 }],
  [`Mailbox_ID_${L}_`, 'string', 'Voicemail box number the extension subscribes to for message waiting'],
  [`Voice_Mail_Server_${L}_`, 'string', 'Server (or user@server) to which the voicemail MWI subscription is sent'],
  [`Voice_Mail_Subscribe_Interval_${L}_`, 'int', 'Lifetime of the voicemail MWI subscription, in seconds', { min: 0 }],
  [`Message_Waiting_${L}_`, 'bool', 'Message-waiting indicator state of the extension', yn('No')],
  [`Dial_Plan_${L}_`, 'string', 'Dial plan (digit map) used to decide when a dialled number is complete'],
  [`Caller_ID_Map_${L}_`, 'string', 'Rules that rewrite the caller ID of incoming calls'],
  [`Enable_IP_Dialing_${L}_`, 'bool', 'Allows dialling a SIP URI or IP address directly', yn('Yes')],
  [`Emergency_Number_${L}_`, 'list', 'Comma-separated emergency numbers; calls to them are never put on hold or blocked'],
  [`Preferred_Codec_${L}_`, 'enum', 'Codec offered first in calls from this extension', { default: 'G711u', values: codecEnum }],
  [`Second_Preferred_Codec_${L}_`, 'enum', 'Codec offered second', { default: 'Unspecified', values: codecEnumUnspec }],
  [`Third_Preferred_Codec_${L}_`, 'enum', 'Codec offered third', { default: 'Unspecified', values: codecEnumUnspec }],
  [`Use_Pref_Codec_Only_${L}_`, 'bool', 'Offers only the preferred codec', yn('No')],
  [`Use_Remote_Pref_Codec_${L}_`, 'bool', 'Follows the codec order of the remote party', yn('No')],
  [
    `Codec_Negotiation_${L}_`,
    'enum',
    'How many codecs the phone answers with in SDP',
    {
      default: 'Default',
      values: ev(['Default', 'Answer with all common codecs'], ['List All', 'List every supported codec']),
    },
  ],
  [
    `DTMF_Tx_Method_${L}_`,
    'enum',
    'How key presses are sent during a call',
    {
      default: 'Auto',
      values: ev(
        ['InBand', 'As audio tones in the media'],
        ['AVT', 'RFC 2833 telephone-event packets'],
        ['INFO', 'SIP INFO messages'],
        ['Auto', 'AVT when negotiated, otherwise in-band'],
        ['InBand+INFO', 'In-band and SIP INFO'],
        ['AVT+INFO', 'RFC 2833 and SIP INFO'],
      ),
    },
  ],
  [`DTMF_Process_AVT_${L}_`, 'bool', 'Decodes received RFC 2833 telephone events', yn('Yes')],
  [`DTMF_Process_INFO_${L}_`, 'bool', 'Decodes DTMF carried in received SIP INFO messages', yn('Yes')],
  [`Silence_Supp_Enable_${L}_`, 'bool', 'Suppresses silent audio frames (VAD)', yn('No')],
  [`Release_Unused_Codec_${L}_`, 'bool', 'Drops unused codecs from the session after negotiation', yn('Yes')],
  [
    `Set_G729_annexb_${L}_`,
    'enum',
    'G.729 Annex B (silence suppression) parameter in SDP',
    {
      default: 'none',
      values: ev(
        ['none', 'Not signalled'],
        ['no', 'annexb=no'],
        ['yes', 'annexb=yes'],
        ['follow silence supp setting', 'Follow Silence_Supp_Enable'],
      ),
    },
  ],
  [`G729a_Enable_${L}_`, 'bool', 'Allows the G.729a codec on this extension', yn('Yes')],
  [`G722_Enable_${L}_`, 'bool', 'Allows the G.722 wideband codec on this extension', yn('Yes')],
  [`G711u_Enable_${L}_`, 'bool', 'Allows the G.711 mu-law codec on this extension', yn('Yes')],
  [`G711a_Enable_${L}_`, 'bool', 'Allows the G.711 A-law codec on this extension', yn('Yes')],
  [`G726-16_Enable_${L}_`, 'bool', 'Allows G.726 at 16 kbit/s on this extension', yn('Yes')],
  [`G726-24_Enable_${L}_`, 'bool', 'Allows G.726 at 24 kbit/s on this extension', yn('Yes')],
  [`G726-32_Enable_${L}_`, 'bool', 'Allows G.726 at 32 kbit/s on this extension', yn('Yes')],
  [`G726-40_Enable_${L}_`, 'bool', 'Allows G.726 at 40 kbit/s on this extension', yn('Yes')],
  [`G723_Enable_${L}_`, 'bool', 'Allows the G.723 codec on this line (ATAs)', yn('Yes')],
  [`G722.2_Enable_${L}_`, 'bool', 'Allows G.722.2 (AMR-WB) on this extension', yn('Yes')],
  [`iLBC_Enable_${L}_`, 'bool', 'Allows the iLBC codec on this extension', yn('Yes')],
  [`iSAC_Enable_${L}_`, 'bool', 'Allows the iSAC codec on this extension', yn('Yes')],
  [`OPUS_Enable_${L}_`, 'bool', 'Allows the Opus codec on this extension', yn('Yes')],
  [`L16_Enable_${L}_`, 'bool', 'Allows uncompressed 16-bit linear audio on this extension', yn('Yes')],
  [
    `Network_Jitter_Level_${L}_`,
    'enum',
    'Expected network jitter, which sizes the jitter buffer',
    {
      default: 'high',
      values: ev(['low', 'Low'], ['medium', 'Medium'], ['high', 'High'], ['very high', 'Very high'], ['extremely high', 'Extremely high']),
    },
  ],
  [
    `Jitter_Buffer_Adjustment_${L}_`,
    'string',
    'How the jitter buffer may resize during a call (e.g. up and down, disable)',
    { default: 'up and down' },
  ],
  [`SIP_TOS_DiffServ_Value_${L}_`, 'string', 'TOS/DiffServ byte for SIP packets, as a hex value such as 0x68', { default: '0x68' }],
  [`RTP_TOS_DiffServ_Value_${L}_`, 'string', 'TOS/DiffServ byte for RTP packets, as a hex value such as 0xb8', { default: '0xb8' }],
  [`SIP_ToS_DiffServ_Value_${L}_`, 'string', 'TOS/DiffServ byte for SIP packets of this line (ATA spelling)', { default: '0x68' }],
  [`RTP_ToS_DiffServ_Value_${L}_`, 'string', 'TOS/DiffServ byte for RTP packets of this line (ATA spelling)', { default: '0xb8' }],
  [`SIP_CoS_Value_${L}_`, 'int', '802.1p priority of SIP packets', { default: '3', min: 0, max: 7 }],
  [`RTP_CoS_Value_${L}_`, 'int', '802.1p priority of RTP packets', { default: '6', min: 0, max: 7 }],
  [`NAT_Mapping_Enable_${L}_`, 'bool', 'Uses the public address (EXT_IP / STUN) in SIP messages', yn('No')],
  [`NAT_Keep_Alive_Enable_${L}_`, 'bool', 'Sends periodic keep-alive messages to hold NAT bindings open', yn('No')],
  [`NAT_Keep_Alive_Msg_${L}_`, 'string', 'Keep-alive payload: $NOTIFY, $REGISTER or literal text', { default: '$NOTIFY' }],
  [`NAT_Keep_Alive_Dest_${L}_`, 'string', 'Where keep-alives are sent: $PROXY or host:port', { default: '$PROXY' }],
  [`Shared_User_ID_${L}_`, 'string', 'User ID of the shared line this extension appears on'],
  [
    `Share_Ext_${L}_`,
    'enum',
    'Whether this extension is a private or a shared line appearance',
    { default: 'private', values: ev(['private', 'Private line'], ['shared', 'Shared line appearance']) },
  ],
  [`Subscription_Expires_${L}_`, 'int', 'Lifetime of the shared-line subscription, in seconds', { default: '3600', min: 0 }],
  [`Blind_Attn-Xfer_Enable_${L}_`, 'bool', 'Lets an attended transfer be completed before the target answers', yn('No')],
  [`MOH_Server_${L}_`, 'string', 'User ID or URI of the music-on-hold server'],
  [`Conference_Bridge_URL_${L}_`, 'string', 'URI of the network conference bridge used for n-way calls'],
  [`Auth_Page_${L}_`, 'bool', 'Requires authentication of incoming page (intercom) requests', yn('No')],
  [`Auth_Page_Realm_${L}_`, 'string', 'Realm used when authenticating page requests'],
  [`Auth_Page_Password_${L}_`, 'password', 'Password used when authenticating page requests'],
  [`Default_Ring_${L}_`, 'string', 'Ring tone number used for calls to this extension (or No Ring)', { default: '1' }],
  [`Default_Ring__${L}__`, 'string', 'Ring tone number used for calls to this extension (older SPA spelling)', { default: '1' }],
  [`State_Agent_${L}_`, 'string', 'Presence state agent URI for this extension'],
  [`CFWD_Notify_Serv_${L}_`, 'bool', 'Synchronises call-forward state with the server via NOTIFY', yn('No')],
  [`CFWD_Notifier_${L}_`, 'string', 'URI that receives call-forward state notifications'],
  [`Call_Park_Monitor_Enable_${L}_`, 'bool', 'Subscribes to call-park events for this extension', yn('No')],
  [`Feature_Key_Sync_${L}_`, 'bool', 'Synchronises DND and call-forward state with the server (BroadSoft feature key sync)', yn('No')],
  [`Enable_Broadsoft_Hoteling_${L}_`, 'bool', 'Enables BroadSoft hoteling guest login on this extension', yn('No')],
  [`Hoteling_Subscription_Expires_${L}_`, 'int', 'Lifetime of the hoteling subscription, in seconds', { min: 0 }],
  [`Broadsoft_ACD_${L}_`, 'bool', 'Enables BroadSoft call-center (ACD) agent features', yn('No')],
  [`Auto_Ans_Page_On_Active_Call_${L}_`, 'bool', 'Auto-answers a page even when a call is already active', yn('Yes')],
  [`Restrict_MWI_${L}_`, 'bool', 'Lights the message indicator only for messages of private lines', yn('No')],
  [`Mini_Certificate_${L}_`, 'string', 'Mini certificate used for SRTP key exchange (x-sipura method)'],
  [`SRTP_Private_Key_${L}_`, 'password', 'Private key paired with the mini certificate for SRTP'],
  [`Sticky_183_${L}_`, 'bool', 'Ignores later 180 responses once a 183 with SDP was received', yn('No')],
  [`Auth_INVITE_${L}_`, 'bool', 'Challenges incoming INVITE requests', yn('No')],
  [`Ntfy_Refer_On_1xx-To-Inv_${L}_`, 'bool', 'Sends a NOTIFY to the referrer for each provisional response during transfer', yn('Yes')],
  [`Use_Anonymous_With_RPID_${L}_`, 'bool', 'Uses Anonymous in the caller name when Remote-Party-ID privacy is requested', yn('Yes')],
  [`Use_Local_Addr_In_FROM_${L}_`, 'bool', 'Puts the local IP address instead of the proxy in the From header', yn('No')],
  [`Referor_Bye_Delay_${L}_`, 'int', 'Seconds before the transferring party hangs up after a transfer', { default: '4', min: 0 }],
  [`Referee_Bye_Delay_${L}_`, 'int', 'Seconds before the transferred party ends the old call', { default: '0', min: 0 }],
  [`Refer_Target_Bye_Delay_${L}_`, 'int', 'Seconds before the transfer target ends the old call', { default: '0', min: 0 }],
  [`Refer-To_Target_Contact_${L}_`, 'bool', 'Uses the target contact URI in Refer-To when transferring', yn('No')],
  [`User_Equal_Phone_${L}_`, 'bool', 'Adds user=phone to SIP URIs of telephone numbers', yn('No')],
  [`Reversed_Auth_Realm_${L}_`, 'string', 'Realm used when the phone challenges the server (reversed authentication)'],
  [`SIP_URI_${L}_`, 'string', 'SIP URI for the extension instead of building it from User_ID and Proxy'],
  [`Monitor_User_ID_${L}_`, 'string', 'User ID whose line state is monitored'],
  [`User_ID_with_Domain_${L}_`, 'string', 'User ID including domain, for servers that need it'],
  [`Voice_Quality_Report_Address_${L}_`, 'string', 'Collector address for RTCP-XR voice quality reports'],
  [`Resident_Online_Number_${L}_`, 'string', 'Resident online number of the extension'],
  [`Enable_URI_Dialing_${L}_`, 'bool', 'Allows dialling SIP URIs from this extension', yn('No')],
  [`Encryption_Method_${L}_`, 'string', 'SRTP crypto suite used for secure calls (e.g. AES 128)'],
  [`Secure_Call_Option_${L}_`, 'string', 'Whether secure (SRTP) calls are optional or required'],
  [`TLS_Name_Validate_${L}_`, 'bool', 'Checks the server name against its TLS certificate', yn('Yes')],
  [`Company_UUID_${L}_`, 'string', 'Company UUID for Webex / cloud registration'],
  [`Primary_Request_URL_${L}_`, 'url', 'Primary request URL for cloud (Webex) registration'],
  [`Secondary_Request_URL_${L}_`, 'url', 'Secondary request URL for cloud (Webex) registration'],
  [`Broadsoft_ALTC_${L}_`, 'bool', 'Enables BroadSoft alternate connectivity (ALTC) for IPv4/IPv6', yn('No')],
  [`Call_Waiting_Serv_${L}_`, 'bool', 'Offers call waiting on this line', yn('Yes')],
  [`Registrar_Server_${L}_`, 'host', 'Registrar server when it differs from the proxy'],
  [`DTMF_Tx_Volume_for_AVT_Packet_${L}_`, 'int', 'Volume field of transmitted RFC 2833 events, in dBm'],
  [`DTMF_AVT_Packet_Interval_${L}_`, 'int', 'Interval between transmitted RFC 2833 packets, in milliseconds'],
  [`Reply_182_On_Call_Waiting_${L}_`, 'bool', 'Answers a waiting call with 182 Queued (ATAs)', yn('No')],

  // --- Line keys and expansion modules
  [
    'Extension_{linekey}_',
    'enum',
    'Extension shown on this line key, or Disabled to free the key for other functions',
    {
      values: ev(['Disabled', 'Not bound to an extension'], ...Array.from({ length: 16 }, (_, i) => [String(i + 1), `Extension ${i + 1}`])),
    },
  ],
  ['Short_Name_{linekey}_', 'string', 'Label shown next to the line key ($USER shows the user ID)'],
  [
    'Share_Call_Appearance_{linekey}_',
    'enum',
    'Private line or shared call appearance on this key',
    { default: 'private', values: ev(['private', 'Private'], ['shared', 'Shared']) },
  ],
  ['Extended_Function_{linekey}_', 'string', 'Extra function of the line key, e.g. fnc=blf+sd+cp;sub=101@$PROXY;nme=Bob'],
  ['Unit_{unit}_Key_{unitkey}', 'string', 'Function of a key on an expansion module, e.g. fnc=blf+sd;sub=101@$PROXY;nme=Bob (SPA)'],
  ['Unit_{unit}_Key_{unitkey}_', 'string', 'Function of a key on an expansion module, e.g. fnc=blf+sd;sub=101@$PROXY;nme=Bob (MPP)'],
  ['Unit_{unit}_Enable', 'bool', 'Turns the expansion module on', yn('Yes')],
  ['Number_of_Units', 'int', 'Number of attached key expansion modules', { min: 0, max: 3 }],
  ['BLF_List_URI', 'string', 'Resource-list URI the phone subscribes to for busy-lamp fields'],
  ['Use_Line_Keys_For_BLF_List', 'bool', 'Also uses free line keys for entries of the BLF list', yn('No')],
  [
    'BLF_Label_Display_Mode',
    'enum',
    'What a BLF key shows as its label',
    { values: ev(['Name', 'Name'], ['Ext', 'Extension'], ['Both', 'Name and extension']) },
  ],
  ['Call_Appearances_Per_Line', 'int', 'Number of simultaneous calls one line key can hold (MPP)', { min: 1 }],
  ['Call_Appearance_Per_Line', 'int', 'Number of simultaneous calls one line key can hold (SPA spelling)', { min: 1 }],
  [
    'SCA_Line_ID_Mapping',
    'enum',
    'How shared call appearances are numbered across keys',
    { values: ev(['Horizontal First', 'Horizontal first'], ['Vertical First', 'Vertical first']) },
  ],
  [
    'Line_ID_Mapping',
    'enum',
    'How line keys are numbered across key columns',
    { values: ev(['Horizontal First', 'Horizontal first'], ['Vertical First', 'Vertical first']) },
  ],
  ['SCA_Barge-In_Enable', 'bool', 'Lets users barge in on a shared line in use (SPA spelling)', yn('No')],
  ['SCA_Barge-In-Enable', 'bool', 'Lets users barge in on a shared line in use (MPP spelling)', yn('No')],
  ['SCA_Sticky_Auto_Line_Seize', 'bool', 'Seizes the same shared line again when going off-hook', yn('No')],
  ['Programmable_Softkey_Enable', 'bool', 'Uses the PSK and *_Key_List settings for the softkeys', yn('No')],
  ['PSK_{psk}', 'string', 'Definition of programmable softkey N, e.g. fnc=sd;ext=100@$PROXY;nme=Help'],

  // --- Provisioning and firmware
  ['Provision_Enable', 'bool', 'Allows the phone to resync its profile from the provisioning server', yn('Yes')],
  ['Resync_On_Reset', 'bool', 'Resyncs the profile after every reboot', yn('Yes')],
  ['Resync_Random_Delay', 'int', 'Upper bound of a random delay before a resync at boot, in units of 20 seconds', { default: '2', min: 0 }],
  ['Resync_At__HHmm_', 'string', 'Daily resync time as HHmm (MPP spelling)', { pattern: '^([01]\\d|2[0-3])[0-5]\\d$' }],
  ['Resync_At_HHmm_', 'string', 'Daily resync time as HHmm (alternative spelling)', { pattern: '^([01]\\d|2[0-3])[0-5]\\d$' }],
  ['Resync_At_Random_Delay', 'int', 'Random delay added to the daily resync time, in seconds', { default: '600', min: 0 }],
  ['Resync_Periodic', 'int', 'Seconds between periodic resyncs; 0 disables periodic resync', { default: '3600', min: 0 }],
  ['Resync_Error_Retry_Delay', 'int', 'Seconds before retrying a failed resync', { default: '3600', min: 0 }],
  ['Forced_Resync_Delay', 'int', 'Longest time in seconds a due resync waits for the phone to become idle', { default: '14400', min: 0 }],
  ['Resync_From_SIP', 'bool', 'Lets a SIP NOTIFY (event resync/check-sync) trigger a resync', yn('Yes')],
  ['Resync_After_Upgrade_Attempt', 'bool', 'Resyncs after every firmware upgrade attempt', yn('Yes')],
  ['Resync_Trigger_1', 'string', 'Condition that triggers a resync when it becomes true'],
  ['Resync_Trigger_2', 'string', 'Second condition that triggers a resync when it becomes true'],
  ['Resync_Fails_On_FNF', 'bool', 'Counts a missing profile file (404) as a failed resync', yn('Yes')],
  [
    'Profile_Rule',
    'string',
    'Profile URL or rule the phone resyncs from; may hold [--uid u --pwd p] options and macros such as $MA, $PSN',
    { default: '/$PSN.xml' },
  ],
  ['Profile_Rule_B', 'string', 'Second profile rule, fetched after Profile_Rule'],
  ['Profile_Rule_C', 'string', 'Third profile rule, fetched after Profile_Rule_B'],
  ['Profile_Rule_D', 'string', 'Fourth profile rule, fetched after Profile_Rule_C'],
  ['DHCP_Option_To_Use', 'list', 'DHCP options searched, in order, for the provisioning server', { default: '66,160,159,150,60,43,125' }],
  ['Report_Rule', 'string', 'URL the phone uploads its configuration report to'],
  ['User_Configurable_Resync', 'bool', 'Lets the user start a resync from the phone menu', yn('Yes')],
  ['Log_Resync_Request_Msg', 'string', 'Syslog message written when a resync starts (may use $PN, $MAC, $SCHEME, ...)'],
  ['Log_Resync_Success_Msg', 'string', 'Syslog message written after a successful resync'],
  ['Log_Resync_Failure_Msg', 'string', 'Syslog message written after a failed resync ($ERR holds the reason)'],
  ['Log_Request_Msg', 'string', 'Syslog message written when a resync starts (MPP name)'],
  ['Log_Success_Msg', 'string', 'Syslog message written after a successful resync (MPP name)'],
  ['Log_Failure_Msg', 'string', 'Syslog message written after a failed resync (MPP name)'],
  ['Upgrade_Enable', 'bool', 'Allows firmware upgrades through Upgrade_Rule', yn('Yes')],
  ['Upgrade_Error_Retry_Delay', 'int', 'Seconds before retrying a failed firmware upgrade', { default: '3600', min: 0 }],
  ['Downgrade_Rev_Limit', 'string', 'Lowest firmware version the phone may be downgraded to'],
  ['Upgrade_Rule', 'string', 'Firmware image URL or rule, e.g. http://host/fw/$PSN.loads; may hold conditions and macros'],
  ['Log_Upgrade_Request_Msg', 'string', 'Syslog message written when a firmware upgrade starts'],
  ['Log_Upgrade_Success_Msg', 'string', 'Syslog message written after a successful firmware upgrade'],
  ['Log_Upgrade_Failure_Msg', 'string', 'Syslog message written after a failed firmware upgrade'],
  ['License_Keys', 'string', 'License keys that unlock optional features'],
  ['Custom_CA_Rule', 'string', 'URL of a custom CA certificate the phone installs (MPP spelling)'],
  ['Custom_CA_RULE', 'string', 'URL of a custom CA certificate the phone installs (SPA spelling)'],
  ['Custom_CA_URL', 'url', 'URL of a custom CA certificate'],
  ['HTTP_User_Agent_Name', 'string', 'User-Agent sent in HTTP requests (macros such as $VERSION, $MA allowed)'],
  ['Enable_Direct_Action_Url', 'bool', 'Allows actions to be triggered through direct URLs on the web server', yn('Yes')],
  ['PRT_Upload_Rule', 'string', 'URL the problem report tool uploads its archive to'],
  ['PRT_Upload_Url', 'url', 'URL the problem report tool uploads its archive to (ATA name)'],
  [
    'PRT_Upload_Method',
    'enum',
    'HTTP method used to upload problem reports',
    { default: 'POST', values: ev(['POST', 'HTTP POST'], ['PUT', 'HTTP PUT']) },
  ],
  ['PRT_Max_Timer', 'int', 'Interval in minutes for automatic problem report uploads', { min: 0 }],
  ['PRT_Name', 'string', 'File name prefix of uploaded problem reports'],
  ['Profile_Stamp_{line}_', 'string', 'Stamp of the last profile applied (read-back value)'],

  // --- Time
  ['Primary_NTP_Server', 'host', 'First NTP server used to set the clock'],
  ['Secondary_NTP_Server', 'host', 'NTP server used when the first one does not answer'],
  [
    'Time_Zone',
    'string',
    'Time zone as an offset from GMT, e.g. GMT-05:00',
    { default: 'GMT-08:00', pattern: '^GMT([+-]\\d{2}:\\d{2})?$' },
  ],
  ['Time_Offset__HH_mm_', 'string', 'Extra offset added to the time zone, as HH/mm'],
  ['Ignore_DHCP_Time_Offset', 'bool', 'Ignores the time offset supplied by DHCP', yn('Yes')],
  ['Daylight_Saving_Time_Rule', 'string', 'Daylight saving rule, e.g. start=3/-1/7/2;end=10/-1/7/2;save=1'],
  ['Daylight_Saving_Time_Enable', 'bool', 'Applies the daylight saving rule', yn('Yes')],
  ['Set_Local_Date__mm_dd_', 'string', 'Sets the date by hand as mm/dd (SPA)'],
  ['Set_Local_Date__mm_dd_yyyy_', 'string', 'Sets the date by hand as mm/dd/yyyy (MPP)'],
  ['Set_Local_Time__HH_mm_', 'string', 'Sets the time by hand as HH/mm'],
  ['Time_Format', 'enum', 'Clock format on the display', { values: ev(['12hr', '12-hour clock'], ['24hr', '24-hour clock']) }],
  ['Date_Format', 'enum', 'Date order on the display', { values: ev(['month/day', 'Month first'], ['day/month', 'Day first']) }],
  ['NTP_Enable', 'enum', 'Uses NTP to set the clock (ATA router section, 0/1)', { values: onoff01 }],
  ['Time_Server', 'host', 'NTP server of the ATA router section'],
  ['Time_Server_Mode', 'string', 'Whether the ATA takes its NTP server from DHCP or manual setting'],
  ['Auto_Adjust_Clock', 'enum', 'Adjusts the ATA clock for daylight saving automatically (0/1)', { values: onoff01 }],
  ['Auto_Recovery_System_Time', 'enum', 'Restores the ATA system time after a reboot (0/1)', { values: onoff01 }],
  ['Time_Mode', 'string', 'How the ATA sets its clock (manual or automatic)'],

  // --- Network
  [
    'Connection_Type',
    'enum',
    'How the phone gets its IPv4 address',
    { default: 'DHCP', values: ev(['DHCP', 'From DHCP'], ['Static IP', 'Fixed address']) },
  ],
  ['Static_IP', 'ip', 'Fixed IPv4 address, used when Connection_Type is Static IP'],
  ['NetMask', 'ip', 'Subnet mask for the fixed address'],
  ['Gateway', 'ip', 'Default gateway for the fixed address'],
  ['Primary_DNS', 'ip', 'First DNS server'],
  ['Secondary_DNS', 'ip', 'Second DNS server'],
  [
    'DNS_Server_Order',
    'enum',
    'Whether manual or DHCP-supplied DNS servers are tried first',
    {
      default: 'Manual,DHCP',
      values: ev(['Manual', 'Only manual servers'], ['Manual,DHCP', 'Manual, then DHCP'], ['DHCP,Manual', 'DHCP, then manual']),
    },
  ],
  [
    'DNS_Query_Mode',
    'enum',
    'Whether DNS servers are queried in parallel or one after another',
    { default: 'Parallel', values: ev(['Parallel', 'Parallel'], ['Sequential', 'Sequential']) },
  ],
  ['DNS_Caching_Enable', 'bool', 'Caches DNS answers', yn('Yes')],
  ['DNS_Query_TTL_Ignore', 'bool', 'Ignores the TTL of DNS answers', yn('No')],
  ['HostName', 'string', 'Host name of the phone (SPA)'],
  ['Host_Name', 'string', 'Host name of the phone (MPP, ATA)'],
  ['Domain', 'string', 'Network domain of the phone'],
  ['Enable_VLAN', 'bool', 'Tags the phone traffic with VLAN_ID', yn('No')],
  ['VLAN_ID', 'int', 'VLAN of the phone traffic', { default: '1', min: 1, max: 4095 }],
  ['Enable_CDP', 'bool', 'Uses Cisco Discovery Protocol (e.g. to learn the voice VLAN)', yn('Yes')],
  ['Enable_LLDP-MED', 'bool', 'Uses LLDP-MED to learn network policy such as the voice VLAN', yn('Yes')],
  ['Network_Startup_Delay', 'int', 'Seconds to wait for the switch before starting network discovery', { default: '3', min: 0 }],
  ['Enable_PC_Port_VLAN_Tagging', 'bool', 'Tags traffic from the PC port with PC_Port_VLAN_ID', yn('No')],
  ['PC_Port_VLAN_ID', 'int', 'VLAN applied to traffic from the PC port', { default: '1', min: 0, max: 4095 }],
  [
    'PC_Port_VLAN_Highest_Priority',
    'string',
    'Highest 802.1p priority allowed for PC port traffic (No Limit or 0-7)',
    { default: 'No Limit' },
  ],
  ['PC_PORT_Enable', 'bool', 'Turns the PC pass-through port on', yn('Yes')],
  ['Switch_Port_Config', 'string', 'Speed/duplex of the network port (AUTO, 10 HALF, 100 FULL, ...)', { default: 'AUTO' }],
  ['PC_Port_Config', 'string', 'Speed/duplex of the PC port (AUTO, 10 HALF, 100 FULL, ...)', { default: 'AUTO' }],
  ['Enable_802.1X_Authentication', 'bool', 'Authenticates the phone on the switch port with 802.1X', yn('No')],
  ['Syslog_Server', 'host', 'Syslog server (host or host:port) for log messages'],
  ['Debug_Server', 'host', 'Server that receives debug log messages'],
  ['Debug_Level', 'string', 'Amount of logging: 0-3 on SPA, a syslog level such as NOTICE or DEBUG on MPP'],
  ['EXT_IP', 'ip', 'Public IP address used in SIP messages when NAT mapping is on'],
  ['EXT_RTP_Port_Min', 'int', 'First public RTP port used with NAT mapping; 0 keeps the local ports', { min: 0, max: 65535 }],
  ['STUN_Enable', 'bool', 'Discovers the public address with STUN', yn('No')],
  ['STUN_Test_Enable', 'bool', 'Tests the NAT type with STUN at boot', yn('No')],
  ['STUN_Server', 'host', 'STUN server used to discover the public address'],
  ['NAT_Keep_Alive_Intvl', 'int', 'Seconds between NAT keep-alive messages', { default: '15', min: 0 }],
  ['Redirect_Keep_Alive', 'bool', 'Re-targets keep-alives when the server redirects the phone', yn('No')],
  ['Handle_VIA_received', 'bool', 'Uses the received parameter of the Via header to learn the public address', yn('No')],
  ['Handle_VIA_rport', 'bool', 'Uses the rport parameter of the Via header to learn the public port', yn('No')],
  ['Insert_VIA_received', 'bool', 'Adds a received parameter to the Via header of responses', yn('No')],
  ['Insert_VIA_rport', 'bool', 'Adds an rport parameter to the Via header of responses', yn('No')],
  ['Substitute_VIA_Addr', 'bool', 'Puts the public address into the Via header', yn('No')],
  ['Send_Resp_To_Src_Port', 'bool', 'Sends responses to the source port of the request instead of the Via port', yn('No')],
  [
    'IP_Mode',
    'enum',
    'IP stack mode of the phone',
    { values: ev(['IPv4 Only', 'IPv4 only'], ['IPv6 Only', 'IPv6 only'], ['Dual Mode', 'IPv4 and IPv6']) },
  ],

  // --- Web access and passwords
  ['Enable_Web_Server', 'bool', 'Turns the built-in web server on', yn('Yes')],
  ['Enable_Web_Admin_Access', 'bool', 'Allows administrator access to the web pages', yn('Yes')],
  ['Web_Server_Port', 'port', 'TCP port of the built-in web server', { default: '80' }],
  ['Enable_Protocol', 'enum', 'Protocol of the built-in web server', { default: 'Http', values: ev(['Http', 'HTTP'], ['Https', 'HTTPS']) }],
  ['Admin_Passwd', 'password', 'Administrator password of the web pages (SPA)'],
  ['Admin_Password', 'password', 'Administrator password of the web pages (MPP)'],
  ['User_Password', 'password', 'User password of the web pages and phone menu'],
  ['IVR_Admin_Passwd', 'password', 'Password of the voice (IVR) administration menu on ATAs'],
  ['Web_Login_Admin_Name', 'string', 'Administrator login name of the ATA web pages', { default: 'admin' }],
  ['Web_Login_Admin_Password', 'password', 'Administrator password of the ATA web pages'],
  ['Web_Login_Guest_Name', 'string', 'Guest login name of the ATA web pages', { default: 'cisco' }],
  ['Web_Login_Guest_Password', 'password', 'Guest password of the ATA web pages'],
  ['Restricted_Access_Domains', 'list', 'Domains from which the phone accepts configuration or requests'],
  ['Phone-UI-readonly', 'bool', 'Makes the configuration menus of the phone read-only', yn('No')],
  ['Phone-UI-user-mode', 'bool', 'Shows only user-level menus on the phone (SPA spelling)', yn('No')],
  ['Phone-UI-User-Mode', 'bool', 'Shows only user-level menus on the phone (MPP spelling)', yn('No')],
  ['Session_Max_Timeout', 'int', 'Longest web session in seconds', { min: 0 }],
  ['Session_Idle_Timeout', 'int', 'Seconds of inactivity before a web session ends', { min: 0 }],
  ['Enable_SSLv3', 'bool', 'Allows the obsolete SSLv3 protocol', yn('No')],
  [
    'Signaling_Protocol',
    'enum',
    'Call control protocol of the phone',
    { default: 'SIP', values: ev(['SIP', 'SIP'], ['SPCP', 'Cisco SPCP (UC500)']) },
  ],
  ['SPCP_Auto-detect', 'bool', 'Detects an SPCP call controller automatically', yn('Yes')],
  ['Protect_IVR_FactoryReset', 'bool', 'Requires the admin password for a factory reset from the voice menu', yn('No')],

  // --- SIP global
  ['Max_Forward', 'int', 'Initial Max-Forwards value of outgoing requests', { default: '70', min: 1, max: 255 }],
  ['Max_Redirection', 'int', 'How many times an INVITE may be redirected', { default: '5', min: 0 }],
  ['Max_Auth', 'int', 'How many times a request may be challenged', { default: '2', min: 0 }],
  ['SIP_User_Agent_Name', 'string', 'User-Agent header of SIP requests ($VERSION expands to the firmware)', { default: '$VERSION' }],
  ['SIP_Server_Name', 'string', 'Server header of SIP responses', { default: '$VERSION' }],
  ['SIP_Reg_User_Agent_Name', 'string', 'User-Agent header used in REGISTER requests only'],
  ['SIP_Accept_Language', 'string', 'Accept-Language header value'],
  ['DTMF_Relay_MIME_Type', 'string', 'Content type of SIP INFO DTMF messages', { default: 'application/dtmf-relay' }],
  ['Hook_Flash_MIME_Type', 'string', 'Content type of SIP INFO hook-flash messages', { default: 'application/hook-flash' }],
  ['Remove_Last_Reg', 'bool', 'Removes the previous registration when the proxy changes', yn('No')],
  ['Use_Compact_Header', 'bool', 'Uses compact SIP header names', yn('No')],
  ['Escape_Display_Name', 'bool', 'Quotes the display name in SIP headers', yn('No')],
  ['SIP-B_Enable', 'bool', 'Enables SIP-B (BroadSoft) extensions', yn('No')],
  ['Talk_Package', 'bool', 'Supports the BroadSoft talk event package', yn('No')],
  ['Hold_Package', 'bool', 'Supports the BroadSoft hold event package', yn('No')],
  ['Conference_Package', 'bool', 'Supports the BroadSoft conference event package', yn('No')],
  ['Notify_Conference', 'bool', 'Sends conference NOTIFY messages', yn('No')],
  ['RFC_2543_Call_Hold', 'bool', 'Puts calls on hold with the old c=0.0.0.0 method', yn('Yes')],
  ['Random_REG_CID_On_Reboot', 'bool', 'Uses a new random Call-ID for REGISTER after each reboot (SPA spelling)', yn('No')],
  ['Random_REG_CID_on_Reboot', 'bool', 'Uses a new random Call-ID for REGISTER after each reboot (MPP spelling)', yn('No')],
  ['Mark_All_AVT_Packets', 'bool', 'Sets the marker bit on every RFC 2833 packet of an event', yn('Yes')],
  ['SIP_TCP_Port_Min', 'port', 'Lowest local port used for SIP over TCP', { default: '5060' }],
  ['SIP_TCP_Port_Max', 'port', 'Highest local port used for SIP over TCP', { default: '5080' }],
  ['CTI_Enable', 'bool', 'Lets a computer-telephony application control the phone', yn('No')],
  [
    'Caller_ID_Header',
    'enum',
    'Which headers are read, in order, for the caller identity',
    {
      default: 'PAID-RPID-FROM',
      values: ev(
        ['PAID-RPID-FROM', 'P-Asserted-Identity, Remote-Party-ID, From'],
        ['PAID-FROM', 'P-Asserted-Identity, From'],
        ['RPID-PAID-FROM', 'Remote-Party-ID, P-Asserted-Identity, From'],
        ['RPID-FROM', 'Remote-Party-ID, From'],
        ['FROM', 'From only'],
      ),
    },
  ],
  [
    'SRTP_Method',
    'enum',
    'Key exchange method for SRTP',
    {
      default: 'x-sipura',
      values: ev(['x-sipura', 'Sipura mini-certificate method'], ['s-descriptor', 'SDP security descriptions (RFC 4568)']),
    },
  ],
  ['Hold_Target_Before_REFER', 'bool', 'Puts the transfer target on hold before sending REFER (SPA spelling)', yn('No')],
  ['Hold_Target_Before_Refer', 'bool', 'Puts the transfer target on hold before sending REFER (MPP spelling)', yn('No')],
  ['Dialog_SDP_Enable', 'bool', 'Includes SDP in dialog event notifications', yn('No')],
  ['Keep_Referee_When_REFER_Failed', 'bool', 'Keeps the call with the referee when a transfer fails (SPA spelling)', yn('No')],
  ['Keep_Referee_When_Refer_Failed', 'bool', 'Keeps the call with the referee when a transfer fails (MPP spelling)', yn('No')],
  ['Display_Diversion_Info', 'bool', 'Shows diversion (forwarding) information of incoming calls', yn('No')],
  ['Display_Anonymous_From_Header', 'bool', 'Shows the From header of anonymous calls', yn('No')],
  [
    'Sip_Accept_Encoding',
    'enum',
    'Accept-Encoding offered in SIP',
    { default: 'none', values: ev(['none', 'No compression'], ['gzip', 'gzip']) },
  ],
  ['Disable_Local_Name_To_Header', 'bool', 'Leaves the local directory name out of the To header', yn('No')],
  ['SIP_Reg_Starting_Sequence_Number', 'int', 'CSeq number of the first REGISTER', { min: 0 }],
  ['SIP_T1', 'string', 'SIP timer T1 (round-trip estimate) in seconds, e.g. .5', { default: '.5' }],
  ['SIP_T2', 'string', 'SIP timer T2 (maximum retransmit interval) in seconds', { default: '4' }],
  ['SIP_T4', 'string', 'SIP timer T4 (maximum time a message stays in the network) in seconds', { default: '5' }],
  ['SIP_Timer_B', 'string', 'INVITE transaction timeout in seconds', { default: '16' }],
  ['SIP_Timer_F', 'string', 'Non-INVITE transaction timeout in seconds', { default: '16' }],
  ['SIP_Timer_H', 'string', 'Wait time for ACK after a final INVITE response, in seconds', { default: '16' }],
  ['SIP_Timer_D', 'string', 'Wait time for response retransmissions after an INVITE failure, in seconds', { default: '16' }],
  ['SIP_Timer_J', 'string', 'Wait time for retransmissions of non-INVITE requests, in seconds', { default: '16' }],
  ['INVITE_Expires', 'int', 'Expires value of outgoing INVITE requests, in seconds', { default: '240', min: 0 }],
  ['ReINVITE_Expires', 'int', 'Expires value of re-INVITE requests, in seconds', { default: '30', min: 0 }],
  ['Reg_Min_Expires', 'int', 'Shortest registration lifetime accepted from the proxy, in seconds', { default: '1', min: 0 }],
  ['Reg_Max_Expires', 'int', 'Longest registration lifetime accepted from the proxy, in seconds', { default: '7200', min: 0 }],
  ['Reg_Retry_Intvl', 'int', 'Seconds before retrying a failed registration', { default: '30', min: 0 }],
  [
    'Reg_Retry_Long_Intvl',
    'int',
    'Seconds before retrying a registration that failed with a Retry_Reg_RSC code',
    { default: '1200', min: 0 },
  ],
  ['Reg_Retry_Random_Delay', 'int', 'Random delay added to the registration retry interval, in seconds', { min: 0 }],
  ['Reg_Retry_Long_Random_Delay', 'int', 'Random delay added to the long registration retry interval, in seconds', { min: 0 }],
  ['Reg_Retry_Intvl_Cap', 'int', 'Upper bound of the exponentially growing registration retry interval, in seconds', { min: 0 }],
  ['Sub_Min_Expires', 'int', 'Shortest subscription lifetime accepted, in seconds', { default: '10', min: 0 }],
  ['Sub_Max_Expires', 'int', 'Longest subscription lifetime accepted, in seconds', { default: '7200', min: 0 }],
  ['Sub_Retry_Intvl', 'int', 'Seconds before retrying a failed subscription', { default: '10', min: 0 }],
  ['Try_Backup_RSC', 'list', 'SIP response codes that make the phone try the backup proxy'],
  ['Retry_Reg_RSC', 'list', 'SIP response codes after which registration is retried with the long interval'],
  ['RTP_Port_Min', 'port', 'Lowest local RTP port', { default: '16384' }],
  ['RTP_Port_Max', 'port', 'Highest local RTP port', { default: '16482' }],
  ['RTP_Packet_Size', 'string', 'Packetisation time in seconds, e.g. 0.020', { default: '0.020' }],
  ['Max_RTP_ICMP_Err', 'int', 'ICMP errors tolerated on RTP before the call is dropped; 0 never drops', { default: '0', min: 0 }],
  ['RTCP_Tx_Interval', 'int', 'Seconds between RTCP reports; 0 disables RTCP', { default: '0', min: 0 }],
  ['No_UDP_Checksum', 'bool', 'Leaves the UDP checksum of SIP packets empty', yn('No')],
  ['Symmetric_RTP', 'bool', 'Sends RTP to the address and port it comes from', yn('No')],
  ['Stats_In_BYE', 'bool', 'Adds call statistics to BYE messages', yn('No')],
  ['AVT_Dynamic_Payload', 'int', 'RTP payload type of RFC 2833 telephone events', { default: '101', min: 96, max: 127 }],
  ['AVT_Codec_Name', 'string', 'SDP name announced for RFC 2833 events', { default: 'telephone-event' }],
  ['Linksys_Key_System', 'bool', 'Enables the Linksys/Cisco key system features with a local SPA9000/UC controller', yn('No')],
  ['Force_LAN_Codec', 'string', 'Codec forced for calls inside the key system (none, G.711u, G.711a)', { default: 'none' }],

  // --- Phone general, directory, display
  ['Station_Name', 'string', 'Name of the phone, shown on the display and used in some SIP headers'],
  ['Station_Display_Name', 'string', 'Name shown at the top of the display (MPP)'],
  ['Voice_Mail_Number', 'string', 'Number dialled by the messages key'],
  ['Text_Logo', 'string', 'Text shown as the boot/idle logo when Select_Logo is Text Logo'],
  ['BMP_Picture_Download_URL', 'url', 'URL of a BMP image used as logo or background'],
  [
    'Select_Logo',
    'enum',
    'What the phone shows as its boot logo',
    {
      values: ev(
        ['Default', 'Cisco logo'],
        ['Text Logo', 'The Text_Logo text'],
        ['BMP Picture', 'The downloaded picture'],
        ['None', 'Nothing'],
      ),
    },
  ],
  ['Select_Background_Picture', 'string', 'Idle screen background (None, BMP Picture, Text Logo)'],
  ['Screen_Saver_Enable', 'bool', 'Turns the screen saver on', yn('No')],
  ['Screen_Saver_Wait', 'int', 'Idle seconds before the screen saver starts', { default: '300', min: 0 }],
  ['Screen_Saver_Icon', 'string', 'What the screen saver shows'],
  ['Back_Light_Timer', 'string', 'Idle time before the backlight turns off (e.g. 10s, 20s, 30s, Always On)'],
  ['LCD_Contrast', 'int', 'Contrast of the display', { min: 1, max: 30 }],
  ['XML_Directory_Service_Name', 'string', 'Name of the XML directory shown in the Directory menu'],
  ['XML_Directory_Service_URL', 'url', 'URL of an XML directory (CiscoIPPhoneDirectory / menu document)'],
  ['XML_Application_Service_Name', 'string', 'Name of the XML application shown on the phone'],
  ['XML_Application_Service_URL', 'url', 'URL of the XML application'],
  ['XML_User_Name', 'string', 'User name sent when fetching XML services'],
  ['XML_Password', 'password', 'Password sent when fetching XML services'],
  ['CISCO_XML_EXE_Enable', 'bool', 'Accepts pushed Cisco XML objects (CiscoIPPhoneExecute)', yn('No')],
  [
    'CISCO_XML_EXE_Auth_Mode',
    'enum',
    'How pushed XML objects are authenticated',
    {
      values: ev(
        ['Trusted', 'No authentication'],
        ['Local Credential', 'Digest with the phone password'],
        ['Remote Credential', 'Digest against a remote server'],
      ),
    },
  ],
  ['Directory_Enable', 'bool', 'Shows the BroadSoft directory', yn('No')],
  ['Directory_Name', 'string', 'Name of the BroadSoft directory'],
  ['Directory_Type', 'string', 'Kind of BroadSoft directory (Enterprise, Group, Personal, ...)'],
  ['Directory_UserID', 'string', 'User ID for the BroadSoft XSI directory'],
  ['Directory_Password', 'password', 'Password for the BroadSoft XSI directory'],
  ['XSI_Host_Server', 'host', 'BroadSoft XSI server'],
  ['LDAP_Dir_Enable', 'bool', 'Turns the LDAP corporate directory on', yn('No')],
  ['LDAP_Corp_Dir_Name', 'string', 'Name of the LDAP directory shown on the phone'],
  ['LDAP_Server', 'host', 'LDAP server (host or host:port)'],
  [
    'LDAP_Auth_Method',
    'enum',
    'How the phone binds to the LDAP server',
    { default: 'None', values: ev(['None', 'Anonymous'], ['Simple', 'Simple bind'], ['DIGEST-MD5', 'SASL DIGEST-MD5']) },
  ],
  ['LDAP_Client_DN', 'string', 'Bind DN used with simple authentication'],
  ['LDAP_Username', 'string', 'User name used with DIGEST-MD5 authentication'],
  ['LDAP_Password', 'password', 'Password for the LDAP bind'],
  ['LDAP_Search_Base', 'string', 'Base DN of LDAP searches'],
  ['LDAP_Last_Name_Filter', 'string', 'LDAP filter used for the last-name search field'],
  ['LDAP_First_Name_Filter', 'string', 'LDAP filter used for the first-name search field'],
  ['LDAP_Search_Item_3', 'string', 'Label of the third LDAP search field'],
  ['LDAP_Search_Item_4', 'string', 'Label of the fourth LDAP search field'],
  ['LDAP_Item_3_Filter', 'string', 'LDAP filter of the third search field'],
  ['LDAP_Item_4_Filter', 'string', 'LDAP filter of the fourth search field'],
  ['LDAP_item_3_Filter', 'string', 'LDAP filter of the third search field (lower-case spelling found in SPA profiles)'],
  ['LDAP_item_4_Filter', 'string', 'LDAP filter of the fourth search field (lower-case spelling found in SPA profiles)'],
  ['LDAP_Display_Attrs', 'string', 'Which LDAP attributes are shown in search results'],
  ['LDAP_Number_Mapping', 'string', 'Rule that rewrites numbers found in LDAP before dialling'],
  ['Language_Selection', 'string', 'Language of the phone display, e.g. English-US'],
  ['Dictionary_Server_Script', 'string', 'Where the phone downloads language dictionaries'],
  ['Locale', 'string', 'Locale of the phone, e.g. en-US'],
  ['Default_Character_Encoding', 'string', 'Character encoding used for text (e.g. ISO-8859-1, UTF-8)'],

  // --- User settings
  ['Cfwd_All_Dest', 'string', 'Number all calls are forwarded to'],
  ['Cfwd_Busy_Dest', 'string', 'Number calls are forwarded to when busy'],
  ['Cfwd_No_Ans_Dest', 'string', 'Number calls are forwarded to when unanswered'],
  ['Cfwd_No_Ans_Delay', 'int', 'Seconds of ringing before an unanswered call is forwarded', { default: '20', min: 0 }],
  ['Cfwd_Setting', 'bool', 'Turns call forwarding on for the phone', yn('Yes')],
  ['Speed_Dial_{speeddial}', 'string', 'Number (or URI) stored in speed-dial entry N'],
  ['Speed_Dial_{speeddial}_Name', 'string', 'Name of speed-dial entry N (MPP)'],
  ['Speed_Dial_{speeddial}_Number', 'string', 'Number of speed-dial entry N (MPP)'],
  ['CW_Setting', 'bool', 'Call waiting on or off', yn('Yes')],
  ['Block_CID_Setting', 'bool', 'Hides the caller ID on outgoing calls', yn('No')],
  ['Block_ANC_Setting', 'bool', 'Rejects anonymous incoming calls', yn('No')],
  ['DND_Setting', 'bool', 'Do not disturb on or off', yn('No')],
  ['Secure_Call_Setting', 'bool', 'Makes every call secure (SRTP)', yn('No')],
  ['Dial_Assistance', 'bool', 'Suggests numbers from call history while dialling', yn('No')],
  ['Auto_Answer_Page', 'bool', 'Answers incoming pages automatically', yn('Yes')],
  ['Preferred_Audio_Device', 'string', 'Audio device used when a call is answered hands-free (Speaker, Headset, ...)'],
  ['Send_Audio_To_Speaker', 'bool', 'Also plays the call audio through the speaker', yn('No')],
  ['Miss_Call_Shortcut', 'bool', 'Shows a shortcut to missed calls on the idle screen', yn('Yes')],
  [
    'Accept_Media_Loopback_Request',
    'enum',
    'How the phone handles a media loopback test request',
    { default: 'automatic', values: ev(['never', 'Never'], ['automatic', 'Automatically'], ['manual', 'After the user accepts']) },
  ],
  [
    'Media_Loopback_Mode',
    'enum',
    'Role of the phone in a media loopback test',
    { default: 'source', values: ev(['source', 'Source'], ['mirror', 'Mirror']) },
  ],
  [
    'Media_Loopback_Type',
    'enum',
    'What is looped back in a media loopback test',
    { default: 'media', values: ev(['media', 'Media'], ['packet', 'Packets']) },
  ],
  ['Text_Message', 'bool', 'Accepts SIP MESSAGE text messages', yn('Yes')],
  ['Text_Message_From_3rd_Party', 'bool', 'Accepts text messages from parties other than the proxy', yn('No')],
  ['Alert_Tone_Off', 'bool', 'Silences the alert tone', yn('No')],
  ['Log_Missed_Calls_for_EXT_{line}', 'bool', 'Records missed calls of this extension in the call history', yn('Yes')],
  ['Ringer_Volume', 'int', 'Ringer volume', { default: '9', min: 0, max: 15 }],
  ['Speaker_Volume', 'int', 'Speaker volume', { default: '8', min: 0, max: 15 }],
  ['Handset_Volume', 'int', 'Handset volume', { default: '10', min: 0, max: 15 }],
  ['Headset_Volume', 'int', 'Headset volume', { default: '10', min: 0, max: 15 }],
  [
    'Bluetooth_Mode',
    'enum',
    'Bluetooth role of the phone',
    { default: 'Phone', values: ev(['Phone', 'Phone only'], ['Handsfree', 'Hands-free device'], ['Both', 'Both']) },
  ],
  ['Line', 'int', 'Line used for Bluetooth hands-free mode', { min: 1 }],
  ['Enable_BT', 'bool', 'Turns Bluetooth on', yn('No')],

  // --- Vertical service codes with fixed meaning used by a starter template
  ['Call_Pickup_Code', 'string', 'Star code dialled to pick up a call ringing on another phone'],
  ['Group_Call_Pickup_Code', 'string', 'Star code dialled to pick up a call ringing in the pickup group'],
  ['Call_Park_Code', 'string', 'Star code dialled to park the current call'],
  ['Call_UnPark_Code', 'string', 'Star code dialled to retrieve a parked call (SPA spelling)'],
  ['Call_Unpark_Code', 'string', 'Star code dialled to retrieve a parked call (MPP spelling)'],
  ['Paging_Code', 'string', 'Star code that starts a page (intercom) call'],
  ['Group_Paging_Script', 'string', 'Multicast paging groups, e.g. pggrp=224.168.168.168:34560;name=All;num=800;listen=yes'],
  ['Multicast_Address', 'string', 'Multicast address:port used for paging between phones'],

  // --- ATA router section (0/1 values)
  ['DHCP_Server', 'enum', 'Runs the DHCP server of the ATA on its LAN port', { values: onoff01 }],
  ['Flow_Control', 'enum', 'Ethernet flow control on the ATA ports', { values: onoff01 }],
  [
    'Speed_Duplex',
    'enum',
    'Speed and duplex of the ATA WAN port',
    {
      default: 'auto',
      values: ev(
        ['auto', 'Auto-negotiate'],
        ['10h', '10 Mbit/s half duplex'],
        ['10f', '10 Mbit/s full duplex'],
        ['100h', '100 Mbit/s half duplex'],
        ['100f', '100 Mbit/s full duplex'],
      ),
    },
  ],
  ['MAC_Address_Clone_Enabled', 'enum', 'Replaces the WAN MAC address of the ATA with MAC_Address_Clone_Address', { values: onoff01 }],
  ['MAC_Address_Clone_Address', 'string', 'MAC address the ATA presents on its WAN port when cloning is on'],
  [
    'WAN_Connection_Type',
    'enum',
    'How the ATA WAN port gets its address',
    { values: ev(['dh', 'DHCP'], ['st', 'Static'], ['pp', 'PPPoE']) },
  ],
  [
    'WAN_Stack_Mode',
    'enum',
    'IP stack mode of the ATA WAN port',
    { values: ev(['0', 'IPv4 only'], ['1', 'IPv6 only'], ['2', 'Dual stack']) },
  ],
  [
    'WAN_Signal_Preference',
    'enum',
    'IP version preferred for SIP on dual-stack ATAs',
    { values: ev(['0', 'Prefer IPv4'], ['1', 'Prefer IPv6']) },
  ],
  [
    'WAN_Media_Preference',
    'enum',
    'IP version preferred for RTP on dual-stack ATAs',
    { values: ev(['0', 'Prefer IPv4'], ['1', 'Prefer IPv6']) },
  ],
  ['WAN_DHCP_MTU_Mode', 'enum', 'MTU mode when the WAN port uses DHCP', { values: ev(['0', 'Automatic'], ['1', 'Manual']) }],
  ['WAN_Static_MTU_Mode', 'enum', 'MTU mode when the WAN port is static', { values: ev(['0', 'Automatic'], ['1', 'Manual']) }],
  ['WAN_PPPoE_MTU_Mode', 'enum', 'MTU mode when the WAN port uses PPPoE', { values: ev(['0', 'Automatic'], ['1', 'Manual']) }],
  ['WAN_DHCP_MTU_Size', 'int', 'MTU of the WAN port with DHCP (0 = automatic)', { min: 0, max: 1500 }],
  ['WAN_Static_MTU_Size', 'int', 'MTU of the WAN port with a static address (0 = automatic)', { min: 0, max: 1500 }],
  ['WAN_PPPoE_MTU_Size', 'int', 'MTU of the WAN port with PPPoE (0 = automatic)', { min: 0, max: 1500 }],
  ['WAN_Static_IP_NET', 'string', 'Static WAN settings as ip:mask:gateway[:dns1[:dns2[:dns3]]]'],
  ['WAN_PPPoE_User_Name', 'string', 'PPPoE user name of the ATA WAN port'],
  ['WAN_PPPoE_Password', 'password', 'PPPoE password of the ATA WAN port'],
  ['WAN_PPPoE_Service_Name', 'string', 'PPPoE service name given by the provider'],
  ['WAN_PPPoE_Keep_Alive', 'string', 'PPPoE keep-alive or connect-on-demand setting as type:idle_minutes:30'],
  ['WAN_IP6_Allow_AutoConfig', 'enum', 'Allows stateless IPv6 address configuration on the WAN port', { values: onoff01 }],
  [
    'WAN_IP6_Connection_Type',
    'enum',
    'How the WAN port gets its IPv6 address',
    { values: ev(['0', 'DHCPv6'], ['1', 'Static'], ['2', 'PPPoE']) },
  ],
  ['WAN_Static_IP6_Address', 'string', 'Static IPv6 address of the WAN port'],
  ['WAN_Static_IP6_Prefix_Length', 'int', 'Prefix length of the static IPv6 address', { min: 0, max: 128 }],
  ['WAN_Static_IP6_Gatway', 'string', 'Static IPv6 default gateway of the WAN port (the vendor spells it Gatway)'],
  [
    'DNS_Order',
    'enum',
    'Order of manual and DHCP DNS servers on the ATA',
    { values: ev(['0', 'Manual only'], ['1', 'Manual, then DHCP'], ['2', 'DHCP, then manual']) },
  ],
  [
    'DNS6_Order',
    'enum',
    'Order of manual and DHCPv6 DNS servers on the ATA',
    { values: ev(['0', 'Manual only'], ['1', 'Manual, then DHCPv6'], ['2', 'DHCPv6, then manual']) },
  ],
  ['DNS', 'string', 'Manual DNS servers of the ATA as dns1[:dns2]'],
  ['DNS6', 'string', 'Manual IPv6 DNS servers of the ATA'],
  ['Domain_Name', 'string', 'Domain name of the ATA'],
  ['Local_IP', 'ip', 'IPv4 address of the ATA LAN interface'],
  ['Subnet_Mask', 'ip', 'Subnet mask of the ATA LAN interface'],
  ['Bonjour_Enable', 'enum', 'Announces the ATA with Bonjour', { values: onoff01 }],
  ['Reset_Button_Enable', 'enum', 'Lets the reset button restore factory settings', { values: onoff01 }],
  ['Router_Mode', 'enum', 'Runs the ATA as a router (1) or as a bridge (0)', { values: ev(['0', 'Bridge'], ['1', 'Router']) }],
  ['Monitor_WAN_Port_Only', 'enum', 'Restricts port monitoring to the WAN port', { values: onoff01 }],
];

// Observed rows that are really spelled differently (digits that belong to the name, etc.).
// The real names are curated above; the observed rows are not turned into patterns.
const artefacts = {
  'RFC_{n}_Call_Hold': 'digits belong to the name: the real key is RFC_2543_Call_Hold (in the catalog)',
  'Layer_{n}_Logging': 'digits belong to the name: the real key is Layer_2_Logging (in the catalog)',
  'Ring_Back_{n}_Tone': 'digits belong to the name: the real key is Ring_Back_2_Tone (in the catalog)',
  'Reply_{n}_On_Call_Waiting_{n}_': 'digits belong to the name: the real key is Reply_182_On_Call_Waiting_{line}_ (in the catalog)',
  'LDAP_Item_{n}_Filter': 'digits belong to the name: the real keys are LDAP_Item_3_Filter and LDAP_Item_4_Filter (in the catalog)',
  'LDAP_item_{n}_Filter': 'digits belong to the name: the real keys are LDAP_item_3_Filter and LDAP_item_4_Filter (in the catalog)',
};
for (const s of [
  'Connection_Request_Username',
  'ACS_URL',
  'Periodic_Inform_Enable',
  'Loopback_Binding',
  'Connection_Request_URL',
  'Status',
  'Periodic_Inform_Interval',
  'ACS_Username',
]) {
  artefacts[`TR_{n}_${s}`] = `digits belong to the name: the real key is TR_069_${s} (in the catalog)`;
}
const realNames = [
  ['Layer_2_Logging', 'bool', 'Logs layer-2 (Ethernet) events', {}],
  ['Ring_Back_2_Tone', 'string', 'Tone script of the alternative ring-back tone (ATAs)', {}],
  ['TR_069_Status', 'enum', 'Turns the TR-069 client on (ATA router section)', { values: onoff01 }],
  ['TR_069_ACS_URL', 'url', 'URL of the TR-069 auto-configuration server (ACS)', {}],
  ['TR_069_ACS_Username', 'string', 'User name for the TR-069 ACS', {}],
  ['TR_069_ACS_Password', 'password', 'Password for the TR-069 ACS', {}],
  ['TR_069_Connection_Request_URL', 'url', 'URL on which the ACS reaches the ATA (read back)', {}],
  ['TR_069_Connection_Request_Username', 'string', 'User name the ACS uses for connection requests', {}],
  ['TR_069_Connection_Request_Password', 'password', 'Password the ACS uses for connection requests', {}],
  ['TR_069_Periodic_Inform_Enable', 'enum', 'Sends periodic Inform messages to the ACS', { values: onoff01 }],
  ['TR_069_Periodic_Inform_Interval', 'int', 'Seconds between periodic Inform messages', { min: 0 }],
  ['TR_069_Loopback_Binding', 'string', 'TR-069 loopback binding of the ATA', {}],
];
for (const r of realNames) curated.push(r);

// ---------------------------------------------------------------------------------------------
// Rules for the long tail: type and description from the words of the name.
const WORDS = {
  Cfwd: 'call forward',
  CFWD: 'call forward',
  CW: 'call waiting',
  CWCID: 'call-waiting caller ID',
  CID: 'caller ID',
  ANC: 'anonymous calls',
  DND: 'do not disturb',
  Intvl: 'interval',
  Serv: 'service',
  Xfer: 'transfer',
  Attn: 'attended',
  Unattn: 'unattended',
  Annc: 'announcement',
  Act: 'activation',
  Deact: 'deactivation',
  Ext: 'extension',
  EXT: 'extension',
  Num: 'number',
  Dest: 'destination',
  Ans: 'answer',
  Reg: 'registration',
  Auth: 'authentication',
  Passwd: 'password',
  Pswd: 'password',
  RSC: 'response status code',
  VMWI: 'visual message-waiting indicator',
  MWI: 'message-waiting indicator',
  AVT: 'RFC 2833 events',
  OB: 'outbound',
  Conf: 'conference',
  CONFCID: 'conference caller ID',
  SD: 'speed dial',
  GrPage: 'group page',
  Cblk: 'call block',
  Dist: 'distinctive',
  Sel: 'selective',
  NSE: 'NSE',
  ECAN: 'echo canceller',
  SAS: 'streaming audio server',
  DLG: 'dialog',
  Canc: 'canceller',
  Len: 'length',
  CWT: 'call-waiting tone',
  ACS: 'ACS',
  VM: 'voicemail',
  Addr: 'address',
  Msg: 'message',
  Min: 'minimum',
  Max: 'maximum',
  Tx: 'transmit',
  Rx: 'receive',
  Pref: 'preferred',
  PSK: 'programmable softkey',
  LED: 'LED',
  IP6: 'IPv6',
  DNS6: 'IPv6 DNS',
  BXfer: 'blind transfer',
  EM: 'extension mobility',
  TOS: 'TOS',
  CoS: 'CoS',
  ToS: 'TOS',
  Resp: 'response',
  Src: 'source',
};
function words(name) {
  return name
    .replace(/_\{[a-z]+\}_?$/, '')
    .replace(/\{[a-z]+\}/g, 'N')
    .split(/[_]+/)
    .filter(Boolean)
    .map((w) => WORDS[w] ?? (/^[A-Z0-9.-]+$/.test(w) ? w : w.toLowerCase()))
    .join(' ');
}
const perLine = (p) => /_\{line\}_$/.test(p);
const suffix = (p) => (perLine(p) ? ' (per line)' : '');
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const codecOf = (s) => s.replace(/^(Prefer|Force)_|_Code$|_Codec_Name$|_Dynamic_Payload$/g, '');

function ruleFor(p) {
  const base = p.replace(/_\{line\}_$/, '');
  const w = words(base);
  const sfx = suffix(p);
  let m;
  if ((m = /^(Prefer|Force)_(.+)_Code$/.exec(base))) {
    return ['string', `Star code that makes ${m[2]} the ${m[1] === 'Prefer' ? 'preferred' : 'only'} codec of the next call`];
  }
  if (/_Codec_Name$/.test(base)) return ['string', `Name announced in SDP for the ${codecOf(base)} codec`];
  if (/_Dynamic_Payload$/.test(base)) return ['int', `RTP payload type number used for ${codecOf(base)}`, { min: 0, max: 127 }];
  if (/_Deact_Code$/.test(base)) return ['string', `Star code that turns off ${words(base.replace(/_Deact_Code$/, ''))}`];
  if (/_Act_Code$/.test(base)) return ['string', `Star code that turns on ${words(base.replace(/_Act_Code$/, ''))}`];
  if (/_Code$/.test(base)) return ['string', `Star code for ${words(base.replace(/_Code$/, ''))}`];
  if (/_Codes$/.test(base)) return ['string', `Star codes for ${words(base.replace(/_Codes$/, ''))}`];
  if (/_LED$/.test(base)) return ['string', `LED script of a line key in the ${words(base.replace(/_LED$/, ''))} state`];
  if (/_Key_List$/.test(base)) return ['string', `Softkeys shown in the ${words(base.replace(/_Key_List$/, '')).toLowerCase()} call state`];
  if (/Cadence/.test(base)) return ['string', `Cadence script: ${w}`];
  if (/^Ring\d+$/.test(base)) return ['string', `Ring tone ${base.slice(4)} definition (name, waveform and cadence)`];
  if (/_Tone$/.test(base)) return ['string', `Tone script of the ${words(base.replace(/_Tone$/, '')).toLowerCase()} tone`];
  if (/^GPP_/.test(base)) return ['string', `General purpose provisioning parameter ${base.slice(4)} (free use in profile rules)`];
  if (/^Option_\d+$/.test(base)) return ['string', `Use of DHCP option ${base.slice(7)} by the ATA`];
  if (/(Password|Passwd|Pswd|pskKey|wepKey|Private_Key|Secret)/i.test(base)) return ['password', `${cap(w)}${sfx}`];
  if (/_Serv$/.test(base)) return ['bool', `Offers the ${words(base.replace(/_Serv$/, ''))} feature${sfx}`, { default: 'Yes' }];
  if (/_Setting$/.test(base)) return ['bool', `Initial state of ${words(base.replace(/_Setting$/, ''))}${sfx}`];
  if (/(^|_)(Enable|Enabled|ENABLE)$/.test(base) || /^(Enable|Use|Handle|Insert)_/.test(base))
    return ['bool', `Turns ${w.replace(/\s*enable[d]?$/i, '').replace(/^enable\s*/i, '')} on or off${sfx}`];
  if (/_Caller$/.test(base)) return ['string', `Caller pattern for ${words(base.replace(/_Caller$/, ''))}${sfx}`];
  if (/_Dest$/.test(base)) return ['string', `Destination number for ${words(base.replace(/_Dest$/, ''))}${sfx}`];
  if (/_Name$/.test(base)) return ['string', `${cap(w)}${sfx}`];
  if (/(Intvl|Interval|Delay|Timer|Timeout|Expires|Duration|Len)(_|$)/.test(base) || /_Timer_(Min|Max)$/.test(base))
    return ['int', `${cap(w)}${sfx}`];
  if (/_Port$/.test(base) && !/Polarity/.test(base)) return ['port', `${cap(w)}${sfx}`];
  if (/_Volume$|_Gain$/.test(base)) return ['int', `${cap(w)}${sfx}`];
  if (/_URL$/.test(base)) return ['url', `${cap(w)}${sfx}`];
  if (/_Msg$/.test(base)) return ['string', `Syslog message template: ${w}`];
  return ['string', `${cap(w)}${sfx}`];
}

// Bool words for the long tail that the rules above do not catch.
const extraBool = new Set([
  'Test_Mode_Enable',
  'Send_Audio_To_Speaker',
  'Call_Pickup_Audio_Notification',
  'Shared_Line_DND_Cfwd_Enable',
  'Display_Diversion_Info',
  'Deep_Bass',
  'Speakerphone_Enable',
  'Auto_Ans_GrPage_On_Active_Call',
  'Key_System_Auto_Discovery',
  'Enable_TR-069',
  'TR-069_VoiceObject_Init',
  'TR-069_DHCPOption_Init',
  'TR-069_Traceability',
  'TR-069_Fallback_Support',
  'TR-069_IGD_Support',
  'CWMP_V1.2_Support',
  'Periodic_Inform_Enable',
  'Hold_Reminder_Ring',
  'Call_Statistics',
  'Acoustic_Echo_Canceller_Enable',
  'RTP_Tx_Packet_Size_Follows_Remote_SDP',
  'Broadcast_Echo',
  'Auto_Config',
  'Synchronized_Ring',
  'Event_Log_Flag',
  'Modem_Line_{line}_',
  'Symmetric_RTP_{line}_',
  'Restrict_Source_IP_{line}_',
  'Ring_On_No_New_VM_{line}_',
  'FAX_Disable_ECAN_{line}_',
  'FAX_Process_NSE_{line}_',
  'FAX_Codec_Symmetric_{line}_',
  'FAX_CNG_Detect_Enable_{line}_',
  'FAX_V21_Detect_Enable_{line}_',
  'FAX_T38_ECM_Enable_{line}_',
  'FAX_Enable_T38_{line}_',
  'SAS_Enable_{line}_',
  'Echo_Canc_Enable_{line}_',
  'Xfer_When_Hangup_Conf_{line}_',
  'Reuse_CID_Number_As_Name_{line}_',
  'Text_Message',
  'Miss_Call_Banner',
  'RTP_to_Proxy_in_Remote_Hold_{line}_',
  'Log_Missed_Calls_for_EXT_{line}',
  'Playback_ABCD',
  'Detect_ABCD',
  'Web_Remote_Management',
  'Web_Remote_Upgrade',
  'Remote_Web_Utility_Access',
  'Web_Utility_Access_HTTP',
  'Web_Utility_Access_HTTPS',
  'IPSec_Passthrough',
  'PPTP_Passthrough',
  'L2TP_Passthrough',
  'SNMP_Enabled',
  'SSH_ACCESS',
  'LAN_DHCP6_Delegation_Enable',
  'LLDP_ENABLE',
  'CDP_ENABLE',
  'LAYER2_LOGGING_ENABLE',
  'WAN_VLAN_Enable',
  'Port_Mirroring',
  'DHCP_Client_Table',
  'SNMPV3',
]);
// Long-tail keys whose values are 0/1 in the ATA router-configuration section.
const router01 = new Set([
  'Bonjour_Enable',
  'Reset_Button_Enable',
  'Monitor_WAN_Port_Only',
  'IPSec_Passthrough',
  'PPTP_Passthrough',
  'L2TP_Passthrough',
  'SNMP_Enabled',
  'SSH_ACCESS',
  'WAN_VLAN_Enable',
  'LAN_DHCP6_Delegation_Enable',
  'Web_Remote_Management',
  'Web_Remote_Upgrade',
  'Web_Utility_Access_HTTP',
  'Web_Utility_Access_HTTPS',
  'Remote_Web_Utility_Access',
  'LLDP_ENABLE',
  'CDP_ENABLE',
  'LAYER2_LOGGING_ENABLE',
  'Port_Mirroring',
  'DHCP_Client_Table',
  'SNMPV3',
  'QoS_Bandwidth_Control',
  'Enable_TR-069',
  'Periodic_Inform_Enable',
  'TR-069_VoiceObject_Init',
  'TR-069_DHCPOption_Init',
  'TR-069_Traceability',
  'TR-069_Fallback_Support',
  'TR-069_IGD_Support',
  'CWMP_V1.2_Support',
  'Event_Log_Flag',
  'WAN_IP6_Allow_AutoConfig',
  'Enable_802.1X_Authentication_ATA',
]);
// Types of long-tail keys whose name words mislead the rules.
const typeOverride = {
  Static_DNS: ['ip', 'Static DNS server of the ATA'],
  Default_Gateway: ['ip', 'Default gateway of the ATA'],
  Private_IP: ['ip', 'Private (LAN) IP address of the ATA'],
  Starting_IP: ['string', 'First address handed out by the ATA DHCP server'],
  Max_DHCP_User: ['int', 'Most DHCP clients the ATA serves', { min: 0 }],
  Client_Lease_Time: ['int', 'DHCP lease time handed out by the ATA, in minutes', { min: 0 }],
  TFTP_IP: ['ip', 'TFTP server address handed out by the ATA DHCP server'],
  Key_System_IP_Address: ['ip', 'Address of the key system controller'],
  Syslog_Server_IP: ['ip', 'Syslog server address (ATA router section)'],
  Syslog_Server_IP6: ['string', 'IPv6 syslog server address (ATA router section)'],
  Syslog_Server_Port: ['port', 'Syslog server port (ATA router section)'],
  Event_Log_Server: ['host', 'Server that receives the event log'],
  Event_Log_Port: ['port', 'Port of the event log server'],
  Remote_Management_Port: ['port', 'Port of remote web management'],
  TRAP_Port: ['port', 'Port SNMP traps are sent to'],
  TRAP_IP_Address: ['ip', 'Address SNMP traps are sent to'],
  SNMP_Trusted_IP: ['string', 'Address allowed to query SNMP'],
  Periodic_Inform_Interval: ['int', 'Seconds between TR-069 Inform messages', { min: 0 }],
  ACS_URL: ['url', 'URL of the TR-069 auto-configuration server'],
  BACKUP_ACS_URL: ['url', 'URL of the backup TR-069 auto-configuration server'],
  ACS_URL_In_Use: ['string', 'ACS URL currently in use (read back)'],
  Connection_Request_URL: ['string', 'URL on which the ACS reaches the device (read back)'],
  Recovery_URL: ['url', 'URL used to recover the device configuration'],
  Resync_Timer: ['int', 'Seconds between resyncs (ATA router section)', { min: 0 }],
  Asset_ID: ['string', 'Asset tag of the phone'],
  Serial_Number: ['string', 'Serial number of the device (read back)'],
  Handset_Version: ['string', 'Handset hardware version'],
  Status: ['string', 'Status value (read back)'],
  Ring_Voltage: ['int', 'Ringing voltage of the FXS port, in volts', {}],
  Ring_Frequency: ['int', 'Ringing frequency of the FXS port, in Hz', {}],
  Ring_Waveform: ['string', 'Ringing waveform of the FXS port (Sinusoid or Trapezoid)'],
  FXS_Port_Impedance: ['string', 'Line impedance of the FXS port, e.g. 600'],
  FXS_Port_Input_Gain: ['string', 'Input gain of the FXS port in dB'],
  FXS_Port_Output_Gain: ['string', 'Output gain of the FXS port in dB'],
  DTMF_Twist: ['string', 'Allowed DTMF twist in dB'],
  Caller_ID_Method: ['string', 'Caller ID signalling method of the FXS port (Bellcore, ETSI, DTMF, ...)'],
  Caller_ID_FSK_Standard: ['string', 'FSK standard used for caller ID (bell 202, v.23)'],
  Feature_Invocation_Method: ['string', 'How supplementary features are invoked on the ATA (Default or Sweden default)'],
  Ring_Back_Tone: ['string', 'Tone script of the ring-back tone'],
  DTMF_Playback_Level: ['int', 'Level of locally played DTMF tones, in dBm'],
  DTMF_Playback_Length: ['string', 'Length of locally played DTMF tones, in seconds'],
  Inband_DTMF_Boost: ['string', 'Gain applied to in-band DTMF tones'],
  RTP_CoS_Value: ['int', '802.1p priority of RTP packets', { min: 0, max: 7 }],
  Layer_2_Logging: ['bool', 'Logs layer-2 (Ethernet) events'],
  Call_Back_Expires: ['int', 'Seconds a call-back request stays active', { min: 0 }],
  Call_Back_Retry_Intvl: ['int', 'Seconds between call-back retries', { min: 0 }],
  Call_Back_Delay: ['string', 'Delay before a call-back rings, in seconds'],
  Reorder_Delay: ['int', 'Seconds before the reorder tone after the far end hangs up', { min: 0 }],
  Interdigit_Long_Timer: ['int', 'Seconds allowed between digits before a number is taken as complete', { min: 0 }],
  Interdigit_Short_Timer: ['int', 'Seconds allowed after a digit that may complete the number', { min: 0 }],
  Hook_Flash_Timer_Min: ['string', 'Shortest on-hook time taken as a hook flash, in seconds'],
  Hook_Flash_Timer_Max: ['string', 'Longest on-hook time taken as a hook flash, in seconds'],
  Callee_On_Hook_Delay: ['int', 'Seconds the phone must stay on hook before the call is torn down', { min: 0 }],
  CPC_Delay: ['string', 'Delay before calling-party control (CPC) signalling, in seconds'],
  CPC_Duration: ['string', 'Duration of calling-party control (CPC) signalling, in seconds'],
  Silent_Ring_Duration: ['int', 'Duration of a silent ring, in seconds', { min: 0 }],
  Hold_Reminder_Timer: ['int', 'Seconds before a held call rings as a reminder', { min: 0 }],
  Screen_Saver_Refresh_Period: ['int', 'Seconds between screen saver refreshes', { min: 0 }],
  Screen_Saver_Type: ['string', 'What the screen saver shows (clock, picture, ...)'],
  Attendant_Console_Font_Size: ['string', 'Font size on the attendant console'],
  Attendant_Console_LCD_Contrast: ['int', 'Display contrast of the attendant console', {}],
  Attendant_Console_LCD_Brightness: ['int', 'Display brightness of the attendant console', {}],
  Attendant_Console_Call_Pickup_Code: ['string', 'Star code the attendant console uses to pick up calls'],
  Attendant_Console_Call_Park_Code: ['string', 'Star code the attendant console uses to park calls'],
  Attendant_Console_Call_unPark_Code: ['string', 'Star code the attendant console uses to retrieve parked calls'],
  Display_Brightness: ['int', 'Display brightness', {}],
  Lcd_Contrast: ['int', 'Display contrast (lower-case spelling)', {}],
  Softkey_Labels_Font: ['string', 'Font of the softkey labels'],
  Softkey_Navigation_Style: ['string', 'How softkeys are paged through'],
  Line_Navigation: ['string', 'Direction of line navigation'],
  Logo_Type: ['string', 'Kind of logo shown on the display'],
  Background_Picture_Type: ['string', 'Kind of background picture on the display'],
  PoE_Power_Required: ['string', 'PoE power class the phone requests'],
  EHS_Type: ['string', 'Electronic hook switch (wireless headset) type'],
  Message_Waiting_led: ['string', 'Message waiting LED'],
  SP_Default: ['string', 'Service provider default setting'],
  Rule_Number: ['string', 'Rule number of the ATA router configuration'],
  Max_Session: ['int', 'Most concurrent sessions', { min: 0 }],
  RAM_Log_Size: ['int', 'Size of the in-memory log', { min: 0 }],
  Log_Module: ['string', 'Modules whose messages are logged'],
  SSH_User_ID: ['string', 'SSH user name'],
  RW_User: ['string', 'SNMP read-write user'],
  Get_Community: ['string', 'SNMP read community'],
  Set_Community: ['password', 'SNMP write community'],
  TRAP_SNMP_Version: ['string', 'SNMP version of traps'],
  Port_Range_Forwarding_Index: ['string', 'Port range forwarding rules of the ATA'],
  Single_Port_Forwarding_Index: ['string', 'Single port forwarding rules of the ATA'],
  QoS_Bandwidth_Control: ['enum', 'Turns QoS bandwidth control of the ATA on (0/1)', { values: onoff01 }],
  Allowed_Remote_IP_Type: ['string', 'Which remote addresses may manage the ATA'],
  Allowed_Remote_IP_Address: ['string', 'Remote address allowed to manage the ATA'],
  Prefix_Length: ['int', 'IPv6 prefix length', { min: 0, max: 128 }],
  LAN_IP6_Prefix: ['string', 'IPv6 prefix of the ATA LAN'],
  LAN_IP6_Address_Assign_Type: ['string', 'How LAN clients get IPv6 addresses'],
  SNMP_Trusted_IP6: ['string', 'IPv6 address allowed to query SNMP'],
  SNMP_Trusted_IP6_Prefix_Length: ['int', 'Prefix length of the trusted SNMP IPv6 address', { min: 0, max: 128 }],
  WAN_VLAN_ID: ['int', 'VLAN of the ATA WAN port', { min: 1, max: 4094 }],
  IPv6_Connection_Type: ['string', 'How the phone gets its IPv6 address (DHCP, Auto Config, Static IP)'],
  IPv6_Static_IP: ['string', 'Fixed IPv6 address'],
  IPv6_Gateway: ['string', 'IPv6 default gateway'],
  IPv6_Primary_DNS: ['string', 'First IPv6 DNS server'],
  IPv6_Secondary_DNS: ['string', 'Second IPv6 DNS server'],
  Web_Utility_Access_HTTP_Port: ['port', 'HTTP port of the web utility'],
  HTTP_Report_Method: ['enum', 'HTTP method used for the report rule upload', { values: ev(['POST', 'HTTP POST'], ['PUT', 'HTTP PUT']) }],
  Call_Feature_Sync_Ext: ['string', 'Extension whose feature state is synchronised'],
  EM_Phone_User_ID: ['string', 'Extension mobility user ID of the phone'],
  EM_Mobile_User_ID: ['string', 'Extension mobility user ID of the mobile user'],
  EM_User_Domain: ['string', 'Domain appended to extension mobility user IDs'],
  AVT_Packet_Size: ['string', 'Packet size of RFC 2833 events'],
  Conference_Bridge_Ports_: ['int', 'Ports of the conference bridge'],
  ssid: ['string', 'SSID'],
  identity: ['string', 'EAP identity'],
  anonymousIdentity: ['string', 'EAP anonymous identity'],
  eapType: ['string', 'EAP method of the Wi-Fi profile'],
  ACD_Ext: ['string', 'Extension used for ACD agent login', {}],
  Call_Back_Serv: ['bool', 'Offers the call-back (camp-on) feature', { default: 'Yes' }],
  Call_Redial_Code: ['string', 'Star code that redials the last number'],
  Line: ['int', 'Line used for Bluetooth hands-free mode', { min: 1 }],
};
const lineOverride = {
  Conference_Bridge_Ports: ['int', 'Number of ports of the conference bridge (per line)', { min: 0 }],
  Media_Loopback_Type: [
    'enum',
    'What is looped back in a media loopback test (per line)',
    { values: ev(['media', 'Media'], ['packet', 'Packets']) },
  ],
  Media_Loopback_Mode: ['enum', 'Role of the line in a media loopback test', { values: ev(['source', 'Source'], ['mirror', 'Mirror']) }],
  Accept_Media_Loopback_Request: [
    'enum',
    'How the line handles a media loopback test request',
    { values: ev(['never', 'Never'], ['automatic', 'Automatically'], ['manual', 'After the user accepts']) },
  ],
  Hook_Flash_Tx_Method: [
    'enum',
    'How a hook flash is signalled on this line',
    { values: ev(['None', 'Not sent'], ['AVT', 'RFC 2833 event'], ['INFO', 'SIP INFO']) },
  ],
  DTMF_Tx_Mode: [
    'enum',
    'How strictly DTMF transmission follows the detected tones (ATAs)',
    { values: ev(['Strict', 'Strict'], ['Normal', 'Normal']) },
  ],
  FAX_Passthru_Method: [
    'enum',
    'How fax pass-through is negotiated',
    { values: ev(['None', 'None'], ['NSE', 'Cisco NSE'], ['ReINVITE', 'SIP re-INVITE']) },
  ],
  FAX_Passthru_Codec: ['enum', 'Codec used for fax pass-through', { values: ev(['G711u', 'G.711 mu-law'], ['G711a', 'G.711 A-law']) }],
  FAX_T38_Redundancy: ['int', 'Redundancy level of T.38 packets', { min: 0, max: 3 }],
  FAX_Tone_Detect_Mode: ['string', 'Which party detects fax tones (caller or callee or both)'],
  FAX_T38_Return_to_Voice: ['bool', 'Returns to voice after a T.38 fax session'],
  Call_Waiting_Serv: ['bool', 'Offers call waiting on this line', { default: 'Yes' }],
  Idle_Polarity: ['string', 'Line polarity of the FXS port while idle (Forward or Reverse)'],
  Caller_Conn_Polarity: ['string', 'Line polarity when the outgoing call connects (Forward or Reverse)'],
  Callee_Conn_Polarity: ['string', 'Line polarity when the incoming call connects (Forward or Reverse)'],
  VMWI_Ring_Policy: ['string', 'When a new voicemail triggers a ring splash'],
  Default_CWT: ['int', 'Default call-waiting tone number', { min: 1, max: 8 }],
  Hold_Reminder_Ring: ['int', 'Ring tone number of the hold reminder', { min: 1, max: 8 }],
  Call_Back_Ring: ['int', 'Ring tone number of a call-back', { min: 1, max: 8 }],
  Silence_Threshold: ['string', 'Silence detection threshold (very low .. very high)'],
  SIP_GUID: ['string', 'Globally unique ID sent with registrations'],
  Mailbox_Subscribe_URL: ['string', 'URI to which the voicemail MWI subscription is sent'],
  Mailbox_Subscribe_Expires: ['int', 'Lifetime of the voicemail MWI subscription, in seconds', { min: 0 }],
  VMWI_Ring_Splash_Len: ['string', 'Length of the ring splash for new voicemail, in seconds'],
  Cblk_Ring_Splash_Len: ['string', 'Length of the ring splash for a blocked call, in seconds'],
  Cfwd_Ring_Splash_Len: ['string', 'Length of the ring splash for a forwarded call, in seconds'],
  SAS_DLG_Refresh_Intvl: ['int', 'Dialog refresh interval of the streaming audio server, in seconds', { min: 0 }],
  SAS_Inbound_RTP_Sink: ['string', 'Where inbound RTP goes when the line is a streaming audio server'],
  RTP_Log_Intvl: ['int', 'Seconds between RTP statistics log entries', { min: 0 }],
  DTMF_Tx_Strict_Hold_Off_Time: ['int', 'Hold-off time in strict DTMF mode, in milliseconds', { min: 0 }],
  Cfwd_No_Ans_Delay: ['int', 'Seconds of ringing before an unanswered call is forwarded (per line)', { min: 0 }],
  Speed_Dial: ['string', 'Speed-dial number'],
};
// Long-tail patterns with an index inside the name.
const patternOverride = {
  'Speed_Dial_{speeddial}_{line}_': ['string', 'Number stored in speed-dial entry N of this line (ATAs)'],
  'Cfwd_Sel{cfwdsel}_Caller_{line}_': ['string', 'Caller number pattern of selective call-forward rule N (ATAs)'],
  'Cfwd_Sel{cfwdsel}_Dest_{line}_': ['string', 'Forward destination of selective call-forward rule N (ATAs)'],
  'Ring{ring}_Caller_{line}_': ['string', 'Caller number pattern that selects distinctive ring N (ATAs)'],
  'Ring{ring}_Name': ['string', 'Name of distinctive ring N, as sent in Alert-Info (ATAs)'],
  'Ring{ring}_Cadence': ['string', 'Cadence script of distinctive ring N (ATAs)'],
  'Ring{ring}': ['string', 'Definition of ring tone N: name, waveform and cadence, e.g. n=Classic-1;w=3;c=1'],
  'Cadence_{cadence}': ['string', 'Cadence script N for distinctive ringing, e.g. 60(2/4)'],
  'CWT{cwt}_Cadence': ['string', 'Cadence script of call-waiting tone N (ATAs)'],
  Hold_Reminder_Ring: ['string', 'Ring tone used to remind the user of a held call'],
  DHCP_Client_Table: ['string', 'DHCP client table of the ATA (read back)'],
  SNMPV3: ['string', 'SNMPv3 settings of the ATA'],
  Port_Mirroring: ['string', 'Port mirroring setting of the ATA'],
  Syslog_Server_Port: ['port', 'Syslog server port (ATA router section)'],
};

// Wi-Fi profile keys (SPA525G / wireless MPP): name_{wifi}_
const wifiKeys = {
  ssid: ['string', 'Network name (SSID) of the Wi-Fi profile'],
  profileName: ['string', 'Name of the Wi-Fi profile'],
  profileEnable: ['bool', 'Turns the Wi-Fi profile on'],
  profileLock: ['bool', 'Locks the Wi-Fi profile against user changes'],
  securityMode: ['string', 'Security mode of the Wi-Fi profile (None, WEP, WPA-PSK, WPA2-PSK, EAP, ...)'],
  cipherType: ['string', 'Encryption cipher of the Wi-Fi profile (TKIP, AES, ...)'],
  pskKey: ['password', 'Pre-shared key of the Wi-Fi profile'],
  wepKeyId: ['int', 'Which WEP key of the Wi-Fi profile is used', { min: 0, max: 3 }],
  wepKeyLen: ['string', 'WEP key length of the Wi-Fi profile (64 or 128 bits)'],
  'wepKey{wepkey}': ['password', 'WEP key of the Wi-Fi profile'],
  identity: ['string', 'EAP identity of the Wi-Fi profile'],
  anonymousIdentity: ['string', 'EAP outer (anonymous) identity of the Wi-Fi profile'],
  password: ['password', 'EAP password of the Wi-Fi profile'],
  eapType: ['string', 'EAP method of the Wi-Fi profile (PEAP, TTLS, TLS, ...)'],
  ttlsAuthProto: ['string', 'Inner authentication protocol of EAP-TTLS'],
  clientCert: ['string', 'Client certificate of the Wi-Fi profile'],
  serverCert: ['string', 'Server CA certificate of the Wi-Fi profile'],
};

// ---------------------------------------------------------------------------------------------
// Convert an observed row to a catalog pattern.
function toPattern(obs) {
  let m;
  if (/^(wepKey)(\d)_\{n\}_$/.test(obs)) return `wepKey{wepkey}_{wifi}_`;
  if ((m = /^([a-zA-Z]+)_\{n\}_$/.exec(obs)) && wifiKeys[m[1]]) return `${m[1]}_{wifi}_`;
  if ((m = /^(Extension|Short_Name|Share_Call_Appearance|Extended_Function)_\{n\}_$/.exec(obs))) return `${m[1]}_{linekey}_`;
  if (obs === 'Unit_{n}_Key_{n}') return 'Unit_{unit}_Key_{unitkey}';
  if (obs === 'Unit_{n}_Key_{n}_') return 'Unit_{unit}_Key_{unitkey}_';
  if (obs === 'Unit_{n}_Enable') return 'Unit_{unit}_Enable';
  if (obs === 'Speed_Dial_{n}_Name') return 'Speed_Dial_{speeddial}_Name';
  if (obs === 'Speed_Dial_{n}_Number') return 'Speed_Dial_{speeddial}_Number';
  if (/^Speed_Dial_(\d)_\{n\}_$/.test(obs)) return 'Speed_Dial_{speeddial}_{line}_';
  if (/^Speed_Dial_(\d)$/.test(obs)) return 'Speed_Dial_{speeddial}';
  if (/^PSK_(\d+)$/.test(obs)) return 'PSK_{psk}';
  if (/^Ring(\d+)$/.test(obs)) return 'Ring{ring}';
  if ((m = /^Ring(\d)_(Name|Cadence)$/.exec(obs))) return `Ring{ring}_${m[2]}`;
  if (/^Ring(\d)_Caller_\{n\}_$/.test(obs)) return 'Ring{ring}_Caller_{line}_';
  if (/^Cadence_(\d)$/.test(obs)) return 'Cadence_{cadence}';
  if (/^CWT(\d)_Cadence$/.test(obs)) return 'CWT{cwt}_Cadence';
  if ((m = /^Cfwd_Sel(\d)_(Dest|Caller)_\{n\}_$/.exec(obs))) return `Cfwd_Sel{cfwdsel}_${m[2]}_{line}_`;
  if (/^Log_Missed_Calls_for_EXT_(\d+)$/.test(obs)) return 'Log_Missed_Calls_for_EXT_{line}';
  if (/^Default_Ring__(\d+)__$/.test(obs)) return 'Default_Ring__{line}__';
  return obs.replace(/_\{n\}_$/, '_{line}_');
}

// ---------------------------------------------------------------------------------------------
const typoRows = new Map();
if (fs.existsSync(typoPath)) {
  for (const line of fs.readFileSync(typoPath, 'utf8').split('\n')) if (line.trim()) typoRows.set(line.split('\t')[0], line.split('\t')[1]);
}
const observed = fs
  .readFileSync(tsvPath, 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split('\t'))
  .map(([key, t, o]) => ({ key, templates: Number(t), occ: Number(o) }));

const keys = new Map();
function add(pattern, type, description, extra = {}) {
  if (keys.has(pattern)) return;
  const def = { key: pattern, type, description };
  for (const f of ['default', 'min', 'max', 'values', 'maxLength', 'pattern', 'separator', 'file', 'models', 'deprecated', 'alias']) {
    if (extra[f] !== undefined) def[f] = extra[f];
  }
  if (type !== 'int') {
    delete def.min;
    delete def.max;
  }
  if (type === 'bool' && def.default === undefined && extra.default !== undefined) def.default = extra.default;
  keys.set(pattern, def);
}
for (const [p, t, d, x] of curated) add(p, t, d, x ?? {});

const artefactRows = [];
for (const row of observed) {
  if (row.templates < 2) continue;
  if (artefacts[row.key]) {
    artefactRows.push([row.key, artefacts[row.key]]);
    continue;
  }
  if (typoRows.has(row.key)) continue;
  const p = toPattern(row.key);
  if (keys.has(p)) continue;
  const wm = /^([a-zA-Z]+|wepKey\{wepkey\})_\{wifi\}_$/.exec(p);
  if (wm && wifiKeys[wm[1]]) {
    const [t, d, x] = wifiKeys[wm[1]];
    add(p, t, d, x ?? {});
    continue;
  }
  const base = p.replace(/_\{line\}_$/, '');
  if (patternOverride[p]) {
    const [t, d, x] = patternOverride[p];
    add(p, t, d, x ?? {});
    continue;
  }
  if (perLine(p) && lineOverride[base]) {
    const [t, d, x] = lineOverride[base];
    add(p, t, d, x ?? {});
    continue;
  }
  if (typeOverride[p]) {
    const [t, d, x] = typeOverride[p];
    add(p, t, d, x ?? {});
    continue;
  }
  if (router01.has(p)) {
    add(p, 'enum', `${cap(words(p).replace(/\s*enabled?$/i, ''))} on or off (ATA router section, 0/1)`, { values: onoff01 });
    continue;
  }
  let [t, d, x] = ruleFor(p);
  if (extraBool.has(p)) {
    t = 'bool';
    if (!/on or off|Offers|Initial state/.test(d))
      d = `Turns ${words(p.replace(/_\{line\}_$/, '')).replace(/\s*enabled?$/i, '')} on or off${suffix(p)}`;
  }
  add(p, t, d, x ?? {});
}

// Observed rows in only one template are not required, but keys we curated for them stay.
const catalog = {
  vendor: 'cisco',
  bool: { true: ['Yes'], false: ['No'] },
  indices,
  keys: [...keys.values()].sort((a, b) => a.key.localeCompare(b.key, 'en')),
};
fs.mkdirSync(path.dirname(outPath), { recursive: true });
fs.writeFileSync(outPath, JSON.stringify(catalog, null, 2) + '\n');

// Rows whose {n} swallowed digits of the name are covered by the real names above (verify.mjs
// matches them as "folded digits"); they are reported here, not listed as typos.
console.log(
  `cisco: ${catalog.keys.length} keys, ${Object.keys(indices).length} indices; ${typoRows.size} typo rows; ${artefactRows.length} folded-digit rows mapped to real names:`,
);
for (const [k, r] of artefactRows) console.log(`  ${k}: ${r}`);
