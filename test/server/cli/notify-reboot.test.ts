// `notify --reboot` reboots with every vendor's starter template; where the phone's own files turn the reboot event into
// a resync (Snom checksync_action), it says so. Loopback only: the NOTIFY goes to a closed local UDP port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempExample, exampleWorkspace } from '../../helpers/workspace';
import { PROFILES } from '../../../server/src/core/vendors';
import { rebootOverridden } from '../../../server/src/sip/reprovision';

/** A local UDP port nobody listens on. */
async function closedPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test('every example phone: its starter template leaves the reboot event a reboot', () => {
  const ws = exampleWorkspace();
  for (const phone of ws.phones) {
    const profile = PROFILES[phone.vendor];
    const texts = ws.routesFor(phone).flatMap((r) => (r.template ? [ws.render(r.template, phone, { route: r.route }).text] : []));
    assert.ok(texts.length, phone.name);
    assert.equal(rebootOverridden(profile, texts), undefined, `${phone.name}: ${profile.notify.reboot} must reboot`);
  }
});

test('rebootOverridden: XML element and key = value, last one wins, reboot values pass', () => {
  const snom = PROFILES.snom;
  assert.equal(rebootOverridden(snom, ['<checksync_action perm="">sync</checksync_action>']), 'sync');
  assert.equal(
    rebootOverridden(snom, ['<checksync_action>sync</checksync_action>', '<checksync_action>reboot</checksync_action>']),
    undefined,
  );
  assert.equal(rebootOverridden(snom, ['checksync_action$: reregister']), 'reregister');
  assert.equal(rebootOverridden(snom, ['<checksync_action_x>sync</checksync_action_x>']), undefined);
  assert.equal(rebootOverridden(PROFILES.yealink, ['<checksync_action>sync</checksync_action>']), undefined, 'not a Yealink setting');
});

test(
  'notify --reboot warns that a Snom phone whose template sets checksync_action = sync will only resync',
  { timeout: 30_000 },
  async () => {
    const dir = tempExample();
    try {
      const file = join(dir, 'templates/snom/model.xml.hbs');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('<challenge_checksync>', '<checksync_action>sync</checksync_action>\n    <challenge_checksync>'),
      );
      const to = `127.0.0.1:${await closedPort()}`;
      const reboot = await cli(['notify', 'desk-d785', '--reboot', '--to', to, '--t1', '20', '--workspace', dir]);
      assert.match(
        reboot.err,
        /^warning: desk-d785 \(000413[0-9a-f]{6}\): its files set checksync_action = sync, so the Snom phone will only resync, not reboot/m,
      );
      assert.match(reboot.out, /\[check-sync;reboot=true\]/, 'the reboot event is still sent');
      const resync = await cli(['notify', 'desk-d785', '--to', to, '--t1', '20', '--workspace', dir]);
      assert.doesNotMatch(resync.err, /warning/, 'a plain resync needs no warning');
      const starter = await cli(['notify', 'desk-d785', '--reboot', '--to', to, '--t1', '20']);
      assert.doesNotMatch(starter.err, /checksync_action/, 'the starter template reboots');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
