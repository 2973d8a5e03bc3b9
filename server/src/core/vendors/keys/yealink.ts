// Yealink DSS key types: the number `linekey.N.type`, `memorykey.N.type` and `expansion_module.X.key.Y.type` take.
//
// Primary source: the type list of Yealink's configuration-template comment for `linekey.X.type` ("It configures the key
// feature for the line key X. The valid types are:
// 0-NA 1-Conference 2-Forward 3-Transfer 4-Hold 5-DND 7-Call Return 8-SMS 9-Directed Pickup 10-Call Park 11-DTMF
// 12-Voice Mail 13-Speed Dial 14-Intercom 15-Line 16-BLF 17-URL 18-Group Listening 20-Private Hold 22-XML Group
// 23-Group Pickup 24-Multicast Paging 25-Record 27-XML Browser … 56-Retrieve Park …", as quoted in public provisioning
// scripts; the stored copy of Yealink's own guide table was not reachable), matching the Yealink
// function table of fusionpbx/fusionpbx app/devices/app_config.php (same numbers). wazo-platform/wazo-provd-plugins
// plugins/wazo_yealink/common/common.py writes 13 (speed dial), 16 (BLF), 10 (park) and 15 (line), and the Yealink
// SIP-T2/T4 administrator guide's DSS key section says "The digit 5 stands for the key type DND".
//
// Disagreement: some third-party write-ups found while checking give 17 = Call Park, 22 = Intercom / Group Pickup,
// 23 = Multicast Paging, 39/40 = Call Park/Retrieve. They contradict Yealink's own list (17 = URL, 22 = XML Group,
// 39 = BLF List, 40 = Prefix); the vendor list wins.
import type { VendorKeys } from './types';

const TYPES = 'Yealink config template comment for linekey.X.type ("The valid types are: 0-NA … 61-Directory")';
const FUSION = 'fusionpbx/fusionpbx app/devices/app_config.php (vendor "yealink" functions)';
const WAZO = 'wazo-platform/wazo-provd-plugins plugins/wazo_yealink/common/common.py (BaseYealinkFunckeyGenerator)';
// Expansion key ranges, from the comment Yealink ships above expansion_module.X.key.Y.* in its common .cfg
// (fusionpbx/fusionpbx resources/templates/provision/yealink/t46s/y000000000066.cfg, t54w/y000000000096.cfg):
// "SIP-T54S/T52S: X ranges from 1 to 3, Y ranges from 1 to 60; SIP-T48G/T48S/T46G/T46S: X ranges from 1 to 6, Y ranges
// from 1 to 40; SIP-T29G/T27P/T27G: X 1 to 6, Y 1 to 20, 22 to 40 (Ext key 21 cannot be configured)".
// The module names (EXP40 on the T4x, EXP50 on the T5x) are Yealink's accessory names; the template comment gives
// only the phone families. The T4xU comment (fusionpbx/fusionpbx resources/templates/provision/yealink/t46u/
// y000000000108.cfg) adds "SIP-T5XW/T54S/T52S/T43U/T46U/T48U: X ranges from 1 to 3, Y ranges from 1 to 60": the T4xU's
// EXP43 (and EXP50) modules. The T27/T29 module (keys 1–20, 22–40) is left out: its name was not found.
// Wazo agrees for the T4x: 6 modules of 40 keys (BaseYealinkFunckeyPrefixIterator._NB_EXPMODKEY = 40, _nb_expmod_by_model).
const EXP_RANGES =
  'Yealink common .cfg comment "Expansion Key X ranges" (fusionpbx/fusionpbx resources/templates/provision/yealink/t46s/y000000000066.cfg)';
const EXP_RANGES_U =
  'Yealink common .cfg comment "Expansion Key X ranges" (fusionpbx/fusionpbx resources/templates/provision/yealink/t46u/y000000000108.cfg)';

export const YEALINK_KEYS: VendorKeys = {
  types: {
    line: { code: '15', value: 'the account number in `linekey.N.line`', source: `${TYPES}; ${FUSION}; ${WAZO}` },
    blf: { code: '16', value: 'the monitored number; pickup code in `.pickup_value`', source: `${TYPES}; ${FUSION}; ${WAZO}` },
    speed_dial: { code: '13', source: `${TYPES}; ${FUSION}; ${WAZO}` },
    park: { code: '10', value: 'the park orbit / call park code', source: `${TYPES} (10-Call Park); ${FUSION}; ${WAZO}` },
    pickup: { code: '9', value: 'the extension whose ringing call to pick up', source: `${TYPES} (9-Directed Pickup); ${FUSION}` },
    group_pickup: { code: '23', value: 'the group pickup code', source: `${TYPES} (23-Group Pickup); ${FUSION}` },
    intercom: { code: '14', source: `${TYPES} (14-Intercom); ${FUSION}` },
    dnd: {
      code: '5',
      value: 'none',
      source: `${TYPES} (5-DND); Yealink SIP-T2/T4 administrator guide, DSS keys: "The digit 5 stands for the key type DND"; ${FUSION}`,
    },
    forward: { code: '2', value: 'the forward target', source: `${TYPES} (2-Forward); ${FUSION}` },
    transfer: { code: '3', value: 'the transfer target', source: `${TYPES} (3-Transfer); ${FUSION}` },
    voicemail: { code: '12', source: `${TYPES} (12-Voice Mail); ${FUSION}` },
    conference: { code: '1', source: `${TYPES} (1-Conference); ${FUSION}` },
    record: { code: '25', value: 'none (local/USB recording)', source: `${TYPES} (25-Record); ${FUSION}` },
    url: {
      code: '17',
      value: 'a URL the phone requests; 27 (XML Browser) opens an XML application instead',
      source: `${TYPES} (17-URL, 27-XML Browser); ${FUSION}`,
    },
    paging: { code: '24', value: 'the multicast address:port', source: `${TYPES} (24-Multicast Paging); ${FUSION}` },
  },
  modules: [
    {
      id: 'EXP40',
      keys: 40,
      maxPerPhone: 6,
      source: `${EXP_RANGES}: SIP-T48G/T48S/T46G/T46S X 1–6, Y 1–40; ${WAZO} (_NB_EXPMODKEY = 40, 6 modules)`,
    },
    {
      id: 'EXP43',
      keys: 60,
      maxPerPhone: 3,
      source: `${EXP_RANGES_U}: SIP-T43U/T46U/T48U X 1–3, Y 1–60 (the module name is Yealink's accessory name; the comment names the phones only)`,
    },
    {
      id: 'EXP50',
      keys: 60,
      maxPerPhone: 3,
      source: `${EXP_RANGES}: SIP-T54S/T52S X 1–3, Y 1–60; ${EXP_RANGES_U}: SIP-T5XW/T43U/T46U/T48U X 1–3, Y 1–60; Yealink SIP-T54W description ("up to three Yealink EXP50 expansion modules")`,
    },
  ],
};
