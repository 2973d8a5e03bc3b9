// Poly / Polycom UC Software models. Every model requests <mac>.cfg (else 000000000000.cfg) and the CONFIG_FILES it
// lists (the routes); model names as in the User-Agent (PolycomVVX-VVX_400-UA/…) without the underscore. lines =
// registrations, keys = line keys.
import type { ModelDef } from '../types';

const WZ = (v: string) => `wazo-platform/wazo-provd-plugins plugins/wazo_polycom/${v}/entry.py MODELS`;
const UA = 'wazo-platform/wazo-provd-plugins plugins/wazo_polycom/common/common.py (User-Agent comment)';
const GUIDE = 'Poly UC Software Administrator Guide, "Supported devices" (model names; User-Agent spelling inferred)';
const EARLIER = 'earlier data of this project (model name only)';
const m = (id: string, ua: string, lines: number, keys: number, source: string, expansion?: string[]): ModelDef => ({
  id,
  lines,
  keys,
  source,
  expansion,
  aliases: [ua],
});
// expansion: module ids of vendors/keys/poly.ts (Wazo gives every VVX the 40-key module; the color module and the
// EM50 are earlier data of this project). The VVX 350 takes none: wazo_polycom/v6_4_6/plugin-info gives it
// "expansion_modules": 0 (the VVX 450: 3), so an EM50 on a VVX 350 is a keys-over-capacity warning. Weak: that
// field is what Wazo's plugin drives (it says 0 for Yealink phones that take EXP modules); the earlier table's
// EM50 on the VVX 350 had no source at all. A Poly EM50 datasheet would settle it.
const VVX_EM = ['VVX Color Expansion Module', 'VVX Expansion Module'];
const EM50 = ['VVX EM50'];
const SP_EM = ['SoundPoint IP Backlit Expansion Module'];

export const polyModels: ModelDef[] = [
  m('VVX101', 'VVX_101', 1, 0, `${WZ('v6_4_6')}; ${UA}`),
  m('VVX150', 'VVX_150', 2, 2, WZ('v6_4_6')),
  m('VVX201', 'VVX_201', 2, 2, WZ('v6_4_6')),
  m('VVX250', 'VVX_250', 4, 4, WZ('v6_4_6')),
  m('VVX300', 'VVX_300', 6, 6, WZ('v5_9_2'), VVX_EM),
  m('VVX301', 'VVX_301', 6, 6, WZ('v6_4_6'), VVX_EM),
  m('VVX310', 'VVX_310', 6, 6, WZ('v5_9_2'), VVX_EM),
  m('VVX311', 'VVX_311', 6, 6, WZ('v6_4_6'), VVX_EM),
  m('VVX350', 'VVX_350', 6, 6, WZ('v6_4_6'), []),
  m('VVX400', 'VVX_400', 12, 12, `${WZ('v5_9_2')}; ${UA}`, VVX_EM),
  m('VVX401', 'VVX_401', 12, 12, WZ('v6_4_6'), VVX_EM),
  m('VVX410', 'VVX_410', 12, 12, WZ('v5_9_2'), VVX_EM),
  m('VVX411', 'VVX_411', 12, 12, WZ('v6_4_6'), VVX_EM),
  m('VVX450', 'VVX_450', 12, 12, WZ('v6_4_6'), EM50),
  m('VVX500', 'VVX_500', 12, 12, WZ('v5_9_2'), VVX_EM),
  m('VVX501', 'VVX_501', 12, 12, WZ('v6_4_6'), VVX_EM),
  m('VVX600', 'VVX_600', 16, 16, WZ('v5_9_2'), VVX_EM),
  m('VVX601', 'VVX_601', 16, 16, WZ('v6_4_6'), VVX_EM),
  m('VVX1500', 'VVX_1500', 6, 6, WZ('v5_5_1')),
  m('SPIP301', 'SPIP_301', 2, 2, WZ('v3_1_6')),
  m('SPIP320', 'SPIP_320', 2, 2, WZ('v3_2_4B')),
  m('SPIP321', 'SPIP_321', 2, 2, WZ('v4_0_11')),
  m('SPIP330', 'SPIP_330', 2, 2, WZ('v3_2_4B')),
  m('SPIP331', 'SPIP_331', 2, 2, WZ('v4_0_11')),
  m('SPIP335', 'SPIP_335', 2, 2, `${WZ('v4_0_11')}; ${UA}`),
  m('SPIP430', 'SPIP_430', 2, 2, WZ('v3_2_4B')),
  m('SPIP450', 'SPIP_450', 3, 3, `${WZ('v4_0_11')}; ${UA}`),
  m('SPIP501', 'SPIP_501', 3, 3, WZ('v3_1_6')),
  m('SPIP550', 'SPIP_550', 4, 4, `${WZ('v4_0_11')}; ${UA}`),
  m('SPIP560', 'SPIP_560', 4, 4, WZ('v4_0_11')),
  m('SPIP600', 'SPIP_600', 6, 6, WZ('v3_1_6'), SP_EM),
  m('SPIP601', 'SPIP_601', 6, 6, WZ('v3_1_6'), SP_EM),
  m('SPIP650', 'SPIP_650', 34, 6, WZ('v4_0_11'), SP_EM),
  m('SPIP670', 'SPIP_670', 34, 6, WZ('v4_0_11'), SP_EM),
  m('SSIP4000', 'SSIP_4000', 1, 0, WZ('v3_1_6')),
  m('SSIP5000', 'SSIP_5000', 1, 0, WZ('v4_0_11')),
  m('SSIP6000', 'SSIP_6000', 1, 0, `${WZ('v4_0_11')}; ${UA}`),
  m('SSIP7000', 'SSIP_7000', 1, 0, WZ('v4_0_11')),
  m('Trio8300', 'Trio_8300', 1, 0, GUIDE),
  m('Trio8500', 'Trio_8500', 1, 0, GUIDE),
  m('Trio8800', 'Trio_8800', 1, 0, EARLIER),
  m('TrioC60', 'Trio_C60', 1, 0, GUIDE),
  m('EdgeE100', 'Edge_E100', 2, 2, GUIDE),
  m('EdgeE220', 'Edge_E220', 4, 4, GUIDE),
  m('EdgeE300', 'Edge_E300', 8, 8, GUIDE),
  m('EdgeE350', 'Edge_E350', 8, 8, GUIDE),
  m('EdgeE400', 'Edge_E400', 16, 16, GUIDE),
  m('EdgeE450', 'Edge_E450', 16, 16, EARLIER),
  m('EdgeE500', 'Edge_E500', 16, 16, GUIDE),
  m('EdgeE550', 'Edge_E550', 16, 16, GUIDE),
  m('CCX400', 'CCX_400', 24, 0, GUIDE),
  m('CCX500', 'CCX_500', 24, 0, GUIDE),
  m('CCX600', 'CCX_600', 24, 0, GUIDE),
  m('CCX700', 'CCX_700', 24, 0, GUIDE),
];
// the earlier ids kept as aliases
polyModels.find((x) => x.id === 'Trio8800')!.aliases!.push('RealPresenceTrio-Trio_8800');
polyModels.find((x) => x.id === 'EdgeE450')!.aliases!.push('E450');
polyModels.find((x) => x.id === 'SPIP335')!.aliases!.push('SoundPointIP-SPIP_335');
