// The extension manifest and its static contributions: files exist, JSON parses, grammar regexes
// compile, every contributed command is registered by the client and vice versa.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const c = pkg.contributes;
const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

test('languages: ids, compound extensions, language configurations', () => {
  const langs = Object.fromEntries(c.languages.map((l: { id: string; extensions: string[] }) => [l.id, l.extensions]));
  assert.deepEqual(langs, { 'provisioning-cfg-hbs': ['.cfg.hbs', '.boot.hbs'], 'provisioning-xml-hbs': ['.xml.hbs'] });
  for (const l of c.languages) {
    const conf = json(l.configuration);
    assert.ok(conf.brackets.some(([o, e]: string[]) => o === '{{' && e === '}}'), `${l.id}: {{ }} bracket pair`);
    assert.ok(conf.autoClosingPairs.length > 0);
  }
  for (const id of Object.keys(langs)) assert.ok(pkg.activationEvents.includes(`onLanguage:${id}`));
  assert.ok(pkg.activationEvents.includes('workspaceContains:bench.yaml'));
});

/** Every begin/end/match regex of a grammar, with its location. */
function regexes(node: unknown, where: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(node)) node.forEach((n, i) => regexes(n, `${where}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'begin' || k === 'end' || k === 'match') && typeof v === 'string') out.push([`${where}.${k}`, v]);
      else regexes(v, `${where}.${k}`, out);
    }
  }
  return out;
}

test('grammars: wrappers per host format plus the {{…}} injection', () => {
  const byScope = Object.fromEntries(c.grammars.map((g: { scopeName: string }) => [g.scopeName, g]));
  assert.equal(byScope['source.ini.provisioning-hbs'].language, 'provisioning-cfg-hbs');
  assert.equal(byScope['text.xml.provisioning-hbs'].language, 'provisioning-xml-hbs');
  assert.deepEqual(byScope['hbs.injection'].injectTo.sort(), ['source.ini.provisioning-hbs', 'text.xml.provisioning-hbs']);
  const ini = json(byScope['source.ini.provisioning-hbs'].path);
  assert.ok(ini.patterns.some((p: { include?: string }) => p.include === 'source.ini'));
  const xml = json(byScope['text.xml.provisioning-hbs'].path);
  assert.ok(xml.patterns.some((p: { include?: string }) => p.include === 'text.xml'));
  const inj = json(byScope['hbs.injection'].path);
  assert.equal(inj.scopeName, 'hbs.injection');
  for (const sel of inj.injectionSelector.split(',')) assert.match(sel.trim(), /^L:(source\.ini|text\.xml)\.provisioning-hbs\b/);
  assert.match(JSON.stringify(inj), /meta\.embedded\.block\.handlebars\.provisioning/);
  for (const g of c.grammars) {
    for (const [where, re] of regexes(json(g.path), g.scopeName)) {
      // Oniguruma syntax is close to JS for these patterns; a JS compile catches typos and bad escapes
      assert.doesNotThrow(() => new RegExp(re), `${where}: ${re}`);
    }
  }
});

test('the injection mustache rule matches mustaches in XML attribute values', () => {
  const inj = json('syntaxes/hbs.injection.json');
  const begin = new RegExp(inj.repository.expression.begin);
  const line = '<reg reg.1.address="{{extension}}"/>';
  const m = begin.exec(line);
  assert.ok(m && line.slice(m.index).startsWith('{{extension'), 'expression begin found inside the attribute string');
  const block = new RegExp(inj.repository.block.begin);
  assert.deepEqual([...block.exec('{{else if (eq a "b")}}')!].slice(2), ['else', 'if']);
  assert.deepEqual([...block.exec('{{#each lines}}')!].slice(2), ['#', 'each']);
});

test('snippets, schema and icon ship', () => {
  for (const s of c.snippets) {
    const snippets = json(s.path);
    for (const name of ['Each line', 'Each BLF key', 'If / else', 'Partial']) assert.ok(snippets[name], `snippet ${name}`);
  }
  assert.equal(c.yamlValidation[0].url, './schemas/bench.schema.json');
  assert.deepEqual(json('schemas/bench.schema.json'), json('server/src/core/bench/bench.schema.json'), 'schemas/ copy is up to date (npm run build)');
  assert.ok(existsSync(join(ROOT, pkg.icon)));
  assert.ok(existsSync(join(ROOT, 'templates')) && existsSync(join(ROOT, 'bench.yaml')), 'starter project for New Template Project');
});

test('every contributed command is registered by the client, and every registered one contributed', () => {
  const src = readdirSync(join(ROOT, 'client/src'), { recursive: true }).filter((f) => String(f).endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'client/src', String(f)), 'utf8')).join('\n');
  const registered = [...src.matchAll(/command\('([\w.]+)'/g)].map((m) => `provisioningStudio.${m[1]}`).sort();
  const contributed = c.commands.map((x: { command: string }) => x.command).sort();
  assert.deepEqual(registered, contributed);
  const titles = c.commands.filter((x: { command: string }) => !x.command.includes('.bench.')).map((x: { category: string; title: string }) => `${x.category}: ${x.title}`);
  for (const t of ['Preview Config', 'Select Phone', 'Compare Phones', 'Show Routes', 'Start Dev Server', 'Stop Dev Server', 'Reprovision Phone', 'Reprovision All', 'Show Request Log', 'New Template Project']) {
    assert.ok(titles.includes(`Provisioning: ${t}`), t);
  }
  for (const k of Object.keys(c.configuration.properties)) assert.match(k, /^provisioningStudio\./);
});
