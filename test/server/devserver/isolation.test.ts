// Render isolation: renders run in the dev server's render threads, so a template that runs until its
// budget never keeps other phones waiting, and a render thread still busy well past the budget is
// terminated (the request gets a failure, the next render a fresh thread). Over real HTTP on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { RenderPool } from '../../../server/src/devserver/renderPool';
import { benchYaml, get, makeWorkspace, startServer, UA } from './helpers';

const NESTED = '#!version:1.0.0.1\n{{#each (range 1 10000)}}{{#each (range 1 10000)}}{{/each}}{{/each}}\n';

test('a template running until its budget does not delay another phone', async () => {
  const w = makeWorkspace(benchYaml(), { 'templates/yealink/mac.cfg.hbs': NESTED });
  // no step limit: the nested loop runs for the whole wall-clock budget
  w.ws.renderLimits = { maxSteps: Infinity, maxMs: 1500 };
  const s = await startServer(w.ws, { renderThreads: 2 });
  try {
    // both threads are up before the race starts (a thread's start-up is not what is measured)
    await get(s.base, '/0004f2abcdef.cfg', UA.poly);
    const order: string[] = [];
    const slow = get(s.base, '/805e0c112233.cfg', UA.yealink).then((r) => (order.push('yealink'), r));
    await new Promise((r) => setTimeout(r, 100)); // the slow render has started
    const fast = await get(s.base, '/phone0004f2abcdef.cfg', UA.poly).then((r) => (order.push('poly'), r));
    assert.equal(fast.status, 200);
    assert.match(fast.text, /reg\.1\.address="101"/);
    const stuck = await slow;
    assert.deepEqual(order, ['poly', 'yealink'], 'the other phone was answered while the runaway render ran');
    assert.equal(stuck.status, 500, 'nothing good to serve for the runaway template');
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0].message, /render budget/);
    assert.equal(s.server.renderPool.terminated, 0, 'the interpreter stopped it at its budget; no thread was killed');
  } finally {
    await s.stop();
    w.cleanup();
  }
});

test('a render thread busy well past its budget is terminated; the failure is remembered until the inputs change', async () => {
  // each step joins a 30,000-item list, so the interpreter's clock (read every 256 steps) comes too late
  const big = Array.from({ length: 30_000 }, (_, i) => `item-${i}`).join(', ');
  const bench = benchYaml().replace('vars: { ntp: pool.ntp.org,', `vars: { big: [${big}], ntp: pool.ntp.org,`);
  const slowTemplate = '#!version:1.0.0.1\n{{#each (range 1 10000)}}{{#if (eq (join ../vars.big) "x")}}y{{/if}}{{/each}}\n';
  const w = makeWorkspace(bench, { 'templates/yealink/mac.cfg.hbs': slowTemplate });
  w.ws.renderLimits = { maxMs: 1 };
  const s = await startServer(w.ws, { renderThreads: 1 });
  try {
    const r = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(r.status, 500);
    assert.equal(s.server.renderPool.terminated, 1);
    assert.equal(s.problems.length, 1);
    assert.match(
      s.problems[0].message,
      /render stopped: still running \d+ ms after it started \(render budget 1 ms\); its render thread was terminated/,
    );
    assert.equal(s.problems[0].file, 'templates/yealink/mac.cfg.hbs');

    // the same inputs: not rendered again (the runaway costs its budget once)
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).status, 500);
    assert.equal(s.server.renderPool.terminated, 1);
    assert.equal(s.problems.length, 1, 'reported once');

    // the single thread was replaced: other phones are served
    const poly = await get(s.base, '/0004f2abcdef.cfg', UA.poly);
    assert.equal(poly.status, 200);

    // a fixed template is rendered again and recovers
    w.write('templates/yealink/mac.cfg.hbs', '#!version:1.0.0.1\naccount.1.user_name = {{lines.0.extension}}\n');
    await new Promise((r) => setTimeout(r, 300)); // the save settles
    const fixed = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(fixed.status, 200);
    assert.match(fixed.text, /account\.1\.user_name = 100/);
    assert.equal(s.recovered.length, 1);
  } finally {
    await s.stop();
    w.cleanup();
  }
});

test('the served bytes come from the render thread with the partials and bench the server read', async () => {
  const w = makeWorkspace();
  const s = await startServer(w.ws, { renderThreads: 2 });
  try {
    const first = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.match(first.text, /account\.1\.password = /);
    // a partial edit: the thread gets the new text (it had the old one)
    w.write(
      'templates/yealink/partials/account.cfg.hbs',
      'account.{{index}}.user_name = {{extension}}\naccount.{{index}}.label = L{{index}}',
    );
    await new Promise((r) => setTimeout(r, 300));
    const second = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.match(second.text, /account\.1\.label = L1/);
    assert.doesNotMatch(second.text, /password/);
    // a deleted partial is a render failure in the thread too (last good bytes served, problem reported)
    w.write('templates/yealink/mac.cfg.hbs', '#!version:1.0.0.1\n{{> missing}}\n');
    await new Promise((r) => setTimeout(r, 300));
    const third = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(third.status, 200);
    assert.equal(third.text, second.text, 'the last good version');
    assert.match(s.problems.at(-1)!.message, /missing/);
  } finally {
    await s.stop();
    w.cleanup();
  }
});

test('render threads that cannot start (a missing worker file): renders fail at once with the reason, never hang', async () => {
  const pool = new RenderPool(1, () => new Worker('/nonexistent/renderWorker.js'));
  const w = makeWorkspace(benchYaml());
  try {
    const parsed = w.ws.parsedBench();
    const phone = parsed.bench.phones[0];
    const file = 'templates/yealink/mac.cfg.hbs';
    const route = w.ws.routesFor(phone)[0]?.route;
    const req = {
      file,
      phone,
      route: route!,
      bench: parsed,
      benchFile: 'bench.yaml',
      files: new Map([[file, w.ws.files.read(file)!]]),
      limits: {},
    };
    const first = await pool.render(req);
    assert.equal(first.ok, false);
    assert.match(!first.ok ? first.message : '', /render threads cannot start: .*nonexistent/);
    const again = await pool.render(req);
    assert.ok(!again.ok && again.aborted, 'later renders fail at once');
    assert.match(pool.broken ?? '', /cannot start/);
  } finally {
    await pool.close();
    w.cleanup();
  }
});
