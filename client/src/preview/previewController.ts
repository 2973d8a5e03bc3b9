// "Preview Config": opens the rendered file beside the template, keeps it live (debounced on edits,
// on workspaceChanged, on phone switch) and makes it follow the active template editor.
import * as vscode from 'vscode';
import { isTemplateDocument, isThreeCxTemplate, settings } from '../config';
import { pickPhone, phonesFor } from '../phonePicker';
import type { PhoneSelection } from '../selection';
import type { FileChoice, Server } from '../serverRequests';
import { FileChoices, pickFile } from './fileChoice';
import { PreviewProvider } from './provider';
import { parsePreviewUri, PREVIEW_SCHEME } from './previewUri';

export class PreviewController implements vscode.Disposable {
  readonly provider: PreviewProvider;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Multi-file (3CX) templates: the file previewed per (template, phone). */
  readonly files: FileChoices;

  constructor(
    private readonly server: Server,
    private readonly selection: PhoneSelection,
    state?: vscode.Memento,
  ) {
    this.provider = new PreviewProvider(server);
    this.files = new FileChoices(state);
    this.disposables.push(
      this.provider,
      vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this.provider),
      vscode.workspace.onDidChangeTextDocument((e) => this.onTemplateChanged(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === PREVIEW_SCHEME) this.provider.forget(d.uri);
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => void this.follow(e)),
      server.onWorkspaceChanged(() => this.refreshAll()),
      selection.onDidChange((c) => void this.switchPhone(c.folder)),
    );
  }

  /** The template behind an editor: the template itself, or the one a preview shows. */
  templateOf(editor = vscode.window.activeTextEditor): vscode.Uri | undefined {
    if (!editor) return undefined;
    if (isTemplateDocument(editor.document)) return editor.document.uri;
    return parsePreviewUri(editor.document.uri)?.template;
  }

  /**
   * The phone to preview a template as: `prefer` or the one selected for its workspace folder when it
   * serves the template, else asks (or the first).
   */
  async phoneFor(template: vscode.Uri, ask = true, prefer?: string): Promise<string | undefined> {
    const selected = this.selection.phoneOf(template);
    const { phones } = await phonesFor(this.server, template);
    const find = (q?: string) => q && phones.find((p) => p.name === q || p.mac.toLowerCase() === q.toLowerCase());
    const hit = find(prefer) || find(selected);
    if (hit) return hit.name;
    if (!ask) return phones[0]?.name;
    const picked = await pickPhone(this.server, { template, selected, title: 'Preview Config: select a phone' });
    if (picked) await this.selection.set(picked.name, template);
    return picked?.name;
  }

  /**
   * Which file of a multi-file (3CX) template to show for `phone`: with several files, asks (the
   * remembered choice pre-selected) unless `ask` is false; remembers the answer. `null` when cancelled,
   * undefined for single-file templates.
   */
  async fileFor(
    template: vscode.Uri,
    phone: string,
    { ask = true, title }: { ask?: boolean; title?: string } = {},
  ): Promise<FileChoice | undefined | null> {
    if (!isThreeCxTemplate(template)) return undefined;
    const remembered = this.files.get(template, phone);
    if (!ask) return remembered;
    const doc = await vscode.workspace.openTextDocument(template);
    const r = await this.server.render(template, doc.version, phone, remembered);
    const files = r.files ?? [];
    if (files.length <= 1) return remembered ?? (files[0] ? { path: files[0].path, deviceconfig: files[0].deviceconfig } : undefined);
    const picked = await pickFile(files, { current: remembered ?? { deviceconfig: r.deviceconfig }, title, template, phone });
    if (!picked) return null;
    const choice = { path: picked.path, deviceconfig: picked.deviceconfig };
    await this.files.set(template, phone, choice);
    return choice;
  }

  /**
   * Preview Config [template] [phone] [path]: renders and shows the preview beside the template. For a
   * 3CX template producing several files, `path` (the path the phone requests) names the file, else a
   * quick pick asks.
   */
  async preview(template?: vscode.Uri, phone?: string, path?: string): Promise<vscode.TextEditor | undefined> {
    template ??= this.templateOf();
    if (!template) {
      void vscode.window.showInformationMessage('Provisioning Studio: open a template (*.cfg.hbs, *.xml.hbs, *.ph.xml) to preview it.');
      return undefined;
    }
    phone ??= await this.phoneFor(template);
    if (!phone) return undefined;
    const file = path ? { path } : await this.fileFor(template, phone, { title: `Preview Config: which file for ${phone}?` });
    if (file === null) return undefined;
    const { uri, result } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Rendering for ${phone}` },
      () => this.provider.renderResult(template!, phone!, file),
    );
    if (path && result.files?.length) await this.files.set(template, phone, { path: result.fileName, deviceconfig: result.deviceconfig });
    return this.show(uri);
  }

  private async show(uri: vscode.Uri, column = vscode.ViewColumn.Beside): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(uri);
    // an already open preview takes the new text asynchronously (onDidChange): return it up to date
    const want = this.provider.textOf(uri);
    if (want !== undefined && doc.getText() !== want) await this.contentOf(doc, want, 2000);
    return vscode.window.showTextDocument(doc, { preview: true, viewColumn: column, preserveFocus: true });
  }

  private contentOf(doc: vscode.TextDocument, text: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === doc && doc.getText() === this.provider.textOf(doc.uri)) done();
      });
      const timer = setTimeout(done, timeoutMs);
      if (doc.getText() === text) done();
    });
  }

  private visiblePreviews(): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme === PREVIEW_SCHEME);
  }

  private onTemplateChanged(doc: vscode.TextDocument): void {
    if (doc.uri.scheme === PREVIEW_SCHEME) return;
    this.schedule(doc.uri.toString(), settings(doc.uri).previewDelay);
  }

  /** Debounced re-render of the open previews of one template (edits and workspaceChanged coalesce). */
  private schedule(templateKey: string, delay: number): void {
    if (!this.provider.openPreviews().some((u) => parsePreviewUri(u)?.template.toString() === templateKey)) return;
    clearTimeout(this.timers.get(templateKey));
    this.timers.set(
      templateKey,
      setTimeout(() => {
        this.timers.delete(templateKey);
        for (const u of this.provider.openPreviews()) {
          if (parsePreviewUri(u)?.template.toString() === templateKey) void this.provider.refresh(u);
        }
      }, delay),
    );
  }

  /** The bench, a partial or a template changed (server notification): every open preview re-renders. */
  refreshAll(): void {
    const templates = new Set(
      this.provider
        .openPreviews()
        .map((u) => parsePreviewUri(u)?.template.toString())
        .filter((k): k is string => !!k),
    );
    for (const k of templates) this.schedule(k, settings().previewDelay);
  }

  /** When another template becomes active and a preview is visible, the preview switches to it. */
  private async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || !isTemplateDocument(editor.document)) return;
    const shown = this.visiblePreviews();
    if (!shown.length || shown.some((e) => parsePreviewUri(e.document.uri)?.template.toString() === editor.document.uri.toString())) return;
    // keep the phone the preview shows when it also requests this template
    const phone = await this.phoneFor(editor.document.uri, false, parsePreviewUri(shown[0].document.uri)?.phone);
    if (!phone) return;
    try {
      const file = (await this.fileFor(editor.document.uri, phone, { ask: false })) ?? undefined;
      const uri = await this.provider.render(editor.document.uri, phone, file);
      await this.show(uri, shown[0].viewColumn ?? vscode.ViewColumn.Beside);
    } catch {
      /* the server reports its own errors */
    }
  }

  /**
   * The phone selected for a workspace folder changed: visible previews of its templates re-render as
   * that phone (when it serves their template).
   */
  private async switchPhone(folder: vscode.WorkspaceFolder | undefined): Promise<void> {
    for (const e of this.visiblePreviews()) {
      const t = parsePreviewUri(e.document.uri);
      if (!t) continue;
      const own = vscode.workspace.getWorkspaceFolder(t.template);
      if (folder && own && own.uri.toString() !== folder.uri.toString()) continue;
      const phone = this.selection.phoneOf(t.template);
      if (!phone || t.phone === phone) continue;
      const next = await this.phoneFor(t.template, false);
      if (!next || next === t.phone) continue;
      try {
        // a 3CX preview keeps showing the same <deviceconfig> for the other phone (unless one was chosen for it)
        const file = this.files.get(t.template, next) ?? (t.file ? { deviceconfig: t.file.deviceconfig } : undefined);
        const uri = await this.provider.render(t.template, next, file);
        await this.show(uri, e.viewColumn ?? vscode.ViewColumn.Beside);
      } catch {
        /* keep the old preview */
      }
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
