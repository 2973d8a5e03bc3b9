import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemSet, dedupe } from '../../../../server/src/core/problems/dedupe';
import type { Problem } from '../../../../server/src/core/types';

const at = (line: number, character = 0) => ({ start: { line, character }, end: { line, character: character + 3 } });
const p = (line: number, message: string, phones?: string[], code: Problem['code'] = 'unknown-key'): Problem => ({
  file: 't.cfg.hbs',
  range: at(line),
  severity: 'warning',
  code,
  message,
  phones,
});

test('ProblemSet: added in parts (in order) gives what dedupe gives over the whole; static problems win at their place', () => {
  const all = [
    p(3, 'a', ['x']),
    p(1, 'b', ['x']),
    p(3, 'a', ['y', 'x']),
    p(2, 'c', ['x']),
    p(2, 'c'), // static, after rendered ones at the same place: replaces them
    p(2, 'd', ['y']), // rendered after a static at that place: dropped
    p(1, 'b', ['z']),
    p(1, 'e', ['z']),
  ];
  const expected = dedupe(all);
  assert.deepEqual(
    expected.map((q) => [q.range.start.line, q.message, q.phones]),
    [
      [1, 'b', ['x', 'z']],
      [1, 'e', ['z']],
      [2, 'c', undefined],
      [3, 'a', ['x', 'y']],
    ],
  );
  for (let cut = 0; cut <= all.length; cut++) {
    const part = new ProblemSet().add(all.slice(cut)).inOrder();
    assert.deepEqual(new ProblemSet().add(all.slice(0, cut)).add(part).values(), expected, `cut at ${cut}`);
  }
});

test('ProblemSet: a kept problem does not share strings with the problems added (a copy of each phone list)', () => {
  const src = p(1, 'a long message cut from a rendered file', ['x']);
  const [kept] = new ProblemSet().add([src]).values();
  assert.deepEqual(kept, src);
  assert.notEqual(kept.phones, src.phones);
});
