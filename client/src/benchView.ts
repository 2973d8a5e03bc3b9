// "Provisioning Bench" tree: phones (vendor, model, IP, last request, whether the last fetch is current)
// and, below each phone, the files it requests with the template answering each. Several workspace
// folders holding a bench: one root node per folder, its phones below.
import * as vscode from 'vscode';
import { benchFolders } from './config';
import { tftpWhere, type DevServerController } from './devserver/controller';
import { displayMac } from './phonePicker';
import type { PhoneInfo, RouteInfo, Server } from './serverRequests';
import type { UnknownPhone } from '../../server/src/devserver/unknownPhones';
import { describe } from './adopt';

/** `folder`: the workspace folder whose bench the phone is on (undefined: the only/first one). */
export type BenchNode =
  | { kind: 'folder'; folder: vscode.WorkspaceFolder }
  | { kind: 'phone'; phone: PhoneInfo; folder?: vscode.Uri }
  | { kind: 'route'; phone: PhoneInfo; route: RouteInfo; folder?: vscode.Uri }
  | { kind: 'unknownGroup'; folder?: vscode.Uri; count: number }
  | { kind: 'unknownPhone'; phone: UnknownPhone; folder?: vscode.Uri }
  | { kind: 'message'; text: string };

function ago(ms: number): string {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  return s < 60 ? `${s} s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : new Date(ms).toLocaleString();
}

export class BenchView implements vscode.TreeDataProvider<BenchNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BenchNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly server: Server,
    private readonly dev: DevServerController,
    private readonly selected: (folder?: vscode.Uri) => string | undefined,
  ) {
    this.disposables.push(
      server.onWorkspaceChanged(() => this.refresh()),
      dev.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
    );
  }

  /** Coalesces refreshes (request bursts from phones). */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), 200);
  }

  async getChildren(node?: BenchNode): Promise<BenchNode[]> {
    try {
      if (!node) {
        const folders = await benchFolders();
        if (folders.length > 1) return folders.map((folder) => ({ kind: 'folder', folder }));
        return this.phones(folders[0]?.uri);
      }
      if (node.kind === 'folder') return this.phones(node.folder.uri);
      if (node.kind === 'unknownGroup')
        return this.dev.unknownPhones(node.folder).map((u) => ({ kind: 'unknownPhone', phone: u.phone, folder: u.folder.uri }));
      if (node.kind === 'phone') {
        const { phone, folder } = node;
        const routes = await this.server.listRoutes(phone.name, folder);
        return routes
          .filter((r) => r.phone === phone.name || r.mac === phone.mac)
          .map((route) => ({ kind: 'route', phone, route, folder }));
      }
    } catch (e) {
      return [{ kind: 'message', text: (e as Error).message }];
    }
    return [];
  }

  private async phones(folder: vscode.Uri | undefined): Promise<BenchNode[]> {
    const phones = await this.server.listPhones(undefined, folder);
    const nodes: BenchNode[] = phones.map((phone) => ({ kind: 'phone', phone, folder }));
    // phones the dev server saw that are not on this bench: adopt them with "Add to Bench"
    const unknown = this.dev.unknownPhones(folder).length;
    if (unknown) nodes.push({ kind: 'unknownGroup', folder, count: unknown });
    return nodes;
  }

  async getTreeItem(node: BenchNode): Promise<vscode.TreeItem> {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.folder.uri.toString()}`;
      item.contextValue = this.dev.isRunning(node.folder.uri) ? 'folder-running' : 'folder';
      item.iconPath = new vscode.ThemeIcon('root-folder');
      const running = this.dev.serverOf(node.folder.uri)?.info;
      const tftp = running && this.dev.tftpAddress(node.folder.uri);
      const tftpText = tftp ? `, TFTP ${tftpWhere(tftp)}` : '';
      item.description = running ? `dev server ${running.url}${tftpText}` : undefined;
      item.tooltip = `${node.folder.uri.fsPath}${running ? `\ndev server: ${running.url}${tftp ? `\nTFTP: ${tftpWhere(tftp)}` : ''}` : ''}`;
      return item;
    }
    if (node.kind === 'unknownGroup') {
      const item = new vscode.TreeItem('Not on the bench', vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.count} phone${node.count > 1 ? 's' : ''} fetched from the dev server`;
      item.iconPath = new vscode.ThemeIcon('question');
      item.contextValue = 'unknownGroup';
      return item;
    }
    if (node.kind === 'unknownPhone') {
      const u = node.phone;
      const item = new vscode.TreeItem(displayMac(u.mac), vscode.TreeItemCollapsibleState.None);
      item.id = `unknown:${node.folder?.toString() ?? ''}:${u.mac}`;
      item.description = describe(u);
      item.tooltip = `${u.userAgent ?? 'no User-Agent'}\nlast request ${new Date(u.lastSeen).toLocaleString()} (${u.lastPath})`;
      item.iconPath = new vscode.ThemeIcon('device-mobile', new vscode.ThemeColor('disabledForeground'));
      item.contextValue = 'unknownPhone';
      return item;
    }
    if (node.kind === 'route') {
      const r = node.route;
      const item = new vscode.TreeItem(r.path, vscode.TreeItemCollapsibleState.None);
      item.description = r.template ? `${r.template}${r.boot ? '' : ' (optional)'}` : r.status;
      item.tooltip = `${r.path} → ${r.template ?? 'no template'} (${r.status})`;
      item.iconPath = new vscode.ThemeIcon(r.template ? 'file-code' : 'warning');
      item.contextValue = 'route';
      if (r.template) {
        item.command = { command: 'provisioningStudio.bench.preview', title: 'Preview', arguments: [node] };
      }
      return item;
    }
    const p = node.phone;
    const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.Collapsed);
    // ids are unique in the tree: with several folders, a MAC may be on more than one bench
    const multi = node.folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    item.id = multi ? `phone:${node.folder!.toString()}:${p.mac}` : `phone:${p.mac}`;
    item.contextValue = 'phone';
    const state = await this.dev.phoneState(p.mac, node.folder);
    const parts = [`${p.vendor} ${p.model}`, p.ip ?? state?.ip];
    if (state) parts.push(`${ago(state.lastRequestAt)}${state.current === false ? ' · outdated' : state.current ? ' · current' : ''}`);
    // the firmware it reports against the bench's pin for its model (core words it)
    const fw = state?.firmware;
    if (fw?.text) parts.push(fw.text);
    item.description = parts.filter(Boolean).join(' · ');
    const sel = this.selected(node.folder);
    const isSelected = sel === p.name || sel?.toLowerCase() === p.mac.toLowerCase();
    const warn = state?.current === false || !!fw?.differs;
    item.iconPath = new vscode.ThemeIcon(
      warn ? 'warning' : 'device-mobile',
      warn ? new vscode.ThemeColor('problemsWarningIcon.foreground') : isSelected ? new vscode.ThemeColor('charts.blue') : undefined,
    );
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${p.name}**${isSelected ? ' (selected)' : ''}\n\n`);
    md.appendMarkdown(`- MAC \`${displayMac(p.mac)}\`\n- ${p.vendor} ${p.model}\n- IP ${p.ip ?? state?.ip ?? '—'}\n`);
    if (state) {
      md.appendMarkdown(
        `- last request ${new Date(state.lastRequestAt).toLocaleString()}${state.lastPath ? ` (\`${state.lastPath}\`)` : ''}\n`,
      );
      md.appendMarkdown(
        `- ${state.current === false ? `$(warning) what it last fetched is **outdated** (${state.stalePaths.map((p) => `\`${p}\``).join(', ')}): reprovision it` : state.current ? 'what it last fetched is current' : 'freshness unknown'}\n`,
      );
      if (fw?.text)
        md.appendMarkdown(
          `- ${fw.differs ? '$(warning) ' : ''}${fw.text}${fw.pinned ? ` — bench pin \`${fw.pinned}\`` : ''}${fw.differs ? ': reprovision it to upgrade' : ''}\n`,
        );
    } else {
      md.appendMarkdown(this.dev.isRunning(node.folder) ? '- no request from this phone yet\n' : '- dev server stopped\n');
    }
    item.tooltip = md;
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}
