import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docOf, EXAMPLE_MAC_CFG, service } from './helpers';

test('render from the unsaved buffer, version echoed; unknown phone is an error', () => {
  const ls = service();
  const doc = docOf(EXAMPLE_MAC_CFG.replace('##', '## edited'), undefined, 7);
  const r = ls.render(doc, { uri: doc.uri, version: 7, phone: '80:5e:0c:11:22:33' });
  assert.equal(r.version, 7);
  assert.equal(r.fileName, '805e0c112233.cfg');
  assert.match(r.text, /## edited reception/);
  assert.match(r.text, /account\.2\.user_name = 600/);
  assert.equal(r.escape, 'none');
  assert.match(ls.render(doc, { uri: doc.uri, version: 7, phone: 'nobody' }).errors[0], /no bench phone 'nobody'/);
});

test('listPhones (all or served by a template) and listRoutes', () => {
  const ls = service();
  assert.deepEqual(
    ls.listPhones({}).map((p) => p.name),
    ['reception', 'alice'],
  );
  assert.deepEqual(
    ls.listPhones({ uri: 'file:///ws/templates/yealink/mac.cfg.hbs' }).map((p) => p.name),
    ['reception', 'alice'],
  );
  const routes = ls.listRoutes({ phone: 'alice' });
  assert.ok(routes.some((r) => r.path === '/001565f429a4.cfg' && r.template === 'templates/yealink/mac.cfg.hbs' && r.status === 'ok'));
  assert.ok(routes.some((r) => !r.template && /no template/.test(r.status)));
});
