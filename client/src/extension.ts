// Provisioning Studio: activation and wiring. Each feature lives in its own small module.
import * as vscode from 'vscode';
import { BenchView, type BenchNode } from './benchView';
import { revealPhone } from './benchModel';
import { comparePhones } from './compare';
import { benchFolder } from './config';
import { DevServerController } from './devServer/devServer';
import { createLanguageClient } from './languageClient';
import { newTemplateProject } from './newProject';
import { pickPhone } from './phonePicker';
import { PreviewController } from './preview/previewController';
import { Reprovisioner } from './reprovision';
import { RequestLog } from './requestLog';
import { showRoutes } from './routes';
import { PhoneSelection } from './selection';
import { Server } from './server';
import { createStatusBar } from './statusBar';

/** What the extension exports (used by the in-host tests). */
export interface ProvisioningStudioApi {
  server: Server;
  previews: PreviewController;
  selection: PhoneSelection;
  devServer: DevServerController;
  /** The Provisioning Bench view's data (tests read its phones). */
  bench: BenchView;
}

let server: Server | undefined;

export function activate(context: vscode.ExtensionContext): ProvisioningStudioApi {
  const client = createLanguageClient(context);
  server = new Server(client);
  server.whenReady().catch((e) => {
    void vscode.window.showErrorMessage(`Provisioning Studio: ${(e as Error).message}`);
  });
  const srv = server;
  const selection = new PhoneSelection(context.workspaceState);
  const previews = new PreviewController(srv, selection, context.workspaceState);
  const log = new RequestLog();
  const devServer = new DevServerController(log, context.secrets);
  const reprovisioner = new Reprovisioner(srv, log, devServer);
  const bench = new BenchView(srv, devServer, () => selection.phone);

  const command = (id: string, fn: (...args: any[]) => unknown) =>
    vscode.commands.registerCommand(`provisioningStudio.${id}`, async (...args: any[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(`Provisioning Studio: ${(e as Error).message ?? e}`);
        return undefined;
      }
    });
  const phoneOf = (n?: BenchNode) => (n && n.kind !== 'message' ? n.phone.name : undefined);

  context.subscriptions.push(
    srv, selection, previews, log, devServer, bench,
    createStatusBar(selection),
    selection.onDidChange((p) => srv.selectPhone(p ?? null)),
    vscode.window.registerTreeDataProvider('provisioningStudio.bench', bench),
    command('previewConfig', (template?: vscode.Uri, phone?: string, path?: string) =>
      previews.preview(template instanceof vscode.Uri ? template : undefined, typeof phone === 'string' ? phone : undefined, typeof path === 'string' ? path : undefined)),
    command('selectPhone', async (phone?: string) => {
      const name = typeof phone === 'string' ? phone
        : (await pickPhone(srv, { template: previews.templateOf(), selected: selection.phone }))?.name;
      if (name) await selection.set(name);
      return name;
    }),
    command('comparePhones', (template?: vscode.Uri, left?: string, right?: string, path?: string) =>
      comparePhones(srv, previews, template instanceof vscode.Uri ? template : undefined, left, right, typeof path === 'string' ? path : undefined)),
    command('showRoutes', (phone?: string) => showRoutes(srv, typeof phone === 'string' ? phone : undefined)),
    command('startDevServer', () => devServer.start()),
    command('stopDevServer', () => devServer.stop()),
    command('setDevServerPassword', (password?: string) => devServer.setPassword(typeof password === 'string' ? password : undefined)),
    command('reprovisionPhone', (phone?: string) => reprovisioner.phone(typeof phone === 'string' ? phone : undefined)),
    command('reprovisionAll', () => reprovisioner.all()),
    command('showRequestLog', () => log.show(false)),
    command('newTemplateProject', (target?: vscode.Uri) => newTemplateProject(context.extensionUri, target instanceof vscode.Uri ? target : undefined)),
    command('bench.refresh', () => bench.refresh()),
    command('bench.preview', async (n?: BenchNode) => {
      if (!n || n.kind === 'message') return;
      if (n.kind === 'route' && n.route.template) {
        const folder = await benchFolder();
        if (!folder) return;
        const template = vscode.Uri.joinPath(folder.uri, n.route.template);
        await vscode.window.showTextDocument(template, { preview: true });
        // the route's own file (a 3CX template produces several; Handlebars templates ignore it)
        return previews.preview(template, n.phone.name, n.route.path);
      }
      await selection.set(n.phone.name);
      // the active template, else the phone's own file (the route whose path names its MAC), else its first file
      let template = previews.templateOf();
      if (!template) {
        const routes = (await srv.listRoutes(n.phone.name)).filter((r) => r.template);
        const route = routes.find((r) => r.path.toLowerCase().includes(n.phone.mac.toLowerCase())) ?? routes[0];
        const folder = await benchFolder();
        if (route?.template && folder) template = vscode.Uri.joinPath(folder.uri, route.template);
      }
      return previews.preview(template, n.phone.name);
    }),
    command('bench.reprovision', (n?: BenchNode) => reprovisioner.phone(phoneOf(n))),
    // another bench file: the bench view lists its phones (the language server re-reads the setting itself)
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('provisioningStudio.benchFile')) bench.refresh(); }),
    command('bench.reveal', (n?: BenchNode) => { const p = phoneOf(n); return p ? revealPhone(p) : undefined; }),
  );
  void vscode.commands.executeCommand('setContext', 'provisioningStudio.active', true);
  if (selection.phone) srv.selectPhone(selection.phone);
  return { server: srv, previews, selection, devServer, bench };
}

export async function deactivate(): Promise<void> {
  await server?.client.stop().catch(() => {});
}
