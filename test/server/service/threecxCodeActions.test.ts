import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at3cx, service3cx, withBody } from './threecxFixture';

const fixes = (src: string, code: string) => {
  const ls = service3cx();
  const { doc } = at3cx(src);
  const ds = ls.doValidation(doc);
  const d = ds.find((x) => x.code === code);
  assert.ok(d, `${code} in ${JSON.stringify(ds)}`);
  const actions = ls.getCodeActions(doc, d.range, [d]);
  return actions.map((a) => {
    const [edit] = a.edit!.changes![doc.uri];
    return { title: a.title, preferred: a.isPreferred, edited: doc.getText(edit.range), newText: edit.newText };
  });
};

test('unknown variable: change the name between the %%', () => {
  const [f] = fixes(withBody('x.y = %%extension_numbr%%\n'), 'unknown-variable');
  assert.deepEqual(f, { title: "Change to 'extension_number'", preferred: true, edited: 'extension_numbr', newText: 'extension_number' });
});

test('unknown variable in a condition and unknown ua: only the word in the {IF} tag changes', () => {
  const [v] = fixes(withBody('{IF langauge=French}\n{ENDIF}\n'), 'unknown-variable');
  assert.equal(v.edited, 'langauge');
  assert.equal(v.newText, 'language');
  const [u] = fixes(withBody('{IF ua=Yealink SIP-T57W,Yealink SIP-T75W}\n{ENDIF}\n'), 'threecx-unknown-ua');
  assert.equal(u.edited, 'Yealink SIP-T75W');
  assert.equal(u.newText, 'Yealink SIP-T57W');
});

test('misspelled vendor key: the fix edits around %%…%% references', () => {
  const [k] = fixes(withBody('acount.1.label = 1\n'), 'unknown-key');
  assert.deepEqual([k.edited, k.newText], ['acount.1.label', 'account.1.label']);
  const withRef = fixes(withBody('{IF blf1}\nlinkey.%%Line%%.label = %%label%%\n{ENDIF}\n'), 'unknown-key');
  assert.ok(withRef.length, 'a fix around the reference');
  assert.deepEqual([withRef[0].edited, withRef[0].newText], ['linkey.%%Line%%.label', 'linekey.%%Line%%.label']);
  // No safe fix when the change falls inside what a reference rendered (%%blfno%% is 100: 'linekey.100.lable').
  assert.deepEqual(
    fixes(withBody('{IF blf1}\nlinekey.%%blfno%%.lable = 1\n{ENDIF}\n'), 'unknown-key').filter((f) => f.newText.includes('100')),
    [],
  );
});
