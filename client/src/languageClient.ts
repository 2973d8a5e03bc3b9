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
  // bench file, Handlebars templates and partials, 3CX phone templates (`*.ph.xml`, `*.fxs.xml`). A bench
  // file not named bench.yaml (provisioningStudio.benchFile) is added here when set at start; when the
  // setting changes later, the server registers document sync and a watcher for the new file dynamically.
  const benchFile = settings().benchFile;
  const custom = benchFile !== DEFAULT_BENCH_FILE ? [benchGlob(benchFile)] : [];
  const watchers = [...TEMPLATE_GLOBS, ...custom].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    // file and untitled only: preview documents (provisioning-preview:) are never validated
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
      { scheme: 'file', pattern: '**/bench.yaml' },
      ...custom.map((pattern) => ({ scheme: 'file', pattern })),
    ],
    // the bench file before the server pulls the whole section (so the first validations use it)
    initializationOptions: () => ({ settings: { benchFile: settings().benchFile } }),
    synchronize: {
      configurationSection: SECTION,
      fileEvents: watchers,
    },
    outputChannelName: 'Provisioning Studio',
  };
  // id "provisioningStudio" makes the client read provisioningStudio.trace.server
  return new LanguageClient('provisioningStudio', 'Provisioning Studio', serverOptions, clientOptions);
}
