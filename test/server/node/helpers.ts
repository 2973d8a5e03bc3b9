// Helpers for the LSP round-trip tests: build dist/server.js when stale, write a workspace to a temp
// folder, spawn the built server over stdio and talk to it with a JSON-RPC protocol connection.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const repoRoot = path.resolve(__dirname, '../../..');
export const serverBundle = path.join(repoRoot, 'dist/server.js');

function newestMtime(dir: string): number {
  let t = 0;
  for (const n of readdirSync(dir)) {
    const p = path.join(dir, n);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return t;
}

/** Builds the server bundle and its service thread (as `npm run build` does) when a server source is newer. */
export async function ensureServerBuilt(): Promise<void> {
  let built = 0;
  try {
    built = Math.min(statSync(serverBundle).mtimeMs, statSync(path.join(repoRoot, 'dist/serviceWorker.js')).mtimeMs);
  } catch {
    /* not built */
  }
  if (built > newestMtime(path.join(repoRoot, 'server/src'))) return;
  const { build } = await import('esbuild');
  const common: import('esbuild').BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['vscode', 'tsx'],
    logLevel: 'warning',
  };
  await Promise.all([
    build({ ...common, entryPoints: [path.join(repoRoot, 'server/src/node/main.ts')], outfile: serverBundle }),
    // the service thread the server starts from next to its bundle
    build({
      ...common,
      entryPoints: [path.join(repoRoot, 'server/src/node/serviceWorker.ts')],
      outfile: path.join(repoRoot, 'dist/serviceWorker.js'),
    }),
  ]);
}

export function writeWorkspace(files: Record<string, string>): { root: string; uri: (p: string) => string; dispose(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'prov-lsp-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), text);
  }
  return { root, uri: (p) => pathToFileURL(path.join(root, p)).href, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export interface TestClient {
  conn: ProtocolConnection;
  child: ChildProcess;
  stderr: () => string;
  /** window/logMessage texts (handler exceptions are logged there). */
  logs: string[];
  /** client/registerCapability requests (dynamic registrations) and client/unregisterCapability ids. */
  registrations: { id: string; method: string; registerOptions?: unknown }[];
  unregistrations: string[];
  exited: () => boolean;
  open(uri: string, languageId: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  /** Resolves with the first diagnostics published for `uri` at `version` (or any version when omitted). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  dispose(): Promise<void>;
}

/**
 * Starts the built server and initializes it for `rootUri` (or for `folders`, multi-root). `settings` is
 * what workspace/configuration answers: one object for every scope, or a function of the item's scopeUri.
 */
export async function startClient(
  rootUri: string,
  settings: unknown = { validation: { delay: 0, fullDelay: 200 } },
  serverPath = serverBundle,
  args = ['--stdio'],
  capabilities: Record<string, unknown> = { textDocument: { publishDiagnostics: { versionSupport: true } } },
  folders: { uri: string; name: string }[] = [{ uri: rootUri, name: 'ws' }],
): Promise<TestClient> {
  const child = spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  let exited = false;
  child.stderr!.on('data', (d) => {
    err += d;
  });
  child.on('exit', () => {
    exited = true;
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  const latest = new Map<string, PublishDiagnosticsParams>();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
        waiters.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items?: { scopeUri?: string }[] }) =>
    typeof settings === 'function' ? (p.items ?? []).map((i) => (settings as (scope?: string) => unknown)(i.scopeUri)) : [settings],
  );
  const registrations: TestClient['registrations'] = [];
  const unregistrations: string[] = [];
  conn.onRequest('client/registerCapability', (p: { registrations: TestClient['registrations'] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  conn.onRequest('client/unregisterCapability', (p: { unregisterations: { id: string }[] }) => {
    unregistrations.push(...p.unregisterations.map((u) => u.id));
    return null;
  });
  const logs: string[] = [];
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri,
    workspaceFolders: folders,
    capabilities,
    initializationOptions: { settings: typeof settings === 'function' ? (settings as () => unknown)() : settings },
  });
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    conn,
    child,
    stderr: () => err,
    exited: () => exited,
    logs,
    registrations,
    unregistrations,
    open: (uri, languageId, text, version = 1) => {
      void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    },
    change: (uri, version, contentChanges) => {
      void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    },
    diagnostics: (uri, version, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const hit = latest.get(uri);
        if (hit && (version === undefined || hit.version === version)) {
          resolve(hit.diagnostics);
          return;
        }
        const t = setTimeout(() => reject(new Error(`no diagnostics for ${uri}@${version} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          uri,
          version,
          resolve: (d) => {
            clearTimeout(t);
            resolve(d);
          },
        });
      }),
    dispose: async () => {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
        void conn.sendNotification('exit');
      } catch {
        /* gone */
      }
      conn.dispose();
      await new Promise((r) => setTimeout(r, 50));
      if (!exited) child.kill();
    },
  };
}

/** A small Yealink + Poly bench and templates (the example workspace's shape). */
export const EXAMPLE_BENCH = `pbx:
  host: pbx.test
  port: 5060
  transport: udp
server:
  host: 127.0.0.1
  port: 8080
vars:
  timezone: Europe/Paris
contacts:
  - { name: Reception, number: "100" }
phones:
  - mac: 80:5E:0C:11:22:33
    vendor: yealink
    model: T54W
    name: reception
    lines:
      - { extension: "100", display_name: Reception, password: secret1 }
      - { extension: "600", display_name: Sales, password: secret2 }
    keys:
      - { type: blf, value: "101", label: Alice }
  - mac: 00:15:65:F4:29:A4
    vendor: yealink
    model: T46S
    name: alice
    lines:
      - { extension: "101", display_name: Alice, password: secret3 }
    keys: []
`;

export const EXAMPLE_MAC_CFG = `#!version:1.0.0.1
## {{phone.name}}
{{#each lines}}
{{> account index=(inc @index)}}
{{/each}}
{{#each keys}}
linekey.{{inc @index}}.type = 16
linekey.{{inc @index}}.value = {{value}}
{{/each}}
`;

export const EXAMPLE_ACCOUNT = `account.{{index}}.enable = 1
account.{{index}}.label = {{default label display_name extension}}
account.{{index}}.user_name = {{extension}}
account.{{index}}.password = {{password}}
`;
