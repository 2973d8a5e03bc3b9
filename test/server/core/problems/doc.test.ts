// docs/problems.md is what the generator (scripts/gen-problems-doc.ts) writes from the registry, with one
// section per code whose heading (the anchor diagnostics link to) is the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { problemsMarkdown, problemsSettingSchema } from '../../../../server/src/core/problems/doc';
import { PROBLEM_CODES } from '../../../../server/src/core/problems/registry';
import { REPO } from '../../../helpers/workspace';

const DOC = path.join(REPO, 'docs/problems.md');

test('docs/problems.md: the committed file is what the generator produces (run npm run docs:problems)', () => {
  assert.equal(readFileSync(DOC, 'utf8'), problemsMarkdown());
});

test('docs/problems.md: one section per registered code, its heading the code', () => {
  const headings = [...problemsMarkdown().matchAll(/^### (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual([...headings].sort(), [...PROBLEM_CODES].sort());
  for (const line of problemsMarkdown().split('\n')) if (!line.startsWith('- ')) assert.ok(line.length <= 140, line);
});

test('package.json: the provisioningStudio.problems setting is the generated schema (a property per code)', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const setting = pkg.contributes.configuration.properties['provisioningStudio.problems'];
  assert.deepEqual(setting, problemsSettingSchema());
  assert.deepEqual(Object.keys(setting.properties as object), PROBLEM_CODES);
  assert.equal(setting.additionalProperties, false, 'an unknown code is a located warning in settings.json');
});

test('gen-problems-doc --check: exits 0 when up to date', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-problems-doc.ts', '--check'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
