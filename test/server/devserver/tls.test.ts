// HTTPS: a self-signed pair generated in memory, or the user's cert and key from the bench.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { get, benchYaml, makeWorkspace, request, startServer, UA, type TestWorkspace } from './helpers';
import { generateSelfSigned } from '../../../server/src/devserver/selfsigned';
import tls from 'node:tls';

const cleanups: TestWorkspace[] = [];
after(() => {
  for (const c of cleanups) c.cleanup();
});

function peerCert(port: number): Promise<tls.PeerCertificate> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false, servername: 'localhost' }, () => {
      resolve(s.getPeerCertificate());
      s.end();
    });
    s.on('error', reject);
  });
}

test('self-signed: generated in memory, valid for localhost and 127.0.0.1, verified against itself', async () => {
  const pair = await generateSelfSigned(['localhost', '127.0.0.1', '::1']);
  const x = new X509Certificate(pair.cert);
  assert.ok(x.verify(x.publicKey));
  assert.equal(x.checkHost('localhost'), 'localhost');
  assert.equal(x.checkIP('127.0.0.1'), '127.0.0.1');
  assert.equal(x.fingerprint256, pair.fingerprint256);

  const w = makeWorkspace(benchYaml('server: { host: 127.0.0.1, port: 0, tls: { self_signed: true } }'));
  cleanups.push(w);
  const s = await startServer(w.ws);
  try {
    assert.equal(s.server.info!.scheme, 'https');
    assert.equal(s.server.info!.tls!.selfSigned, true);
    const cert = await peerCert(s.port);
    assert.equal(cert.fingerprint256, s.server.info!.tls!.fingerprint256);
    // an untrusted self-signed certificate is refused by a verifying client...
    await assert.rejects(get(s.base, '/805e0c112233.boot', UA.yealink));
    // ...and accepted when the client trusts it (the phone imports it or does not verify)
    const pem = `-----BEGIN CERTIFICATE-----\n${cert.raw
      .toString('base64')
      .match(/.{1,64}/g)!
      .join('\n')}\n-----END CERTIFICATE-----\n`;
    const r = await request(`${s.base}/805e0c112233.boot`, { headers: { 'User-Agent': UA.yealink }, ca: pem });
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`include:config "https://127\\.0\\.0\\.1:${s.port}/805e0c112233\\.cfg"`));
  } finally {
    await s.stop();
  }
});

test("the user's cert and key from bench server.tls (paths relative to the workspace)", async () => {
  const pair = await generateSelfSigned(['localhost', '127.0.0.1']);
  const w = makeWorkspace(benchYaml('server: { host: 127.0.0.1, port: 0, tls: { cert: tls/cert.pem, key: tls/key.pem } }'));
  cleanups.push(w);
  w.write('tls/cert.pem', pair.cert);
  w.write('tls/key.pem', pair.key);
  const s = await startServer(w.ws);
  try {
    assert.equal(s.server.info!.tls!.selfSigned, false);
    assert.equal(s.server.info!.tls!.fingerprint256, pair.fingerprint256);
    const r = await request(`${s.base}/0c383e557eb1.cfg`, { headers: { 'User-Agent': UA.fanvil }, ca: pair.cert });
    assert.equal(r.status, 200);
    assert.match(r.text, /F4nvil-pw/);
  } finally {
    await s.stop();
  }
  const bad = makeWorkspace(benchYaml('server: { host: 127.0.0.1, port: 0, tls: { cert: missing.pem, key: missing.key } }'));
  cleanups.push(bad);
  await assert.rejects(startServer(bad.ws), /ENOENT|cannot read/);
});
