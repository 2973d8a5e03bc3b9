// The language server's service thread (server/src/node/serviceThread.ts): validation runs off the
// connection's thread, so a hover is answered while a template runs to its render budget; a render far
// past its budget restarts the thread and the document gets a located error, and the next job runs on
// a fresh thread. Over real JSON-RPC against the built bundle, and the thread class directly.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { ServiceThread } from '../../../server/src/node/serviceThread';
import type { FolderState } from '../../../server/src/offThread';
import type { ValidationResult } from '../../../server/src/service/validation';
import { EXAMPLE_BENCH, ensureServerBuilt, serverBundle, startClient, writeWorkspace } from './helpers';

// no step limit reached before the clock: the typing pass runs for its whole 250 ms budget
const RUNAWAY =
  '#!version:1.0.0.1\nauto_provision.repeat.enable = 1\n' +
  '{{#each (range 1 10000)}}{{#each (range 1 10000)}}{{#each (range 1 10000)}}{{/each}}{{/each}}{{/each}}\n';

before(() => ensureServerBuilt());

/** The folder state of a written workspace, with the given open documents (uri, text). */
function folderState(ws: ReturnType<typeof writeWorkspace>, docs: [string, string][]): FolderState {
  return {
    uri: ws.uri('').replace(/\/$/, ''),
    root: ws.root,
    benchFile: 'bench.yaml',
    filesEpoch: 0,
    docs: docs.map(([uri, text]) => ({ uri, languageId: 'provisioning-cfg-hbs', text })),
  };
}

test('a hover is answered while the document is being validated (the render runs on the service thread)', async () => {
  const ws = writeWorkspace({ 'bench.yaml': EXAMPLE_BENCH, 'templates/yealink/mac.cfg.hbs': RUNAWAY });
  const client = await startClient(ws.uri(''));
  try {
    const uri = ws.uri('templates/yealink/mac.cfg.hbs');
    const order: string[] = [];
    const diagnostics = client.diagnostics(uri, 1, 20_000).then((d) => (order.push('diagnostics'), d));
    client.open(uri, 'provisioning-cfg-hbs', RUNAWAY);
    await new Promise((r) => setTimeout(r, 60)); // the validation (delay 0) has started
    const hover = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } });
    order.push('hover');
    assert.ok(hover, 'a hover for auto_provision.repeat.enable');
    const d = await diagnostics.catch((e) => assert.fail(`${e}\n${client.logs.join('\n')}\n${client.stderr()}`));
    assert.deepEqual(order.slice(0, 2), ['hover', 'diagnostics'], 'the hover did not wait for the validation');
    const limit = d.find((x) => x.code === 'render-limit');
    assert.ok(limit, JSON.stringify(d));
    assert.equal(limit.range.start.line, 2, 'located at the loop that ran away');
    assert.ok(!client.exited());
  } finally {
    await client.dispose();
    ws.dispose();
  }
});

// each step joins a 150,000-item list: the interpreter's clock (read every 256 steps) comes far too late
const big = Array.from({ length: 150_000 }, (_, i) => `i${i}`).join(', ');
const SLOW_BENCH = EXAMPLE_BENCH.replace('vars:\n', `vars:\n  big: [${big}]\n`);
const SLOW = '#!version:1.0.0.1\n{{#each (range 1 10000)}}{{#if (eq (join ../vars.big) "x")}}y{{/if}}{{/each}}\n';
const FIXED = '#!version:1.0.0.1\nauto_provision.repeat.enable = 1\n';

test('a render far past its budget restarts the service thread; the next job runs on a fresh one', async () => {
  const ws = writeWorkspace({ 'bench.yaml': SLOW_BENCH, 'templates/yealink/mac.cfg.hbs': SLOW });
  const thread = new ServiceThread({ graceMs: 50 });
  try {
    const uri = ws.uri('templates/yealink/mac.cfg.hbs');
    const folder = (text: string) => folderState(ws, [[uri, text]]);
    const stuck = await thread.validate(folder(SLOW), { uri, version: 1 }, { phones: 'representative' });
    assert.equal(stuck.ok, false);
    assert.ok(!stuck.ok && stuck.reason === 'stopped', JSON.stringify(stuck));
    assert.match(stuck.message, /still running after \d+ ms \(render budget 250 ms\); the service thread was restarted/);
    assert.equal(thread.restarts, 1);
    const fixed = await thread.validate(folder(FIXED), { uri, version: 2 }, { phones: 'representative' });
    assert.ok(fixed.ok, JSON.stringify(fixed));
    const result = fixed.value as ValidationResult;
    assert.deepEqual(
      result.diagnostics.filter((d) => d.severity === 1),
      [],
    );
    assert.ok(result.rendered >= 1, 'the fixed template rendered on the new thread');
    assert.equal(thread.restarts, 1);
  } finally {
    await thread.dispose();
    ws.dispose();
  }
});

test('a queued validation is replaced by a newer one for the same document', async () => {
  const ws = writeWorkspace({ 'bench.yaml': EXAMPLE_BENCH, 'templates/yealink/mac.cfg.hbs': FIXED });
  const thread = new ServiceThread();
  try {
    const uri = ws.uri('templates/yealink/mac.cfg.hbs');
    const other = ws.uri('templates/yealink/other.cfg.hbs');
    const folder = folderState(ws, [
      [uri, FIXED],
      [other, FIXED],
    ]);
    const first = thread.validate(folder, { uri: other, version: 1 }, {}); // runs (or waits for the thread)
    const v1 = thread.validate(folder, { uri, version: 1 }, {});
    const v2 = thread.validate(folder, { uri, version: 2 }, {});
    const [a, b, c] = await Promise.all([first, v1, v2]);
    assert.ok(a.ok);
    assert.ok(!b.ok && b.reason === 'superseded', JSON.stringify(b));
    assert.ok(c.ok);
  } finally {
    await thread.dispose();
    ws.dispose();
  }
});

test('a running validation is cancelled when a newer edit of the same document comes (its render stops at the next clock check)', async () => {
  const ws = writeWorkspace({ 'bench.yaml': EXAMPLE_BENCH, 'templates/yealink/mac.cfg.hbs': FIXED });
  const thread = new ServiceThread();
  try {
    const uri = ws.uri('templates/yealink/mac.cfg.hbs');
    const folder = (text: string) => folderState(ws, [[uri, text]]);
    await thread.validate(folder(FIXED), { uri, version: 1 }, {}); // the thread is up
    // the full pass of a runaway template: 1 s per render unless cancelled
    const stale = thread.validate(folder(RUNAWAY), { uri, version: 2 }, { phones: 'all' });
    await new Promise((r) => setTimeout(r, 150)); // it is rendering
    const fresh = thread.validate(folder(FIXED), { uri, version: 3 }, {});
    const [a, b] = await Promise.all([stale, fresh]);
    assert.ok(!a.ok && a.reason === 'superseded', JSON.stringify(a));
    assert.ok(b.ok, JSON.stringify(b));
    assert.equal(thread.cancelled, 1);
    assert.equal(thread.restarts, 0, 'cancelled, not killed');
  } finally {
    await thread.dispose();
    ws.dispose();
  }
});

test('a service thread that cannot start: jobs are answered "unavailable" at once, never left waiting', async () => {
  const { Worker } = await import('node:worker_threads');
  const thread = new ServiceThread({ start: () => new Worker('/nonexistent/serviceWorker.js') });
  try {
    const folder: FolderState = { uri: 'file:///nowhere', benchFile: 'bench.yaml', filesEpoch: 0, docs: [] };
    const a = await thread.validate(folder, { uri: 'file:///nowhere/templates/x.cfg.hbs', version: 1 }, {});
    assert.ok(!a.ok && a.reason === 'unavailable', JSON.stringify(a));
    assert.match(a.message, /the service thread cannot start/);
    const b = await thread.effective(folder, {});
    assert.ok(!b.ok && b.reason === 'unavailable');
  } finally {
    await thread.dispose();
  }
});

test('the language server without its service thread file checks on its own thread (JSON-RPC)', async () => {
  const { copyFileSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const lone = mkdtempSync(join(tmpdir(), 'ps-lone-server-'));
  copyFileSync(serverBundle, join(lone, 'server.js')); // no serviceWorker.js beside it
  const ws = writeWorkspace({ 'bench.yaml': EXAMPLE_BENCH, 'templates/yealink/mac.cfg.hbs': FIXED });
  const client = await startClient(ws.uri(''), { validation: { delay: 0, fullDelay: 200 } }, join(lone, 'server.js'));
  try {
    const uri = ws.uri('templates/yealink/mac.cfg.hbs');
    const diagnostics = client.diagnostics(uri, 1, 20_000);
    client.open(uri, 'provisioning-cfg-hbs', '#!version:1.0.0.1\nauto_provision.repeat.enabel = 1\n');
    const d = await diagnostics;
    assert.ok(
      d.some((x) => /did you mean 'auto_provision\.repeat\.enable'/i.test(x.message)),
      JSON.stringify(d),
    );
    assert.ok(
      client.logs.some((l) => /the service thread cannot start/.test(l)),
      client.logs.join('\n'),
    );
  } finally {
    await client.dispose();
    ws.dispose();
    rmSync(lone, { recursive: true, force: true });
  }
});
