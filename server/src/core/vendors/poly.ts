import { POLY_KEYS } from './keys/poly';
import { FORMATS } from './formats';
import { polyModels } from './models/poly';
import type { VendorProfile } from './types';

export const poly: VendorProfile = {
  id: 'poly',
  keys: POLY_KEYS,
  label: 'Poly (Polycom UC Software)',
  macNotation: 'plain',
  formats: { 'poly-xml': FORMATS.polyXml, xml: FORMATS.xml },
  models: polyModels,
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
  bootOrder: {
    list: { paths: ['{mac}.cfg', '000000000000.cfg'], syntax: 'config-files' },
    files: [],
    acrossFiles: 'first',
    withinFile: 'first',
    sources: [
      'Polycom SoundPoint IP / SoundStation IP Administrator Guide 1.4.x, 2.2.2.1.2.2 "Application Configuration Files": the files in CONFIG_FILES are processed left to right and the parameter found first is the one that is effective',
      'master file: <mac>.cfg, else 000000000000.cfg (same guide, "Master Configuration Files"); within one file the first occurrence: inferred — bench',
      'a model\'s own <APPLICATION_VVX400 CONFIG_FILES_VVX400="…"/> inside <APPLICATION> replaces CONFIG_FILES when not empty (per-model elements of the UC Software 000000000000.cfg; the precedence is inferred — bench)',
    ],
  },
  // "FileTransport PolycomSoundPointIP-SPIP_335-UA/3.2.1.0078", "… PolycomSoundStationIP-SSIP_6000-UA/4.0.4.2906 Type/Application",
  // "FileTransport PolycomVVX-VVX_400-UA/4.1.4.7430 Type/Application" (wazo_polycom/common/common.py): no MAC; UC Software
  // 6+ SIP: "PolycomVVX-VVX_411-UA/6.3.1.8427_64167f251288" (MAC after the version), 7.x: "Poly/7.3.0.16841
  // PolyCCX-CCX_400-UA/7.3.0.16841" (jamescussen/Poly-Phone-Manager PolyPhoneManager4.00.ps1)
  userAgents: [
    {
      pattern:
        'Poly(?:com)?[A-Za-z]*-(?<model>[A-Za-z]+[_-]?[A-Za-z]?\\d+[A-Za-z]?)-UA/(?<firmware>\\d+(?:\\.\\d+)+)(?:_(?<mac>[0-9a-f]{12})\\b)?',
    },
  ],
  notify: {
    resync: 'check-sync',
    reboot: 'check-sync',
    sources: [
      'asterisk/asterisk configs/samples/pjsip_notify.conf.sample ([polycom-check-cfg] check-sync)',
      'fusionpbx/fusionpbx app/switch/resources/scripts/app/event_notify/index.lua (polycom/poly: check-sync for both)',
    ],
    trustSetting:
      'Poly: voIpProt.SIP.requestValidation.1.method (source/digest) must allow the sender; voIpProt.SIP.specialEvent.checkSync.alwaysReboot = 0 to resync without rebooting',
  },
  firmwareNaming:
    '[PHONE_PART_NUMBER].sip.ld (e.g. 3111-46135-002.sip.ld) or sip.ld for all models (Poly UC Software Administrator Guide, APP_FILE_PATH)',
  provisioningHelp:
    'Settings → Advanced → Administration Settings → Network Configuration → Provisioning Server: Server Type HTTP, Server Address http://<dev-server>:<port>/<prefix>/ (or DHCP option 160).',
  // DHCP: Boot Server "Option 66" is the factory default; "Custom+Option 66" with custom option 160 (string) reads 160 first.
  dhcp: {
    options: [
      {
        code: 160,
        value: 'url',
        note: 'read first when Boot Server = Custom+Option 66 (device.dhcp.bootSrvUseOpt = 3) with Boot Server Option 160, type String (device.dhcp.bootSrvOpt = 160)',
        source:
          'Polycom SIP 3.1 Administrator Guide, DHCP menu, Boot Server / Boot Server Option (128-254) / Boot Server Option Type (https://www.manualslib.com/manual/521116/Polycom-Sip-3-1.html?page=40); option 160 as the Polycom configuration URL: gist robzr/357ba47c242f558975030ba41b072620 (option polycom-config-url code 160 = text)',
      },
      {
        code: 66,
        value: 'url',
        note: 'read by default (Boot Server = Option 66, string; device.dhcp.bootSrvUseOpt = 0), and after a missing custom option',
        source:
          'Polycom SIP 2.2 Administrator Guide, DHCP menu, "Boot Server 0=Option 66 … (string type)" (https://manualsbrain.com/it/manuals/1307421/?page=35); default of device.dhcp.bootSrvUseOpt in catalog/data/poly.json (Poly UC Software templates)',
      },
    ],
  },
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
