import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docOf, EXAMPLE_MAC_CFG, service } from './helpers';

const hl = (doc: ReturnType<typeof docOf>, r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  doc.getText(r);

test('unknown key: warning on the key with a suggestion, code and source', () => {
  const ls = service();
  const doc = docOf(EXAMPLE_MAC_CFG + 'acount.1.label = x\n');
  const d = ls.doValidation(doc).find((x) => x.code === 'unknown-key')!;
  assert.ok(d);
  assert.equal(hl(doc, d.range), 'acount.1.label');
  assert.equal(d.source, 'provisioning');
  assert.deepEqual((d.data as { suggestions: string[] }).suggestions[0], 'account.1.label');
});

test('syntax error with an exact range; unknown path and helper with suggestions', () => {
  const ls = service();
  const doc = docOf('#!version:1.0.0.1\naccount.1.user_name = {{phone.name}\n');
  const [d] = ls.doValidation(doc);
  assert.equal(d.code, 'hbs-syntax');
  assert.deepEqual(d.range.start, { line: 1, character: 34 });
  const doc2 = docOf('#!version:1.0.0.1\n## {{phone.nmae}} {{uper phone.name}}\n');
  const ds = ls.doValidation(doc2);
  const p = ds.find((x) => x.code === 'unknown-path')!;
  assert.equal(hl(doc2, p.range), 'phone.nmae');
  assert.deepEqual((p.data as { suggestions: string[] }).suggestions, ['phone.name']);
  const h = ds.find((x) => x.code === 'unknown-helper')!;
  assert.equal(hl(doc2, h.range), 'uper');
});

test('unclosed block points at the opening tag with the end of file as related information', () => {
  const ls = service();
  const doc = docOf('#!version:1.0.0.1\n{{#each lines}}\nx = 1\n');
  const [d] = ls.doValidation(doc);
  assert.equal(d.code, 'hbs-unclosed-block');
  assert.equal(hl(doc, d.range), '{{#each lines}}');
  assert.ok(d.relatedInformation?.length);
});

test('missing header is reported (and has a fix, see codeActions)', () => {
  const ls = service();
  const d = ls.doValidation(docOf('account.1.enable = 1\n')).find((x) => x.code === 'missing-header');
  assert.ok(d);
});

test('a problem in a partial: at the call site in the template, and on the partial document', () => {
  const ls = service({ 'templates/yealink/partials/account.cfg.hbs': 'account.{{index}}.lable = {{label}}\n' });
  const doc = docOf(EXAMPLE_MAC_CFG);
  const d = ls.doValidation(doc).find((x) => x.code === 'unknown-key')!;
  assert.equal(hl(doc, d.range), '{{> account index=(inc @index)}}');
  assert.match(d.message, /in partial account\.cfg\.hbs/);
  assert.equal(d.relatedInformation![0].location.uri, 'file:///ws/templates/yealink/partials/account.cfg.hbs');
  const pdoc = docOf('account.{{index}}.lable = {{label}}\n', 'templates/yealink/partials/account.cfg.hbs');
  const pd = ls.doValidation(pdoc).find((x) => x.code === 'unknown-key')!;
  assert.equal(hl(pdoc, pd.range), 'account.{{index}}.lable');
});

test('bench.yaml problems, with suggestions', () => {
  const ls = service();
  const doc = docOf('pbx: { host: p, port: 5060, transport: udp }\nphonez: []\n', 'bench.yaml');
  const d = ls.doValidation(doc).find((x) => x.code === 'bench-unknown-property')!;
  assert.equal(hl(doc, d.range), 'phonez');
  assert.deepEqual((d.data as { suggestions: string[] }).suggestions, ['phones']);
});

test('representative strategy renders one phone per model; all renders every phone', () => {
  const bench = `pbx: { host: p, port: 5060, transport: udp }\nphones:\n${Array.from(
    { length: 6 },
    (_, i) =>
      `  - { mac: "00156500000${i}", vendor: yealink, model: ${i % 2 ? 'T46S' : 'T54W'}, name: p${i}, lines: [{ extension: "1${i}" }] }`,
  ).join('\n')}\n`;
  const ls = service({ 'bench.yaml': bench });
  const doc = docOf(EXAMPLE_MAC_CFG);
  const fast = ls.validate(doc, { phones: 'representative' });
  assert.equal(fast.rendered, 2);
  assert.equal(fast.served, 6);
  assert.equal(ls.validate(doc, { phones: 'all' }).rendered, 6);
});

test('a template no phone serves is still output-checked with a phone of its vendor', () => {
  const ls = service();
  const d = ls.doValidation(docOf('#!version:1.0.0.1\nacount.1.label = x\n', 'templates/yealink/extra.cfg.hbs'));
  assert.ok(
    d.some((x) => x.code === 'unknown-key'),
    JSON.stringify(d),
  );
});

test('key-overridden: on the full pass, the common-file line a per-phone file sets again; not while typing', () => {
  const common = '#!version:1.0.0.1\nlang.gui = English\nlocal_time.ntp_server1 = pool.ntp.org\n';
  const ls = service({
    'templates/yealink/common.cfg.hbs': common,
    'templates/yealink/mac.cfg.hbs': `${EXAMPLE_MAC_CFG}lang.gui = French\n`,
  });
  const doc = docOf(common, 'templates/yealink/common.cfg.hbs');
  const full = ls.validate(doc, { phones: 'all' }).diagnostics.filter((d) => d.code === 'key-overridden');
  assert.equal(full.length, 1, JSON.stringify(full));
  assert.equal(hl(doc, full[0].range).split(' ')[0], 'lang.gui');
  assert.equal(full[0].severity, 3); // information
  assert.match(full[0].message, /'lang\.gui' = 'English' never takes effect for this phone: .*sets it to 'French'/);
  assert.deepEqual(
    ls.validate(doc, { phones: 'representative' }).diagnostics.filter((d) => d.code === 'key-overridden'),
    [],
  );
});
