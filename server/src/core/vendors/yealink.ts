import { YEALINK_KEYS } from './keys/yealink';
import { FORMATS } from './formats';
import { yealinkModels } from './models/yealink';
import type { VendorProfile } from './types';

export const yealink: VendorProfile = {
  id: 'yealink',
  keys: YEALINK_KEYS,
  label: 'Yealink',
  macNotation: 'plain',
  formats: { 'yealink-cfg': FORMATS.yealinkCfg, xml: FORMATS.xml },
  models: yealinkModels,
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
      path: '{modelFile}',
      template: 'common.cfg.hbs',
      format: 'yealink-cfg',
      fileKind: 'common',
      boot: true,
      description: 'Common configuration shared by every phone of the model (y + the hardware number padded to 12 digits).',
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
  bootOrder: {
    list: { paths: ['{mac}.boot'], syntax: 'include-config' },
    files: ['{modelFile}', '{mac}.cfg'],
    acrossFiles: 'last',
    withinFile: 'last',
    sources: [
      'Yealink auto-provisioning guide (docs vendors.md): <mac>.boot lists include:config files, loaded top to bottom, later ones win; without it the common y0000000000XX.cfg, then <mac>.cfg',
      'within one file the later line wins: inferred (the boot file rule applied to lines) — bench',
    ],
  },
  // "Yealink SIP-T46S 66.86.0.15 80:5e:0c:11:22:33", "yealink SIP-T28P 2.70.0.140 …", "Yealink SIP VP-T49G 51.80.0.10 …",
  // "Yealink W70B 146.87.0.15 …", "Yealink-T46G 28.71.0.81 28.1.0.128.0.0.0" (no MAC); old DECT/video firmware omits the
  // vendor: "W52P 25.30.0.2 …", "VP530P 23.70.0.40 …" (wazo-provd-plugins plugins/wazo_yealink/common/common.py)
  userAgents: [
    {
      pattern:
        '^Yealink[ -](?:SIP[- ]?)?(?<model>(?:VP-)?[A-Z]+\\d+[A-Z]*(?:_E2)?)\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+(?<mac>[0-9a-f]{2}(?::?[0-9a-f]{2}){5})(?![0-9a-f:.]))?',
    },
    { pattern: '^(?<model>W5\\dP|VP530P?)\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+(?<mac>[0-9a-f]{2}(?::?[0-9a-f]{2}){5})(?![0-9a-f:.]))?' },
  ],
  notify: {
    resync: 'check-sync;reboot=false',
    reboot: 'check-sync;reboot=true',
    sources: [
      'fusionpbx/fusionpbx app/switch/resources/scripts/app/event_notify/index.lua (yealink: check-sync;reboot=false / check-sync;reboot=true)',
      'Yealink SIP IP Phones Administrator Guide, "sip.notify_reboot_enable" (check-sync;reboot=true|false)',
    ],
    trustSetting:
      'Yealink: sip.trust_ctrl / account.N.sip_trust_ctrl = 0 to accept NOTIFY from other hosts; sip.notify_reboot_enable = 0 to resync without rebooting',
  },
  firmwareNaming:
    '<model family>-<hardware number>.<version>.rom (e.g. T46S(T48S,T42S,T41S)-66.86.0.15.rom; wazo_yealink/v86/entry.py MODEL_INFO)',
  provisioningHelp:
    'Web UI Settings → Auto Provision → Server URL = http://<dev-server>:<port>/<prefix>/ (or static.auto_provision.server.url); then "Auto Provision Now".',
  // DHCP: the custom option (only when static.auto_provision.dhcp_option.list_user_options names one), then 66, then 43.
  dhcp: {
    options: [
      {
        code: 66,
        value: 'url',
        note: 'read by default (static.auto_provision.dhcp_option.enable = 1); a custom option, when configured, wins over it',
        source:
          'Yealink T5 Series Administrator Guide, Phone Network, "DHCP Option 66, Option 43 and Custom Option": custom option > option 66 > option 43 (https://www.easymanua.ls/yealink/t5-series/manual/730711?p=33); default of static.auto_provision.dhcp_option.enable in catalog/data/yealink.json',
      },
    ],
    notPrinted: [
      {
        code: 43,
        why: 'vendor-specific information (the ACS address): read after 66, only when 66 is absent',
        source: 'Yealink T5 Series Administrator Guide, "DHCP Option 66, Option 43 and Custom Option" (same page)',
      },
    ],
  },
};
