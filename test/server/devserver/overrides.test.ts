// DevServerOptions.tls / .auth: overrides of bench server.tls / server.auth (the VS Code settings
// provisioningStudio.devServer.tls / .auth), which win over the bench; a custom bench file; no secret in
// any log line, event or error message. Loopback only.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';
import { DevServer, formatLogLine } from '../../../server/src/devserver';
import { generateSelfSigned } from '../../../server/src/devserver/selfsigned';
import { authOverride, devServerOverrides, tlsOverride } from '../../../client/src/devserver/overrides';
import { AUTH_PASSWORD, benchYaml, get, makeWorkspace, request, startServer, UA, type TestWorkspace } from './helpers';

const cleanups: TestWorkspace[] = [];
after(() => {
  for (const c of cleanups) c.cleanup();
});
const ws = (server: string) => {
  const w = makeWorkspace(benchYaml(server));
  cleanups.push(w);
  return w;
};
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const OVERRIDE_PASSWORD = 'Settings-0verride-S3cret';

test('tls override self-signed: HTTPS although the bench has no server.tls; server.url follows the scheme', async () => {
  const w = ws('server: { host: 127.0.0.1, port: 0 }');
  const s = await startServer(w.ws, { tls: { self_signed: true } });
  try {
    const info = s.server.info!;
    assert.equal(info.scheme, 'https');
    assert.equal(info.tls!.selfSigned, true);
    assert.deepEqual(info.source, { tls: 'override', auth: 'bench' });
    assert.match(info.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const r = await request(`${s.base}/805e0c112233.boot`, { headers: { 'User-Agent': UA.yealink }, ca: undefined }).catch((e) => e);
    assert.ok(r instanceof Error, 'a verifying client refuses the self-signed certificate');
    // templates see the https URL
    const boot = await s.server.currentFile('805e0c112233', '/805e0c112233.boot');
    assert.match(
      Buffer.from(boot!.bytes).toString('utf8'),
      new RegExp(`include:config "https://127\\.0\\.0\\.1:${s.port}/805e0c112233\\.cfg"`),
    );
  } finally {
    await s.stop();
  }
});

test('tls override off: plain HTTP although the bench asks for TLS', async () => {
  const w = ws('server: { host: 127.0.0.1, port: 0, tls: { self_signed: true } }');
  const s = await startServer(w.ws, { tls: false });
  try {
    assert.equal(s.server.info!.scheme, 'http');
    assert.equal(s.server.info!.tls, undefined);
    const r = await get(s.base, '/805e0c112233.boot', UA.yealink);
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`include:config "http://127\\.0\\.0\\.1:${s.port}/805e0c112233\\.cfg"`));
  } finally {
    await s.stop();
  }
});

test("tls override cert/key: files relative to the workspace, instead of the bench's self-signed one", async () => {
  const pair = await generateSelfSigned(['localhost', '127.0.0.1']);
  const w = ws('server: { host: 127.0.0.1, port: 0, tls: { self_signed: true } }');
  w.write('certs/dev.pem', pair.cert);
  w.write('certs/dev.key', pair.key);
  const s = await startServer(w.ws, { tls: { cert: 'certs/dev.pem', key: 'certs/dev.key' } });
  try {
    assert.equal(s.server.info!.tls!.selfSigned, false);
    assert.equal(s.server.info!.tls!.fingerprint256, pair.fingerprint256);
    const r = await request(`${s.base}/0c383e557eb1.cfg`, { headers: { 'User-Agent': UA.fanvil }, ca: pair.cert });
    assert.equal(r.status, 200);
  } finally {
    await s.stop();
  }
  await assert.rejects(
    new DevServer(w.ws, { port: 0, tls: { cert: 'certs/missing.pem', key: 'certs/dev.key' } }).start(),
    /tls override: cert: cannot read certs\/missing\.pem|ENOENT/,
  );
});

test('auth override: demands the settings user and password, even with no bench server.auth; none switches the bench auth off', async () => {
  const w = ws('server: { host: 127.0.0.1, port: 0 }');
  const s = await startServer(w.ws, { auth: { type: 'basic', username: 'setprov', password: OVERRIDE_PASSWORD } });
  try {
    assert.deepEqual(s.server.info!.auth, { type: 'basic', username: 'setprov' });
    assert.equal(s.server.info!.source.auth, 'override');
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 401);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('setprov', 'wrong') })).status, 401);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('setprov', OVERRIDE_PASSWORD) })).status, 200);
    const text = JSON.stringify(s.server.info) + s.log.map(formatLogLine).join('\n') + JSON.stringify(s.log) + JSON.stringify(s.problems);
    assert.ok(!text.includes(OVERRIDE_PASSWORD), 'the override password is in no log line, event or info');
  } finally {
    await s.stop();
  }

  // the bench demands digest for user prov; the override wins: basic for another user, and the bench password no longer opens
  const wb = ws(`server: { host: 127.0.0.1, port: 0, auth: { type: digest, username: prov, password: "${AUTH_PASSWORD}" } }`);
  const o = await startServer(wb.ws, { auth: { type: 'basic', username: 'setprov', password: OVERRIDE_PASSWORD } });
  try {
    const a = await get(o.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(a.status, 401);
    assert.match(String(a.headers['www-authenticate']), /^Basic /);
    assert.equal((await get(o.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('prov', AUTH_PASSWORD) })).status, 401);
    assert.equal((await get(o.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('setprov', OVERRIDE_PASSWORD) })).status, 200);
  } finally {
    await o.stop();
  }

  const n = await startServer(wb.ws, { auth: false });
  try {
    assert.equal(n.server.info!.auth, undefined);
    assert.equal((await get(n.base, '/805e0c112233.cfg', UA.yealink)).status, 200);
  } finally {
    await n.stop();
  }

  // without overrides the bench still decides
  const b = await startServer(wb.ws);
  try {
    assert.deepEqual(b.server.info!.auth, { type: 'digest', username: 'prov' });
    assert.equal(b.server.info!.source.auth, 'bench');
    assert.equal((await get(b.base, '/805e0c112233.cfg', UA.yealink)).status, 401);
  } finally {
    await b.stop();
  }
});

test('an incomplete auth override does not start, and the message holds no password', async () => {
  const w = ws('server: { host: 127.0.0.1, port: 0 }');
  await assert.rejects(
    new DevServer(w.ws, { port: 0, auth: { type: 'digest', username: 'prov', password: '' } }).start(),
    /auth override for user 'prov' has no password/,
  );
  await assert.rejects(
    new DevServer(w.ws, { port: 0, auth: { type: 'digest', username: '', password: OVERRIDE_PASSWORD } }).start(),
    (e: Error) => /user name/.test(e.message) && !e.message.includes(OVERRIDE_PASSWORD),
  );
});

test('client mapping of the settings: tls, auth with the SecretStorage password, no password from settings', () => {
  assert.equal(tlsOverride('bench'), undefined);
  assert.equal(tlsOverride(undefined), undefined);
  assert.equal(tlsOverride(false), undefined, 'the old boolean default keeps the bench deciding');
  assert.equal(tlsOverride('off'), false);
  assert.deepEqual(tlsOverride('self-signed'), { self_signed: true });
  assert.deepEqual(tlsOverride({ cert: 'a.pem', key: 'a.key' }), { cert: 'a.pem', key: 'a.key' });
  assert.throws(() => tlsOverride({ cert: 'a.pem' }), /needs both "cert" and "key"/);
  assert.throws(() => tlsOverride('on'), /not bench, off, self-signed/);

  assert.equal(authOverride('bench', undefined), undefined);
  assert.equal(authOverride('none', undefined), false);
  assert.deepEqual(authOverride({ type: 'digest', username: 'prov', realm: 'lab' }, OVERRIDE_PASSWORD), {
    type: 'digest',
    username: 'prov',
    realm: 'lab',
    password: OVERRIDE_PASSWORD,
  });
  assert.throws(
    () => authOverride({ type: 'digest', username: 'prov' }, undefined),
    /no dev server password stored for user 'prov': run "Provisioning: Set Dev Server Password"/,
  );
  assert.throws(
    () => authOverride({ type: 'digest', username: 'prov', password: 'in-settings' }, OVERRIDE_PASSWORD),
    (e: Error) =>
      /must not hold a password/.test(e.message) && !e.message.includes('in-settings') && !e.message.includes(OVERRIDE_PASSWORD),
  );
  assert.throws(() => authOverride({ type: 'ntlm', username: 'prov' }, OVERRIDE_PASSWORD), /basic or digest/);
  assert.deepEqual(devServerOverrides({ tls: 'bench', auth: 'bench' }, undefined), {});
  assert.deepEqual(devServerOverrides({ tls: 'off', auth: 'none' }, undefined), { tls: false, auth: false });
});

test('a custom bench file: served, and its problems are reported under its own name', async () => {
  const w = makeWorkspace(benchYaml('server: { host: 127.0.0.1, port: 0 }'));
  cleanups.push(w);
  mkdirSync(join(w.dir, 'lab'), { recursive: true });
  renameSync(join(w.dir, 'bench.yaml'), join(w.dir, 'lab/phones.yaml'));
  const workspace = new Workspace(new DiskFiles(w.dir), { benchFile: 'lab/phones.yaml' });
  const s = await startServer(workspace);
  try {
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 200);
    w.write('lab/phones.yaml', benchYaml('server: { host: 127.0.0.1, port: 0 }').replace('vendor: poly', 'vendor: polly'));
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 200, 'the last good bench keeps serving');
    assert.ok(
      s.problems.some((p) => p.file === 'lab/phones.yaml' && p.servingLastGood),
      JSON.stringify(s.problems),
    );
  } finally {
    await s.stop();
  }
  // the default bench.yaml is gone: a workspace on the default reports it missing
  assert.ok(new Workspace(new DiskFiles(w.dir)).parsedBench().problems.some((p) => p.code === 'bench-missing'));
});
