import { FORMATS } from './formats';
import type { VendorProfile } from './types';

export const snom: VendorProfile = {
  id: 'snom',
  label: 'Snom',
  macNotation: 'upper',
  formats: { 'snom-xml': FORMATS.snomXml, xml: FORMATS.xml },
  models: [
    { id: 'D120', lines: 2, keys: 0 },
    { id: 'D315', lines: 4, keys: 5 },
    { id: 'D345', lines: 12, keys: 48 },
    { id: 'D375', lines: 12, keys: 36 },
    { id: 'D385', lines: 12, keys: 48 },
    { id: 'D710', lines: 4, keys: 5 },
    { id: 'D712', lines: 4, keys: 5 },
    { id: 'D715', lines: 4, keys: 5 },
    { id: 'D717', lines: 6, keys: 18 },
    { id: 'D735', lines: 12, keys: 32 },
    { id: 'D765', lines: 12, keys: 16 },
    { id: 'D785', lines: 12, keys: 24 },
    { id: 'D862', lines: 12, keys: 32 },
    { id: 'D865', lines: 12, keys: 40 },
    { id: '320', lines: 12, keys: 12 },
    { id: '370', lines: 12, keys: 12 },
    { id: '710', lines: 4, keys: 5 },
    { id: '715', lines: 4, keys: 5 },
    { id: '720', lines: 12, keys: 18 },
    { id: '760', lines: 12, keys: 16 },
  ],
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
  userAgents: [
    { pattern: 'snom(?<model>D?\\d{3}[A-Z]?)-SIP\\s+(?<firmware>\\d+(?:\\.\\d+)+)(?:.*?\\b(?<mac>000413[0-9a-f]{6}|[0-9a-f]{12})\\b)?' },
  ],
  notify: {
    resync: 'check-sync;reboot=false',
    reboot: 'check-sync;reboot=true',
    trustSetting:
      'Snom: filter_registrar = off to accept NOTIFY from other hosts; challenge_checksync makes it demand the identity password; Snom may listen on a random SIP port (set sip_port in the bench)',
  },
  provisioningHelp:
    'Web UI Advanced → Update → Setting URL = http://<dev-server>:<port>/<prefix>/snom{model}.htm (or DHCP option 66/67), then Reboot.',
};
