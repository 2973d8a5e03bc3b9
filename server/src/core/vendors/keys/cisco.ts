// Cisco SPA / MPP (3PCC) line keys: the `fnc=` function of `Extended_Function_N_` (phone line keys, with
// `Extension_N_` = Disabled) and of `Unit_U_Key_K_` (key expansion module keys). The code is the `fnc` value; the rest
// of the string (`sub=`, `ext=`, `url=`, `nme=`, `vid=`) carries the key's value and label.
//
// Sources: Cisco IP Desk Phone with Multiplatform Firmware Administration Guide, chapter "Cisco IP Phone Key Expansion
// Module (8800 and 6800)" (www.cisco.com/c/en/us/td/docs/voice_ip_comm/cuipph/MPP/common/ag_desk_mpp_6800_7800_8800/
// tpcc_b_cisco-ip-desk-phone-multiplatform/tpcc_m_key-expansion-module-8800_6800.html), the 6800 MPP guide's KEM chapter
// (…/MPP/6800/english/AG/p680_b_6800-mpp-ag_new/p680_m_6800-kem-1112.html), the MPP parameter reference
// "Extended_Function_n_" / "Extension_n_", and wazo-platform/wazo-provd-plugins plugins/wazo_cisco_spa/common/common.py
// and plugins/wazo_cisco_sip/v12_0_1/common.py (`fnc=sd;ext=…`, `fnc=sd+blf+cp;sub=…`).
//
// Disagreements: the KEM chapter shows the park example both as `fnc=park;sub=…` and `fnc=prk;sub=…`, and explains
// only `prk` ("fnc= prk means function=call park"); `prk` is used here. Wazo lays out 32 keys per unit on the 8800
// (expmod_keynum // 32); Cisco's guide gives 36 (BEKEM, 18 × 2 pages) or 28 (14 × 2 pages); Cisco's figures are used.
// Cisco's "Configurable Features on Line Keys" table (full code list: forward, group pickup, paging…) was not found
// in a stored copy, so those functions are left out: forward, transfer, intercom, conference, record, paging, group
// pickup. Also searched without finding more `fnc=` values: fusionpbx/fusionpbx resources/templates/provision/cisco/*
// (line keys come from the database, its Cisco function list app/devices/resources/classes/cisco.php has only blf, line,
// disabled) and provisioner/Provisioner endpoint/cisco/spa5xx/phone.php (fnc=blf+sd, sd, xml only).
import type { VendorKeys } from './types';

const KEM = 'Cisco MPP administration guide, "Cisco IP Phone Key Expansion Module (8800 and 6800)"';
const WAZO =
  'wazo-platform/wazo-provd-plugins plugins/wazo_cisco_spa/common/common.py and plugins/wazo_cisco_sip/v12_0_1/common.py (_add_fkeys)';

export const CISCO_KEYS: VendorKeys = {
  types: {
    // A line key that is a line has no `fnc`: `Extension_N_` holds the extension number it shows (Disabled frees the
    // key for an extended function).
    line: {
      code: 'Extension_n_',
      value: 'the extension number (1–10) in `Extension_N_`; `Extended_Function_N_` stays empty',
      source: 'Cisco MPP administration guide, parameter "Extension_n_" (Allowed values: n|Disabled)',
    },
    blf: {
      code: 'blf+sd+cp',
      value: '`sub=<number>@$PROXY;nme=<label>` — BLF with speed dial and call pickup; plain `blf`, `blf+sd`, `blf+cp` also valid',
      source: `${KEM}, "Configure the Busy Lamp Field on a Key Expansion Module" (fnc=blf+sd+cp); ${WAZO}`,
    },
    speed_dial: {
      code: 'sd',
      value: '`ext=<number>@$PROXY;vid=<line>;nme=<label>`',
      source: `${KEM}, "Configure a Speed Dial on a Key Expansion Module" (fnc=sd); ${WAZO}`,
    },
    park: {
      code: 'prk',
      value: '`sub=<orbit>@$PROXY;nme=<label>` (shared line: add `orbit=<DN of primary line>`)',
      source: `${KEM}, "Add Call Park on a Key Expansion Module Line Key"; Cisco MPP parameter reference "Extended_Function_n_" (call park to a line key)`,
    },
    // Directed pickup of the watched number is the `cp` part of a BLF key: `fnc=blf+cp` (BLF and pickup, no speed dial).
    pickup: {
      code: 'blf+cp',
      value: '`sub=<number>@$PROXY` — picks up the watched number when it rings',
      source: `${KEM}, "Configure the Busy Lamp Field…" ("cp= call pickup", fnc=blf+cp)`,
    },
    dnd: { code: 'dnd', value: 'none', source: `${KEM}, "Add an Extended Feature to a Key Expansion Module Line Key" (fnc=dnd)` },
    voicemail: {
      code: 'mwi',
      value: '`sub=<voicemail account>@domain;vid=<line>;nme=<label>`; `mwi+sd` with `ext=` also dials it',
      source: `${KEM}, "Configure the Voicemail PLK on a Key Expansion Module Button" (fnc=mwi, fnc=mwi+sd)`,
    },
    url: {
      code: 'xml',
      value: '`url=<XML service URL>;nme=<label>`',
      source: `${KEM}, "Configure Call Park on a Key Expansion Module line" (fnc=xml;url=…); Cisco MPP parameter reference "Idle_Key_List" (PSK XML service)`,
    },
  },
  // Ids: the KEM_Type value where Cisco's guide gives one, else the guide's product name; model rows
  // (vendors/models/cisco.ts) name these ids.
  modules: [
    {
      id: 'BEKEM',
      aliases: [
        { name: 'Cisco IP Phone 8800 Key Expansion Module', source: `${KEM} (single LCD; KEM_Type BEKEM)` },
        { name: 'Cisco IP Phone 8800 Key Expansion Module (BEKEM)', source: `${KEM} (the earlier id of this module here)` },
      ],
      keys: 36,
      maxPerPhone: 3,
      source: `${KEM}: single LCD, 18 line keys, two pages; 8851: 2 modules (72 buttons), 8861/8865: 3 (108 buttons); KEM_Type BEKEM`,
    },
    {
      id: 'CP-8800-Audio',
      aliases: [
        { name: 'Cisco IP Phone 8851/8861 Key Expansion Module', source: `${KEM} (dual LCD, audio phones)` },
        {
          name: 'CP-8800-A-KEM',
          source:
            'Cisco part number of the audio KEM, as the earlier model table of this project named it (not re-read in a Cisco document: unverified)',
        },
      ],
      keys: 28,
      maxPerPhone: 3,
      source: `${KEM}: dual LCD (audio), 14 line keys, two pages; 8851: 2 (56 buttons), 8861: 3 (84 buttons); KEM_Type CP-8800-Audio`,
    },
    {
      id: 'CP-8800-Video',
      aliases: [{ name: 'Cisco IP Phone 8865 Key Expansion Module', source: `${KEM} (dual LCD, video phone)` }],
      keys: 28,
      maxPerPhone: 3,
      source: `${KEM}: dual LCD (video), 14 line keys, two pages; 8865: 3 (84 buttons); KEM_Type CP-8800-Video`,
    },
    {
      id: 'Cisco IP Phone 6800 Key Expansion Module',
      keys: 28,
      maxPerPhone: 1,
      source: `${KEM}: "The Cisco IP Phone 6851 Multiplatform Phone supports only one key expansion module … 14 lines … two pages"`,
    },
    {
      id: 'DP-9800-KEM',
      aliases: [
        {
          name: 'Cisco Desk Phone 9800 Key Expansion Module',
          source: 'Cisco Desk Phone 9800 KEM article (help.webex.com/en-us/article/ngr795j)',
        },
      ],
      keys: 40,
      maxPerPhone: 3,
      source:
        'Cisco Desk Phone 9800 KEM article (help.webex.com/en-us/article/ngr795j): "supports 40 lines, with two pages of 20 buttons each"; 9851: 1 KEM, 9861/9871: up to 3 (Number_of_Units 0–3); KEM_Type DP-9800-KEM (fusionpbx/fusionpbx resources/templates/provision/cisco/9861/{$mac}.xml)',
    },
    {
      id: 'SPA500S',
      keys: 32,
      maxPerPhone: 2,
      source: `${WAZO}: SPA50x _NB_FKEY (…, 2) expansion modules of 32 keys (Unit_U_Key_K, expmod_keynum // 32); the module named in the earlier xivo-provd Cisco SPA plugins (7.4.8, 7.5.2b: "The following Cisco expansion module are supported: SPA500S"); chan-sccp also counts 32 buttons for an SPA500S addon`,
    },
  ],
};
