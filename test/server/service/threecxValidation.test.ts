import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './helpers';
import { at3cx, lineOf, service3cx, TPL, withBody } from './threecxFixture';

const codes = (ds: { code?: unknown }[]) => ds.map((d) => d.code);

test('the example template is clean for the phone it serves', () => {
  const ls = service3cx();
  const { doc } = at3cx(TPL);
  assert.deepEqual(ls.doValidation(doc), []);
});

test('unclosed {IF}: an error on the tag, the end of the body as related information', () => {
  const ls = service3cx();
  const text = withBody('{IF ua=Yealink SIP-T57W}\nphone_setting.backlight_time = 0\n');
  const { doc } = at3cx(text);
  const d = ls.doValidation(doc).find((x) => x.code === 'threecx-unclosed-if')!;
  assert.ok(d, JSON.stringify(ls.doValidation(doc)));
  assert.equal(d.severity, 1);
  assert.equal(doc.getText(d.range), '{IF ua=Yealink SIP-T57W}');
  assert.ok(d.relatedInformation?.length);
});

test('stray {ENDIF} and {ELSE}, unknown ua and network mode', () => {
  const ls = service3cx();
  const { doc } = at3cx(withBody('{ENDIF}\n{IF ua=Yealink SIP-T75W}\nx.y = 1\n{ENDIF}\n{IF network=LAN}\n{ENDIF}\n'));
  const ds = ls.doValidation(doc);
  const stray = ds.find((x) => x.code === 'threecx-syntax')!;
  assert.match(stray.message, /\{ENDIF\} without an open \{IF\}/);
  const ua = ds.find((x) => x.code === 'threecx-unknown-ua')!;
  assert.deepEqual((ua.data as { suggestions: string[] }).suggestions[0], 'Yealink SIP-T57W');
  assert.ok(ds.some((x) => x.code === 'threecx-unknown-network'));
});

test('unknown variable: a warning on its name with a suggestion', () => {
  const ls = service3cx();
  const text = withBody('features.dnd.enable = %%extension_numbr%%\n');
  const { doc } = at3cx(text);
  const d = ls.doValidation(doc).find((x) => x.code === 'unknown-variable')!;
  assert.equal(doc.getText(d.range), 'extension_numbr');
  assert.equal(d.range.start.line, lineOf(text, '%%extension_numbr%%'));
  assert.deepEqual((d.data as { suggestions: string[] }).suggestions[0], 'extension_number');
});

test('vendor keys inside the body are checked through the catalog, located at the template line', () => {
  const ls = service3cx();
  const text = withBody('acount.1.label = %%extension_number%%\naccount.1.enable = maybe\n');
  const { doc } = at3cx(text);
  const ds = ls.doValidation(doc);
  const k = ds.find((x) => x.code === 'unknown-key')!;
  assert.ok(k, JSON.stringify(ds));
  assert.equal(doc.getText(k.range), 'acount.1.label');
  assert.equal(k.range.start.line, lineOf(text, 'acount.1.label'));
  assert.equal((k.data as { suggestions: string[] }).suggestions[0], 'account.1.label');
  const v = ds.find((x) => x.code === 'invalid-value')!;
  assert.equal(v.range.start.line, lineOf(text, 'account.1.enable = maybe'));
});

test('while a block is unclosed (lenient), the keys before it are still checked', () => {
  const ls = service3cx();
  const text = withBody('acount.1.label = x\n{IF blf1}\nlinekey.1.type = %%Type%%\n');
  const ds = ls.doValidation(at3cx(text).doc);
  assert.deepEqual(
    codes(ds)
      .filter((c) => c === 'unknown-key' || c === 'threecx-unclosed-if')
      .sort(),
    ['threecx-unclosed-if', 'unknown-key'],
  );
});

test('the envelope must be well-formed XML: a located error, nothing rendered', () => {
  const ls = service3cx();
  const text = TPL.replace('<version>1</version>', '<version>1</versoin>');
  const { doc } = at3cx(text);
  const r = ls.validate(doc);
  assert.deepEqual(codes(r.diagnostics), ['threecx-xml']);
  assert.equal(r.diagnostics[0].range.start.line, lineOf(text, '</versoin>'));
  assert.equal(r.rendered, 0);
});

test('representative phones: one per model and file, the selected phone first; all: every phone', () => {
  // Without Handlebars templates for Yealink, the 3CX template serves every Yealink phone it lists (T54W, T57W).
  const bench = `pbx: { host: p, port: 5060, transport: udp }\nphones:\n${Array.from(
    { length: 4 },
    (_, i) =>
      `  - { mac: "80:5E:0C:00:00:0${i}", vendor: yealink, model: ${i % 2 ? 'T57W' : 'T54W'}, name: p${i}, lines: [{ extension: "1${i}" }] }`,
  ).join('\n')}\n`;
  const ls2 = service3cx({ 'bench.yaml': bench });
  const { doc } = at3cx(TPL);
  assert.equal(ls2.validate(doc, { phones: 'representative' }).rendered, 2);
  const all = ls2.validate(doc, { phones: 'all' });
  assert.equal(all.rendered, 4);
  assert.equal(all.served, 4);
});

test('a document with the 3CX language id is validated whatever its name', () => {
  const ls = service3cx();
  const text = withBody('%%nope_var%%\n');
  const doc = TextDocument.create(`${ROOT}/templates/3cx/custom.xml`, 'provisioning-3cx', 1, text);
  assert.equal(ls.info(doc).kind, 'threecx');
  const ds = ls.doValidation(doc);
  assert.ok(
    ds.some((x) => x.code === 'unknown-variable'),
    JSON.stringify(ds),
  );
  const bad = TextDocument.create(`${ROOT}/templates/3cx/custom.xml`, 'provisioning-3cx', 2, withBody('acount.1.label = 1\n'));
  assert.ok(
    ls.doValidation(bad).some((x) => x.code === 'unknown-key'),
    'rendered for a bench phone one of its models matches',
  );
});
