// provisioningStudio.benchFile over LSP (the built server, real JSON-RPC): the server pulls the setting at
// start, validates and uses that file, registers document sync and a file watcher for it (it is outside
// the client's static `**/bench.yaml` selector), and on didChangeConfiguration re-creates the workspace
// model, re-validates and moves the registration.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DidChangeConfigurationNotification, DefinitionRequest, type Location } from 'vscode-languageserver-protocol';
import { listPhonesRequest, workspaceChangedNotification } from '../../../server/src/protocol';
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

const ALT = EXAMPLE_BENCH.replace('name: reception', 'name: lab-reception').replace('name: alice', 'name: lab-alice');
const ws = writeWorkspace({
  'bench.yaml': EXAMPLE_BENCH,
  'lab/alt-bench.yaml': ALT,
  'templates/yealink/mac.cfg.hbs': EXAMPLE_MAC_CFG,
  'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
});
const ALT_URI = ws.uri('lab/alt-bench.yaml');
const BENCH_URI = ws.uri('bench.yaml');
const MAC = ws.uri('templates/yealink/mac.cfg.hbs');
// what workspace/configuration answers (mutated below, then didChangeConfiguration)
const settings: Record<string, unknown> = { benchFile: 'lab/alt-bench.yaml', validation: { delay: 0, fullDelay: 100 } };
let client: TestClient;
const changed: string[][] = [];

before(async () => {
  await ensureServerBuilt();
  client = await startClient(ws.uri(''), settings, serverBundle, ['--stdio'], {
    workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    textDocument: { synchronization: { dynamicRegistration: true }, publishDiagnostics: { versionSupport: true } },
  });
  client.conn.onNotification(workspaceChangedNotification, (p) => changed.push(p.uris));
});
after(async () => {
  await client?.dispose();
  ws.dispose();
});

const waitFor = async <T>(fn: () => T | Promise<T>, what: string, ms = 10_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const phones = async () => (await client.conn.sendRequest(listPhonesRequest, {})).map((p) => p.name).join(',');

test('the configured bench file: its phones, its diagnostics, data paths go to it, sync and watcher registered', async () => {
  assert.equal(await waitFor(async () => (await phones()) === 'lab-reception,lab-alice' && 'ok', 'the alt bench phones'), 'ok');
  await waitFor(() => client.registrations.length >= 4, 'dynamic registrations');
  const reg = client.registrations;
  assert.deepEqual(reg.map((r) => r.method).sort(), [
    'textDocument/didChange',
    'textDocument/didClose',
    'textDocument/didOpen',
    'workspace/didChangeWatchedFiles',
  ]);
  const open = reg.find((r) => r.method === 'textDocument/didOpen')!.registerOptions as { documentSelector: { pattern: string }[] };
  assert.deepEqual(open.documentSelector, [{ scheme: 'file', pattern: '**/lab/alt-bench.yaml' }]);
  const watch = reg.find((r) => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: { globPattern: string }[] };
  assert.deepEqual(watch.watchers, [{ globPattern: '**/lab/alt-bench.yaml' }]);

  client.open(ALT_URI, 'yaml', ALT.replace('transport: udp', 'transport: udpp'), 1);
  const d = await client.diagnostics(ALT_URI, 1);
  assert.ok(
    d.some((x) => x.code === 'bench-enum'),
    JSON.stringify(d),
  );
  client.open(BENCH_URI, 'yaml', EXAMPLE_BENCH.replace('transport: udp', 'transport: tcpp'), 1);
  assert.deepEqual(await client.diagnostics(BENCH_URI, 1).catch(() => []), [], 'bench.yaml is an ordinary file now');

  client.open(MAC, 'provisioning-cfg-hbs', EXAMPLE_MAC_CFG, 1);
  const line = EXAMPLE_MAC_CFG.split('\n').findIndex((l) => l.includes('{{phone.name}}'));
  const def = (await client.conn.sendRequest(DefinitionRequest.type, {
    textDocument: { uri: MAC },
    position: { line, character: EXAMPLE_MAC_CFG.split('\n')[line].indexOf('phone.name') + 7 },
  })) as Location;
  assert.equal(def.uri, ALT_URI);
});

test("didChangeConfiguration: back to bench.yaml re-creates the model, re-validates, clears the old bench's diagnostics, unregisters", async () => {
  settings.benchFile = 'bench.yaml';
  changed.length = 0;
  await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { provisioningStudio: settings } });
  assert.equal(await waitFor(async () => (await phones()) === 'reception,alice' && 'ok', 'the bench.yaml phones'), 'ok');
  // the open bench.yaml buffer is the bench now: its error is published; the alt file's diagnostics are cleared
  const d = (await waitFor(async () => {
    const x = await client.diagnostics(BENCH_URI, 1);
    return x.length ? x : undefined;
  }, 'bench.yaml diagnostics'))!;
  assert.ok(
    d.some((x) => x.code === 'bench-enum' && /tcpp/.test(x.message)),
    JSON.stringify(d),
  );
  assert.deepEqual(await client.diagnostics(ALT_URI), []);
  await waitFor(() => client.unregistrations.length === 4 && 'ok', 'the registrations for the alt bench to go');
  assert.deepEqual(client.unregistrations.sort(), client.registrations.map((r) => r.id).sort());
  await waitFor(
    () => changed.flat().includes(ALT_URI) && changed.flat().includes(BENCH_URI) && 'ok',
    'workspaceChanged for both bench files',
  );

  // and an invalid setting falls back to bench.yaml with a log line
  settings.benchFile = '../outside.yaml';
  await client.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { provisioningStudio: settings } });
  await waitFor(
    () =>
      client.logs.some((l) =>
        /provisioningStudio\.benchFile: bench file '\.\.\/outside\.yaml': not a file inside the workspace folder; using bench\.yaml/.test(
          l,
        ),
      ) && 'ok',
    'the warning',
  );
  assert.equal(await phones(), 'reception,alice');
  assert.ok(!client.exited());
});
