import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at3cx, service3cx, TPL, TPL_PATH, TPL_TWO_FILES, withBody } from './threecxFixture';

test("render: the phone's file from the unsaved buffer, with its list of files", () => {
  const ls = service3cx();
  const { doc } = at3cx(TPL.replace('## 3CX template', '## unsaved 3CX template'), TPL_PATH, 4);
  const r = ls.render(doc, { uri: doc.uri, version: 4, phone: 'lab-t57w' });
  assert.equal(r.version, 4);
  assert.equal(r.fileName, '805e0c575701.cfg');
  assert.deepEqual(r.files, [{ path: '805e0c575701.cfg', deviceconfig: 0, filename: '%%mac_address%%.cfg' }]);
  assert.deepEqual(r.errors, []);
  assert.match(r.text, /^#!version:1\.0\.0\.1\n## unsaved 3CX template/);
  assert.match(r.text, /account\.1\.user_name = 107\n/);
  assert.match(r.text, /lang\.gui = French\n/);
  assert.match(r.text, /linekey\.2\.type = 13\n/);
  assert.equal(r.escape, 'none');
});

test('render a multi-file template per file: by path, by deviceconfig, default the first', () => {
  const ls = service3cx({ [TPL_PATH]: TPL_TWO_FILES });
  const { doc } = at3cx(TPL_TWO_FILES);
  const first = ls.render(doc, { uri: doc.uri, version: 1, phone: 'lab-t57w' });
  assert.deepEqual(
    first.files!.map((f) => f.path),
    ['805e0c575701.boot', '805e0c575701.cfg'],
  );
  assert.equal(first.fileName, '805e0c575701.boot');
  assert.match(first.text, /include:config "http:\/\/127\.0\.0\.1:8080\/805e0c575701\.cfg"/);
  const byPath = ls.render(doc, { uri: doc.uri, version: 1, phone: 'lab-t57w', path: '/805e0c575701.cfg' });
  assert.equal(byPath.fileName, '805e0c575701.cfg');
  assert.equal(byPath.deviceconfig, 1);
  assert.match(byPath.text, /account\.1\.user_name = 107/);
  const byIndex = ls.render(doc, { uri: doc.uri, version: 1, phone: 'lab-t57w', deviceconfig: 1 });
  assert.equal(byIndex.fileName, '805e0c575701.cfg');
  const missing = ls.render(doc, { uri: doc.uri, version: 1, phone: 'lab-t57w', path: 'nope.cfg' });
  assert.equal(missing.fileName, '805e0c575701.boot');
  assert.match(missing.errors[0], /no file 'nope\.cfg'/);
});

test('render errors: an unclosed {IF} fails the preview with the template line; unknown phone', () => {
  const ls = service3cx();
  const { doc } = at3cx(withBody('{IF blf1}\nx = 1\n'));
  const r = ls.render(doc, { uri: doc.uri, version: 1, phone: 'lab-t57w' });
  assert.equal(r.text, '');
  assert.match(r.errors.join('\n'), /yealink-t5x\.ph\.xml:\d+: '\{IF blf1\}' is never closed/);
  const xml = ls.render(at3cx(TPL.replace('</header>', '</headr>')).doc, { uri: doc.uri, version: 1, phone: 'lab-t57w' });
  assert.match(xml.errors[0], /yealink-t5x\.ph\.xml:\d+:\d+: the template envelope is not well-formed XML/);
  const nophone = ls.render(doc, { uri: doc.uri, version: 1, phone: 'nobody' });
  assert.match(nophone.errors[0], /no bench phone 'nobody'/);
});

test('a phone the template does not serve is rendered as its model would be', () => {
  const ls = service3cx();
  const { doc } = at3cx(TPL);
  const r = ls.render(doc, { uri: doc.uri, version: 1, phone: 'reception' });
  assert.equal(r.fileName, '805e0c112233.cfg');
  assert.match(r.text, /account\.1\.user_name = 100/);
});

test('listPhones with a .ph.xml uri: the phones the template serves', () => {
  const ls = service3cx();
  const { doc } = at3cx(TPL);
  ls.doValidation(doc);
  assert.deepEqual(
    ls.listPhones({ uri: doc.uri }).map((p) => p.name),
    ['lab-t57w'],
  );
});
