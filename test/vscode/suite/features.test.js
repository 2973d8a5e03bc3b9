// Provisioning Studio features through the vscode API, inside the extension host.
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');

const { activeExtension, openFile, waitFor, workspaceRoot } = require('./helpers');

const PREVIEW = 'provisioning-preview';
const previewDocs = () => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === PREVIEW);

suite('Provisioning Studio', () => {
  let api;
  suiteSetup(async () => {
    api = (await activeExtension()).exports;
    assert.ok(api && api.server, 'the extension exports its API');
    await api.server.whenReady();
  });

  // undo unsaved edits (the tests' own, and any the UI phase left for hot exit to restore)
  async function revertAll() {
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.scheme === 'file')) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  suiteSetup(revertAll);
  teardown(revertAll);

  test('templates get the provisioning language ids', async () => {
    const cfg = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'templates/yealink/mac.cfg.hbs'));
    const boot = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'templates/yealink/mac.boot.hbs'));
    const xml = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'templates/poly/phone.xml.hbs'));
    assert.deepStrictEqual(
      [cfg.languageId, boot.languageId, xml.languageId],
      ['provisioning-cfg-hbs', 'provisioning-cfg-hbs', 'provisioning-xml-hbs'],
    );
  });

  test('the broken template gets a located diagnostic', async () => {
    const editor = await openFile('templates/yealink/broken.cfg.hbs');
    const diags = await waitFor(
      () => {
        const d = vscode.languages.getDiagnostics(editor.document.uri);
        return d.length ? d : undefined;
      },
      { what: 'diagnostics on broken.cfg.hbs', timeout: 30_000 },
    );
    const d = diags[0];
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.range.start.line, 1, `diagnostic on line 2: ${JSON.stringify(d)}`);
  });

  test('a bench error is located in bench.yaml', async () => {
    const editor = await openFile('bench.yaml');
    const text = editor.document.getText();
    const at = text.indexOf('model: T46S') + 'model: '.length;
    await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 4)), 'T99X'));
    const d = await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).find((x) => /T99X|model/i.test(x.message)), {
      what: 'a diagnostic on the unknown model',
      timeout: 20_000,
    });
    assert.strictEqual(d.range.start.line, editor.document.positionAt(at).line);
  });

  test('a misspelled vendor key in a template is reported from the rendered output', async () => {
    const editor = await openFile('templates/yealink/mac.cfg.hbs');
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'acount.1.label = {{phone.name}}\n'));
    const d = await waitFor(
      () => vscode.languages.getDiagnostics(editor.document.uri).find((x) => /acount/.test(x.message) || x.range.start.line === 1),
      { what: 'a diagnostic on the misspelled key', timeout: 20_000 },
    );
    assert.strictEqual(d.range.start.line, 1, `on the template line: ${JSON.stringify(d)}`);
  });

  test('completion after `account.1.` offers Yealink keys', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), 'templates/yealink/completion-probe.cfg.hbs');
    fs.writeFileSync(file.fsPath, '#!version:1.0.0.1\naccount.1.\n');
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      const pos = new vscode.Position(1, 'account.1.'.length);
      const list = await waitFor(
        async () => {
          const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos);
          return l && l.items.some((i) => /user_name|auth_name|sip_server/.test(typeof i.label === 'string' ? i.label : i.label.label))
            ? l
            : undefined;
        },
        { what: 'vendor key completions', timeout: 20_000 },
      );
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      assert.ok(
        labels.some((l) => /user_name/.test(l)),
        `labels: ${labels.slice(0, 20)}`,
      );
      // the list gives the edit range once (LSP item defaults) and each key's documentation on resolve: the
      // editor still gets both for an item (itemResolveCount: VS Code resolves the items as when they are shown)
      const resolved = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos, undefined, 500);
      const item = resolved.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'user_name');
      assert.ok(item, 'user_name offered');
      const range = item.range && 'inserting' in item.range ? item.range.inserting : item.range;
      assert.ok(range && range.start.line === 1 && range.start.character === 'account.1.'.length, `range ${JSON.stringify(item.range)}`);
      const insert = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value;
      assert.strictEqual(insert, 'user_name = ');
      const docs = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
      assert.match(String(docs), /user/i, 'documentation after resolve');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(file.fsPath, { force: true });
    }
  });

  test("Preview Config renders the phone's file beside the template and follows edits", async () => {
    const editor = await openFile('templates/yealink/mac.cfg.hbs');
    const preview = await vscode.commands.executeCommand('provisioningStudio.previewConfig', editor.document.uri, 'reception-t54w');
    assert.ok(preview, 'previewConfig returns the preview editor');
    assert.strictEqual(preview.document.uri.scheme, PREVIEW);
    assert.strictEqual(preview.document.uri.path, '/reception-t54w/805e0c112233.cfg');
    assert.notStrictEqual(preview.viewColumn, editor.viewColumn, 'opened beside the template');
    const text = preview.document.getText();
    assert.match(text, /^#!version:1\.0\.0\.1/);
    assert.match(text, /account\.1\.user_name = 100/);
    assert.match(text, /account\.2\.auth_name = sales600/);

    // three quick edits: the preview settles on the last one (stale replies dropped)
    for (const v of ['one', 'two', 'three']) {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, new vscode.Position(1, 0), `custom.probe_${v} = {{phone.model}}\n`);
      await vscode.workspace.applyEdit(edit);
    }
    const doc = preview.document;
    await waitFor(() => /custom\.probe_three = T54W/.test(doc.getText()), { what: 'the preview to show the edit', timeout: 10_000 });
    assert.match(doc.getText(), /custom\.probe_one = T54W/);
  });

  test('a render error shows as a comment header in the preview', async () => {
    const editor = await openFile('templates/yealink/mac.cfg.hbs');
    const preview = await vscode.commands.executeCommand('provisioningStudio.previewConfig', editor.document.uri, 'alice-t46s');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(1, 0), '{{#if phone.name}}unclosed\n');
    await vscode.workspace.applyEdit(edit);
    await waitFor(() => /^# Provisioning Studio: render failed/.test(preview.document.getText()), {
      what: 'an error header',
      timeout: 10_000,
    });
  });

  test('Select Phone switches the visible preview to that phone', async () => {
    const editor = await openFile('templates/yealink/mac.cfg.hbs');
    await vscode.commands.executeCommand('provisioningStudio.previewConfig', editor.document.uri, 'reception-t54w');
    await vscode.commands.executeCommand('provisioningStudio.selectPhone', 'alice-t46s');
    assert.strictEqual(api.selection.phone, 'alice-t46s');
    await waitFor(
      () =>
        vscode.window.visibleTextEditors.some(
          (e) =>
            e.document.uri.scheme === PREVIEW &&
            e.document.uri.path === '/alice-t46s/001565f429a4.cfg' &&
            /account\.1\.user_name = 101/.test(e.document.getText()),
        ),
      { what: 'the preview for alice-t46s', timeout: 10_000 },
    );
  });

  test('the preview follows the active template editor', async () => {
    const editor = await openFile('templates/yealink/mac.cfg.hbs');
    await vscode.commands.executeCommand('provisioningStudio.previewConfig', editor.document.uri, 'reception-t54w');
    const boot = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'templates/yealink/mac.boot.hbs'));
    await vscode.window.showTextDocument(boot, editor.viewColumn);
    const shown = await waitFor(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === PREVIEW && e.document.uri.query === boot.uri.toString()),
      { what: 'the preview to follow mac.boot.hbs', timeout: 10_000 },
    );
    assert.match(shown.document.uri.path, /^\/reception-t54w\/805e0c112233\.boot$/);
  });

  test("Compare Phones opens a diff of two phones' previews", async () => {
    const editor = await openFile('templates/yealink/mac.cfg.hbs');
    await vscode.commands.executeCommand('provisioningStudio.comparePhones', editor.document.uri, 'reception-t54w', 'alice-t46s');
    const tab = await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === PREVIEW),
      { what: 'a diff tab' },
    );
    assert.strictEqual(tab.input.original.path, '/reception-t54w/805e0c112233.cfg');
    assert.strictEqual(tab.input.modified.path, '/alice-t46s/001565f429a4.cfg');
    assert.match(tab.label, /reception-t54w ↔ alice-t46s/);
    const right = previewDocs().find((d) => d.uri.toString() === tab.input.modified.toString());
    assert.ok(right && /account\.1\.user_name = 101/.test(right.getText()));
  });

  test('bench view actions: reveal a phone in the bench file, preview one of its files', async () => {
    const phones = await api.server.listPhones();
    const alice = phones.find((p) => p.name === 'alice-t46s');
    await vscode.commands.executeCommand('provisioningStudio.bench.reveal', { kind: 'phone', phone: alice });
    const ed = vscode.window.activeTextEditor;
    assert.ok(ed && ed.document.uri.path.endsWith('/bench.yaml'));
    assert.match(ed.document.lineAt(ed.selection.active.line).text, /00-15-65-F4-29-A4|alice-t46s/);

    const routes = await api.server.listRoutes('alice-t46s');
    const route = routes.find((r) => r.template && r.template.endsWith('mac.boot.hbs'));
    assert.ok(route, `routes: ${JSON.stringify(routes)}`);
    const preview = await vscode.commands.executeCommand('provisioningStudio.bench.preview', { kind: 'route', phone: alice, route });
    assert.strictEqual(preview.document.uri.path, '/alice-t46s/001565f429a4.boot');
  });

  test('New Template Project scaffolds a bench and the starter templates', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-newproject-'));
    try {
      const bench = await vscode.commands.executeCommand('provisioningStudio.newTemplateProject', vscode.Uri.file(dir));
      assert.ok(bench, 'returns the bench file');
      assert.ok(fs.existsSync(path.join(dir, 'bench.yaml')));
      assert.ok(fs.existsSync(path.join(dir, 'templates/yealink/mac.cfg.hbs')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
