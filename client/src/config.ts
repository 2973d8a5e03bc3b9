// Typed access to the extension's settings (all under provisioningStudio.*).
import * as vscode from 'vscode';
import type { AuthSetting, TlsSetting } from './devServer/overrides';

export const SECTION = 'provisioningStudio';
/** Language id of 3CX phone templates (`*.ph.xml`, `*.fxs.xml`); the server's THREECX_LANGUAGE_ID. */
export const THREECX_LANGUAGE = 'provisioning-3cx';
export const LANGUAGES = ['provisioning-cfg-hbs', 'provisioning-xml-hbs', THREECX_LANGUAGE] as const;
/** Template files the language server watches on disk (a bench file not named bench.yaml: see benchGlob). */
export const TEMPLATE_GLOBS = ['**/{bench.yaml,templates/**/*.hbs}', '**/*.{ph,fxs}.xml'] as const;
export const DEFAULT_BENCH_FILE = 'bench.yaml';

export interface DevServerSettings {
  host: string;
  port: number | null;
  /** 'bench' | 'off' | 'self-signed' | { cert, key } (see devServer/overrides.ts). */
  tls: TlsSetting;
  /** 'bench' | 'none' | { type, username, realm? }; the password lives in SecretStorage. */
  auth: AuthSetting;
}

/** The bench file setting as a workspace-relative path with forward slashes (`./lab/bench.yaml` → `lab/bench.yaml`). */
export function benchFileOf(value: string | undefined): string {
  const parts = String(value ?? '').trim().replace(/\\/g, '/').split('/').filter((s) => s && s !== '.');
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

/** The workspace folder holding the bench file (the first folder that has one, else the first folder). */
export async function benchFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const f of folders) {
    const bench = vscode.Uri.joinPath(f.uri, settings(f).benchFile);
    try { await vscode.workspace.fs.stat(bench); return f; } catch { /* next */ }
  }
  return folders[0];
}
