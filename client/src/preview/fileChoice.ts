// Multi-file (3CX `.ph.xml`) templates: which of a phone's files the preview shows. The choice is asked
// with a quick pick when the template produces several files and remembered per (template, phone) in the
// workspace state, so live refreshes, phone switches and the next Preview Config keep the same file.
import * as vscode from 'vscode';
import type { FileChoice, RenderFileInfo } from '../serverRequests';

const KEY = 'provisioningStudio.previewFiles';

export interface FileItem extends vscode.QuickPickItem {
  file: RenderFileInfo;
}

export function fileItems(files: RenderFileInfo[], current?: FileChoice): FileItem[] {
  return files.map((f) => ({
    label: `$(file) ${f.path.replace(/^\/+/, '')}`,
    description: `<deviceconfig filename="${f.filename}">`,
    detail: `deviceconfig #${f.deviceconfig + 1}`,
    picked: !!current && sameFile(f, current),
    file: f,
  }));
}

/** Whether a file of the list is the remembered/current choice (by path, else by deviceconfig index). */
export function sameFile(f: RenderFileInfo, c: FileChoice): boolean {
  const norm = (s: string) => s.replace(/^\/+/, '').toLowerCase();
  if (c.path) return norm(f.path) === norm(c.path) || f.filename === c.path;
  return c.deviceconfig !== undefined && f.deviceconfig === c.deviceconfig;
}

export class FileChoices {
  private readonly memory = new Map<string, FileChoice>();

  constructor(private readonly state?: vscode.Memento) {
    for (const [k, v] of Object.entries(state?.get<Record<string, FileChoice>>(KEY) ?? {})) this.memory.set(k, v);
  }

  private key(template: vscode.Uri, phone: string): string {
    return `${template.toString()}|${phone}`;
  }

  get(template: vscode.Uri, phone: string): FileChoice | undefined {
    return this.memory.get(this.key(template, phone));
  }

  async set(template: vscode.Uri, phone: string, choice: FileChoice): Promise<void> {
    this.memory.set(this.key(template, phone), { path: choice.path, deviceconfig: choice.deviceconfig });
    // keep the stored map small: the newest 200 choices
    const entries = [...this.memory.entries()].slice(-200);
    await this.state?.update(KEY, Object.fromEntries(entries));
  }
}

/** Asks which file to preview; `current` is pre-selected. Undefined when cancelled. */
export async function pickFile(
  files: RenderFileInfo[],
  opts: { current?: FileChoice; title?: string; template: vscode.Uri; phone: string },
): Promise<RenderFileInfo | undefined> {
  const items = fileItems(files, opts.current);
  const qp = vscode.window.createQuickPick<FileItem>();
  qp.title = opts.title ?? 'Preview Config: select a file';
  qp.placeholder = `Files ${opts.template.path.split('/').pop()} produces for ${opts.phone} (the path the phone requests)`;
  qp.matchOnDescription = true;
  qp.items = items;
  const active = items.find((i) => i.picked);
  if (active) qp.activeItems = [active];
  return new Promise<RenderFileInfo | undefined>((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.file ?? qp.activeItems[0]?.file);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
