import { FORMATS } from './formats';
import type { VendorProfile } from './types';

// fileId = the model code in the common file name F0V<fileId>00000.cfg (secondary source; confirm on a bench phone).
export const fanvil: VendorProfile = {
  id: 'fanvil',
  label: 'Fanvil',
  macNotation: 'plain',
  formats: { 'fanvil-xml': FORMATS.fanvilXml, xml: FORMATS.xml },
  models: [
    { id: 'X1SP', fileId: '00X1SP', lines: 2, keys: 0 },
    { id: 'X3U', fileId: '000X3U', lines: 6, keys: 6 },
    { id: 'X3SP', fileId: '00X3SP', lines: 4, keys: 4 },
    { id: 'X4U', fileId: '000X4U', lines: 12, keys: 30 },
    { id: 'X5U', fileId: '000X5U', lines: 16, keys: 32, aliases: ['X5U-V2'] },
    { id: 'X6U', fileId: '000X6U', lines: 20, keys: 60 },
    { id: 'X7', fileId: '0000X7', lines: 20, keys: 60 },
    { id: 'X210', fileId: '00X210', lines: 20, keys: 60 },
    { id: 'V62', fileId: '000V62', lines: 4, keys: 6 },
    { id: 'V64', fileId: '000V64', lines: 12, keys: 24 },
    { id: 'V65', fileId: '000V65', lines: 12, keys: 30 },
    { id: 'H5', fileId: '0000H5', lines: 2, keys: 0 },
    { id: 'X301', fileId: '00X301', lines: 2, keys: 0 },
    { id: 'X303', fileId: '00X303', lines: 4, keys: 4 },
  ],
  routes: [
    {
      path: 'F0V{fileId}00000.cfg',
      template: 'common.xml.hbs',
      format: 'fanvil-xml',
      fileKind: 'common',
      boot: true,
      description: 'Model-wide configuration (sysConf XML).',
    },
    {
      path: '{mac}.cfg',
      template: 'mac.xml.hbs',
      format: 'fanvil-xml',
      fileKind: 'mac',
      boot: true,
      description: 'Per-phone configuration: SIP lines and DSS keys.',
    },
    {
      path: 'fanvil-phonebook.xml',
      template: 'phonebook.xml.hbs',
      format: 'xml',
      fileKind: 'phonebook',
      boot: false,
      description: 'Remote phonebook (FanvilIPPhoneDirectory).',
    },
  ],
  userAgents: [
    { pattern: '^Fanvil\\s+(?<model>[A-Z]+\\d+[A-Z0-9]*(?:-V\\d)?)\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+(?<mac>[0-9a-f]{12}))?' },
  ],
  notify: {
    resync: 'check-sync',
    reboot: 'check-sync;reboot=true',
    trustSetting: 'Fanvil: SIP "Strict UA Match" / "Enable Notify from Registrar only" must be off for NOTIFY from other hosts',
  },
  provisioningHelp:
    'Web UI System → Auto Provision → Server URL = http://<dev-server>:<port>/<prefix>/ , Config file name blank, then Apply.',
};
