import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchRoutes, parseUserAgent, PROFILES, routePath, findModel } from '../../../../server/src/core/vendors';
import { memoryWorkspace } from '../../../helpers/workspace';

test('User-Agents of every vendor parse into vendor, model, firmware and MAC', () => {
  const cases: [string, string, string, string | undefined, string | undefined][] = [
    ['Yealink SIP-T46S 66.86.0.15 80:5e:0c:11:22:33', 'yealink', 'T46S', '66.86.0.15', '805e0c112233'],
    ['Yealink SIP-T56A 58.80.0.25 001565f429a4', 'yealink', 'T56A', '58.80.0.25', '001565f429a4'],
    ['Yealink SIP-T54W 96.86.0.70', 'yealink', 'T54W', '96.86.0.70', undefined],
    ['FileTransport PolycomVVX-VVX_400-UA/5.4.3.1014 Type/Application', 'poly', 'VVX400', '5.4.3.1014', undefined],
    ['Cisco/SPA508G-7.4.4 (0002FDFF2103)(CBT141400UK)', 'cisco', 'SPA508G', '7.4.4', '0002fdff2103'],
    ['Linksys/SPA-942-6.1.5(a) (88019FA42805)', 'cisco', 'SPA942', '6.1.5(a)', undefined],
    ['Cisco-CP-8841-3PCC/11.0 (00562b043615)', 'cisco', 'CP-8841-3PCC', '11.0', '00562b043615'],
    ['Grandstream Model HW GXP2170 SW 1.0.9.135 DevId 000b82aabbcc', 'grandstream', 'GXP2170', '1.0.9.135', '000b82aabbcc'],
    ['Mozilla/4.0 (compatible; snomD785-SIP 10.1.33.33 1.1.3-u OpenSSL/1.1.1 000413AABBCC)', 'snom', 'D785', '10.1.33.33', '000413aabbcc'],
    ['Fanvil X5U-V2 2.12.16.17 0c383e557eb1', 'fanvil', 'X5U', '2.12.16.17', '0c383e557eb1'],
  ];
  for (const [ua, vendor, model, fw, mac] of cases) {
    const p = parseUserAgent(ua);
    assert.ok(p, ua);
    assert.deepEqual([p.vendor, p.model, p.firmware, p.mac], [vendor, model, fw, mac], ua);
  }
  assert.equal(parseUserAgent('curl/8.0'), undefined);
  assert.equal(parseUserAgent('x'.repeat(10_000)), undefined);
});

test('every profile: each route path a phone requests resolves back to that route', () => {
  for (const profile of Object.values(PROFILES)) {
    for (const model of profile.models) {
      const phone = { mac: '0123456789ab', model: model.id };
      for (const route of profile.routes) {
        const path = routePath(profile, route, phone);
        if (!path) continue;
        const m = matchRoutes(path).find((x) => x.profile === profile && x.route === route);
        assert.ok(m, `${profile.id} ${model.id} ${path}`);
        if (route.path.includes('{mac}') || route.path.includes('{MAC}')) assert.equal(m.mac, '0123456789ab');
        if (route.path.includes('{fileId}') || route.path.includes('{model}'))
          assert.ok(
            m.models?.some((x) => x.id === model.id),
            path,
          );
        assert.equal(findModel(profile, model.id), model);
      }
    }
  }
});

test('vendor file names: Yealink common file number, Cisco PSN, Snom uppercase MAC, Grandstream model', () => {
  const y = PROFILES.yealink;
  assert.equal(routePath(y, y.routes[1], { mac: '805e0c112233', model: 'T54W' }), 'y000000000096.cfg');
  assert.equal(routePath(PROFILES.cisco, PROFILES.cisco.routes[0], { mac: '00562b043615', model: 'CP-8841-3PCC' }), '8841-3PCC.xml');
  assert.equal(routePath(PROFILES.snom, PROFILES.snom.routes[1], { mac: '000413aabbcc', model: 'D785' }), 'snomd785-000413AABBCC.htm');
  assert.equal(
    routePath(PROFILES.grandstream, PROFILES.grandstream.routes[1], { mac: '000b82aabbcc', model: 'GRP2614' }),
    'cfggrp2614.xml',
  );
  assert.ok(
    matchRoutes('805E0C112233.CFG').some((m) => m.profile.id === 'yealink' && m.mac === '805e0c112233'),
    'case-insensitive',
  );
});

test('resolveRequest is explicit: MAC in path, then UA MAC, then client IP, else 404 with a reason', () => {
  const ws = memoryWorkspace({
    'bench.yaml':
      'phones:\n  - { mac: 805e0c112233, vendor: yealink, model: T54W, name: a, ip: 127.0.0.5 }\n  - { mac: 805e0c445566, vendor: yealink, model: T54W, name: b }\n',
    'templates/yealink/mac.cfg.hbs': 'x',
    'templates/yealink/common.cfg.hbs': 'y',
  });
  const byPath = ws.resolveRequest('805e0c445566.cfg');
  assert.ok(byPath.ok && byPath.phone.name === 'b' && byPath.reason === 'MAC in the path');
  const byUa = ws.resolveRequest('y000000000096.cfg', { userAgent: 'Yealink SIP-T54W 96.86.0.70 80:5e:0c:44:55:66' });
  assert.ok(byUa.ok && byUa.phone.name === 'b' && byUa.reason === 'MAC in the User-Agent');
  const byIp = ws.resolveRequest('y000000000096.cfg', { ip: '127.0.0.5' });
  assert.ok(byIp.ok && byIp.phone.name === 'a' && byIp.reason === 'client IP in the bench');
  const unknown = ws.resolveRequest('805e0c999999.cfg');
  assert.ok(!unknown.ok && unknown.status === 404 && unknown.reason === 'unknown MAC');
  const noTemplate = ws.resolveRequest('805e0c112233.boot');
  assert.ok(!noTemplate.ok && noTemplate.reason === 'no template for this file');
  assert.deepEqual(noTemplate.tried, ['templates/yealink/T54W/mac.boot.hbs', 'templates/yealink/mac.boot.hbs']);
  assert.ok(!ws.resolveRequest('../../etc/passwd').ok);
});

test('a per-model template overrides the vendor template', () => {
  const ws = memoryWorkspace({
    'bench.yaml':
      'phones:\n  - { mac: 805e0c112233, vendor: yealink, model: T54W }\n  - { mac: 805e0c445566, vendor: yealink, model: T46S }\n',
    'templates/yealink/mac.cfg.hbs': 'generic',
    'templates/yealink/T54W/mac.cfg.hbs': 'special',
  });
  const a = ws.resolveRequest('805e0c112233.cfg');
  const b = ws.resolveRequest('805e0c445566.cfg');
  assert.ok(a.ok && a.template === 'templates/yealink/T54W/mac.cfg.hbs');
  assert.ok(b.ok && b.template === 'templates/yealink/mac.cfg.hbs');
});
