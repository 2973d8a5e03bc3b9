// Grandstream MPK / VPK key modes. The code is the mode name the alias form takes
// (`<item name="pks.mpk.N.keyMode">BLF</item>`, `pks.vpk.N.keyMode`); `value` gives the numeric P-value form
// (legacy MPK `P323` and the `P23000…` blocks take the number).
//
// Source: the key-mode list of Grandstream's GRP26xx configuration template, reproduced in
// fusionpbx/fusionpbx resources/templates/provision/grandstream/grp2612/{$mac}.xml ("Key Mode for line VPK":
// None (-1), SpeedDial (0), BLF (1), PresenceWatcher (2), EventlistBLF (3), SpeedDialViaActiveAccount (4),
// DialDTMF (5), VoiceMail (6), CallReturn (7), Transfer (8), CallPark (9), Intercom (10), LDAPSearch (11),
// Conference (12), MulticastPaging (13), Record (14), CallLog (15), MonitoredCallPark (16), Menu (17),
// XMLApplication (18), Information (19), Message (20), Forward (21), DND (22), Redial (23), InstantMessages (24),
// MulticastListenAddress (25), KeypadLock (26), GDSOpenDoor (27), EventListPresence (28), Provision (29),
// Phonebook (30), Line (31), SharedLine (32), Paging (33)). The GXP2200/GXP3240 templates (same repository) list the
// older numeric subset for GXP2200EXT keys ("0 - Speed Dial, 1 - BLF, 3 - eventlist BLF, 4 - Speed Dial via active
// account, 5 - DialDTMF, 8 - Call Transfer, 9 - CallPark, 10 - Call Intercom"), and the GAC2500 template adds
// "13 - Multicast Paging" — the numbers agree.
//
// Line (31) is a VPK mode (GRP line keys); MPK-only models have no line mode. Grandstream has no pickup or group
// pickup mode: a BLF key picks up through the account's BLF call-pickup prefix — left out.
import type { VendorKeys } from './types';

const GRP =
  'Grandstream GRP26xx config template, "Key Mode for line VPK" list (fusionpbx/fusionpbx resources/templates/provision/grandstream/grp2612/{$mac}.xml)';
const GXP = 'fusionpbx/fusionpbx resources/templates/provision/grandstream/gxp3240/{$mac}.xml, "MPK EXT 1 Settings" Key Mode list';

export const GRANDSTREAM_KEYS: VendorKeys = {
  types: {
    line: { code: 'Line', value: 'P-value mode 31; VPK keys (`pks.vpk.N.keyMode`) only', source: `${GRP} (Line (31))` },
    blf: { code: 'BLF', value: 'P-value mode 1; the monitored number in `.value`', source: `${GRP} (BLF (1)); ${GXP} (1 - BLF)` },
    speed_dial: { code: 'SpeedDial', value: 'P-value mode 0', source: `${GRP} (SpeedDial (0)); ${GXP} (0 - Speed Dial)` },
    park: { code: 'CallPark', value: 'P-value mode 9; the park orbit in `.value`', source: `${GRP} (CallPark (9)); ${GXP} (9 - CallPark)` },
    intercom: { code: 'Intercom', value: 'P-value mode 10', source: `${GRP} (Intercom (10)); ${GXP} (10 - Call Intercom)` },
    dnd: { code: 'DND', value: 'P-value mode 22', source: `${GRP} (DND (22))` },
    forward: { code: 'Forward', value: 'P-value mode 21; the forward target in `.value`', source: `${GRP} (Forward (21))` },
    transfer: {
      code: 'Transfer',
      value: 'P-value mode 8; the transfer target in `.value`',
      source: `${GRP} (Transfer (8)); ${GXP} (8 - Call Transfer)`,
    },
    voicemail: { code: 'VoiceMail', value: 'P-value mode 6', source: `${GRP} (VoiceMail (6))` },
    conference: { code: 'Conference', value: 'P-value mode 12', source: `${GRP} (Conference (12))` },
    record: { code: 'Record', value: 'P-value mode 14', source: `${GRP} (Record (14))` },
    url: { code: 'XMLApplication', value: "P-value mode 18; opens the phone's XML application", source: `${GRP} (XMLApplication (18))` },
    paging: {
      code: 'MulticastPaging',
      value: 'P-value mode 13; the multicast address:port in `.value`',
      source: `${GRP} (MulticastPaging (13)); fusionpbx/fusionpbx resources/templates/provision/grandstream/gac2500/{$mac}.xml (13 - Multicast Paging)`,
    },
  },
  modules: [
    {
      id: 'GXP2200EXT',
      keys: 40,
      maxPerPhone: 4,
      source: `${GXP}: "MPK on GXP2200EXT P values. In total (160 MPKs) x 4 = 640 P values" — sections "for the GXP2200EXT 1" … "GXP2200EXT 4", EXT MPK 1–40 on the first`,
    },
    {
      id: 'GBX20',
      source:
        'name from the earlier model table of this project (GRP2614/2615/2616); fusionpbx/fusionpbx resources/templates/provision/grandstream/grp2614/{$mac}.xml writes extension-board keys as pks.ext.N.* without naming the module or giving its key count — no count or per-phone maximum found, not checked',
    },
  ],
};
