// The extension's view of the language server: typed custom requests, started lazily and awaited.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  devServerChangedNotification,
  listPhonesRequest,
  listRoutesRequest,
  effectiveRequest,
  type EffectiveResult,
  renderRequest,
  selectPhoneNotification,
  workspaceChangedNotification,
  type ListPhonesParams,
  type ListRoutesParams,
  type PhoneInfo,
  type RenderFileInfo,
  type RenderParams,
  type RenderResultMessage,
  type RouteInfo,
  type ServerAddress,
} from '../../server/src/protocol';

export type { PhoneInfo, RenderFileInfo, RenderResultMessage, RouteInfo, ServerAddress };

/** Which file of a multi-file (3CX) template to render: the requested path, else the `<deviceconfig>` index. */
export interface FileChoice {
  path?: string;
  deviceconfig?: number;
}

export class Server implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string[]>();
  /** Fires when the bench file or a template changed (server notification). */
  readonly onWorkspaceChanged = this.changed.event;
  private ready: Promise<void>;

  constructor(readonly client: LanguageClient) {
    this.ready = client.start().then(() => {
      client.onNotification(workspaceChangedNotification, (p) => this.changed.fire(p?.uris ?? []));
    });
    this.ready.catch(() => {
      /* reported by callers */
    });
  }

  async whenReady(): Promise<void> {
    try {
      await this.ready;
    } catch (e) {
      throw new Error(`the Provisioning Studio language server is not running: ${(e as Error).message ?? e}`, { cause: e });
    }
  }

  async render(uri: vscode.Uri, version: number, phone: string, file?: FileChoice): Promise<RenderResultMessage> {
    await this.whenReady();
    const params: RenderParams = { uri: uri.toString(), version, phone };
    if (file?.path) params.path = file.path;
    if (file?.deviceconfig !== undefined) params.deviceconfig = file.deviceconfig;
    return this.client.sendRequest(renderRequest, params);
  }

  /**
   * Bench phones: those `template` serves (from the bench of its workspace folder), else every phone of
   * `folder`'s bench (default: the first folder holding a bench file).
   */
  async listPhones(template?: vscode.Uri, folder?: vscode.Uri): Promise<PhoneInfo[]> {
    await this.whenReady();
    const params: ListPhonesParams = {};
    if (template) params.uri = template.toString();
    else if (folder) params.folderUri = folder.toString();
    return this.client.sendRequest(listPhonesRequest, params);
  }

  /** Routes of `phone` (every phone when omitted) on `folder`'s bench (default as in listPhones). */
  async listRoutes(phone?: string, folder?: vscode.Uri): Promise<RouteInfo[]> {
    await this.whenReady();
    const params: ListRoutesParams = {};
    if (phone) params.phone = phone;
    if (folder) params.folderUri = folder.toString();
    return this.client.sendRequest(listRoutesRequest, params);
  }

  /** The effective configuration of `phone` on `folder`'s bench (secrets masked). */
  async effective(phone: string, folder?: vscode.Uri, key?: string): Promise<EffectiveResult> {
    await this.whenReady();
    return this.client.sendRequest(effectiveRequest, { phone, key, folderUri: folder?.toString() });
  }

  /** The phone selected for `folder` (every folder when omitted). */
  selectPhone(phone: string | null, folder?: vscode.Uri): void {
    const params = folder ? { phone, folderUri: folder.toString() } : { phone };
    this.ready.then(() => this.client.sendNotification(selectPhoneNotification, params)).catch(() => {});
  }

  /**
   * The dev server of `folder` started (where phones reach it) or stopped (null): the language server
   * renders that folder's `{{server.url}}` from it. Resolves once sent; notifications keep their order
   * with later requests, so a render asked after this sees the new address.
   */
  async devServerChanged(folder: vscode.Uri, address: ServerAddress | null): Promise<void> {
    await this.whenReady();
    await this.client.sendNotification(devServerChangedNotification, { folderUri: folder.toString(), address });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
