// A real 3CX template in the editor: the Yealink T4x template reduced from a public repository
// (test/fixtures/threecx/templates/3cx/yealink-t4x.ph.xml, source in its first comment), copied into the
// workspace: no error diagnostics, and Preview Config renders both of its files for a bench phone one of its
// models names (alice-t46s, a T46S: `<model ua="SIP-T46S">`, the ua without the vendor name).
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const { activeExtension, waitFor, workspaceRoot } = require('./helpers');

const PREVIEW = 'provisioning-preview';
const SOURCE = path.resolve(__dirname, '../../fixtures/threecx/templates/3cx/yealink-t4x.ph.xml');
const TEMPLATE = 'templates/3cx/real-yealink-t4x.ph.xml';
const ALICE_MAC = '001565f429a4';

suite('3CX: a real template', () => {
  let file;
  suiteSetup(async () => {
    await (await activeExtension()).exports.server.whenReady();
    file = vscode.Uri.joinPath(workspaceRoot(), TEMPLATE);
    fs.mkdirSync(path.dirname(file.fsPath), { recursive: true });
    fs.copyFileSync(SOURCE, file.fsPath);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file.fsPath, { force: true });
  });

  test('opens as a 3CX template without error diagnostics', async () => {
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'provisioning-3cx');
    // the template has findings (keys the Yealink catalog flags), so diagnostics arrive once it is validated
    const diags = await waitFor(
      () => {
        const d = vscode.languages.getDiagnostics(file);
        return d.length ? d : undefined;
      },
      { what: 'diagnostics of the real template', timeout: 30_000 },
    );
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(
      errors.map((d) => `${d.range.start.line + 1}: ${d.message}`),
      [],
    );
  });

  test("Preview Config renders the phone's per-model common file and its own file", async () => {
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    const own = await vscode.commands.executeCommand('provisioningStudio.previewConfig', file, 'alice-t46s', `${ALICE_MAC}.cfg`);
    assert.ok(own, 'previewConfig returns the preview editor');
    assert.strictEqual(own.document.uri.scheme, PREVIEW);
    assert.strictEqual(own.document.uri.path, `/alice-t46s/${ALICE_MAC}.cfg`);
    const text = own.document.getText();
    assert.match(text, /^#!version:1\.0\.0\.1/);
    assert.match(text, /^account\.1\.user_name = 101$/m);
    assert.match(text, /^linekey\.1\.type = 16 *$/m, 'key 1 is a BLF key: DKtype 16 from the <blftype>');
    assert.match(text, /^linekey\.1\.label = Reception *$/m);
    assert.doesNotMatch(text, /%%|^\s*\{(?:IF|ELSE|ENDIF)\b/m, 'rendered, not the template');

    // the common file has the name the template gives the T46S (<filename><model name="Yealink T46S" …>)
    const common = await vscode.commands.executeCommand('provisioningStudio.previewConfig', file, 'alice-t46s', 'y000000000066.cfg');
    assert.strictEqual(common.document.uri.path, '/alice-t46s/y000000000066.cfg');
    await waitFor(() => /^syslog\.mode =/m.test(common.document.getText()), { what: 'the common file', timeout: 10_000 });
  });
});
