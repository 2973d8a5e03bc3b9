// LSP round trip for 3CX templates (.ph.xml, language id provisioning-3cx) against the built bundle.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionTriggerKind,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { listPhonesRequest, renderRequest } from '../../../server/src/protocol';
import { BENCH_3CX, TPL, TPL_PATH, withBody } from '../service/threecxFixture';
import { EXAMPLE_ACCOUNT, EXAMPLE_MAC_CFG, ensureServerBuilt, startClient, writeWorkspace, type TestClient } from './helpers';

// Handlebars serves the other Yealink phones (it answers their routes); lab-t57w asks for the 3CX template.
const ws = writeWorkspace({
  'bench.yaml': BENCH_3CX,
  [TPL_PATH]: TPL,
  'templates/yealink/mac.cfg.hbs': EXAMPLE_MAC_CFG,
  'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
});
let client: TestClient;
const URI = ws.uri(TPL_PATH);

before(async () => {
  await ensureServerBuilt();
  client = await startClient(ws.uri(''), { selectedPhone: 'lab-t57w', validation: { delay: 0, fullDelay: 200 } });
});
after(async () => {
  await client?.dispose();
  ws.dispose();
});

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const highlighted = (text: string, d: Diagnostic) =>
  text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);

test('didOpen a .ph.xml: unclosed {IF}, unknown %%variable%% and misspelled key, each at its line', async () => {
  // The unclosed block is true for lab-t57w (a T57W), so the lines after it render and are key-checked.
  const text = withBody('{IF ua=Yealink SIP-T57W}\nfeatures.dnd.allow = %%extension_numbr%%\nacount.1.label = Lab\n');
  client.open(URI, 'provisioning-3cx', text, 1);
  const diags = await client.diagnostics(URI, 1);
  const unclosed = diags.find((d) => d.code === 'threecx-unclosed-if');
  const variable = diags.find((d) => d.code === 'unknown-variable');
  const key = diags.find((d) => d.code === 'unknown-key');
  assert.ok(unclosed && variable && key, JSON.stringify(diags));
  assert.equal(unclosed.range.start.line, lineOf(text, '{IF ua=Yealink SIP-T57W}\nfeatures'));
  assert.equal(highlighted(text, unclosed), '{IF ua=Yealink SIP-T57W}');
  assert.equal(variable.range.start.line, lineOf(text, '%%extension_numbr%%'));
  assert.equal(highlighted(text, variable), 'extension_numbr');
  assert.equal(key.range.start.line, lineOf(text, 'acount.1.label'));
  assert.equal(highlighted(text, key), 'acount.1.label');
  assert.equal(key.source, 'provisioning');
  const actions = await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: URI },
    range: key.range,
    context: { diagnostics: [key, variable] },
  });
  const titles = (actions ?? []).map((a) => a.title);
  assert.ok(titles.includes("Change to 'account.1.label'") && titles.includes("Change to 'extension_number'"), titles.join());
});

test('didChange: closing the block and fixing the names clears the diagnostics', async () => {
  client.change(URI, 2, [{ text: TPL }]);
  assert.deepEqual(await client.diagnostics(URI, 2), []);
});

test('completion after %% offers extension_number; hover shows the value for lab-t57w', async () => {
  const text = withBody('features.dnd.allow = %%\n');
  client.change(URI, 3, [{ text }]);
  const line = lineOf(text, 'features.dnd.allow = %%');
  const res = (await client.conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri: URI },
    position: { line, character: 'features.dnd.allow = %%'.length },
    context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: '%' },
  })) as CompletionList;
  const item = res.items.find((i) => i.label === 'extension_number');
  assert.ok(
    item,
    res.items
      .map((i) => i.label)
      .slice(0, 20)
      .join(),
  );
  assert.equal((item.textEdit as { newText: string }).newText, '%%extension_number%%');
  client.change(URI, 4, [{ text: TPL }]);
  const l2 = lineOf(TPL, 'account.1.user_name = %%extension_number%%');
  const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: l2, character: 26 } });
  assert.match((h?.contents as MarkupContent).value, /Value for \*\*lab-t57w\*\*: `107`/);
});

test('render returns the lab-t57w file (and the list of its files); listPhones the phones the template serves', async () => {
  const r = await client.conn.sendRequest(renderRequest, { uri: URI, version: 4, phone: 'lab-t57w' });
  assert.equal(r.version, 4);
  assert.equal(r.fileName, '805e0c575701.cfg');
  assert.deepEqual(r.files, [{ path: '805e0c575701.cfg', deviceconfig: 0, filename: '%%mac_address%%.cfg' }]);
  assert.deepEqual(r.errors, []);
  assert.match(r.text, /account\.1\.user_name = 107\n/);
  const byPath = await client.conn.sendRequest(renderRequest, { uri: URI, version: 4, phone: 'lab-t57w', path: '805e0c575701.cfg' });
  assert.equal(byPath.text, r.text);
  const phones = await client.conn.sendRequest(listPhonesRequest, { uri: URI });
  assert.deepEqual(
    phones.map((p) => p.name),
    ['lab-t57w'],
  );
});

test('symbols and folding', async () => {
  const syms = await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } });
  assert.deepEqual(
    (syms ?? []).map((s) => s.name),
    ['header', 'blftype', '%%mac_address%%.cfg'],
  );
  const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
  assert.ok(folds && folds.some((f) => f.startLine === lineOf(TPL, '{IF blf1}')));
  assert.ok(!client.exited());
});
