import { FORMATS } from './formats';
import type { VendorProfile } from './types';

// fileId = the product name ($PSN) in the factory profile rule: /spa$PSN.cfg (SPA) or /$PSN.xml (MPP).
export const cisco: VendorProfile = {
  id: 'cisco',
  label: 'Cisco SPA / MPP (3PCC)',
  macNotation: 'plain',
  formats: { 'cisco-xml': FORMATS.ciscoXml, xml: FORMATS.xml },
  models: [
    { id: 'SPA303', fileId: '303', lines: 3, keys: 3, aliases: ['SPA-303'] },
    { id: 'SPA504G', fileId: '504G', lines: 4, keys: 4, aliases: ['SPA-504G'] },
    { id: 'SPA508G', fileId: '508G', lines: 8, keys: 8, aliases: ['SPA-508G'] },
    { id: 'SPA509G', fileId: '509G', lines: 12, keys: 12, aliases: ['SPA-509G'] },
    { id: 'SPA525G2', fileId: '525G2', lines: 5, keys: 5, aliases: ['SPA-525G2'] },
    { id: 'SPA942', fileId: '942', lines: 4, keys: 4, aliases: ['SPA-942'] },
    { id: 'SPA962', fileId: '962', lines: 6, keys: 6, aliases: ['SPA-962'] },
    { id: 'CP-6841-3PCC', fileId: 'CP-6841-3PCC', lines: 4, keys: 4, aliases: ['CP-6841'] },
    { id: 'CP-6851-3PCC', fileId: 'CP-6851-3PCC', lines: 4, keys: 4, aliases: ['CP-6851'] },
    { id: 'CP-7841-3PCC', fileId: 'CP-7841-3PCC', lines: 4, keys: 4, aliases: ['CP-7841'] },
    { id: 'CP-7861-3PCC', fileId: 'CP-7861-3PCC', lines: 16, keys: 16, aliases: ['CP-7861'] },
    { id: 'CP-8811-3PCC', fileId: 'CP-8811-3PCC', lines: 5, keys: 5, aliases: ['CP-8811'] },
    { id: 'CP-8841-3PCC', fileId: 'CP-8841-3PCC', lines: 5, keys: 5, aliases: ['CP-8841'] },
    { id: 'CP-8851-3PCC', fileId: 'CP-8851-3PCC', lines: 5, keys: 5, aliases: ['CP-8851'] },
    { id: 'CP-8861-3PCC', fileId: 'CP-8861-3PCC', lines: 5, keys: 5, aliases: ['CP-8861'] },
  ],
  routes: [
    {
      path: '{fileId}.xml',
      template: 'model.xml.hbs',
      format: 'cisco-xml',
      fileKind: 'common',
      boot: true,
      description: 'Factory profile rule of MPP phones (/$PSN.xml): sets Profile_Rule to the per-phone file.',
    },
    {
      path: 'spa{fileId}.cfg',
      template: 'model.xml.hbs',
      format: 'cisco-xml',
      fileKind: 'common',
      boot: false,
      description: 'Factory profile rule of SPA phones (/spa$PSN.cfg).',
    },
    {
      path: '{mac}.xml',
      template: 'mac.xml.hbs',
      format: 'cisco-xml',
      fileKind: 'mac',
      boot: true,
      description: 'Per-phone flat profile ($MA.xml): lines, extended functions (BLF), directory.',
    },
    {
      path: 'directory.xml',
      template: 'directory.xml.hbs',
      format: 'xml',
      fileKind: 'phonebook',
      boot: false,
      description: 'XML directory service (CiscoIPPhoneDirectory).',
    },
  ],
  userAgents: [
    { pattern: '^Cisco-(?<model>CP-\\d+[A-Z]*(?:-3PCC)?)/(?<firmware>[\\w.]+)(?:\\s*\\((?<mac>[0-9a-f]{12})\\))?' },
    { pattern: '^(?:Cisco|Linksys)/(?<model>SPA-?\\d+[A-Z0-9]*)-(?<firmware>\\d[\\w.()]*)(?:\\s*\\((?<mac>[0-9a-f]{12})\\))?' },
  ],
  notify: {
    resync: 'resync',
    reboot: 'reboot',
    trustSetting: 'Cisco: Resync_From_SIP = Yes; with Auth_Resync-Reboot = Yes the phone challenges the NOTIFY with the line password',
  },
  provisioningHelp:
    'Web UI Voice → Provisioning → Profile Rule = http://<dev-server>:<port>/<prefix>/$MA.xml (admin/advanced), then Resync.',
};
