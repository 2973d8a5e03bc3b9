// Read-only virtual documents with the rendered config (provisioning-preview: scheme).
// Renders carry the template's document version; a reply for an older version is dropped.
import * as vscode from 'vscode';
import type { FileChoice, RenderResultMessage, Server } from '../serverRequests';
import { failureText, previewText } from './format';
import { parsePreviewUri, previewUri, PREVIEW_SCHEME } from './previewUri';

interface Entry {
  text: string;
  /** Template version the text was rendered from. */
  version: number;
  /** Sequence number of the newest request sent; replies to older ones are ignored. */
  seq: number;
}

export class PreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, Entry>();
  private seq = 0;
  private readonly renderedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; result?: RenderResultMessage }>();
  /** Fires after a preview's content was replaced (tests and the status bar use it). */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(private readonly server: Server) {}

  /** Renders `template` for `phone` now and returns the preview URI (named after the served file). */
  async render(template: vscode.Uri, phone: string, file?: FileChoice): Promise<vscode.Uri> {
    return (await this.renderResult(template, phone, file)).uri;
  }

  /**
   * Renders `template` for `phone` (for a multi-file 3CX template: the file `file` names, else the
   * phone's first) and returns the preview URI with the server's reply.
   */
  async renderResult(template: vscode.Uri, phone: string, file?: FileChoice): Promise<{ uri: vscode.Uri; result: RenderResultMessage }> {
    const doc = await vscode.workspace.openTextDocument(template);
    const seq = ++this.seq;
    const r = await this.server.render(template, doc.version, phone, file);
    // multi-file templates: the preview remembers the file it shows (path and deviceconfig) for refreshes
    const shown = r.files?.length ? { path: r.fileName, deviceconfig: r.deviceconfig } : undefined;
    const uri = previewUri({ template, phone: r.phone?.name ?? phone, fileName: r.fileName, file: shown });
    this.apply(uri, r, seq, doc.version);
    return { uri, result: r };
  }

  /** Re-renders an open preview; drops the reply when the template changed again meanwhile. */
  async refresh(uri: vscode.Uri): Promise<void> {
    const t = parsePreviewUri(uri);
    if (!t) return;
    const seq = ++this.seq;
    const entry = this.entries.get(uri.toString());
    if (entry) entry.seq = seq;
    try {
      const doc = await vscode.workspace.openTextDocument(t.template);
      const r = await this.server.render(t.template, doc.version, t.phone, t.file);
      this.apply(uri, r, seq, doc.version);
    } catch (e) {
      const message = (e as Error).message ?? String(e);
      vscode.window.setStatusBarMessage(`$(error) Provisioning preview: ${message}`, 5000);
      this.set(uri, failureText(t.fileName, t.phone, message), -1, seq);
    }
  }

  private apply(uri: vscode.Uri, r: RenderResultMessage, seq: number, sentVersion: number): void {
    const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri)?.version ?? sentVersion;
    if (r.version !== current) return; // stale: the template changed after this request; a newer render follows
    this.set(uri, previewText(r), r.version, seq, r);
  }

  private set(uri: vscode.Uri, text: string, version: number, seq: number, result?: RenderResultMessage): void {
    const key = uri.toString();
    const prev = this.entries.get(key);
    if (prev && seq < prev.seq) return; // an older request answered after a newer one
    this.entries.set(key, { text, version, seq });
    if (prev?.text !== text) this.changed.fire(uri);
    this.renderedEmitter.fire({ uri, result });
  }

  provideTextDocumentContent(uri: vscode.Uri): string | Thenable<string> {
    const hit = this.entries.get(uri.toString());
    if (hit) return hit.text;
    return this.refresh(uri).then(() => this.entries.get(uri.toString())?.text ?? '');
  }

  /** URIs of preview documents VS Code currently holds. */
  openPreviews(): vscode.Uri[] {
    return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === PREVIEW_SCHEME && !d.isClosed).map((d) => d.uri);
  }

  /** The text last rendered for a preview (undefined before its first render). */
  textOf(uri: vscode.Uri): string | undefined {
    return this.entries.get(uri.toString())?.text;
  }

  forget(uri: vscode.Uri): void {
    this.entries.delete(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
    this.renderedEmitter.dispose();
  }
}
