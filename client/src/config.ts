// Typed access to the extension's settings (all under provisioningStudio.*).
import * as vscode from 'vscode';
import type { AuthSetting, TlsSetting } from './devserver/overrides';
import { PREVIEW_SCHEME } from './preview/previewUri';

export const SECTION = 'provisioningStudio';
/** Language id of 3CX phone templates (`*.ph.xml`, `*.fxs.xml`); the server's THREECX_LANGUAGE_ID. */
export const THREECX_LANGUAGE = 'provisioning-3cx';
export const LANGUAGES = ['provisioning-cfg-hbs', 'provisioning-xml-hbs', THREECX_LANGUAGE] as const;
/** Files the language server watches on disk: templates, the bench, workspace catalogs (another bench file: benchGlob). */
export const TEMPLATE_GLOBS = ['**/{bench.yaml,templates/**/*.hbs}', '**/*.{ph,fxs}.xml', '**/catalog/*.yaml'] as const;
export const DEFAULT_BENCH_FILE = 'bench.yaml';

export interface DevServerSettings {
  host: string;
  port: number | null;
  /** 'bench' | 'off' | 'self-signed' | { cert, key } (see devserver/overrides.ts). */
  tls: TlsSetting;
  /** 'bench' | 'none' | { type, username, realm? }; the password lives in SecretStorage. */
  auth: AuthSetting;
  /** UDP port of a read-only TFTP listener beside the dev server (on its host); null: no TFTP. */
  tftpPort: number | null;
}

/** The bench file setting as a workspace-relative path with forward slashes (`./lab/bench.yaml` → `lab/bench.yaml`). */
export function benchFileOf(value: string | undefined): string {
  const parts = String(value ?? '')
    .trim()
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s && s !== '.');
  return parts.length ? parts.join('/') : DEFAULT_BENCH_FILE;
}

/** The glob matching the bench file in a workspace folder (for a document selector or a file watcher). */
export function benchGlob(benchFile: string): string {
  return `**/${benchFileOf(benchFile)}`;
}

export function settings(scope?: vscode.ConfigurationScope) {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    benchFile: benchFileOf(c.get<string>('benchFile', DEFAULT_BENCH_FILE)),
    selectedPhone: c.get<string>('selectedPhone', ''),
    previewDelay: Math.max(0, c.get<number>('previewDelay', 300)),
    devServer: {
      host: c.get<string>('devServer.host', ''),
      port: c.get<number | null>('devServer.port', null),
      tls: c.get<TlsSetting>('devServer.tls', 'bench'),
      auth: c.get<AuthSetting>('devServer.auth', 'bench'),
      tftpPort: c.get<number | null>('devServer.tftpPort', null),
    } as DevServerSettings,
  };
}

export function isTemplateDocument(doc: vscode.TextDocument | undefined): boolean {
  return !!doc && (LANGUAGES as readonly string[]).includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

/** A 3CX phone template (multi-file: one preview per `<deviceconfig>`), by language id or file name. */
export function isThreeCxTemplate(uri: vscode.Uri): boolean {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return doc?.languageId === THREECX_LANGUAGE || /\.(ph|fxs)\.xml$/i.test(uri.path);
}

/** The workspace folders holding their bench file (each folder's provisioningStudio.benchFile), in order. */
export async function benchFolders(): Promise<vscode.WorkspaceFolder[]> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const has = await Promise.all(
    folders.map(async (f) => {
      try {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(f.uri, settings(f).benchFile));
        return true;
      } catch {
        return false;
      }
    }),
  );
  return folders.filter((_, i) => has[i]);
}

/** The template behind a document URI: a preview (provisioning-preview:…?<template>) names it in its query. */
function sourceUri(uri: vscode.Uri): vscode.Uri {
  if (uri.scheme !== PREVIEW_SCHEME || !uri.query) return uri;
  try {
    return vscode.Uri.parse(uri.query, true);
  } catch {
    return uri;
  }
}

/** The workspace folder of a URI (a preview counts as its template), or undefined. */
export function folderOf(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  return uri ? vscode.workspace.getWorkspaceFolder(sourceUri(uri)) : undefined;
}

/** The workspace folder of the active editor (a preview's: its template's), or undefined. */
export function activeFolder(): vscode.WorkspaceFolder | undefined {
  return folderOf(vscode.window.activeTextEditor?.document.uri);
}

/**
 * The folder a command works on, without asking: the one holding `uri`, else the active editor's, else
 * the only workspace folder, else the first. For synchronous callers (status bar, selection).
 */
export function currentFolder(uri?: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return folderOf(uri) ?? activeFolder() ?? vscode.workspace.workspaceFolders?.[0];
}

/**
 * The workspace folder whose bench a command uses: the folder holding `uri` when given; else the
 * active editor's folder when it holds a bench file; else the only folder holding one; with several,
 * a quick pick asks (the first when `ask` is false or nothing is picked: undefined then). No folder
 * holding a bench: the active editor's folder, else the first folder.
 */
export async function benchFolder(
  opts: { uri?: vscode.Uri; ask?: boolean; title?: string } = {},
): Promise<vscode.WorkspaceFolder | undefined> {
  const given = folderOf(opts.uri);
  if (given) return given;
  const withBench = await benchFolders();
  const active = activeFolder();
  if (active && withBench.some((f) => f.uri.toString() === active.uri.toString())) return active;
  if (withBench.length <= 1) return withBench[0] ?? active ?? vscode.workspace.workspaceFolders?.[0];
  if (opts.ask === false) return withBench[0];
  return pickFolder(withBench, opts.title ?? 'Provisioning: which workspace folder?');
}

/** Quick pick of workspace folders (name, bench file, path). */
export async function pickFolder(folders: readonly vscode.WorkspaceFolder[], title: string): Promise<vscode.WorkspaceFolder | undefined> {
  const picked = await vscode.window.showQuickPick(
    folders.map((folder) => ({
      label: `$(root-folder) ${folder.name}`,
      description: settings(folder).benchFile,
      detail: folder.uri.fsPath,
      folder,
    })),
    { title, placeHolder: 'Workspace folder (each folder with a bench file is its own provisioning workspace)' },
  );
  return picked?.folder;
}
