import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getCatalog, instantiate, matchKey, matchKeyLoose } from '../../../../server/src/core/catalog/catalogs';
import { distance, suggestKeys } from '../../../../server/src/core/catalog/suggest';
import type { KeyCatalog } from '../../../../server/src/core/catalog/types';
import { repoRoot } from './helpers';

const load = (n: string) => JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/catalogs', `${n}.json`), 'utf8')) as KeyCatalog;
const y = load('yealink-mini');

test('matchKey: literal keys, patterns with named indices, ranges', () => {
  assert.equal(matchKey(y, 'local_time.time_zone')?.def.key, 'local_time.time_zone');
  const m = matchKey(y, 'account.3.sip_server.2.address');
  assert.equal(m?.def.key, 'account.{account}.sip_server.{server}.address');
  assert.deepEqual(m?.indices, { account: 3, server: 2 });
  assert.equal(matchKey(y, 'account.17.label'), undefined);
  assert.equal(matchKeyLoose(y, 'account.17.label')?.outOfRange?.max, 16);
  assert.equal(matchKey(y, 'account.x.label'), undefined);
  assert.equal(matchKey(y, 'account.1.label.extra'), undefined);
  const g = load('grandstream-mini');
  assert.equal(matchKey(g, 'account.1.sip.userid')?.def.key, 'P35');
  assert.equal(matchKey(g, 'pks.mpk.7.keyMode')?.indices.mpk, 7);
  assert.equal(instantiate('a.{x}.b.{y}', { x: 1, y: 2 }), 'a.1.b.2');
  // irregular patterns (a hole touching a digit or another hole) and a hole at the end
  const irr: KeyCatalog = {
    vendor: 't',
    bool: { true: ['1'], false: ['0'] },
    indices: { x: { min: 0, max: 9, description: '' } },
    keys: [
      { key: 'P2{x}', type: 'int', description: '' },
      { key: 'a{x}{x}b', type: 'int', description: '' },
      { key: 'voice_mail.number.{x}', type: 'string', description: '' },
    ],
  };
  assert.deepEqual(matchKey(irr, 'P25')?.indices, { x: 5 });
  assert.equal(matchKey(irr, 'P35'), undefined);
  assert.equal(matchKey(irr, 'a12b')?.def.key, 'a{x}{x}b');
  assert.deepEqual(matchKey(irr, 'voice_mail.number.3')?.indices, { x: 3 });
});

test('getCatalog: bundled catalogs are well-formed', () => {
  assert.equal(getCatalog('nosuchvendor'), undefined);
  for (const v of ['yealink', 'poly', 'cisco', 'grandstream', 'snom', 'fanvil']) {
    const c = getCatalog(v);
    if (!c) continue;
    assert.equal(c.vendor, v);
    for (const k of c.keys)
      for (const [, name] of k.key.matchAll(/\{(\w+)\}/g)) assert.ok(c.indices[name], `${v}: ${k.key} uses undeclared index ${name}`);
  }
});

test('suggest: drop, double, swap, case, index typos', () => {
  assert.deepEqual(suggestKeys(y, 'acount.1.label')[0], 'account.1.label');
  assert.deepEqual(suggestKeys(y, 'account.5.labbel')[0], 'account.5.label');
  assert.deepEqual(suggestKeys(y, 'account.5.lable')[0], 'account.5.label');
  assert.deepEqual(suggestKeys(y, 'Local_Time.Time_Zone')[0], 'local_time.time_zone');
  assert.deepEqual(suggestKeys(y, 'account..label')[0], 'account.1.label');
  assert.deepEqual(suggestKeys(y, 'account.33.label')[0], 'account.3.label');
  assert.deepEqual(suggestKeys(y, 'completely.different.thing'), []);
  assert.ok(distance('ab', 'ba') < distance('ab', 'ac'));
});
