import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMessage } from '../../../server/src/sip/message';
import { matchesTransaction, NonInviteClientTransaction, resolveTimers, type TransactionKey } from '../../../server/src/sip/transaction';
import { FakeClock } from './helpers';

const key: TransactionKey = { branch: 'z9hG4bKabc', callId: 'cid@127.0.0.1', cseq: 7, method: 'NOTIFY' };
const resp = (code: number, o: { branch?: string; callId?: string; cseq?: string; extraVia?: boolean } = {}) =>
  parseMessage(
    [
      `SIP/2.0 ${code} X`,
      ...(o.extraVia
        ? ['Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bKabc;rport=5099, SIP/2.0/UDP 10.0.0.9;branch=z9hG4bKother']
        : [`Via: SIP/2.0/UDP 127.0.0.1:5099;branch=${o.branch ?? key.branch};rport=5099`]),
      'From: <sip:provisioner@127.0.0.1>;tag=1',
      'To: <sip:1001@127.0.0.1>',
      `Call-ID: ${o.callId ?? key.callId}`,
      `CSeq: ${o.cseq ?? '7 NOTIFY'}`,
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n'),
  )!;

function make(reliable = false, timers = resolveTimers()) {
  const clock = new FakeClock();
  const sends: number[] = [];
  const tx = new NonInviteClientTransaction({ key, request: 'NOTIFY ...', reliable, timers, clock, send: () => sends.push(clock.now()) });
  return { clock, sends, tx };
}

test('defaults: T1 500, T2 4000, F = 64*T1; F follows a custom T1', () => {
  assert.deepEqual(resolveTimers(), { t1: 500, t2: 4000, timeoutF: 32000 });
  assert.deepEqual(resolveTimers({ t1: 50 }), { t1: 50, t2: 4000, timeoutF: 3200 });
  assert.throws(() => resolveTimers({ t1: 0 }), /positive/);
});

test('UDP, no answer: retransmission intervals 500,1000,2000,4000,4000,... until Timer F at 32 s (11 sends)', async () => {
  const { clock, sends, tx } = make();
  let outcome: unknown;
  void tx.start().then((o) => {
    outcome = o;
  });
  clock.advance(31_999);
  assert.deepEqual(sends, [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500]);
  const intervals = sends.slice(1).map((t, i) => t - sends[i]);
  assert.deepEqual(intervals, [500, 1000, 2000, 4000, 4000, 4000, 4000, 4000, 4000, 4000]);
  await new Promise((r) => setImmediate(r));
  assert.equal(outcome, undefined);
  clock.advance(1);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(outcome, { kind: 'timeout' });
  assert.equal(tx.retransmissions, 10);
  assert.equal(tx.state, 'terminated');
  assert.equal(clock.pending, 0, 'no timers left behind');
  clock.advance(100_000);
  assert.equal(sends.length, 11);
});

test('UDP: a 1xx moves to Proceeding and retransmissions continue every T2', async () => {
  const { clock, sends, tx } = make();
  const done = tx.start();
  clock.advance(600); // sends at 0, 500
  assert.equal(tx.receive(resp(100)), true);
  assert.equal(tx.state, 'proceeding');
  clock.advance(20_000); // next E (due 1500) fires, then every 4000
  assert.deepEqual(sends, [0, 500, 1500, 5500, 9500, 13500, 17500]);
  assert.equal(tx.receive(resp(200)), true);
  const o = await done;
  assert.equal(o.kind, 'final');
  assert.equal(tx.state, 'completed');
  assert.equal(tx.retransmissions, 6);
  assert.equal(clock.pending, 0);
});

test('UDP: final response stops retransmissions; later duplicates are absorbed', async () => {
  const { clock, sends, tx } = make();
  const done = tx.start();
  clock.advance(1600);
  tx.receive(resp(489));
  const o = await done;
  assert.equal(o.kind === 'final' && o.response.status, 489);
  assert.equal(tx.receive(resp(200)), true, 'absorbed in Completed');
  clock.advance(60_000);
  assert.equal(sends.length, 3);
});

test('TCP: no retransmissions, only Timer F', async () => {
  const { clock, sends, tx } = make(true);
  const done = tx.start();
  clock.advance(32_000);
  assert.deepEqual(await done, { kind: 'timeout' });
  assert.deepEqual(sends, [0]);
  assert.equal(tx.retransmissions, 0);
});

test('T2 cap and custom T1 (50 ms): sends at 0,50,150,350,750,1550,3150 then F at 3200', async () => {
  const { clock, sends, tx } = make(false, resolveTimers({ t1: 50, t2: 800 }));
  const done = tx.start();
  clock.advance(3200);
  assert.deepEqual(await done, { kind: 'timeout' });
  assert.deepEqual(sends, [0, 50, 150, 350, 750, 1550, 2350, 3150]);
});

test('matching: branch, Call-ID, CSeq number and method must all match; top Via only', () => {
  assert.equal(matchesTransaction(resp(200), key), true);
  assert.equal(matchesTransaction(resp(200, { extraVia: true }), key), true);
  assert.equal(matchesTransaction(resp(200, { branch: 'z9hG4bKother' }), key), false);
  assert.equal(matchesTransaction(resp(200, { callId: 'other' }), key), false);
  assert.equal(matchesTransaction(resp(200, { cseq: '8 NOTIFY' }), key), false);
  assert.equal(matchesTransaction(resp(200, { cseq: '7 OPTIONS' }), key), false);
  const req = parseMessage(
    `NOTIFY sip:x SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=${key.branch}\r\nCall-ID: ${key.callId}\r\nCSeq: 7 NOTIFY\r\n\r\n`,
  )!;
  assert.equal(matchesTransaction(req, key), false, 'requests never match');
});

test('stray responses do not change the state', async () => {
  const { clock, sends, tx } = make();
  void tx.start();
  assert.equal(tx.receive(resp(200, { branch: 'z9hG4bKnope' })), false);
  assert.equal(tx.receive(resp(100, { callId: 'nope' })), false);
  assert.equal(tx.state, 'trying');
  clock.advance(500);
  assert.equal(sends.length, 2);
  tx.terminate();
});

test('transport error fails the transaction at once', async () => {
  const { clock, tx } = make();
  const done = tx.start();
  clock.advance(500);
  tx.fail(new Error('ECONNREFUSED'));
  const o = await done;
  assert.equal(o.kind, 'error');
  assert.equal(clock.pending, 0);
});
