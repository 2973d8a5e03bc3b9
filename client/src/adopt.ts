// "Add to Bench": a phone the dev server saw but the bench does not hold goes into the bench file, as
// `bench add` does (core/bench/edit.ts keeps comments and layout), through an editor edit that is saved
// (undo works; an unsaved buffer of the bench file is edited, not overwritten).
import * as vscode from 'vscode';
import { addPhones } from '../../server/src/core/bench/edit';
import { getProfile, PROFILES } from '../../server/src/core/vendors';
import type { UnknownPhone } from '../../server/src/devserver/unknownPhones';
import { settings } from './config';
import type { DevServerController } from './devserver/controller';
import { displayMac } from './phonePicker';

/** `givenName`: the phone's name on the bench without asking (commands run by other extensions and tests). */
export async function addToBench(
  dev: DevServerController,
  arg?: { phone: UnknownPhone; folder?: vscode.Uri },
  givenName?: string,
): Promise<boolean> {
  let target = arg?.phone && arg.folder ? { phone: arg.phone, folder: vscode.workspace.getWorkspaceFolder(arg.folder) } : undefined;
  if (!target?.folder) {
    const seen = dev.unknownPhones(arg?.folder);
    if (!seen.length) {
      void vscode.window.showInformationMessage('Provisioning Studio: no phone outside the bench has fetched from the dev server.');
      return false;
    }
    const pick = await vscode.window.showQuickPick(
      seen.map((s) => ({ label: displayMac(s.phone.mac), description: describe(s.phone), s })),
      { title: 'Add to Bench: which phone?' },
    );
    if (!pick) return false;
    target = pick.s;
  }
  const { phone, folder } = target as { phone: UnknownPhone; folder: vscode.WorkspaceFolder };
  let vendor = phone.vendor as string | undefined;
  if (!vendor) {
    vendor = (
      await vscode.window.showQuickPick(
        Object.values(PROFILES)
          .filter((p) => p.id !== 'generic')
          .map((p) => ({ label: p.label, id: p.id })),
        { title: `Add ${displayMac(phone.mac)}: vendor` },
      )
    )?.id;
    if (!vendor) return false;
  }
  let model = phone.model && phone.knownModel ? phone.model : undefined;
  if (!model) {
    const models = getProfile(vendor)?.models.map((m) => m.id) ?? [];
    model = (
      await vscode.window.showQuickPick(models, { title: `Add ${displayMac(phone.mac)}: ${vendor} model`, placeHolder: phone.model })
    )?.trim();
    if (!model) return false;
  }
  const name =
    givenName ??
    (await vscode.window.showInputBox({
      title: `Add ${displayMac(phone.mac)} to the bench`,
      prompt: 'Name of the phone on the bench',
      value: `${model.toLowerCase()}-${phone.mac.slice(-4)}`,
    }));
  if (name === undefined) return false;
  const uri = vscode.Uri.joinPath(folder.uri, settings(folder).benchFile);
  let doc: vscode.TextDocument | undefined;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    doc = undefined; // no bench file yet: created
  }
  const text = doc?.getText() ?? '';
  const r = addPhones(text, [{ mac: phone.mac, vendor, model, name: name.trim() || undefined, ip: phone.ip }]);
  if (!r.ok) throw new Error(r.error);
  if (doc) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), r.text);
    if (!(await vscode.workspace.applyEdit(edit)) || !(await doc.save())) throw new Error(`could not write ${settings(folder).benchFile}`);
  } else await vscode.workspace.fs.writeFile(uri, Buffer.from(r.text, 'utf8'));
  void vscode.window.showInformationMessage(
    `Provisioning Studio: ${displayMac(phone.mac)} added to ${settings(folder).benchFile} as ${name}.`,
  );
  return true;
}

export function describe(u: UnknownPhone): string {
  const what = [u.vendor, u.model, u.firmware].filter(Boolean).join(' ');
  return `${what || 'unknown vendor'} · ${u.ip} · ${u.requests} request${u.requests > 1 ? 's' : ''}`;
}
