import { GRANDSTREAM_KEYS } from './keys/grandstream';
import { FORMATS } from './formats';
import { grandstreamModels } from './models/grandstream';
import type { VendorProfile } from './types';

export const grandstream: VendorProfile = {
  id: 'grandstream',
  keys: GRANDSTREAM_KEYS,
  label: 'Grandstream',
  macNotation: 'plain',
  formats: { 'grandstream-xml': FORMATS.grandstreamXml, xml: FORMATS.xml },
  models: grandstreamModels,
  routes: [
    {
      path: 'cfg{mac}.xml',
      template: 'mac.xml.hbs',
      format: 'grandstream-xml',
      fileKind: 'mac',
      boot: true,
      description: 'Per-phone configuration (gs_provision with P-values).',
    },
    {
      path: 'cfg{model}.xml',
      template: 'model.xml.hbs',
      format: 'grandstream-xml',
      fileKind: 'common',
      boot: true,
      description: 'Model-wide configuration (e.g. cfggrp2614.xml).',
    },
    {
      path: 'cfg.xml',
      template: 'common.xml.hbs',
      format: 'grandstream-xml',
      fileKind: 'common',
      boot: true,
      description: 'Configuration shared by every phone.',
    },
    {
      path: 'phonebook.xml',
      template: 'phonebook.xml.hbs',
      format: 'xml',
      fileKind: 'phonebook',
      boot: false,
      description: 'XML phonebook (AddressBook).',
    },
  ],
  bootOrder: {
    files: ['cfg.xml', 'cfg{model}.xml', 'cfg{mac}.xml'],
    acrossFiles: 'last',
    withinFile: 'last',
    sources: [
      'Grandstream SIP Device Provisioning Guide: the phone requests cfg<mac>.xml, cfg<model>.xml and the generic cfg.xml; applied from generic to specific, so the per-phone file wins: inferred — bench (by default a phone may stop at the first file it finds)',
      'within one file the later element wins: inferred — bench',
    ],
  },
  // "Grandstream Model HW GXV3350  V1.3A SW 1.0.1.8 DevId c074ad150b88", "Grandstream Model HW HT802V2 V1.0A SW …",
  // "Grandstream GXP2000 (gxp2000e.bin:1.2.5.3/boot55e.bin:1.1.6.9) DevId 000b822726c8" (wazo_grandstream/common/common.py)
  userAgents: [
    {
      pattern:
        '^Grandstream\\s+Model\\s+HW\\s+(?<model>[A-Z]+\\d+[A-Z0-9]*)(?:\\s+V[\\w.]+)?\\s+SW\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+DevId\\s+(?<mac>[0-9a-f]{12}))?',
    },
    {
      pattern:
        '^Grandstream\\s+(?<model>[A-Z]+\\d+[A-Z0-9]*)\\s+\\([^:)]*:(?<firmware>\\d+(?:\\.\\d+)+)[^)]*\\)(?:\\s+DevId\\s+(?<mac>[0-9a-f]{12}))?',
    },
    { pattern: '^Grandstream\\s+(?<model>[A-Z]+\\d+[A-Z0-9]*)\\s+(?<firmware>\\d+(?:\\.\\d+)+)' },
  ],
  notify: {
    resync: 'resync',
    reboot: 'check-sync;reboot=true',
    sources: [
      'fusionpbx/fusionpbx app/switch/resources/scripts/app/event_notify/index.lua (grandstream: resync / check-sync;reboot=true)',
      'Grandstream SIP Device Provisioning Guide (SIP NOTIFY check-sync, reboot=true); fusionpbx/fusionpbx pull request #3014 (resync re-fetches without reboot)',
    ],
    trustSetting:
      'Grandstream: "Allow SIP NOTIFY from any host" / P-value for "Validate incoming SIP messages" must allow the sender; the phone may require authentication of NOTIFY (P4428)',
  },
  firmwareNaming: '<model family>fw.bin (e.g. gxp2170fw.bin, firmware path P192); model-wide config cfg<model>.xml',
  provisioningHelp:
    'Web UI Maintenance → Upgrade and Provisioning → Config Server Path = http://<dev-server>:<port>/<prefix>/ , Config Upgrade Via HTTP (P237/P212).',
  // DHCP: options 43 and 66 override the configured server path by default (P145 = 1); 150/160 only when enabled.
  dhcp: {
    options: [
      {
        code: 66,
        value: 'url',
        note: 'read by default: "Allow DHCP Option 43 and Option 66 to override server" (P145, provisioning.override.dhcp.allowCommonOptions) = 1',
        source:
          'Grandstream DHCP Options Guide, "DHCP Option 66 (TFTP Server Name)" (https://documentation.grandstream.com/knowledge-base/dhcp-options-linux-server-guide/); P145 default in catalog/data/grandstream.json',
      },
    ],
    notPrinted: [
      {
        code: 43,
        why: 'vendor-encapsulated sub-options (Grandstream format), read like 66 when P145 = 1',
        source: 'Grandstream DHCP Options Guide, "DHCP Option 43 (Vendor Specific Information)" (same guide)',
      },
      {
        code: 160,
        why: 'read only when enabled on the phone (provisioning.override.dhcp.enableOption160)',
        source: 'Grandstream DHCP Options Guide, "DHCP Option 160 (Configuration Server Address)"; key in catalog/data/grandstream.json',
      },
    ],
  },
};
