// Cisco SPA and MPP (3PCC) models. fileId = the product name $PSN of the factory profile rule; files = what a factory
// phone requests: SPA /spa$PSN.cfg, MPP /$PSN.xml (also answered with the CP- prefix of the model name).
import type { ModelDef } from '../types';

const SPA = 'wazo-platform/wazo-provd-plugins plugins/wazo_cisco_spa/v7_5_5/entry.py (PSN list, _COMMON_FILENAMES spa<PSN>.cfg)';
const SPA_LEGACY =
  'wazo-platform/wazo-provd-plugins plugins/wazo_cisco_spa/common/common.py (Linksys UA); file name by the SPA factory rule /spa$PSN.cfg';
const MPP = 'wazo-platform/wazo-provd-plugins plugins/wazo_cisco_sip/v12_0_7/entry.py (_COMMON_FILENAMES <PSN>.xml)';
const MPP68 =
  'Cisco IP Phone 6800 Series Multiplatform Phones Administration Guide, "Profile rule" ($PSN.xml; 68xx names inferred from the 78xx/88xx ones)';

// firmware packages SPA30x_SPA50x_<ver>_FW.zip, SPA51x_…, SPA525g_… (wazo_cisco_spa/v7_5_5/pkgs/pkgs.db); image names inferred
const FW50 = 'spa50x-30x-<ver>.bin';
const FW51 = 'spa51x-<ver>.bin';
const FW525 = 'spa525g-<ver>.bin';
const spa = (psn: string, lines: number, keys: number, firmware?: string, source = SPA, expansion?: string[]): ModelDef => ({
  id: `SPA${psn}`,
  fileId: psn,
  files: [`spa${psn}.cfg`],
  family: 'spa',
  lines,
  keys,
  aliases: [`SPA-${psn}`],
  expansion,
  firmware,
  source,
});
const mpp = (n: string, lines: number, keys: number, source = MPP, expansion?: string[]): ModelDef => ({
  id: `CP-${n}-3PCC`,
  fileId: `${n}-3PCC`,
  files: [`${n}-3PCC.xml`, `CP-${n}-3PCC.xml`],
  family: 'mpp',
  lines,
  keys,
  aliases: [`CP-${n}`, `${n}-3PCC`],
  expansion,
  firmware: `sip${n.slice(0, 2)}xx.<ver>.loads`, // sip68xx.11-3-1MSR3-3.loads (wazo_cisco_sip/v11_3_1 templates)
  source,
});

// expansion: module ids of vendors/keys/cisco.ts (which modules each 6800/8800 model takes: the MPP administration
// guide's KEM chapter, cited there; the 6871's module is earlier data of this project, not in the stored excerpt)
const KEM68 = ['Cisco IP Phone 6800 Key Expansion Module'];
const KEM88A = ['BEKEM', 'CP-8800-Audio'];
const KEM88V = ['BEKEM', 'CP-8800-Video'];

export const ciscoModels: ModelDef[] = [
  spa('301', 1, 0, FW50),
  spa('303', 3, 3, FW50),
  spa('501G', 8, 8, FW50, SPA, ['SPA500S']),
  spa('502G', 1, 0, FW50),
  spa('504G', 4, 4, FW50, SPA, ['SPA500S']),
  spa('508G', 8, 8, FW50, SPA, ['SPA500S']),
  spa('509G', 12, 12, FW50, SPA, ['SPA500S']),
  spa('512G', 1, 0, FW51),
  spa('514G', 4, 4, FW51),
  spa('525G', 5, 5, FW525, SPA, ['SPA500S']),
  spa('525G2', 5, 5, FW525, SPA, ['SPA500S']),
  spa('942', 4, 4, undefined, SPA_LEGACY),
  spa('962', 6, 6, undefined, SPA_LEGACY),
  {
    id: 'ATA191',
    lines: 2,
    keys: 0,
    source: 'wazo-platform/wazo-provd-plugins plugins/wazo_cisco_sip/v11_1_0/common.py (UA); files $MA.xml only',
  },
  mpp('6821', 2, 2, MPP68),
  mpp('6841', 4, 4, MPP68),
  mpp('6851', 4, 4, MPP68, KEM68),
  mpp('6861', 4, 4, MPP68),
  mpp('6871', 6, 6, MPP68, KEM68),
  mpp('7811', 1, 0),
  mpp('7821', 2, 2),
  mpp('7832', 1, 0),
  mpp('7841', 4, 4),
  mpp('7861', 16, 16),
  mpp('8811', 5, 5),
  mpp('8841', 5, 5),
  mpp('8845', 5, 5, `${MPP} (8845/8865 inferred from the 88xx names)`),
  {
    ...mpp('8851', 5, 5, MPP, KEM88A),
    expansionMax: 2,
    expansionSource:
      'Cisco MPP administration guide, "Cisco IP Phone Key Expansion Module (8800 and 6800)": the 8851 takes 2 key expansion modules, the 8861 and 8865 take 3',
  },
  mpp('8861', 5, 5, MPP, KEM88A),
  mpp('8865', 5, 5, `${MPP} (8845/8865 inferred from the 88xx names)`, KEM88V),
];
