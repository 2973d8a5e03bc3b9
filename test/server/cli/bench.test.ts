// `bench add | import | export` through the CLI: the bench file keeps its comments and layout; a CSV with
// a bad row imports nothing and names each bad row; export lists identities, never passwords.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempExample } from '../../helpers/workspace';

test('bench add: the phone is on the bench (routes serve it), the rest of the file unchanged', async () => {
  const dir = tempExample();
  const before = readFileSync(join(dir, 'bench.yaml'), 'utf8');
  const r = await cli(['bench', 'add', '80:5E:C0:78:29:65', '--model', 'T46U', '--name', 'bench adopt', '--workspace', dir]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /added 80:5E:C0:78:29:65 to bench\.yaml/);
  const after = readFileSync(join(dir, 'bench.yaml'), 'utf8');
  const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
  assert.equal(added.length, 1);
  assert.equal(after.replace(`${added[0]}\n`, ''), before, 'comments and layout kept');
  const routes = await cli(['routes', '--workspace', dir]);
  assert.equal(routes.code, 0, routes.err);
  assert.match(routes.out, /bench adopt/);
  assert.ok(!readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temporary file left');
  const again = await cli(['bench', 'add', '805ec0782965', '--model', 'T46U', '--workspace', dir]);
  assert.equal(again.code, 1);
  assert.match(again.err, /805ec0782965 is already on the bench \(bench adopt\)/);
  assert.equal(readFileSync(join(dir, 'bench.yaml'), 'utf8'), after, 'a refused add changes nothing');
  const usage = await cli(['bench', 'frobnicate', '--workspace', dir]);
  assert.equal(usage.code, 2);
});

test('bench import: every bad row named with its line, nothing imported; a good file imports all rows', async () => {
  const dir = tempExample();
  const before = readFileSync(join(dir, 'bench.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'bad.csv'),
    'mac,vendor,model,name,ip\n0004f2aa0001,poly,VVX450,"Front, desk",192.0.2.10\nzz,yealink,T54W,x,\n0004f2aa0001,poly,VVX450,dup,\n805ec0aa0004,,Z99,nobody,\n',
  );
  const bad = await cli(['bench', 'import', join(dir, 'bad.csv'), '--workspace', dir]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /bad\.csv:3: 'zz' is not a MAC address/);
  assert.match(bad.err, /bad\.csv:4: 0004f2aa0001 is already on the bench \(Front, desk\)/);
  assert.match(bad.err, /bad\.csv:5: the vendor of model 'Z99' is not known/);
  assert.match(bad.err, /nothing imported \(3 bad rows\)/);
  assert.equal(readFileSync(join(dir, 'bench.yaml'), 'utf8'), before);
  writeFileSync(join(dir, 'good.csv'), '\uFEFFMAC,Model,Name\r\n0004f2aa0001,VVX450,"Front, desk"\r\n805ec0aa0002,T54W,"say ""hi"""\r\n');
  const good = await cli(['bench', 'import', 'good.csv', '--workspace', dir], dir);
  assert.equal(good.code, 0, good.err);
  assert.match(good.out, /imported 2 phones into bench\.yaml/);
  const exp = await cli(['bench', 'export', '--format', 'json', '--workspace', dir]);
  const rows = JSON.parse(exp.out) as { mac: string; vendor: string; model: string; name: string }[];
  assert.deepEqual(rows.slice(-2), [
    { mac: '0004f2aa0001', vendor: 'poly', model: 'VVX450', name: 'Front, desk', ip: '' },
    { mac: '805ec0aa0002', vendor: 'yealink', model: 'T54W', name: 'say "hi"', ip: '' },
  ]);
  const badHeader = await cli(['bench', 'import', 'good.csv', '--workspace', dir], dir);
  assert.equal(badHeader.code, 1, 'the same rows again: duplicates');
});

test('bench export: CSV round-trips through import; never a password', async () => {
  const dir = tempExample();
  const exp = await cli(['bench', 'export', '--workspace', dir]);
  assert.equal(exp.code, 0, exp.err);
  assert.match(exp.out, /^mac,vendor,model,name,ip\n/);
  const bench = readFileSync(join(dir, 'bench.yaml'), 'utf8');
  for (const pw of bench.matchAll(/password:\s*"?([^",}\n]+)/g)) assert.ok(!exp.out.includes(pw[1].trim()), 'no password exported');
  const other = tempExample();
  writeFileSync(join(other, 'bench.yaml'), 'pbx: { host: pbx.test }\n');
  writeFileSync(join(other, 'phones.csv'), exp.out);
  const imp = await cli(['bench', 'import', 'phones.csv', '--workspace', other], other);
  assert.equal(imp.code, 0, imp.err);
  const again = await cli(['bench', 'export', '--workspace', other]);
  assert.equal(again.out, exp.out);
});

test('bench export: a name a spreadsheet would run as a formula goes out behind a quote and imports back unchanged', async () => {
  const dir = tempExample();
  writeFileSync(
    join(dir, 'bench.yaml'),
    [
      'pbx: { host: pbx.test }',
      'phones:',
      '  - { mac: 805e0c000001, vendor: yealink, model: T54W, name: "=HYPERLINK(\\"http://x.test\\",\\"open\\")" }',
      '  - { mac: 805e0c000002, vendor: yealink, model: T54W, name: "-lobby" }',
      '  - { mac: 805e0c000003, vendor: yealink, model: T54W, name: "\'@desk" }',
      '  - { mac: 805e0c000004, vendor: yealink, model: T54W, name: "o\'brien" }',
      '',
    ].join('\n'),
  );
  const exp = await cli(['bench', 'export', '--workspace', dir]);
  assert.equal(exp.code, 0, exp.err);
  const names = exp.out.trim().split('\n').slice(1);
  assert.match(names[0], /,"'=HYPERLINK\(""http:\/\/x\.test"",""open""\)",$/);
  assert.match(names[1], /,'-lobby,$/);
  assert.match(names[2], /,''@desk,$/); // a name that itself starts with the quote keeps it
  assert.match(names[3], /,o'brien,$/);
  for (const line of names) assert.doesNotMatch(line.split(',')[3] ?? '', /^"?[=+\-@]/, line);
  const other = tempExample();
  writeFileSync(join(other, 'bench.yaml'), 'pbx: { host: pbx.test }\n');
  writeFileSync(join(other, 'phones.csv'), exp.out);
  const imp = await cli(['bench', 'import', 'phones.csv', '--workspace', other], other);
  assert.equal(imp.code, 0, imp.err);
  const again = await cli(['bench', 'export', '--format', 'json', '--workspace', other]);
  assert.deepEqual(
    (JSON.parse(again.out) as { name: string }[]).map((p) => p.name),
    ['=HYPERLINK("http://x.test","open")', '-lobby', "'@desk", "o'brien"],
  );
});
