// HTTP Range on static files (RFC 9110 §14): single ranges → 206 with Content-Range, unsatisfiable → 416,
// several ranges → the whole file, If-Range with the ETag (or the date), HEAD; a large image streamed from
// disk, never read into memory. Over real HTTP on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, statSync, utimesSync, writeSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { parseRange } from '../../../server/src/devserver/static';
import { benchYaml, get, makeWorkspace, request, startServer } from './helpers';

const BENCH = benchYaml('server: { host: 127.0.0.1, port: 0, static: [{ path: /firmware, dir: fw }] }');
const SMALL = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

async function setup() {
  const w = makeWorkspace(BENCH);
  mkdirSync(join(w.dir, 'fw'), { recursive: true });
  const small = join(w.dir, 'fw', 'T46S-66.86.0.15.rom');
  const fd = openSync(small, 'w');
  writeSync(fd, SMALL);
  closeSync(fd);
  const old = new Date(Date.now() - 60_000);
  utimesSync(small, old, old); // a Last-Modified more than a second old is a strong validator
  const s = await startServer(w.ws, { limits: { missBurst: 1000 } });
  return { w, s, path: '/firmware/T46S-66.86.0.15.rom' };
}

test('parseRange: the forms of RFC 9110 §14.1.2', () => {
  assert.deepEqual(parseRange('bytes=0-99', 1000), { kind: 'range', start: 0, end: 99 });
  assert.deepEqual(parseRange('bytes=900-', 1000), { kind: 'range', start: 900, end: 999 });
  assert.deepEqual(parseRange('bytes=-100', 1000), { kind: 'range', start: 900, end: 999 });
  assert.deepEqual(parseRange('bytes=-5000', 1000), { kind: 'range', start: 0, end: 999 });
  assert.deepEqual(parseRange('bytes=990-5000', 1000), { kind: 'range', start: 990, end: 999 });
  assert.deepEqual(parseRange('BYTES = 1 - 2', 1000), { kind: 'range', start: 1, end: 2 });
  assert.deepEqual(parseRange('bytes=1000-', 1000), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=-0', 1000), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=0-', 0), { kind: 'unsatisfiable' });
  assert.deepEqual(parseRange('bytes=99999999999999999999-', 1000), { kind: 'unsatisfiable' });
  for (const ignored of [undefined, 'items=0-1', 'bytes=', 'bytes=-', 'bytes=5-1', 'bytes=a-b', 'bytes=0-1,5-6', 'bytes 0-1'])
    assert.deepEqual(parseRange(ignored, 1000), { kind: 'ignore' }, String(ignored));
});

test('static files: 206 for one range, 416 past the end, the whole file for several ranges or a malformed one', async () => {
  const { w, s, path } = await setup();
  try {
    const full = await get(s.base, path);
    assert.equal(full.status, 200);
    assert.equal(full.headers['accept-ranges'], 'bytes');
    assert.match(String(full.headers.etag), /^"[0-9a-f]+-[0-9a-f]+"$/, 'a strong ETag');
    assert.ok(full.headers['last-modified']);
    assert.deepEqual(full.body, SMALL);

    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=500-', 500, 999],
      ['bytes=-10', 990, 999],
      ['bytes=995-2000', 995, 999],
    ];
    for (const [range, a, b] of cases) {
      const r = await get(s.base, path, undefined, { Range: range });
      assert.equal(r.status, 206, range);
      assert.equal(r.headers['content-range'], `bytes ${a}-${b}/1000`, range);
      assert.equal(r.headers['content-length'], String(b - a + 1), range);
      assert.deepEqual(r.body, SMALL.subarray(a, b + 1), range);
    }
    const log = s.log.filter((e) => e.status === 206);
    assert.equal(log.length, 4);
    assert.equal(log[0].bytes, 100);

    for (const range of ['bytes=1000-', 'bytes=5000-6000', 'bytes=-0']) {
      const r = await get(s.base, path, undefined, { Range: range });
      assert.equal(r.status, 416, range);
      assert.equal(r.headers['content-range'], 'bytes */1000', range);
      assert.equal(r.body.length, 0);
    }
    for (const range of ['bytes=0-1,5-6', 'bytes=5-1', 'pages=1-2']) {
      const r = await get(s.base, path, undefined, { Range: range });
      assert.equal(r.status, 200, range);
      assert.deepEqual(r.body, SMALL, range);
    }
    // If-None-Match is evaluated before Range
    const r304 = await get(s.base, path, undefined, { Range: 'bytes=0-1', 'If-None-Match': String(full.headers.etag) });
    assert.equal(r304.status, 304);
  } finally {
    await s.stop();
    w.cleanup();
  }
});

test('If-Range: the current ETag or Last-Modified gets the range, another version the whole file', async () => {
  const { w, s, path } = await setup();
  try {
    const full = await get(s.base, path);
    const etag = String(full.headers.etag);
    const lastModified = String(full.headers['last-modified']);
    const ranged = (ifRange: string) => get(s.base, path, undefined, { Range: 'bytes=10-19', 'If-Range': ifRange });
    const same = await ranged(etag);
    assert.equal(same.status, 206);
    assert.deepEqual(same.body, SMALL.subarray(10, 20));
    assert.equal((await ranged(lastModified)).status, 206);
    for (const other of ['"0-0"', `W/${etag}`, 'Thu, 01 Jan 2004 00:00:00 GMT', 'garbage']) {
      const r = await ranged(other);
      assert.equal(r.status, 200, other);
      assert.equal(r.headers['content-range'], undefined, other);
      assert.deepEqual(r.body, SMALL, other);
    }
    // the file changes: the client's old ETag no longer matches
    const fd = openSync(join(w.dir, 'fw', 'T46S-66.86.0.15.rom'), 'a');
    writeSync(fd, Buffer.from('more'));
    closeSync(fd);
    const changed = await ranged(etag);
    assert.equal(changed.status, 200);
    assert.equal(changed.body.length, 1004);
  } finally {
    await s.stop();
    w.cleanup();
  }
});

test('HEAD: the headers of the whole file, Accept-Ranges, no body; Range ignored (defined for GET only)', async () => {
  const { w, s, path } = await setup();
  try {
    for (const headers of [{}, { Range: 'bytes=0-9' }] as Record<string, string>[]) {
      const r = await request(`${s.base}${path}`, { method: 'HEAD', headers });
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-length'], '1000');
      assert.equal(r.headers['accept-ranges'], 'bytes');
      assert.equal(r.headers['content-range'], undefined);
      assert.equal(r.body.length, 0);
    }
  } finally {
    await s.stop();
    w.cleanup();
  }
});

/** GET that hashes the body as it arrives (the client holds no copy); `pauseMs` stalls reading after the first chunk. */
function hashGet(url: string, headers: Record<string, string>, onPaused?: () => void, pauseMs = 0) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number; sha: string }>((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        const h = createHash('sha256');
        let bytes = 0;
        let paused = false;
        res.on('data', (c: Buffer) => {
          h.update(c);
          bytes += c.length;
          if (pauseMs && !paused) {
            paused = true;
            res.pause();
            setTimeout(() => {
              onPaused?.();
              res.resume();
            }, pauseMs);
          }
        });
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes, sha: h.digest('hex') }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

test('a large image is streamed from disk: whole, a range in the middle, and memory stays flat while the client stalls', async () => {
  const { w, s } = await setup();
  const SIZE = 48 * 1024 * 1024 + 123;
  const file = join(w.dir, 'fw', 'big.rom');
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 31 + 7) & 0xff;
  const whole = createHash('sha256');
  const part = createHash('sha256');
  const [a, b] = [20 * 1024 * 1024 + 5, 30 * 1024 * 1024 + 17];
  const fd = openSync(file, 'w');
  for (let off = 0; off < SIZE; off += block.length) {
    const chunk = block.subarray(0, Math.min(block.length, SIZE - off));
    writeSync(fd, chunk);
    whole.update(chunk);
    const lo = Math.max(a, off),
      hi = Math.min(b + 1, off + chunk.length);
    if (lo < hi) part.update(chunk.subarray(lo - off, hi - off));
  }
  closeSync(fd);
  assert.equal(statSync(file).size, SIZE);
  try {
    const url = `${s.base}/firmware/big.rom`;
    const before = process.memoryUsage().arrayBuffers;
    let during = 0;
    const r = await hashGet(url, {}, () => (during = process.memoryUsage().arrayBuffers), 300);
    assert.equal(r.status, 200);
    assert.equal(r.bytes, SIZE);
    assert.equal(r.sha, whole.digest('hex'));
    // server and client share this process: a server that read the image would hold 48 MB here
    assert.ok(during - before < 16 * 1024 * 1024, `external memory grew by ${during - before} bytes while the client stalled`);

    const mid = await hashGet(url, { Range: `bytes=${a}-${b}` });
    assert.equal(mid.status, 206);
    assert.equal(mid.headers['content-range'], `bytes ${a}-${b}/${SIZE}`);
    assert.equal(mid.bytes, b - a + 1);
    assert.equal(mid.sha, part.digest('hex'));
  } finally {
    await s.stop();
    w.cleanup();
  }
});

test('a pinned image end to end: firmware.url in the rendered file is served (firmware/ at /firmware by default), with ranges', async () => {
  const bench = benchYaml().replace(/^phones:/m, 'firmware: { t46s: T46S-66.86.0.20.rom }\nphones:');
  const w = makeWorkspace(bench, {
    'templates/yealink/common.cfg.hbs': '#!version:1.0.0.1\n{{#if firmware.url}}\nstatic.firmware.url = {{firmware.url}}\n{{/if}}\n',
  });
  mkdirSync(join(w.dir, 'firmware'));
  const fd = openSync(join(w.dir, 'firmware', 'T46S-66.86.0.20.rom'), 'w');
  writeSync(fd, SMALL);
  closeSync(fd);
  const s = await startServer(w.ws, { limits: { missBurst: 1000 } });
  try {
    const common = await get(s.base, '/y000000000066.cfg', 'Yealink SIP-T46S 66.86.0.15 80:5e:0c:11:22:33');
    assert.equal(common.status, 200);
    const url = /^static\.firmware\.url = (\S+)$/m.exec(common.text)?.[1];
    assert.equal(url, `${s.base}/firmware/T46S-66.86.0.20.rom`, 'the real address of the server');
    const whole = await request(url!);
    assert.equal(whole.status, 200);
    assert.deepEqual(whole.body, SMALL);
    const tail = await request(url!, { headers: { Range: 'bytes=-24' } });
    assert.equal(tail.status, 206);
    assert.deepEqual(tail.body, SMALL.subarray(976));
    // the T56A has no pin: no firmware line
    const other = await get(s.base, '/y000000000056.cfg', 'Yealink SIP-T56A 58.80.0.25 001565f429a4');
    assert.doesNotMatch(other.text, /firmware/);
  } finally {
    await s.stop();
    w.cleanup();
  }
});
