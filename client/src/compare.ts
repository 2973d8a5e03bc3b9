// Compare Phones: vscode.diff of two phones' previews of the same template (for a 3CX template, of the
// same <deviceconfig>).
import * as vscode from 'vscode';
import { pickPhone } from './phonePicker';
import type { PreviewController } from './preview/previewController';
import type { Server } from './serverRequests';

export async function comparePhones(
  server: Server,
  previews: PreviewController,
  template?: vscode.Uri,
  left?: string,
  right?: string,
  path?: string,
): Promise<void> {
  template ??= previews.templateOf();
  if (!template) {
    void vscode.window.showInformationMessage('Provisioning Studio: open a template to compare what two phones receive.');
    return;
  }
  left ??= (await pickPhone(server, { template, title: 'Compare Phones (1/2): first phone' }))?.name;
  if (!left) return;
  right ??= (await pickPhone(server, { template, title: `Compare Phones (2/2): compare ${left} with`, exclude: left }))?.name;
  if (!right) return;
  // a 3CX template producing several files: the same <deviceconfig> for both phones (asked for the first)
  const file = path ? { path } : await previews.fileFor(template, left, { title: `Compare Phones: which file of ${left}?` });
  if (file === null) return;
  const first = await previews.provider.renderResult(template, left, file);
  const other = first.result.deviceconfig !== undefined ? { deviceconfig: first.result.deviceconfig } : undefined;
  const [l, r] = [first.uri, await previews.provider.render(template, right, other)];
  const name = template.path.split('/').pop();
  await vscode.commands.executeCommand('vscode.diff', l, r, `${name}: ${left} ↔ ${right}`, { preview: true });
}
