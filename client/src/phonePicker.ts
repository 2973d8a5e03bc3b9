// Quick pick of bench phones (name, MAC, model), limited to the phones a template serves when given one.
import * as vscode from 'vscode';
import type { PhoneInfo, Server } from './serverRequests';
import { formatMac } from '../../server/src/core/bench/mac';

export interface PhoneItem extends vscode.QuickPickItem {
  phone: PhoneInfo;
}

export function phoneItem(p: PhoneInfo, selected?: string): PhoneItem {
  const isSelected = !!selected && (selected === p.name || selected.toLowerCase() === p.mac.toLowerCase());
  return {
    label: `$(device-mobile) ${p.name}`,
    description: `${displayMac(p.mac)} · ${p.vendor} ${p.model}`,
    detail: p.ip ? `IP ${p.ip}` : undefined,
    picked: isSelected,
    phone: p,
  };
}

/** A MAC with colons for display; anything that is not 12 hex digits is shown as it is. */
export function displayMac(mac: string): string {
  return /^[0-9a-f]{12}$/i.test(mac) ? formatMac(mac.toLowerCase(), 'colon') : mac;
}

/**
 * Phones the template serves; all bench phones when it serves none (partials, unrouted templates): those
 * of the template's workspace folder, else of `folder`.
 */
export async function phonesFor(
  server: Server,
  template?: vscode.Uri,
  folder?: vscode.Uri,
): Promise<{ phones: PhoneInfo[]; serving: boolean }> {
  if (template) {
    const serving = await server.listPhones(template);
    if (serving.length) return { phones: serving, serving: true };
  }
  const scope = (template && vscode.workspace.getWorkspaceFolder(template)?.uri) ?? folder;
  return { phones: await server.listPhones(undefined, scope), serving: false };
}

export interface PickPhoneOptions {
  template?: vscode.Uri;
  /** The workspace folder whose bench to pick from when no template is given. */
  folder?: vscode.Uri;
  selected?: string;
  title?: string;
  exclude?: string;
}

export async function pickPhone(server: Server, opts: PickPhoneOptions = {}): Promise<PhoneInfo | undefined> {
  const { phones, serving } = await phonesFor(server, opts.template, opts.folder);
  const candidates = phones.filter((p) => p.name !== opts.exclude);
  if (!candidates.length) {
    void vscode.window.showWarningMessage('Provisioning Studio: no phones on the bench (add some to bench.yaml).');
    return undefined;
  }
  const items = candidates.map((p) => phoneItem(p, opts.selected));
  const active = items.find((i) => i.picked);
  const qp = vscode.window.createQuickPick<PhoneItem>();
  qp.title = opts.title ?? 'Select Phone';
  qp.placeholder =
    opts.template && serving
      ? `Phones served by ${opts.template.path.split('/').pop()} (name, MAC, model)`
      : 'Bench phones (name, MAC, model)';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = items;
  if (active) qp.activeItems = [active];
  return new Promise<PhoneInfo | undefined>((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.phone ?? qp.activeItems[0]?.phone);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
