// Adding phones to a bench file (server/src/core/bench/edit.ts): the entry goes in as text after the last
// phone, so comments and layout stay byte for byte; bad input is refused with a reason and nothing changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addPhones, vendorOfModel } from '../../../../server/src/core/bench/edit';
import { parseBench } from '../../../../server/src/core/bench/parse';
import { modelLookup } from '../../../../server/src/core/vendors';

const EXAMPLE = readFileSync(join(__dirname, '../../../../bench.yaml'), 'utf8');

test('the example bench: a phone appended after the last one, every other byte kept', () => {
  const r = addPhones(EXAMPLE, [{ mac: '80-5E-C0-78-29-65', model: 'T46U', name: 'lab desk', ip: '192.0.2.50' }]);
  assert.ok(r.ok, !r.ok ? r.error : '');
  const added = r.text.split('\n').filter((l) => !EXAMPLE.split('\n').includes(l));
  assert.equal(added.length, 1, r.text);
  assert.match(added[0], /^\s+- \{ mac: 805ec0782965, vendor: yealink, model: T46U, name: lab desk, ip: 192\.0\.2\.50 \}$/);
  // removing the added line gives the original back exactly (comments, blank lines, order)
  assert.equal(r.text.replace(`${added[0]}\n`, ''), EXAMPLE);
  const parsed = parseBench(r.text, modelLookup, 'bench.yaml', {});
  const phone = parsed.bench.phones.at(-1)!;
  assert.deepEqual(
    [phone.mac, phone.vendor, phone.model, phone.name, phone.ip],
    ['805ec0782965', 'yealink', 'T46U', 'lab desk', '192.0.2.50'],
  );
});

test('block items with nested maps, comments after the list, CRLF, flow lists and no phones at all', () => {
  const block =
    'pbx: { host: pbx.test }\nphones:\n  # desk phones\n  - mac: 805e0c000001\n    vendor: yealink\n    model: T54W\n    lines:\n      - { extension: "101" }\n\n# trailing comment\nvars: { a: 1 }\n';
  const r1 = addPhones(block, [{ mac: '0004f2000002', vendor: 'poly', model: 'vvx400' }]);
  assert.ok(r1.ok);
  assert.equal(
    r1.text,
    block.replace(
      '      - { extension: "101" }\n',
      '      - { extension: "101" }\n  - { mac: 0004f2000002, vendor: poly, model: VVX400 }\n',
    ),
  );
  const crlf = block.replace(/\n/g, '\r\n');
  const r2 = addPhones(crlf, [{ mac: '0004f2000002', vendor: 'poly', model: 'VVX400' }]);
  assert.ok(r2.ok);
  assert.ok(!/[^\r]\n/.test(r2.text), 'CRLF kept');
  const flow = 'pbx: { host: pbx.test }\nphones: [ { mac: 805e0c000001, vendor: yealink, model: T54W } ]  # one\n';
  const r3 = addPhones(flow, [{ mac: '0004f2000002', vendor: 'poly', model: 'VVX400' }]);
  assert.ok(r3.ok);
  assert.equal(
    r3.text,
    'pbx: { host: pbx.test }\nphones: [ { mac: 805e0c000001, vendor: yealink, model: T54W }, { mac: 0004f2000002, vendor: poly, model: VVX400 } ]  # one\n',
  );
  for (const empty of ['pbx: { host: pbx.test }\n', 'pbx: { host: pbx.test }\nphones: []\n', 'pbx: { host: pbx.test }']) {
    const r = addPhones(empty, [{ mac: '0004f2000002', model: 'VVX400' }]);
    assert.ok(r.ok, empty);
    assert.equal(parseBench(r.text, modelLookup, 'bench.yaml', {}).bench.phones.length, 1, r.text);
    assert.ok(r.text.startsWith('pbx: { host: pbx.test }'));
  }
});

test('refused with a reason: bad MAC, duplicate MAC, unknown vendor, model of no single vendor, names needing quotes are quoted', () => {
  const base = 'phones:\n  - { mac: 805e0c000001, vendor: yealink, model: T54W, name: one }\n';
  const cases: [Parameters<typeof addPhones>[1][0], RegExp][] = [
    [{ mac: 'nope', vendor: 'yealink', model: 'T54W' }, /'nope' is not a MAC address/],
    [{ mac: '80:5e:0c:00:00:01', vendor: 'yealink', model: 'T54W' }, /805e0c000001 is already on the bench \(one\)/],
    [{ mac: '805e0c000002', vendor: 'acme', model: 'X1' }, /unknown vendor 'acme'/],
    [{ mac: '805e0c000002', model: 'Z99' }, /the vendor of model 'Z99' is not known: give --vendor/],
    [{ mac: '805e0c000002', vendor: 'yealink' }, /give the yealink model/],
  ];
  for (const [p, msg] of cases) {
    const r = addPhones(base, [p]);
    assert.ok(!r.ok);
    assert.match(r.error, msg);
  }
  assert.equal(vendorOfModel('VVX400'), 'poly');
  assert.equal(vendorOfModel('T46U'), 'yealink');
  const q = addPhones(base, [{ mac: '805e0c000002', vendor: 'yealink', model: 'T54W', name: 'yes' }]);
  assert.ok(q.ok);
  assert.match(q.text, /name: "yes"/, 'a name YAML would read as a boolean is quoted');
  assert.equal(parseBench(q.text, modelLookup, 'bench.yaml', {}).bench.phones[1].name, 'yes');
});
