// The standing facts the primary of `serve --workers` tells a worker that replaces one that ended: bounded like
// the workers' own state, the latest IP → phone per address, every accepted digest use, no counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedState, StandingFacts, type SharedFact } from '../../../server/src/devserver/shared';

const upload = (n: number, bytes: number): SharedFact => ({
  k: 'upload',
  rec: { time: `t${n}`, ip: '192.0.2.9', mac: '0004f2abcdef', file: 'directory.xml', bytes, body: Buffer.alloc(bytes) },
});

test('standing facts: latest phone per address, uploads within the kept count and bytes, digest uses; misses and failures not kept', () => {
  const s = new StandingFacts({ uploadsKept: 2, uploadsTotalBytes: 100 });
  s.note({ k: 'ip', ip: '192.0.2.9', mac: '0004f2000001' });
  s.note({ k: 'ip', ip: '192.0.2.9', mac: '0004f2abcdef' });
  s.note({ k: 'miss', ip: '192.0.2.50' });
  s.note({ k: 'authFailure', ip: '192.0.2.50' });
  for (const [n, bytes] of [
    [1, 10],
    [2, 20],
    [3, 30],
  ])
    s.note(upload(n, bytes));
  s.note({ k: 'nonce', nonce: 'n1', use: '00000001:c' });
  s.note({ k: 'nonce', nonce: 'n1', use: '00000002:c' });
  const all = s.all();
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
  const big = new StandingFacts({ uploadsKept: 10, uploadsTotalBytes: 25 });
  big.note(upload(1, 20));
  big.note(upload(2, 20));
  assert.deepEqual(
    big.all().map((f) => (f.k === 'upload' ? f.rec.time : '')),
    ['t2'],
  );
});

test("a new worker's state from the standing facts: the phone at an address and its upload read back", () => {
  const s = new StandingFacts({ uploadsKept: 5, uploadsTotalBytes: 1000 });
  s.note({ k: 'ip', ip: '192.0.2.9', mac: '0004f2abcdef' });
  s.note(upload(1, 4));
  const fresh = new SharedState({
    missBurst: 10,
    missRefillPerSec: 1,
    lockoutFailures: 5,
    lockoutWindowMs: 60_000,
    lockoutMs: 60_000,
    nonceTtlMs: 60_000,
    uploadsKept: 5,
    uploadsTotalBytes: 1000,
    now: Date.now,
  });
  for (const f of s.all()) fresh.apply(f);
  assert.equal(fresh.phoneAt('192.0.2.9'), '0004f2abcdef');
  assert.equal(fresh.uploads.latest('0004f2abcdef', 'directory.xml')?.bytes, 4);
});
