// applyProblemPolicy and its inputs: suppression comments in every form, overrides (the setting over the
// bench), idempotence; the setting's and the bench schema's levels are the policy's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyProblemPolicy, parseSuppressions, PROBLEM_LEVELS, readProblemOverrides } from '../../../../server/src/core/problems/policy';
import type { Problem } from '../../../../server/src/core/types';
import { mergeSettings } from '../../../../server/src/serverSettings';
import { REPO } from '../../../helpers/workspace';

const F = 'templates/yealink/mac.cfg.hbs';
const at = (line: number, code: Problem['code'], file = F): Problem => ({
  file,
  range: { start: { line, character: 0 }, end: { line, character: 3 } },
  severity: 'warning',
  code,
  message: `${code} at ${line}`,
});

test('parseSuppressions: {{!-- --}}, {{! }}, {{~!-- --~}} and <!-- -->; next-line and line; codes by space or comma', () => {
  const text = [
    '{{!-- provisioning-disable-next-line unknown-key --}}',
    'x',
    'y {{! provisioning-disable-line unknown-key,duplicate-key }}',
    '{{~!-- provisioning-disable-next-line --~}}',
    '<!-- provisioning-disable-next-line unknown-variable  threecx-unset -->',
    '{{!-- provisioning-disable-nextline unknown-key --}}',
  ].join('\n');
  const { suppressions, problems } = parseSuppressions(F, text);
  assert.deepEqual(problems, [], 'every code is known; the misspelled directive (nextline) is no directive');
  assert.deepEqual(
    suppressions.map((s) => [s.kind, s.line, s.codes ? [...s.codes] : 'all']),
    [
      ['next-line', 1, ['unknown-key']],
      ['line', 2, ['unknown-key', 'duplicate-key']],
      ['next-line', 4, 'all'],
      ['next-line', 5, ['unknown-variable', 'threecx-unset']],
    ],
  );
});

test('parseSuppressions: an unknown code is a warning located on it, with a suggestion', () => {
  const text = 'a\n  {{!-- provisioning-disable-next-line unknown-key, unknwn-path --}}\n';
  const { problems } = parseSuppressions(F, text);
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.equal(p.code, 'unknown-problem-code');
  assert.equal(p.severity, 'warning');
  const col = text.split('\n')[1].indexOf('unknwn-path');
  assert.deepEqual(p.range, { start: { line: 1, character: col }, end: { line: 1, character: col + 'unknwn-path'.length } });
  assert.deepEqual(p.suggestions?.[0], 'unknown-path');
});

test('applyProblemPolicy: suppression by file and line, overrides (setting over bench), off, order kept, idempotent', () => {
  const files: Record<string, string> = {
    [F]: 'h\n{{!-- provisioning-disable-next-line unknown-key --}}\nk\nz {{! provisioning-disable-line }}\n',
    'templates/partials/p.cfg.hbs': 'no comments\n',
  };
  const problems = [
    at(2, 'unknown-key'),
    at(2, 'unknown-path'),
    at(3, 'duplicate-key'),
    at(2, 'unknown-key', 'templates/partials/p.cfg.hbs'),
    at(0, 'object-output'),
    at(0, 'invalid-value'),
  ];
  const policy = {
    bench: { 'unknown-path': 'off', 'object-output': 'error' } as const,
    overrides: { 'object-output': 'hint' } as const,
    read: (f: string) => files[f],
  };
  const out = applyProblemPolicy(problems, policy);
  assert.deepEqual(
    out.map((p) => `${p.file === F ? '' : 'partial '}${p.range.start.line} ${p.code} ${p.severity}`),
    ['partial 2 unknown-key warning', '0 object-output hint', '0 invalid-value warning'],
  );
  assert.deepEqual(applyProblemPolicy(out, policy), out, 'applied twice: the same');
  assert.equal(out[2], problems[5], 'an untouched problem is the same object');
  assert.deepEqual(applyProblemPolicy(problems, {}), problems, 'no policy: unchanged');
});

test('readProblemOverrides: unknown codes and levels are left out and reported', () => {
  const warned: string[] = [];
  const o = readProblemOverrides(
    { 'unknown-key': 'warning', 'unknwn-key': 'off', 'duplicate-key': 'loud', 'hbs-syntax': 3 },
    (m, key, kind) => warned.push(`${kind} ${key}: ${m}`),
  );
  assert.deepEqual(o, { 'unknown-key': 'warning' });
  assert.deepEqual(warned, [
    "code unknwn-key: unknown problem code 'unknwn-key', did you mean 'unknown-key'?",
    "level duplicate-key: 'duplicate-key': 'loud' is not one of error, warning, information, hint, off",
    "level hbs-syntax: 'hbs-syntax': '3' is not one of error, warning, information, hint, off",
  ]);
});

test('the language server settings: provisioningStudio.problems read, unknown codes reported with the setting name', () => {
  const warned: string[] = [];
  const s = mergeSettings({ problems: { 'unknown-path': 'error', 'no-such-code': 'off' } }, (m) => warned.push(m));
  assert.deepEqual(s.problems, { 'unknown-path': 'error' });
  assert.deepEqual(warned, ["provisioningStudio.problems: unknown problem code 'no-such-code'"]);
  assert.deepEqual(mergeSettings({}).problems, {});
});

test('levels: the setting in package.json and the bench schema accept exactly the policy levels', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const setting = pkg.contributes.configuration.properties['provisioningStudio.problems'];
  for (const prop of Object.values(setting.properties) as { enum: string[] }[]) assert.deepEqual(prop.enum, PROBLEM_LEVELS);
  assert.equal(setting.scope, 'resource');
  const schema = JSON.parse(readFileSync(path.join(REPO, 'server/src/core/bench/bench.schema.json'), 'utf8'));
  assert.deepEqual(schema.properties.problems.additionalProperties.enum, PROBLEM_LEVELS);
  const ignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(ignore.includes('!docs/problems.md'), 'the VSIX ships docs/problems.md');
});

test('applyProblemPolicy: a problem on a suppression comment itself is dropped, except an unknown code in it', () => {
  const text = 'a = 1\n<!-- provisioning-disable-next-line unknown-variable, unknwn-key -->\nb = %%x%%\n';
  const onComment = { ...at(1, 'malformed-line'), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 70 } } };
  const out = applyProblemPolicy([onComment, at(2, 'unknown-variable'), at(2, 'unknown-key')], { read: () => text });
  assert.deepEqual(
    out.map((p) => `${p.range.start.line} ${p.code}`),
    ['2 unknown-key', '1 unknown-problem-code'],
  );
});
