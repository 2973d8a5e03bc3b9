// Adopting phones: the dev server notes the phones that knock but are not on the bench (MAC from the
// User-Agent or the path, with vendor, model and firmware), and forgets one once it is added. Over HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addPhones } from '../../../server/src/core/bench/edit';
import { UnknownPhones } from '../../../server/src/devserver/unknownPhones';
import type { RequestLogEntry } from '../../../server/src/devserver/log';
import { benchYaml, get, makeWorkspace, startServer, UA } from './helpers';

test('an unknown phone is noted with what its User-Agent tells; once added to the bench it is served and no longer listed', async () => {
  const w = makeWorkspace(benchYaml());
  const s = await startServer(w.ws);
  try {
    const ua = 'Yealink SIP-T46U 108.86.0.20 80:5e:c0:78:29:65';
    const miss = await get(s.base, '/805ec0782965.cfg', ua);
    assert.equal(miss.status, 404);
    // without a MAC in the User-Agent: from the path (the vendor only where the file name is one vendor's)
    await get(s.base, '/phone0004f2a1b2c3.cfg', 'curl/8');
    await get(s.base, '/001122334455.cfg', 'curl/8');
    // bench phones are never listed
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 200);
    const list = s.server.unknownPhones.all();
    assert.deepEqual(
      list.map((u) => [u.mac, u.vendor, u.model, u.firmware, u.requests]),
      [
        ['001122334455', undefined, undefined, undefined, 1],
        ['0004f2a1b2c3', 'poly', undefined, undefined, 1],
        ['805ec0782965', 'yealink', 'T46U', '108.86.0.20', 1],
      ],
    );
    assert.equal(list[2].ip, '127.0.0.1');
    // adopted: written into the bench; the next fetch is served and the phone leaves the list
    const file = join(w.dir, 'bench.yaml');
    const r = addPhones(readFileSync(file, 'utf8'), [{ mac: list[2].mac, vendor: list[2].vendor, model: list[2].model, name: 'adopted' }]);
    assert.ok(r.ok);
    writeFileSync(file, r.text);
    await new Promise((res) => setTimeout(res, 400)); // the saved bench settles
    const served = await get(s.base, '/805ec0782965.cfg', ua);
    assert.equal(served.status, 200, served.text);
    assert.deepEqual(
      s.server.unknownPhones.all(s.server.workspace.phones).map((u) => u.mac),
      ['001122334455', '0004f2a1b2c3'],
    );
  } finally {
    await s.stop();
    w.cleanup();
  }
});

test('bounded: the most recent MACs are kept', () => {
  const u = new UnknownPhones(3);
  const entry = (i: number): RequestLogEntry => ({
    time: new Date(1_700_000_000_000 + i).toISOString(),
    ip: '127.0.0.1',
    method: 'GET',
    path: `/805ec00000${String(i).padStart(2, '0')}.cfg`,
    status: 404,
    bytes: 0,
    renderMs: 0,
    totalMs: 0,
  });
  for (let i = 1; i <= 5; i++) u.note(entry(i), () => []);
  u.note(entry(3), () => []);
  assert.deepEqual(
    u.all().map((x) => x.mac),
    ['805ec0000003', '805ec0000005', '805ec0000004'],
  );
  assert.equal(u.all()[0].requests, 2);
});
