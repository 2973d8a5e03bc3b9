// Custom LSP requests shared by the VS Code client and the language server. One typed file, imported by both.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { ServerAddress } from './core/context';

export type { ServerAddress };

export interface PhoneInfo {
  name: string;
  mac: string;
  vendor: string;
  model: string;
  ip?: string;
}

export interface RenderParams {
  /** The template document. */
  uri: string;
  /** The document version the client saw; the reply echoes it so stale replies can be dropped. */
  version: number;
  /** Phone MAC or name. */
  phone: string;
  /**
   * Multi-file templates (3CX `.ph.xml`): which of the phone's files to render, by the path the phone
   * requests (e.g. `805e0c575701.cfg`, leading '/' optional) as listed in `RenderResultMessage.files`.
   * Ignored by single-file (Handlebars) templates. Default: the phone's first file.
   */
  path?: string;
  /** Multi-file templates: which `<deviceconfig>` (0-based) to render when `path` is not given. */
  deviceconfig?: number;
}

/** One file a multi-file template (3CX) produces for the phone. */
export interface RenderFileInfo {
  /** The path the phone requests, e.g. `805e0c575701.cfg`. */
  path: string;
  /** Index of the template's `<deviceconfig>` (0-based). */
  deviceconfig: number;
  /** The `<deviceconfig filename>` pattern, e.g. `%%mac_address%%.cfg`. */
  filename: string;
}

export interface RenderResultMessage {
  uri: string;
  version: number;
  phone: PhoneInfo;
  /** The served file name for this phone (e.g. 805e0c112233.cfg), or the template name when it serves no route. */
  fileName: string;
  /** Rendered text (empty when rendering failed). */
  text: string;
  /** Render errors, as messages with template line numbers. */
  errors: string[];
  contentType: string;
  /** Escaping applied to {{expr}}: 'xml' or 'none'. */
  escape: string;
  /**
   * Multi-file templates (3CX `.ph.xml`): every file the template produces for this phone, in boot order
   * (for a file picker; send one's `path` back in RenderParams). Absent for Handlebars templates.
   */
  files?: RenderFileInfo[];
  /** Multi-file templates: the `<deviceconfig>` index rendered (0-based). */
  deviceconfig?: number;
}

export interface ListPhonesParams {
  /** When set, only phones this template serves (from the bench of the workspace folder holding it). */
  uri?: string;
  /**
   * Multi-root workspaces: the folder whose bench to list when `uri` is not given. Default: the first
   * workspace folder holding its bench file.
   */
  folderUri?: string;
}

export interface ListRoutesParams {
  /** When set, only this phone's routes (name or MAC). */
  phone?: string;
  /** Multi-root workspaces: the folder whose bench to read (default as in ListPhonesParams). */
  folderUri?: string;
}

export interface RouteInfo {
  phone: string;
  mac: string;
  model: string;
  path: string;
  boot: boolean;
  template?: string;
  status: string;
}

export interface EffectiveParams {
  /** Phone name or MAC (default: the folder's selected phone, else its first bench phone). */
  phone?: string;
  /** Only keys containing this text (or matching this glob). */
  key?: string;
  folderUri?: string;
}

/** A phone's effective configuration (core effectiveView, and as `text` the CLI's table; secrets masked), or why there is none. */
export type EffectiveResult = (import('./core/effective').EffectiveView & { text: string }) | { error: string };

export const renderRequest = new RequestType<RenderParams, RenderResultMessage, void>('provisioning/render');
export const effectiveRequest = new RequestType<EffectiveParams, EffectiveResult, void>('provisioning/effective');
export const listPhonesRequest = new RequestType<ListPhonesParams, PhoneInfo[], void>('provisioning/listPhones');
export const listRoutesRequest = new RequestType<ListRoutesParams, RouteInfo[], void>('provisioning/listRoutes');
/** Sent by the server when the bench file or a template changed on disk or in an editor, so previews refresh. */
export const workspaceChangedNotification = new NotificationType<{ uris: string[] }>('provisioning/workspaceChanged');

// ---- added by the VS Code client ----
export interface SelectPhoneParams {
  /** Name or MAC of the phone the user selected (status bar / Select Phone), or null for none. */
  phone: string | null;
  /** Multi-root workspaces: the folder the phone belongs to (absent: every folder). */
  folderUri?: string;
}
/**
 * Client → server: the phone the user selected. Features that depend on one phone (hover values, output
 * checks shown first for that phone) may use it; a server that ignores it is fine.
 */
export const selectPhoneNotification = new NotificationType<SelectPhoneParams>('provisioning/selectPhone');

export interface DevServerChangedParams {
  /** The workspace folder whose dev server started or stopped. */
  folderUri: string;
  /** Where phones reach it now (what `{{server.url}}` renders from), or null when it stopped. */
  address: ServerAddress | null;
}
/**
 * Client → server: the dev server the client runs for a workspace folder started (with its real address:
 * port 0, the devServer.* settings) or stopped. Renders of that folder (Preview Config, output checks)
 * then use that address for `{{server.url}}`, so the preview is what the phone gets.
 */
export const devServerChangedNotification = new NotificationType<DevServerChangedParams>('provisioning/devServerChanged');
