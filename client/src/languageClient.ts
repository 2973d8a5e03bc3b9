// Starts the language server (dist/server.js) over IPC and exposes the typed custom requests.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGES, SECTION, TEMPLATE_GLOBS } from './config';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // bench file, Handlebars templates and partials, 3CX phone templates (`*.ph.xml`, `*.fxs.xml`)
  const watchers = TEMPLATE_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    // file and untitled only: preview documents (provisioning-preview:) are never validated
    documentSelector: [
      ...LANGUAGES.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
      { scheme: 'file', pattern: '**/bench.yaml' },
    ],
    synchronize: {
      configurationSection: SECTION,
      fileEvents: watchers,
    },
    outputChannelName: 'Provisioning Studio',
  };
  // id "provisioningStudio" makes the client read provisioningStudio.trace.server
  return new LanguageClient('provisioningStudio', 'Provisioning Studio', serverOptions, clientOptions);
}
