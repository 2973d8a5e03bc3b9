// Compare Phones: vscode.diff of two phones' previews of the same template.
import * as vscode from 'vscode';
import { pickPhone } from './phonePicker';
import type { PreviewController } from './preview/previewController';
import type { Server } from './server';

export async function comparePhones(server: Server, previews: PreviewController, template?: vscode.Uri, left?: string, right?: string): Promise<void> {
  template ??= previews.templateOf();
  if (!template) {
    void vscode.window.showInformationMessage('Provisioning Studio: open a template to compare what two phones receive.');
    return;
  }
  left ??= (await pickPhone(server, { template, title: 'Compare Phones (1/2): first phone' }))?.name;
  if (!left) return;
  right ??= (await pickPhone(server, { template, title: `Compare Phones (2/2): compare ${left} with`, exclude: left }))?.name;
  if (!right) return;
  const [l, r] = await Promise.all([previews.provider.render(template, left), previews.provider.render(template, right)]);
  const name = template.path.split('/').pop();
  await vscode.commands.executeCommand('vscode.diff', l, r, `${name}: ${left} ↔ ${right}`, { preview: true });
}
