// snom function key types: the first word of an `<fkey>` value (`<fkey idx="3" …>blf sip:101@pbx|*8</fkey>`); the
// rest of the value is the key's argument.
//
// Source: snom service wiki "Function Key Types" (service.snom.com/display/wiki/Function+Key+Types): line = Line,
// dest = Extension/Destination, icom = Intercom, orbit = Park Orbit, recorder = Voice Recorder, dtmf = DTMF,
// mult = Shared Line, multicast = Multicast Page, p2t = Push2Talk, url = Action URL, keyevent = Key Event,
// speed = Speed Dial, button = Button, blf = BLF, ivr = IVR, presence = Presence, transfer = Transfer to,
// redirect = Forward to, autoanswer = Auto Answer, xml, conference = Conference Server, smart_transfer, none.
// fusionpbx/fusionpbx app/devices/app_config.php (vendor "snom" functions) has the same words (orbit, icom,
// multicast, recorder, redirect, action_url …); wazo-platform/wazo-provd-plugins plugins/wazo_snom/common/common.py
// writes `speed`, `blf` and `orbit` (park).
// Disagreement: FusionPBX writes `action_url` for an action-URL key; snom's list has `url` — snom's word is used.
//
// DND and voicemail have no type of their own: they are key events (`keyevent F_DND`, `keyevent F_RETRIEVE`), as the
// phone's default DND / retrieve keys are provisioned (`<dkey_dnd>keyevent F_DND</dkey_dnd>`,
// `<dkey_retrieve>keyevent F_RETRIEVE</dkey_retrieve>` in fusionpbx/fusionpbx resources/templates/provision/snom/720/{$mac}.xml).
// The code is then the whole value. No pickup / group pickup type: a `blf` key picks up with its `|<code>` suffix.
//
// Modules: D3 (D3xx), D7 (D7xx) and D7C are named below; their key counts and the number per phone were not found in a stored
// snom document (the D7C user manual's "Function key numbering system" table is not in the stored excerpt), so the
// bench's module keys are not counted for them.
import type { VendorKeys } from './types';

const WIKI = 'snom service wiki "Function Key Types" (service.snom.com/display/wiki/Function+Key+Types)';
const FUSION = 'fusionpbx/fusionpbx app/devices/app_config.php (vendor "snom" functions)';
const WAZO = 'wazo-platform/wazo-provd-plugins plugins/wazo_snom/common/common.py (_add_fkeys)';
const DKEYS = 'fusionpbx/fusionpbx resources/templates/provision/snom/720/{$mac}.xml (dkey_dnd, dkey_retrieve)';
/** Key counts of the snom expansion modules, as a public Symcon snom module encodes them. */
const SYMCON = 'symcon/Snom SnomDeskphone/deviceProperties.php (FKEYS_NO)';
/** How many modules the snom D3xx/D7xx phones take. */
const WAZO_D = 'wazo-platform/wazo-provd-plugins plugins/wazo_snom/v10_1_215_13/plugin-info';

export const SNOM_KEYS: VendorKeys = {
  types: {
    line: { code: 'line', value: 'none; the `context` attribute picks the identity', source: `${WIKI} (line = Line); ${FUSION}` },
    blf: {
      code: 'blf',
      value: '`<sip:101@pbx>|<pickup code>` — the watched URI, optionally the pickup prefix after `|`',
      source: `${WIKI} (blf = BLF); ${FUSION}; ${WAZO}`,
    },
    speed_dial: { code: 'speed', source: `${WIKI} (speed = Speed Dial); ${FUSION}; ${WAZO}` },
    park: {
      code: 'orbit',
      value: 'the park orbit number',
      source: `${WIKI} (orbit = Park Orbit); ${FUSION}; ${WAZO} (park on 7xx models)`,
    },
    intercom: { code: 'icom', source: `${WIKI} (icom = Intercom); ${FUSION}` },
    dnd: { code: 'keyevent F_DND', value: 'none (the whole value is the code)', source: `${WIKI} (keyevent = Key Event); ${DKEYS}` },
    forward: { code: 'redirect', value: 'the forward target', source: `${WIKI} (redirect = Forward to); ${FUSION}` },
    transfer: { code: 'transfer', value: 'the transfer target', source: `${WIKI} (transfer = Transfer to); ${FUSION}` },
    voicemail: {
      code: 'keyevent F_RETRIEVE',
      value: 'none (the whole value is the code)',
      source: `${WIKI} (keyevent = Key Event); ${DKEYS}`,
    },
    conference: { code: 'conference', value: 'the conference server URI', source: `${WIKI} (conference = Conference Server); ${FUSION}` },
    record: { code: 'recorder', source: `${WIKI} (recorder = Voice Recorder); ${FUSION}` },
    url: { code: 'url', value: 'the action URL the phone requests', source: `${WIKI} (url = Action URL)` },
    paging: { code: 'multicast', value: 'the multicast address:port', source: `${WIKI} (multicast = Multicast Page); ${FUSION}` },
  },
  modules: [
    {
      id: 'D3',
      keys: 18,
      maxPerPhone: 3,
      source: `review of the snom D3/D7 expansion modules (weekly-geekly-es.imtqy.com/articles/de436058): "D3 ist mit allen Snom D3xx-Telefonen kompatibel"; 18 keys: ${SYMCON} ("snomD3" => 18); 3 per phone: ${WAZO_D} (D335, D385: "expansion_modules": 3)`,
    },
    {
      id: 'D7',
      keys: 18,
      maxPerPhone: 3,
      source: `review of the snom D3/D7 expansion modules (weekly-geekly-es.imtqy.com/articles/de436058): "Für die Leitungen der IP-Telefone D3xx und D7xx stehen Module … D3 und D7 zur Verfügung"; 18 keys: ${SYMCON} ("snomD7" => 18); 3 per phone: ${WAZO_D} (D717, D735, D785: "expansion_modules": 3)`,
    },
    {
      id: 'D7C',
      keys: 48,
      maxPerPhone: 3,
      source: `snom D7C user manual (manualslib.com/manual/2075907/Snom-D7c.html, p. 18): "Expansion module for snom D717, D735, D765, D785 phones"; 48 keys: ${SYMCON} ("snomD7C" => 48, MAX_EXPANSION_FKEYS = 144, i.e. 3 modules); 3 per phone: ${WAZO_D} (D717, D735, D785: "expansion_modules": 3)`,
    },
  ],
};
