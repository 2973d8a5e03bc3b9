import { SNOM_KEYS } from './keys/snom';
import { FORMATS } from './formats';
import { snomModels } from './models/snom';
import type { VendorProfile } from './types';

export const snom: VendorProfile = {
  id: 'snom',
  keys: SNOM_KEYS,
  label: 'Snom',
  macNotation: 'upper',
  formats: { 'snom-xml': FORMATS.snomXml, xml: FORMATS.xml },
  models: snomModels,
  routes: [
    {
      path: 'snom{model}.htm',
      template: 'model.xml.hbs',
      format: 'snom-xml',
      fileKind: 'common',
      boot: true,
      description: 'Model-wide settings (snomD785.htm), XML settings format.',
    },
    {
      path: 'snom{model}-{MAC}.htm',
      template: 'mac.xml.hbs',
      format: 'snom-xml',
      fileKind: 'mac',
      boot: true,
      description: 'Per-phone settings: identities and function keys.',
    },
    {
      path: '{MAC}.xml',
      template: 'mac.xml.hbs',
      format: 'snom-xml',
      fileKind: 'mac',
      boot: false,
      description: 'Per-phone settings for a setting_server URL ending in {mac}.xml.',
    },
    {
      path: 'snom-phonebook.xml',
      template: 'phonebook.xml.hbs',
      format: 'xml',
      fileKind: 'phonebook',
      boot: false,
      description: 'Local phonebook (tbook).',
    },
  ],
  bootOrder: {
    files: ['snom{model}.htm', 'snom{model}-{MAC}.htm'],
    acrossFiles: 'last',
    withinFile: 'last',
    sources: [
      'Snom setting files (wiki.snom.com Mass_Deployment/Setting_Files, docs vendors.md): snom<model>.htm, then snom<model>-<MAC>.htm; a later setting overwrites an earlier one',
      'within one file the later element wins: inferred — bench',
    ],
  },
  // "Mozilla/4.0 (compatible; snomD785-SIP 10.1.33.33 2010.12-00004-g9ba52f5 000413922D24 SXM:0 UXM:0)",
  // "… snomPA1-SIP 8.4.35 1.1.3-s)", DECT "Mozilla/4.0 (compatible; Snom M900 05.20.0001 000413b60680)"
  // (wazo_snom/common/common.py, common_dect/common.py); a Snom MAC starts with the Snom OUI 000413.
  userAgents: [
    { pattern: 'snom(?<model>[A-Z]*\\d+[A-Z]?)-SIP\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:.*?\\b(?<mac>000413[0-9a-f]{6})\\b)?' },
    { pattern: '\\bSnom\\s+(?<model>M\\d+)\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+(?<mac>[0-9a-f]{12})\\b)?' },
  ],
  notify: {
    resync: 'check-sync;reboot=false',
    reboot: 'check-sync;reboot=true',
    rebootOverride: { setting: 'checksync_action', rebootValues: ['reboot'] },
    sources: [
      'asterisk/asterisk configs/samples/pjsip_notify.conf.sample ([snom-check-cfg] check-sync;reboot=false, [snom-reboot] check-sync;reboot=true)',
      'fusionpbx/fusionpbx app/switch/resources/scripts/app/event_notify/index.lua (snom: check-sync;reboot=false / check-sync;reboot=true)',
      'Snom wiki "checksync_action" (10.1.180+: the setting decides what check-sync does)',
    ],
    trustSetting:
      'Snom: filter_registrar = off to accept NOTIFY from other hosts; challenge_checksync makes it demand the identity password; Snom may listen on a random SIP port (set sip_port in the bench)',
  },
  firmwareNaming: 'snom<model>-<version>-SIP-r.bin (URL from snom<model>-firmware.xml; wazo_snom common templates)',
  provisioningHelp:
    'Web UI Advanced → Update → Setting URL = http://<dev-server>:<port>/<prefix>/snom{model}.htm (or DHCP option 66/67), then Reboot.',
  // DHCP: the setting URL is option 66 (server) joined with option 67 (file); 43 may tunnel both.
  dhcp: {
    options: [
      {
        code: 66,
        value: 'url',
        note: 'the server part of the setting URL (setting_server)',
        source:
          'snom FAQ "Configuring snom phones for Mass Deployment": setting_server "can be set … automatically via DHCP (options 66 and 67)", {mac} replaced by the phone (https://manuals.online/snom/software/configuring-snom-phones-for-mass-deployment/instruction-manual/2hcfw); snom wiki Features/Auto_Provisioning/DHCP/Options (opt 66 http://test + opt 67 snom/settings.php)',
      },
      {
        code: 67,
        value: 'file',
        file: 'snom{model}.htm',
        note: 'the file part of the setting URL, appended to 66 (the Setting URL of provisioningHelp); other phones may take 67 as a boot file name: give it to snom phones only',
        source:
          'snom wiki Features/Auto_Provisioning/DHCP/Options (http://wiki.snom.com/Features/Auto_Provisioning/DHCP/Options); snom mass deployment FAQ (same as 66)',
      },
    ],
    notPrinted: [
      {
        code: 43,
        why: 'vendor-encapsulated 66/67 (firmware 7.3.17/8.2.1+), which win over plain 66/67',
        source: 'snom wiki Features/Auto_Provisioning/DHCP/Options, "Option 43 (vendor-encapsulated-options)"',
      },
    ],
  },
};
