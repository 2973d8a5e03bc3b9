// Linter controls in the real editor: a suppression comment removes a diagnostic as you type, and the
// provisioningStudio.problems setting changes a diagnostic's severity (off hides it); diagnostics link
// their code to docs/problems.md. The probe template is written for this suite and removed after it.
'use strict';

const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const { activeExtension, codeOf, openFile, waitFor, workspaceRoot } = require('./helpers');

const PROBE = 'templates/yealink/lint-probe.cfg.hbs';
const TEXT = '#!version:1.0.0.1\naccount.1.label = {{phone.nmae}}\n';

suite('Problems: severity and suppression', () => {
  const config = () => vscode.workspace.getConfiguration('provisioningStudio');
  const probe = () => vscode.Uri.joinPath(workspaceRoot(), PROBE);
  const unknownPath = () => vscode.languages.getDiagnostics(probe()).filter((d) => codeOf(d) === 'unknown-path');

  suiteSetup(async () => {
    const api = (await activeExtension()).exports;
    await api.server.whenReady();
    fs.writeFileSync(probe().fsPath, TEXT);
  });
  teardown(async () => {
    await config().update('problems', undefined, vscode.ConfigurationTarget.Workspace);
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.scheme === 'file')) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(probe().fsPath, { force: true });
  });

  test('a suppression comment on the line before removes the diagnostic; the code links to docs/problems.md', async () => {
    const editor = await openFile(PROBE);
    const [d] = await waitFor(
      () => {
        const x = unknownPath();
        return x.length ? x : undefined;
      },
      { what: 'unknown-path on the probe' },
    );
    assert.strictEqual(d.range.start.line, 1);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    const target = d.code && typeof d.code === 'object' ? d.code.target : undefined;
    assert.ok(target, 'the code carries its docs link');
    assert.strictEqual(target.scheme, 'file');
    assert.match(target.path, /\/docs\/problems\.md$/);
    assert.strictEqual(target.fragment, 'unknown-path');
    assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} ships with the extension`);

    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(1, 0), '{{!-- provisioning-disable-next-line unknown-path --}}\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => unknownPath().length === 0, { what: 'the suppressed diagnostic to go' });

    const typo = new vscode.WorkspaceEdit();
    typo.replace(
      editor.document.uri,
      new vscode.Range(1, 0, 1, editor.document.lineAt(1).text.length),
      '{{!-- provisioning-disable-next-line unknown-pth --}}',
    );
    assert.ok(await vscode.workspace.applyEdit(typo));
    const u = await waitFor(() => vscode.languages.getDiagnostics(probe()).find((x) => codeOf(x) === 'unknown-problem-code'), {
      what: 'a warning on the unknown code in the comment',
    });
    assert.strictEqual(editor.document.getText(u.range), 'unknown-pth');
    await waitFor(() => unknownPath().length === 1, { what: 'the diagnostic back under a comment naming another code' });
  });

  test('provisioningStudio.problems changes the severity; off hides the code', async () => {
    await openFile(PROBE);
    await waitFor(() => unknownPath()[0]?.severity === vscode.DiagnosticSeverity.Warning, { what: 'unknown-path as a warning' });
    await config().update('problems', { 'unknown-path': 'error' }, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => unknownPath()[0]?.severity === vscode.DiagnosticSeverity.Error, { what: 'unknown-path as an error' });
    await config().update('problems', { 'unknown-path': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => unknownPath().length === 0, { what: 'unknown-path hidden' });
    await config().update('problems', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => unknownPath()[0]?.severity === vscode.DiagnosticSeverity.Warning, { what: 'unknown-path a warning again' });
  });
});
