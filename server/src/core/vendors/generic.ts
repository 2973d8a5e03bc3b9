import { FORMATS } from './formats';
import type { VendorProfile } from './types';

/** Any device that fetches <mac>.cfg: no catalog, no header, no escaping. */
export const generic: VendorProfile = {
  id: 'generic',
  label: 'Generic',
  macNotation: 'plain',
  formats: { text: FORMATS.text, xml: FORMATS.xml },
  models: [{ id: 'generic', lines: 16, keys: 100, source: 'none: any device that fetches <mac>.cfg' }],
  routes: [
    { path: '{mac}.cfg', template: 'mac.cfg.hbs', format: 'text', fileKind: 'mac', boot: true, description: 'Per-device file.' },
    { path: '{mac}.xml', template: 'mac.xml.hbs', format: 'xml', fileKind: 'mac', boot: false, description: 'Per-device XML file.' },
  ],
  bootOrder: { files: ['{mac}.cfg'], acrossFiles: 'last', withinFile: 'last', sources: ['one per-device file'] },
  userAgents: [],
  notify: {
    resync: 'check-sync',
    reboot: 'check-sync;reboot=true',
    sources: ['RFC 3265 event packages as used by most vendors (asterisk/asterisk configs/samples/pjsip_notify.conf.sample)'],
    trustSetting: 'the device may accept NOTIFY only from its registrar',
  },
  provisioningHelp: 'Point the device at http://<dev-server>:<port>/<prefix>/<mac>.cfg.',
};
