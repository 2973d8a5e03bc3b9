// HTTP authentication: Basic, Digest (RFC 7616) with MD5 and SHA-256 computed here independently of the
// server, wrong passwords, stale and replayed nonces, lockout; and no password ever reaches the log.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AUTH_PASSWORD, benchYaml, get, makeWorkspace, PASSWORDS, request, startServer, UA, type TestWorkspace } from './helpers';
import { formatLogLine } from '../../../server/src/devserver';

const cleanups: TestWorkspace[] = [];
after(() => {
  for (const c of cleanups) c.cleanup();
});
const ws = (type: 'basic' | 'digest') => {
  const w = makeWorkspace(
    benchYaml(`server: { host: 127.0.0.1, port: 0, auth: { type: ${type}, username: prov, password: "${AUTH_PASSWORD}", realm: bench } }`),
  );
  cleanups.push(w);
  return w;
};

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

function parseChallenge(h: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of h.replace(/^Digest\s+/, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)) out[m[1]] = m[2] ?? m[3];
  return out;
}

function digest(ch: Record<string, string>, user: string, pass: string, method: string, uri: string, nc = '00000001', cnonce = 'c0ffee01') {
  const alg = ch.algorithm === 'SHA-256' ? 'sha256' : 'md5';
  const H = (s: string) => createHash(alg).update(s).digest('hex');
  const response = H(`${H(`${user}:${ch.realm}:${pass}`)}:${ch.nonce}:${nc}:${cnonce}:auth:${H(`${method}:${uri}`)}`);
  return `Digest username="${user}", realm="${ch.realm}", nonce="${ch.nonce}", uri="${uri}", algorithm=${ch.algorithm}, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}", opaque="${ch.opaque}"`;
}

/** Each WWW-Authenticate header line, parsed (node joins repeated lines in `headers`). */
function challenges(r: { rawHeaders: string[] }): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let i = 0; i < r.rawHeaders.length; i += 2)
    if (/^www-authenticate$/i.test(r.rawHeaders[i])) out.push(parseChallenge(r.rawHeaders[i + 1]));
  return out;
}

test('Basic: challenge, right and wrong credentials', async () => {
  const w = ws('basic');
  const s = await startServer(w.ws);
  try {
    const a = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(a.status, 401);
    assert.match(String(a.headers['www-authenticate']), /^Basic realm="bench"/);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('prov', AUTH_PASSWORD) })).status, 200);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('prov', 'wrong') })).status, 401);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('other', AUTH_PASSWORD) })).status, 401);
    // an unknown MAC gets 401 too before authentication: nothing to enumerate
    assert.equal((await get(s.base, '/aabbccddeeff.cfg')).status, 401);
  } finally {
    await s.stop();
  }
});

for (const algorithm of ['SHA-256', 'MD5']) {
  test(`Digest ${algorithm}: qop=auth, the request URI with its query, wrong password, replay, stale nonce`, async () => {
    const w = ws('digest');
    let now = 1_000_000;
    const s = await startServer(w.ws, { now: () => now });
    try {
      const first = await get(s.base, '/00562b043615.xml?mac=00562b043615', UA.cisco);
      assert.equal(first.status, 401);
      const offered = challenges(first);
      assert.deepEqual(
        offered.map((c) => c.algorithm),
        ['SHA-256', 'MD5'],
      );
      const ch = offered.find((c) => c.algorithm === algorithm)!;
      assert.equal(ch.qop, 'auth');
      assert.equal(ch.realm, 'bench');
      const uri = '/00562b043615.xml?mac=00562b043615';
      const ok = await get(s.base, uri, UA.cisco, { Authorization: digest(ch, 'prov', AUTH_PASSWORD, 'GET', uri) });
      assert.equal(ok.status, 200);
      assert.match(ok.text, /C1sco-pw/);
      // next request on the same nonce with nc=2
      assert.equal(
        (await get(s.base, uri, UA.cisco, { Authorization: digest(ch, 'prov', AUTH_PASSWORD, 'GET', uri, '00000002') })).status,
        200,
      );
      // replayed nc/cnonce
      assert.equal(
        (await get(s.base, uri, UA.cisco, { Authorization: digest(ch, 'prov', AUTH_PASSWORD, 'GET', uri, '00000002') })).status,
        401,
      );
      // wrong password, wrong uri, wrong method
      assert.equal((await get(s.base, uri, UA.cisco, { Authorization: digest(ch, 'prov', 'nope', 'GET', uri, '00000003') })).status, 401);
      assert.equal(
        (await get(s.base, uri, UA.cisco, { Authorization: digest(ch, 'prov', AUTH_PASSWORD, 'GET', '/other.xml', '00000004') })).status,
        401,
      );
      const head = await request(`${s.base}${uri}`, {
        method: 'HEAD',
        headers: { Authorization: digest(ch, 'prov', AUTH_PASSWORD, 'GET', uri, '00000005') },
      });
      assert.equal(head.status, 401);
      // forged nonce
      assert.equal(
        (
          await get(s.base, uri, UA.cisco, {
            Authorization: digest({ ...ch, nonce: `${ch.nonce.slice(0, -3)}AAA` }, 'prov', AUTH_PASSWORD, 'GET', uri),
          })
        ).status,
        401,
      );
      // expired nonce with the right password: a fresh challenge with stale=true, not a failure
      now += 10 * 60_000;
      const stale = await get(s.base, uri, UA.cisco, { Authorization: digest(ch, 'prov', AUTH_PASSWORD, 'GET', uri, '00000009') });
      assert.equal(stale.status, 401);
      const fresh = challenges(stale).find((c) => c.algorithm === algorithm)!;
      assert.equal(fresh.stale, 'true');
      assert.equal((await get(s.base, uri, UA.cisco, { Authorization: digest(fresh, 'prov', AUTH_PASSWORD, 'GET', uri) })).status, 200);
    } finally {
      await s.stop();
    }
  });
}

test('lockout after repeated wrong credentials, even with the right ones then', async () => {
  const w = ws('basic');
  let now = 5_000_000;
  const s = await startServer(w.ws, { now: () => now, limits: { lockoutFailures: 3, lockoutMs: 60_000, missBurst: 100 } });
  try {
    for (let i = 0; i < 3; i++)
      assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('prov', `guess${i}`) })).status, 401);
    const locked = await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('prov', AUTH_PASSWORD) });
    assert.equal(locked.status, 403);
    assert.equal(locked.headers['retry-after'], '60');
    now += 61_000;
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('prov', AUTH_PASSWORD) })).status, 200);
  } finally {
    await s.stop();
  }
});

test('failed 401s are rate limited like 404s; first challenges are not', async () => {
  const w = ws('digest');
  const s = await startServer(w.ws, { limits: { missBurst: 3, missRefillPerSec: 0.01, lockoutFailures: 100 } });
  try {
    for (let i = 0; i < 10; i++) assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 401);
    const st: number[] = [];
    for (let i = 0; i < 5; i++)
      st.push((await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: 'Digest username="prov", response="x"' })).status);
    assert.deepEqual(st, [401, 401, 401, 429, 429]);
  } finally {
    await s.stop();
  }
});

test('no password in any log line, event or history: HTTP auth, SIP passwords, query strings', async () => {
  const w = ws('basic');
  const s = await startServer(w.ws);
  const lines: string[] = [];
  s.server.on('request', (e) => lines.push(formatLogLine(e), JSON.stringify(e)));
  try {
    await get(s.base, '/805e0c112233.cfg?password=Query-S3cret&pwd=Query-S3cret', UA.yealink, {
      Authorization: basic('prov', AUTH_PASSWORD),
    });
    await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('prov', AUTH_PASSWORD) });
    await get(s.base, '/phone0004f2abcdef.cfg', UA.poly, { Authorization: basic('prov', AUTH_PASSWORD) });
    await get(s.base, '/805e0c112233.cfg', UA.yealink, { Authorization: basic('prov', 'Wrong-S3cret') });
    await get(s.base, '/aabbccddeeff.cfg', UA.yealink, { Authorization: basic('prov', AUTH_PASSWORD) });
    assert.ok(lines.length >= 10);
    const all = [
      ...lines,
      JSON.stringify(s.server.history()),
      JSON.stringify(s.problems),
      JSON.stringify(s.server.phoneStates().map((p) => ({ ...p, files: [...p.files.keys()] }))),
    ].join('\n');
    for (const secret of [
      AUTH_PASSWORD,
      'Wrong-S3cret',
      'Query-S3cret',
      Buffer.from(`prov:${AUTH_PASSWORD}`).toString('base64'),
      ...PASSWORDS,
    ]) {
      assert.ok(!all.includes(secret), `log contains ${secret}`);
    }
    assert.ok(lines.some((l) => l.includes('/805e0c112233.cfg 200')));
  } finally {
    await s.stop();
  }
});
