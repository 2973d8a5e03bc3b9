// Starts the language server (dist/server.js) over IPC and exposes the typed custom requests.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { benchGlob, DEFAULT_BENCH_FILE, LANGUAGES, SECTION, settings, TEMPLATE_GLOBS } from './config';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // bench file, Handlebars templates and partials, 3CX phone templates (`*.ph.xml`, `*.fxs.xml`). Bench
  // files not named bench.yaml (provisioningStudio.benchFile, per workspace folder) are added here when
  // set at start; when the setting changes later, the server registers document sync and a watcher for
  // the new files dynamically.
  const folders = vscode.workspace.workspaceFolders ?? [];
  const benchFiles = [settings().benchFile, ...folders.map((f) => settings(f).benchFile)];
  const custom = [...new Set(benchFiles.filter((b) => b !== DEFAULT_BENCH_FILE).map(benchGlob))];
  const watchers = [...TEMPLATE_GLOBS, ...custom].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    // file and untitled only: preview documents (provisioning-preview:) are never validated
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      { scheme: 'file', pattern: '**/bench.yaml' },
      ...custom.map((pattern) => ({ scheme: 'file', pattern })),
    ],
    // the bench file (per folder too) before the server pulls the whole section (so the first validations use it)
    initializationOptions: () => ({
      settings: { benchFile: settings().benchFile },
      folders: Object.fromEntries(
        (vscode.workspace.workspaceFolders ?? []).map((f) => [f.uri.toString(), { benchFile: settings(f).benchFile }]),
      ),
    }),
    synchronize: {
      configurationSection: SECTION,
      fileEvents: watchers,
    },
    outputChannelName: 'Provisioning Studio',
  };
  // id "provisioningStudio" makes the client read provisioningStudio.trace.server
  return new LanguageClient('provisioningStudio', 'Provisioning Studio', serverOptions, clientOptions);
}
