// HTTP behaviour: 304 and HEAD, identical 404s for unknown MACs (and the `common` option), rate limiting,
// path traversal, static folders, the secret prefix, the allowlist, Poly PUT uploads, concurrency.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { benchYaml, get, makeWorkspace, request, startServer, UA, type TestWorkspace } from './helpers';

const cleanups: TestWorkspace[] = [];
after(() => {
  for (const c of cleanups) c.cleanup();
});
const ws = (bench?: string) => {
  const w = makeWorkspace(bench);
  cleanups.push(w);
  return w;
};

/** Sends a raw request line (no client-side normalisation of the path) and returns the status. */
function rawStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let buf = '';
    s.on('data', (d) => {
      buf += d;
    });
    s.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(buf)?.[1] ?? 0)));
    s.on('error', reject);
  });
}

test('ETag and If-None-Match → 304; HEAD has the headers and no body', async () => {
  const w = ws();
  const s = await startServer(w.ws);
  try {
    const a = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(a.status, 200);
    const b = await get(s.base, '/805e0c112233.cfg', UA.yealink, { 'If-None-Match': String(a.headers.etag) });
    assert.equal(b.status, 304);
    assert.equal(b.body.length, 0);
    assert.equal(b.headers.etag, a.headers.etag);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { 'If-None-Match': '"other", W/' + a.headers.etag })).status, 304);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { 'If-None-Match': '"stale"' })).status, 200);
    const h = await request(`${s.base}/805e0c112233.cfg`, { method: 'HEAD', headers: { 'User-Agent': UA.yealink } });
    assert.equal(h.status, 200);
    assert.equal(h.body.length, 0);
    assert.equal(h.headers['content-length'], a.headers['content-length']);
    assert.equal(h.headers.etag, a.headers.etag);
    assert.equal(s.server.phoneState('805e0c112233')!.files.get('/805e0c112233.cfg')!.status, 200);
    assert.equal((await request(`${s.base}/805e0c112233.cfg`, { method: 'DELETE' })).status, 405);
  } finally {
    await s.stop();
  }
});

test('unknown MACs all get the same bodiless 404; server.unknown_mac: common serves the common file', async () => {
  const w = ws();
  const s = await startServer(w.ws);
  try {
    const replies = await Promise.all(
      ['/aabbccddeeff.cfg', '/112233445566.boot', '/cfgaabbccddeeff.xml', '/phoneaabbccddeeff.cfg', '/nothing-here.txt'].map((p) =>
        get(s.base, p, UA.yealink),
      ),
    );
    const shape = (r: (typeof replies)[0]) =>
      JSON.stringify({
        s: r.status,
        b: r.text,
        h: Object.keys(r.headers)
          .filter((k) => k !== 'date')
          .sort()
          .map((k) => `${k}:${r.headers[k]}`),
      });
    assert.equal(replies[0].status, 404);
    assert.equal(replies[0].body.length, 0);
    for (const r of replies) assert.equal(shape(r), shape(replies[0]));
  } finally {
    await s.stop();
  }

  const c = ws(benchYaml('server: { host: 127.0.0.1, port: 0, unknown_mac: common }'));
  const s2 = await startServer(c.ws);
  try {
    const y = await get(s2.base, '/aabbccddeeff.cfg', 'Yealink SIP-T46S 66.86.0.15 aa:bb:cc:dd:ee:ff');
    assert.equal(y.status, 200);
    assert.match(y.text, /common T46S/);
    const p = await get(s2.base, '/aabbccddeeff.cfg', UA.poly);
    assert.equal(p.status, 200);
    assert.match(p.text, /CONFIG_FILES/);
    assert.match(s2.log.at(-1)!.reason!, /unknown MAC: common file/);
  } finally {
    await s2.stop();
  }
});

test('repeated unattributed 404s from one IP are rate limited (429 with Retry-After); bench phones are not', async () => {
  const w = ws();
  const s = await startServer(w.ws, { limits: { missBurst: 5, missRefillPerSec: 0.5 } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(s.base, `/aabbccddee${String(i).padStart(2, '0')}.cfg`)).status);
    assert.deepEqual(statuses, [404, 404, 404, 404, 404, 429, 429, 429]);
    const limited = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers['retry-after']) >= 1);
  } finally {
    await s.stop();
  }
  const w2 = ws();
  const s2 = await startServer(w2.ws, { limits: { missBurst: 2, missRefillPerSec: 0.1 } });
  try {
    // a known phone asking for optional files it has no template for is not an enumeration
    for (let i = 0; i < 5; i++) assert.equal((await get(s2.base, '/805e0c112233-local.cfg', UA.yealink)).status, 404);
    assert.equal((await get(s2.base, '/805e0c112233.cfg', UA.yealink)).status, 200);
    // once known at this address, thirty 404s for files nobody serves do not lock the phone out of its boot files
    for (let i = 0; i < 30; i++) assert.equal((await get(s2.base, `/probe-${i}.cfg`, UA.yealink)).status, 404);
    assert.equal((await get(s2.base, '/805e0c112233.boot', UA.yealink)).status, 200);
  } finally {
    await s2.stop();
  }
  const w3 = ws();
  const s3 = await startServer(w3.ws, { limits: { missBurst: 2, missRefillPerSec: 0.1 } });
  try {
    // not yet known: the model-wide files a Yealink probes are not counted, a MAC-named miss is (enumeration)
    for (let i = 0; i < 10; i++) assert.equal((await get(s3.base, '/y000000000053.cfg', UA.yealink)).status, 404);
    const macs = [];
    for (let i = 0; i < 4; i++) macs.push((await get(s3.base, `/aabbccddee${String(i).padStart(2, '0')}.cfg`, UA.yealink)).status);
    assert.deepEqual(macs, [404, 404, 429, 429]);
  } finally {
    await s3.stop();
  }
});

test('path traversal is refused: .., encoded dots, NUL, backslash, symlinks leaving a static folder', async () => {
  const w = ws(benchYaml('server: { host: 127.0.0.1, port: 0, static: [{ path: /firmware, dir: fw }] }'));
  mkdirSync(join(w.dir, 'fw', 'sub'), { recursive: true });
  writeFileSync(join(w.dir, 'fw', 'T46S-66.86.0.15.rom'), Buffer.from([0, 1, 2, 3, 255]));
  writeFileSync(join(w.dir, 'fw', 'sub', 'logo.png'), 'png');
  writeFileSync(join(w.dir, 'secret.txt'), 'top secret');
  symlinkSync(join(w.dir, 'secret.txt'), join(w.dir, 'fw', 'escape.txt'));
  symlinkSync(join(w.dir, 'fw', 'sub', 'logo.png'), join(w.dir, 'fw', 'inside.png'));
  const s = await startServer(w.ws, { limits: { missBurst: 1000 } });
  try {
    const ok = await get(s.base, '/firmware/T46S-66.86.0.15.rom');
    assert.equal(ok.status, 200);
    assert.deepEqual([...ok.body], [0, 1, 2, 3, 255]);
    assert.equal(ok.headers['content-type'], 'application/octet-stream');
    assert.equal((await get(s.base, '/firmware/T46S-66.86.0.15.rom', undefined, { 'If-None-Match': String(ok.headers.etag) })).status, 304);
    assert.equal((await get(s.base, '/firmware/sub/logo.png')).status, 200);
    assert.equal((await get(s.base, '/firmware/inside.png')).status, 200);
    const attacks = [
      '/firmware/../secret.txt',
      '/firmware/%2e%2e/secret.txt',
      '/firmware/%2E%2E%2Fsecret.txt',
      '/firmware/%252e%252e/secret.txt',
      '/firmware/sub/..%2f..%2fsecret.txt',
      '/firmware/..\\secret.txt',
      '/firmware/%5c..%5csecret.txt',
      '/firmware/secret.txt%00.rom',
      '/firmware/./T46S-66.86.0.15.rom',
      '/../bench.yaml',
      '/%2e%2e/bench.yaml',
      '/firmware/escape.txt',
      '/firmware//../secret.txt',
      '/firmware/%ff%fe',
    ];
    for (const a of attacks) {
      const st = await rawStatus(s.port, a);
      assert.ok(st === 400 || st === 404, `${a} → ${st}`);
    }
    for (const e of s.log) assert.ok(!/top secret/.test(JSON.stringify(e)));
    assert.equal((await get(s.base, '/bench.yaml')).status, 404);
    assert.equal((await get(s.base, '/templates/yealink/mac.cfg.hbs')).status, 404);
  } finally {
    await s.stop();
  }
});

test('secret path prefix: required, stripped, never logged', async () => {
  const w = ws(benchYaml('server: { host: 127.0.0.1, port: 0, path_prefix: "/pr0v-s3cret/" }'));
  const s = await startServer(w.ws);
  try {
    assert.equal(s.server.info!.url, `${s.base}/pr0v-s3cret`);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 404);
    const boot = await get(s.base, '/pr0v-s3cret/805e0c112233.boot', UA.yealink);
    assert.equal(boot.status, 200);
    assert.match(boot.text, new RegExp(`include:config "${s.base}/pr0v-s3cret/805e0c112233.cfg"`));
    assert.equal(s.log.at(-1)!.path, '/805e0c112233.boot');
    assert.equal((await get(s.base, '/pr0v-s3cret/../pr0v-s3cret/805e0c112233.cfg', UA.yealink)).status, 200); // normalised by the client
    assert.equal(await rawStatus(s.port, '/pr0v-s3cret/../805e0c112233.cfg'), 400);
    for (const e of s.log) assert.ok(!JSON.stringify(e).includes('pr0v-s3cret'), JSON.stringify(e));
  } finally {
    await s.stop();
  }
});

test('IP allowlist (CIDR, IPv4 and IPv6)', async () => {
  const deny = ws(benchYaml('server: { host: 127.0.0.1, port: 0, allow: ["10.0.0.0/8", "2001:db8::/32"] }'));
  const s = await startServer(deny.ws);
  try {
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 403);
  } finally {
    await s.stop();
  }
  const allow = ws(benchYaml('server: { host: 127.0.0.1, port: 0, allow: ["127.0.0.0/8", "::1/128", "not-an-ip"] }'));
  const s2 = await startServer(allow.ws);
  try {
    assert.equal((await get(s2.base, '/805e0c112233.cfg', UA.yealink)).status, 200);
    assert.ok(s2.problems.some((p) => /not-an-ip/.test(p.message)));
  } finally {
    await s2.stop();
  }
  const v6 = ws(benchYaml('server: { host: "::1", port: 0, allow: ["::1"] }'));
  let s3;
  try {
    s3 = await startServer(v6.ws);
  } catch {
    return;
  } // no IPv6 loopback on this machine
  try {
    assert.equal((await get(`http://[::1]:${s3.port}`, '/805e0c112233.cfg', UA.yealink)).status, 200);
  } finally {
    await s3.stop();
  }
});

test('Poly PUT uploads: from the phone itself, in memory with a size limit, logged without the body, read back by the phone', async () => {
  const w = ws();
  const s = await startServer(w.ws, { limits: { uploadBytes: 1024 } });
  const uploads: unknown[] = [];
  s.server.on('upload', (u) => uploads.push(u));
  try {
    const body = '<PHONE_CONFIG><OVERRIDES reg.1.auth.password="uploaded-Secret"/></PHONE_CONFIG>';
    const put = (file: string, b: string | Buffer) =>
      request(`${s.base}/${file}`, {
        method: 'PUT',
        body: b,
        headers: { 'User-Agent': UA.poly, 'Content-Type': 'application/octet-stream' },
      });
    // before the phone fetched a file naming its MAC, nobody at this address is known to be it
    const stranger = await put('0004f2abcdef-phone.cfg', body);
    assert.equal(stranger.status, 403);
    assert.match(s.log.at(-1)!.reason!, /upload refused: 127\.0\.0\.1 is not poly-vvx400/);
    assert.equal((await get(s.base, '/0004f2abcdef.cfg', UA.poly)).status, 200);
    assert.equal((await put('0004f2abcdef-phone.cfg', body)).status, 201);
    assert.equal((await put('0004f2abcdef-phone.cfg', body)).status, 204);
    assert.equal((await put('0004f2abcdef-app.log', 'boot ok\n')).status, 201);
    assert.equal((await put('0004f2abcdef-boot.log', 'x')).status, 201);
    assert.equal((await put('0004f2abcdef-web.cfg', 'x')).status, 201);
    assert.equal((await put('0004f2abcdef-directory.xml', '<directory/>')).status, 201);
    assert.equal((await put('0004f2abcdef-app.log', Buffer.alloc(4096, 65))).status, 413);
    assert.equal((await put('aabbccddeeff-app.log', 'x')).status, 404);
    assert.equal((await put('0004f2abcdef.cfg', 'x')).status, 404);
    assert.equal((await put('0004f2abcdef-evil.sh', 'x')).status, 403, 'a file Poly phones do not upload');
    const log = await get(s.base, '/0004f2abcdef-app.log', UA.poly);
    assert.equal(log.status, 404, 'a log the phone uploaded is never served');
    const stored = s.server.uploads();
    assert.equal(stored.filter((u) => u.file === 'phone.cfg').length, 2);
    assert.equal(stored.find((u) => u.file === 'phone.cfg')!.body.toString(), body);
    assert.equal(uploads.length, 6);
    assert.ok(!JSON.stringify(uploads).includes('uploaded-Secret'));
    assert.ok(!JSON.stringify(s.log).includes('uploaded-Secret'));
    const back = await get(s.base, '/0004f2abcdef-directory.xml', UA.poly);
    assert.equal(back.status, 200);
    assert.equal(back.text, '<directory/>');
    const e = s.log.find((x) => x.method === 'PUT' && x.status === 201)!;
    assert.equal(e.phone?.name, 'poly-vvx400');
    assert.equal(e.bytes, body.length);
    // the same address now fetches as the Yealink phone: it is no longer the Poly phone
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 200);
    assert.equal((await get(s.base, '/0004f2abcdef-directory.xml', UA.poly)).status, 404, 'not read back by another client');
    const yealink = await put('805e0c112233-app.log', 'x');
    assert.equal(yealink.status, 403, 'Yealink phones never upload');
    assert.match(s.log.at(-1)!.reason!, /Yealink phones never upload files/);
  } finally {
    await s.stop();
  }
});

test('concurrent requests from many phones get their own files', async () => {
  const w = ws();
  const s = await startServer(w.ws);
  try {
    const jobs = [];
    for (let i = 0; i < 200; i++) {
      const [path, ua, expect] = [
        ['/805e0c112233.cfg', UA.yealink, 'Yea-S3cret!pw'],
        ['/phone0004f2abcdef.cfg', UA.poly, 'P0ly&lt;&amp;&gt;pw'],
        ['/00562b043615.xml', UA.cisco, 'C1sco-pw'],
        ['/cfg000b82aabbcc.xml', UA.grandstream, 'Gr4nd-pw'],
        ['/snomd785-000413AABBCC.htm', UA.snom, 'Sn0m-pw'],
        ['/0c383e557eb1.cfg', UA.fanvil, 'F4nvil-pw'],
      ][i % 6];
      jobs.push(
        get(s.base, path, ua).then((r) => {
          assert.equal(r.status, 200);
          assert.ok(r.text.includes(expect), `${path} has ${expect}`);
        }),
      );
    }
    await Promise.all(jobs);
    assert.equal(s.log.length, 200);
  } finally {
    await s.stop();
  }
});
