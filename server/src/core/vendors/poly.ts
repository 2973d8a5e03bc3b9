import { FORMATS } from './formats';
import type { VendorProfile } from './types';

export const poly: VendorProfile = {
  id: 'poly',
  label: 'Poly (Polycom UC Software)',
  macNotation: 'plain',
  formats: { 'poly-xml': FORMATS.polyXml, xml: FORMATS.xml },
  models: [
    { id: 'VVX101', lines: 1, keys: 0, aliases: ['VVX_101'] },
    { id: 'VVX150', lines: 2, keys: 2, aliases: ['VVX_150'] },
    { id: 'VVX201', lines: 2, keys: 2, aliases: ['VVX_201'] },
    { id: 'VVX250', lines: 4, keys: 4, aliases: ['VVX_250'] },
    { id: 'VVX300', lines: 6, keys: 6, aliases: ['VVX_300'] },
    { id: 'VVX310', lines: 6, keys: 6, aliases: ['VVX_310'] },
    { id: 'VVX350', lines: 6, keys: 6, aliases: ['VVX_350'] },
    { id: 'VVX400', lines: 12, keys: 12, aliases: ['VVX_400'] },
    { id: 'VVX410', lines: 12, keys: 12, aliases: ['VVX_410'] },
    { id: 'VVX450', lines: 12, keys: 12, aliases: ['VVX_450'] },
    { id: 'VVX500', lines: 12, keys: 12, aliases: ['VVX_500'] },
    { id: 'VVX600', lines: 16, keys: 16, aliases: ['VVX_600'] },
    { id: 'VVX1500', lines: 6, keys: 6, aliases: ['VVX_1500'] },
    { id: 'SPIP335', lines: 2, keys: 2, aliases: ['SPIP_335', 'SoundPointIP-SPIP_335'] },
    { id: 'SPIP650', lines: 34, keys: 6, aliases: ['SPIP_650'] },
    { id: 'Trio8800', lines: 1, keys: 0, aliases: ['RealPresenceTrio-Trio_8800', 'Trio_8800'] },
    { id: 'EdgeE450', lines: 16, keys: 16, aliases: ['Edge_E450', 'E450'] },
  ],
  routes: [
    {
      path: '{mac}.cfg',
      template: 'master.xml.hbs',
      format: 'xml',
      fileKind: 'boot',
      boot: true,
      description: 'Master configuration: the list of configuration files (CONFIG_FILES) and the firmware image.',
    },
    {
      path: '000000000000.cfg',
      template: 'master.xml.hbs',
      format: 'xml',
      fileKind: 'boot',
      boot: false,
      description: 'Default master configuration for phones without their own.',
    },
    {
      path: 'site.cfg',
      template: 'site.xml.hbs',
      format: 'poly-xml',
      fileKind: 'common',
      boot: true,
      description: 'Settings shared by every phone: time, NTP, provisioning, NOTIFY behaviour.',
    },
    {
      path: 'phone{mac}.cfg',
      template: 'phone.xml.hbs',
      format: 'poly-xml',
      fileKind: 'mac',
      boot: true,
      description: 'Per-phone registrations and BLF (attendant) resources.',
    },
    {
      path: '000000000000-directory.xml',
      template: 'directory.xml.hbs',
      format: 'xml',
      fileKind: 'phonebook',
      boot: false,
      description: 'Local contact directory.',
    },
  ],
  userAgents: [
    {
      pattern:
        'Polycom(?:SoundPoint|SoundStation|VVX|RealPresence|Trio|Edge)?(?:IP)?-(?<model>[A-Za-z]+[_-]?[A-Za-z]?\\d+)-UA/(?<firmware>\\d+(?:\\.\\d+)+)',
    },
  ],
  notify: {
    resync: 'check-sync',
    reboot: 'check-sync',
    trustSetting:
      'Poly: voIpProt.SIP.requestValidation.1.method (source/digest) must allow the sender; voIpProt.SIP.specialEvent.checkSync.alwaysReboot = 0 to resync without rebooting',
  },
  provisioningHelp:
    'Settings → Advanced → Administration Settings → Network Configuration → Provisioning Server: Server Type HTTP, Server Address http://<dev-server>:<port>/<prefix>/ (or DHCP option 160).',
  // UC Software phones upload logs, the user's override files and the contact directory to the provisioning
  // server, and fetch the override files and directory back at boot (Poly UC Software Administrator Guide,
  // "Provisioning server: phone uploads": <MAC>-app.log, <MAC>-boot.log, <MAC>-phone.cfg, <MAC>-web.cfg,
  // <MAC>-directory.xml); the logs are never read back.
  uploads: [
    { suffix: 'phone.cfg', readBack: true },
    { suffix: 'web.cfg', readBack: true },
    { suffix: 'directory.xml', readBack: true },
    { suffix: 'app.log', readBack: false },
    { suffix: 'boot.log', readBack: false },
  ],
};
