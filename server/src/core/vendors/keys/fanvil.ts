// Fanvil DSS keys (`<Fkey index="N"><Type>…</Type><Value>…</Value><Title>…</Title></Fkey>`, older
// `<DSSKEY_CONFIG_MODULE>` entries). `Type` 2 is a line key (`Value` = `SIP<line>`), 0 an unused key, 1 a memory key
// whose function is the suffix of its value: `<number>@<line>/<code>`. The code below is that suffix for memory keys
// and the Type for the line key.
//
// Sources: fusionpbx/fusionpbx resources/templates/provision/fanvil/x6u/{$mac}.cfg (Type 0 / 2 `SIP<line>` / 1
// `<value>@<line>/<type>`) with the Fanvil function table of fusionpbx/fusionpbx app/devices/app_config.php
// (intercom i, call park c, call forward a, speed dial f, BLF bc / bb / ba / bf, mwi m); wazo-platform/wazo-provd-plugins
// plugins/wazo_fanvil/common/common.py (`…/f` speed dial and `…/ba` BLF as Type 1, `…/c` park) and
// common/templates/base-new.tpl (line keys `<Type>2</Type><Value>SIP<n></Value>`).
//
// BLF has four suffixes, which differ in what a press does while the watched phone is idle: `bc` new call, `bb` blind
// transfer, `ba` attended transfer, `bf` conference (FusionPBX labels blf_new, blf_bxfer, blf_axfer, blf_conference).
// `ba` is used here, as Wazo and our vendor notes (docs/vendors.md, example `101@1/ba`) do. A bare `b` (what the
// starter template wrote before it took `{{code}}`) appears in no reference found: FusionPBX always adds the second letter,
// and docs/vendors.md's legend "`b` BLF" names only the letter's family.
//
// Disagreement: Wazo writes its park key with `<Type>2</Type>` and `…/c`; FusionPBX writes every suffixed key as
// Type 1 and keeps Type 2 for `SIP<line>` line keys, as Wazo's own line keys do — Type 1 is assumed for `c`.
// Not found in a Fanvil document: DND, transfer, voicemail (FusionPBX's `m` is MWI), conference, record, URL,
// multicast paging (FusionPBX gives "14" without saying which field takes it) — left out. Also searched without
// finding them: wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/common/common.py (speed dial, BLF, park only) and
// IssabelFoundation/endpointconfig2 Fanvil_local.tpl (line keys only).
import type { VendorKeys } from './types';

const TPL = 'fusionpbx/fusionpbx resources/templates/provision/fanvil/x6u/{$mac}.cfg (Fkey Type/Value)';
const FUSION = 'fusionpbx/fusionpbx app/devices/app_config.php (vendor "fanvil" functions)';
const WAZO = 'wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/common/common.py (_format_fkey)';

export const FANVIL_KEYS: VendorKeys = {
  types: {
    line: {
      code: '2',
      value: '`<Type>2</Type>`, `<Value>SIP<line></Value>`',
      source: `${TPL}; wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/common/templates/base-new.tpl`,
    },
    blf: {
      code: 'ba',
      value: 'Type 1, `<number>@<line>/ba` (optionally followed by the pickup code and number)',
      source: `${FUSION} (blf_axfer ba; also bc, bb, bf); ${WAZO} (_format_funckey_blf)`,
    },
    speed_dial: {
      code: 'f',
      value: 'Type 1, `<number>@<line>/f`',
      source: `${FUSION} (speed_dial f); ${WAZO} (_format_funckey_speeddial)`,
    },
    park: { code: 'c', value: 'Type 1, `<orbit>@<line>/c`', source: `${FUSION} (call_park c); ${WAZO} (_format_funckey_call_park)` },
    intercom: { code: 'i', value: 'Type 1, `<number>@<line>/i`', source: `${FUSION} (intercom i); ${TPL}` },
    forward: { code: 'a', value: 'Type 1, `<target>@<line>/a`', source: `${FUSION} (call_forward a); ${TPL}` },
  },
  modules: [
    {
      id: 'EXT20',
      maxPerPhone: 5,
      source:
        'name from the earlier model table of this project (X210); fusionpbx/fusionpbx resources/templates/provision/fanvil/x210/{$mac}.cfg has five module slots (DSSExtend1MAC … DSSExtend5MAC, Extern1PageBelong … Extern5PageBelong); key count not found — not checked',
    },
  ],
};
