import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAuthorization, computeDigest, parseChallenges, pickChallenge } from '../../../server/src/sip/digest';

const rfc7616 = {
  username: 'Mufasa',
  password: 'Circle of Life',
  realm: 'http-auth@example.org',
  method: 'GET',
  uri: '/dir/index.html',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  nc: '00000001',
  qop: 'auth' as const,
};

test('RFC 7616 §3.9.1 MD5 test vector', () => {
  assert.deepEqual(computeDigest({ ...rfc7616, algorithm: 'MD5' }), {
    ha1: '3d78807defe7de2157e2b0b6573a855f',
    ha2: '39aff3a2bab6126f332b942af96d3366',
    response: '8ca523f5e9506fed4657c9700eebdbec',
  });
});

test('RFC 7616 §3.9.1 SHA-256 test vector', () => {
  assert.deepEqual(computeDigest({ ...rfc7616, algorithm: 'SHA-256' }), {
    ha1: '7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232',
    ha2: '9a3fdae9a622fe8de177c24fa9c070f2b181ec85e15dcbdc32e10c82ad450b04',
    response: '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
  });
});

test('RFC 2617 §3.5 MD5 example', () => {
  const r = computeDigest({
    algorithm: 'MD5',
    username: 'Mufasa',
    password: 'Circle Of Life',
    realm: 'testrealm@host.com',
    method: 'GET',
    uri: '/dir/index.html',
    nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
    cnonce: '0a4f113b',
    nc: '00000001',
    qop: 'auth',
  });
  assert.equal(r.response, '6629fae49393a05397450978507c4ef1');
});

test('no-qop (RFC 2069 form) and -sess variants follow the formulas', async () => {
  const { createHash } = await import('node:crypto');
  const md5 = (s: string) => createHash('md5').update(s).digest('hex');
  const base = {
    algorithm: 'MD5',
    username: '1001',
    password: 'pw',
    realm: 'r',
    nonce: 'n',
    method: 'NOTIFY',
    uri: 'sip:1001@127.0.0.1:5060',
  };
  const ha1 = md5('1001:r:pw');
  const ha2 = md5('NOTIFY:sip:1001@127.0.0.1:5060');
  assert.equal(computeDigest(base).response, md5(`${ha1}:n:${ha2}`));
  const sess = computeDigest({ ...base, algorithm: 'MD5-sess', qop: 'auth', nc: '00000001', cnonce: 'c' });
  assert.equal(sess.ha1, md5(`${ha1}:n:c`));
  assert.equal(sess.response, md5(`${sess.ha1}:n:00000001:c:auth:${ha2}`));
});

test('parseChallenges: several challenges in one value, quoting, qop list, stale, case-insensitive names', () => {
  const cs = parseChallenges(
    'Digest realm="phone, inc", NONCE="abc", qop="auth,auth-int", algorithm=MD5, stale=TRUE, Digest realm="phone", nonce="def", algorithm=SHA-256, opaque="o\\"q", Basic realm="x"',
  );
  assert.equal(cs.length, 3);
  assert.equal(cs[0].realm, 'phone, inc');
  assert.equal(cs[0].nonce, 'abc');
  assert.deepEqual(cs[0].qop, ['auth', 'auth-int']);
  assert.equal(cs[0].stale, true);
  assert.equal(cs[1].algorithm, 'SHA-256');
  assert.equal(cs[1].opaque, 'o"q');
  assert.equal(cs[2].scheme, 'Basic');
  assert.equal(pickChallenge(cs), cs[1], 'the strongest supported challenge wins');
  assert.equal(pickChallenge(parseChallenges('Digest realm="r", nonce="n", qop="auth-int"')), undefined, 'auth-int only is unsupported');
  assert.equal(pickChallenge(parseChallenges('Digest realm="r", nonce="n", algorithm=SHA-1')), undefined);
  assert.equal(parseChallenges('Digest realm=r,nonce=n')[0].algorithm, 'MD5');
});

test('buildAuthorization: SIP form with qop, checked by recomputation; opaque echoed; password absent', () => {
  const [ch] = parseChallenges('Digest realm="phone.test", nonce="n0nce", qop="auth", algorithm=MD5, opaque="op"');
  const uri = 'sip:1001@127.0.0.1:5060';
  const v = buildAuthorization(ch, { username: '1001', password: 'S3cret!' }, 'NOTIFY', uri, { cnonce: 'cn', nc: 1 });
  const expected = computeDigest({
    algorithm: 'MD5',
    username: '1001',
    password: 'S3cret!',
    realm: 'phone.test',
    nonce: 'n0nce',
    method: 'NOTIFY',
    uri,
    qop: 'auth',
    nc: '00000001',
    cnonce: 'cn',
  }).response;
  assert.equal(
    v,
    `Digest username="1001", realm="phone.test", nonce="n0nce", uri="${uri}", response="${expected}", algorithm=MD5, qop=auth, nc=00000001, cnonce="cn", opaque="op"`,
  );
  assert.ok(!v.includes('S3cret!'));
  const [sha] = parseChallenges('Digest realm="r", nonce="n", algorithm=SHA-256');
  const v2 = buildAuthorization(sha, { username: 'u', password: 'p' }, 'NOTIFY', uri);
  assert.match(v2, /algorithm=SHA-256/);
  assert.doesNotMatch(v2, /qop|nc=|cnonce/);
  assert.match(v2, /response="[0-9a-f]{64}"/);
});
