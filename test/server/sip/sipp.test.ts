// Integration: SIPp (Debian package sip-tester) plays the phone on 127.0.0.1, on a free port per case.
// Skipped with a message only when the sipp binary is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendNotify, type NotifyRequest } from '../../../server/src/sip/notify';
import { receivedRequests, SIPP_SKIP, startSipp } from './helpers';

const req = (port: number, o: Partial<NotifyRequest> = {}): NotifyRequest => ({
  target: { host: '127.0.0.1', port, transport: 'udp' },
  event: 'check-sync;reboot=false',
  user: '1001',
  local: { host: '127.0.0.1' },
  timers: { t1: 50 },
  ...o,
});
const PASSWORD = 'sipp-Secret-42';
const explain = (r: { code: number | null; log: string; errors: string; stdout: string }) =>
  `sipp exit ${r.code}\n${r.errors}\n${r.log}\n${r.stdout.slice(-1500)}`;

test('SIPp as the phone (loopback)', { skip: SIPP_SKIP, concurrency: 4, timeout: 60_000 }, async (t) => {
  await Promise.all([
    t.test('200 OK over UDP; SIPp asserts every required header', async () => {
      const sipp = await startSipp('accept.xml');
      const res = await sendNotify(req(sipp.port));
      const s = await sipp.done;
      assert.equal(s.code, 0, explain(s));
      assert.equal(res.status, 'accepted', res.message);
      assert.equal(res.message, 'accepted (200 OK)');
      assert.match(s.log, /event=check-sync subst=terminated/);
    }),

    t.test('200 OK over TCP (-t t1): no retransmissions', async () => {
      const sipp = await startSipp('accept.xml', { transport: 'tcp' });
      const res = await sendNotify(req(sipp.port, { target: { host: '127.0.0.1', port: sipp.port, transport: 'tcp' } }));
      const s = await sipp.done;
      assert.equal(s.code, 0, explain(s));
      assert.equal(res.status, 'accepted', res.message);
      assert.equal(res.retransmissions, 0);
      assert.equal(receivedRequests(s.messages), 1);
    }),

    t.test('401 (MD5, qop=auth, opaque) then 200: SIPp verifyauth checks the password, CSeq+1, new branch', async () => {
      const sipp = await startSipp('challenge.xml', {
        keys: { phone_user: '1001', phone_pass: PASSWORD, auth_extra: 'qop="auth", opaque="op4que"' },
      });
      const res = await sendNotify(req(sipp.port, { credentials: { username: '1001', password: PASSWORD } }));
      const s = await sipp.done;
      assert.equal(s.code, 0, explain(s));
      assert.equal(res.status, 'accepted', res.message);
      assert.match(s.log, /ok=true .* same=false .* valid=true/);
      assert.match(
        s.messages,
        /Authorization: Digest username="1001", realm="phone.test", .*qop=auth, nc=00000001, cnonce="[0-9a-f]+", opaque="op4que"/,
      );
      assert.ok(!s.messages.includes(PASSWORD));
    }),

    t.test('401 without qop (RFC 2069 form) then 200', async () => {
      const sipp = await startSipp('challenge.xml', { keys: { phone_user: '1001', phone_pass: PASSWORD, auth_extra: 'opaque="x"' } });
      const res = await sendNotify(req(sipp.port, { credentials: { username: '1001', password: PASSWORD } }));
      const s = await sipp.done;
      assert.equal(s.code, 0, explain(s));
      assert.equal(res.status, 'accepted', res.message);
      assert.match(s.log, /valid=true/);
    }),

    t.test('wrong password: SIPp answers 403, the sender reports it (password never echoed)', async () => {
      const sipp = await startSipp('challenge.xml', {
        keys: { phone_user: '1001', phone_pass: 'the-right-one', auth_extra: 'qop="auth"' },
      });
      const res = await sendNotify(req(sipp.port, { credentials: { username: '1001', password: PASSWORD } }));
      const s = await sipp.done;
      assert.equal(s.code, 0, explain(s));
      assert.equal(res.status, 'rejected');
      assert.equal(res.code, 403);
      assert.match(res.message, /password/);
      assert.match(s.log, /valid=false/);
      assert.ok(!JSON.stringify(res).includes(PASSWORD));
    }),

    t.test('no answer (T1 = 50 ms, F = 3.4 s): SIPp sees the original and 6 retransmissions, sender reports no-answer', async () => {
      const sipp = await startSipp('noanswer.xml');
      // sends at 0, 50, 150, 350, 750, 1550, 3150 (next would be 6350); F moved from 3200 to 3400 so
      // timer drift on a loaded machine cannot push the last retransmission past F
      const res = await sendNotify(req(sipp.port, { vendorHint: 'snom filter_registrar', timers: { t1: 50, timeoutF: 3400 } }));
      const s = await sipp.done;
      assert.equal(res.status, 'no-answer', res.message);
      assert.equal(res.retransmissions, 6);
      assert.equal(receivedRequests(s.messages), 7, s.messages.slice(0, 2000));
      assert.match(
        res.message,
        /^no answer after 6 retransmissions over 3\.\d s — most likely the phone only accepts SIP from its registrar \(snom filter_registrar\)$/,
      );
    }),

    t.test('100 Trying and nothing else: "only provisional answers", told apart from silence', async () => {
      const sipp = await startSipp('provisional.xml');
      const res = await sendNotify(req(sipp.port, { timers: { t1: 50, timeoutF: 1500 } }));
      await sipp.done;
      assert.equal(res.status, 'no-answer', res.message);
      assert.match(res.message, /^only provisional answers \(100 Trying\) within 1\.\d s/);
    }),

    t.test('slow phone: 100 Trying, then 200 after 700 ms; retransmissions every T2 in Proceeding', async () => {
      const sipp = await startSipp('slow.xml');
      const res = await sendNotify(req(sipp.port, { timers: { t1: 50, t2: 200 } }));
      const s = await sipp.done;
      assert.equal(s.code, 0, explain(s));
      assert.equal(res.status, 'accepted', res.message);
      // E at 50 (Proceeding by then) then every 200 ms: ~50, 250, 450, 650 before the 200 at ~700
      assert.ok(res.retransmissions >= 3 && res.retransmissions <= 5, `retransmissions ${res.retransmissions}`);
      assert.equal(receivedRequests(s.messages), 1 + res.retransmissions);
    }),

    t.test('489 Bad Event → unsupported-event', async () => {
      const sipp = await startSipp('bad-event.xml');
      const res = await sendNotify(req(sipp.port, { event: 'check-sync' }));
      const s = await sipp.done;
      assert.equal(s.code, 0, explain(s));
      assert.equal(res.status, 'unsupported-event');
      assert.equal(res.code, 489);
      assert.equal(res.message, "the phone does not support the event 'check-sync' (489 Bad Event); it allows: resync, reboot");
    }),
  ]);
});
