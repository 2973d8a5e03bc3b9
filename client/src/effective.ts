// "Show Effective Configuration": for a phone, every key's final value and the file and template line
// that set it, in its vendor's boot order (computed by the language server, core/effective.ts), as a
// read-only document beside the editor. Secrets are masked.
import * as vscode from 'vscode';
import type { Server } from './serverRequests';

export const EFFECTIVE_SCHEME = 'provisioning-effective';

/** The text of each open effective-configuration document, by URI. */
export class EffectiveDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Opens (or refreshes) the effective configuration of `phone` on `folder`'s bench. */
export async function showEffective(
  server: Server,
  docs: EffectiveDocuments,
  phone: string,
  folder?: vscode.Uri,
): Promise<vscode.TextDocument> {
  const r = await server.effective(phone, folder);
  if ('error' in r) throw new Error(r.error);
  const uri = vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${r.phone.name} effective.txt`, query: folder?.toString() ?? '' });
  docs.set(uri, r.text); // the same table as `provisioning-studio effective`
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return doc;
}
