// provisioningStudio.problems over LSP (the built server, real JSON-RPC): the pulled setting changes a
// diagnostic's severity, a configuration change re-validates with it (off hides the code), an unknown code
// in it is logged and shown once as a warning message; diagnostics carry code and codeDescription.
// (The messages sent while initializing come before a test can listen: the log is checked for those.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DidChangeConfigurationNotification, DiagnosticSeverity, MessageType, type Diagnostic } from 'vscode-languageserver-protocol';
import {
  EXAMPLE_ACCOUNT,
  EXAMPLE_BENCH,
  EXAMPLE_MAC_CFG,
  ensureServerBuilt,
  serverBundle,
  startClient,
  writeWorkspace,
  type TestClient,
} from './helpers';

const ws = writeWorkspace({
  'bench.yaml': EXAMPLE_BENCH,
  'templates/yealink/mac.cfg.hbs': EXAMPLE_MAC_CFG,
  'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
});
const MAC = ws.uri('templates/yealink/mac.cfg.hbs');
const settings: Record<string, unknown> = {
  validation: { delay: 0, fullDelay: 100 },
  problems: { 'unknown-path': 'error', 'no-such-code': 'off' },
};
let client: TestClient;
const shown: { type: number; message: string }[] = [];

before(async () => {
  await ensureServerBuilt();
  client = await startClient(ws.uri(''), settings, serverBundle, ['--stdio'], {
    workspace: { configuration: true },
    textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true } },
  });
  // vscode-languageserver's window.showWarningMessage is a window/showMessageRequest (it may carry actions)
  client.conn.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    shown.push(p);
    return null;
  });
  client.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => shown.push(p));
});
after(async () => {
  await client?.dispose();
  ws.dispose();
});

const unknownPath = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'unknown-path');

test('LSP: the setting raises unknown-path to an error; the code links to docs/problems.md; an unknown code is reported', async () => {
  client.open(MAC, 'provisioning-cfg-hbs', `${EXAMPLE_MAC_CFG}account.9.label = {{phone.nmae}}\n`, 1);
  const [d] = unknownPath(await client.diagnostics(MAC, 1));
  assert.ok(d, 'unknown-path published');
  assert.equal(d.severity, DiagnosticSeverity.Error);
  assert.match(d.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/problems\.md#unknown-path$/);
  const logged = client.logs.some((l) => l.startsWith("provisioningStudio.problems: unknown problem code 'no-such-code'"));
  assert.ok(logged, client.logs.join('\n'));
});

test('LSP: a configuration change re-validates with the new severities (off hides the code); a warning message, once', async () => {
  settings.problems = { 'unknown-path': 'off', 'unknwn-key': 'off' };
  void client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { provisioningStudio: settings } });
  const end = Date.now() + 10_000;
  let ds = await client.diagnostics(MAC);
  while (unknownPath(ds).length && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    ds = await client.diagnostics(MAC);
  }
  assert.equal(unknownPath(ds).length, 0, JSON.stringify(ds.map((d) => d.code)));
  const warned = () => shown.filter((m) => m.message.includes("'unknwn-key'"));
  assert.equal(warned().length, 1, JSON.stringify(shown));
  assert.equal(warned()[0].type, MessageType.Warning);
  assert.equal(warned()[0].message, "provisioningStudio.problems: unknown problem code 'unknwn-key', did you mean 'unknown-key'?");
  void client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { provisioningStudio: settings } });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(warned().length, 1, 'not shown again');
});
