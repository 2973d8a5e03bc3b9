// convert on a large template built from the real Fanvil fixture's function-key construct (a run of keys where
// each key sits in its own per-model {IF ua}): byte-identical, loops only where the units differ in N alone,
// and a run asked to stay unrolled is emitted as the 3CX template has it, still byte-identical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertProven, convertTemplate, proveEquivalence } from '../../../../server/src/cli/commands/convert';
import { memoryWorkspace } from '../../../helpers/workspace';
import { REAL_FIXTURES } from './fixture';

const FILE = 'templates/3cx/fanvil-custom.ph.xml';
const fanvil = readFileSync(join(REAL_FIXTURES, 'templates/3cx/fanvil-custom.ph.xml'), 'utf8');
const bench = readFileSync(join(REAL_FIXTURES, 'bench.yaml'), 'utf8');

/** One function key as the Fanvil template writes it: key k on the X4U, key k + 100 on the X6U. */
const key = (k: number) => `<Function_Key_Entry>
<ID>Fkey${k}</ID>
{IF ua=Fanvil X4U}
{IF blf${k}}
<Type>%%Type%%</Type>
<Value>%%Value%%</Value>
<Title>%%label%%</Title>
{ELSE}
<Type>0</Type>
<Value></Value>
<Title></Title>
{ENDIF}
{ENDIF}
{IF ua=Fanvil X6U}
{IF blf${k + 100}}
<Type>%%Type%%</Type>
{ELSE}
<Type>0</Type>
{ENDIF}
{ENDIF}
</Function_Key_Entry>
`;
/** Plain per-key blocks (one key number per unit): these become a loop. */
const plain = (k: number) => `{IF blf${k}}
<Key${k}>%%Value%%|%%label%%|%%blf${k}%%</Key${k}>
{ELSE}
<Key${k}/>
{ENDIF}
`;

function largeWorkspace() {
  const keys = Array.from({ length: 120 }, (_, i) => key(i + 1)).join('');
  const blocks = Array.from({ length: 100 }, (_, i) => plain(i + 1)).join('');
  const body = `<Function_Key>\n${keys}</Function_Key>\n<Extra>\n${blocks}</Extra>\n`;
  const tpl = fanvil.replace('<Function_Key>\n', `${body}<Function_Key>\n`);
  assert.ok(tpl.split('\n').length > 3500, 'a large template');
  const manyKeys = Array.from(
    { length: 30 },
    (_, i) => `      - { type: ${i % 3 ? 'blf' : 'speed_dial'}, value: "${300 + i}", label: "K&${i}" }`,
  ).join('\n');
  return memoryWorkspace({
    'bench.yaml': bench.replace(
      '      - { type: blf, value: "203", label: "A&B <co>" }',
      `      - { type: blf, value: "203", label: "A&B <co>" }\n${manyKeys}`,
    ),
    [FILE]: tpl,
  });
}

test('convert: a large template is byte-identical for every phone; only runs that differ in N alone are loops', () => {
  const ws = largeWorkspace();
  const { files, proof } = convertProven(ws, FILE);
  assert.deepEqual(proof.mismatches, []);
  assert.deepEqual(
    proof.phones.map((p) => p.name),
    ['fanvil-x4u', 'fanvil-x6u'],
  );
  const hbs = files[0].text;
  assert.match(hbs, /\{\{#each \(range 1 100\) as \|n\|\}\}\n\{\{#with \(lookup @root\.keys \(sub n 1\)\) as \|key\|\}\}/);
  // the per-model function keys name two key numbers each (k and k + 100): never rolled into one loop
  assert.match(hbs, /<ID>Fkey120<\/ID>/);
  assert.equal(files[0].unrolled, 0);
});

test('convert: a run kept unrolled is emitted block by block, as in the template, and still byte-identical', () => {
  const ws = largeWorkspace();
  const rolled = convertTemplate(ws, FILE);
  const run = rolled.runs[0] - 1;
  const unrolled = convertTemplate(ws, FILE, new Map([[0, new Set([run])]]));
  assert.equal(unrolled.files[0].loops, rolled.files[0].loops - 1);
  assert.match(unrolled.files[0].notes.join('\n'), /1 run of \{IF blfN\} blocks \(number \d+ in the file\) stays unrolled/);
  assert.match(unrolled.files[0].text, /<Key100>/);
  assert.deepEqual(proveEquivalence(ws, FILE, unrolled.files).mismatches, []);
});
