import { CISCO_KEYS } from './keys/cisco';
import { FORMATS } from './formats';
import { ciscoModels } from './models/cisco';
import type { VendorProfile } from './types';

export const cisco: VendorProfile = {
  id: 'cisco',
  keys: CISCO_KEYS,
  label: 'Cisco SPA / MPP (3PCC)',
  macNotation: 'plain',
  formats: { 'cisco-xml': FORMATS.ciscoXml, xml: FORMATS.xml },
  models: ciscoModels,
  routes: [
    {
      path: '{modelFile}',
      family: 'mpp',
      template: 'model.xml.hbs',
      format: 'cisco-xml',
      fileKind: 'common',
      boot: true,
      description: 'Factory profile rule of MPP phones (/$PSN.xml, e.g. 8841-3PCC.xml; CP-8841-3PCC.xml answered too).',
    },
    {
      path: '{modelFile}',
      family: 'spa',
      template: 'spa.cfg.hbs',
      format: 'cisco-xml',
      fileKind: 'common',
      boot: true,
      description: 'Factory profile rule of SPA phones (/spa$PSN.cfg, e.g. spa504G.cfg).',
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
  bootOrder: {
    files: ['{modelFile}', '{mac}.xml'],
    acrossFiles: 'last',
    withinFile: 'last',
    sources: [
      'Cisco SPA / MPP provisioning: the factory rule fetches /$PSN.xml (MPP) or /spa$PSN.cfg (SPA), whose Profile_Rule then fetches $MA.xml; each profile applied updates the parameters it sets, so the per-phone file applied last wins (docs vendors.md)',
      'within one file the last occurrence wins (docs vendors.md, flat-profile: "the last occurrence wins")',
    ],
  },
  // MPP: the one parenthesised group is the MAC. SPA: (MAC)(serial), or only (serial) (SPA525G); Linksys: (serial) only,
  // never a MAC (wazo-provd-plugins plugins/wazo_cisco_spa/common/common.py). ATA19x: (serial).
  userAgents: [
    { pattern: '^Cisco-(?<model>CP-\\d+[A-Z]*(?:-3PCC)?)/(?<firmware>[\\w.]+)(?:\\s*\\((?<mac>[0-9a-f]{12})\\))?' },
    { pattern: '^Cisco/(?<model>SPA-?\\d+[A-Z0-9]*)-(?<firmware>\\d[\\w.()]*)\\s*\\((?<mac>[0-9a-f]{12})\\)\\s*\\(' },
    { pattern: '^(?:Cisco|Linksys)/(?<model>SPA-?\\d+[A-Z0-9]*)-(?<firmware>\\d[\\w.()]*)' },
    { pattern: '^Cisco/(?<model>ATA\\d+)-(?<firmware>[\\w-]+)' },
  ],
  notify: {
    resync: 'resync',
    reboot: 'reboot',
    sources: [
      'Cisco IP Phone 8800 Series Multiplatform Phones Administration Guide, "Resync_From_SIP" / "Auth_Resync-Reboot" (events resync and reboot)',
      'asterisk/asterisk configs/samples/pjsip_notify.conf.sample ([sipura-check-cfg] Event=>resync; reboot only in the Cisco guide)',
    ],
    trustSetting: 'Cisco: Resync_From_SIP = Yes; with Auth_Resync-Reboot = Yes the phone challenges the NOTIFY with the line password',
  },
  provisioningHelp:
    'Web UI Voice → Provisioning → Profile Rule = http://<dev-server>:<port>/<prefix>/$MA.xml (admin/advanced), then Resync.',
  // DHCP: DHCP_Option_To_Use, default 66,160,159,150,60,43,125, tried in that order.
  dhcp: {
    options: [
      {
        code: 66,
        value: 'url',
        note: 'first in DHCP_Option_To_Use (default 66,160,159,150,60,43,125); a URL here is the provisioning server, Profile_Rule paths ($PSN.xml) are fetched from it',
        source:
          'Cisco IP Phone 7800/8800 Multiplatform Phones Administration Guide, Provisioning, "DHCP Option To Use" (default 66,160,159,150,60,43,125); default in catalog/data/cisco.json; fusionpbx/fusionpbx-docs source/applications/provision/provision_auto_cisco.rst ("Use the DHCP Option 66 to deliver the provisioning URL")',
      },
      {
        code: 160,
        value: 'url',
        note: 'second in DHCP_Option_To_Use: the provisioning URL',
        source: 'Cisco Multiplatform Phones Administration Guide, Provisioning, "DHCP Option To Use" (default 66,160,159,150,60,43,125)',
      },
      {
        code: 150,
        value: 'tftp-ip',
        note: 'TFTP server list (IPv4 addresses), after 66/160/159: the phone fetches /$PSN.xml over TFTP (serve --tftp)',
        source:
          'Cisco Multiplatform Phones Administration Guide, "DHCP Option To Use"; option 150 = list of TFTP server IPv4 addresses: usecallmanager.nz "DHCP Options" (http://usecallmanager.nz/dhcpd-conf.html, option tftp-servers code 150 = ip-address)',
      },
    ],
    notPrinted: [
      {
        code: 159,
        why: 'the same role as 160 (tried between 160 and 150); 160 is printed instead, and 159 is v4-portparams (RFC 7618) in Kea',
        source: 'Cisco Multiplatform Phones Administration Guide, "DHCP Option To Use"',
      },
      {
        code: 43,
        why: 'vendor-encapsulated, after the others in DHCP_Option_To_Use',
        source: 'Cisco Multiplatform Phones Administration Guide, "DHCP Option To Use"',
      },
    ],
  },
};
