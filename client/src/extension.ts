// Provisioning Studio: activation and wiring. Each feature lives in its own small module.
import { addToBench } from './adopt';
import { EFFECTIVE_SCHEME, EffectiveDocuments, showEffective } from './effective';
import * as vscode from 'vscode';
import { BenchView, type BenchNode } from './benchView';
import { revealPhone } from './benchModel';
import { comparePhones } from './compare';
import { benchFolder } from './config';
import { DevServerController } from './devserver/controller';
import { createLanguageClient } from './languageClient';
import { newTemplateProject } from './newProject';
import { pickPhone } from './phonePicker';
import { PreviewController } from './preview/previewController';
import { Reprovisioner } from './reprovision';
import { RequestLog } from './requestLog';
import { showRoutes } from './routes';
import { PhoneSelection } from './selection';
import { Server } from './serverRequests';
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
  const bench = new BenchView(srv, devServer, (folder) => selection.phoneOf(folder));

  // command arguments come from VS Code (menus, other extensions): each command checks its own
  const command = (id: string, fn: (...args: never[]) => unknown) =>
    vscode.commands.registerCommand(`provisioningStudio.${id}`, async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (e) {
        void vscode.window.showErrorMessage(`Provisioning Studio: ${(e as Error).message ?? e}`);
        return undefined;
      }
    });
  const phoneOf = (n?: BenchNode) => (n && (n.kind === 'phone' || n.kind === 'route') ? n.phone.name : undefined);
  /** A workspace folder argument: a URI, or a folder node of the bench view (its inline actions). */
  const folderArg = (x: unknown): vscode.Uri | undefined => {
    if (x instanceof vscode.Uri) return x;
    const n = x as BenchNode | undefined;
    return n && typeof n === 'object' && n.kind === 'folder' ? n.folder.uri : undefined;
  };
  /** The workspace folder of a bench node (else the one benchFolder() decides). */
  const nodeFolder = async (n: BenchNode) =>
    ('folder' in n && n.folder instanceof vscode.Uri ? vscode.workspace.getWorkspaceFolder(n.folder) : undefined) ?? benchFolder();
  /** Tells the language server each folder's selected phone (at start, and for folders added later). */
  const sendSelections = (folders: readonly vscode.WorkspaceFolder[]) => {
    for (const f of folders) {
      const p = selection.phoneOf(f);
      if (p) srv.selectPhone(p, f.uri);
    }
  };

  const effectiveDocs = new EffectiveDocuments();
  context.subscriptions.push(
    srv,
    effectiveDocs,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, effectiveDocs),
    selection,
    previews,
    log,
    devServer,
    bench,
    createStatusBar(selection),
    selection.onDidChange((c) => srv.selectPhone(c.phone ?? null, c.folder?.uri)),
    // the preview shows what the phone gets: the language server renders {{server.url}} from the running dev server
    devServer.onDidChangeServer((c) => {
      srv.devServerChanged(c.folder.uri, c.address).then(
        () => previews.refreshAll(),
        (e) => {
          const why = (e as Error).message ?? String(e);
          void vscode.window.showWarningMessage(`Provisioning Studio: the preview may not show the dev server's address: ${why}`);
        },
      );
    }),
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      sendSelections(e.added);
      bench.refresh();
    }),
    vscode.window.registerTreeDataProvider('provisioningStudio.bench', bench),
    command('previewConfig', (template?: vscode.Uri, phone?: string, path?: string) =>
      previews.preview(
        template instanceof vscode.Uri ? template : undefined,
        typeof phone === 'string' ? phone : undefined,
        typeof path === 'string' ? path : undefined,
      ),
    ),
    command('selectPhone', async (phone?: string, folder?: vscode.Uri) => {
      const template = previews.templateOf();
      const scope =
        folderArg(folder) ??
        (template && vscode.workspace.getWorkspaceFolder(template)?.uri) ??
        (await benchFolder({ title: 'Select Phone: which workspace folder?' }))?.uri;
      const name =
        typeof phone === 'string' ? phone : (await pickPhone(srv, { template, folder: scope, selected: selection.phoneOf(scope) }))?.name;
      if (name) await selection.set(name, scope);
      return name;
    }),
    command('comparePhones', (template?: vscode.Uri, left?: string, right?: string, path?: string) =>
      comparePhones(
        srv,
        previews,
        template instanceof vscode.Uri ? template : undefined,
        left,
        right,
        typeof path === 'string' ? path : undefined,
      ),
    ),
    command('showRoutes', (phone?: string, folder?: vscode.Uri) =>
      showRoutes(srv, typeof phone === 'string' ? phone : undefined, folderArg(folder)),
    ),
    // a workspace folder (or a file in it) as argument: that folder's dev server
    command('startDevServer', (folder?: vscode.Uri) => devServer.start(folderArg(folder))),
    command('stopDevServer', (folder?: vscode.Uri) => devServer.stop(folderArg(folder))),
    command('setDevServerPassword', (password?: string, folder?: vscode.Uri) =>
      devServer.setPassword(typeof password === 'string' ? password : undefined, folderArg(folder)),
    ),
    command('reprovisionPhone', (phone?: string, folder?: vscode.Uri) =>
      reprovisioner.phone(typeof phone === 'string' ? phone : undefined, folderArg(folder)),
    ),
    command('reprovisionAll', (folder?: vscode.Uri) => reprovisioner.all(folderArg(folder))),
    command('showRequestLog', () => log.show(false)),
    command('newTemplateProject', (target?: vscode.Uri) =>
      newTemplateProject(context.extensionUri, target instanceof vscode.Uri ? target : undefined),
    ),
    command('bench.refresh', () => bench.refresh()),
    command('bench.preview', async (n?: BenchNode) => {
      if (!n || (n.kind !== 'phone' && n.kind !== 'route')) return;
      if (n.kind === 'route' && n.route.template) {
        const folder = await nodeFolder(n);
        if (!folder) return;
        const template = vscode.Uri.joinPath(folder.uri, n.route.template);
        await vscode.window.showTextDocument(template, { preview: true });
        // the route's own file (a 3CX template produces several; Handlebars templates ignore it)
        return previews.preview(template, n.phone.name, n.route.path);
      }
      const folder = await nodeFolder(n);
      await selection.set(n.phone.name, folder);
      // the active template (of the phone's folder), else the phone's own file (the route whose path names its MAC), else its first file
      let template = previews.templateOf();
      const elsewhere = template && folder && vscode.workspace.getWorkspaceFolder(template)?.uri.toString() !== folder.uri.toString();
      if (elsewhere) template = undefined;
      if (!template) {
        const routes = (await srv.listRoutes(n.phone.name, folder?.uri)).filter((r) => r.template);
        const route = routes.find((r) => r.path.toLowerCase().includes(n.phone.mac.toLowerCase())) ?? routes[0];
        if (route?.template && folder) template = vscode.Uri.joinPath(folder.uri, route.template);
      }
      return previews.preview(template, n.phone.name);
    }),
    command('bench.reprovision', (n?: BenchNode) => reprovisioner.phone(phoneOf(n), n && 'folder' in n ? folderArg(n.folder) : undefined)),
    // another bench file: the bench view lists its phones (the language server re-reads the setting itself)
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('provisioningStudio.benchFile')) bench.refresh();
    }),
    command('showEffectiveConfig', async (phone?: string, folder?: vscode.Uri) => {
      const n = phone as unknown as BenchNode | undefined;
      const fromNode = n && typeof n === 'object' && n.kind === 'phone' ? n : undefined;
      const scope =
        fromNode?.folder ?? folderArg(folder) ?? (await benchFolder({ title: 'Effective Configuration: which workspace folder?' }))?.uri;
      const name =
        fromNode?.phone.name ??
        (typeof phone === 'string' ? phone : undefined) ??
        (await pickPhone(srv, { folder: scope, selected: selection.phoneOf(scope) }))?.name;
      return name ? showEffective(srv, effectiveDocs, name, scope) : undefined;
    }),
    command('bench.addToBench', async (n?: BenchNode, name?: string) => {
      const node = n && typeof n === 'object' && n.kind === 'unknownPhone' ? { phone: n.phone, folder: n.folder } : undefined;
      const added = await addToBench(devServer, node, typeof name === 'string' ? name : undefined);
      if (added) bench.refresh();
      return added;
    }),
    command('bench.reveal', (n?: BenchNode) => {
      const p = phoneOf(n);
      return p ? revealPhone(p, n && 'folder' in n ? folderArg(n.folder) : undefined) : undefined;
    }),
  );
  void vscode.commands.executeCommand('setContext', 'provisioningStudio.active', true);
  sendSelections(vscode.workspace.workspaceFolders ?? []);
  return { server: srv, previews, selection, devServer, bench };
}

export async function deactivate(): Promise<void> {
  await server?.client.stop().catch(() => {});
}
