import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at3cx, service3cx, withBody } from './threecxFixture';

const ls = service3cx();
const complete = (src: string) => {
  const { doc, pos } = at3cx(src);
  try {
    return ls.doComplete(doc, pos).items;
  } finally {
    ls.closeDocument(doc.uri);
  }
};
const labels = (src: string) => complete(src).map((i) => i.label);
const has = (xs: string[], ...want: string[]) => {
  for (const w of want) assert.ok(xs.includes(w), `expected ${w} in ${xs.slice(0, 60).join(' ')}`);
};
const hasNot = (xs: string[], ...bad: string[]) => {
  for (const b of bad) assert.ok(!xs.includes(b), `unexpected ${b}`);
};

test("%% offers the 3CX variables, the template's option variables and param:: names", () => {
  const l = labels(withBody('x.y = %%‸\n'));
  has(
    l,
    'extension_number',
    'extension_auth_pw',
    'mac_address',
    'pbx_ip',
    'PROVLINK',
    'PROVLINK.HOST',
    'PROVLINK.PORT',
    'PROVLINK.PATH',
    'PROVLINK.PROTOCOL',
    'language',
    'backlighttime',
    'timezonename',
    'param::sipport',
    'param::time_timezone_yealink',
    'blfN',
  );
  hasNot(l, 'Type', 'Value', 'blfno');
});

test('a variable item carries its description and value, and closes the reference', () => {
  const items = complete(withBody('x.y = %%ext‸\n'));
  const i = items.find((x) => x.label === 'extension_number')!;
  assert.match(String((i.documentation as { value: string }).value), /Extension number/);
  assert.match(String((i.documentation as { value: string }).value), /lab-t57w.*107/);
  assert.equal((i.textEdit as { newText: string }).newText, '%%extension_number%%');
  assert.equal(i.filterText, '%%extension_number');
  // Inside an existing reference the item replaces it without adding another %%.
  const j = complete(withBody('x.y = %%ext‸ension_numbr%% z\n')).find((x) => x.label === 'extension_number')!;
  assert.equal((j.textEdit as { newText: string }).newText, '%%extension_number%%');
  const r = (j.textEdit as { range: { start: { character: number }; end: { character: number } } }).range;
  assert.equal(r.end.character - r.start.character, '%%extension_numbr%%'.length);
  // A password's value is masked.
  const pw = complete(withBody('x.y = %%‸\n')).find((x) => x.label === 'extension_auth_pw')!;
  assert.doesNotMatch(String((pw.documentation as { value: string }).value), /t57-secret/);
});

test('a lone % after a space starts a variable; 50% does not', () => {
  has(labels(withBody('x.y = %‸\n')), 'extension_number');
  assert.deepEqual(
    labels(withBody('x.y = 50%‸\n')).filter((l) => l === 'extension_number'),
    [],
  );
});

test('inside {IF blfN} the per-key variables come first; in its ELSE they are not offered', () => {
  const items = complete(withBody('{IF blf4}\nlinekey.4.value = %%‸\n{ENDIF}\n'));
  const l = items.map((i) => i.label);
  has(l, 'Type', 'Value', 'label', 'Line', 'blfno', 'blffirstname', 'extension_number');
  assert.ok(items.find((i) => i.label === 'Type')!.sortText! < items.find((i) => i.label === 'extension_number')!.sortText!);
  hasNot(labels(withBody('{IF blf4}\n{ELSE}\nx = %%‸\n{ENDIF}\n')), 'Type');
  has(labels(withBody('{IF blf1}\n{IF ua=Yealink SIP-T57W}\nx = %%‸\n{ENDIF}\n{ENDIF}\n')), 'Type');
});

test('%% inside a <blftype> field offers the per-key variables', () => {
  has(labels(withBody('', '').replace('<Value>%%blfno%%</Value>', '<Value>%%blf‸</Value>')), 'blfno', 'blffirstname');
});

test('{ at line start: {IF …} snippets, and {ELSE}/{ENDIF} when a block is open', () => {
  const l = labels(withBody('{‸\n'));
  has(l, '{IF ua=…}', '{IF network=…}', '{IF blfN}');
  hasNot(l, '{ENDIF}', '{ELSE}');
  has(labels(withBody('{IF network=SBC}\nx = 1\n{‸\n')), '{ELSE}', '{ENDIF}');
  const ua = complete(withBody('{‸\n')).find((i) => i.label === '{IF ua=…}')!;
  assert.match(
    (ua.textEdit as { newText: string }).newText,
    /^\{IF ua=\$\{1\|Yealink SIP-T53W,Yealink SIP-T54W,Yealink SIP-T57W,Yealink SIP-T58\|\}\}\n\$0\n\{ENDIF\}$/,
  );
  const blf = complete(withBody('{‸\n')).find((i) => i.label === '{IF blfN}')!;
  assert.match((blf.textEdit as { newText: string }).newText, /blf\$\{1:11\}/, 'the next key after the last {IF blfN}');
});

test("{IF : ua=, network=, blfN and variables; then the template's ua strings, network modes, option values", () => {
  has(labels(withBody('{IF ‸\n')), 'ua=', 'network=', 'blfN', 'language');
  has(labels(withBody('{IF ua=‸\n')), 'Yealink SIP-T53W', 'Yealink SIP-T57W', 'Yealink SIP-T58');
  const next = labels(withBody('{IF ua=Yealink SIP-T57W,‸\n'));
  has(next, 'Yealink SIP-T58');
  hasNot(next, 'Yealink SIP-T57W');
  assert.deepEqual(labels(withBody('{IF network=‸\n')), ['LOCALLAN', 'REMOTESTUN', 'SBC']);
  assert.deepEqual(labels(withBody('{IF language=‸\n')), ['English', 'French', 'German']);
});

test('vendor keys at line start and values after key = (Yealink, from the deviceconfig file name)', () => {
  has(labels(withBody('account.1.‸\n')), 'auth_name', 'password', 'label', 'sip_server.');
  has(labels(withBody('acc‸\n')), 'account.');
  has(labels(withBody('account.1.enable = ‸\n')), '1', '0');
  has(labels(withBody('linekey.%%blfno%%.‸\n')), 'type', 'value', 'label');
  assert.deepEqual(labels(withBody('## comment ‸\n')), []);
});

test('nothing in the header outside element text', () => {
  assert.deepEqual(labels(withBody('', '').replace('<type>phone-template</type>', '<type ‸>phone-template</type>')), []);
});
