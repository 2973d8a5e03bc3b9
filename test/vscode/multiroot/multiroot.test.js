// Multi-root workspace (multi.code-workspace: site-a with bench.yaml, site-b with lab/b-bench.yaml set in
// its folder settings): each folder is its own provisioning workspace in the language server (phones,
// diagnostics, Preview Config), the bench view (one root per folder), the selected phone and the dev
// server (one per folder, port 0: Preview Config shows the bytes each serves). site-c is added at runtime.
'use strict';

const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const { activeExtension, codeOf, waitFor } = require('../suite/helpers');

const folder = (name) => {
  const f = (vscode.workspace.workspaceFolders || []).find((x) => x.name === name);
  if (!f) throw new Error(`no workspace folder ${name}: ${(vscode.workspace.workspaceFolders || []).map((x) => x.name)}`);
  return f;
};
const file = (name, rel) => vscode.Uri.joinPath(folder(name).uri, rel);
const names = (phones) => phones.map((p) => p.name).join(',');
const MAC_A = '805e0ca1a101';
const MAC_B = '001565b2b202';

/** Preview Config of a template for a phone; resolves with the preview editor once it shows `want` (a RegExp or text). */
async function preview(template, phone, want) {
  const ed = await vscode.commands.executeCommand('provisioningStudio.previewConfig', template, phone);
  assert.ok(ed, `a preview of ${template.path} for ${phone}`);
  if (want) {
    await waitFor(() => (typeof want === 'string' ? ed.document.getText() === want : want.test(ed.document.getText())), {
      what: `the preview of ${path.basename(template.path)} for ${phone} to show ${want}`,
    }).catch((e) => {
      throw new Error(`${e.message}; it shows:\n${ed.document.getText()}`);
    });
  }
  return ed;
}

suite('Multi-root workspace', () => {
  let api;
  suiteSetup(async () => {
    api = (await activeExtension()).exports;
    await api.server.whenReady();
  });
  suiteTeardown(async () => {
    for (const f of vscode.workspace.workspaceFolders || []) {
      await vscode.commands.executeCommand('provisioningStudio.stopDevServer', f.uri);
    }
  });

  test('each folder lists its own bench (site-b: its folder setting lab/b-bench.yaml)', async () => {
    assert.deepStrictEqual(
      (vscode.workspace.workspaceFolders || []).map((f) => f.name),
      ['site-a', 'site-b'],
    );
    await waitFor(async () => names(await api.server.listPhones(undefined, folder('site-b').uri)) === 'b-desk', { what: 'site-b phones' });
    assert.strictEqual(names(await api.server.listPhones(undefined, folder('site-a').uri)), 'a-desk');
    assert.strictEqual(names(await api.server.listPhones(file('site-b', 'templates/yealink/mac.cfg.hbs'))), 'b-desk');
    assert.strictEqual(names(await api.server.listPhones(file('site-a', 'templates/yealink/mac.cfg.hbs'))), 'a-desk');
  });

  test("the same template text gets diagnostics from its own folder's bench", async () => {
    const a = file('site-a', 'templates/yealink/mac.cfg.hbs');
    const b = file('site-b', 'templates/yealink/mac.cfg.hbs');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(a));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(b));
    // site-b's bench has no vars.site_tz: an unknown data path there, nothing in site-a
    const diags = await waitFor(
      () => {
        const d = vscode.languages.getDiagnostics(b).filter((x) => codeOf(x) === 'unknown-path');
        return d.length ? d : undefined;
      },
      { what: 'unknown-path on site-b/templates/yealink/mac.cfg.hbs' },
    ).catch((e) => {
      const all = (u) => JSON.stringify(vscode.languages.getDiagnostics(u).map((d) => [codeOf(d), d.message]));
      throw new Error(`${e.message}; site-b: ${all(b)}; site-a: ${all(a)}`);
    });
    assert.match(diags[0].message, /site_tz/);
    assert.strictEqual(diags[0].range.start.line, 2);
    // site-a was validated too (its first diagnostics are published), with nothing to report
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(a).map((d) => `${codeOf(d)}: ${d.message}`),
      [],
    );
  });

  test("Preview Config renders each folder's template with that folder's phones and PBX", async () => {
    const a = await preview(file('site-a', 'templates/yealink/mac.cfg.hbs'), 'a-desk', /account\.1\.user_name = 100/);
    assert.match(a.document.getText(), /^## a-desk \(T54W\)$/m);
    assert.match(a.document.getText(), /sip_server\.1\.address = pbx\.site-a\.test/);
    assert.match(a.document.getText(), /server\.url = http:\/\/127\.0\.0\.1:8080\//);
    const b = await preview(file('site-b', 'templates/yealink/mac.cfg.hbs'), 'b-desk', /account\.1\.user_name = 200/);
    assert.match(b.document.getText(), /sip_server\.1\.address = pbx\.site-b\.test/);
    assert.match(b.document.getText(), /server\.url = http:\/\/127\.0\.0\.1:8090\//);
  });

  test('the bench view has one root per folder, each with its own phones', async () => {
    const roots = await api.bench.getChildren();
    assert.deepStrictEqual(
      roots.map((n) => `${n.kind}:${n.folder && n.folder.name}`),
      ['folder:site-a', 'folder:site-b'],
    );
    const children = await Promise.all(roots.map((r) => api.bench.getChildren(r)));
    assert.deepStrictEqual(
      children.map((c) => c.map((n) => `${n.kind}:${n.phone && n.phone.name}`)),
      [['phone:a-desk'], ['phone:b-desk']],
    );
    const items = await Promise.all(children.map((c) => api.bench.getTreeItem(c[0])));
    assert.notStrictEqual(items[0].id, items[1].id);
    // a phone's routes come from its folder
    const routes = await api.bench.getChildren(children[1][0]);
    const ofB = routes.every((n) => n.kind === 'route' && n.route.phone === 'b-desk');
    assert.ok(routes.length && ofB, JSON.stringify(routes.map((n) => n.route)));
  });

  test('the selected phone is per folder', async () => {
    await vscode.commands.executeCommand('provisioningStudio.selectPhone', 'b-desk', folder('site-b').uri);
    await vscode.commands.executeCommand('provisioningStudio.selectPhone', 'a-desk', folder('site-a').uri);
    assert.strictEqual(api.selection.phoneOf(folder('site-b').uri), 'b-desk');
    assert.strictEqual(api.selection.phoneOf(folder('site-a').uri), 'a-desk');
    assert.strictEqual(api.selection.phoneOf(file('site-b', 'templates/yealink/mac.cfg.hbs')), 'b-desk');
  });

  test("one dev server per folder; Preview Config shows the bytes each serves (real port, not the bench's)", async () => {
    const infoA = await vscode.commands.executeCommand('provisioningStudio.startDevServer', folder('site-a').uri);
    const infoB = await vscode.commands.executeCommand('provisioningStudio.startDevServer', folder('site-b').uri);
    assert.ok(infoA && infoB && infoA.port > 0 && infoB.port > 0 && infoA.port !== infoB.port, JSON.stringify([infoA, infoB]));
    assert.notStrictEqual(infoA.port, 8080);
    assert.notStrictEqual(infoB.port, 8090);
    assert.deepStrictEqual(
      api.devServer
        .runningFolders()
        .map((f) => f.name)
        .sort(),
      ['site-a', 'site-b'],
    );
    for (const [name, info, phone, mac, ua] of [
      ['site-a', infoA, 'a-desk', MAC_A, 'Yealink SIP-T54W 96.86.0.70'],
      ['site-b', infoB, 'b-desk', MAC_B, 'Yealink SIP-T46S 66.86.0.15'],
    ]) {
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'loopback only');
      const res = await fetch(`${info.url}/${mac}.cfg`, { headers: { 'User-Agent': `${ua} ${mac}` } });
      assert.strictEqual(res.status, 200, `${name}: GET /${mac}.cfg`);
      const body = await res.text();
      assert.ok(body.includes(`server.url = ${info.url}/`), `${name} serves its own address:\n${body}`);
      const ed = await preview(file(name, 'templates/yealink/mac.cfg.hbs'), phone, body);
      assert.strictEqual(ed.document.getText(), body);
    }
    // the other folder's server does not know this folder's phone
    assert.strictEqual((await fetch(`${infoA.url}/${MAC_B}.cfg`)).status, 404);

    // stopping site-a's server: its preview goes back to the bench's address; site-b's keeps its server's
    await vscode.commands.executeCommand('provisioningStudio.stopDevServer', folder('site-a').uri);
    assert.deepStrictEqual(
      api.devServer.runningFolders().map((f) => f.name),
      ['site-b'],
    );
    await preview(file('site-a', 'templates/yealink/mac.cfg.hbs'), 'a-desk', /server\.url = http:\/\/127\.0\.0\.1:8080\//);
    const urlB = new RegExp(`server\\.url = ${infoB.url.replace(/[.]/g, '\\.')}/`);
    await preview(file('site-b', 'templates/yealink/mac.cfg.hbs'), 'b-desk', urlB);
    await vscode.commands.executeCommand('provisioningStudio.stopDevServer', folder('site-b').uri);
    assert.strictEqual(api.devServer.running, false);
  });

  test('a folder added at runtime is its own workspace; removed, it is gone from the bench view', async () => {
    const root = path.dirname(folder('site-a').uri.fsPath);
    const c = vscode.Uri.file(path.join(root, 'site-c'));
    const foldersChanged = () =>
      new Promise((resolve) => {
        const d = vscode.workspace.onDidChangeWorkspaceFolders(() => {
          d.dispose();
          resolve();
        });
      });
    const added = foldersChanged();
    assert.ok(vscode.workspace.updateWorkspaceFolders(2, 0, { uri: c, name: 'site-c' }), 'updateWorkspaceFolders accepted');
    await added;
    try {
      await waitFor(async () => names(await api.server.listPhones(undefined, c)) === 'c-desk', { what: 'site-c phones' });
      const t = vscode.Uri.joinPath(c, 'templates/yealink/mac.cfg.hbs');
      await preview(t, 'c-desk', /account\.1\.user_name = 300/);
      await waitFor(
        async () => (await api.bench.getChildren()).map((n) => n.folder && n.folder.name).join(',') === 'site-a,site-b,site-c',
        { what: 'three roots in the bench view' },
      );
    } finally {
      const removed = foldersChanged();
      vscode.workspace.updateWorkspaceFolders(2, 1);
      await removed;
    }
    await waitFor(async () => (await api.bench.getChildren()).map((n) => n.folder && n.folder.name).join(',') === 'site-a,site-b', {
      what: 'two roots again',
    });
  });
});
