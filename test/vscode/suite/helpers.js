// Shared helpers for the in-host suites (not a test file: index.js loads only *.test.js).
'use strict';

const vscode = require('vscode');

const EXTENSION_ID = 'provisioning-studio.provisioning-studio';

/** Polls `fn` until it returns a truthy value; API state (diagnostics, tabs, activation) updates asynchronously. */
async function waitFor(fn, { timeout = 20_000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The workspace folder (the copied test/vscode/fixture). */
function workspaceRoot() {
  const f = vscode.workspace.workspaceFolders;
  if (!f || f.length === 0) throw new Error('no workspace folder open');
  return f[0].uri;
}

/** Opens a workspace-relative file in an editor and returns the TextEditor. */
async function openFile(relPath) {
  const uri = vscode.Uri.joinPath(workspaceRoot(), relPath);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Waits until the extension is active and returns it. */
async function activeExtension(timeout = 20_000) {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  await waitFor(() => ext.isActive, { timeout, what: `${EXTENSION_ID} to activate` });
  return ext;
}

/** A diagnostic's problem code: diagnostics with a docs link (codeDescription) carry `{ value, target }`. */
function codeOf(d) {
  return d.code && typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

module.exports = { EXTENSION_ID, waitFor, workspaceRoot, openFile, activeExtension, codeOf };
