// Status bar item: the selected phone; click = Select Phone.
import * as vscode from 'vscode';
import type { PhoneSelection } from './selection';

export function createStatusBar(selection: PhoneSelection): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('provisioningStudio.phone', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Provisioning Phone';
  item.command = 'provisioningStudio.selectPhone';
  const update = () => {
    const phone = selection.phone;
    item.text = `$(device-mobile) ${phone ?? 'No phone'}`;
    item.tooltip = phone ? `Provisioning Studio: previewing as ${phone}. Click to select another phone.` : 'Provisioning Studio: select the phone to preview as';
    item.show();
  };
  update();
  return vscode.Disposable.from(item, selection.onDidChange(update));
}
