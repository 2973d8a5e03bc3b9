import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBody, walkRefs } from '../../../../server/src/core/threecx/body';
import { parseEnvelope } from '../../../../server/src/core/threecx/envelope';
import { BODY_BOOT, BODY_CFG, TEMPLATE, TPL } from './fixture';

test('envelope: models, NOTIFY events, networks, option lists, blftype, deviceconfigs with exact body offsets', () => {
  const r = parseEnvelope(TPL, TEMPLATE);
  assert.ok(r.ok);
  const t = r.template;
  assert.equal(t.type, 'phone-template');
  assert.deepEqual(
    t.models.map((m) => [m.ua, m.label]),
    [
      ['Yealink SIP-T54W', 'Yealink T54W'],
      ['Yealink SIP-T57W', 'Yealink T57W'],
    ],
  );
  assert.equal(TEMPLATE.slice(t.models[1].start, t.models[1].end), '<model ua="Yealink SIP-T57W">Yealink T57W</model>');
  assert.deepEqual(t.events, { reboot: 'check-sync;reboot=true;3cx', resync: 'check-sync;3cx', firmware: undefined });
  assert.deepEqual(t.networks, ['LOCALLAN', 'SBC']);
  assert.deepEqual(
    t.optionLists.map((l) => [l.list, l.options.map((o) => o.label), l.defaultIndex]),
    [
      ['languages', ['English', 'German'], 0],
      ['backlight', ['1 minute', 'Always on'], 0],
    ],
  );
  assert.equal(t.declared.get('language')?.defaultValue, 'English');
  assert.equal(t.declared.get('backlighttime')?.defaultValue, '60');
  assert.deepEqual([...t.blfTypes.keys()], ['extension', 'speeddial']);
  assert.equal(t.blfTypes.get('extension')?.fields.get('Value')?.text, '%%blfno%%');
  assert.deepEqual(
    t.configs.map((c) => c.filename),
    ['%%mac_address%%.boot', '%%mac_address%%.cfg'],
  );
  assert.equal(TEMPLATE.slice(t.configs[0].bodyStart, t.configs[0].bodyEnd), BODY_BOOT);
  assert.equal(TEMPLATE.slice(t.configs[1].bodyStart, t.configs[1].bodyEnd), BODY_CFG);
  assert.deepEqual(t.problems, []);
});

test('envelope: a malformed envelope is one located error', () => {
  const bad = TEMPLATE.replace('<name>Mini</name>', '<name>Mini</nam>');
  const r = parseEnvelope(TPL, bad);
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'threecx-xml');
  assert.equal(
    r.error.range.start.line,
    bad.split('\n').findIndex((l) => l.includes('</nam>')),
  );
  assert.match(r.error.message, /not well-formed XML/);
});

test('body: nested {IF}/{ELSE}/{ENDIF}, variables with absolute offsets, an unclosed {IF} located on its line', () => {
  const text = `xx<![CDATA[a=%%extension_number%%\n{IF ua=A,B}\n{IF blf2}\nk=%%Value%%\n{ELSE}\nk=0\n{ENDIF}\n{ENDIF}\n]]>`;
  const start = text.indexOf('a=');
  const body = parseBody(text, start, text.indexOf(']]>'));
  assert.deepEqual(body.errors, []);
  assert.equal(body.nodes.length, 2);
  const outer = body.nodes[1];
  assert.ok(outer.kind === 'if' && outer.cond.kind === 'ua');
  assert.deepEqual(outer.cond, { kind: 'ua', values: ['A', 'B'] });
  const inner = outer.then[0];
  assert.ok(inner.kind === 'if' && inner.cond.kind === 'blf' && inner.cond.n === 2 && inner.else?.length === 1);
  const refs: [string, number | undefined, string][] = [];
  walkRefs(body.nodes, (r, blf) => refs.push([r.name, blf, text.slice(r.start, r.end)]));
  assert.deepEqual(refs, [
    ['extension_number', undefined, '%%extension_number%%'],
    ['Value', 2, '%%Value%%'],
  ]);

  const open = `{IF network=SBC}\nx\n{IF blf1}\ny\n{ENDIF}\n`;
  const r = parseBody(open, 0, open.length);
  assert.equal(r.errors.length, 1);
  assert.equal(r.errors[0].code, 'threecx-unclosed-if');
  assert.equal(open.slice(r.errors[0].start, r.errors[0].end), '{IF network=SBC}');
  const stray = parseBody('{ELSE}\n{ENDIF}\n', 0, 14);
  assert.deepEqual(
    stray.errors.map((e) => e.message),
    ['{ELSE} without an open {IF}', '{ENDIF} without an open {IF}'],
  );
});
