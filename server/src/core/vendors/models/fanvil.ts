// Fanvil models. files = the model-wide files the phone requests, exactly as the reference spells them: the F0V… /
// f0…hw1.100 common file and, on firmware 2.12+, fanvil_<model>_hw….txt. A -V2 hardware revision is the same model
// (one row, the files of both revisions answered); Pro models are their own rows. lines = SIP lines, keys = DSS keys.
import type { ModelDef } from '../types';

const X = 'wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/serie_x/entry.py COMMON_FILES';
const V = 'wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/serie_v/entry.py COMMON_FILES';
const I = 'wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/serie_i/entry.py COMMON_FILES';
const H = 'wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/serie_h/entry.py COMMON_FILES';
const W = 'wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/serie_w/entry.py COMMON_FILES';
const EARLIER = 'earlier data of this project, unverified (no reference found)';

/** fileId: the code of the F0V<code>00000.cfg file, where the model has one (model.file_id in templates). */
const m = (
  id: string,
  files: string[],
  lines: number,
  keys: number,
  source: string,
  aliases?: string[],
  expansion?: string[],
): ModelDef => ({
  id,
  fileId: files.map((f) => /^F0V(\w+?)00000\.cfg$/.exec(f)?.[1]).find((c) => c !== undefined),
  files,
  lines,
  keys,
  source,
  aliases,
  expansion,
});

export const fanvilModels: ModelDef[] = [
  // X series
  m('X2', ['f0X2hw1.100.cfg'], 2, 0, X),
  m('X210', ['F0V00X200000.cfg', 'fanvil_x210_v2_hwv2_0.txt'], 20, 106, X, ['X210-V2'], ['EXT20']),
  m('X210-Pro', ['fanvil_x210_pro_hwv2_0.txt'], 20, 106, X, ['X210 Pro']),
  m('X3', ['F0V00X300000.cfg'], 2, 0, X),
  m('X3S', ['f0X3shw1.100.cfg'], 2, 0, X),
  m('X3SG', ['f0X3sghw1.100.cfg'], 2, 0, X),
  m('X3U', ['F0V000X3U00000.cfg'], 6, 6, EARLIER),
  m('X3SP', ['F0V00X3SP00000.cfg'], 4, 4, EARLIER),
  m('X1SP', ['F0V00X1SP00000.cfg'], 2, 0, EARLIER),
  m('X4', ['f0X4hw1.100.cfg'], 4, 30, X),
  m('X4U', ['fanvil_x4u_v2_hwv2_0.txt', 'F0V000X4U00000.cfg'], 12, 30, `${EARLIER} (F0V000X4U00000.cfg); ${X} (X4U-V2)`, ['X4U-V2']),
  m('X4U-Pro', ['fanvil_x4u_pro_hwv2_0.txt'], 12, 30, X, ['X4U Pro']),
  m('X5', ['f0X5hw1.100.cfg'], 6, 32, X),
  m('X5S', ['F0V00X5S0000.cfg'], 6, 32, X),
  m(
    'X5U',
    ['F0V5UV200000.cfg', 'fanvil_x5u_v2_hwv2_0.txt', 'F0V000X5U00000.cfg'],
    16,
    32,
    `${X} (X5U-V2); F0V000X5U00000.cfg: ${EARLIER}`,
    ['X5U-V2'],
  ),
  m('X6', ['F0V00X600000.cfg', 'F0000X600000.cfg'], 6, 60, X, ['X6V2', 'X6-V2']),
  m('X6U', ['F0V000X6U00000.cfg'], 20, 60, EARLIER),
  m('X6U-Pro', [], 20, 60, 'wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/serie_x/entry.py MODELS (no common file listed)', [
    'X6U Pro',
  ]),
  m(
    'X7',
    ['F0V0000X700000.cfg'],
    20,
    60,
    `${EARLIER}; X7-V2 UA: wazo-platform/wazo-provd-plugins plugins/wazo-fanvil/common/common.py (commit b6b0adc8)`,
    ['X7-V2'],
  ),
  m('X301', ['F0V00X30100000.cfg'], 2, 0, EARLIER),
  m('X303', ['F0V00X30300000.cfg'], 4, 4, EARLIER),
  // V series
  m('V61G', ['F0VV61G00000.cfg', 'fanvil_v61g_hwv1_0.txt'], 2, 0, V),
  m('V61W', ['F0VV61W00000.cfg', 'fanvil_v61w_hwv1_0.txt'], 2, 0, V),
  m('V62', ['F0VV6200000.cfg', 'fanvil_v62_hwv1_0.txt'], 4, 6, V),
  m('V62-Pro', ['F0V0V6210000.cfg', 'fanvil_v62_pro_hwv1_0.txt'], 4, 6, V, ['V62Pro', 'V62 Pro']),
  m('V62G', ['F0VV62G00000.cfg', 'fanvil_v62g_hwv1_0.txt'], 4, 6, V),
  m('V62W', ['F0VV62W00000.cfg', 'fanvil_v62w_hwv1_0.txt'], 4, 6, V),
  m('V63', ['F0V0V6300000.cfg', 'fanvil_v63_hwv1_0.txt'], 6, 24, V),
  m('V64', ['F0V0V6400000.cfg', 'fanvil_v64_hwv1_0.txt'], 12, 24, V),
  m('V65', ['F0V0V6500000.cfg', 'fanvil_v65_hwv1_0.txt'], 12, 30, V),
  m('V66', ['F0V0V6600000.cfg', 'fanvil_v66_hwv1_0.txt'], 20, 30, V),
  m('V66-Pro', ['F0V0V6610000.cfg', 'fanvil_v66_pro_hwv1_0.txt'], 20, 30, V, ['V66Pro', 'V66 Pro']),
  m('V67', ['F0V0V6700000.cfg', 'fanvil_v67_hw1_1.txt'], 20, 30, V),
  // i series (door phones, intercoms)
  m('i10S', ['F0V10S00000.cfg', 'fanvil_i10s_hwv1_0.txt'], 2, 0, I),
  m('i10SV', ['F0V10SV00000.cfg', 'fanvil_i10sv_hwv1_0.txt'], 2, 0, I),
  m('i10SD', ['F0V10SD00000.cfg', 'fanvil_i10sd_hwv1_0.txt'], 2, 0, I),
  m('i16S', ['F0V16S00000.cfg', 'fanvil_i16s_hwv1_0.txt'], 2, 0, I),
  m('i16SV', ['F0V16SV00000.cfg', 'fanvil_i16sv_hwv1_0.txt'], 2, 0, I),
  m('i51W', ['F0Vi51W00000.cfg', 'fanvil_i51w_hwv1_0.txt'], 2, 0, I),
  m('i52W', ['F0Vi52W00000.cfg', 'fanvil_i52w_hwv1_0.txt'], 2, 0, I),
  m('i53W', ['F0Vi53W00000.cfg', 'fanvil_i53w_hwv1_0.txt'], 2, 0, I),
  m('i61', ['F0V0i6100000.cfg', 'fanvil_i61_hwv1_0.txt'], 2, 0, I),
  m('i62', ['F0V0i6200000.cfg', 'fanvil_i62_hwv1_0.txt'], 2, 0, I),
  m('i63', ['F0V0i6300000.cfg', 'fanvil_i63_hwv1_0.txt'], 2, 0, I),
  m('i64', ['F0V0i6400000.cfg', 'fanvil_i64_hwv1_0.txt'], 2, 0, I),
  // H series (hotel), W series (Wi-Fi)
  m('H2U-V2', ['F0V2UV200000.cfg', 'fanvil_h2u_v2_hwv1_0.txt'], 2, 0, H, ['H2U V2']),
  m('H5', ['F0V0000H500000.cfg'], 2, 0, EARLIER),
  m('W610W', ['F0V610W00000.cfg', 'fanvil_w610w_hwv1_0.txt'], 2, 0, W),
  m('W611W', ['F0V611W00000.cfg', 'fanvil_w611w_hwv1_0.txt'], 2, 0, W),
  m('W620W', ['F0V620W00000.cfg', 'fanvil_w620w_hwv1_0.txt'], 2, 0, W),
];
