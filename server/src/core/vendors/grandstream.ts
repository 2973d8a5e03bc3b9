import { FORMATS } from './formats';
import type { VendorProfile } from './types';

export const grandstream: VendorProfile = {
  id: 'grandstream',
  label: 'Grandstream',
  macNotation: 'plain',
  formats: { 'grandstream-xml': FORMATS.grandstreamXml, xml: FORMATS.xml },
  models: [
    { id: 'GXP1610', lines: 1, keys: 0 },
    { id: 'GXP1620', lines: 2, keys: 2 },
    { id: 'GXP1625', lines: 2, keys: 2 },
    { id: 'GXP1628', lines: 2, keys: 2 },
    { id: 'GXP1630', lines: 3, keys: 8 },
    { id: 'GXP2130', lines: 3, keys: 8 },
    { id: 'GXP2135', lines: 8, keys: 8 },
    { id: 'GXP2140', lines: 4, keys: 4 },
    { id: 'GXP2160', lines: 6, keys: 24 },
    { id: 'GXP2170', lines: 12, keys: 48 },
    { id: 'GRP2601', lines: 2, keys: 0 },
    { id: 'GRP2602', lines: 4, keys: 4 },
    { id: 'GRP2603', lines: 6, keys: 6 },
    { id: 'GRP2604', lines: 6, keys: 10 },
    { id: 'GRP2612', lines: 2, keys: 4 },
    { id: 'GRP2613', lines: 3, keys: 6 },
    { id: 'GRP2614', lines: 4, keys: 10 },
    { id: 'GRP2615', lines: 5, keys: 10 },
    { id: 'GRP2616', lines: 6, keys: 10 },
    { id: 'GXV3350', lines: 16, keys: 0 },
    { id: 'HT802', lines: 2, keys: 0 },
    { id: 'WP810', lines: 2, keys: 0 },
  ],
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
  userAgents: [
    {
      pattern:
        '^Grandstream\\s+Model\\s+HW\\s+(?<model>[A-Z]+\\d+[A-Z]*)(?:\\s+V[\\w.]+)?\\s+SW\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:\\s+DevId\\s+(?<mac>[0-9a-f]{12}))?',
    },
    { pattern: '^Grandstream\\s+(?<model>[A-Z]+\\d+[A-Z]*)\\s+(?<firmware>\\d+(?:\\.\\d+)+)' },
  ],
  notify: {
    resync: 'resync',
    reboot: 'check-sync;reboot=true',
    trustSetting:
      'Grandstream: "Allow SIP NOTIFY from any host" / P-value for "Validate incoming SIP messages" must allow the sender; the phone may require authentication of NOTIFY (P4428)',
  },
  provisioningHelp:
    'Web UI Maintenance → Upgrade and Provisioning → Config Server Path = http://<dev-server>:<port>/<prefix>/ , Config Upgrade Via HTTP (P237/P212).',
};
