// The User-Agent fixture: real User-Agents copied from public sources (each entry names its source), parsed by the
// function the dev server uses. 100% vendor, at least 95% model, every MAC exact (a serial number is never a MAC).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseUserAgent } from '../../../../server/src/core/vendors';

interface Entry {
  ua: string;
  source: string;
  vendor: string;
  model: string;
  firmware: string;
  mac: string | null;
}
const fixture = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/user-agents/user-agents.json'), 'utf8')) as { entries: Entry[] };
const entries = fixture.entries;

test('the fixture holds at least 80 distinct real User-Agents, each with its source', () => {
  assert.ok(entries.length >= 80, `${entries.length} entries`);
  assert.equal(new Set(entries.map((e) => e.ua)).size, entries.length, 'no duplicates');
  for (const e of entries) assert.match(e.source, /^\S+\/\S+ \S+/, `source of ${e.ua}: repository and path`);
  assert.deepEqual(
    [...new Set(entries.map((e) => e.vendor))].sort(),
    ['cisco', 'fanvil', 'grandstream', 'poly', 'snom', 'yealink'],
    'every vendor represented',
  );
});

test('every fixture User-Agent: vendor 100%, model ≥ 95%, MAC exact', () => {
  const wrongModel: string[] = [];
  for (const e of entries) {
    const p = parseUserAgent(e.ua);
    assert.ok(p, `not recognised: ${e.ua}`);
    assert.equal(p.vendor, e.vendor, e.ua);
    assert.equal(p.mac ?? null, e.mac, `MAC of ${e.ua}`);
    assert.equal(p.firmware, e.firmware, `firmware of ${e.ua}`);
    if (p.model !== e.model || !p.knownModel) wrongModel.push(`${e.ua} → ${p.model}`);
  }
  const rate = 1 - wrongModel.length / entries.length;
  assert.ok(rate >= 0.95, `model rate ${(rate * 100).toFixed(1)}%: ${wrongModel.join('; ')}`);
});

test('MACs are 12 lowercase hex digits; serial numbers in Cisco/Linksys User-Agents are never taken', () => {
  for (const e of entries) {
    const mac = parseUserAgent(e.ua)?.mac;
    if (mac !== undefined) assert.match(mac, /^[0-9a-f]{12}$/, e.ua);
  }
  // the one parenthesised group of a Linksys UA is the serial number, even when it looks hexadecimal
  assert.equal(parseUserAgent('Linksys/SPA-942-6.1.5(a) (88019FA42805)')?.mac, undefined);
  assert.equal(parseUserAgent('Cisco/SPA525G-7.4.7 (CBT141900G7)')?.mac, undefined);
  assert.equal(parseUserAgent('Cisco/SPA508G-7.4.4 (0002FDFF2103)(CBT141400UK)')?.mac, '0002fdff2103');
  assert.equal(parseUserAgent('Yealink-T46G 28.71.0.81 28.1.0.128.0.0.0')?.mac, undefined);
});

test('not a phone: undefined', () => {
  for (const ua of ['curl/8.0', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0', '', 'x'.repeat(10_000)])
    assert.equal(parseUserAgent(ua), undefined, ua);
});
