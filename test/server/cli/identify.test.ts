// `provisioning-studio identify`: vendor, model, firmware and MAC of a User-Agent (and request path), by the parser the
// dev server logs and resolves requests with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../../helpers/workspace';

const entries = (
  JSON.parse(readFileSync(join(__dirname, '../../fixtures/user-agents/user-agents.json'), 'utf8')) as {
    entries: { ua: string; vendor: string; model: string; firmware: string; mac: string | null }[];
  }
).entries;

const json = async (...args: string[]) => {
  const res = await cli(['identify', ...args, '--format', 'json']);
  return { ...res, id: JSON.parse(res.out) as Record<string, string | null> };
};

test('identify --format json prints {vendor, model, firmware, mac} for every fixture User-Agent', async () => {
  for (const e of entries) {
    const { code, id } = await json(e.ua);
    assert.equal(code, 0, e.ua);
    assert.deepEqual(Object.keys(id), ['vendor', 'model', 'firmware', 'mac']);
    assert.deepEqual([id.vendor, id.firmware, id.mac], [e.vendor, e.firmware, e.mac], e.ua);
  }
});

test('identify: a Cisco MPP phone, a Linksys serial number is not a MAC, text output', async () => {
  const mpp = await cli(['identify', 'Cisco-CP-8841-3PCC/11.0 (00562b043615)']);
  assert.equal(mpp.code, 0);
  assert.equal(mpp.out, 'vendor    cisco\nmodel     CP-8841-3PCC\nfirmware  11.0\nmac       00562b043615\n');
  const linksys = await json('Linksys/SPA-962-6.1.5(a) (4MM00F903042)');
  assert.deepEqual(linksys.id, { vendor: 'cisco', model: 'SPA962', firmware: '6.1.5(a)', mac: null });
});

test('identify --path: the MAC in the path wins; an unparseable User-Agent falls back to the path', async () => {
  const withPath = await json('Cisco/SPA525G-7.4.7 (CBT141900G7)', '--path', '/0002fdff2103.xml');
  assert.deepEqual(withPath.id, { vendor: 'cisco', model: 'SPA525G', firmware: '7.4.7', mac: '0002fdff2103' });
  const unknownUa = await json('curl/8.0', '--path', '/cfg000b82aabbcc.xml');
  assert.deepEqual(unknownUa.id, { vendor: 'grandstream', model: null, firmware: null, mac: '000b82aabbcc' });
  const modelFile = await json('Wget/1.21', '--path', '/8841-3PCC.xml');
  assert.deepEqual(modelFile.id, { vendor: 'cisco', model: 'CP-8841-3PCC', firmware: null, mac: null });
  const nothing = await cli(['identify', 'curl/8.0']);
  assert.equal(nothing.code, 1);
  assert.match(nothing.out, /^vendor {4}-$/m);
});

test('identify: usage errors', async () => {
  assert.equal((await cli(['identify'])).code, 2);
  assert.equal((await cli(['identify', 'a', 'b'])).code, 2);
  const bad = await cli(['identify', 'x', '--format', 'yaml']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format must be text or json/);
});
