// `key-overridden` as `check` and the editor run it: for one phone per (vendor, model) fetching a checked
// file, the losing lines located in that file (or in a partial it includes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overrideProblemsIn } from '../../../server/src/core/overrides';
import { memoryWorkspace, MINI_BENCH } from '../../helpers/workspace';

const H = '#!version:1.0.0.1\n';
// a second T54W and a T46S beside MINI_BENCH's phones
const BENCH = MINI_BENCH.replace(
  'phones:\n',
  'phones:\n  - { mac: 805e0c000011, vendor: yealink, model: T54W, name: one-b }\n  - { mac: 805e0c000012, vendor: yealink, model: T46S, name: three }\n',
);
const files = {
  'bench.yaml': BENCH,
  'templates/yealink/common.cfg.hbs': `${H}lang.gui = English\n{{> net}}\n`,
  'templates/yealink/partials/net.cfg.hbs': 'local_time.ntp_server1 = pool.ntp.org\n',
  'templates/yealink/mac.cfg.hbs': `${H}lang.gui = French\nlocal_time.ntp_server1 = ntp.bench.test\naccount.1.label = {{phone.name}}\n`,
};

test('the common line a per-phone file overrides: once per model, located in the checked file', () => {
  const ws = memoryWorkspace(files);
  const ps = overrideProblemsIn(ws, ['templates/yealink/common.cfg.hbs']);
  const lang = ps.filter((p) => p.file === 'templates/yealink/common.cfg.hbs');
  // T54W (first: one-b, listed before one) and T46S: two phones rendered, not three; one problem for the line
  assert.equal(lang.length, 1);
  assert.deepEqual(lang[0].phones, ['one-b', 'three']);
  assert.equal(lang[0].code, 'key-overridden');
  assert.equal(lang[0].range.start.line, 1);
  assert.match(lang[0].message, /'lang\.gui' = 'English' never takes effect .*805e0c000011\.cfg.* \(likewise for three\)$/);
  // the partial's line loses too: reported in the partial, reached from the checked template
  const net = ps.filter((p) => p.file === 'templates/yealink/partials/net.cfg.hbs');
  assert.equal(net.length, 1);
  assert.equal(net[0].via?.file, 'templates/yealink/common.cfg.hbs');
  // the winning file has nothing that loses
  assert.deepEqual(overrideProblemsIn(ws, ['templates/yealink/mac.cfg.hbs']), []);
});

test('a partial checked on its own; the selected phone stands for its model; no phone fetches it: nothing', () => {
  const ws = memoryWorkspace(files);
  const net = overrideProblemsIn(ws, ['templates/yealink/partials/net.cfg.hbs'], { selectedPhone: 'one' });
  assert.deepEqual(
    net.map((p) => p.phones),
    [['one', 'three']],
  );
  assert.ok(net.every((p) => p.file === 'templates/yealink/partials/net.cfg.hbs'));
  const alone = memoryWorkspace({ ...files, 'templates/yealink/mac.cfg.hbs': `${H}account.1.label = {{phone.name}}\n` });
  assert.deepEqual(overrideProblemsIn(alone, ['templates/yealink/common.cfg.hbs']), []);
});

test('onePhone (the editor): the selected phone only, else the first fetching the file', () => {
  const ws = memoryWorkspace(files);
  const only = (selectedPhone?: string) =>
    overrideProblemsIn(ws, ['templates/yealink/common.cfg.hbs'], { onePhone: true, selectedPhone }).map((p) => p.phones);
  assert.deepEqual(only(), [['one-b'], ['one-b']]);
  assert.deepEqual(only('three'), [['three'], ['three']]);
});
