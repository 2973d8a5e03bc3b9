// The extension's view of the language server: typed custom requests, started lazily and awaited.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  listPhonesRequest, listRoutesRequest, renderRequest, selectPhoneNotification, workspaceChangedNotification,
  type PhoneInfo, type RenderFileInfo, type RenderParams, type RenderResultMessage, type RouteInfo,
} from '../../server/src/protocol';

export type { PhoneInfo, RenderFileInfo, RenderResultMessage, RouteInfo };

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
    this.ready.catch(() => { /* reported by callers */ });
  }

  async whenReady(): Promise<void> {
    try {
      await this.ready;
    } catch (e) {
      throw new Error(`the Provisioning Studio language server is not running: ${(e as Error).message ?? e}`);
    }
  }

  async render(uri: vscode.Uri, version: number, phone: string, file?: FileChoice): Promise<RenderResultMessage> {
    await this.whenReady();
    const params: RenderParams = { uri: uri.toString(), version, phone };
    if (file?.path) params.path = file.path;
    if (file?.deviceconfig !== undefined) params.deviceconfig = file.deviceconfig;
    return this.client.sendRequest(renderRequest, params);
  }

  async listPhones(template?: vscode.Uri): Promise<PhoneInfo[]> {
    await this.whenReady();
    return this.client.sendRequest(listPhonesRequest, template ? { uri: template.toString() } : {});
  }

  async listRoutes(phone?: string): Promise<RouteInfo[]> {
    await this.whenReady();
    return this.client.sendRequest(listRoutesRequest, phone ? { phone } : {});
  }

  selectPhone(phone: string | null): void {
    this.ready.then(() => this.client.sendNotification(selectPhoneNotification, { phone })).catch(() => {});
  }

  dispose(): void {
    this.changed.dispose();
  }
}
