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
  const hbs = c.languages.filter((l: { id: string }) => l.id !== 'provisioning-3cx');
  const langs = Object.fromEntries(hbs.map((l: { id: string; extensions: string[] }) => [l.id, l.extensions]));
  assert.deepEqual(langs, { 'provisioning-cfg-hbs': ['.cfg.hbs', '.boot.hbs'], 'provisioning-xml-hbs': ['.xml.hbs'] });
  for (const l of hbs) {
    const conf = json(l.configuration);
    assert.ok(
      conf.brackets.some(([o, e]: string[]) => o === '{{' && e === '}}'),
      `${l.id}: {{ }} bracket pair`,
    );
    assert.ok(conf.autoClosingPairs.length > 0);
  }
  for (const l of c.languages) assert.ok(pkg.activationEvents.includes(`onLanguage:${l.id}`), l.id);
  assert.ok(pkg.activationEvents.includes('workspaceContains:bench.yaml'));
});

test('3CX phone templates: language by file name pattern, configuration, client selector and watcher', () => {
  const l = c.languages.find((x: { id: string }) => x.id === 'provisioning-3cx');
  assert.ok(l, 'provisioning-3cx language');
  assert.ok(l.aliases.includes('3CX Phone Template'));
  // filenamePatterns, not extensions: a plain .xml file stays XML
  assert.deepEqual(l.filenamePatterns, ['*.ph.xml', '*.fxs.xml']);
  assert.equal(l.extensions, undefined);
  const conf = json(l.configuration);
  assert.deepEqual(conf.comments.blockComment, ['<!--', '-->']);
  assert.ok(conf.brackets.some(([o, e]: string[]) => o === '{' && e === '}'));
  const closes = Object.fromEntries(conf.autoClosingPairs.map((p: { open: string; close: string }) => [p.open, p.close]));
  assert.equal(closes['%%'], '%%');
  assert.equal(closes['{'], '}');
  assert.equal(closes['<!--'], ' -->');
  assert.match('{IF blf1}', new RegExp(conf.folding.markers.start));
  assert.match('{ENDIF}', new RegExp(conf.folding.markers.end));
  // the language id the server recognises
  const context = readFileSync(join(ROOT, 'server/src/service/context.ts'), 'utf8');
  assert.match(context, /THREECX_LANGUAGE_ID = 'provisioning-3cx'/);
  // client: document selector languages and the file watcher
  const config = readFileSync(join(ROOT, 'client/src/config.ts'), 'utf8');
  assert.match(config, /THREECX_LANGUAGE = 'provisioning-3cx'/);
  assert.match(config, /LANGUAGES = \[[^\]]*THREECX_LANGUAGE\]/);
  assert.ok(config.includes("'**/*.{ph,fxs}.xml'"), 'file watcher for 3CX templates');
  // menus: Preview Config on the editor title of 3CX templates; palette entries enabled there too
  const titleWhen = c.menus['editor/title'].find((m: { command: string }) => m.command === 'provisioningStudio.previewConfig').when;
  for (const cmd of ['provisioningStudio.previewConfig', 'provisioningStudio.comparePhones']) {
    const when = c.menus.commandPalette.find((m: { command: string }) => m.command === cmd).when;
    for (const w of [titleWhen, when]) {
      const re = new RegExp(/editorLangId =~ \/(.*)\/$/.exec(w.split(' || ')[0])![1]);
      for (const id of ['provisioning-cfg-hbs', 'provisioning-xml-hbs', 'provisioning-3cx']) assert.match(id, re, `${cmd}: ${w}`);
      assert.doesNotMatch('xml', re);
    }
  }
  // snippets
  const s = c.snippets.find((x: { language: string }) => x.language === 'provisioning-3cx');
  const snippets = json(s.path);
  for (const name of ['IF BLF key', 'IF model (ua)', 'Device config']) assert.ok(snippets[name], `snippet ${name}`);
  assert.match(snippets['IF BLF key'].body[0], /^\{IF blf\$\{1:1\}\}$/);
  assert.match(snippets['IF model (ua)'].body[0], /^\{IF ua=/);
  assert.match(
    snippets['Device config'].body.join('\n'),
    /<deviceconfig filename="[^"]*%%mac_address%%[^"]*"><!\[CDATA\[[\s\S]*\]\]><\/deviceconfig>/,
  );
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

test('3CX grammar: text.xml wrapper plus the %%variable%% / {IF} injection', () => {
  const byScope = Object.fromEntries(c.grammars.map((g: { scopeName: string }) => [g.scopeName, g]));
  const g = byScope['text.xml.provisioning-3cx'];
  assert.equal(g.language, 'provisioning-3cx');
  const grammar = json(g.path);
  assert.equal(grammar.scopeName, 'text.xml.provisioning-3cx');
  assert.ok(grammar.patterns.some((p: { include?: string }) => p.include === 'text.xml'));
  const inj = json(byScope['threecx.injection'].path);
  assert.deepEqual(byScope['threecx.injection'].injectTo, ['text.xml.provisioning-3cx']);
  assert.equal(inj.scopeName, 'threecx.injection');
  // L: wins over text.xml's own rules (CDATA, attribute strings); not in XML comments
  assert.match(inj.injectionSelector, /^L:text\.xml\.provisioning-3cx\b/);
  assert.match(inj.injectionSelector, /-comment\b/);

  const variable = new RegExp(inj.repository.variable.match);
  assert.match(inj.repository.variable.name, /^meta\.embedded\./);
  assert.match(inj.repository.variable.captures['4'].name, /^variable\.other\b/);
  const attr = '<deviceconfig filename="%%mac_address%%.cfg"><![CDATA[#!version:1.0.0.1';
  const m = variable.exec(attr)!;
  assert.equal(m[4], 'mac_address');
  assert.deepEqual([...variable.exec('x = %%param::time_timezone_yealink%%')!].slice(2, 5), ['param', '::', 'time_timezone_yealink']);
  assert.equal(variable.exec('url = %%PROVLINK.HOST%%/')![4], 'PROVLINK.HOST');

  const directive = new RegExp(inj.repository.directive.match);
  assert.match(inj.repository.directive.name, /^meta\.embedded\./);
  assert.match(inj.repository.directive.captures['2'].name, /^keyword\.control\./);
  assert.deepEqual([...directive.exec('{IF ua=Yealink SIP-T57W,Yealink SIP-T58}')!].slice(2, 4), [
    'IF',
    ' ua=Yealink SIP-T57W,Yealink SIP-T58',
  ]);
  assert.equal(directive.exec('  {ELSE}')![2], 'ELSE');
  assert.equal(directive.exec('{ENDIF}')![2], 'ENDIF');
  assert.equal(directive.exec('{IF blf10}')![3], ' blf10');
  assert.equal(directive.exec('account.1.label = {IF x}'), null, 'a directive is alone on its line');
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
  for (const s of c.snippets.filter((x: { language: string }) => x.language !== 'provisioning-3cx')) {
    const snippets = json(s.path);
    for (const name of ['Each line', 'Each BLF key', 'If / else', 'Partial']) assert.ok(snippets[name], `snippet ${name}`);
  }
  assert.equal(c.yamlValidation[0].url, './schemas/bench.schema.json');
  assert.deepEqual(
    json('schemas/bench.schema.json'),
    json('server/src/core/bench/bench.schema.json'),
    'schemas/ copy is up to date (npm run build)',
  );
  assert.ok(existsSync(join(ROOT, pkg.icon)));
  assert.ok(existsSync(join(ROOT, 'templates')) && existsSync(join(ROOT, 'bench.yaml')), 'starter project for New Template Project');
});

test('every contributed command is registered by the client, and every registered one contributed', () => {
  const src = readdirSync(join(ROOT, 'client/src'), { recursive: true })
    .filter((f) => String(f).endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, 'client/src', String(f)), 'utf8'))
    .join('\n');
  const registered = [...src.matchAll(/command\('([\w.]+)'/g)].map((m) => `provisioningStudio.${m[1]}`).sort();
  const contributed = c.commands.map((x: { command: string }) => x.command).sort();
  assert.deepEqual(registered, contributed);
  const titles = c.commands
    .filter((x: { command: string }) => !x.command.includes('.bench.'))
    .map((x: { category: string; title: string }) => `${x.category}: ${x.title}`);
  for (const t of [
    'Preview Config',
    'Select Phone',
    'Compare Phones',
    'Show Routes',
    'Start Dev Server',
    'Stop Dev Server',
    'Reprovision Phone',
    'Reprovision All',
    'Show Request Log',
    'New Template Project',
  ]) {
    assert.ok(titles.includes(`Provisioning: ${t}`), t);
  }
  for (const k of Object.keys(c.configuration.properties)) assert.match(k, /^provisioningStudio\./);
});

test('settings: benchFile, devServer.tls and devServer.auth are real (no "reserved"); no password in settings', () => {
  const props = c.configuration.properties;
  for (const [k, v] of Object.entries(props) as [string, { markdownDescription?: string; description?: string }][]) {
    assert.doesNotMatch(v.markdownDescription ?? v.description ?? '', /reserved/i, k);
  }
  const bench = props['provisioningStudio.benchFile'];
  assert.equal(bench.default, 'bench.yaml');
  assert.equal(bench.scope, 'resource');
  assert.match(bench.markdownDescription, /--bench/);
  // activation: a folder with bench.yaml, or any template (a differently named bench file activates on a template)
  assert.ok(pkg.activationEvents.includes('workspaceContains:bench.yaml'));

  const tls = props['provisioningStudio.devServer.tls'];
  assert.equal(tls.default, 'bench');
  assert.deepEqual(tls.anyOf[0].enum, ['bench', 'off', 'self-signed']);
  assert.deepEqual(tls.anyOf[1].required, ['cert', 'key']);
  assert.equal(tls.anyOf[1].additionalProperties, false);

  const auth = props['provisioningStudio.devServer.auth'];
  assert.equal(auth.default, 'bench');
  assert.deepEqual(auth.anyOf[0].enum, ['bench', 'none']);
  const obj = auth.anyOf[1];
  assert.deepEqual(obj.required, ['type', 'username']);
  assert.equal(obj.additionalProperties, false, 'no other keys: a password cannot be put in settings.json');
  assert.equal(obj.properties.password, undefined);
  assert.deepEqual(obj.properties.type.enum, ['basic', 'digest']);
  assert.match(auth.markdownDescription, /Set Dev Server Password/);
  const cmd = c.commands.find((x: { command: string }) => x.command === 'provisioningStudio.setDevServerPassword');
  assert.equal(`${cmd.category}: ${cmd.title}`, 'Provisioning: Set Dev Server Password');

  // the client: bench file from the setting in the bench model, dev server, language client; the password from SecretStorage only
  const src = (p: string) => readFileSync(join(ROOT, 'client/src', p), 'utf8');
  assert.match(src('benchModel.ts'), /new Workspace\(new DiskFiles\([^)]*\), \{ benchFile: settings\(folder\)\.benchFile \}\)/);
  assert.match(src('devserver/controller.ts'), /\{ benchFile: cfg\.benchFile \}/);
  assert.match(src('devserver/controller.ts'), /this\.secrets\.get\(passwordKey\(/);
  assert.match(
    src('languageClient.ts'),
    /settings\(f\)\.benchFile[\s\S]*\.map\(benchGlob\)/,
    'each folder\x27s custom bench file is synced and watched',
  );
});
