// What real 3CX templates from public repositories showed the dialect got wrong (each case quotes or follows its
// template; the fixtures themselves are tested in realTemplates.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertProven } from '../../../../server/src/cli/commands/convert';
import { checkTemplate } from '../../../../server/src/core/check';
import { parseBody } from '../../../../server/src/core/threecx/body';
import { renderThreeCx } from '../../../../server/src/core/threecx/dialect';
import { BENCH, miniWorkspace, TEMPLATE, TPL } from './fixture';

/** The mini template with extra envelope elements (before </header>) and body lines (instead of `lang.gui = …`). */
function mini(header: string, body: string, bench = BENCH) {
  const tpl = TEMPLATE.replace('  </header>', `${header}\n  </header>`).replace('lang.gui = %%language%%', body);
  return miniWorkspace({ 'bench.yaml': bench, [TPL]: tpl });
}

const lineOf = (ws: ReturnType<typeof mini>, name: string, re: RegExp) => {
  const phone = ws.phones.find((p) => p.name === name)!;
  const out = renderThreeCx(ws, TPL, phone, { deviceconfig: 1 });
  assert.ok(!out.failed, out.issues.map((i) => i.message).join('; '));
  return re.exec(out.text)?.[0];
};

const proven = (ws: ReturnType<typeof mini>) => {
  const { proof } = convertProven(ws, TPL);
  assert.deepEqual(proof.mismatches, []);
  assert.ok(proof.compared > 0);
};

// jonhusen/3cx-provisioning-templates yealink.W52.ph.xml: "codec1 will be replaced by value, payload1 will be replaced
// by payload"; roby8martin/i3CX Grandstream_DP75x.fxs.xml: <P57>%%codec1%%</P57> under "0 - PCMU, 8 - PCMA, …".
const CODECS = `    <Codecspriorities>
      <Codecspriority variableName="codec1" PayloadTypeName="payload1" priority="1">
        <option value="0" payload="PCMU">PCMU</option>
        <option value="8" payload="PCMA">PCMA</option>
      </Codecspriority>
      <Codecspriority variableName="codec2" priority="2">
        <option value="9">G722 (WideBand)</option>
      </Codecspriority>
    </Codecspriorities>`;

test("a <Codecspriority> variable is its option's value (the text is only the label 3CX shows), the payload its payload", () => {
  const ws = mini(CODECS, 'account.1.codec.1.rtpmap = %%codec1%%\naccount.1.codec.1.payload_type = %%payload1%%\nc2 = %%codec2%%');
  assert.equal(lineOf(ws, 'touch', /^account\.1\.codec\.1\.rtpmap = .*$/m), 'account.1.codec.1.rtpmap = 0');
  assert.equal(lineOf(ws, 'touch', /^account\.1\.codec\.1\.payload_type = .*$/m), 'account.1.codec.1.payload_type = PCMU');
  assert.equal(lineOf(ws, 'touch', /^c2 = .*$/m), 'c2 = 9');
  proven(ws);
});

// roby8martin/i3CX Grandstream_DP75x.fxs.xml: <timezoneParams param="time_timezone_grandstreamexec"> with options that
// have no <item>, and <P64>%%timezone%%</P64> (the W70B template of v20 writes local_time.time_zone = %%timezone%%).
const TIMEZONES = `    <timezoneParams param="time_timezone_grandstreamexec">
      <option value="EST5EDT" id="0" zone="-5:00">GMT-5:00 (Eastern Time)</option>
      <option value="TAB+11" id="120" zone="-11:00">GMT-11:00 (Midway Island, Samoa)</option>
    </timezoneParams>`;

test('a <timezoneParams param=…> list without <item>s is an option list; %%timezone%% is its selected value', () => {
  const bench = BENCH.replace(
    'vars: { network: SBC, threecx: { local_sbc_ip: sbc.test } }',
    'vars: { network: SBC, options: { timezoneParams: "TAB+11" }, threecx: { local_sbc_ip: sbc.test } }',
  );
  const ws = mini(TIMEZONES, 'tz = %%timezone%% | %%param::time_timezone_grandstreamexec%%', bench);
  assert.equal(lineOf(ws, 'touch', /^tz = .*$/m), 'tz = EST5EDT | EST5EDT', 'the first option is the default');
  assert.equal(lineOf(ws, 'desk', /^tz = .*$/m), 'tz = TAB+11 | TAB+11', "the phone's selection");
  assert.deepEqual(
    checkTemplate(ws, TPL).filter((p) => p.code === 'threecx-unset' || p.code === 'unknown-variable'),
    [],
  );
  proven(ws);
  // a bench value still wins
  const set = mini(
    TIMEZONES,
    'tz = %%timezone%%',
    BENCH.replace('threecx: { local_sbc_ip: sbc.test }', 'threecx: { local_sbc_ip: sbc.test, timezone: UTC }'),
  );
  assert.equal(lineOf(set, 'desk', /^tz = .*$/m), 'tz = UTC');
  proven(set);
});

// roby8martin/i3CX Grandstream_DP75x.fxs.xml (3CX's own):
// <P192>%%PROVLINK.HOST%%:%%PROVLINK.PORT%%%%PROVLINK.PATH%%/firmware/grandstream</P192>
test('%%PROVLINK.PATH%% starts with a slash, so HOST:PORT PATH is the URL without its scheme', () => {
  const body = 'fw = %%PROVLINK.HOST%%:%%PROVLINK.PORT%%%%PROVLINK.PATH%%/firmware/grandstream\nlocal = %%PROVLINKLOCAL.PATH%%';
  const ws = mini('', body);
  assert.equal(lineOf(ws, 'touch', /^fw = .*$/m), 'fw = prov.test:8080/p/firmware/grandstream');
  assert.equal(lineOf(ws, 'touch', /^local = .*$/m), 'local = /p');
  proven(ws);
});

// jonhusen/3cx-provisioning-templates yealinkCP860-Custom.ph.xml at 4f9cc9f, lines 702-706 (the only lower-case
// directive in its 2,000 lines; the blocks for the other network modes are written {IF network=…}).
const CP860 = `#Configure the URL of the auto provisioning server.
{if network=LOCALLAN}
auto_provision.server.username = 
auto_provision.server.password = 
{ENDIF}
`;

test('a stray {ENDIF} after a lower-case {if …} line names that line as the cause', () => {
  const { errors } = parseBody(CP860, 0, CP860.length);
  assert.equal(errors.length, 1);
  const e = errors[0];
  assert.equal(CP860.slice(e.start, e.end), '{ENDIF}');
  assert.equal(
    e.message,
    "{ENDIF} without an open {IF}: the '{if network=LOCALLAN}' before it is not a directive (directives are upper case: '{IF network=LOCALLAN}')",
  );
  assert.equal(CP860.slice(e.related!.start, e.related!.end), '{if network=LOCALLAN}');
  assert.match(e.related!.message, /sent to the phone as text: write '\{IF network=LOCALLAN\}'/);
  // in check: an error at the {ENDIF}, with the {if} line as related information
  const ws = mini('', CP860.trimEnd());
  const [p] = checkTemplate(ws, TPL).filter((x) => x.code === 'threecx-syntax');
  assert.equal(p.severity, 'error');
  assert.match(p.message, /'\{if network=LOCALLAN\}' before it is not a directive/);
  assert.equal(p.related?.[0].range.start.line, p.range.start.line - 3);
  // without a lower-case {if} before it, the message is the plain one
  const plain = parseBody('a\n{ENDIF}\n', 0, 10).errors;
  assert.deepEqual(
    plain.map((x) => [x.message, x.related]),
    [['{ENDIF} without an open {IF}', undefined]],
  );
});
