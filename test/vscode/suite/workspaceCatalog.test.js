// The workspace catalog in the real editor: a key near no catalog key is information ("not in the
// catalog (N keys known for Yealink)"); its quick fix "Add to workspace catalog" writes catalog/yealink.yaml
// in the workspace and the information disappears, while a misspelt key keeps its "did you mean" warning.
// The probe template and the catalog file are written for this suite and removed after it.
'use strict';

const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const { activeExtension, codeOf, openFile, waitFor, workspaceRoot } = require('./helpers');

const PROBE = 'templates/yealink/catalog-probe.cfg.hbs';
const TEXT = '#!version:1.0.0.1\nfeatures.zz_quux_setting = 1\nacount.1.label = x\n';

suite('Workspace catalog: Add to workspace catalog', () => {
  const probe = () => vscode.Uri.joinPath(workspaceRoot(), PROBE);
  const catalogDir = () => vscode.Uri.joinPath(workspaceRoot(), 'catalog');
  const catalogFile = () => vscode.Uri.joinPath(workspaceRoot(), 'catalog/yealink.yaml');
  const diags = (code) => vscode.languages.getDiagnostics(probe()).filter((d) => codeOf(d) === code);

  suiteSetup(async () => {
    const api = (await activeExtension()).exports;
    await api.server.whenReady();
    fs.rmSync(catalogDir().fsPath, { recursive: true, force: true });
    fs.writeFileSync(probe().fsPath, TEXT);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(probe().fsPath, { force: true });
    fs.rmSync(catalogDir().fsPath, { recursive: true, force: true });
  });

  test('the quick fix adds the key to catalog/yealink.yaml and the information disappears', async () => {
    await openFile(PROBE);
    const [info] = await waitFor(
      () => {
        const x = diags('uncatalogued-key');
        return x.length ? x : undefined;
      },
      { what: 'uncatalogued-key on the probe' },
    );
    assert.strictEqual(info.range.start.line, 1);
    assert.strictEqual(info.severity, vscode.DiagnosticSeverity.Information);
    assert.match(info.message, /'features\.zz_quux_setting' is not in the Yealink catalog \([\d,]+ keys known for Yealink\)/);
    const [typo] = diags('unknown-key');
    assert.ok(typo, 'the misspelt key is a warning');
    assert.strictEqual(typo.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(typo.message, /Did you mean 'account\.1\.label'\?/);

    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', probe(), info.range);
    const add = actions.find((a) => a.title === "Add 'features.zz_quux_setting' to the workspace catalog (catalog/yealink.yaml)");
    assert.ok(add, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(add.command, 'the fix runs a command (the server writes the file)');
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));

    await waitFor(() => fs.existsSync(catalogFile().fsPath), { what: 'catalog/yealink.yaml to be written' });
    assert.match(fs.readFileSync(catalogFile().fsPath, 'utf8'), /^keys:\n {2}- features\.zz_quux_setting\n/m);
    await waitFor(() => diags('uncatalogued-key').length === 0, { what: 'the information to disappear' });
    assert.strictEqual(diags('unknown-key').length, 1, 'the misspelt key is still reported');
  });

  test('catalog/yealink.yaml edited outside the editor (git pull, another tool): the diagnostics follow', async () => {
    // the key leaves the file: the information comes back; the key returns: it goes again
    fs.writeFileSync(catalogFile().fsPath, 'keys:\n  - features.some_other_key\n');
    await waitFor(() => diags('uncatalogued-key').length === 1, { what: 'the information to come back' });
    fs.writeFileSync(catalogFile().fsPath, 'keys:\n  - features.zz_quux_setting\n');
    await waitFor(() => diags('uncatalogued-key').length === 0, { what: 'the information to go again' });
  });
});
