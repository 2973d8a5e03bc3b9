// 3CX variables beyond the core list (variables.ts), each with the 3CX versions known to have it (v15, v16, v18,
// v20) and the evidence: 3CX's own variable list (documented for v20) and real templates dated to a version.
// A name is "unknown" to the checks only when no version has it. Versions between two that have a variable
// are inferred to have it too (3CX keeps variables across updates; docs/3cx.md says which rows are inferred).
// Values: the multi-extension variables of FXS/DECT templates (`%%ext_auth_id_01%%`) come from the phone's
// lines; every other one from `vars.threecx.<name>` (empty when not set).
import type { RenderContext } from '../context';

export type ThreeCxVersion = 'v15' | 'v16' | 'v18' | 'v20';
export const THREECX_VERSIONS: ThreeCxVersion[] = ['v15', 'v16', 'v18', 'v20'];

export interface VersionedVariable {
  /** Name as written in templates; `N`/`NN` stand for a number. */
  name: string;
  pattern: RegExp;
  description: string;
  versions: ThreeCxVersion[];
  /** Where the versions come from (keys of SOURCES). */
  sources: (keyof typeof SOURCES)[];
}

export const SOURCES = {
  docs: '3CX, "Variables used in the IP Phone Provisioning Templates" (3cx.com/docs/phone-provisioning-variables), the v20 list',
  yealinkV15: 'therealcode/3cx-yealink-template-maker template.xml (3CX Yealink T4X template of 2016, v15)',
  fanvilV16: 'abelmferreira/3cx-fanvil-custom-template fanvil_custom.ph.xml (2020, v16)',
  ciscoV16: 'abelmferreira/3cx-cisco-custom-template cusco_custom.ph.xml (2021, v16)',
  snomV16: 'RedTiger26/3cx-snom-dect patchfiles/snomM900.fxs.xml.patch (2021, v16)',
  w70bV20: 'lnx1-1/3CX-config-library templates/yealink/w70b/yealink.W70B_CustomV1.fxs.fxs.xml (2025, v20)',
  w52V15:
    'jonhusen/3cx-provisioning-templates yealink.W52.ph.xml (3CX Yealink W52P template of 2015, in a repository of 2016: v15 or earlier)',
  ufoneV16: 'UFONE-NZ/3CX-Templates grandstream-uf.ph.xml (3CX Grandstream GXP template customised for V16.0 SP3, 2019)',
  dp75xV16:
    'roby8martin/i3CX template/fxs/Grandstream_DP75x.fxs.xml (3CX Grandstream DP75x template of 2018-10-25, v16; the repository installs it into a 3CX V18)',
} as const;

const ALL = THREECX_VERSIONS;
const FROM16: ThreeCxVersion[] = ['v16', 'v18', 'v20'];
const V20: ThreeCxVersion[] = ['v20'];

const v = (name: string, description: string, versions: ThreeCxVersion[], sources: VersionedVariable['sources']): VersionedVariable => ({
  name,
  pattern: new RegExp(`^${name.replace(/[.:]/g, '\\$&').replace(/NN$|NN(?=_)|N$/, '(\\d+)')}$`),
  description,
  versions,
  sources,
});

export const VERSIONED_VARIABLES: VersionedVariable[] = [
  // display, ringtones, LEDs, codecs, VLAN (the option lists of the vendor templates)
  v('blktime', 'Backlight timeout.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('scrsavertime', 'Screensaver timeout.', ALL, ['docs', 'yealinkV15']),
  v('datestyle', 'Date format of the display.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('timestyle', 'Time format of the display.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('defringtone', 'Default ringtone.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('TimeZoneName', 'Time zone name (format per phone).', ALL, ['docs', 'yealinkV15', 'w70bV20']),
  v('missedled', 'Power LED on a missed call.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('mwiled', 'Power LED on voicemail.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('langlcdUI', 'Language of the phone display (Yealink).', ALL, ['docs', 'yealinkV15']),
  v('langwebUI', "Language of the phone's web UI (Yealink).", ALL, ['docs', 'yealinkV15', 'w70bV20']),
  v('langwebUI2', "Language of the phone's web UI (some Yealink models).", V20, ['docs']),
  v('codecN', 'Codec of priority N (1–4): the `value` of the option the phone has in <Codecspriority variableName="codecN">.', ALL, [
    'docs',
    'yealinkV15',
    'w52V15',
    'fanvilV16',
    'dp75xV16',
    'w70bV20',
  ]),
  v('payloadN', "Payload type of the codec of priority N (the option's `payload`).", ALL, ['docs', 'yealinkV15', 'w52V15', 'w70bV20']),
  v('vlanwanenabled', 'VLAN on the WAN port.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('vlanwanportid', 'WAN port VLAN ID.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('vlanwanportpriority', 'WAN port VLAN priority.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('vlanpcenabled', 'VLAN on the PC port.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('vlanpcportid', 'PC port VLAN ID.', ALL, ['docs', 'yealinkV15', 'fanvilV16']),
  v('vlanpcportpriority', 'PC port VLAN priority.', ALL, ['docs', 'yealinkV15']),
  v('lldpenabled', 'LLDP on or off.', FROM16, ['docs', 'fanvilV16']),
  v('dstEnableDisable', 'Daylight saving time on or off (legacy).', ALL, ['docs', 'w52V15', 'w70bV20']),
  v('logo_filename', 'File name of the custom logo.', V20, ['docs']),
  v('userphone', 'Snom: function key behaviour.', V20, ['docs']),
  v('local_spm_ip', 'Address of the 3CX SPM (remote-office proxy, the SBC before v15.5).', ['v15'], ['yealinkV15', 'w52V15']),
  v('local_spm_port', 'Port of the 3CX SPM.', ['v15'], ['yealinkV15', 'w52V15']),
  // queues and paging
  v('queuecrtN', 'True when queue N has a custom ringtone (for {IF queuecrtN}).', FROM16, ['docs', 'fanvilV16', 'ufoneV16']),
  v('queueid', 'Queue whose custom ringtone is configured.', FROM16, ['docs', 'fanvilV16']),
  v('queueringtone', 'Default ringtone of all queues.', FROM16, ['docs', 'fanvilV16']),
  v('queueringtonevalue', 'Alert-Info text 3CX sends for a queue call.', FROM16, ['docs', 'fanvilV16']),
  v('multicastenabled', 'Multicast listening (multicast ring groups / paging) on or off.', FROM16, ['docs', 'fanvilV16', 'ufoneV16']),
  v('multicastrgipN', 'Listening address of multicast ring group N.', FROM16, ['docs', 'fanvilV16']),
  v('multicastrgportN', 'Listening port of multicast ring group N.', FROM16, ['docs', 'fanvilV16']),
  v('multicastrgnameN', 'Label of multicast ring group N.', FROM16, ['docs', 'fanvilV16']),
  v('multicastrgipportN', 'Address:port of multicast ring group N (some Snom models, Grandstream).', FROM16, ['docs', 'ufoneV16']),
  // BLF and keys
  v('value', 'Inside {IF blfN}: the <value> of the key kind in <blftype> (Cisco templates).', ALL, ['docs', 'ciscoV16']),
  v('type', 'Inside {IF blfN}: the <type> of the key kind in <blftype> (Yealink templates).', ALL, ['yealinkV15']),
  // parameters of the PBX
  v('param::DIALCODEPROFILE', 'Dial code that changes the user status profile (default *3).', ALL, [
    'docs',
    'w52V15',
    'ciscoV16',
    'w70bV20',
  ]),
  v('param::time_dst_start_month', 'DST start month.', ALL, ['yealinkV15', 'w70bV20']),
  v('param::time_dst_start_day', 'DST start day.', ALL, ['yealinkV15', 'w70bV20']),
  v('param::time_dst_start_hour', 'DST start hour.', ALL, ['yealinkV15', 'w70bV20']),
  v('param::time_dst_end_month', 'DST end month.', ALL, ['yealinkV15', 'w70bV20']),
  v('param::time_dst_end_day', 'DST end day.', ALL, ['yealinkV15', 'w70bV20']),
  v('param::time_dst_end_hour', 'DST end hour.', ALL, ['yealinkV15', 'w70bV20']),
  v('param::time_utc_offset_minutes', 'UTC offset in minutes.', ALL, ['yealinkV15', 'w70bV20']),
  v('param::phonebook_update_yealink', 'Yealink phonebook update interval.', V20, ['w70bV20']),
  // FXS / DECT templates: one account per handset or port
  v('DEVICE_PASSWORD', 'Admin password of the device (FXS/DECT templates).', FROM16, ['dp75xV16', 'w70bV20']),
  v(
    'timezone',
    "Time zone of the device (FXS/DECT templates): the value the phone selects in the template's <timezoneParams param=…> list (inferred).",
    FROM16,
    ['dp75xV16', 'w70bV20'],
  ),
  v('ext_NN_enabled', 'FXS/DECT: 1 when account NN (01, 02, …) has an extension, else 0.', FROM16, ['dp75xV16', 'w70bV20']),
  v('ext_int_num_NN', 'FXS/DECT: extension number of account NN.', FROM16, ['dp75xV16', 'w70bV20']),
  v('ext_auth_id_NN', 'FXS/DECT: authentication ID of account NN.', FROM16, ['dp75xV16', 'w70bV20']),
  v('ext_auth_pw_NN', 'FXS/DECT: authentication password of account NN.', FROM16, ['dp75xV16', 'w70bV20']),
  v('ext_first_name_NN', 'FXS/DECT: first name of account NN.', FROM16, ['dp75xV16', 'w70bV20']),
  v('ext_last_name_NN', 'FXS/DECT: last name of account NN.', FROM16, ['dp75xV16', 'w70bV20']),
];

/** The versioned variable a name is (undefined when no 3CX version is known to have it). */
export function versionedVariable(name: string): VersionedVariable | undefined {
  return VERSIONED_VARIABLES.find((x) => x.pattern.test(name));
}

export const isVersionedVariable = (name: string): boolean => versionedVariable(name) !== undefined;

const FXS = /^ext_(?:(\d+)_enabled|(int_num|auth_id|auth_pw|first_name|last_name)_(\d+))$/;
const str = (v: unknown): string => (v === undefined || v === null || typeof v === 'object' ? '' : String(v));

/** Values of the FXS/DECT multi-account variables from the phone's lines; undefined for other names. */
export function fxsValue(name: string, ctx: RenderContext): string | undefined {
  const m = FXS.exec(name);
  if (!m) return undefined;
  const line = ctx.lines[Number(m[1] ?? m[3]) - 1];
  if (m[1]) return line ? '1' : '0';
  if (!line) return '';
  switch (m[2]) {
    case 'int_num':
      return str(line.extension);
    case 'auth_id':
      return str(line.auth_id) || str(line.extension);
    case 'auth_pw':
      return str(line.password);
    case 'first_name':
      return str(line.first_name) || str(line.display_name);
    default:
      return str(line.last_name);
  }
}

/** The Handlebars expression of an FXS/DECT multi-account variable (`root` = '' or '@root.'). */
export function fxsHbs(name: string, root: string): string | undefined {
  const m = FXS.exec(name);
  if (!m) return undefined;
  const line = `${root}lines.[${Number(m[1] ?? m[3]) - 1}]`;
  if (m[1]) return `(bool ${line} "1" "0")`;
  switch (m[2]) {
    case 'int_num':
      return `${line}.extension`;
    case 'auth_id':
      return `(default ${line}.auth_id ${line}.extension)`;
    case 'auth_pw':
      return `${line}.password`;
    case 'first_name':
      return `(default ${line}.first_name ${line}.display_name)`;
    default:
      return `${line}.last_name`;
  }
}
