// Snom models. Desk phones request snom<model>.htm then snom<model>-<MAC>.htm (the routes; wazo-provd-plugins
// plugins/wazo_snom/common/common.py _dev_specific_filenames); lines = identities, keys = function keys with LEDs.
import type { ModelDef } from '../types';

const W10 = 'wazo-platform/wazo-provd-plugins plugins/wazo_snom/v10_1_215_13/entry.py MODELS';
const W10_CAPS = 'wazo-platform/wazo-provd-plugins plugins/wazo_snom/v10_1_215_13/plugin-info (capabilities: lines, function_keys)';
const W89 = 'wazo-platform/wazo-provd-plugins plugins/wazo_snom/v8_9_3_80/entry.py MODELS';
const UA = 'wazo-platform/wazo-provd-plugins plugins/wazo_snom/common/common.py (User-Agent comment)';
const DECT = 'wazo-platform/wazo-provd-plugins plugins/wazo_snom/v05_20_0001/entry.py, v07_40_0104/entry.py MODELS';
const EARLIER = 'earlier data of this project (model name only)';
const m = (id: string, lines: number, keys: number, source: string, expansion?: string[], aliases?: string[]): ModelDef => ({
  id,
  lines,
  keys,
  source,
  expansion,
  aliases,
});
// expansion: module ids of vendors/keys/snom.ts. D3xx take the D3, D7xx the D7 (snom D3/D7 review); the D7C lists
// D717, D735, D765 and D785 (its user manual).
const D3X = ['D3'];
const D7X = ['D7'];
const D7XC = ['D7', 'D7C'];

export const snomModels: ModelDef[] = [
  m('D120', 2, 0, EARLIER),
  m('D140', 2, 0, W10),
  m('D150', 2, 2, W10),
  m('D305', 4, 5, W89),
  m('D315', 4, 5, W89),
  m('D335', 12, 32, W10),
  m('D345', 12, 48, W89, D3X),
  m('D375', 12, 36, W89, D3X),
  m('D385', 12, 48, W10, D3X),
  m('D710', 4, 5, EARLIER),
  m('D712', 4, 5, W89),
  m('D713', 6, 6, W10),
  m('D715', 4, 5, EARLIER, D7X),
  m('D717', 6, 18, W10, D7XC),
  m('D725', 12, 18, EARLIER, D7X),
  m('D735', 12, 32, W10, D7XC),
  m('D745', 12, 32, W89, D7X),
  m('D765', 12, 16, W89, D7XC),
  m('D785', 12, 24, W10, D7XC),
  // D8xx identities and function keys: the same plugin's capabilities (0 keys before, so every bench key warned)
  m('D810', 12, 16, W10_CAPS),
  m('D812', 12, 32, W10_CAPS),
  m('D815', 12, 40, W10_CAPS),
  m('D862', 12, 32, W10),
  m('D865', 12, 40, W10),
  m('D892', 12, 40, W10_CAPS),
  m('300', 4, 6, EARLIER),
  m('320', 12, 12, UA),
  m('360', 12, 12, EARLIER),
  m('370', 12, 12, EARLIER),
  m('710', 4, 5, UA),
  m('715', 4, 5, W10),
  m('720', 12, 18, W89),
  m('725', 12, 18, W89),
  m('760', 12, 16, UA),
  m('820', 12, 12, UA),
  m('821', 12, 12, EARLIER),
  m('870', 12, 15, UA),
  m('PA1', 1, 0, UA),
  m('M300', 5, 0, DECT),
  m('M400', 10, 0, DECT),
  m('M700', 30, 0, DECT),
  m('M900', 60, 0, DECT),
];
