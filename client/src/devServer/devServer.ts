// Start/Stop Dev Server: the DevServer (server/src/devserver, shared with the CLI `serve`) runs in the
// extension host over the saved workspace files; every request goes to "Provisioning Requests", and
// its per-phone state (last fetch, freshness) feeds the bench view.
import * as vscode from 'vscode';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';
import { DevServer, formatLogLine, type ServerInfo } from '../../../server/src/devserver';
import { benchFolder, settings } from '../config';
import type { RequestLog } from '../requestLog';

export interface PhoneFetchState {
  mac: string;
  /** ms since epoch of the phone's last request. */
  lastRequestAt: number;
  lastPath?: string;
  ip?: string;
  /** Whether every file the phone last fetched is what it would get now (undefined: nothing fetched). */
  current?: boolean;
  stalePaths: string[];
}

export class DevServerController implements vscode.Disposable {
  private server?: DevServer;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires on start, stop and every request (the bench view refreshes). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: RequestLog) {
    void vscode.commands.executeCommand('setContext', 'provisioningStudio.devServerRunning', false);
  }

  get running(): boolean { return !!this.server?.running; }
  get info(): ServerInfo | undefined { return this.server?.info; }
  /** The DevServer itself (tests, future features). */
  get devServer(): DevServer | undefined { return this.server; }

  phoneState(mac: string): PhoneFetchState | undefined {
    const s = this.server?.phoneState(mac.toLowerCase());
    if (!s || !this.server) return undefined;
    const fresh = this.server.freshness(s.mac);
    const last = [...s.files.values()].sort((a, b) => a.time.localeCompare(b.time)).pop();
    return {
      mac: s.mac,
      lastRequestAt: s.lastFetch ? Date.parse(s.lastFetch) : 0,
      lastPath: last?.path,
      ip: s.lastIp,
      current: fresh.length ? fresh.every((f) => !f.stale) : undefined,
      stalePaths: fresh.filter((f) => f.stale).map((f) => f.path),
    };
  }

  lastSeenIp(mac: string): string | undefined { return this.server?.phoneState(mac.toLowerCase())?.lastIp; }

  async start(): Promise<ServerInfo | undefined> {
    if (this.server) {
      void vscode.window.showInformationMessage(`Provisioning dev server already running at ${this.server.info?.url}`);
      return this.server.info;
    }
    const folder = await benchFolder();
    if (!folder || folder.uri.scheme !== 'file') {
      void vscode.window.showErrorMessage('Provisioning Studio: open a folder with a bench file to start the dev server.');
      return undefined;
    }
    const s = settings(folder).devServer;
    if (s.tls || s.auth !== 'bench') {
      this.log.line('note: devServer.tls / devServer.auth settings are not applied yet; server.tls and server.auth in the bench file decide');
    }
    const server = new DevServer(new Workspace(new DiskFiles(folder.uri.fsPath)), {
      root: folder.uri.fsPath,
      host: s.host || undefined,
      port: s.port ?? undefined,
    });
    server.on('request', (e) => { this.log.line(formatLogLine(e).replace(/^\S+ /, ''), new Date(e.time)); this.changed.fire(); });
    server.on('problem', (p) => this.log.line(`problem: ${p.file}${p.phone ? ` [${p.phone}]` : ''}: ${p.message}${p.servingLastGood ? ' (serving the last good version)' : ''}`));
    server.on('recovered', (r) => this.log.line(`fixed: ${r.file}${r.phone ? ` [${r.phone}]` : ''} renders again`));
    server.on('upload', (u) => this.log.line(`${u.ip} ${u.phone ?? u.mac} uploaded ${u.file} (${u.bytes} bytes)`));
    let info: ServerInfo;
    try {
      info = await server.start();
    } catch (e) {
      this.log.line(`dev server: could not start: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`Provisioning Studio: could not start the dev server: ${(e as Error).message}`);
      return undefined;
    }
    this.server = server;
    const where = `${info.scheme}://${info.host.includes(':') ? `[${info.host}]` : info.host}:${info.port}`;
    this.log.line(`dev server listening on ${where}; phones use ${info.url}${info.tls ? ` (TLS SHA-256 ${info.tls.fingerprint256})` : ''}`);
    for (const p of server.phoneUrls()) this.log.line(`  ${p.phone.name}: ${p.setting}`);
    this.log.show();
    await vscode.commands.executeCommand('setContext', 'provisioningStudio.devServerRunning', true);
    this.changed.fire();
    void vscode.window.showInformationMessage(`Provisioning dev server listening on ${where}`, 'Show Request Log').then((a) => a && this.log.show(false));
    return info;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    try { await server.stop(); } finally {
      this.log.line('dev server stopped');
      await vscode.commands.executeCommand('setContext', 'provisioningStudio.devServerRunning', false);
      this.changed.fire();
    }
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}
