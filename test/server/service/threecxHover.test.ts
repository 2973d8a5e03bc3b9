import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { at3cx, service3cx, withBody } from './threecxFixture';

const ls = service3cx();
const hover = (src: string) => {
  const { doc, pos } = at3cx(src);
  try {
    const h = ls.doHover(doc, pos);
    return h ? { value: (h.contents as MarkupContent).value, text: doc.getText(h.range!) } : undefined;
  } finally {
    ls.closeDocument(doc.uri);
  }
};

test('a variable: description, bench source and the value for the selected phone', () => {
  const h = hover(withBody('x.y = %%extens‸ion_number%%\n'))!;
  assert.equal(h.text, '%%extension_number%%');
  assert.match(h.value, /Extension number of the phone's first line/);
  assert.match(h.value, /lines\[0\]\.extension/);
  assert.match(h.value, /Value for \*\*lab-t57w\*\*: `107`/);
});

test('an option variable shows the option the phone selects; param:: its bench value', () => {
  assert.match(hover(withBody('x = %%lang‸uage%%\n'))!.value, /Value for \*\*lab-t57w\*\*: `French`/);
  assert.match(hover(withBody('x = %%param::pick‸up%%\n'))!.value, /`\*20\*`/);
  assert.match(hover(withBody('x = %%PROVLINK.HO‸ST%%\n'))!.value, /Host of the provisioning URL/);
});

test('passwords are masked; unknown variables say so', () => {
  const pw = hover(withBody('x = %%extension_auth‸_pw%%\n'))!.value;
  assert.doesNotMatch(pw, /t57-secret/);
  assert.match(pw, /••••••/);
  assert.match(hover(withBody('x = %%nope‸_var%%\n'))!.value, /Not a documented 3CX variable/);
});

test("per-key variables inside {IF blfN} show key N's value", () => {
  const h = hover(withBody('{IF blf2}\nlinekey.2.type = %%Ty‸pe%%\n{ENDIF}\n'))!.value;
  assert.match(h, /key 2/);
  assert.match(h, /Value for \*\*lab-t57w\*\*: `13`/, 'key 2 is a speed dial: <speeddial><Type>13');
  assert.match(hover(withBody('{IF blf1}\nlinekey.1.label = %%lab‸el%%\n{ENDIF}\n'))!.value, /`Reception`/);
});

test('an {IF} line: what it tests and whether it holds for the phone', () => {
  const ua = hover(withBody('{IF ua=Yealink SIP-T5‸7W}\n{ENDIF}\n'))!.value;
  assert.match(ua, /For \*\*lab-t57w\*\*.*Yealink SIP-T57W.*\*\*true\*\*/);
  assert.match(hover(withBody('{IF network=S‸BC}\n{ENDIF}\n'))!.value, /LOCALLAN.*\*\*false\*\*/);
});

test('a vendor key shows its catalog entry', () => {
  const h = hover(withBody('account.1.ena‸ble = 1\n'))!;
  assert.equal(h.text, 'account.1.enable');
  assert.match(h.value, /\*\*account\.1\.enable\*\* — `bool/);
  assert.match(hover(withBody('linekey.%%blfno%%.ty‸pe = 16\n'))!.value, /linekey/);
});

test('no hover in header text', () => {
  assert.equal(hover(withBody('', '').replace('<type>phone-template</type>', '<type>phone-temp‸late</type>')), undefined);
});
