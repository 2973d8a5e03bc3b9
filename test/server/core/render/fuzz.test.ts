// Renderer fuzz: random nestings of each / with / if / unless / partials over ranges, lists and paths
// (seeded, so a failure reproduces). Every render ends within its budget, and any failure is a located
// problem of a known code, never an internal error or an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryWorkspace, MINI_BENCH } from '../../../helpers/workspace';

let seed = 20261202;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];

const LISTS = [
  '(range 1 10000)',
  '(range 1 50)',
  'lines',
  'keys',
  'contacts',
  'vars',
  '(range 9 3)',
  'phone',
  '../lines',
  '@root.lines',
  '',
];
const VALUES = ['phone.mac', 'this', '@index', '@key', 'extension', 'vars.ntp', '../phone.name', 'nothing.here', '(eq @index 3)', ''];

function block(depth: number): string {
  if (depth > 6 || rnd() < 0.25) return pick(['x', `{{${pick(VALUES)}}}`, '\n', '{{> p1}}', '{{> missing}}', '']);
  const body = () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => block(depth + 1)).join('');
  switch (Math.floor(rnd() * 6)) {
    case 0:
      return `{{#each ${pick(LISTS)}}}${body()}{{/each}}`;
    case 1:
      return `{{#with ${pick(VALUES)}}}${body()}{{else}}${body()}{{/with}}`;
    case 2:
      return `{{#if ${pick(VALUES)}}}${body()}{{else}}${body()}{{/if}}`;
    case 3:
      return `{{#unless ${pick(VALUES)}}}${body()}{{/unless}}`;
    case 4:
      return `{{#each ${pick(LISTS)} as |item i|}}{{item}}{{i}}${body()}{{/each}}`;
    default:
      return `{{> ${pick(['p1', 'p2'])} ${pick(['', 'phone', 'x=1'])}}}`;
  }
}

const KNOWN = new Set([
  'render-limit',
  'render-error',
  'missing-partial',
  'partial-recursion',
  'hbs-helper-usage',
  'helper-error',
  'object-output',
  'value-newline',
  'unknown-helper',
  'hbs-unsupported',
  'partial-error',
]);

test('renderer fuzz: 300 random templates end within the budget with located, known problems', () => {
  for (let n = 0; n < 300; n++) {
    const files = {
      'bench.yaml': MINI_BENCH,
      'templates/yealink/mac.cfg.hbs': `#!version:1.0.0.1\n${block(0)}\n`,
      'templates/yealink/partials/p1.cfg.hbs': block(2),
      'templates/yealink/partials/p2.cfg.hbs': `${block(3)}{{> p1}}`,
    };
    const ws = memoryWorkspace(files);
    let out;
    try {
      out = ws.render('templates/yealink/mac.cfg.hbs', ws.phones[0], { limits: { maxMs: 150 } });
    } catch (e) {
      assert.fail(`render threw on case ${n}: ${(e as Error).message}\n${files['templates/yealink/mac.cfg.hbs']}`);
    }
    for (const i of out.issues) {
      assert.ok(KNOWN.has(i.code), `case ${n}: unexpected ${i.code} ${i.message}`);
      assert.doesNotMatch(i.message, /internal render error/, `case ${n}: ${files['templates/yealink/mac.cfg.hbs']}`);
      assert.ok(i.srcEnd >= i.srcStart && i.file.startsWith('templates/'), `case ${n}: located`);
    }
  }
});
