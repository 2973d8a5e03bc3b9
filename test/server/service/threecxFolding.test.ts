import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at3cx, lineOf, service3cx, TPL, withBody } from './threecxFixture';

test('folding: {IF}…{ELSE}…{ENDIF} branches, deviceconfig blocks and XML elements', () => {
  const ls = service3cx();
  const text = withBody('{IF ua=Yealink SIP-T57W}\n{IF network=SBC}\na = 1\n{ENDIF}\n{ENDIF}\n');
  const { doc } = at3cx(text);
  const folds = ls.getFoldingRanges(doc).map((f) => `${f.startLine}-${f.endLine}`);
  const sbc = lineOf(text, '{IF network=SBC}\naccount');
  const els = lineOf(text.slice(0), '{ELSE}\naccount.1.sip_server.1.address = %%pbx_ip%%');
  assert.ok(folds.includes(`${sbc}-${els - 1}`), 'then branch');
  const end = lineOf(text, '{ENDIF}\n{IF network=REMOTESTUN}');
  assert.ok(folds.includes(`${els}-${end - 1}`), 'else branch');
  const outer = lineOf(text, '{IF ua=Yealink SIP-T57W}\n{IF');
  assert.ok(folds.includes(`${outer}-${outer + 3}`), 'nested: the outer block');
  assert.ok(folds.includes(`${outer + 1}-${outer + 2}`), 'nested: the inner block');
  const dc = lineOf(text, '<deviceconfig');
  assert.ok(
    folds.some((f) => f.startsWith(`${dc}-`)),
    'the deviceconfig',
  );
  const models = lineOf(TPL, '<models>');
  assert.ok(folds.includes(`${models}-${lineOf(TPL, '</models>') - 1}`), '<models>');
});

test('an unclosed {IF} does not fold; the rest still does', () => {
  const ls = service3cx();
  const text = withBody('{IF blf12}\nlinekey.12.type = %%Type%%\n');
  const folds = ls.getFoldingRanges(at3cx(text).doc);
  const open = lineOf(text, '{IF blf12}');
  assert.ok(!folds.some((f) => f.startLine === open));
  assert.ok(folds.length > 10);
});
