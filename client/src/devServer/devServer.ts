// Start/Stop Dev Server: the DevServer (server/src/devserver, shared with the CLI `serve`) runs in the
// extension host over the saved workspace files; every request goes to "Provisioning Requests", and
// its per-phone state (last fetch, freshness) feeds the bench view.
import * as vscode from 'vscode';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';
import { DevServer, formatLogLine, type ServerInfo } from '../../../server/src/devserver';
import { benchFolder, settings } from '../config';
import type { RequestLog } from '../requestLog';
import { authNeedsPassword, devServerOverrides, OverrideError, passwordKey, type Overrides } from './overrides';

export const SET_PASSWORD_COMMAND = 'provisioningStudio.setDevServerPassword';

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

  constructor(private readonly log: RequestLog, private readonly secrets: vscode.SecretStorage) {
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
    const cfg = settings(folder);
    const s = cfg.devServer;
    let overrides: Overrides;
    try {
      const password = authNeedsPassword(s.auth) ? await this.secrets.get(passwordKey(folder.uri.toString())) : undefined;
      overrides = devServerOverrides(s, password);
    } catch (e) {
      if (!(e instanceof OverrideError)) throw e;
      this.log.line(`dev server: not started: ${e.message}`);
      const set = /Set Dev Server Password/.test(e.message) ? 'Set Password' : undefined;
      void vscode.window.showErrorMessage(`Provisioning Studio: ${e.message}`, ...(set ? [set] : []))
        .then((a) => a === set && set ? vscode.commands.executeCommand(SET_PASSWORD_COMMAND) : undefined);
      return undefined;
    }
    const server = new DevServer(new Workspace(new DiskFiles(folder.uri.fsPath), { benchFile: cfg.benchFile }), {
      root: folder.uri.fsPath,
      host: s.host || undefined,
      port: s.port ?? undefined,
      ...overrides,
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
    this.log.line(`  bench file: ${cfg.benchFile}`);
    if (info.tls) this.log.line(`  TLS: ${info.tls.selfSigned ? 'self-signed certificate (in memory)' : 'certificate and key files'}, from ${info.source.tls === 'override' ? 'provisioningStudio.devServer.tls' : 'the bench file'}`);
    if (info.auth) this.log.line(`  authentication: ${info.auth.type}, user '${info.auth.username}' (from ${info.source.auth === 'override' ? 'provisioningStudio.devServer.auth, password in SecretStorage' : 'the bench file'})`);
    else if (info.source.auth === 'override') this.log.line('  authentication: none (provisioningStudio.devServer.auth)');
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

  /**
   * Set Dev Server Password: stores the password the devServer.auth setting's user must send in SecretStorage
   * (per workspace folder), asking for it (masked) unless given; an empty answer deletes it. Never logged.
   */
  async setPassword(password?: string): Promise<boolean> {
    const folder = await benchFolder();
    if (!folder) {
      void vscode.window.showErrorMessage('Provisioning Studio: open a workspace folder first.');
      return false;
    }
    const key = passwordKey(folder.uri.toString());
    let value = typeof password === 'string' ? password : undefined;
    if (value === undefined) {
      const auth = settings(folder).devServer.auth;
      const user = auth && typeof auth === 'object' ? ` for user '${auth.username}'` : '';
      value = await vscode.window.showInputBox({
        title: 'Provisioning: Set Dev Server Password',
        prompt: `Password phones must send to the dev server${user} (provisioningStudio.devServer.auth). Kept in VS Code's secret storage; empty: delete it.`,
        password: true,
        ignoreFocusOut: true,
      });
      if (value === undefined) return false;
    }
    if (value) await this.secrets.store(key, value);
    else await this.secrets.delete(key);
    this.log.line(value ? 'dev server password stored in secret storage' : 'dev server password deleted from secret storage');
    if (this.running) this.log.line('  restart the dev server to use it');
    return true;
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}
