// The selected phone, per workspace folder (each folder holding a bench is its own workspace): kept in
// workspaceState, defaulting to the folder's provisioningStudio.selectedPhone (a resource setting).
import * as vscode from 'vscode';
import { currentFolder, settings } from './config';

const KEY = 'provisioningStudio.selectedPhone';

export interface SelectionChange {
  phone: string | undefined;
  /** The folder whose phone changed (undefined without a workspace folder). */
  folder: vscode.WorkspaceFolder | undefined;
}

export class PhoneSelection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SelectionChange>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  /** The phone selected for the current folder (the active editor's, else the first). */
  get phone(): string | undefined {
    return this.phoneOf();
  }

  /** The phone selected for the folder holding `scope` (a file or folder URI, or a folder); default: the current folder. */
  phoneOf(scope?: vscode.Uri | vscode.WorkspaceFolder): string | undefined {
    const folder = this.folder(scope);
    return this.state.get<string>(this.key(folder)) || this.legacy(folder) || settings(folder).selectedPhone || undefined;
  }

  async set(phone: string | undefined, scope?: vscode.Uri | vscode.WorkspaceFolder): Promise<void> {
    const folder = this.folder(scope);
    if (phone === this.phoneOf(folder)) return;
    await this.state.update(this.key(folder), phone);
    if (this.legacy(folder) !== undefined) await this.state.update(KEY, undefined);
    this.changed.fire({ phone, folder });
  }

  private folder(scope?: vscode.Uri | vscode.WorkspaceFolder): vscode.WorkspaceFolder | undefined {
    if (scope && !(scope instanceof vscode.Uri)) return scope;
    return currentFolder(scope);
  }

  private key(folder: vscode.WorkspaceFolder | undefined): string {
    return folder ? `${KEY}:${folder.uri.toString()}` : KEY;
  }

  /** The single-folder key of earlier versions (read only, and only while one folder is open). */
  private legacy(folder: vscode.WorkspaceFolder | undefined): string | undefined {
    return folder && (vscode.workspace.workspaceFolders?.length ?? 0) <= 1 ? this.state.get<string>(KEY) : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
