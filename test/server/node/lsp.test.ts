// LSP round trip against the built bundle (dist/server.js) over real JSON-RPC streams (child process stdio).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { listPhonesRequest, renderRequest } from '../../../server/src/protocol';
import {
  EXAMPLE_ACCOUNT,
  EXAMPLE_BENCH,
  EXAMPLE_MAC_CFG,
  ensureServerBuilt,
  startClient,
  writeWorkspace,
  type TestClient,
} from './helpers';

const ws = writeWorkspace({
  'bench.yaml': EXAMPLE_BENCH,
  'templates/yealink/mac.cfg.hbs': EXAMPLE_MAC_CFG,
  'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
});
let client: TestClient;
const MAC = ws.uri('templates/yealink/mac.cfg.hbs');
const ACCOUNT = ws.uri('templates/yealink/partials/account.cfg.hbs');
const BENCH = ws.uri('bench.yaml');

before(async () => {
  await ensureServerBuilt();
  client = await startClient(ws.uri(''));
});
after(async () => {
  await client?.dispose();
  ws.dispose();
});

const highlighted = (text: string, d: Diagnostic) => {
  const lines = text.split('\n');
  return d.range.start.line === d.range.end.line
    ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)
    : '(multi-line)';
};

test('didOpen: a misspelled Yealink key is a warning on the key, with a quick fix', async () => {
  const text = EXAMPLE_MAC_CFG + 'acount.1.label = x\n';
  client.open(MAC, 'provisioning-cfg-hbs', text, 1);
  const diags = await client.diagnostics(MAC, 1);
  const d = diags.find((x) => x.code === 'unknown-key');
  assert.ok(d, JSON.stringify(diags));
  assert.equal(d.severity, 2);
  assert.equal(d.source, 'provisioning');
  assert.equal(highlighted(text, d), 'acount.1.label');
  assert.ok(highlighted(text, d).startsWith('acount'));
  const actions = await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: MAC },
    range: d.range,
    context: { diagnostics: [d] },
  });
  const fix = actions?.find((a) => 'title' in a && a.title.includes('account.1.label'));
  assert.ok(fix && 'edit' in fix, JSON.stringify(actions));
  assert.deepEqual(fix.edit!.changes![MAC], [{ range: d.range, newText: 'account.1.label' }]);
});

test('didChange: diagnostics follow the buffer (version-checked) and clear when fixed', async () => {
  const text = EXAMPLE_MAC_CFG + 'account.1.label = x\n';
  client.change(MAC, 2, [{ text }]);
  const diags = await client.diagnostics(MAC, 2);
  assert.deepEqual(
    diags.filter((d) => d.code === 'unknown-key'),
    [],
  );
  // Incremental change: a syntax error with an exact position.
  client.change(MAC, 3, [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, text: '{{phone.model}' }]);
  const d3 = await client.diagnostics(MAC, 3);
  const syn = d3.find((d) => d.code === 'hbs-syntax');
  assert.ok(syn, JSON.stringify(d3));
  assert.equal(syn.range.start.line, 1);
  client.change(MAC, 4, [{ text: EXAMPLE_MAC_CFG }]);
  assert.deepEqual(await client.diagnostics(MAC, 4), []);
});

test('completion after account.1. offers auth_name, password, label', async () => {
  client.change(MAC, 5, [{ text: EXAMPLE_MAC_CFG + 'account.1.' }]);
  const lines = EXAMPLE_MAC_CFG.split('\n').length - 1;
  const res = (await client.conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri: MAC },
    position: { line: lines, character: 10 },
  })) as CompletionList;
  const labels = res.items.map((i) => i.label);
  for (const l of ['auth_name', 'password', 'label']) assert.ok(labels.includes(l), `${l} in ${labels.slice(0, 20)}`);
  // the list carries no documentation; completionItem/resolve gives the key's, for the item the editor shows
  const item = res.items.find((i) => i.label === 'auth_name')!;
  assert.equal(item.documentation, undefined);
  const resolved = (await client.conn.sendRequest(CompletionResolveRequest.type, item)) as CompletionItem;
  assert.equal(resolved.label, 'auth_name');
  assert.equal((resolved.documentation as MarkupContent).kind, 'markdown');
  assert.match((resolved.documentation as MarkupContent).value, /account\.N\.auth_name|authentication/i);
});

test('a client that accepts item defaults gets the shared edit range and insert format once per list', async () => {
  const capabilities = {
    textDocument: {
      publishDiagnostics: { versionSupport: true },
      // what vscode-languageclient 9 declares
      completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } },
    },
  };
  const c = await startClient(ws.uri(''), undefined, undefined, undefined, capabilities);
  try {
    c.open(MAC, 'provisioning-cfg-hbs', EXAMPLE_MAC_CFG + 'account.1.');
    const lines = EXAMPLE_MAC_CFG.split('\n').length - 1;
    const res = (await c.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri: MAC },
      position: { line: lines, character: 10 },
    })) as CompletionList;
    assert.deepEqual(res.itemDefaults?.editRange, { start: { line: lines, character: 10 }, end: { line: lines, character: 10 } });
    assert.equal(res.itemDefaults?.insertTextFormat, 2);
    const auth = res.items.find((i) => i.label === 'auth_name')!;
    assert.equal(auth.textEditText, 'auth_name = ');
    assert.equal(auth.textEdit, undefined);
    assert.ok(res.items.length > 100);
    // 69 KB with documentation, edit range and filter text on every item; the editor asks for one item's docs
    assert.ok(JSON.stringify(res).length < 40_000, `list of ${JSON.stringify(res).length} bytes`);
  } finally {
    await c.dispose();
  }
});

test('completion inside {{#each lines}} offers the line fields', async () => {
  const text = EXAMPLE_MAC_CFG + '{{#each lines}}\n{{\n{{/each}}\n';
  client.change(MAC, 6, [{ text }]);
  const line = EXAMPLE_MAC_CFG.split('\n').length;
  const res = (await client.conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri: MAC },
    position: { line, character: 2 },
  })) as CompletionList;
  const labels = res.items.map((i) => i.label);
  for (const l of ['extension', 'display_name', 'password', 'auth_id', 'label']) assert.ok(labels.includes(l), `${l} in ${labels}`);
  assert.ok(!labels.includes('pbx'), 'root fields are not the loop context');
});

test('hover on a key shows its type and description; on a data path its value for the phone', async () => {
  client.change(MAC, 7, [{ text: EXAMPLE_MAC_CFG }]);
  const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: MAC }, position: { line: 6, character: 3 } });
  const v = (h?.contents as MarkupContent).value;
  assert.match(v, /linekey\.\{linekey\}\.type|linekey/);
  assert.match(v, /`(enum|int|string)/);
  const h2 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri: MAC }, position: { line: 1, character: 12 } });
  const v2 = (h2?.contents as MarkupContent).value;
  assert.match(v2, /phone\.name/);
  assert.match(v2, /reception/);
});

test('definition: a partial goes to its file; a data path to the bench file', async () => {
  const def = await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: MAC }, position: { line: 3, character: 6 } });
  assert.equal((def as { uri: string }).uri, ACCOUNT);
  const def2 = await client.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: MAC }, position: { line: 1, character: 12 } });
  assert.equal((def2 as { uri: string }).uri, BENCH);
});

test('partial diagnostics: at the call site with related info, and on the open partial', async () => {
  client.open(ACCOUNT, 'provisioning-cfg-hbs', EXAMPLE_ACCOUNT.replace('.label =', '.lable ='), 1);
  const onPartial = await client.diagnostics(ACCOUNT, 1);
  const d = onPartial.find((x) => x.code === 'unknown-key');
  assert.ok(d, JSON.stringify(onPartial));
  assert.equal(d.range.start.line, 1);
  client.change(MAC, 8, [{ text: EXAMPLE_MAC_CFG + '\n' }]);
  const onTemplate = await client.diagnostics(MAC, 8);
  const t = onTemplate.find((x) => x.code === 'unknown-key');
  assert.ok(t, JSON.stringify(onTemplate));
  assert.equal(t.range.start.line, 3);
  assert.equal(t.relatedInformation?.[0].location.uri, ACCOUNT);
  // The fix edits the partial, around the {{index}} expression.
  const actions = await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: MAC },
    range: t.range,
    context: { diagnostics: [t] },
  });
  const fix = actions?.find((a) => 'edit' in a && a.edit?.changes?.[ACCOUNT]);
  assert.ok(fix && 'edit' in fix, JSON.stringify(actions));
  assert.equal(fix.edit!.changes![ACCOUNT][0].newText, 'account.{{index}}.label');
});

test('bench.yaml errors are published on the bench file', async () => {
  client.open(BENCH, 'yaml', EXAMPLE_BENCH.replace('transport: udp', 'transport: udpp'), 1);
  const d = await client.diagnostics(BENCH, 1);
  assert.ok(
    d.some((x) => x.code === 'bench-enum'),
    JSON.stringify(d),
  );
});

test('symbols, folding, render and listPhones', async () => {
  const syms = await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: MAC } });
  assert.ok(syms && syms.length >= 2);
  const folds = await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: MAC } });
  assert.ok(folds && folds.length >= 2);
  client.change(MAC, 9, [{ text: EXAMPLE_MAC_CFG.replace('## {{phone.name}}', '## unsaved {{phone.name}}') }]);
  const r = await client.conn.sendRequest(renderRequest, { uri: MAC, version: 9, phone: 'reception' });
  assert.equal(r.version, 9);
  assert.equal(r.fileName, '805e0c112233.cfg');
  assert.match(r.text, /^#!version:1\.0\.0\.1\n## unsaved reception\n/);
  assert.deepEqual(r.errors, []);
  const phones = await client.conn.sendRequest(listPhonesRequest, { uri: MAC });
  assert.deepEqual(
    phones.map((p) => p.name),
    ['reception', 'alice'],
  );
  assert.ok(!client.exited());
});
