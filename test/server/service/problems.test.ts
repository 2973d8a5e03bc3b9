// The linter controls in the language service: the provisioningStudio.problems setting over the bench
// file's `problems:` section, suppression comments (Handlebars and 3CX), unknown codes reported where
// they are written, and every diagnostic's code linking to its section of docs/problems.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { docOf, EXAMPLE_BENCH, EXAMPLE_MAC_CFG, service } from './helpers';
import { at3cx, service3cx, withBody } from './threecxFixture';

const TYPO = 'acount.1.label = x\n';
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const one = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

test('setting: changes a severity, off removes; applied over the bench section', () => {
  const ls = service({ 'bench.yaml': `problems: { unknown-key: error, object-output: off }\n${EXAMPLE_BENCH}` });
  const doc = docOf(EXAMPLE_MAC_CFG + TYPO + 'account.2.label = {{phone}}\n');
  let ds = ls.doValidation(doc);
  assert.equal(one(ds, 'unknown-key')[0].severity, DiagnosticSeverity.Error, 'the bench section');
  assert.equal(one(ds, 'object-output').length, 0, 'off in the bench');
  ls.configure({ problems: { 'unknown-key': 'hint', 'object-output': 'warning' } });
  ds = ls.doValidation(doc);
  assert.equal(one(ds, 'unknown-key')[0].severity, DiagnosticSeverity.Hint, 'the setting wins');
  assert.equal(one(ds, 'object-output')[0]?.severity, DiagnosticSeverity.Warning, 'the setting brings back what the bench turned off');
  ls.configure({ problems: { 'unknown-key': 'off' } });
  assert.ok(!codes(ls.doValidation(doc)).includes('unknown-key'));
  ls.configure({ problems: {} });
  assert.equal(one(ls.doValidation(doc), 'unknown-key')[0].severity, DiagnosticSeverity.Error);
});

test('bench file: an unknown code in problems: is a located warning; a bad level is a bench-enum error', () => {
  const text = `problems:\n  unknown-kye: off\n  duplicate-key: loud\n${EXAMPLE_BENCH}`;
  const ls = service({ 'bench.yaml': text });
  const doc = docOf(text, 'bench.yaml');
  const ds = ls.doValidation(doc);
  const [u] = one(ds, 'unknown-problem-code');
  assert.equal(doc.getText(u.range), 'unknown-kye');
  assert.equal(u.severity, DiagnosticSeverity.Warning);
  assert.deepEqual((u.data as { suggestions: string[] }).suggestions[0], 'unknown-key');
  const [e] = one(ds, 'bench-enum');
  assert.equal(doc.getText(e.range), 'loud');
});

test('suppression: next-line (one code, several codes, all), disable-line, only on that line', () => {
  const ls = service();
  const body =
    [
      '{{!-- provisioning-disable-next-line unknown-key --}}',
      TYPO.trim(),
      'acount.2.label = y',
      '{{! provisioning-disable-next-line duplicate-key, unknown-path }}',
      'account.3.label = {{phone.nmae}}',
      '{{!-- provisioning-disable-next-line --}}',
      'acount.4.label = {{phone.nmae}}',
      'acount.5.label = {{phone.nmae}} {{! provisioning-disable-line unknown-key }}',
    ].join('\n') + '\n';
  const doc = docOf(EXAMPLE_MAC_CFG + body);
  const base = EXAMPLE_MAC_CFG.split('\n').length - 1;
  const ds = ls.doValidation(doc);
  const lines = (code: string) =>
    one(ds, code)
      .map((d) => d.range.start.line - base)
      .sort();
  assert.deepEqual(lines('unknown-key'), [2], 'line 1 suppressed, 2 not, 6 by all, 7 by disable-line');
  assert.deepEqual(lines('unknown-path'), [7], 'line 4 suppressed by the list, 6 by all; 7 only unknown-key was');
  assert.deepEqual(
    codes(ds).filter((c) => c === 'unknown-problem-code'),
    [],
  );
});

test('suppression: an unknown code in the comment is a warning on the code; the known ones still apply', () => {
  const ls = service();
  const doc = docOf(`${EXAMPLE_MAC_CFG}{{!-- provisioning-disable-next-line unknown-kye unknown-key --}}\n${TYPO}`);
  const ds = ls.doValidation(doc);
  const [u] = one(ds, 'unknown-problem-code');
  assert.ok(u, codes(ds).join());
  assert.equal(doc.getText(u.range), 'unknown-kye');
  assert.equal(u.severity, DiagnosticSeverity.Warning);
  assert.match(u.message, /did you mean 'unknown-key'/);
  assert.equal(one(ds, 'unknown-key').length, 0);
});

test('suppression in a partial: the comment is in the file the problem is located in', () => {
  const partial = 'templates/yealink/partials/typo.cfg.hbs';
  const ls = service({ [partial]: 'acount.9.label = x\n' });
  const doc = docOf(`${EXAMPLE_MAC_CFG}{{> typo}}\n`);
  assert.equal(one(ls.doValidation(doc), 'unknown-key').length, 1, 'shown at the call');
  const ls2 = service({ [partial]: '{{!-- provisioning-disable-next-line unknown-key --}}\nacount.9.label = x\n' });
  assert.equal(one(ls2.doValidation(doc), 'unknown-key').length, 0, 'suppressed in the partial');
  const ls3 = service({ [partial]: 'acount.9.label = x\n' });
  const doc3 = docOf(`${EXAMPLE_MAC_CFG}{{!-- provisioning-disable-next-line unknown-key --}}\n{{> typo}}\n`);
  assert.equal(one(ls3.doValidation(doc3), 'unknown-key').length, 1, 'a comment at the call does not suppress a problem in the partial');
});

test('3CX: an XML comment suppresses the next line; the setting applies too', () => {
  const ls = service3cx();
  const plain = at3cx(withBody('phone_setting.ring_type = %%no_such_var%%\n')).doc;
  assert.equal(one(ls.doValidation(plain), 'unknown-variable').length, 1);
  const body = '<!-- provisioning-disable-next-line unknown-variable -->\nphone_setting.ring_type = %%no_such_var%%\n';
  const quiet = at3cx(withBody(body), undefined, 2).doc;
  const ds = ls.doValidation(quiet);
  assert.equal(one(ds, 'unknown-variable').length, 0);
  assert.deepEqual(one(ds, 'malformed-line'), [], 'the comment line in the key = value body is not itself reported');
  assert.equal(one(ds, 'unknown-key').length, 0, JSON.stringify(ds.map((d) => d.code)));
  ls.configure({ problems: { 'unknown-variable': 'error' } });
  assert.equal(one(ls.doValidation(plain), 'unknown-variable')[0].severity, DiagnosticSeverity.Error);
});

test("codeDescription: a file: link to the code's section of docs/problems.md, which exists", () => {
  const ls = service();
  const [d] = one(ls.doValidation(docOf(EXAMPLE_MAC_CFG + TYPO)), 'unknown-key');
  const href = d.codeDescription?.href ?? '';
  assert.match(href, /^file:\/\/.*\/docs\/problems\.md#unknown-key$/);
  const file = fileURLToPath(href.replace(/#.*$/, ''));
  assert.ok(existsSync(file), file);
  assert.match(readFileSync(file, 'utf8'), /^### unknown-key$/m);
});
