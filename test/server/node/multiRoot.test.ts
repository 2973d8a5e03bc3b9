// Multi-root workspaces over LSP (the built server, real JSON-RPC): one workspace per folder, each with
// its own bench file setting (configuration pulled per scopeUri); documents, renders and the custom
// requests go to the folder holding them; folders added and removed at runtime; the dev server address
// the client reports for a folder (devServerChanged) is what {{server.url}} renders for that folder only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DidChangeWorkspaceFoldersNotification } from 'vscode-languageserver-protocol';
import {
  devServerChangedNotification,
  listPhonesRequest,
  listRoutesRequest,
  renderRequest,
  workspaceChangedNotification,
} from '../../../server/src/protocol';
import { EXAMPLE_ACCOUNT, EXAMPLE_BENCH, ensureServerBuilt, serverBundle, startClient, writeWorkspace, type TestClient } from './helpers';

const TEMPLATE = `#!version:1.0.0.1
## {{phone.name}}
static.auto_provision.server.url = {{server.url}}
{{#each lines}}
{{> account index=(inc @index)}}
{{/each}}
`;
const B_BENCH = EXAMPLE_BENCH.replace('name: reception', 'name: lab-desk')
  .replace('name: alice', 'name: lab-bob')
  .replace('extension: "100"', 'extension: "700"')
  .replace('port: 8080', 'port: 9090');
const C_BENCH = EXAMPLE_BENCH.replace('name: reception', 'name: c-one').replace(/ {2}- mac: 00:15:65[\s\S]*$/, '');
const files = (bench: Record<string, string>) => ({
  ...bench,
  'templates/yealink/mac.cfg.hbs': TEMPLATE,
  'templates/yealink/partials/account.cfg.hbs': EXAMPLE_ACCOUNT,
});
const a = writeWorkspace(files({ 'bench.yaml': EXAMPLE_BENCH }));
// folder B reads lab/b.yaml (resource setting), and has a bench.yaml that must be ignored there
const b = writeWorkspace(files({ 'lab/b.yaml': B_BENCH, 'bench.yaml': 'phones: []\n' }));
const c = writeWorkspace(files({ 'bench.yaml': C_BENCH }));
const A = a.uri('');
const B = b.uri('');
const C = c.uri('');
const base = { validation: { delay: 0, fullDelay: 100 } };
const isB = (scope?: string) => !!scope && scope.replace(/\/$/, '') === B.replace(/\/$/, '');
const settingsFor = (scope?: string) => (isB(scope) ? { ...base, benchFile: 'lab/b.yaml' } : base);
const BENCH_URL = /^static\.auto_provision\.server\.url = http:\/\/127\.0\.0\.1:8080$/m;
let client: TestClient;
const changed: string[][] = [];

before(async () => {
  await ensureServerBuilt();
  client = await startClient(
    A,
    settingsFor,
    serverBundle,
    ['--stdio'],
    {
      workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { synchronization: { dynamicRegistration: true }, publishDiagnostics: { versionSupport: true } },
    },
    [
      { uri: A, name: 'a' },
      { uri: B, name: 'b' },
    ],
  );
  client.conn.onNotification(workspaceChangedNotification, (p) => changed.push(p.uris));
});
after(async () => {
  await client?.dispose();
  for (const w of [a, b, c]) w.dispose();
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
const phones = async (params: { uri?: string; folderUri?: string }) =>
  (await client.conn.sendRequest(listPhonesRequest, params)).map((p) => p.name).join(',');
const render = (uri: string, phone: string) => client.conn.sendRequest(renderRequest, { uri, version: 1, phone });

test('each folder lists its own bench (per-folder benchFile setting); no folder given: the first with a bench', async () => {
  await waitFor(async () => (await phones({ folderUri: B })) === 'lab-desk,lab-bob', 'folder B phones from lab/b.yaml');
  assert.equal(await phones({ folderUri: A }), 'reception,alice');
  assert.equal(await phones({}), 'reception,alice');
  assert.equal(await phones({ uri: b.uri('templates/yealink/mac.cfg.hbs') }), 'lab-desk,lab-bob');
  assert.equal(await phones({ uri: a.uri('templates/yealink/mac.cfg.hbs') }), 'reception,alice');
  const routes = await client.conn.sendRequest(listRoutesRequest, { folderUri: B, phone: 'lab-desk' });
  assert.ok(routes.length && routes.every((r) => r.phone === 'lab-desk'), JSON.stringify(routes));
  // B's custom bench file is registered for sync and watching
  const open = await waitFor(() => client.registrations.find((r) => r.method === 'textDocument/didOpen'), 'the didOpen registration');
  const selector = (open!.registerOptions as { documentSelector: unknown }).documentSelector;
  assert.deepEqual(selector, [{ scheme: 'file', pattern: '**/lab/b.yaml' }]);
});

test("templates render and validate against their own folder's bench", async () => {
  const ta = a.uri('templates/yealink/mac.cfg.hbs');
  const tb = b.uri('templates/yealink/mac.cfg.hbs');
  client.open(ta, 'provisioning-cfg-hbs', TEMPLATE, 1);
  client.open(tb, 'provisioning-cfg-hbs', TEMPLATE + '{{phone.nmae}}\n', 1);
  const ra = await render(ta, 'reception');
  const rb = await render(tb, 'lab-desk');
  assert.deepEqual([ra.errors, rb.errors.filter((e) => !/nmae/.test(e))], [[], []]);
  assert.match(ra.text, /## reception\nstatic\.auto_provision\.server\.url = http:\/\/127\.0\.0\.1:8080\n[\s\S]*user_name = 100/);
  assert.match(rb.text, /## lab-desk\nstatic\.auto_provision\.server\.url = http:\/\/127\.0\.0\.1:9090\n[\s\S]*user_name = 700/);
  assert.equal((await render(tb, 'reception')).text, '', 'a phone of the other folder is unknown here');
  assert.deepEqual(await client.diagnostics(ta, 1), []);
  const db = await client.diagnostics(tb, 1);
  assert.ok(
    db.some((d) => d.code === 'unknown-path'),
    JSON.stringify(db),
  );

  // the bench file of B is lab/b.yaml: an error there is a diagnostic; B's bench.yaml is an ordinary file
  const bench = b.uri('lab/b.yaml');
  client.open(bench, 'yaml', B_BENCH.replace('transport: udp', 'transport: udpp'), 1);
  assert.ok((await client.diagnostics(bench, 1)).some((d) => d.code === 'bench-enum'));
  client.open(b.uri('bench.yaml'), 'yaml', 'pbx: { transport: nope }\n', 1);
  assert.deepEqual(await client.diagnostics(b.uri('bench.yaml'), 1, 1500).catch(() => []), []);
  // ... while A's bench.yaml is A's bench
  client.open(a.uri('bench.yaml'), 'yaml', EXAMPLE_BENCH.replace('transport: udp', 'transport: udpp'), 1);
  assert.ok((await client.diagnostics(a.uri('bench.yaml'), 1)).some((d) => d.code === 'bench-enum'));
});

test("devServerChanged: the folder's renders use the dev server's address, the other folder keeps its bench; stop restores", async () => {
  const ta = a.uri('templates/yealink/mac.cfg.hbs');
  const tb = b.uri('templates/yealink/mac.cfg.hbs');
  changed.length = 0;
  const devServer = (folderUri: unknown, address: unknown) =>
    client.conn.sendNotification(devServerChangedNotification, { folderUri, address } as never);
  await devServer(A, { host: '127.0.0.1', port: 43_210, scheme: 'http' });
  assert.match((await render(ta, 'reception')).text, /^static\.auto_provision\.server\.url = http:\/\/127\.0\.0\.1:43210$/m);
  assert.match((await render(tb, 'lab-desk')).text, /^static\.auto_provision\.server\.url = http:\/\/127\.0\.0\.1:9090$/m);
  await waitFor(() => changed.flat().some((u) => u.startsWith(A)) && 'ok', 'workspaceChanged for folder A');
  // a url wins over host and port
  await devServer(A, { url: 'https://prov.example.test/s3cret/', port: 1 });
  assert.match((await render(ta, 'reception')).text, /^static\.auto_provision\.server\.url = https:\/\/prov\.example\.test\/s3cret$/m);
  // bad input is ignored field by field, never a crash
  for (const bad of [{ port: 'x', host: 'a b', scheme: 'ftp' }, 42, 'x', null, { url: 'javascript:alert(1)' }]) {
    await devServer(A, bad);
    assert.match((await render(ta, 'reception')).text, BENCH_URL, JSON.stringify(bad));
  }
  await devServer(42, { port: 5 });
  await devServer(A, null);
  assert.match((await render(ta, 'reception')).text, BENCH_URL);
  assert.ok(!client.exited(), client.stderr());
});

test('didChangeWorkspaceFolders: an added folder is its own workspace; a removed one is forgotten', async () => {
  const folders = (added: { uri: string; name: string }[], removed: { uri: string; name: string }[]) =>
    client.conn.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added, removed } });
  await folders([{ uri: C, name: 'c' }], []);
  assert.equal(await waitFor(async () => (await phones({ folderUri: C })) === 'c-one' && 'ok', 'folder C phones'), 'ok');
  const tc = c.uri('templates/yealink/mac.cfg.hbs');
  client.open(tc, 'provisioning-cfg-hbs', TEMPLATE, 1);
  assert.match((await render(tc, 'c-one')).text, /^## c-one$/m);
  assert.deepEqual(await client.diagnostics(tc, 1), []);

  await folders([], [{ uri: B, name: 'b' }]);
  // B's documents now belong to no folder: B's custom bench file registration goes, its phones are unknown
  await waitFor(() => client.unregistrations.length > 0 && 'ok', 'the lab/b.yaml registration to go');
  assert.equal(await phones({ folderUri: C }), 'c-one');
  assert.equal(await phones({ folderUri: B }), '', 'no folder holds B now: no bench');
  // B's open template still answers (no bench: an error, no crash)
  const rb = await render(b.uri('templates/yealink/mac.cfg.hbs'), 'lab-desk');
  assert.equal(rb.text, '');
  assert.ok(!client.exited(), client.stderr());
});
