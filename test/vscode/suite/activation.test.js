// Runs inside the VS Code extension host (see index.js). tdd ui: suite / test / setup / teardown.
'use strict';

const assert = require('assert');
const vscode = require('vscode');

const { EXTENSION_ID, waitFor } = require('./helpers');

suite('Activation', () => {
  test('the fixture workspace is open and contains bench.yaml', async () => {
    const folders = vscode.workspace.workspaceFolders || [];
    assert.strictEqual(folders.length, 1, `expected one workspace folder, got ${folders.length}`);
    const found = await vscode.workspace.findFiles('bench.yaml', null, 1);
    assert.strictEqual(found.length, 1, 'bench.yaml not found in the workspace root');
  });

  test(`extension ${EXTENSION_ID} is present`, () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed/loaded`);
    assert.strictEqual(ext.packageJSON.publisher, 'provisioning-studio');
    assert.ok(
      (ext.packageJSON.activationEvents || []).includes('workspaceContains:bench.yaml'),
      'activationEvents should include workspaceContains:bench.yaml',
    );
  });

  test('extension activates because the workspace contains bench.yaml', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    // Do not call ext.activate(): that would activate it regardless of the activation event.
    await waitFor(() => ext.isActive, { what: `${EXTENSION_ID} to activate` });
  });
});
