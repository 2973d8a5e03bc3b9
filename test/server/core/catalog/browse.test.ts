import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatCatalog } from '../../../../server/src/core/catalog/browse';
import type { KeyCatalog } from '../../../../server/src/core/catalog/types';
import { repoRoot } from './helpers';

const y = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/catalogs/yealink-mini.json'), 'utf8')) as KeyCatalog;

test('formatCatalog: every key with type, range/enum, default and description, aligned', () => {
  const out = formatCatalog(y);
  assert.match(out, /^yealink: 18 of 18 keys/);
  const line = out.split('\n').find((l) => l.startsWith('account.{account}.sip_server.{server}.port'))!;
  assert.match(line, /port\s+0–65535\s+default 5060/);
  assert.match(out, /values: 0 = N\/A \| 15 = Line \| 16 = BLF/);
  assert.match(out, /deprecated: renamed/);
  assert.match(out, /\{account\}\s+1–16\s+SIP account\s+\(T41S: 6/);
  const typeCols = out
    .split('\n')
    .filter((l) => /^\S/.test(l) && / (bool|string|int|enum) /.test(l))
    .map((l) => l.search(/ (bool|string|int|enum|password|host|port|url|ip|list)\b/));
  assert.equal(new Set(typeCols).size, 1, 'type column aligned');
});

test('formatCatalog filters by substring, glob and concrete key', () => {
  assert.match(formatCatalog(y, 'time_zone'), /^yealink: 1 of 18/);
  assert.match(formatCatalog(y, 'account.*.label'), /^yealink: 1 of 18/);
  assert.match(formatCatalog(y, 'account.3.label'), /account\.\{account\}\.label/);
  assert.match(formatCatalog(y, 'NTP'), /ntp_server1/);
  assert.match(formatCatalog(y, 'static.*'), /^yealink: 2 of 18/);
  assert.match(formatCatalog(y, 'zzz'), /0 of 18/);
});
