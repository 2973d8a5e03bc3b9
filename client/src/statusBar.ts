// Status bar item: the phone selected for the active editor's workspace folder; click = Select Phone.
import * as vscode from 'vscode';
import { currentFolder } from './config';
import type { PhoneSelection } from './selection';

export function createStatusBar(selection: PhoneSelection): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('provisioningStudio.phone', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Provisioning Phone';
  item.command = 'provisioningStudio.selectPhone';
  const update = () => {
    const folder = currentFolder();
    const phone = selection.phoneOf(folder);
    // several folders: say which folder's phone this is
    const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 && folder;
    item.text = `$(device-mobile) ${multi ? `${folder.name}: ` : ''}${phone ?? 'No phone'}`;
    const where = multi ? ` (${folder.name})` : '';
    item.tooltip = phone
      ? `Provisioning Studio: previewing as ${phone}${where}. Click to select another phone.`
      : `Provisioning Studio: select the phone to preview as${where}`;
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    selection.onDidChange(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeWorkspaceFolders(update),
  );
}
