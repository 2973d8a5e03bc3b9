import { test } from 'node:test';
import assert from 'node:assert/strict';
import Handlebars from 'handlebars';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseTemplate } from '../../../../server/src/core/render/parse';
import { renderProgram, type RenderEnv } from '../../../../server/src/core/render/interpreter';
import { HELPERS } from '../../../../server/src/core/render/helpers';
import { LineIndex } from '../../../../server/src/core/util/text';
import { memoryWorkspace, MINI_BENCH } from '../../../helpers/workspace';

const PASSWORD = `p&ss<w>"rd'=1`;

function render(text: string, ctx: unknown, env: Partial<RenderEnv> = {}, partials: Record<string, string> = {}) {
  const src = (file: string, t: string) => {
    const r = parseTemplate(t);
    if (!r.ast) throw new Error(r.error!.message);
    return { file, text: t, ast: r.ast, index: new LineIndex(t) };
  };
  return renderProgram(src('t.hbs', text), ctx, {
    escape: 'none',
    resolvePartial: (name) => (partials[name] !== undefined ? src(`${name}.hbs`, partials[name]) : undefined),
    ...env,
  });
}

test('the password renders literally in key = value formats', () => {
  const ws = memoryWorkspace({
    'bench.yaml': MINI_BENCH,
    'templates/yealink/mac.cfg.hbs': '#!version:1.0.0.1\n{{#each lines}}\naccount.{{inc @index}}.password = {{password}}\n{{/each}}\n',
  });
  const out = ws.render('templates/yealink/mac.cfg.hbs', ws.findPhone('one')!);
  assert.equal(out.failed, false);
  assert.equal(out.text, `#!version:1.0.0.1\naccount.1.password = ${PASSWORD}\n`);
});

test('the password renders as well-formed XML whose parsed value is the password', () => {
  const ws = memoryWorkspace({
    'bench.yaml': MINI_BENCH,
    'templates/poly/phone.xml.hbs':
      '<?xml version="1.0"?>\n<polycomConfig>\n{{#each lines}}<reg reg.{{inc @index}}.auth.password="{{password}}">{{password}}</reg>{{/each}}\n</polycomConfig>\n',
  });
  const out = ws.render('templates/poly/phone.xml.hbs', ws.findPhone('two')!);
  assert.equal(XMLValidator.validate(out.text), true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(out.text);
  assert.equal(doc.polycomConfig.reg['@reg.1.auth.password'], PASSWORD);
  assert.equal(doc.polycomConfig.reg['#text'], PASSWORD);
});

test('a value containing a line break is an error in key = value text (it would inject keys)', () => {
  const out = render('a = 1\naccount.1.password = {{pw}}\n', { pw: 'x\nstatic.security.user_password = evil' });
  assert.equal(out.failed, true);
  assert.equal(out.issues[0].code, 'value-newline');
  assert.equal(out.issues[0].srcStart, 'a = 1\naccount.1.password = '.length);
  assert.doesNotMatch(out.text, /evil/);
});

test('XML escaping covers & < > " \' and leaves = alone; triple-stash is raw', () => {
  assert.equal(render('{{v}}|{{{v}}}', { v: `a=b&<>"'` }, { escape: 'xml' }).text, `a=b&amp;&lt;&gt;&quot;&apos;|a=b&<>"'`);
  assert.equal(render('{{v}}', { v: 'a=b&<' }).text, 'a=b&<', 'no escaping in text formats');
});

// Semantics: the evaluator must produce what Handlebars itself produces (text mode, same helpers).
const PARITY: [string, unknown][] = [
  [
    '{{#each lines}}\n{{inc @index}}: {{extension}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}}\n{{/each}}\n',
    { lines: [{ extension: 1 }, { extension: 2 }, { extension: 3 }] },
  ],
  ['{{#each items as |item i|}}{{i}}={{item.name}}/{{../title}};{{/each}}', { title: 'T', items: [{ name: 'a' }, { name: 'b' }] }],
  ['{{#with pbx}}{{host}}:{{port}}{{else}}none{{/with}}', { pbx: { host: 'h', port: 5060 } }],
  ['{{#with missing}}x{{else}}none{{/with}}', {}],
  ['{{#if a}}A{{else if b}}B{{else}}C{{/if}}', { b: 1 }],
  ['{{#unless a}}not a{{/unless}}', { a: [] }],
  ['{{#list}}[{{this}}]{{/list}}{{^list}}empty{{/list}}', { list: [1, 2] }],
  ['{{^list}}empty{{/list}}', { list: [] }],
  ['{{#obj}}{{k}}{{/obj}}', { obj: { k: 'v' } }],
  ['{{#each obj}}{{@key}}={{this}},{{/each}}', { obj: { a: 1, b: 2 } }],
  ['{{#each outer}}{{#each inner}}{{@../index}}.{{@index}} {{/each}}{{/each}}', { outer: [{ inner: [1, 2] }, { inner: [3] }] }],
  ['{{@root.x}}{{#each l}}{{@root.x}}{{/each}}', { x: 'R', l: [1] }],
  ['{{lookup map key}} {{lookup list 1}}', { map: { k: 'V' }, key: 'k', list: ['a', 'b'] }],
  ['  {{#if x}}\n  kept\n  {{/if}}\nafter\n', { x: true }],
  ['a {{~x~}} b', { x: 'X' }],
  [
    '{{pad (add n 1) 3}} {{join l "-"}} {{default e "dflt"}} {{mac m "COLON"}} {{upper "x"}}',
    { n: 6, l: [1, 2], e: '', m: '805e0c112233' },
  ],
  ['{{#each (range 1 3)}}{{this}}{{/each}}', {}],
  ['{{#if (and a (or b c) (not d))}}yes{{else}}no{{/if}} {{#eq a "1"}}one{{else}}other{{/eq}}', { a: '1', c: 1 }],
  ['{{list}} {{n}} {{t}} {{f}} {{nothing}}', { list: [1, 2], n: 0, t: true, f: false }],
  ['{{this.a}} {{./a}} {{#with b}}{{../a}}{{/with}}', { a: 'A', b: { c: 1 } }],
  ['x\n  {{> p}}\ny\n', { v: 'V' }],
  ['{{> p v="hash"}}|{{> p b}}', { v: 'V', b: { v: 'B' } }],
  ['{{#*inline "q"}}inline {{v}}{{/inline}}{{> q}}', { v: 'V' }],
  ['{{#> wrap}}inner {{v}}{{/wrap}}', { v: 'V' }],
];

test('the evaluator matches Handlebars on the semantics templates use', () => {
  const hb = Handlebars.create();
  for (const [name, def] of Object.entries(HELPERS)) {
    if (def.builtin || !def.fn) continue;
    const fn = def.fn;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const o = args.pop() as Handlebars.HelperOptions;
      return fn(args, { hash: o.hash, isBlock: !!o.fn, context: this, fn: (c = this) => o.fn(c), inverse: (c = this) => o.inverse(c) });
    });
  }
  const partials = { p: 'P:{{v}}\nline2\n', wrap: '<{{> @partial-block}}>' };
  for (const [name, body] of Object.entries(partials)) hb.registerPartial(name, body);
  for (const [tpl, ctx] of PARITY) {
    const expected = hb.compile(tpl, { noEscape: true })(ctx);
    const ours = render(tpl, ctx, {}, partials);
    assert.deepEqual(
      ours.issues.filter((i) => i.severity === 'error'),
      [],
      tpl,
    );
    assert.equal(ours.text, expected, `template: ${JSON.stringify(tpl)}`);
  }
});

test('source map: literal text maps exactly, expressions map to their mustache, partials to their file and call', () => {
  const tpl = 'a = 1\nkey.{{n}}.label = {{label}}\n{{> p}}';
  const out = render(tpl, { n: 7, label: 'Hello' }, {}, { p: 'from.partial = {{label}}\n' });
  assert.equal(out.text, 'a = 1\nkey.7.label = Hello\nfrom.partial = Hello\n');
  const at = (s: string) => out.text.indexOf(s);
  const lit = out.map.lookup(at('.label'), at('.label') + 6)!;
  assert.equal(tpl.slice(lit.start, lit.end), '.label');
  const ex = out.map.lookup(at('Hello'), at('Hello') + 5)!;
  assert.equal(tpl.slice(ex.start, ex.end), '{{label}}');
  const key = out.map.lookup(at('key.7.label'), at('key.7.label') + 'key.7.label'.length)!;
  assert.equal(tpl.slice(key.start, key.end), 'key.{{n}}.label');
  const inPartial = out.map.lookup(at('from.partial'), at('from.partial') + 4)!;
  assert.equal(inPartial.file, 'p.hbs');
  assert.equal('from.partial = {{label}}\n'.slice(inPartial.start, inPartial.end), 'from');
  assert.equal(tpl.slice(inPartial.rootStart, inPartial.rootEnd), '{{> p}}');
});

test('bad input: missing partial, self-including partial, unknown helper, runaway output — errors, no crash', () => {
  const missing = render('x {{> nope}}', {});
  assert.equal(missing.failed, true);
  assert.equal(missing.issues[0].code, 'missing-partial');
  assert.equal(missing.issues[0].srcStart, 6, 'on the partial name');
  const self = render('{{> loop}}', {}, {}, { loop: 'again {{> loop}}' });
  assert.equal(self.failed, true);
  assert.equal(self.issues[0].code, 'partial-recursion');
  const helper = render('{{frobnicate x}}', { x: 1 });
  assert.equal(helper.issues[0].code, 'unknown-helper');
  const big = render('{{#each (range 1 10000)}}{{#each (range 1 10000)}}xxxxxxxxxx{{/each}}{{/each}}', {});
  assert.equal(big.failed, true);
  assert.equal(big.issues[0].code, 'render-limit');
});

test('prototype access is impossible: only own properties of the data are reachable', () => {
  const out = render('[{{constructor}}][{{__proto__}}][{{lines.constructor.name}}][{{toString}}]', { lines: [] });
  assert.equal(out.text, '[][][][]');
});

test('syntax errors are located: unbalanced blocks, stray braces, 50 MB template', () => {
  const unclosed = parseTemplate('a\n{{#each lines}}\nx\n');
  assert.equal(unclosed.error?.code, 'hbs-unclosed-block');
  assert.deepEqual(unclosed.error?.range.start, { line: 1, character: 0 });
  const stray = parseTemplate('a\naccount.1.user_name = {{user}\n');
  assert.deepEqual(stray.error?.range.start, { line: 1, character: 28 });
  const mismatch = parseTemplate('{{#if a}}\n{{/each}}');
  assert.equal(mismatch.error?.code, 'hbs-syntax');
  const huge = parseTemplate('x'.repeat(50 * 1024 * 1024));
  assert.equal(huge.error?.code, 'template-too-large');
});
