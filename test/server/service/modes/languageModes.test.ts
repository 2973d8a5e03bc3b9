import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { THREECX_LANGUAGE_ID } from '../../../../server/src/service/context';
import { ROOT, docOf, service } from '../helpers';

const doc = (path: string, languageId: string, text = '') => TextDocument.create(`${ROOT}/${path}`, languageId, 1, text);

test('the mode follows the document kind: 3CX by name or by language id, Handlebars for .hbs, neither for the bench', () => {
  const ls = service();
  assert.equal(ls.modeFor(doc('templates/3cx/yealink.ph.xml', 'xml')).id, '3cx');
  assert.equal(ls.modeFor(doc('templates/3cx/fxs.fxs.xml', 'xml')).id, '3cx');
  assert.equal(ls.modeFor(doc('templates/3cx/renamed.xml', THREECX_LANGUAGE_ID)).id, '3cx');
  assert.equal(ls.modeFor(docOf('')).id, 'handlebars');
  assert.equal(ls.modeFor(doc('templates/yealink/partials/account.cfg.hbs', 'provisioning-cfg-hbs')).id, 'handlebars');
  const bench = ls.modeFor(docOf('', 'bench.yaml'));
  assert.equal(bench.id, 'bench');
  assert.equal(bench.dialect, undefined);
  assert.equal(bench.doComplete, undefined);
  assert.equal(ls.modeFor(doc('notes/readme.cfg', 'properties')).id, 'plain');
  // the same .xml under another language id is no 3CX template
  assert.equal(ls.modeFor(doc('templates/3cx/other.xml', 'xml')).id, 'plain');
  // modes carry their core dialect
  assert.equal(ls.modeFor(docOf('')).dialect?.id, 'handlebars');
  assert.equal(ls.modeFor(doc('templates/3cx/yealink.ph.xml', 'xml')).dialect?.id, '3cx');
});

test('the mode is chosen once per document: later calls do not look at the document again', () => {
  const ls = service();
  let looks = 0;
  const info = ls.context.info.bind(ls.context);
  ls.context.info = (d) => {
    looks++;
    return info(d);
  };
  const d = docOf('');
  const first = ls.modeFor(d);
  assert.equal(looks, 1);
  for (let i = 0; i < 5; i++) assert.equal(ls.modeFor(d), first);
  assert.equal(ls.modeFor(d.uri), first);
  assert.equal(looks, 1);
  // closing forgets the choice; the next sight chooses again
  ls.closeDocument(d.uri);
  ls.modeFor(d);
  assert.equal(looks, 2);
});

test('a document reopened under the 3CX language id gets the 3CX mode; closing it gives the name back its say', () => {
  const ls = service();
  const path = 'templates/3cx/phone.xml';
  assert.equal(ls.modeFor(doc(path, 'xml')).id, 'plain');
  assert.equal(ls.modeFor(doc(path, THREECX_LANGUAGE_ID)).id, '3cx');
  assert.equal(ls.modeFor(`${ROOT}/${path}`).id, '3cx');
  ls.closeDocument(`${ROOT}/${path}`);
  assert.equal(ls.modeFor(`${ROOT}/${path}`).id, 'plain');
});

test('choosing another bench file re-chooses: the old bench becomes a plain document, the new one the bench', () => {
  const ls = service({ 'lab/phones.yaml': 'phones: []\n' });
  const oldBench = docOf('', 'bench.yaml');
  const newBench = doc('lab/phones.yaml', 'yaml');
  assert.equal(ls.modeFor(oldBench).id, 'bench');
  assert.equal(ls.modeFor(newBench).id, 'plain');
  assert.equal(ls.setBenchFile('lab/phones.yaml'), true);
  assert.equal(ls.modeFor(oldBench).id, 'plain');
  assert.equal(ls.modeFor(newBench).id, 'bench');
});

test('features a mode lacks answer empty; rendering a non-template says so', () => {
  const ls = service();
  const plain = doc('notes/readme.cfg', 'properties', 'a = b\n');
  const at = { line: 0, character: 1 };
  assert.deepEqual(ls.doComplete(plain, at), { isIncomplete: false, items: [] });
  assert.equal(ls.doHover(plain, at), null);
  assert.deepEqual(ls.doValidation(plain), []);
  const x = doc('templates/3cx/yealink.ph.xml', 'xml', '<doc/>');
  assert.equal(ls.findDefinition(x, at), null);
  assert.deepEqual(ls.findReferences(x, at), []);
  const r = ls.render(undefined, { uri: `${ROOT}/bench.yaml`, version: 3, phone: 'nobody' });
  assert.equal(r.text, '');
  assert.equal(r.version, 3);
  assert.match(r.errors[0], /bench\.yaml is not a template/);
});
