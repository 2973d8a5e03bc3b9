// Preview text: the rendered file unchanged, or with a comment header for render errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commentLines, failureText, previewText } from '../../../client/src/preview/format';
import type { RenderResultMessage } from '../../../server/src/protocol';

const result = (over: Partial<RenderResultMessage>): RenderResultMessage => ({
  uri: 'file:///w/templates/yealink/mac.cfg.hbs',
  version: 3,
  phone: { name: 'alice-t46s', mac: '001565f429a4', vendor: 'yealink', model: 'T46S' },
  fileName: '001565f429a4.cfg',
  text: '#!version:1.0.0.1\naccount.1.enable = 1\n',
  errors: [],
  contentType: 'text/plain',
  escape: 'none',
  ...over,
});

test('a clean render is shown exactly as the phone gets it', () => {
  assert.equal(previewText(result({})), '#!version:1.0.0.1\naccount.1.enable = 1\n');
});

test('render errors become a # header for key = value files', () => {
  const t = previewText(result({ text: '', errors: ['templates/yealink/mac.cfg.hbs:2:28: unexpected }'] }));
  assert.equal(
    t,
    '# Provisioning Studio: render failed for alice-t46s (T46S)\n# templates/yealink/mac.cfg.hbs:2:28: unexpected }\n# Nothing would be served.\n',
  );
});

test('render errors become an XML comment for XML files, without "--" inside', () => {
  const t = previewText(result({ fileName: 'phone.xml', text: '<a/>\n', errors: ['bad -- thing'] }));
  assert.match(t, /^<!--\n {2}Provisioning Studio: rendered with errors for alice-t46s \(T46S\)\n {2}bad - - thing\n/);
  assert.ok(t.endsWith('-->\n<a/>\n'));
  assert.equal((t.match(/--/g) ?? []).length, 2, 'only the comment delimiters contain --');
});

test('multi-line errors and failures', () => {
  assert.equal(commentLines('x.cfg', ['a', 'b']), '# a\n# b\n');
  assert.match(
    failureText('x.boot', 'p1', 'server not running'),
    /^# Provisioning Studio: could not render for p1\n# server not running\n$/,
  );
});
