// `provisioning-studio notify` against SIPp playing the example phone on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempExample } from '../../helpers/workspace';
import { receivedRequests, SIPP_SKIP, startSipp } from '../sip/helpers';

const PASSWORD = `p&ss<w>"rd'=1`; // line 1 of reception-t54w in the example bench

test('notify reprovisions an example phone played by SIPp', { skip: SIPP_SKIP, concurrency: 4, timeout: 60_000 }, async (t) => {
  await Promise.all([
    t.test('accepted (200 OK): exit 0, the Yealink resync event', async () => {
      const sipp = await startSipp('accept.xml');
      const res = await cli(['notify', 'reception-t54w', '--to', `127.0.0.1:${sipp.port}`]);
      const s = await sipp.done;
      assert.equal(res.code, 0, res.out + res.err);
      assert.match(res.out, /^ok {3}reception-t54w \(805e0c112233\) → 127\.0\.0\.1:\d+ \[check-sync;reboot=false\]: accepted \(200 OK\)$/m);
      assert.match(s.messages, /Event: check-sync;reboot=false/);
      assert.doesNotMatch(res.out + res.err, /p&ss/, 'no password in the output');
    }),
    t.test('a digest challenge answered with the line credentials, then 200', async () => {
      const sipp = await startSipp('challenge.xml', { keys: { phone_user: '100', phone_pass: PASSWORD, auth_extra: 'qop="auth"' } });
      const res = await cli(['notify', '80:5e:0c:11:22:33', '--to', `127.0.0.1:${sipp.port}`, '--reboot']);
      const s = await sipp.done;
      assert.equal(s.code, 0, s.log + s.errors);
      assert.equal(res.code, 0, res.out + res.err);
      assert.match(res.out, /\[check-sync;reboot=true\]: accepted \(200 OK\)/);
      assert.doesNotMatch(res.out + res.err + s.messages, /p&ss/, 'the password never goes on the wire or to the output');
    }),
    t.test('489 Bad Event: the phone does not support the event; exit 1', async () => {
      const sipp = await startSipp('bad-event.xml');
      const res = await cli(['notify', 'reception-t54w', '--to', `127.0.0.1:${sipp.port}`]);
      await sipp.done;
      assert.equal(res.code, 1);
      assert.match(res.out, /^FAIL reception-t54w .*does not support the event 'check-sync' \(489 Bad Event\); it allows: resync/m);
    }),
    t.test('no answer: retransmissions, then a timeout naming the vendor trust setting', async () => {
      const sipp = await startSipp('noanswer.xml', { timeoutS: 10 });
      const res = await cli(['notify', 'reception-t54w', '--to', `127.0.0.1:${sipp.port}`, '--t1', '50']);
      sipp.kill();
      const s = await sipp.done;
      assert.equal(res.code, 1);
      assert.match(res.out, /no answer after \d+ retransmissions .*sip\.trust_ctrl/);
      assert.ok(receivedRequests(s.messages) > 3, 'retransmissions observed by SIPp');
    }),
  ]);
});

test('notify: a phone without an address is explained; --all reports each phone and exits 1 unless all accepted', async () => {
  const dir = tempExample();
  try {
    const res = await cli(['notify', 'alice-t46s', '--workspace', dir]);
    assert.equal(res.code, 1);
    assert.match(res.out, /FAIL alice-t46s .*no address: the bench has no ip for this phone/);
    writeFileSync(join(dir, 'bench.yaml'), 'phones: []\n');
    const none = await cli(['notify', '--all', '--workspace', dir]);
    assert.equal(none.code, 1);
    const usage = await cli(['notify', '--workspace', dir]);
    assert.equal(usage.code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
