// A small two-file 3CX template (boot + per-phone file) and a bench for the 3CX tests.
import { join } from 'node:path';
import { memoryWorkspace, REPO } from '../../../helpers/workspace';

export const TPL = 'templates/3cx/mini.ph.xml';

export const BODY_CFG = `#!version:1.0.0.1
account.1.user_name = %%extension_number%%
account.1.display_name = %%extension_first_name%% %%extension_last_name%%
account.1.password = %%extension_auth_pw%%
account.1.sip_server.1.address = %%pbx_ip%%:%%param::sipport%%
lang.gui = %%language%%
{IF ua=Yealink SIP-T57W}
phone_setting.backlight_time = 0
{ELSE}
phone_setting.backlight_time = %%backlighttime%%
{ENDIF}
{IF network=SBC}
account.1.outbound_proxy.1.address = %%local_sbc_ip%%
{ENDIF}
{IF blf1}
linekey.1.type = %%Type%%
linekey.1.value = %%Value%%
linekey.1.label = %%label%%
{ELSE}
linekey.1.type = 0
{ENDIF}
{IF blf2}
linekey.2.type = %%Type%%
linekey.2.value = %%Value%%
linekey.2.label = %%label%%
{ELSE}
linekey.2.type = 0
{ENDIF}
{IF blf3}
linekey.3.type = %%Type%%
linekey.3.value = %%Value%%
linekey.3.label = %%label%%
{ELSE}
linekey.3.type = 0
{ENDIF}
`;

export const BODY_BOOT = `#!version:1.0.0.1
include:config "%%PROVLINK%%/%%mac_address%%.cfg"
overwrite_mode = 1
`;

export const TEMPLATE = `<?xml version="1.0" encoding="utf-8"?>
<doc>
  <header>
    <type>phone-template</type>
    <version>7</version>
    <name>Mini</name>
    <models>
      <model ua="Yealink SIP-T54W">Yealink T54W</model>
      <model ua="Yealink SIP-T57W">Yealink T57W</model>
    </models>
    <rebootParams><event-name>check-sync;reboot=true;3cx</event-name></rebootParams>
    <resyncParams><event-name>check-sync;3cx</event-name></resyncParams>
    <AllowedNetworkConfig>
      <option value="LOCALLAN">1</option>
      <option value="SBC">1</option>
    </AllowedNetworkConfig>
    <languages>
      <option value="English"><item name="language">English</item></option>
      <option value="German"><item name="language">German</item></option>
    </languages>
    <backlight>
      <option value="1 minute"><item name="backlighttime">60</item></option>
      <option value="Always on"><item name="backlighttime">0</item></option>
    </backlight>
    <blftype>
      <extension><Line>1</Line><Type>16</Type><Value>%%blfno%%</Value><label>%%blffirstname%%</label></extension>
      <speeddial><Line>1</Line><Type>13</Type><Value>%%blfno%%</Value><label>%%blffirstname%%</label></speeddial>
    </blftype>
  </header>
  <data>
    <deviceconfig filename="%%mac_address%%.boot"><![CDATA[${BODY_BOOT}]]></deviceconfig>
    <deviceconfig filename="%%mac_address%%.cfg"><![CDATA[${BODY_CFG}]]></deviceconfig>
  </data>
</doc>
`;

export const BENCH = `pbx: { host: pbx.test, port: 5062 }
server: { host: 127.0.0.1, port: 8080, url: "http://prov.test:8080/p" }
vars: { ntp: pool.ntp.org }
phones:
  - mac: 805e0c000057
    vendor: yealink
    model: T57W
    name: touch
    ip: 192.0.2.57
    lines:
      - { extension: "107", display_name: Lab Touch, first_name: Lab, last_name: Touch, password: "t&<p>" }
    keys:
      - { type: blf, value: "100", label: Reception }
      - { type: speed_dial, value: "*97" }
      - { type: line, value: "107" }
    vars: { template: 3cx/mini, options: { languages: German } }
  - mac: 805e0c000054
    vendor: yealink
    model: T54W
    name: desk
    lines:
      - { extension: "108", display_name: Desk, password: "d" }
    keys:
      - { type: blf, value: "107", label: Touch }
    vars: { network: SBC, threecx: { local_sbc_ip: sbc.test } }
  - mac: 805e0c000046
    vendor: yealink
    model: T46S
    name: other
    lines:
      - { extension: "109" }
`;

export function miniWorkspace(extra: Record<string, string> = {}) {
  return memoryWorkspace({ 'bench.yaml': BENCH, [TPL]: TEMPLATE, ...extra });
}

/** Real 3CX templates reduced from public repositories, with their bench (test/fixtures/threecx). */
export const REAL_FIXTURES = join(REPO, 'test/fixtures/threecx');
