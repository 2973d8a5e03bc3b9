// Show Routes: every file each bench phone requests and the template answering it; pick one to open it.
import * as vscode from 'vscode';
import { benchFolder } from './config';
import type { RouteInfo, Server } from './serverRequests';

interface RouteItem extends vscode.QuickPickItem {
  route?: RouteInfo;
}

/** Routes of `folder`'s bench (else the folder benchFolder() decides: the active editor's, or asks). */
export async function showRoutes(server: Server, phone?: string, target?: vscode.Uri): Promise<void> {
  const folder = await benchFolder({ uri: target, title: 'Show Routes: which workspace folder?' });
  const routes = await server.listRoutes(phone, folder?.uri);
  if (!routes.length) {
    void vscode.window.showInformationMessage('Provisioning Studio: no routes (are there phones in the bench file?).');
    return;
  }
  const items: RouteItem[] = [];
  let last = '';
  for (const r of routes) {
    if (r.phone !== last) {
      items.push({ label: `${r.phone} · ${r.model}`, kind: vscode.QuickPickItemKind.Separator });
      last = r.phone;
    }
    items.push({
      label: `${r.template ? '$(file-code)' : '$(warning)'} /${r.path.replace(/^\//, '')}`,
      description: r.template ?? 'no template',
      detail: `${r.status}${r.boot ? ' · requested at boot' : ''}`,
      route: r,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Provisioning Routes',
    placeHolder: 'Files the phones request → template that answers',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.route?.template) return;
  if (folder) await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, picked.route.template));
}
