// Poly (Polycom UC Software) key codes. Poly has no single key-type setting: a watched number is an attendant
// resource (`attendant.resourceList.N.address|label|type`, `type` = `normal` or `automata`), and on UC Software 5.x+
// with Flexible Line Keys (`lineKey.reassignment.enabled="1"`) each key's role is `lineKey.N.category`
// (`Line`, `BLF`, `SpeedDial`, `EFK`, `Presence`, `Unassigned`) with `lineKey.N.index` pointing into the list it
// takes its entry from. The code is the value of the setting named in `value`.
//
// Sources: the Poly UC Software administrator guide description of `attendant.resourceList.x.type` ("If 'Normal', the
// default action is to initiate a call if the user is idle or busy and to perform a directed call pickup if the user is
// ringing … If 'Automata', the default action is to perform a park/blind transfer of any currently active call. If
// there is no active call and the monitored user is ringing/busy, an attempt to perform a directed call pickup/park
// retrieval is made"); fusionpbx/fusionpbx app/devices/app_config.php (vendor "poly"/"polycom" functions: line, normal,
// automata) and its polycom templates (`attendant.resourceList.N.type="…"`); wazo-platform/wazo-provd-plugins
// plugins/wazo_polycom/common/common.py (BLF and park keys as attendant resources). `lineKey.x.category` values are
// from the Poly UC Software 6.4.0 administrator guide's Flexible Line Keys parameters (as cited in a public vendor
// reference note; not re-read here in Poly's own text). Public templates write the same categories with other cases
// (`speedDial`, `blf`, `unassigned`); Poly's spelling (`SpeedDial`, `BLF`) is used here.
//
// Voicemail: FusionPBX's Poly/Polycom function list has `messages` → `Messages`, which its UC Software 5.x template writes
// as a key function (`key.N.function.prim="Messages"`, resources/templates/provision/polycom/5.x/{$mac}.cfg) — a
// remapped key, not a line key.
//
// Left out: pickup (a `normal` resource already picks up when ringing — same code as BLF), and DND, forward,
// transfer, conference, record, URL, paging: on Poly those are enhanced feature keys (`efk.efklist.N.action.string`
// macros built from the PBX's feature codes, shown on a line key with `lineKey.N.category` = EFK) or soft keys, not
// a key type with a code of its own; no public template or Poly text found gives them one.
import type { VendorKeys } from './types';

const TYPE = 'Poly UC Software administrator guide, attendant.resourceList.x.type (normal / automata)';
const FUSION = 'fusionpbx/fusionpbx app/devices/app_config.php (vendor "poly" functions)';
const FLK =
  'Poly UC Software 6.4.0 administrator guide, Flexible Line Keys: lineKey.x.category = Line|BLF|SpeedDial|EFK|Presence|Unassigned';

export const POLY_KEYS: VendorKeys = {
  types: {
    line: {
      code: 'Line',
      value: '`lineKey.N.category` (Flexible Line Keys); `lineKey.N.index` = the registration',
      source: `${FLK}; ${FUSION} (line)`,
    },
    blf: {
      code: 'normal',
      value: '`attendant.resourceList.N.type`; the watched number in `.address`',
      source: `${TYPE}; ${FUSION} (normal); wazo-platform/wazo-provd-plugins plugins/wazo_polycom/common/common.py (_add_fkeys)`,
    },
    speed_dial: {
      code: 'SpeedDial',
      value: '`lineKey.N.category` (Flexible Line Keys); `lineKey.N.index` = the speed-dial entry',
      source: FLK,
    },
    voicemail: {
      code: 'Messages',
      value: '`key.N.function.prim` (a remapped key; N = the key number of the model), not an attendant resource',
      source: `${FUSION} (messages → Messages); fusionpbx/fusionpbx resources/templates/provision/polycom/5.x/{$mac}.cfg (key.N.function.prim)`,
    },
    park: {
      code: 'automata',
      value: '`attendant.resourceList.N.type`; the park orbit in `.address` (pressing parks the active call, or retrieves)',
      source: `${TYPE}; ${FUSION} (automata)`,
    },
  },
  // Three modules, told apart by their key counts where a source gives one. Model rows (vendors/models/poly.ts) name
  // these ids.
  modules: [
    {
      id: 'VVX Color Expansion Module',
      aliases: [
        {
          name: 'VVX LCD Expansion Module',
          source:
            'Polycom VVX Expansion Module Administrator\'s Guide Addendum, UC Software 4.1.6 (3725-46307-001 Rev B), lineKey.x.category ("3 LCD EMs")',
        },
      ],
      keys: 84,
      maxPerPhone: 3,
      source:
        'Polycom VVX Expansion Module Administrator\'s Guide Addendum, UC Software 4.1.6 (3725-46307-001 Rev B), lineKey.x.category: "VVX 600 + 3 LCD EMs = 16 + 252 = 268 lines" (84 per module); Poly VVX user guide, smart paging: pages 1–9 on three modules (three pages each)',
    },
    {
      id: 'VVX Expansion Module',
      aliases: [{ name: 'VVX Paper Expansion Module', source: 'earlier data of this project (the paper-label module; unverified)' }],
      keys: 40,
      maxPerPhone: 3,
      source:
        'wazo-platform/wazo-provd-plugins plugins/wazo_polycom/common/common.py (_EXPANSION = 3 * 40 # Expansion modules; the module is not named there); Poly VVX user guide, expansion modules (up to three per phone)',
    },
    {
      id: 'VVX EM50',
      maxPerPhone: 3,
      source:
        'name from the earlier model table of this project; for the VVX 450 only, which takes 3 modules (wazo-platform/wazo-provd-plugins plugins/wazo_polycom/v6_4_6/plugin-info: VVX450 "expansion_modules": 3, VVX350 0); key count not found in a stored Poly document (a Metaswitch profile generator, wcarman1/VVX-EM50-Configuration-Generator, numbers EM50 keys 23–112 on a VVX 450, i.e. 3 × 30: not used) — not checked',
    },
    {
      id: 'SoundPoint IP Backlit Expansion Module',
      source:
        'name from the earlier model table of this project (SoundPoint IP 600/601/650/670); no key count or per-phone maximum found in a stored Poly document — not checked',
    },
  ],
};
