// 3CX phone templates (.ph.xml) in the editor, inside the extension host: language id, diagnostics,
// completion, Preview Config (one file, several files with the choice remembered), Compare Phones.
'use strict';

const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const { activeExtension, openFile, waitFor, workspaceRoot } = require('./helpers');

const PREVIEW = 'provisioning-preview';
const TEMPLATE = 'templates/3cx/yealink-t5x.ph.xml';
const LAB_MAC = '805e0c575701';

const labels = (list) => list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

/** Inserts `text` at the start of the line holding `marker` (first occurrence). */
async function insertBefore(editor, marker, text) {
  const at = editor.document.getText().indexOf(marker);
  assert.ok(at >= 0, `${marker} in ${editor.document.uri.path}`);
  const line = editor.document.positionAt(at).line;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(editor.document.uri, new vscode.Position(line, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return line;
}

/** A copy of the example template with a second <deviceconfig> (an XML file), written to the workspace. */
function writeTwoFileTemplate(rel) {
  const src = fs.readFileSync(vscode.Uri.joinPath(workspaceRoot(), TEMPLATE).fsPath, 'utf8');
  const second = [
    '      <deviceconfig filename="%%mac_address%%-directory.xml"><![CDATA[<?xml version="1.0" encoding="UTF-8"?>',
    '<YealinkIPPhoneDirectory>',
    '<DirectoryEntry><Name>%%extension_first_name%%</Name><Telephone>%%extension_number%%</Telephone></DirectoryEntry>',
    '</YealinkIPPhoneDirectory>',
    ']]></deviceconfig>',
    '',
  ].join('\n');
  const text = src.replace('    </device>', `${second}    </device>`);
  assert.notStrictEqual(text, src);
  const file = vscode.Uri.joinPath(workspaceRoot(), rel);
  fs.writeFileSync(file.fsPath, text);
  return file;
}

suite('3CX phone templates', () => {
  let api;
  const temp = [];
  suiteSetup(async () => {
    api = (await activeExtension()).exports;
    await api.server.whenReady();
  });
  async function revertAll() {
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.scheme === 'file')) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  teardown(revertAll);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const f of temp) fs.rmSync(f.fsPath, { force: true });
  });

  test('*.ph.xml gets the provisioning-3cx language, plain .xml stays XML', async () => {
    const ph = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), TEMPLATE));
    assert.strictEqual(ph.languageId, 'provisioning-3cx');
    const plain = vscode.Uri.joinPath(workspaceRoot(), 'plain-probe.xml');
    temp.push(plain);
    fs.writeFileSync(plain.fsPath, '<?xml version="1.0"?>\n<a/>\n');
    const xml = await vscode.workspace.openTextDocument(plain);
    assert.notStrictEqual(xml.languageId, 'provisioning-3cx');
  });

  test('an unclosed {IF} gets a located diagnostic', async () => {
    const editor = await openFile(TEMPLATE);
    const line = await insertBefore(editor, ']]></deviceconfig>', '{IF network=SBC}\n');
    const d = await waitFor(
      () =>
        vscode.languages
          .getDiagnostics(editor.document.uri)
          .find(
            (x) =>
              /threecx-unclosed-if/.test(String(x.code && typeof x.code === 'object' ? x.code.value : x.code)) ||
              /unclosed|ENDIF/i.test(x.message),
          ),
      { what: 'a diagnostic on the unclosed {IF}', timeout: 20_000 },
    );
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, JSON.stringify(d));
    assert.strictEqual(d.range.start.line, line, `on the {IF} line: ${JSON.stringify(d)}`);
  });

  test('completion after %% offers 3CX variables', async () => {
    const editor = await openFile(TEMPLATE);
    const line = await insertBefore(editor, 'voice_mail.number.1', 'custom.probe = %%\n');
    const pos = new vscode.Position(line, 'custom.probe = %%'.length);
    const list = await waitFor(
      async () => {
        const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', editor.document.uri, pos);
        return l && labels(l).some((x) => /extension_number/.test(x)) ? l : undefined;
      },
      { what: 'variable completions', timeout: 20_000 },
    );
    assert.ok(
      labels(list).some((x) => /extension_first_name/.test(x)),
      `labels: ${labels(list).slice(0, 20)}`,
    );
  });

  test("Preview Config renders the phone's Yealink file and follows edits", async () => {
    const editor = await openFile(TEMPLATE);
    const preview = await vscode.commands.executeCommand('provisioningStudio.previewConfig', editor.document.uri, 'lab-t57w');
    assert.ok(preview, 'previewConfig returns the preview editor');
    assert.strictEqual(preview.document.uri.scheme, PREVIEW);
    assert.strictEqual(preview.document.uri.path, `/lab-t57w/${LAB_MAC}.cfg`);
    assert.match(preview.document.uri.fragment, new RegExp(`path=${LAB_MAC}\\.cfg`));
    const text = preview.document.getText();
    assert.match(text, /^#!version:1\.0\.0\.1/);
    assert.match(text, /account\.1\.user_name = 107/);
    assert.match(text, /lang\.gui = French/);
    assert.doesNotMatch(text, /%%|\{IF/, 'rendered, not the template');

    await insertBefore(editor, 'voice_mail.number.1', 'custom.probe = %%extension_number%%-%%mac_address%%\n');
    const doc = preview.document;
    await waitFor(() => doc.getText().includes(`custom.probe = 107-${LAB_MAC}`), { what: 'the preview to show the edit', timeout: 10_000 });
  });

  test('a template with several files: Preview Config shows the chosen file, remembers it, refreshes it', async () => {
    const file = writeTwoFileTemplate('templates/3cx/two-files-probe.ph.xml');
    temp.push(file);
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'provisioning-3cx');

    const preview = await vscode.commands.executeCommand('provisioningStudio.previewConfig', file, 'lab-t57w', `${LAB_MAC}-directory.xml`);
    assert.strictEqual(preview.document.uri.path, `/lab-t57w/${LAB_MAC}-directory.xml`);
    assert.match(preview.document.getText(), /<Telephone>107<\/Telephone>/);
    assert.deepStrictEqual(api.previews.files.get(file, 'lab-t57w'), { path: `${LAB_MAC}-directory.xml`, deviceconfig: 1 });

    // a live edit re-renders the same (second) file
    await insertBefore(editor, '</YealinkIPPhoneDirectory>', '<!-- probe %%extension_last_name%% -->\n');
    await waitFor(() => /<!-- probe Touch -->/.test(preview.document.getText()), { what: 'the second file to refresh', timeout: 10_000 });
    await vscode.commands.executeCommand('workbench.action.files.revert');

    // without a path the quick pick offers both files with the remembered one active: accept it
    await vscode.window.showTextDocument(doc, editor.viewColumn);
    let done = false;
    const shown = vscode.commands.executeCommand('provisioningStudio.previewConfig', file, 'lab-t57w').finally(() => {
      done = true;
    });
    await waitFor(
      async () => {
        if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return done;
      },
      { what: 'the file quick pick', interval: 300, timeout: 15_000 },
    );
    const again = await shown;
    assert.ok(again, 'a preview after accepting the quick pick');
    assert.strictEqual(again.document.uri.path, `/lab-t57w/${LAB_MAC}-directory.xml`);
  });

  test('Compare Phones diffs the same file of a 3CX template for both phones', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), 'templates/3cx/two-files-probe.ph.xml');
    if (!fs.existsSync(file.fsPath)) {
      temp.push(writeTwoFileTemplate('templates/3cx/two-files-probe.ph.xml'));
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await vscode.commands.executeCommand(
      'provisioningStudio.comparePhones',
      file,
      'lab-t57w',
      'reception-t54w',
      `${LAB_MAC}-directory.xml`,
    );
    const tab = await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find(
            (t) =>
              t.input instanceof vscode.TabInputTextDiff &&
              t.input.original.scheme === PREVIEW &&
              t.input.original.query === file.toString(),
          ),
      { what: 'a diff tab' },
    );
    assert.strictEqual(tab.input.original.path, `/lab-t57w/${LAB_MAC}-directory.xml`);
    assert.strictEqual(tab.input.modified.path, '/reception-t54w/805e0c112233-directory.xml');
    const right = vscode.workspace.textDocuments.find((d) => d.uri.toString() === tab.input.modified.toString());
    assert.ok(right && /<Telephone>100<\/Telephone>/.test(right.getText()), right && right.getText());
  });
});
