// Grandstream models. Every model requests cfg<mac>(.xml) then cfg<model>.xml then cfg.xml (the routes), the model
// name in full (P, W, G variants are rows of their own); lines = SIP accounts, keys = programmable line/MPK/VPK keys.
// Model lists: wazo-provd-plugins plugins/wazo_grandstream/*/entry.py.
import type { ModelDef } from '../types';

const WZ = (v: string) => `wazo-platform/wazo-provd-plugins plugins/wazo_grandstream/${v}/entry.py MODELS`;
const UA = 'wazo-platform/wazo-provd-plugins plugins/wazo_grandstream/common/common.py (User-Agent comment)';
// the model-wide file carries the full model name: a GRP2612W asks cfggrp2612w.xml
const GS_TOOLS = 'brucemwalker/gs_tools provisioning/Notes.txt (GRP2612W requests cfg<mac>.xml, cfggrp2612w.xml, cfg.xml)';
const W_VARIANT = `${GS_TOOLS} (file name of this variant inferred the same way)`;
const EARLIER = 'earlier data of this project (model name only; file names by the vendor scheme cfg<model>.xml)';
const m = (id: string, lines: number, keys: number, source: string, expansion?: string[], aliases?: string[]): ModelDef => ({
  id,
  lines,
  keys,
  source,
  expansion,
  aliases,
});
const GXP21 = ['GXP2200EXT'];

export const grandstreamModels: ModelDef[] = [
  m('GXP1100', 1, 0, WZ('v1_0_8_6')),
  m('GXP1105', 1, 0, WZ('v1_0_8_6')),
  m('GXP1160', 1, 0, WZ('v1_0_8_9')),
  m('GXP1165', 1, 0, WZ('v1_0_8_9')),
  m('GXP1400', 2, 2, WZ('v1_0_8_9')),
  m('GXP1405', 2, 2, WZ('v1_0_8_9')),
  m('GXP1450', 2, 2, WZ('v1_0_8_9')),
  m('GXP1610', 1, 0, WZ('v1_0_7_81')),
  m('GXP1615', 1, 0, WZ('v1_0_7_81')),
  m('GXP1620', 2, 2, WZ('v1_0_7_81')),
  m('GXP1625', 2, 2, WZ('v1_0_7_81')),
  m('GXP1628', 2, 2, WZ('v1_0_7_81')),
  m('GXP1630', 3, 8, WZ('v1_0_7_81')),
  m('GXP2000', 4, 7, WZ('v1_2_5_3')),
  m('GXP2100', 4, 4, WZ('v1_0_8_6')),
  m('GXP2110', 4, 4, WZ('v1_0_8_6')),
  m('GXP2120', 6, 6, WZ('v1_0_8_6')),
  m('GXP2124', 4, 4, WZ('v1_0_8_6')),
  m('GXP2130', 3, 8, WZ('v1_0_11_85')),
  m('GXP2135', 8, 8, WZ('v1_0_11_85')),
  m('GXP2140', 4, 4, WZ('v1_0_11_85'), GXP21),
  m('GXP2160', 6, 24, WZ('v1_0_11_85'), GXP21),
  m('GXP2170', 12, 48, WZ('v1_0_11_85'), GXP21),
  m('GXP2200', 6, 0, WZ('v1_0_3_27')),
  m('GRP2601', 2, 0, EARLIER),
  m('GRP2601P', 2, 0, EARLIER),
  m('GRP2601W', 2, 0, W_VARIANT),
  m('GRP2602', 4, 4, EARLIER),
  m('GRP2602P', 4, 4, EARLIER),
  m('GRP2602W', 4, 4, W_VARIANT),
  m('GRP2603', 6, 6, EARLIER),
  m('GRP2603P', 6, 6, EARLIER),
  m('GRP2604', 6, 10, EARLIER),
  m('GRP2604P', 6, 10, EARLIER),
  m('GRP2612', 2, 4, WZ('v1_0_5_48')),
  m('GRP2612P', 2, 4, W_VARIANT),
  m('GRP2612G', 2, 4, W_VARIANT),
  m('GRP2612W', 2, 4, GS_TOOLS),
  m('GRP2613', 3, 6, WZ('v1_0_5_48')),
  m('GRP2614', 4, 10, WZ('v1_0_5_48'), ['GBX20']),
  m('GRP2615', 5, 10, WZ('v1_0_5_48'), ['GBX20']),
  m('GRP2616', 6, 10, WZ('v1_0_5_48'), ['GBX20']),
  m('GXV3240', 6, 0, UA),
  m('GXV3350', 16, 0, WZ('v1_0_3_2x_android')),
  m('GXV3370', 16, 0, WZ('v1_0_3_2x_android')),
  m('GXV3380', 16, 0, WZ('v1_0_3_2x_android')),
  m('HT801', 1, 0, WZ('v1_0_63_3')),
  m('HT802', 2, 0, WZ('v1_0_63_3')),
  m('HT801V2', 1, 0, WZ('v1_0_63_3'), undefined, ['HT801 V2']),
  m('HT802V2', 2, 0, WZ('v1_0_63_3'), undefined, ['HT802 V2']),
  m('HT812', 2, 0, EARLIER),
  m('HT814', 4, 0, EARLIER),
  m('GXW4216', 16, 0, 'wazo-platform/wazo-provd-plugins plugins/wazo-grandstream/1.0.9.4/entry.py (commit 762aa461)'),
  m('GXW4248', 48, 0, 'wazo-platform/wazo-provd-plugins plugins/wazo-grandstream/1.0.9.4/entry.py (commit 762aa461)'),
  m('WP810', 2, 0, EARLIER),
  m('WP820', 2, 0, EARLIER),
  m('WP822', 2, 0, EARLIER),
  m('WP825', 2, 0, EARLIER),
  m('DP750', 10, 0, EARLIER),
  m('DP752', 10, 0, EARLIER),
];
