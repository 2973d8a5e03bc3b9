import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOutput } from '../../../../server/src/core/catalog/readers';

const at = (text: string, s: number, e: number) => text.slice(s, e);

test('kv: key = value lines, comments, header, include lines, exact offsets', () => {
  const t =
    '#!version:1.0.0.1\n# comment\n\naccount.1.label =  Bob \r\nlocal_time.time_zone=+1\ninclude:config "common.cfg"\nnot a key line\nempty.value =\n';
  const r = readOutput('yealink-cfg', t);
  assert.deepEqual(
    r.entries.map((e) => [e.key, e.value]),
    [
      ['account.1.label', 'Bob'],
      ['local_time.time_zone', '+1'],
      ['empty.value', ''],
    ],
  );
  for (const e of r.entries) {
    assert.equal(at(t, e.keyStart, e.keyEnd), e.key);
    assert.equal(at(t, e.valueStart, e.valueEnd), e.value);
  }
  assert.deepEqual(
    r.problems.map((p) => [p.code, at(t, p.start, p.end)]),
    [['malformed-line', 'not a key line']],
  );
});

test('poly: every attribute name is a key; xmlns/xsi skipped; entities decoded', () => {
  const t =
    '<?xml version="1.0"?>\n<polycomConfig xmlns:xsi="x" xsi:noNamespaceSchemaLocation="p.xsd">\n <reg reg.1.address="101" reg.1.label="A &amp; B"/>\n <x><y voIpProt.server.1.address=\' pbx \'/></x>\n</polycomConfig>';
  const r = readOutput('poly-xml', t);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.entries.map((e) => [e.key, e.value]),
    [
      ['reg.1.address', '101'],
      ['reg.1.label', 'A & B'],
      ['voIpProt.server.1.address', 'pbx'],
    ],
  );
  for (const e of r.entries) assert.equal(at(t, e.keyStart, e.keyEnd), e.key);
  assert.equal(at(t, r.entries[1].valueStart, r.entries[1].valueEnd), 'A &amp; B');
  assert.equal(at(t, r.entries[2].valueStart, r.entries[2].valueEnd), 'pbx');
});

test('cisco: children of flat-profile, ua ignored, self-closing and CDATA', () => {
  const t =
    '<flat-profile>\n  <User_ID_1_ ua="na">101</User_ID_1_>\n  <Proxy_1_ ua="na"/>\n  <Profile_Rule ua="na">http://p/$MA.xml?a=1&amp;b=2</Profile_Rule>\n  <Station_Name><![CDATA[<Desk>]]></Station_Name>\n</flat-profile>';
  const r = readOutput('cisco-xml', t);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.entries.map((e) => [e.key, e.value]),
    [
      ['User_ID_1_', '101'],
      ['Proxy_1_', ''],
      ['Profile_Rule', 'http://p/$MA.xml?a=1&b=2'],
      ['Station_Name', '<Desk>'],
    ],
  );
  assert.equal(at(t, r.entries[0].valueStart, r.entries[0].valueEnd), '101');
  assert.equal(r.entries[1].valueStart, r.entries[1].valueEnd);
});

test('grandstream: P-values in config v1, item names in config v2', () => {
  const t =
    '<gs_provision version="1"><mac>000b82aabbcc</mac><config version="1"><P47>pbx</P47><P35>101</P35></config>' +
    '<config version="2"><item name="account.1.sip.userid">101</item></config></gs_provision>';
  const r = readOutput('grandstream-xml', t);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.entries.map((e) => [e.key, e.value]),
    [
      ['P47', 'pbx'],
      ['P35', '101'],
      ['account.1.sip.userid', '101'],
    ],
  );
  for (const e of r.entries) assert.equal(at(t, e.keyStart, e.keyEnd), e.key);
});

test('snom: phone-settings and functionKeys with [idx]; other sections parsed, not keys', () => {
  const t =
    '<settings>\n<phone-settings e="2">\n<user_name idx="1" perm="">101</user_name>\n<language perm="R">English</language>\n</phone-settings>\n' +
    '<functionKeys><fkey idx="0" context="active">blf sip:101@pbx</fkey><fkey idx=" 1 " label="x">line</fkey></functionKeys>\n<tbook complete="true"><item index="0"><name>Bob</name></item></tbook>\n</settings>';
  const r = readOutput('snom-xml', t);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.entries.map((e) => [e.key, e.value]),
    [
      ['user_name[1]', '101'],
      ['language', 'English'],
      ['fkey[0]', 'blf sip:101@pbx'],
      ['fkey[1]', 'line'],
    ],
  );
  assert.equal(at(t, r.entries[0].keyStart, r.entries[0].keyEnd), 'user_name');
  assert.equal(at(t, r.entries[2].keyStart, r.entries[2].keyEnd), 'fkey');
  assert.equal(at(t, r.entries[2].valueStart, r.entries[2].valueEnd), 'blf sip:101@pbx');
  // entries stay in document order when functionKeys comes first
  const first =
    '<settings><functionKeys><fkey idx="3">speed 600</fkey></functionKeys><phone-settings><language>English</language></phone-settings></settings>';
  assert.deepEqual(
    readOutput('snom-xml', first).entries.map((e) => e.key),
    ['fkey[3]', 'language'],
  );
  // a malformed other section is still reported
  const bad = t.replace('</tbook>', '</tbok>');
  assert.equal(readOutput('snom-xml', bad).problems[0].code, 'xml-malformed');
});

test('fanvil: element paths with [index]; legacy repeated entries get distinct ids', () => {
  const t =
    '<sysConf><Version>2.0002</Version><sip><line index="1"><RegisterAddr>pbx</RegisterAddr></line><line index="2"><RegisterAddr>pbx2</RegisterAddr></line></sip>' +
    '<SIP_Line_List><SIP_Line_List_Entry><ID>SIP1</ID></SIP_Line_List_Entry><SIP_Line_List_Entry><ID>SIP2</ID></SIP_Line_List_Entry></SIP_Line_List></sysConf>';
  const r = readOutput('fanvil-xml', t);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.entries.map((e) => [e.key, e.value]),
    [
      ['Version', '2.0002'],
      ['sip.line[1].RegisterAddr', 'pbx'],
      ['sip.line[2].RegisterAddr', 'pbx2'],
      ['SIP_Line_List.SIP_Line_List_Entry.ID', 'SIP1'],
      ['SIP_Line_List.SIP_Line_List_Entry.ID', 'SIP2'],
    ],
  );
  assert.notEqual(r.entries[3].id ?? r.entries[3].key, r.entries[4].id ?? r.entries[4].key);
  assert.equal(at(t, r.entries[1].keyStart, r.entries[1].keyEnd), 'RegisterAddr');
});

test('malformed XML is located (mismatched tag, attribute, unclosed, bare &, unknown entity, two roots)', () => {
  const cases: [string, string][] = [
    ['<flat-profile>\n  <A>1</B>\n</flat-profile>', '</B>'],
    ['<polycomConfig>\n <reg reg.1.address=101/>\n</polycomConfig>', 'reg.1.address'],
    ['<flat-profile>\n  <A>1</A>\n  <B>2', '<flat-profile'],
    ['<flat-profile><Profile_Rule>http://x/?a=1&b=2</Profile_Rule></flat-profile>', '&'],
    ['<flat-profile><A>&nbsp;</A></flat-profile>', '&nbsp;'],
    ['<a/>\n<b/>', '<b/>'],
  ];
  for (const [t, want] of cases) {
    const r = readOutput('xml', t);
    const p = r.problems.find((x) => x.code === 'xml-malformed');
    assert.ok(p, `no problem for ${t}`);
    assert.equal(p.severity, 'error');
    assert.ok(
      t.slice(p.start, p.end).startsWith(want),
      `${JSON.stringify(t)}: got ${JSON.stringify(t.slice(p.start, p.end))} (${p.message})`,
    );
  }
  assert.deepEqual(readOutput('xml', '<a>&lt;&#65;&#x42;</a>').problems, []);
  assert.equal(readOutput('xml', '').problems[0].code, 'xml-malformed');
});

test('entries after the first XML error are dropped; text format reads nothing', () => {
  const r = readOutput('cisco-xml', '<flat-profile><A>1</A><B>2</C><D>3</D></flat-profile>');
  assert.deepEqual(
    r.entries.map((e) => e.key),
    ['A', 'B'],
  );
  assert.deepEqual(readOutput('text', 'anything <'), { entries: [], problems: [] });
});
