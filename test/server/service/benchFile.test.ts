// A bench file other than bench.yaml (provisioningStudio.benchFile): the language service treats that
// document as the bench (validation, unsaved edits feed templates), data paths go to it, and
// setBenchFile() re-creates the workspace model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MemoryFiles } from '../../../server/src/core/files';
import { createLanguageService } from '../../../server/src/service/languageService';
import { at, EXAMPLE_ACCOUNT, EXAMPLE_BENCH, EXAMPLE_MAC_CFG, ROOT } from './helpers';

const ALT = EXAMPLE_BENCH.replace('name: reception', 'name: lab-reception').replace('name: alice', 'name: lab-alice');
const files = () =>
  new MemoryFiles(
    new Map(
      Object.entries({
        'bench.yaml': EXAMPLE_BENCH,
        'lab/alt bench.yaml': ALT,
        'templates/yealink/mac.cfg.hbs': EXAMPLE_MAC_CFG,
        'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
      }),
    ),
  );
const ALT_URI = `${ROOT}/lab/alt%20bench.yaml`;

test('the configured bench file is the bench: kind, phones, validation; bench.yaml is an ordinary file', () => {
  const ls = createLanguageService(ROOT, files(), { benchFile: 'lab/alt bench.yaml' });
  assert.equal(ls.info(ALT_URI).kind, 'bench');
  assert.equal(ls.info(`${ROOT}/bench.yaml`).kind, 'other');
  assert.deepEqual(
    ls.listPhones({}).map((p) => p.name),
    ['lab-reception', 'lab-alice'],
  );

  const broken = TextDocument.create(ALT_URI, 'yaml', 1, ALT.replace('transport: udp', 'transport: udpp'));
  const d = ls.doValidation(broken);
  assert.ok(
    d.some((x) => x.code === 'bench-enum'),
    JSON.stringify(d),
  );
  assert.deepEqual(
    ls.doValidation(TextDocument.create(`${ROOT}/bench.yaml`, 'yaml', 1, 'phones: [oops')),
    [],
    'bench.yaml is not validated',
  );
  // an unsaved edit of the bench file feeds the templates (a new phone name)
  ls.validate(TextDocument.create(ALT_URI, 'yaml', 2, ALT.replace('name: lab-alice', 'name: lab-alice-2')));
  assert.deepEqual(
    ls.listPhones({}).map((p) => p.name),
    ['lab-reception', 'lab-alice-2'],
  );
});

test('go to definition of a data path opens the configured bench file', () => {
  const ls = createLanguageService(ROOT, files(), { benchFile: 'lab/alt bench.yaml' });
  const { doc, pos } = at('{{phone.na|me}}');
  const d = ls.findDefinition(doc, pos)!;
  assert.equal(d.uri, ALT_URI);
  assert.equal(
    d.range.start.line,
    ALT.split('\n').findIndex((l) => l.includes('name: lab-reception')),
  );
});

test('setBenchFile re-creates the workspace model (phones, diagnostics of templates); false when unchanged', () => {
  const ls = createLanguageService(ROOT, files());
  const mac = TextDocument.create(`${ROOT}/templates/yealink/mac.cfg.hbs`, 'provisioning-cfg-hbs', 1, EXAMPLE_MAC_CFG);
  assert.deepEqual(
    ls.listPhones({ uri: mac.uri }).map((p) => p.name),
    ['reception', 'alice'],
  );
  assert.equal(ls.setBenchFile('bench.yaml'), false);
  assert.equal(ls.setBenchFile('./lab/alt bench.yaml'), true);
  assert.equal(ls.context.benchFile, 'lab/alt bench.yaml');
  assert.deepEqual(
    ls.listPhones({ uri: mac.uri }).map((p) => p.name),
    ['lab-reception', 'lab-alice'],
  );
  const r = ls.render(mac, { uri: mac.uri, version: 1, phone: 'lab-alice' });
  assert.deepEqual(r.errors, []);
  assert.match(r.text, /^## lab-alice$/m);
  assert.equal(ls.setBenchFile(undefined), true);
  assert.deepEqual(
    ls.listPhones({}).map((p) => p.name),
    ['reception', 'alice'],
  );
});
