// The standing facts the primary of `serve --workers` tells a worker that replaces one that ended: bounded like
// the workers' own state (the primary applies the facts to a SharedState, as a worker does), the latest
// IP → phone per address, every accepted digest use, no counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedState, type SharedFact } from '../../../server/src/devserver/shared';

/** A SharedState as the primary keeps the relayed facts in, with these upload bounds. */
function relayed(uploads: { uploadsKept: number; uploadsTotalBytes: number }): SharedState {
  return new SharedState({
    missBurst: 10,
    missRefillPerSec: 1,
    lockoutFailures: 5,
    lockoutWindowMs: 60_000,
    lockoutMs: 60_000,
    nonceTtlMs: 60_000,
    now: Date.now,
    ...uploads,
  });
}

const upload = (n: number, bytes: number): SharedFact => ({
  k: 'upload',
  rec: { time: `t${n}`, ip: '192.0.2.9', mac: '0004f2abcdef', file: 'directory.xml', bytes, body: Buffer.alloc(bytes) },
});

test('standing facts: latest phone per address, uploads within the kept count and bytes, digest uses; misses and failures not kept', () => {
  const s = relayed({ uploadsKept: 2, uploadsTotalBytes: 100 });
  s.apply({ k: 'ip', ip: '192.0.2.9', mac: '0004f2000001' });
  s.apply({ k: 'ip', ip: '192.0.2.9', mac: '0004f2abcdef' });
  s.apply({ k: 'miss', ip: '192.0.2.50' });
  s.apply({ k: 'authFailure', ip: '192.0.2.50' });
  for (const [n, bytes] of [
    [1, 10],
    [2, 20],
    [3, 30],
  ])
    s.apply(upload(n, bytes));
  s.apply({ k: 'nonce', nonce: 'n1', use: '00000001:c' });
  s.apply({ k: 'nonce', nonce: 'n1', use: '00000002:c' });
  const all = s.standingFacts();
  assert.deepEqual(
    all.filter((f) => f.k === 'ip'),
    [{ k: 'ip', ip: '192.0.2.9', mac: '0004f2abcdef' }],
  );
  assert.deepEqual(
    all.filter((f) => f.k === 'upload').map((f) => (f.k === 'upload' ? f.rec.time : '')),
    ['t2', 't3'],
  );
  assert.equal(all.filter((f) => f.k === 'nonce').length, 2);
  assert.ok(!all.some((f) => f.k === 'miss' || f.k === 'authFailure'));
  const big = relayed({ uploadsKept: 10, uploadsTotalBytes: 25 });
  big.apply(upload(1, 20));
  big.apply(upload(2, 20));
  assert.deepEqual(
    big.standingFacts().map((f) => (f.k === 'upload' ? f.rec.time : '')),
    ['t2'],
  );
});

test("a new worker's state from the standing facts: the phone at an address and its upload read back", () => {
  const s = relayed({ uploadsKept: 5, uploadsTotalBytes: 1000 });
  s.apply({ k: 'ip', ip: '192.0.2.9', mac: '0004f2abcdef' });
  s.apply(upload(1, 4));
  const fresh = relayed({ uploadsKept: 5, uploadsTotalBytes: 1000 });
  for (const f of s.standingFacts()) fresh.apply(f);
  assert.equal(fresh.phoneAt('192.0.2.9'), '0004f2abcdef');
  assert.equal(fresh.uploads.latest('0004f2abcdef', 'directory.xml')?.bytes, 4);
});
