// New Template Project: copies the starter bench.yaml and templates/ shipped in the VSIX into an empty folder.
import * as vscode from 'vscode';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function isEmpty(uri: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.readDirectory(uri)).filter(([n]) => !n.startsWith('.')).length === 0;
  } catch {
    return true;
  }
}

/** Scaffolds into `target` (asked for when missing); returns the bench file created. */
export async function newTemplateProject(extensionUri: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!target) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const empty = [];
    for (const f of folders) if (await isEmpty(f.uri)) empty.push(f.uri);
    target =
      empty[0] ??
      (
        await vscode.window.showOpenDialog({
          canSelectFiles: false,
          canSelectFolders: true,
          canSelectMany: false,
          title: 'New Template Project: choose an empty folder',
          openLabel: 'Create Project Here',
        })
      )?.[0];
    if (!target) return undefined;
  }
  const bench = vscode.Uri.joinPath(target, 'bench.yaml');
  if ((await exists(bench)) || (await exists(vscode.Uri.joinPath(target, 'templates')))) {
    void vscode.window.showErrorMessage(
      `Provisioning Studio: ${target.fsPath} already has a bench.yaml or templates/ folder; choose an empty folder.`,
    );
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(target);
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'bench.yaml'), bench, { overwrite: false });
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'templates'), vscode.Uri.joinPath(target, 'templates'), {
    overwrite: false,
  });
  const inWorkspace = (vscode.workspace.workspaceFolders ?? []).some((f) => target!.toString().startsWith(f.uri.toString()));
  if (inWorkspace) {
    await vscode.window.showTextDocument(bench);
  } else {
    void vscode.window.showInformationMessage(`Provisioning Studio: project created in ${target.fsPath}.`, 'Open Folder').then((a) => {
      if (a) void vscode.commands.executeCommand('vscode.openFolder', target);
    });
  }
  return bench;
}
