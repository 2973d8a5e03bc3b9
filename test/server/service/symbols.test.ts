import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docOf, EXAMPLE_MAC_CFG, service } from './helpers';

test('outline: blocks, partial calls nested in them, key groups', () => {
  const ls = service();
  const syms = ls.findDocumentSymbols(docOf(EXAMPLE_MAC_CFG + 'local_time.ntp_server1 = x\nlocal_time.time_zone = +1\n'));
  const names = (s: typeof syms): string[] => s.flatMap((x) => [x.name, ...names(x.children ?? []).map((n) => `  ${n}`)]);
  const flat = names(syms);
  assert.ok(flat.includes('#each lines'));
  assert.ok(flat.includes('  > account'));
  assert.ok(flat.includes('  linekey'), flat.join('\n'));
  assert.ok(flat.includes('local_time'));
  assert.ok(flat.includes('  local_time.ntp_server1'));
});
