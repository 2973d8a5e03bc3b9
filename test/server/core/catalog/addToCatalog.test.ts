// "Add to workspace catalog" over the real language server (dist/server.js, JSON-RPC over stdio): the
// quick fix on a key near no catalog key is a command; running it writes catalog/<vendor>.yaml with the
// key (its account number turned into the index) and the information disappears.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Command } from 'vscode-languageserver-protocol';
import {
  EXAMPLE_ACCOUNT,
  EXAMPLE_BENCH,
  EXAMPLE_MAC_CFG,
  ensureServerBuilt,
  startClient,
  writeWorkspace,
  type TestClient,
} from '../../node/helpers';

const ws = writeWorkspace({
  'bench.yaml': EXAMPLE_BENCH,
  'templates/yealink/mac.cfg.hbs': EXAMPLE_MAC_CFG,
  'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
});
let client: TestClient;
const MAC = ws.uri('templates/yealink/mac.cfg.hbs');

before(async () => {
  await ensureServerBuilt();
  client = await startClient(ws.uri(''));
});
after(async () => {
  await client?.dispose();
  ws.dispose();
});

test('a key near nothing: information, quick fix "Add to workspace catalog" writes the file and the information goes', async () => {
  const text = EXAMPLE_MAC_CFG + 'account.1.zz_quux_mode = 1\nacount.1.label = x\n';
  client.open(MAC, 'provisioning-cfg-hbs', text, 1);
  const diags = await client.diagnostics(MAC, 1);
  const info = diags.find((d) => d.code === 'uncatalogued-key');
  assert.ok(info, JSON.stringify(diags));
  assert.equal(info.severity, 3, 'information');
  assert.match(info.message, /'account\.1\.zz_quux_mode' is not in the Yealink catalog \([\d,]+ keys known for Yealink\)/);
  const typo = diags.find((d) => d.code === 'unknown-key');
  assert.ok(typo, 'a slip of a known key is still a warning');

  const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: MAC },
    range: info.range,
    context: { diagnostics: [info] },
  })) as (CodeAction | Command)[];
  const add = actions.find((a): a is CodeAction => 'kind' in a && a.title.startsWith('Add '));
  assert.ok(add?.command, JSON.stringify(actions));
  assert.equal(add.title, "Add 'account.{account}.zz_quux_mode' to the workspace catalog (catalog/yealink.yaml)");

  await client.conn.sendRequest(ExecuteCommandRequest.type, { command: add.command.command, arguments: add.command.arguments });
  const file = path.join(ws.root, 'catalog/yealink.yaml');
  assert.ok(existsSync(file));
  assert.match(readFileSync(file, 'utf8'), /^keys:\n {2}- account\.\{account\}\.zz_quux_mode\n/m);
  // the server checks again once the file is written: wait for a publication without the information
  let after = await client.diagnostics(MAC);
  for (let i = 0; i < 50 && after.some((d) => d.code === 'uncatalogued-key'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    after = await client.diagnostics(MAC);
  }
  assert.deepEqual(
    after.filter((d) => d.code === 'uncatalogued-key'),
    [],
    'the information disappears',
  );
  assert.ok(after.some((d) => d.code === 'unknown-key'));
});
