import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docOf, service } from './helpers';

test('blocks, else branches and comments fold', () => {
  const ls = service();
  const f = ls.getFoldingRanges(docOf('{{#each lines}}\na\nb\n{{/each}}\n{{#if x}}\na\n{{else}}\nb\n{{/if}}\n{{!--\nc\n--}}\n'));
  assert.deepEqual(
    f.map((r) => [r.startLine, r.endLine]),
    [
      [0, 2],
      [4, 5],
      [6, 7],
      [9, 11],
    ],
  );
});
