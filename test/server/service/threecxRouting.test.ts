import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threeCxDialect } from '../../../server/src/core/threecx/dialect';
import { handlebarsDialect } from '../../../server/src/core/dialect';
import { at3cx, service3cx, TPL, TPL_PATH } from './threecxFixture';

test('routing key: a 3CX template routes by its models and deviceconfig names; Handlebars by file names only', () => {
  const key = threeCxDialect.routingKey!(TPL);
  assert.match(key, /<deviceconfig filename="%%mac_address%%\.cfg">/);
  assert.match(key, /<model /);
  assert.equal(threeCxDialect.routingKey!(TPL.replace('<version>1</version>', '<version>2</version>')), key);
  assert.equal(handlebarsDialect.routingKey, undefined);
});

test('editing a deviceconfig file name in the buffer re-routes the phones it serves', () => {
  const ls = service3cx();
  ls.validate(at3cx(TPL).doc);
  const before = ls.context.served(TPL_PATH).map((r) => r.path);
  assert.ok(before.length && before.every((p) => p.endsWith('.cfg')), before.join());
  // an edit that leaves routing alone keeps the routes
  ls.validate(at3cx(TPL.replace('<version>1</version>', '<version>2</version>'), TPL_PATH, 2).doc);
  assert.deepEqual(
    ls.context.served(TPL_PATH).map((r) => r.path),
    before,
  );
  ls.validate(at3cx(TPL.replace('filename="%%mac_address%%.cfg"', 'filename="%%mac_address%%.conf"'), TPL_PATH, 3).doc);
  assert.deepEqual(
    ls.context.served(TPL_PATH).map((r) => r.path),
    before.map((p) => p.replace(/\.cfg$/, '.conf')),
  );
});
