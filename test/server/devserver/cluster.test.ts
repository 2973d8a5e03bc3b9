// `serve --workers 2`: two processes answer one port. Every request below opens its own connection, so the
// primary hands them to the workers in turn: each test holds only when the workers share their state (one
// request log, one problem line, one "not on the bench" line, lockout counted together, a digest challenge
// from one worker answered on the other, an upload read back from the other).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { resolve } from 'node:path';
import { AUTH_PASSWORD, benchYaml, makeWorkspace, UA, type TestWorkspace } from './helpers';

const main = resolve(__dirname, '../../../server/src/cli/main.ts');

async function startServe(w: TestWorkspace, workers = 2) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', main, 'serve', '--workspace', w.dir, '--host', '127.0.0.1', '--port', '0', '--workers', String(workers)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const io = { out: '', err: '' };
  child.stdout.on('data', (d) => (io.out += d));
  child.stderr.on('data', (d) => (io.err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const deadline = Date.now() + 30_000;
  while (!/Ctrl-C stops/.test(io.out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out)?.[1];
  assert.ok(base, io.out + io.err);
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { child, io, base, stop };
}

/** One request on a connection of its own. */
function fresh(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((ok, fail) => {
    const req = http.request(
      url,
      { method: opts.method ?? 'GET', agent: false, headers: { Connection: 'close', ...opts.headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

const settle = () => new Promise((r) => setTimeout(r, 150));

/** The Poly phone fetches its MAC file (this address is the phone now), then uploads its directory (201). */
async function polyUploads(base: string, body: string): Promise<void> {
  const poly = { 'User-Agent': UA.poly };
  assert.equal((await fresh(`${base}/0004f2abcdef.cfg`, { headers: poly })).status, 200);
  await settle();
  const put = await fresh(`${base}/0004f2abcdef-directory.xml`, { method: 'PUT', headers: poly, body });
  assert.equal(put.status, 201);
  await settle();
}
const count = (text: string, re: RegExp) => text.split('\n').filter((l) => re.test(l)).length;

test('serve --workers 2: one request log, each problem and each phone not on the bench said once, clean stop', async () => {
  const w = makeWorkspace();
  const s = await startServe(w);
  try {
    assert.match(s.io.out, /2 worker processes \(pids \d+, \d+\); one request log/);
    for (let i = 0; i < 6; i++)
      assert.equal((await fresh(`${s.base}/805e0c112233.cfg`, { headers: { 'User-Agent': UA.yealink } })).status, 200);
    // a phone not on the bench knocks on both workers
    for (let i = 0; i < 4; i++)
      assert.equal(
        (await fresh(`${s.base}/805e0c998877.cfg`, { headers: { 'User-Agent': 'Yealink SIP-T46S 66.86.0.15 805e0c998877' } })).status,
        404,
      );
    // a broken template: both workers render it and meet the error
    w.write('templates/yealink/mac.cfg.hbs', '{{#if}}');
    await new Promise((r) => setTimeout(r, 300)); // served once it has settled (DEFAULT_QUIET_MS)
    for (let i = 0; i < 4; i++)
      assert.equal((await fresh(`${s.base}/805e0c112233.cfg`, { headers: { 'User-Agent': UA.yealink } })).status, 200);
    await settle();
    assert.equal(count(s.io.out, /yea-t46s GET \/805e0c112233\.cfg 200 /), 10, s.io.out);
    assert.equal(count(s.io.err, /^not on the bench: 805e0c998877 /), 1, s.io.err);
    assert.equal(count(s.io.err, /^problem: templates\/yealink\/mac\.cfg\.hbs \[yea-t46s\]: .*serving the last good version/), 1, s.io.err);
  } finally {
    assert.equal(await s.stop(), 0);
    w.cleanup();
  }
  assert.match(s.io.out, /stopped\n$/);
});

test('serve --workers 2: wrong passwords lock the client out across workers; a digest challenge is answered on another connection', async () => {
  const w = makeWorkspace(
    benchYaml(`server: { host: 127.0.0.1, port: 0, auth: { type: digest, username: prov, password: "${AUTH_PASSWORD}", realm: bench } }`),
  );
  const s = await startServe(w);
  const url = `${s.base}/805e0c112233.cfg`;
  const challenge = async () => {
    const r = await fresh(url, { headers: { 'User-Agent': UA.yealink } });
    assert.equal(r.status, 401);
    const h = [r.headers['www-authenticate']].flat().find((x) => /algorithm=MD5/.test(String(x)))!;
    return Object.fromEntries([...h.matchAll(/(\w+)="?([^",]*)"?/g)].map((m) => [m[1], m[2]]));
  };
  const answer = (ch: Record<string, string>, pass: string, cnonce: string) => {
    const H = (x: string) => createHash('md5').update(x).digest('hex');
    const response = H(`${H(`prov:bench:${pass}`)}:${ch.nonce}:00000001:${cnonce}:auth:${H('GET:/805e0c112233.cfg')}`);
    return `Digest username="prov", realm="bench", nonce="${ch.nonce}", uri="/805e0c112233.cfg", algorithm=MD5, qop=auth, nc=00000001, cnonce="${cnonce}", response="${response}", opaque="${ch.opaque}"`;
  };
  try {
    // challenged on one connection, answered on the next: the other worker knows the nonce key
    for (let i = 0; i < 4; i++) {
      const ch = await challenge();
      const ok = await fresh(url, { headers: { 'User-Agent': UA.yealink, Authorization: answer(ch, AUTH_PASSWORD, `c${i}`) } });
      assert.equal(ok.status, 200, `round ${i}`);
    }
    // a replay on another connection is refused
    const ch = await challenge();
    const auth = answer(ch, AUTH_PASSWORD, 'once');
    assert.equal((await fresh(url, { headers: { 'User-Agent': UA.yealink, Authorization: auth } })).status, 200);
    await settle();
    const replays = [];
    for (let i = 0; i < 2; i++) replays.push((await fresh(url, { headers: { 'User-Agent': UA.yealink, Authorization: auth } })).status);
    assert.deepEqual(replays, [401, 401]);
    // five wrong passwords (two of them above: the replays) spread over both workers lock the address out
    for (let i = 0; i < 3; i++) {
      await settle();
      const r = await fresh(url, { headers: { 'User-Agent': UA.yealink, Authorization: answer(await challenge(), 'wrong', `w${i}`) } });
      assert.equal(r.status, 401);
    }
    await settle();
    for (let i = 0; i < 2; i++) {
      const r = await fresh(url, { headers: { 'User-Agent': UA.yealink } });
      assert.equal(r.status, 403, `locked out on every worker (${i})`);
      assert.ok(r.headers['retry-after']);
    }
    assert.ok(!s.io.out.includes(AUTH_PASSWORD) && !s.io.err.includes(AUTH_PASSWORD));
  } finally {
    assert.equal(await s.stop(), 0);
    w.cleanup();
  }
});

test('serve --workers 2: a Poly phone uploads on one connection and reads the file back on others', async () => {
  const w = makeWorkspace();
  const s = await startServe(w);
  const poly = { 'User-Agent': UA.poly };
  try {
    await polyUploads(s.base, '<directory>mine</directory>');
    for (let i = 0; i < 2; i++) {
      const back = await fresh(`${s.base}/0004f2abcdef-directory.xml`, { headers: poly });
      assert.equal(back.status, 200, `read back (${i})`);
      assert.equal(back.text, '<directory>mine</directory>');
    }
    await settle();
    assert.equal(count(s.io.out, /poly-vvx400 uploaded directory\.xml/), 1, s.io.out);
  } finally {
    assert.equal(await s.stop(), 0);
    w.cleanup();
  }
});

test('serve --workers 2: a worker that replaces one that ended knows the uploads and which phone each address is', async () => {
  const w = makeWorkspace();
  const s = await startServe(w);
  const poly = { 'User-Agent': UA.poly };
  try {
    await polyUploads(s.base, '<directory>kept</directory>');
    const pids = /worker processes \(pids (\d+), (\d+)\)/.exec(s.io.out);
    assert.ok(pids, s.io.out);
    process.kill(Number(pids[1]), 'SIGKILL');
    const deadline = Date.now() + 20_000;
    while (!/starting another/.test(s.io.out + s.io.err) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(s.io.out + s.io.err, /starting another/);
    await new Promise((r) => setTimeout(r, 1500)); // the new worker listens
    // connections go to the workers in turn: of four reads, two land on the new worker
    for (let i = 0; i < 4; i++) {
      const back = await fresh(`${s.base}/0004f2abcdef-directory.xml`, { headers: poly });
      assert.equal(back.status, 200, `read back ${i}: ${back.text}`);
      assert.equal(back.text, '<directory>kept</directory>');
    }
  } finally {
    await s.stop();
    w.cleanup();
  }
});

test('serve --workers: a bad count is a usage error', async () => {
  const w = makeWorkspace();
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--workspace', w.dir, '--workers', '0'], { stdio: 'pipe' });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.on('exit', r));
    assert.equal(code, 2);
    assert.match(err, /--workers: '0' is not a number of processes from 1 to 64/);
  } finally {
    w.cleanup();
  }
});
