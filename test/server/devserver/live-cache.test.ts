// The dev server's caches (files snapshot per event-loop turn, generation-keyed routes, partials, request
// resolutions and renders) never serve a stale answer: each request issued after a completed write sees it,
// even for same-size edits in quick succession, renamed or deleted partials and bench edits; bytes stay
// those of workspace.render; the request log keeps one entry per request.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';
import { tempExample } from '../../helpers/workspace';
import { benchYaml, get, makeWorkspace, startServer, TEMPLATES, UA, type TestWorkspace } from './helpers';

/** These tests are about cache invalidation: edits are served at once (live-edit settling has its own test, integrity.test.ts). */
const NO_SETTLE = { quietMs: 0 };

const cleanups: TestWorkspace[] = [];
after(() => {
  for (const c of cleanups) c.cleanup();
});
const ws = (extra: Record<string, string> = {}) => {
  const w = makeWorkspace(undefined, extra);
  cleanups.push(w);
  return w;
};
const MAC_CFG = '/805e0c112233.cfg';

/** What workspace.render gives for a phone's file now (the bench as the server sees it: its real port). */
function rendered(w: TestWorkspace, port: number, path: string): string {
  const fresh = new Workspace(new DiskFiles(w.dir));
  const res = fresh.resolveRequest(path.slice(1), { userAgent: UA.yealink });
  assert.ok(res.ok, path);
  const parsed = fresh.parsedBench();
  const bench = { ...parsed, bench: { ...parsed.bench, server: { ...parsed.bench.server, port } } };
  return fresh.render(res.template, res.phone, { route: res.route, bench }).text;
}

test('same-size edits in quick succession: every next request sees the last write', async () => {
  const w = ws();
  const s = await startServer(w.ws, NO_SETTLE);
  try {
    for (let i = 10; i < 40; i++) {
      w.write('templates/yealink/mac.cfg.hbs', `${TEMPLATES['templates/yealink/mac.cfg.hbs']}edit = ${i}\n`);
      const r = await get(s.base, MAC_CFG, UA.yealink);
      assert.match(r.text, new RegExp(`edit = ${i}\\n$`));
      w.write('bench.yaml', benchYaml().replace('extension: "100"', `extension: "1${i}"`));
      assert.match((await get(s.base, MAC_CFG, UA.yealink)).text, new RegExp(`user_name = 1${i}\\n`));
    }
    assert.equal((await get(s.base, MAC_CFG, UA.yealink)).text, rendered(w, s.port, MAC_CFG));
  } finally {
    await s.stop();
  }
});

test('a partial deleted, renamed or shadowed changes the next answer', async () => {
  const w = ws({ 'templates/partials/account.cfg.hbs': 'account.{{index}}.label = shared-partial' });
  const s = await startServer(w.ws, NO_SETTLE);
  try {
    const vendor = join(w.dir, 'templates/yealink/partials/account.cfg.hbs');
    assert.match((await get(s.base, MAC_CFG, UA.yealink)).text, /account\.1\.password = /);
    unlinkSync(vendor); // the shared partial answers now
    const shared = await get(s.base, MAC_CFG, UA.yealink);
    assert.match(shared.text, /account\.1\.label = shared-partial/);
    assert.equal(shared.text, rendered(w, s.port, MAC_CFG));
    // renamed to another name: no partial 'account' anywhere → the last good version serves, reported
    renameSync(join(w.dir, 'templates/partials/account.cfg.hbs'), join(w.dir, 'templates/partials/acct.cfg.hbs'));
    const missing = await get(s.base, MAC_CFG, UA.yealink);
    assert.equal(missing.text, shared.text);
    assert.equal(s.log.at(-1)!.stale, true);
    assert.equal(s.problems.at(-1)!.file, 'templates/yealink/mac.cfg.hbs');
    // a vendor partial created again shadows the shared one at once, and the problem is fixed
    writeFileSync(vendor, 'account.{{index}}.label = vendor-again');
    const again = await get(s.base, MAC_CFG, UA.yealink);
    assert.match(again.text, /account\.1\.label = vendor-again/);
    assert.notEqual(s.log.at(-1)!.stale, true);
    assert.ok(s.recovered.some((r) => r.file === 'templates/yealink/mac.cfg.hbs'));
  } finally {
    await s.stop();
  }
});

test('a model override template added then deleted; a bench edit moves the phone to another template', async () => {
  const w = ws();
  const s = await startServer(w.ws, NO_SETTLE);
  try {
    const before = await get(s.base, MAC_CFG, UA.yealink);
    w.write('templates/yealink/T46S/mac.cfg.hbs', '#!version:1.0.0.1\n## T46S only\n');
    assert.equal((await get(s.base, MAC_CFG, UA.yealink)).text, '#!version:1.0.0.1\n## T46S only\n');
    rmSync(join(w.dir, 'templates/yealink/T46S'), { recursive: true });
    assert.equal((await get(s.base, MAC_CFG, UA.yealink)).text, before.text);
    // the bench now says the phone is a T56A: the T56A override answers the same path
    w.write('templates/yealink/T56A/mac.cfg.hbs', '## T56A override\n');
    w.write('bench.yaml', benchYaml().replace('model: T46S', 'model: T56A'));
    const moved = await get(s.base, MAC_CFG, UA.yealink);
    assert.equal(moved.text, '## T56A override\n');
    assert.equal(s.log.at(-1)!.template, 'templates/yealink/T56A/mac.cfg.hbs');
  } finally {
    await s.stop();
  }
});

test('requests in flight during an edit: the request issued after it sees it; one log entry per request', async () => {
  const w = ws();
  const s = await startServer(w.ws, NO_SETTLE);
  try {
    const paths = ['/805e0c112233.boot', '/y000000000066.cfg', MAC_CFG];
    const inflight = Array.from({ length: 60 }, (_, i) => get(s.base, paths[i % 3], UA.yealink));
    w.write('templates/yealink/common.cfg.hbs', `${TEMPLATES['templates/yealink/common.cfg.hbs']}edited.during.storm = 1\n`);
    const next = await get(s.base, '/y000000000066.cfg', UA.yealink);
    assert.match(next.text, /edited\.during\.storm = 1/);
    const all = await Promise.all(inflight);
    assert.ok(all.every((r) => r.status === 200));
    assert.equal(s.log.length, 61);
    assert.equal(s.log.filter((e) => e.path === '/y000000000066.cfg').length, 21);
  } finally {
    await s.stop();
  }
});

test('3CX template: an edit applies to the next request, bytes equal the preview', async () => {
  const dir = tempExample();
  try {
    const workspace = new Workspace(new DiskFiles(dir));
    const phone = workspace.phones.find((p) => p.vars?.template === '3cx/yealink-t5x')!;
    const route = workspace.routesFor(phone)[0];
    const ua = `Yealink SIP-${phone.model} 96.86.0.70 ${phone.mac.match(/../g)!.join(':')}`;
    const s = await startServer(workspace, NO_SETTLE);
    try {
      const a = await get(s.base, `/${route.path}`, ua);
      assert.equal(a.status, 200);
      const file = join(dir, route.template!);
      const text = (await import('node:fs')).readFileSync(file, 'utf8');
      writeFileSync(file, text.replace('#!version:1.0.0.1', '#!version:1.0.0.1\nedited.3cx = 1'));
      const b = await get(s.base, `/${route.path}`, ua);
      assert.match(b.text, /^#!version:1\.0\.0\.1\nedited\.3cx = 1\n/);
      const fresh = new Workspace(new DiskFiles(dir));
      const parsed = fresh.parsedBench();
      const bench = { ...parsed, bench: { ...parsed.bench, server: { ...parsed.bench.server, port: s.port } } };
      const p = fresh.phones.find((x) => x.mac === phone.mac)!;
      assert.equal(b.text, fresh.render(route.template!, p, { route: fresh.routesFor(p)[0].route, bench }).text);
    } finally {
      await s.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
