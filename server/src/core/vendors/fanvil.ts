import { FANVIL_KEYS } from './keys/fanvil';
import { FORMATS } from './formats';
import { fanvilModels } from './models/fanvil';
import type { VendorProfile } from './types';

export const fanvil: VendorProfile = {
  id: 'fanvil',
  keys: FANVIL_KEYS,
  label: 'Fanvil',
  macNotation: 'plain',
  formats: { 'fanvil-xml': FORMATS.fanvilXml, xml: FORMATS.xml },
  models: fanvilModels,
  routes: [
    {
      path: '{modelFile}',
      template: 'common.xml.hbs',
      format: 'fanvil-xml',
      fileKind: 'common',
      boot: true,
      description:
        'Model-wide configuration (sysConf XML) under each name the model requests (F0V….cfg, f0…hw1.100.cfg, fanvil_…_hw….txt).',
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
  bootOrder: {
    files: ['{modelFile}', '{mac}.cfg'],
    acrossFiles: 'last',
    withinFile: 'last',
    sources: [
      'Fanvil auto provision (docs vendors.md; wazo_fanvil COMMON_FILES): the model-wide file, then <mac>.cfg, which wins',
      'within one file the later element wins: inferred — bench',
    ],
  },
  userAgents: [
    // "Fanvil X6U Pro 0.0.10 0c383e2cd782", "Fanvil X5U-V2 2.12.16.17 0c383e557eb1" (wazo_fanvil/common/common.py)
    {
      pattern:
        '^Fanvil\\s+(?<model>[A-Z]+\\d+[A-Z0-9]*(?:[- ](?:V\\d|Pro))?)\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+(?<mac>[0-9a-f]{12})(?![0-9a-f]))?',
    },
  ],
  notify: {
    resync: 'check-sync',
    reboot: 'check-sync;reboot=true',
    sources: [
      'fusionpbx/fusionpbx app/switch/resources/scripts/app/event_notify/index.lua (fanvil: check-sync / check-sync;reboot=true)',
      'wazo-platform/wazo-provd-plugins plugins/wazo_fanvil/common/common.py synchronize (standard_sip_synchronize: check-sync)',
    ],
    trustSetting: 'Fanvil: SIP "Strict UA Match" / "Enable Notify from Registrar only" must be off for NOTIFY from other hosts',
  },
  firmwareNaming: '<model><version>T<build date>.z (e.g. x42.14.0.7386T20210730173312.z; wazo_fanvil/serie_x/entry.py COMMON_FILES)',
  provisioningHelp:
    'Web UI System → Auto Provision → Server URL = http://<dev-server>:<port>/<prefix>/ , Config file name blank, then Apply.',
  // DHCP: the option carrying the server is a phone setting, ap.opt.DHCPOption, default 66.
  dhcp: {
    options: [
      {
        code: 66,
        value: 'url',
        note: 'read by default (ap.opt.DHCPOption = 66; 43, 160 or 161 once set), before PnP and the server stored in flash',
        source:
          'Fanvil C56 User Manual 4.3.6 "Maintenance → Auto Provision": DHCP option, then PnP server, then phone flash (https://manualshive.com/en/manual/fanvil/c56/543890?page=39); default of ap.opt.DHCPOption in catalog/data/fanvil.json',
      },
    ],
  },
};
