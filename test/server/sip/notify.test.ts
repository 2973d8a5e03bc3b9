// sendNotify unit tests (scripted fake transport + fake clock) and loopback tests against an
// in-process responder (real dgram/net sockets on 127.0.0.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import net from 'node:net';
import { computeDigest, parseChallenges } from '../../../server/src/sip/digest';
import { getHeader, parseMessage, StreamFramer } from '../../../server/src/sip/message';
import { sendNotify, type NotifyRequest, type NotifyResult } from '../../../server/src/sip/notify';
import { FakeClock, fakeFactory, flush, headerOf, respond, type FakeTransport } from './helpers';

const PASSWORD = 'Pa55-w0rd-NEVER-shown';
const base: NotifyRequest = { target: { host: '127.0.0.1', port: 5060, transport: 'udp' }, event: 'check-sync;reboot=false', user: '1001' };

/** Run sendNotify against a scripted phone. `script(request, n)` returns the response text (or undefined for silence). */
async function scripted(
  req: NotifyRequest,
  script: (request: string, n: number, t: FakeTransport) => string | string[] | undefined,
  advanceMs = 0,
) {
  const clock = new FakeClock();
  const traced: string[] = [];
  let n = 0;
  const { factory, transports } = fakeFactory(clock, (t) => {
    t.onSend = (text) => {
      const out = script(text, n++, t);
      for (const r of Array.isArray(out) ? out : out ? [out] : []) t.deliver(r);
    };
  });
  const p = sendNotify(req, { clock, socketFactory: factory, onMessage: (_d, text) => traced.push(text) });
  if (advanceMs) {
    await flush();
    await flush();
    clock.advance(advanceMs);
  }
  const res = await p;
  const t = transports[0];
  return { res, sent: t ? t.sent.map((s) => s.text) : [], transport: t, traced, clock };
}

test('the NOTIFY carries every required header', async () => {
  const { res, sent } = await scripted(base, (r) => respond(r, 200, 'OK'));
  assert.equal(res.status, 'accepted');
  assert.equal(res.message, 'accepted (200 OK)');
  assert.equal(res.code, 200);
  assert.equal(res.retransmissions, 0);
  const m = parseMessage(sent[0])!;
  assert.equal(m.method, 'NOTIFY');
  assert.equal(m.uri, 'sip:1001@127.0.0.1:5060');
  assert.match(getHeader(m, 'via')!, /^SIP\/2\.0\/UDP 127\.0\.0\.1:5099;branch=z9hG4bK[0-9a-f]+;rport$/);
  assert.equal(getHeader(m, 'max-forwards'), '70');
  assert.match(getHeader(m, 'from')!, /^<sip:provisioner@127\.0\.0\.1>;tag=[0-9a-f]{8}$/);
  assert.equal(getHeader(m, 'to'), '<sip:1001@127.0.0.1:5060>');
  assert.match(getHeader(m, 'call-id')!, /^[0-9a-f]{24}@127\.0\.0\.1$/);
  assert.match(getHeader(m, 'cseq')!, /^\d+ NOTIFY$/);
  assert.equal(getHeader(m, 'contact'), '<sip:provisioner@127.0.0.1:5099>');
  assert.equal(getHeader(m, 'event'), 'check-sync;reboot=false');
  assert.equal(getHeader(m, 'subscription-state'), 'terminated');
  assert.equal(getHeader(m, 'user-agent'), 'Provisioning-Studio/0.1');
  assert.equal(getHeader(m, 'content-length'), '0');
  assert.ok(sent[0].endsWith('\r\n\r\n'));
});

test('TCP: Via says TCP, URIs carry transport=tcp; IPv6 target host is bracketed', async () => {
  const { sent } = await scripted({ ...base, target: { host: '::1', port: 5070, transport: 'tcp' } }, (r) => respond(r, 200, 'OK'));
  const m = parseMessage(sent[0])!;
  assert.equal(m.uri, 'sip:1001@[::1]:5070;transport=tcp');
  assert.match(getHeader(m, 'via')!, /^SIP\/2\.0\/TCP /);
  assert.match(getHeader(m, 'contact')!, /;transport=tcp>$/);
});

test('401 → one retry: same Call-ID/From tag/To, CSeq+1, new branch, correct Authorization (qop=auth, opaque)', async () => {
  const { res, sent } = await scripted({ ...base, credentials: { username: '1001', password: PASSWORD } }, (r, n) =>
    n === 0
      ? respond(r, 401, 'Unauthorized', [
          'WWW-Authenticate: Digest realm="phone.test", nonce="abc123", qop="auth", algorithm=MD5, opaque="xyz"',
        ])
      : respond(r, 200, 'OK'),
  );
  assert.equal(res.status, 'accepted');
  assert.equal(sent.length, 2);
  const [a, b] = sent.map((s) => parseMessage(s)!);
  assert.equal(getHeader(b, 'call-id'), getHeader(a, 'call-id'));
  assert.equal(getHeader(b, 'from'), getHeader(a, 'from'));
  assert.equal(getHeader(b, 'to'), getHeader(a, 'to'));
  assert.equal(Number(getHeader(b, 'cseq')!.split(' ')[0]), Number(getHeader(a, 'cseq')!.split(' ')[0]) + 1);
  assert.notEqual(getHeader(b, 'via'), getHeader(a, 'via'));
  assert.equal(getHeader(a, 'authorization'), undefined);
  const auth = parseChallenges(getHeader(b, 'authorization')!)[0].params;
  assert.equal(auth.uri, b.uri);
  assert.equal(auth.qop, 'auth');
  assert.equal(auth.nc, '00000001');
  assert.equal(auth.opaque, 'xyz');
  const expected = computeDigest({
    algorithm: 'MD5',
    username: '1001',
    password: PASSWORD,
    realm: 'phone.test',
    nonce: 'abc123',
    method: 'NOTIFY',
    uri: b.uri!,
    qop: 'auth',
    nc: auth.nc,
    cnonce: auth.cnonce,
  });
  assert.equal(auth.response, expected.response);
});

test('407 → Proxy-Authorization; SHA-256 preferred over MD5 when both are offered', async () => {
  const { res, sent } = await scripted({ ...base, credentials: { username: 'u', password: PASSWORD } }, (r, n) =>
    n === 0
      ? respond(r, 407, 'Proxy Authentication Required', [
          'Proxy-Authenticate: Digest realm="p", nonce="n1", algorithm=MD5',
          'Proxy-Authenticate: Digest realm="p", nonce="n2", algorithm=SHA-256, qop="auth"',
        ])
      : respond(r, 202, 'Accepted'),
  );
  assert.equal(res.status, 'accepted');
  assert.equal(res.message, 'accepted (202 Accepted)');
  const b = parseMessage(sent[1])!;
  assert.equal(getHeader(b, 'authorization'), undefined);
  const p = parseChallenges(getHeader(b, 'proxy-authorization')!)[0].params;
  assert.equal(p.algorithm, 'SHA-256');
  assert.equal(p.nonce, 'n2');
  assert.equal(
    p.response,
    computeDigest({
      algorithm: 'SHA-256',
      username: 'u',
      password: PASSWORD,
      realm: 'p',
      nonce: 'n2',
      method: 'NOTIFY',
      uri: b.uri!,
      qop: 'auth',
      nc: p.nc,
      cnonce: p.cnonce,
    }).response,
  );
});

const challenge = (r: string, extra = '') =>
  respond(r, 401, 'Unauthorized', [`WWW-Authenticate: Digest realm="r", nonce="n${Math.random()}"${extra}`]);

test('a second 401 → auth-refused after exactly one retry', async () => {
  const { res, sent } = await scripted({ ...base, credentials: { username: '1001', password: PASSWORD } }, (r) => challenge(r));
  assert.equal(res.status, 'auth-refused');
  assert.equal(res.code, 401);
  assert.equal(res.message, 'the phone asked for credentials and refused ours (401)');
  assert.equal(sent.length, 2);
});

test('a second 401 with stale=true is answered once more, then refused', async () => {
  const { res, sent } = await scripted({ ...base, credentials: { username: '1001', password: PASSWORD } }, (r) =>
    challenge(r, ', stale=true'),
  );
  assert.equal(res.status, 'auth-refused');
  assert.equal(sent.length, 3);
});

test('401 without credentials → auth-refused saying no credentials were available', async () => {
  const { res, sent } = await scripted(base, (r) => challenge(r));
  assert.equal(res.status, 'auth-refused');
  assert.match(res.message, /no credentials were available/);
  assert.equal(sent.length, 1);
});

test('401 with an unsupported challenge → auth-refused naming it', async () => {
  const { res } = await scripted({ ...base, credentials: { username: 'u', password: PASSWORD } }, (r) =>
    respond(r, 401, 'Unauthorized', ['WWW-Authenticate: Digest realm="r", nonce="n", algorithm=SHA-1']),
  );
  assert.equal(res.status, 'auth-refused');
  assert.match(res.message, /cannot answer \(Digest SHA-1\)/);
});

test('489 → unsupported-event; 403/404/481/486 → rejected with a useful message', async () => {
  let { res } = await scripted({ ...base, event: 'check-sync' }, (r) => respond(r, 489, 'Bad Event', ['Allow-Events: resync']));
  assert.equal(res.status, 'unsupported-event');
  assert.equal(res.code, 489);
  assert.match(res.message, /^the phone does not support the event 'check-sync' \(489 Bad Event\)/);
  ({ res } = await scripted(base, (r) => respond(r, 404, 'Not Found')));
  assert.equal(res.status, 'rejected');
  assert.match(res.message, /no account '1001' \(404 Not Found\)/);
  ({ res } = await scripted(base, (r) => respond(r, 481, 'Call/Transaction Does Not Exist')));
  assert.match(res.message, /strict subscription rules/);
  ({ res } = await scripted(base, (r) => respond(r, 403, 'Forbidden')));
  assert.match(res.message, /refuses this sender \(403 Forbidden\)/);
  ({ res } = await scripted({ ...base, credentials: { username: 'u', password: PASSWORD } }, (r, n) =>
    n === 0 ? challenge(r) : respond(r, 403, 'Forbidden'),
  ));
  assert.equal(res.status, 'rejected');
  assert.match(res.message, /password/);
  ({ res } = await scripted(base, (r) => respond(r, 486, 'Busy Here')));
  assert.deepEqual(
    [res.status, res.code, res.reason, res.message],
    ['rejected', 486, 'Busy Here', 'the phone rejected the NOTIFY (486 Busy Here)'],
  );
});

test('no answer over UDP: 10 retransmissions over 32 s (fake clock), vendor hint in the message', async () => {
  const { res, sent } = await scripted({ ...base, vendorHint: 'Yealink account.1.sip_trust_ctrl' }, () => undefined, 32_000);
  assert.equal(res.status, 'no-answer');
  assert.equal(res.code, 408);
  assert.equal(res.retransmissions, 10);
  assert.equal(sent.length, 11);
  assert.equal(res.elapsedMs, 32_000);
  assert.equal(
    res.message,
    'no answer after 10 retransmissions over 32 s — most likely the phone only accepts SIP from its registrar (Yealink account.1.sip_trust_ctrl)',
  );
});

test('no answer over TCP: one transmission, Timer F only', async () => {
  const { res, sent } = await scripted({ ...base, target: { ...base.target, transport: 'tcp' } }, () => undefined, 32_000);
  assert.equal(res.status, 'no-answer');
  assert.equal(res.retransmissions, 0);
  assert.equal(sent.length, 1);
  assert.match(res.message, /^no answer over TCP within 32 s/);
});

test('1xx then silence still ends at Timer F; 1xx then 200 is accepted', async () => {
  let { res } = await scripted(base, (r, n) => (n === 0 ? respond(r, 100, 'Trying') : undefined), 40_000);
  assert.equal(res.status, 'no-answer');
  assert.match(res.message, /^only provisional answers \(100 Trying\) within \d+ s: the phone received the NOTIFY/);
  ({ res } = await scripted(base, (r) => [respond(r, 180, 'Ringing'), respond(r, 200, 'OK')]));
  assert.equal(res.status, 'accepted');
});

test('stray responses (other branch, Call-ID or CSeq) are ignored', async () => {
  const { res } = await scripted(base, (r) => [
    respond(r, 200, 'OK').replace(/branch=z9hG4bK[0-9a-f]+/, 'branch=z9hG4bKstray'),
    respond(r, 200, 'OK').replace(/Call-ID: \S+/, 'Call-ID: other'),
    respond(r, 200, 'OK').replace(/CSeq: (\d+)/, (_m, n) => `CSeq: ${Number(n) + 5}`),
    'garbage\r\n\r\n',
    respond(r, 489, 'Bad Event'),
  ]);
  assert.equal(res.status, 'unsupported-event');
});

test('the password never appears in results, traced messages or errors', async () => {
  const creds = { username: '1001', password: PASSWORD };
  const outs: unknown[] = [];
  for (const script of [
    (r: string) => challenge(r, ', qop="auth"'),
    (r: string, n: number) => (n === 0 ? challenge(r) : respond(r, 403, 'Forbidden')),
    (r: string) => respond(r, 401, 'Unauthorized', ['WWW-Authenticate: Digest realm="r", nonce="n", algorithm=BOGUS']),
  ]) {
    const { res, traced, sent } = await scripted({ ...base, credentials: creds }, script);
    outs.push(res, traced, sent);
  }
  outs.push(await sendNotify({ ...base, event: 'bad\r\nevent', credentials: creds }));
  outs.push(await sendNotify({ ...base, credentials: { username: 'x\r\ny', password: PASSWORD } }));
  const all = JSON.stringify(outs);
  assert.ok(!all.includes(PASSWORD), 'password leaked');
  assert.ok(all.includes('Authorization: Digest'), 'sanity: the authorized requests were captured');
});

test('invalid input is reported as error, never thrown', async () => {
  for (const req of [
    { ...base, event: 'check-sync\r\nX-Injected: 1' },
    { ...base, user: '1001@evil' },
    { ...base, target: { ...base.target, port: 70000 } },
    { ...base, timers: { t1: -1 } },
  ]) {
    const res = await sendNotify(req);
    assert.equal(res.status, 'error', JSON.stringify(req));
    assert.match(res.message, /^cannot send NOTIFY/);
  }
});

test('transport errors → error; a factory that hangs is bounded by Timer F', async () => {
  let { res } = await scripted(base, (_r, _n, t) => {
    t.error(Object.assign(new Error('x'), { code: 'EHOSTUNREACH' }));
    return undefined;
  });
  assert.equal(res.status, 'error');
  assert.match(res.message, /host unreachable/);
  const clock = new FakeClock();
  let aborted = false;
  const p = sendNotify(base, {
    clock,
    socketFactory: (o) =>
      new Promise((_r) => {
        o.signal?.addEventListener('abort', () => {
          aborted = true;
        });
      }),
  });
  await flush();
  clock.advance(32_000);
  res = await p;
  assert.equal(res.status, 'no-answer');
  assert.match(res.message, /could not connect/);
  assert.ok(aborted);
});

// ------------------------------------------------------------------ loopback, real sockets

/** In-process UDP "phones" on 127.0.0.1: answer 200 OK, dropping the first transmission of every 5th Call-ID. */
async function udpResponder(): Promise<{ port: number; received: number; close: () => Promise<void> }> {
  const sock = dgram.createSocket('udp4');
  const seen = new Map<string, number>();
  const state = { port: 0, received: 0, close: () => new Promise<void>((r) => sock.close(() => r())) };
  let i = 0;
  sock.on('message', (buf, rinfo) => {
    state.received++;
    const text = buf.toString();
    const cid = headerOf(text, 'Call-ID')!;
    const n = (seen.get(cid) ?? 0) + 1;
    seen.set(cid, n);
    if (n === 1 && i++ % 5 === 0) return; // lost: the sender must retransmit
    sock.send(respond(text, 200, 'OK'), rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  state.port = sock.address().port;
  return state;
}

test('loopback UDP: 200 concurrent NOTIFYs, each on its own socket, all accepted; losses recovered by retransmission', async () => {
  const phone = await udpResponder();
  try {
    const results: NotifyResult[] = await Promise.all(
      Array.from({ length: 200 }, (_, k) =>
        sendNotify({
          ...base,
          user: String(1000 + k),
          target: { host: '127.0.0.1', port: phone.port, transport: 'udp' },
          local: { host: '127.0.0.1' },
          timers: { t1: 50 },
        }),
      ),
    );
    assert.deepEqual([...new Set(results.map((r) => r.status))], ['accepted']);
    const retrans = results.reduce((s, r) => s + r.retransmissions, 0);
    assert.ok(retrans >= 40, `expected at least 40 retransmissions, got ${retrans}`);
    // every transmission that reached the phone was counted by the sender (the kernel may drop more under load)
    assert.ok(phone.received >= 200 + 40 && phone.received <= 200 + retrans, `received ${phone.received}, retransmissions ${retrans}`);
  } finally {
    await phone.close();
  }
});

test('loopback TCP: framing over a real connection, 100 Trying then 200 OK in one segment', async () => {
  const server = net.createServer((c) => {
    const f = new StreamFramer();
    c.on('data', (d) => {
      for (const m of f.push(d)) c.write(respond(m, 100, 'Trying') + respond(m, 200, 'OK'));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const port = (server.address() as net.AddressInfo).port;
    const res = await sendNotify({ ...base, target: { host: '127.0.0.1', port, transport: 'tcp' } });
    assert.equal(res.status, 'accepted');
    assert.equal(res.retransmissions, 0);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

test('loopback TCP to a closed port → error "connection refused" quickly', async () => {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  const res = await sendNotify({ ...base, target: { host: '127.0.0.1', port, transport: 'tcp' } });
  assert.equal(res.status, 'error');
  assert.match(res.message, /connection refused/);
  assert.ok(res.elapsedMs < 2000);
});

test('UDP to a loopback port nobody listens on: "port unreachable" at once, not a 32 s timeout', async () => {
  const probe = dgram.createSocket('udp4');
  await new Promise<void>((r) => probe.bind(0, '127.0.0.1', () => r()));
  const port = probe.address().port;
  await new Promise<void>((r) => probe.close(() => r()));
  const res = await sendNotify({ ...base, target: { host: '127.0.0.1', port, transport: 'udp' }, timers: { t1: 50, timeoutF: 3000 } });
  assert.equal(res.status, 'error');
  assert.match(res.message, /over UDP: port unreachable \(the host answered ICMP/);
  assert.ok(res.retransmissions <= 1, `stopped after ${res.retransmissions} retransmissions`);
});
