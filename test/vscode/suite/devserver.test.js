// Dev server and reprovision commands, inside the extension host (loopback only).
'use strict';

const assert = require('assert');
const dgram = require('dgram');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const { activeExtension, waitFor, workspaceRoot } = require('./helpers');

const RECEPTION_MAC = '805e0c112233';
const SIP_PORT = 45061; // reception-t54w's sip_port in the fixture bench

/** A UDP "phone" answering every NOTIFY with 200 OK. */
function fakePhone() {
  const sock = dgram.createSocket('udp4');
  const received = [];
  sock.on('message', (msg, rinfo) => {
    const text = msg.toString();
    if (!text.startsWith('NOTIFY ')) return;
    received.push(text);
    const head = (n) => text.split('\r\n').filter((l) => l.toLowerCase().startsWith(`${n.toLowerCase()}:`));
    const to = head('To')[0];
    const reply = [
      'SIP/2.0 200 OK',
      ...head('Via'),
      head('From')[0],
      `${to};tag=fake1`,
      head('Call-ID')[0],
      head('CSeq')[0],
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    sock.send(reply, rinfo.port, rinfo.address);
  });
  return new Promise((resolve, reject) => {
    sock.once('error', reject);
    sock.bind(SIP_PORT, '127.0.0.1', () => resolve({ received, close: () => new Promise((r) => sock.close(r)) }));
  });
}

/** A TFTP read (RFC 1350, octet mode) of `file` from 127.0.0.1:`port`: the bytes, or the server's error text. */
function tftpGet(port, file, timeout = 10_000) {
  const sock = dgram.createSocket('udp4');
  const chunks = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(reject, new Error(`no TFTP answer from 127.0.0.1:${port} within ${timeout} ms`)), timeout);
    const finish = (fn, v) => {
      clearTimeout(timer);
      sock.close();
      fn(v);
    };
    sock.on('error', (e) => finish(reject, e));
    sock.on('message', (msg, rinfo) => {
      const op = msg.readUInt16BE(0);
      if (op === 5) return finish(resolve, { error: msg.subarray(4, msg.length - 1).toString() });
      if (op !== 3) return finish(reject, new Error(`unexpected TFTP opcode ${op}`));
      const block = msg.readUInt16BE(2);
      if (block === chunks.length + 1) chunks.push(msg.subarray(4));
      const ack = Buffer.alloc(4);
      ack.writeUInt16BE(4, 0);
      ack.writeUInt16BE(block, 2);
      sock.send(ack, rinfo.port, rinfo.address); // to the transfer's own port (its TID)
      if (msg.length - 4 < 512) finish(resolve, { data: Buffer.concat(chunks) });
    });
    sock.bind(0, '127.0.0.1', () => sock.send(Buffer.concat([Buffer.from([0, 1]), Buffer.from(`${file}\0octet\0`)]), port, '127.0.0.1'));
  });
}

suite('Dev server and reprovision', () => {
  let api;
  suiteSetup(async () => {
    api = (await activeExtension()).exports;
    await vscode.workspace.getConfiguration('provisioningStudio').update('devServer.port', 0, vscode.ConfigurationTarget.Workspace);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
    await vscode.workspace.getConfiguration('provisioningStudio').update('devServer.port', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test("Start Dev Server serves the phone's file and tracks whether it is current", async () => {
    const info = await vscode.commands.executeCommand('provisioningStudio.startDevServer');
    assert.ok(info && info.port > 0, `started: ${JSON.stringify(info)}`);
    assert.ok(api.devServer.running);
    const res = await fetch(`${info.url.replace(/\/$/, '')}/${RECEPTION_MAC}.cfg`, {
      headers: { 'User-Agent': `Yealink SIP-T54W 96.86.0.70 ${RECEPTION_MAC}` },
    });
    assert.strictEqual(res.status, 200);
    assert.match(await res.text(), /account\.1\.user_name = 100/);
    const fresh = await waitFor(() => api.devServer.phoneState(RECEPTION_MAC), { what: 'per-phone state' });
    assert.strictEqual(fresh.current, true);
    assert.strictEqual(fresh.ip, '127.0.0.1');

    // a saved template edit makes what the phone has outdated
    const file = vscode.Uri.joinPath(workspaceRoot(), 'templates/yealink/mac.cfg.hbs').fsPath;
    const before = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, `${before}custom.changed = 1\n`);
      await waitFor(async () => (await api.devServer.phoneState(RECEPTION_MAC))?.current === false, { what: 'the phone to be outdated' });
    } finally {
      fs.writeFileSync(file, before);
    }
    await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
    assert.ok(!api.devServer.running);
  });

  test("Preview Config shows the bytes the dev server serves: its real port (0 → free port), not the bench's 8080", async () => {
    const template = vscode.Uri.joinPath(workspaceRoot(), 'templates/yealink/common.cfg.hbs');
    const showsUrl = (ed, url) => ed.document.getText().includes(`static.auto_provision.server.url = ${url}/\n`);
    const ed = await vscode.commands.executeCommand('provisioningStudio.previewConfig', template, 'reception-t54w');
    await waitFor(() => showsUrl(ed, 'http://127.0.0.1:8080'), { what: "the bench's server.url in the preview" });
    const info = await vscode.commands.executeCommand('provisioningStudio.startDevServer');
    try {
      assert.ok(info && info.port > 0 && info.port !== 8080, JSON.stringify(info));
      assert.match(info.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'loopback only');
      const fileName = path.basename(ed.document.uri.path);
      const res = await fetch(`${info.url}/${fileName}`, { headers: { 'User-Agent': `Yealink SIP-T54W 96.86.0.70 ${RECEPTION_MAC}` } });
      assert.strictEqual(res.status, 200, `GET /${fileName}`);
      const body = await res.text();
      assert.ok(body.includes(`static.auto_provision.server.url = ${info.url}/\n`), body);
      // the open preview follows the server by itself, and a new Preview Config shows the same
      await waitFor(() => ed.document.getText() === body, { what: 'the open preview to show the served bytes' }).catch((e) => {
        throw new Error(`${e.message}; preview:\n${ed.document.getText()}\nserved:\n${body}`);
      });
      const again = await vscode.commands.executeCommand('provisioningStudio.previewConfig', template, 'reception-t54w');
      assert.strictEqual(again.document.getText(), body);
    } finally {
      await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
    }
    // stopped: the bench decides again
    await waitFor(() => showsUrl(ed, 'http://127.0.0.1:8080'), { what: "the bench's server.url after the server stopped" });
  });

  test('a phone not on the bench shows under "Not on the bench"; Add to Bench writes it into bench.yaml and it is served', async () => {
    const info = await vscode.commands.executeCommand('provisioningStudio.startDevServer');
    const benchFile = vscode.Uri.joinPath(workspaceRoot(), 'bench.yaml').fsPath;
    const before = fs.readFileSync(benchFile, 'utf8');
    const ua = 'Yealink SIP-T46U 108.86.0.20 80:5e:c0:78:29:65';
    const url = `${info.url.replace(/\/$/, '')}/805ec0782965.cfg`;
    try {
      assert.strictEqual((await fetch(url, { headers: { 'User-Agent': ua } })).status, 404);
      const group = await waitFor(async () => (await api.bench.getChildren()).find((n) => n.kind === 'unknownGroup'), {
        what: 'the Not on the bench node',
      });
      const [node] = await api.bench.getChildren(group);
      assert.strictEqual(node.kind, 'unknownPhone');
      assert.deepStrictEqual([node.phone.mac, node.phone.vendor, node.phone.model], ['805ec0782965', 'yealink', 'T46U']);
      const item = await api.bench.getTreeItem(node);
      assert.strictEqual(item.contextValue, 'unknownPhone');
      const added = await vscode.commands.executeCommand('provisioningStudio.bench.addToBench', node, 'adopted-t46u');
      assert.strictEqual(added, true);
      const after = fs.readFileSync(benchFile, 'utf8');
      assert.match(after, /- \{ mac: 805ec0782965, vendor: yealink, model: T46U, name: adopted-t46u, ip: 127\.0\.0\.1 \}/);
      assert.ok(after.startsWith(before.replace(/\n*$/, '')), 'the rest of the bench file is unchanged');
      await waitFor(async () => (await fetch(url, { headers: { 'User-Agent': ua } })).status === 200, {
        what: 'the adopted phone to be served',
      });
      await waitFor(async () => !(await api.bench.getChildren()).some((n) => n.kind === 'unknownGroup'), { what: 'the node to go' });
    } finally {
      fs.writeFileSync(benchFile, before);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === benchFile);
      if (doc && doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert', doc.uri);
      await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
    }
  });

  test('devServer.tftpPort: TFTP beside the dev server on its host, answered like HTTP, stopped with it', async () => {
    const config = vscode.workspace.getConfiguration('provisioningStudio');
    await config.update('devServer.tftpPort', 0, vscode.ConfigurationTarget.Workspace);
    let port;
    try {
      const info = await vscode.commands.executeCommand('provisioningStudio.startDevServer');
      const tftp = api.devServer.tftpAddress();
      assert.ok(tftp && tftp.port > 0, `TFTP listening: ${JSON.stringify(tftp)}`);
      assert.strictEqual(tftp.host, info.host, "on the dev server's host");
      port = tftp.port;
      const got = await tftpGet(port, `${RECEPTION_MAC}.cfg`);
      assert.ok(got.data, `TFTP error: ${got.error}`);
      assert.match(got.data.toString(), /account\.1\.user_name = 100/);
      const res = await fetch(`${info.url}/${RECEPTION_MAC}.cfg`);
      assert.strictEqual(got.data.toString(), await res.text(), 'the same bytes as over HTTP');
      assert.deepStrictEqual(await tftpGet(port, 'nothing-here.cfg'), { error: 'File not found' });
    } finally {
      await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
      await config.update('devServer.tftpPort', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.strictEqual(api.devServer.tftpAddress(), undefined);
    // stopped with the dev server: the port is free again
    const again = dgram.createSocket('udp4');
    await new Promise((resolve, reject) => {
      again.once('error', reject);
      again.bind(port, '127.0.0.1', resolve);
    });
    await new Promise((r) => again.close(r));
  });

  test('devServer.tftpPort in use: a warning, and HTTP keeps running', async () => {
    const taken = dgram.createSocket('udp4');
    await new Promise((resolve) => taken.bind(0, '127.0.0.1', resolve));
    const config = vscode.workspace.getConfiguration('provisioningStudio');
    await config.update('devServer.tftpPort', taken.address().port, vscode.ConfigurationTarget.Workspace);
    try {
      const info = await vscode.commands.executeCommand('provisioningStudio.startDevServer');
      assert.ok(info && api.devServer.running, 'HTTP started');
      assert.strictEqual(api.devServer.tftpAddress(), undefined, 'no TFTP listener');
      const res = await fetch(`${info.url}/${RECEPTION_MAC}.cfg`);
      assert.strictEqual(res.status, 200);
    } finally {
      await vscode.commands.executeCommand('provisioningStudio.stopDevServer');
      await config.update('devServer.tftpPort', undefined, vscode.ConfigurationTarget.Workspace);
      await new Promise((r) => taken.close(r));
    }
  });

  test('Reprovision Phone sends the vendor NOTIFY and reports the outcome', async () => {
    const phone = await fakePhone();
    try {
      const o = await vscode.commands.executeCommand('provisioningStudio.reprovisionPhone', 'reception-t54w');
      assert.ok(o, 'an outcome');
      assert.strictEqual(o.result.status, 'accepted', o.result.message);
      assert.strictEqual(phone.received.length, 1);
      assert.match(phone.received[0], /^Event: check-sync/m);
    } finally {
      await phone.close();
    }
  });

  test('Reprovision All reports every phone (phones without an address fail fast)', async () => {
    const phone = await fakePhone();
    try {
      const outcomes = await vscode.commands.executeCommand('provisioningStudio.reprovisionAll');
      assert.strictEqual(outcomes.length, 4);
      const byName = Object.fromEntries(outcomes.map((o) => [o.phone.name, o.result.status]));
      assert.deepStrictEqual(byName, { 'reception-t54w': 'accepted', 'alice-t46s': 'error', 'bob-vvx400': 'error', 'lab-t57w': 'error' });
    } finally {
      await phone.close();
    }
  });
});
