// The render budget: a runaway template stops at its budget with a located error at the loop, in
// `check`, in the editor and in the dev server (which does not redo a failed render for the same inputs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryWorkspace, MINI_BENCH, cli } from '../../../helpers/workspace';
import { get, makeWorkspace, startServer, UA, benchYaml } from '../../devserver/helpers';

const RUNAWAY =
  '#!version:1.0.0.1\n## {{phone.mac}}\n' +
  '{{#each (range 1 10000)}}{{#each (range 1 10000)}}{{#each (range 1 10000)}}{{/each}}{{/each}}{{/each}}\n';

test('empty loop bodies count: three nested ranges stop at the budget, located at the outer loop', () => {
  const ws = memoryWorkspace({ 'bench.yaml': MINI_BENCH, 'templates/yealink/mac.cfg.hbs': RUNAWAY });
  const phone = ws.phones[0];
  for (const limits of [{ maxMs: 100 }, { maxMs: 60_000, maxSteps: 50_000 }]) {
    const out = ws.render('templates/yealink/mac.cfg.hbs', phone, { limits });
    assert.equal(out.failed, true);
    const issue = out.issues.find((i) => i.code === 'render-limit');
    assert.ok(issue, JSON.stringify(out.issues));
    assert.equal(RUNAWAY.slice(issue.srcStart, issue.srcStart + 25), '{{#each (range 1 10000)}}');
    assert.equal(issue.srcStart, RUNAWAY.indexOf('{{#each'), 'the outermost loop');
    assert.match(issue.message, limits.maxMs === 100 ? /after 100 ms in this loop/ : /after 50,000 steps in this loop/);
  }
});

test('a loop in a partial over budget is located in the partial, seen from the call', () => {
  const ws = memoryWorkspace({
    'bench.yaml': MINI_BENCH,
    'templates/yealink/mac.cfg.hbs': '#!version:1.0.0.1\n{{> spin}}\n',
    'templates/yealink/partials/spin.cfg.hbs': '{{#each (range 1 10000)}}{{#each (range 1 10000)}}{{/each}}{{/each}}',
  });
  const out = ws.render('templates/yealink/mac.cfg.hbs', ws.phones[0], { limits: { maxSteps: 10_000 } });
  const issue = out.issues.find((i) => i.code === 'render-limit')!;
  assert.equal(issue.file, 'templates/yealink/partials/spin.cfg.hbs');
  assert.equal(issue.srcStart, 0);
  assert.equal(issue.rootStart, '#!version:1.0.0.1\n'.length, 'the call site in the root template');
});

test('block helpers without their argument: a located error, not an internal one', () => {
  for (const name of ['each', 'if', 'unless', 'with']) {
    const ws = memoryWorkspace({
      'bench.yaml': MINI_BENCH,
      'templates/yealink/mac.cfg.hbs': `#!version:1.0.0.1\n{{#${name}}}x{{/${name}}}\n`,
    });
    const out = ws.render('templates/yealink/mac.cfg.hbs', ws.phones[0]);
    assert.equal(out.failed, true);
    assert.deepEqual(
      out.issues.map((i) => [i.code, i.srcStart]),
      [['hbs-helper-usage', 18]],
      name,
    );
    assert.match(out.issues[0].message, new RegExp(`\\{\\{#${name}\\}\\} needs`));
  }
});

test('check: a runaway template is one located error and the command ends (--render-budget)', async () => {
  const t = makeWorkspace(benchYaml(), { 'templates/yealink/mac.cfg.hbs': RUNAWAY });
  try {
    const res = await cli(['check', '--workspace', t.dir, '--render-budget', '200']);
    assert.equal(res.code, 1);
    const lines = (res.out + res.err).split('\n').filter((l) => l.includes('render-limit'));
    assert.equal(lines.length, 1, res.out + res.err);
    assert.match(lines[0], /^templates\/yealink\/mac\.cfg\.hbs:3:1 error render-limit rendering stopped after 200 ms in this loop/);
    const bad = await cli(['check', '--workspace', t.dir, '--render-budget', 'soon']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--render-budget: 'soon' is not a number of milliseconds/);
  } finally {
    t.cleanup();
  }
});

test('dev server: a runaway render fails once within its budget; the retry is not rendered again; others are served', async () => {
  const t = makeWorkspace(benchYaml(), { 'templates/yealink/mac.cfg.hbs': RUNAWAY });
  t.ws.renderLimits = { maxMs: 200 };
  const running = await startServer(t.ws);
  try {
    const first = await get(running.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(first.status, 500);
    assert.equal(running.problems.length, 1);
    assert.match(running.problems[0].message, /render budget/);
    const retry = await get(running.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(retry.status, 500);
    assert.equal(running.server.renderPool.started, 1, 'the retry is answered from the remembered failure');
    const entries = running.log.filter((e) => e.path === '/805e0c112233.cfg');
    assert.equal(entries.length, 2);
    const other = await get(running.base, '/805e0c112233.boot', UA.yealink);
    assert.equal(other.status, 200, 'the boot file still serves');
    // the failure is remembered for these inputs only: a fix renders again
    t.write('templates/yealink/mac.cfg.hbs', '#!version:1.0.0.1\n## fixed {{phone.mac}}\n');
    await new Promise((r) => setTimeout(r, 250)); // served once settled (live-edit integrity)
    const fixed = await get(running.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(fixed.status, 200);
    assert.match(fixed.text, /fixed 805e0c112233/);
  } finally {
    await running.stop();
    t.cleanup();
  }
});

test('range beyond 2^53 is a located helper error, not a loop that never ends', () => {
  const text = '#!version:1.0.0.1\n{{#each (range 9007199254740993 9007199254741000)}}x{{/each}}\n';
  const ws = memoryWorkspace({ 'bench.yaml': MINI_BENCH, 'templates/yealink/mac.cfg.hbs': text });
  const out = ws.render('templates/yealink/mac.cfg.hbs', ws.phones[0]);
  assert.equal(out.failed, true);
  assert.deepEqual(
    out.issues.map((i) => i.code),
    ['helper-error'],
  );
  assert.match(out.issues[0].message, /whole numbers below 2\^53/);
});
