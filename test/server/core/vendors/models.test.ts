// Table-driven checks over the model data: every model row names its source, and every model-wide file a phone really
// requests (as the references spell it) resolves to that model's route; the route listing names the first of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchRoutes, PROFILES, routePath, findModel, type VendorProfile } from '../../../../server/src/core/vendors';
import { memoryWorkspace } from '../../../helpers/workspace';

const MAC = '0123456789ab';
/** The routes the phone requests at boot, as paths (what `routes` lists). */
const bootPaths = (profile: VendorProfile, model: string) =>
  profile.routes.filter((r) => r.boot).flatMap((r) => routePath(profile, r, { mac: MAC, model }) ?? []);

test('every model row has a source, counts and a unique id; each of its files is answered for it (any case)', () => {
  for (const profile of Object.values(PROFILES)) {
    const ids = new Set<string>();
    for (const model of profile.models) {
      assert.ok(model.source.length > 10, `${profile.id} ${model.id}: source`);
      assert.ok(Number.isInteger(model.lines) && model.lines >= 1 && Number.isInteger(model.keys), `${profile.id} ${model.id}: counts`);
      assert.ok(!ids.has(model.id.toLowerCase()), `${profile.id} ${model.id}: duplicate`);
      ids.add(model.id.toLowerCase());
      for (const file of model.files ?? []) {
        const hits = matchRoutes(file).filter((m) => m.profile === profile && !m.mac);
        assert.ok(
          hits.some((m) => m.models?.includes(model)),
          `${profile.id} ${model.id}: ${file} answered`,
        );
        assert.ok(
          matchRoutes(file.toUpperCase()).some((m) => m.profile === profile && m.models?.includes(model)),
          `${file}: case-insensitive`,
        );
      }
    }
  }
});

// [vendor, model, the files the phone requests at boot, in order] — from the references named in the model rows
const BOOT: [string, string, string[]][] = [
  ['yealink', 'T46U', [`${MAC}.boot`, 'y000000000108.cfg', `${MAC}.cfg`]],
  ['yealink', 'T54W', [`${MAC}.boot`, 'y000000000096.cfg', `${MAC}.cfg`]],
  ['yealink', 'T33G', [`${MAC}.boot`, 'y000000000124.cfg', `${MAC}.cfg`]],
  ['yealink', 'W70B', [`${MAC}.boot`, 'y000000000146.cfg', `${MAC}.cfg`]],
  ['yealink', 'T28P', [`${MAC}.boot`, 'y000000000000.cfg', `${MAC}.cfg`]],
  ['cisco', 'CP-8841-3PCC', ['8841-3PCC.xml', `${MAC}.xml`]],
  ['cisco', 'CP-7832-3PCC', ['7832-3PCC.xml', `${MAC}.xml`]],
  ['cisco', 'SPA504G', ['spa504G.cfg', `${MAC}.xml`]],
  ['cisco', 'SPA525G2', ['spa525G2.cfg', `${MAC}.xml`]],
  ['fanvil', 'X5U', ['F0V5UV200000.cfg', `${MAC}.cfg`]],
  ['fanvil', 'X210', ['F0V00X200000.cfg', `${MAC}.cfg`]],
  ['fanvil', 'X4', ['f0X4hw1.100.cfg', `${MAC}.cfg`]],
  ['fanvil', 'V67', ['F0V0V6700000.cfg', `${MAC}.cfg`]],
  ['grandstream', 'GRP2614', [`cfg${MAC}.xml`, 'cfggrp2614.xml', 'cfg.xml']],
  ['grandstream', 'HT802V2', [`cfg${MAC}.xml`, 'cfght802v2.xml', 'cfg.xml']],
  ['grandstream', 'GRP2612W', [`cfg${MAC}.xml`, 'cfggrp2612w.xml', 'cfg.xml']],
  ['snom', 'D785', ['snomd785.htm', `snomd785-${MAC.toUpperCase()}.htm`]],
  ['snom', 'PA1', ['snompa1.htm', `snompa1-${MAC.toUpperCase()}.htm`]],
  ['poly', 'VVX450', [`${MAC}.cfg`, 'site.cfg', `phone${MAC}.cfg`]],
];

test('boot files per model, in order (case and MAC notation as the phone requests them)', () => {
  for (const [vendor, model, files] of BOOT) {
    const profile = PROFILES[vendor as keyof typeof PROFILES];
    assert.ok(findModel(profile, model), `${vendor} ${model} known`);
    assert.deepEqual(bootPaths(profile, model), files, `${vendor} ${model}`);
  }
});

// other names the same phones request (factory rules, older firmware, other spellings), each answered for the model
const ALSO: [string, string, string][] = [
  ['cisco', 'CP-8841-3PCC', '/CP-8841-3PCC.xml'],
  ['cisco', 'CP-8841-3PCC', '/8841-3PCC.xml'],
  ['cisco', 'SPA504G', '/spa504G.cfg'],
  ['fanvil', 'X5U', '/fanvil_x5u_v2_hwv2_0.txt'],
  ['fanvil', 'X5U', '/F0V000X5U00000.cfg'],
  ['yealink', 'T52S', '/y000000000070.cfg'],
  ['yealink', 'T56A', '/y000000000058.cfg'],
];

test('a factory MPP phone asking /$PSN.xml and an SPA asking /spa$PSN.cfg get their model file from the dev-server resolver', () => {
  const ws = memoryWorkspace({
    'bench.yaml': [
      'phones:',
      '  - { mac: 00562b043615, vendor: cisco, model: CP-8841-3PCC }',
      '  - { mac: 0002fdff2103, vendor: cisco, model: SPA504G }',
      '  - { mac: 0c383e557eb1, vendor: fanvil, model: X5U }',
      '  - { mac: 805e0c112233, vendor: yealink, model: T52S }',
      '  - { mac: 001565f429a4, vendor: yealink, model: T56A }',
      '',
    ].join('\n'),
    'templates/cisco/model.xml.hbs': 'mpp {{model.id}}',
    'templates/cisco/spa.cfg.hbs': 'spa {{model.id}}',
    'templates/fanvil/common.xml.hbs': 'fanvil {{model.id}}',
    'templates/yealink/common.cfg.hbs': 'yealink {{model.id}}',
  });
  for (const [vendor, model, path] of ALSO) {
    const res = ws.resolveRequest(path.slice(1));
    assert.ok(res.ok, `${path}: ${res.ok ? '' : res.reason}`);
    assert.equal(res.phone.vendor, vendor, path);
    assert.equal(res.phone.model, model, path);
  }
  const spa = ws.resolveRequest('spa504G.cfg');
  assert.ok(spa.ok && spa.template === 'templates/cisco/spa.cfg.hbs');
  // an SPA file name is not an MPP one and vice versa
  assert.ok(!ws.resolveRequest('504G.xml').ok, 'no /504G.xml');
  assert.ok(!ws.resolveRequest('spa8841-3PCC.cfg').ok, 'no /spa8841-3PCC.cfg');
});

test('a model missing from the table is a warning naming the nearest models, and the phone is served all the same', () => {
  const ws = memoryWorkspace({
    'bench.yaml': 'phones:\n  - { mac: 805e0c112233, vendor: yealink, model: T45W }\n',
    'templates/yealink/mac.cfg.hbs': 'account.1.enable = 1',
  });
  const problems = ws.parsedBench().problems.filter((p) => p.code === 'bench-unknown-model');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].severity, 'warning');
  assert.match(problems[0].message, /unknown yealink model 'T45W', did you mean 'T44W', 'T54W'/);
  const res = ws.resolveRequest('805e0c112233.cfg');
  assert.ok(res.ok && res.phone.model === 'T45W', 'served its per-phone file');
});

test('Yealink: model.file_id keeps at least two digits (the starter boot template prefixes ten zeros to it)', () => {
  for (const m of PROFILES.yealink.models) {
    assert.match(m.fileId ?? '', /^\d{2,3}$/, m.id);
    assert.equal(m.files?.[0], `y${m.fileId!.padStart(12, '0')}.cfg`, m.id);
  }
});

test('every vendor names two references for its NOTIFY events', () => {
  for (const profile of Object.values(PROFILES)) {
    if (profile.id === 'generic') continue;
    // two different documents or repositories (named by their first word: owner/repo or the document's publisher)
    assert.ok(
      new Set(profile.notify.sources.map((s) => s.split(' ')[0])).size >= 2,
      `${profile.id}: ${profile.notify.sources.join(' | ')}`,
    );
  }
});

test('the dev-server resolver never takes a serial number in the User-Agent for a MAC', () => {
  const ws = memoryWorkspace({
    'bench.yaml':
      'phones:\n  - { mac: 0002fd000001, vendor: cisco, model: SPA942, name: first }\n  - { mac: 88019fa42805, vendor: cisco, model: SPA942, name: serial-lookalike }\n',
    'templates/cisco/spa.cfg.hbs': 'spa',
  });
  const res = ws.resolveRequest('spa942.cfg', { userAgent: 'Linksys/SPA-942-6.1.5(a) (88019FA42805)' });
  assert.ok(res.ok);
  assert.equal(res.phone.name, 'first');
  assert.match(res.reason, /first bench phone of the model/);
  const mpp = ws.resolveRequest('spa942.cfg', { userAgent: 'Cisco/SPA942-7.4.4 (88019FA42805)(CBT141400UK)' });
  assert.ok(mpp.ok && mpp.phone.name === 'serial-lookalike' && mpp.reason === 'MAC in the User-Agent');
});
