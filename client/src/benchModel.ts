// The core workspace model in the extension host, for what needs full phone data (reprovision
// credentials, locations in the bench file). Rendering and validation stay in the language server.
import * as vscode from 'vscode';
import { DiskFiles } from '../../server/src/core/files';
import type { Phone } from '../../server/src/core/types';
import { Workspace } from '../../server/src/core/workspace';
import { benchFolder, settings } from './config';

export type { Phone };

/** The workspace model of a folder's bench: `target`'s folder, else as benchFolder() decides (may ask). */
export async function openBench(target?: vscode.Uri): Promise<{ folder: vscode.WorkspaceFolder; workspace: Workspace } | undefined> {
  const folder = await benchFolder({ uri: target });
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  return { folder, workspace: new Workspace(new DiskFiles(folder.uri.fsPath), { benchFile: settings(folder).benchFile }) };
}

/** Opens the bench file (of `folder`, else as benchFolder() decides) with the phone's entry selected. */
export async function revealPhone(query: string, folder?: vscode.Uri): Promise<void> {
  const b = await openBench(folder);
  if (!b) return;
  const parsed = b.workspace.parsedBench();
  const phones = parsed.bench.phones;
  const phone = b.workspace.findPhone(query, phones);
  const uri = vscode.Uri.joinPath(b.folder.uri, b.workspace.benchFile);
  const doc = await vscode.workspace.openTextDocument(uri);
  const index = phone ? phones.indexOf(phone) : -1;
  const range = index >= 0 ? parsed.locate(['phones', index]) : undefined;
  const sel = range
    ? new vscode.Range(range.start.line, range.start.character, range.start.line, range.start.character)
    : new vscode.Range(0, 0, 0, 0);
  await vscode.window.showTextDocument(doc, { selection: sel, preview: false });
}
