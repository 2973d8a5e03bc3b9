// Start/Stop Dev Server: the DevServer (server/src/devserver, shared with the CLI `serve`) runs in the
// extension host over the saved workspace files, one per workspace folder; every request goes to
// "Provisioning Requests", and its per-phone state (last fetch, freshness) feeds the bench view. Its
// real address goes to the language server (onDidChangeServer), so previews render what it serves.
import type { UnknownPhone } from '../../../server/src/devserver/unknownPhones';
import * as vscode from 'vscode';
import { describeFirmware, firmwarePin } from '../../../server/src/core/bench/firmware';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';
import { hostPort } from '../../../server/src/core/util/text';
import { DevServer, formatLogLine, type ServerInfo } from '../../../server/src/devserver';
import { TftpServer } from '../../../server/src/devserver/tftp';
import type { ServerAddress } from '../../../server/src/core/context';
import { activeFolder, benchFolder, benchFolders, folderOf, pickFolder, settings } from '../config';
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
  /** The firmware the phone reports (User-Agent) against the bench's pin for its model, worded by core. */
  firmware?: { reported?: string; pinned?: string; text?: string; differs: boolean };
}

/** A running dev server and the workspace folder it serves. */
interface Running {
  folder: vscode.WorkspaceFolder;
  server: DevServer;
  /** The read-only TFTP listener beside it (provisioningStudio.devServer.tftpPort), when it started. */
  tftp?: TftpServer;
}

/** Where a dev server's TFTP listener is (for the log, the notification and the bench view): `udp 127.0.0.1:6969`. */
export function tftpWhere(address: { host: string; port: number }): string {
  return `udp ${hostPort(address.host, address.port)}`;
}

/** What the language server renders `{{server.url}}` from while a folder's dev server runs (null: stopped). */
export interface DevServerChange {
  folder: vscode.WorkspaceFolder;
  info?: ServerInfo;
  address: ServerAddress | null;
}

/**
 * Where phones reach a running dev server, as its templates see it: the address the server set on its
 * own workspace (real port and scheme, the listen host when a setting chose it); from its info when
 * the workspace has none.
 */
export function devServerAddress(server: DevServer, info: ServerInfo): ServerAddress {
  return server.workspace.serverAddress ?? { port: info.port, scheme: info.scheme };
}

export class DevServerController implements vscode.Disposable {
  /** One dev server per workspace folder (key: folder URI). */
  private readonly servers = new Map<string, Running>();
  private readonly disposables: vscode.Disposable[] = [];
  private disposing = false;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires on start, stop and every request (the bench view refreshes). */
  readonly onDidChange = this.changed.event;
  private readonly serverChanged = new vscode.EventEmitter<DevServerChange>();
  /** Fires when a folder's dev server started or stopped (the language server and previews follow). */
  readonly onDidChangeServer = this.serverChanged.event;

  constructor(
    private readonly log: RequestLog,
    private readonly secrets: vscode.SecretStorage,
  ) {
    void this.updateContext();
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.updateContext()));
  }

  /**
   * Context keys for menus: `devServerRunning` (some folder's server runs: Stop) and
   * `devServerAllRunning` (every folder holding a bench has one: no Start).
   */
  private async updateContext(): Promise<void> {
    const running = this.servers.size > 0;
    const all = running && (await benchFolders()).every((f) => this.servers.has(f.uri.toString()));
    await vscode.commands.executeCommand('setContext', 'provisioningStudio.devServerRunning', running);
    await vscode.commands.executeCommand('setContext', 'provisioningStudio.devServerAllRunning', all);
  }

  /** Whether any folder's dev server runs, or `folder`'s. */
  isRunning(folder?: vscode.Uri): boolean {
    return folder ? !!this.servers.get(folder.toString())?.server.running : [...this.servers.values()].some((r) => r.server.running);
  }
  get running(): boolean {
    return this.isRunning();
  }
  /** The first running server's info (single folder: the server's). */
  get info(): ServerInfo | undefined {
    return this.first()?.server.info;
  }
  /** The first running DevServer itself (tests, future features). */
  get devServer(): DevServer | undefined {
    return this.first()?.server;
  }
  /** The dev server of a workspace folder. */
  serverOf(folder: vscode.Uri): DevServer | undefined {
    return this.servers.get(folder.toString())?.server;
  }
  /** Where the TFTP listener of `folder`'s dev server (else the first running one) listens; undefined: none. */
  tftpAddress(folder?: vscode.Uri): { host: string; port: number } | undefined {
    const r = folder ? this.servers.get(folder.toString()) : this.first();
    return r?.tftp?.address;
  }
  /** Folders whose dev server runs. */
  runningFolders(): vscode.WorkspaceFolder[] {
    return [...this.servers.values()].map((r) => r.folder);
  }

  private first(): Running | undefined {
    return this.servers.values().next().value;
  }

  /** The server of `folder`, else every running one (a MAC is looked up in each). */
  private scope(folder?: vscode.Uri): DevServer[] {
    if (folder) {
      const s = this.serverOf(folder);
      return s ? [s] : [];
    }
    return [...this.servers.values()].map((r) => r.server);
  }

  async phoneState(mac: string, folder?: vscode.Uri): Promise<PhoneFetchState | undefined> {
    for (const server of this.scope(folder)) {
      const s = server.phoneState(mac.toLowerCase());
      if (!s) continue;
      const fresh = await server.freshness(s.mac);
      const last = [...s.files.values()].sort((a, b) => a.time.localeCompare(b.time)).pop();
      const bench = server.workspace.servingBench().parsed.bench;
      const phone = bench.phones.find((p) => p.mac === s.mac);
      const pinned = phone && firmwarePin(bench, phone)?.file;
      return {
        mac: s.mac,
        lastRequestAt: s.lastFetch ? Date.parse(s.lastFetch) : 0,
        lastPath: last?.path,
        ip: s.lastIp,
        current: fresh.length ? fresh.every((f) => !f.stale) : undefined,
        stalePaths: fresh.filter((f) => f.stale).map((f) => f.path),
        firmware: { reported: s.firmware, pinned, ...describeFirmware(s.firmware, pinned) },
      };
    }
    return undefined;
  }

  /** Phones that fetched from the dev server of `folder` (else of any folder) but are not on its bench, most recent first. */
  unknownPhones(folder?: vscode.Uri): { phone: UnknownPhone; folder: vscode.WorkspaceFolder }[] {
    const out: { phone: UnknownPhone; folder: vscode.WorkspaceFolder }[] = [];
    for (const r of this.servers.values()) {
      if (folder && r.folder.uri.toString() !== folder.toString()) continue;
      for (const phone of r.server.unknownPhones.all(r.server.workspace.phones)) out.push({ phone, folder: r.folder });
    }
    return out;
  }

  lastSeenIp(mac: string, folder?: vscode.Uri): string | undefined {
    for (const server of this.scope(folder)) {
      const ip = server.phoneState(mac.toLowerCase())?.lastIp;
      if (ip) return ip;
    }
    return undefined;
  }

  /**
   * Starts the dev server of a workspace folder: `target` (a folder or a file in it), else the active
   * editor's folder, else the folder holding a bench (asked when several).
   */
  async start(target?: vscode.Uri): Promise<ServerInfo | undefined> {
    const folder = await benchFolder({ uri: target, title: 'Start Dev Server: which workspace folder?' });
    if (!folder || folder.uri.scheme !== 'file') {
      void vscode.window.showErrorMessage('Provisioning Studio: open a folder with a bench file to start the dev server.');
      return undefined;
    }
    const key = folder.uri.toString();
    const already = this.servers.get(key);
    if (already) {
      void vscode.window.showInformationMessage(`Provisioning dev server already running at ${already.server.info?.url}`);
      return already.server.info;
    }
    const cfg = settings(folder);
    const s = cfg.devServer;
    let overrides: Overrides;
    try {
      const password = authNeedsPassword(s.auth) ? await this.secrets.get(passwordKey(key)) : undefined;
      overrides = devServerOverrides(s, password);
    } catch (e) {
      if (!(e instanceof OverrideError)) throw e;
      this.log.line(`dev server: not started: ${e.message}`);
      const set = /Set Dev Server Password/.test(e.message) ? 'Set Password' : undefined;
      void vscode.window
        .showErrorMessage(`Provisioning Studio: ${e.message}`, ...(set ? [set] : []))
        .then((a) => (a === set && set ? vscode.commands.executeCommand(SET_PASSWORD_COMMAND, undefined, folder.uri) : undefined));
      return undefined;
    }
    const server = new DevServer(new Workspace(new DiskFiles(folder.uri.fsPath), { benchFile: cfg.benchFile }), {
      root: folder.uri.fsPath,
      host: s.host || undefined,
      port: s.port ?? undefined,
      ...overrides,
    });
    const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const tag = multi ? `[${folder.name}] ` : '';
    server.on('request', (e) => {
      this.log.line(`${tag}${formatLogLine(e).replace(/^\S+ /, '')}`, new Date(e.time));
      this.changed.fire();
    });
    server.on('problem', (p) => {
      const lastGood = p.servingLastGood ? ' (serving the last good version)' : '';
      this.log.line(`${tag}problem: ${p.file}${p.phone ? ` [${p.phone}]` : ''}: ${p.message}${lastGood}`);
    });
    server.on('recovered', (r) => this.log.line(`${tag}fixed: ${r.file}${r.phone ? ` [${r.phone}]` : ''} renders again`));
    server.on('upload', (u) => this.log.line(`${tag}${u.ip} ${u.phone ?? u.mac} uploaded ${u.file} (${u.bytes} bytes)`));
    let info: ServerInfo;
    try {
      info = await server.start();
    } catch (e) {
      this.log.line(`${tag}dev server: could not start: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`Provisioning Studio: could not start the dev server: ${(e as Error).message}`);
      return undefined;
    }
    if (this.servers.has(key)) {
      await server.stop();
      return this.servers.get(key)!.server.info;
    } // started twice concurrently
    const running: Running = { folder, server };
    this.servers.set(key, running);
    const where = `${info.scheme}://${hostPort(info.host, info.port)}`;
    const fingerprint = info.tls ? ` (TLS SHA-256 ${info.tls.fingerprint256})` : '';
    this.log.line(`${tag}dev server listening on ${where}; phones use ${info.url}${fingerprint}`);
    const tftp = await this.startTftp(running, info, s.tftpPort, tag);
    if (multi) this.log.line(`  workspace folder: ${folder.name} (${folder.uri.fsPath})`);
    this.log.line(`  bench file: ${cfg.benchFile}`);
    if (info.tls)
      this.log.line(
        `  TLS: ${info.tls.selfSigned ? 'self-signed certificate (in memory)' : 'certificate and key files'}, from ${info.source.tls === 'override' ? 'provisioningStudio.devServer.tls' : 'the bench file'}`,
      );
    if (info.auth)
      this.log.line(
        `  authentication: ${info.auth.type}, user '${info.auth.username}' (from ${info.source.auth === 'override' ? 'provisioningStudio.devServer.auth, password in SecretStorage' : 'the bench file'})`,
      );
    else if (info.source.auth === 'override') this.log.line('  authentication: none (provisioningStudio.devServer.auth)');
    for (const p of server.phoneUrls()) this.log.line(`  ${p.phone.name}: ${p.setting}`);
    this.log.show();
    await this.updateContext();
    this.serverChanged.fire({ folder, info, address: devServerAddress(server, info) });
    this.changed.fire();
    void vscode.window
      .showInformationMessage(
        `Provisioning dev server listening on ${where}${tftp ? `, TFTP on ${tftpWhere(tftp)}` : ''}`,
        'Show Request Log',
      )
      .then((a) => a && this.log.show(false));
    return info;
  }

  /**
   * Starts the read-only TFTP listener of `provisioningStudio.devServer.tftpPort` on the dev server's host,
   * answered by the same DevServer (same files, same request log). A port it cannot take (in use, EACCES
   * below 1024) is reported in the log and a warning; HTTP keeps running.
   */
  private async startTftp(
    running: Running,
    info: ServerInfo,
    port: number | null,
    tag: string,
  ): Promise<{ host: string; port: number } | undefined> {
    if (port === null || port === undefined) return undefined;
    const fail = (message: string) => {
      this.log.line(`${tag}TFTP: not started (HTTP keeps running): ${message}`);
      void vscode.window
        .showWarningMessage(`Provisioning Studio: TFTP not started (the HTTP dev server runs): ${message}`, 'Show Request Log')
        .then((a) => a && this.log.show(false));
      return undefined;
    };
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      return fail(`provisioningStudio.devServer.tftpPort: ${JSON.stringify(port)} is not a port number (0–65535, or null for no TFTP)`);
    const tftp = new TftpServer(running.server, { host: info.host, port });
    let address: { host: string; port: number };
    try {
      address = await tftp.start();
    } catch (e) {
      return fail((e as Error).message.replace(/^TFTP: /, ''));
    }
    if (this.servers.get(running.folder.uri.toString()) !== running) {
      await tftp.stop(); // stopped while the listener started
      return undefined;
    }
    running.tftp = tftp;
    this.log.line(`  TFTP (read-only) listening on ${tftpWhere(address)}`);
    if (info.auth) this.log.line("  note: TFTP has no authentication: files fetched over TFTP are not protected by the dev server's auth");
    return address;
  }

  /**
   * Stops a folder's dev server: `target`'s folder, else the only one running, else the active editor's
   * folder when its server runs, else asks.
   */
  async stop(target?: vscode.Uri): Promise<void> {
    const running = this.runningFolders();
    let folder = folderOf(target);
    if (!folder && target) return;
    if (!folder && running.length > 1) {
      const active = activeFolder();
      const activeRuns = active && this.servers.has(active.uri.toString());
      folder = activeRuns ? active : await pickFolder(running, 'Stop Dev Server: which workspace folder?');
    }
    folder ??= running[0];
    if (folder) await this.stopFolder(folder);
  }

  /** Stops every folder's dev server. */
  async stopAll(): Promise<void> {
    await Promise.all(this.runningFolders().map((f) => this.stopFolder(f)));
  }

  private async stopFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    const entry = this.servers.get(key);
    if (!entry) return;
    this.servers.delete(key);
    try {
      await entry.tftp?.stop();
      await entry.server.stop();
    } finally {
      const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
      this.log.line(`${multi ? `[${folder.name}] ` : ''}dev server stopped`);
      await this.updateContext();
      if (!this.disposing) this.serverChanged.fire({ folder, address: null });
      this.changed.fire();
    }
  }

  /**
   * Set Dev Server Password: stores the password the devServer.auth setting's user must send in SecretStorage
   * (per workspace folder), asking for it (masked) unless given; an empty answer deletes it. Never logged.
   */
  async setPassword(password?: string, target?: vscode.Uri): Promise<boolean> {
    const folder = await benchFolder({ uri: target, title: 'Set Dev Server Password: which workspace folder?' });
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
    if (this.isRunning(folder.uri)) this.log.line('  restart the dev server to use it');
    return true;
  }

  dispose(): void {
    this.disposing = true;
    for (const d of this.disposables) d.dispose();
    void this.stopAll().finally(() => {
      this.changed.dispose();
      this.serverChanged.dispose();
    });
  }
}
