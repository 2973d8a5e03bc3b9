import { FORMATS } from './formats';
import type { ModelDef, VendorProfile } from './types';

// Common-file numbers (the XX in y0000000000XX.cfg) from public Yealink documentation; lines = SIP accounts,
// keys = programmable line keys including extra pages.
const models: ModelDef[] = [
  { id: 'T19P_E2', fileId: '53', lines: 1, keys: 0, aliases: ['T19P E2', 'T19'] },
  { id: 'T21P_E2', fileId: '52', lines: 2, keys: 2, aliases: ['T21P E2', 'T21'] },
  { id: 'T23G', fileId: '44', lines: 3, keys: 3, aliases: ['T23P', 'T23'] },
  { id: 'T27G', fileId: '69', lines: 6, keys: 21 },
  { id: 'T28P', fileId: '00', lines: 6, keys: 16 },
  { id: 'T29G', fileId: '46', lines: 16, keys: 27 },
  { id: 'T40P', fileId: '54', lines: 3, keys: 3 },
  { id: 'T40G', fileId: '76', lines: 3, keys: 3 },
  { id: 'T41P', fileId: '36', lines: 6, keys: 15 },
  { id: 'T41S', fileId: '68', lines: 6, keys: 15 },
  { id: 'T42G', fileId: '29', lines: 12, keys: 15 },
  { id: 'T42S', fileId: '67', lines: 12, keys: 15 },
  { id: 'T46G', fileId: '28', lines: 16, keys: 27 },
  { id: 'T46S', fileId: '66', lines: 16, keys: 27 },
  { id: 'T48G', fileId: '35', lines: 16, keys: 29 },
  { id: 'T48S', fileId: '65', lines: 16, keys: 29 },
  { id: 'T49G', fileId: '51', lines: 16, keys: 29 },
  { id: 'T52S', fileId: '74', lines: 12, keys: 21 },
  { id: 'T53', fileId: '95', lines: 12, keys: 21 },
  { id: 'T53W', fileId: '95', lines: 12, keys: 21 },
  { id: 'T54S', fileId: '70', lines: 16, keys: 27 },
  { id: 'T54W', fileId: '96', lines: 16, keys: 27 },
  { id: 'T56A', fileId: '56', lines: 16, keys: 27 },
  { id: 'T57W', fileId: '97', lines: 16, keys: 29 },
  { id: 'T58', fileId: '58', lines: 16, keys: 27, aliases: ['T58A', 'T58V'] },
  { id: 'CP860', fileId: '37', lines: 1, keys: 0 },
  { id: 'CP920', fileId: '78', lines: 1, keys: 0 },
  { id: 'CP960', fileId: '73', lines: 1, keys: 0 },
  { id: 'VP59', fileId: '91', lines: 16, keys: 27 },
  { id: 'W52P', fileId: '25', lines: 5, keys: 0 },
  { id: 'W56P', fileId: '25', lines: 5, keys: 0 },
  { id: 'W60B', fileId: '77', lines: 8, keys: 0 },
  { id: 'W70B', fileId: '146', lines: 10, keys: 0 },
];

export const yealink: VendorProfile = {
  id: 'yealink',
  label: 'Yealink',
  macNotation: 'plain',
  formats: { 'yealink-cfg': FORMATS.yealinkCfg, xml: FORMATS.xml },
  models,
  routes: [
    {
      path: '{mac}.boot',
      template: 'mac.boot.hbs',
      format: 'yealink-cfg',
      fileKind: 'boot',
      boot: true,
      description: 'Boot file (firmware 81+): lists the configuration files to load, later ones win.',
    },
    {
      path: 'y0000000000{fileId}.cfg',
      template: 'common.cfg.hbs',
      format: 'yealink-cfg',
      fileKind: 'common',
      boot: true,
      description: 'Common configuration shared by every phone of the model.',
    },
    {
      path: '{mac}.cfg',
      template: 'mac.cfg.hbs',
      format: 'yealink-cfg',
      fileKind: 'mac',
      boot: true,
      description: 'Per-phone configuration: accounts and line keys.',
    },
    {
      path: '{mac}-contacts.xml',
      template: 'contacts.xml.hbs',
      format: 'xml',
      fileKind: 'phonebook',
      boot: false,
      description: 'Remote phonebook (YealinkIPPhoneDirectory).',
    },
  ],
  userAgents: [
    {
      pattern:
        '^Yealink\\s+(?:SIP[- ])?(?<model>[A-Z]+[0-9]+[A-Z]*(?:[ _]E2)?)\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+(?<mac>[0-9a-f]{2}(?::?[0-9a-f]{2}){5}))?',
    },
    { pattern: '^Yealink[ -]W\\d+[A-Z]?\\s+(?<model>W\\d+[A-Z]?)\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+(?<mac>[0-9a-f:]{12,17}))?' },
  ],
  notify: {
    resync: 'check-sync;reboot=false',
    reboot: 'check-sync;reboot=true',
    trustSetting:
      'Yealink: sip.trust_ctrl / account.N.sip_trust_ctrl = 0 to accept NOTIFY from other hosts; sip.notify_reboot_enable = 0 to resync without rebooting',
  },
  provisioningHelp:
    'Web UI Settings → Auto Provision → Server URL = http://<dev-server>:<port>/<prefix>/ (or static.auto_provision.server.url); then "Auto Provision Now".',
};
