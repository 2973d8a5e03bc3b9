// `check` on key functions and expansion modules in the bench file: located in bench.yaml, an unknown module an
// error (exit 1), a function the vendor has no code for and a module the model does not take warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../../helpers/workspace';

test('check: key-type-unsupported, keys-over-capacity and bench-unknown-module at their bench lines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-check-keys-'));
  try {
    writeFileSync(
      join(dir, 'bench.yaml'),
      [
        'pbx: { host: pbx.test }',
        'phones:',
        '  - mac: 00562b000001',
        '    vendor: cisco',
        '    model: CP-8841-3PCC',
        '    keys: [{ type: record, value: "1" }]',
        '  - mac: 805e0c000002',
        '    vendor: yealink',
        '    model: T54W',
        '    modules: [{ type: EXP99 }, { type: EXP40 }, { type: exp50 }]',
        '',
      ].join('\n'),
    );
    const r = await cli(['check', '--workspace', dir]);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.out, /^bench\.yaml:6:\d+ warning key-type-unsupported phones\.0\.keys\.0: Cisco .*no key code for 'record'/m);
    assert.match(
      r.out,
      /^bench\.yaml:10:\d+ error bench-unknown-module phones\.1\.modules\.0\.type: unknown Yealink expansion module 'EXP99'/m,
    );
    assert.match(r.out, /^bench\.yaml:10:\d+ warning keys-over-capacity phones\.1\.modules\.1: T54W does not take a EXP40/m);
    assert.doesNotMatch(r.out, /modules\.2/, 'exp50 (any case) is a module the T54W takes');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
