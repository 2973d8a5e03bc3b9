// provisioningStudio.benchFile and the dev server tls/auth settings, inside the extension host:
// switching the bench file to alt-bench.yaml shows its phones (listPhones and the bench view), validates
// it as the bench while typing, and the dev server serves its phones; devServer.auth with the password
// from "Set Dev Server Password" (SecretStorage). Every setting and the stored password are restored.
'use strict';

const assert = require('assert');
const fs = require('fs');
const vscode = require('vscode');

const { activeExtension, codeOf, waitFor, workspaceRoot } = require('./helpers');

const DEFAULT_PHONES = 'reception-t54w,alice-t46s,bob-vvx400,lab-t57w';
const ALT_PHONES = 'alt-t54w,alt-t46s';
const ALT_MAC = '805e0caabb01';

suite('Bench file setting', () => {
  let api;
  const config = () => vscode.workspace.getConfiguration('provisioningStudio');
  const phoneNames = async () => (await api.server.listPhones()).map((p) => p.name).join(',');
  const viewPhones = async () =>
    (await api.bench.getChildren())
      .filter((n) => n.kind === 'phone')
      .map((n) => n.phone.name)
      .join(',');

  suiteSetup(async () => {
    api = (await activeExtension()).exports;
    await api.server.whenReady();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
    for (const k of ['benchFile', 'devServer.auth', 'devServer.tls'])
      await config().update(k, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('provisioningStudio.setDevServerPassword', '');
    for (const d of vscode.workspace.textDocuments.filter((x) => x.isDirty && x.uri.scheme === 'file')) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await waitFor(async () => (await phoneNames()) === DEFAULT_PHONES, { what: 'the default bench phones again' });
  });

  test('benchFile = alt-bench.yaml: its phones in listPhones and the bench view; validated as the bench; restored after', async () => {
    assert.strictEqual(await phoneNames(), DEFAULT_PHONES);
    await config().update('benchFile', 'alt-bench.yaml', vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => (await phoneNames()) === ALT_PHONES, { what: 'the alt bench phones from the language server' });
    await waitFor(async () => (await viewPhones()) === ALT_PHONES, { what: 'the alt bench phones in the bench view' });

    // the language server registered the file for sync: an unsaved error is a diagnostic on it
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'alt-bench.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('transport: udp'));
    const lineRange = () => new vscode.Range(line, 0, line, doc.lineAt(line).text.length);
    const good = doc.lineAt(line).text;
    await editor.edit((e) => e.replace(lineRange(), '  transport: udpx'));
    const diags = await waitFor(
      () => {
        const d = vscode.languages.getDiagnostics(uri).filter((x) => codeOf(x) === 'bench-enum');
        return d.length ? d : undefined;
      },
      { what: 'a bench-enum diagnostic on alt-bench.yaml' },
    );
    assert.strictEqual(diags[0].range.start.line, line);
    // fixed in the buffer (an edit: the revert command acts on whatever editor is active), then reverted
    await editor.edit((e) => e.replace(lineRange(), good));
    await waitFor(() => vscode.languages.getDiagnostics(uri).length === 0, { what: 'the diagnostic to clear' }).catch((e) => {
      const left = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line}: ${codeOf(d)} ${d.message}`);
      const onDisk = fs.readFileSync(uri.fsPath, 'utf8').includes('udpx') ? 'udpx on disk' : 'clean on disk';
      throw new Error(`${e.message}: ${JSON.stringify(left)}; dirty ${doc.isDirty}; buffer ${doc.lineAt(line).text}; ${onDisk}`);
    });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');

    // the dev server serves the alt bench's phones
    const info = await vscode.commands.executeCommand('provisioningStudio.startDevServer');
    assert.ok(info && info.port > 0, JSON.stringify(info));
    try {
      const res = await fetch(`${info.url.replace(/\/$/, '')}/${ALT_MAC}.cfg`, {
        headers: { 'User-Agent': `Yealink SIP-T54W 96.86.0.70 ${ALT_MAC}` },
      });
      assert.strictEqual(res.status, 200);
      assert.match(await res.text(), /account\.1\.user_name = 201/);
      assert.strictEqual((await fetch(`${info.url.replace(/\/$/, '')}/805e0c112233.cfg`)).status, 404, 'a phone of bench.yaml is unknown');
    } finally {
      await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
    }

    await config().update('benchFile', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => (await phoneNames()) === DEFAULT_PHONES, { what: 'the default bench phones after restoring the setting' });
    await waitFor(async () => (await viewPhones()) === DEFAULT_PHONES, { what: 'the default phones in the bench view' });
  });

  test('devServer.auth with the password from Set Dev Server Password (SecretStorage) overrides the bench', async () => {
    const password = `Vsc0de-${Date.now()}`;
    await config().update('devServer.auth', { type: 'basic', username: 'vsprov' }, vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(await vscode.commands.executeCommand('provisioningStudio.setDevServerPassword', password), true);
    const info = await vscode.commands.executeCommand('provisioningStudio.startDevServer');
    assert.ok(info && info.port > 0, JSON.stringify(info));
    try {
      assert.deepStrictEqual(info.auth, { type: 'basic', username: 'vsprov' });
      assert.ok(!JSON.stringify(info).includes(password));
      const url = `${info.url.replace(/\/$/, '')}/805e0c112233.cfg`;
      const ua = { 'User-Agent': 'Yealink SIP-T54W 96.86.0.70 805e0c112233' };
      assert.strictEqual((await fetch(url, { headers: ua })).status, 401);
      const auth = `Basic ${Buffer.from(`vsprov:${password}`).toString('base64')}`;
      assert.strictEqual((await fetch(url, { headers: { ...ua, Authorization: auth } })).status, 200);
    } finally {
      await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
    }
    // without a stored password the server does not start
    await vscode.commands.executeCommand('provisioningStudio.setDevServerPassword', '');
    assert.strictEqual(await vscode.commands.executeCommand('provisioningStudio.startDevServer'), undefined);
    assert.strictEqual(api.devServer.running, false);
  });
});
