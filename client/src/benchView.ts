// "Provisioning Bench" tree: phones (vendor, model, IP, last request, whether the last fetch is current)
// and, below each phone, the files it requests with the template answering each.
import * as vscode from 'vscode';
import type { DevServerController } from './devServer/devServer';
import { displayMac } from './phonePicker';
import type { PhoneInfo, RouteInfo, Server } from './server';

export type BenchNode = { kind: 'phone'; phone: PhoneInfo } | { kind: 'route'; phone: PhoneInfo; route: RouteInfo } | { kind: 'message'; text: string };

function ago(ms: number): string {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  return s < 60 ? `${s} s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : new Date(ms).toLocaleString();
}

export class BenchView implements vscode.TreeDataProvider<BenchNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BenchNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer?: NodeJS.Timeout;

  constructor(private readonly server: Server, private readonly dev: DevServerController, private readonly selected: () => string | undefined) {
    this.disposables.push(
      server.onWorkspaceChanged(() => this.refresh()),
      dev.onDidChange(() => this.refresh()),
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
        const phones = await this.server.listPhones();
        return phones.map((phone) => ({ kind: 'phone', phone }));
      }
      if (node.kind === 'phone') {
        const routes = await this.server.listRoutes(node.phone.name);
        return routes.filter((r) => r.phone === node.phone.name || r.mac === node.phone.mac).map((route) => ({ kind: 'route', phone: node.phone, route }));
      }
    } catch (e) {
      return [{ kind: 'message', text: (e as Error).message }];
    }
    return [];
  }

  getTreeItem(node: BenchNode): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
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
    item.id = `phone:${p.mac}`;
    item.contextValue = 'phone';
    const state = this.dev.phoneState(p.mac);
    const parts = [`${p.vendor} ${p.model}`, p.ip ?? state?.ip];
    if (state) parts.push(`${ago(state.lastRequestAt)}${state.current === false ? ' · outdated' : state.current ? ' · current' : ''}`);
    item.description = parts.filter(Boolean).join(' · ');
    const sel = this.selected();
    const isSelected = sel === p.name || sel?.toLowerCase() === p.mac.toLowerCase();
    item.iconPath = new vscode.ThemeIcon(
      state?.current === false ? 'warning' : 'device-mobile',
      state?.current === false ? new vscode.ThemeColor('problemsWarningIcon.foreground') : isSelected ? new vscode.ThemeColor('charts.blue') : undefined,
    );
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${p.name}**${isSelected ? ' (selected)' : ''}\n\n`);
    md.appendMarkdown(`- MAC \`${displayMac(p.mac)}\`\n- ${p.vendor} ${p.model}\n- IP ${p.ip ?? state?.ip ?? '—'}\n`);
    if (state) {
      md.appendMarkdown(`- last request ${new Date(state.lastRequestAt).toLocaleString()}${state.lastPath ? ` (\`${state.lastPath}\`)` : ''}\n`);
      md.appendMarkdown(`- ${state.current === false ? `$(warning) what it last fetched is **outdated** (${state.stalePaths.map((p) => `\`${p}\``).join(', ')}): reprovision it` : state.current ? 'what it last fetched is current' : 'freshness unknown'}\n`);
    } else {
      md.appendMarkdown(this.dev.running ? '- no request from this phone yet\n' : '- dev server stopped\n');
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
