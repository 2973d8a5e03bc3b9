// Live editing: template, partial and bench edits apply to the next request; a broken edit keeps the last
// good version serving and is reported once; "stale" per phone; and nothing rendered ever touches the disk.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchYaml, get, makeWorkspace, RENDERED_MARKER, startServer, TEMPLATES, UA, type TestWorkspace } from './helpers';

const cleanups: TestWorkspace[] = [];
after(() => {
  for (const c of cleanups) c.cleanup();
});
const ws = () => {
  const w = makeWorkspace();
  cleanups.push(w);
  return w;
};
/** Saves a file and waits until the dev server serves it: a file changed in the last 150 ms is not (live-edit integrity). */
async function edit(w: TestWorkspace, file: string, text: string): Promise<void> {
  w.write(file, text);
  await new Promise((r) => setTimeout(r, 250));
}

test('template, partial and bench edits apply to the next request, without a restart', async () => {
  const w = ws();
  const s = await startServer(w.ws);
  try {
    const a = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.match(a.text, /account\.1\.user_name = 100/);
    await edit(w, 'templates/yealink/mac.cfg.hbs', `${TEMPLATES['templates/yealink/mac.cfg.hbs']}features.edited = 1\n`);
    const b = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.match(b.text, /features\.edited = 1/);
    assert.notEqual(b.headers.etag, a.headers.etag);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink, { 'If-None-Match': String(a.headers.etag) })).status, 200);
    await edit(
      w,
      'templates/yealink/partials/account.cfg.hbs',
      'account.{{index}}.user_name = {{extension}}\naccount.{{index}}.label = edited-partial',
    );
    assert.match((await get(s.base, '/805e0c112233.cfg', UA.yealink)).text, /account\.1\.label = edited-partial/);
    // a vendor partial added later shadows nothing here, but a model override template takes over at once
    await edit(w, 'templates/yealink/T46S/mac.cfg.hbs', '#!version:1.0.0.1\n## model override\n');
    const c = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(c.text, '#!version:1.0.0.1\n## model override\n');
    assert.equal(s.log.at(-1)!.template, 'templates/yealink/T46S/mac.cfg.hbs');
    await edit(w, 'bench.yaml', benchYaml().replace('extension: "100"', 'extension: "190"').replace('pool.ntp.org', 'ntp.edited.test'));
    assert.match((await get(s.base, '/y000000000066.cfg', UA.yealink)).text, /ntp_server1 = ntp\.edited\.test/);
  } finally {
    await s.stop();
  }
});

test('a broken template keeps the last good version serving, reports once, and recovers', async () => {
  const w = ws();
  const s = await startServer(w.ws);
  try {
    const good = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    await edit(w, 'templates/yealink/mac.cfg.hbs', '#!version:1.0.0.1\n{{#each lines}}\naccount = {{extension}\n');
    const r1 = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    const r2 = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(r1.status, 200);
    assert.equal(r1.text, good.text);
    assert.equal(r2.text, good.text);
    assert.equal(s.log.at(-1)!.stale, true);
    assert.equal(s.problems.length, 1);
    assert.equal(s.problems[0].file, 'templates/yealink/mac.cfg.hbs');
    assert.equal(s.problems[0].servingLastGood, true);
    assert.match(s.problems[0].message, /^\d+:\d+ /);
    // another phone that never got a good render of it: 500, no body, reported
    const other = await get(s.base, '/001565f429a4.cfg', UA.yealinkT56A);
    assert.equal(other.status, 500);
    assert.equal(other.body.length, 0);
    assert.equal(s.problems.at(-1)!.servingLastGood, false);
    // a broken partial too
    await edit(w, 'templates/yealink/mac.cfg.hbs', TEMPLATES['templates/yealink/mac.cfg.hbs']);
    assert.equal((await get(s.base, '/805e0c112233.cfg', UA.yealink)).text, good.text);
    assert.ok(s.recovered.some((r) => r.file === 'templates/yealink/mac.cfg.hbs'));
    await edit(w, 'templates/yealink/partials/account.cfg.hbs', 'account.{{index}}.user_name = {{#if}}');
    const viaPartial = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(viaPartial.text, good.text);
    assert.ok(s.problems.at(-1)!.message.includes('account'), s.problems.at(-1)!.message);
  } finally {
    await s.stop();
  }
});

test('a broken bench keeps the last good bench serving and is reported once', async () => {
  const w = ws();
  const s = await startServer(w.ws);
  try {
    const good = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    await edit(
      w,
      'bench.yaml',
      `${benchYaml().replace('extension: "100"', 'extension: "177"')}\n  - { mac: nonsense, vendor: yealink, model: T46S }\n`,
    );
    const r = await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal(r.text, good.text);
    assert.equal(s.log.at(-1)!.stale, true);
    await get(s.base, '/805e0c112233.cfg', UA.yealink);
    const benchProblems = s.problems.filter((p) => p.file === 'bench.yaml');
    assert.equal(benchProblems.length, 1);
    assert.match(benchProblems[0].message, /bench-mac/);
    assert.equal(benchProblems[0].servingLastGood, true);
    await edit(w, 'bench.yaml', `${benchYaml().replace('extension: "100"', 'extension: "178"')}# fixed\n`);
    assert.match((await get(s.base, '/805e0c112233.cfg', UA.yealink)).text, /user_name = 178/);
    assert.ok(s.recovered.some((x) => x.file === 'bench.yaml'));
    // YAML syntax error
    await edit(w, 'bench.yaml', 'phones: [ {');
    assert.match((await get(s.base, '/805e0c112233.cfg', UA.yealink)).text, /user_name = 178/);
  } finally {
    await s.stop();
  }
});

test('stale per phone: what a phone fetched against what it would get now, with both bytes for a diff', async () => {
  const w = ws();
  const s = await startServer(w.ws);
  try {
    await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.deepEqual(
      (await s.server.freshness('805e0c112233')).map((f) => [f.path, f.stale]),
      [['/805e0c112233.cfg', false]],
    );
    await edit(w, 'templates/yealink/mac.cfg.hbs', `${TEMPLATES['templates/yealink/mac.cfg.hbs']}changed = 1\n`);
    const [f] = await s.server.freshness('805e0c112233');
    assert.equal(f.stale, true);
    const now = (await s.server.currentFile('805e0c112233', '/805e0c112233.cfg'))!;
    assert.equal(now.bytes.toString().replace(f.fetched.bytes.toString(), ''), 'changed = 1\n');
    await get(s.base, '/805e0c112233.cfg', UA.yealink);
    assert.equal((await s.server.freshness('805e0c112233'))[0].stale, false);
  } finally {
    await s.stop();
  }
});

function snapshot(dirs: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (depth < 6) walk(p, depth + 1);
      } else out.set(p, st.mtimeMs);
    }
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

test('nothing rendered is written to disk (workspace and temp dir)', async () => {
  const w = ws();
  const before = snapshot([w.dir, tmpdir()]);
  const s = await startServer(w.ws);
  try {
    const paths: [string, string][] = [
      ['/805e0c112233.boot', UA.yealink],
      ['/805e0c112233.cfg', UA.yealink],
      ['/phone0004f2abcdef.cfg', UA.poly],
      ['/00562b043615.xml', UA.cisco],
      ['/cfg000b82aabbcc.xml', UA.grandstream],
      ['/snomd785-000413AABBCC.htm', UA.snom],
      ['/0c383e557eb1.cfg', UA.fanvil],
    ];
    for (const [p, ua] of paths) {
      const r = await get(s.base, p, ua);
      assert.equal(r.status, 200);
      if (p !== '/805e0c112233.boot') assert.match(r.text, RENDERED_MARKER, p);
    }
  } finally {
    await s.stop();
  }
  const after = snapshot([w.dir, tmpdir()]);
  const changed = [...after].filter(([p, m]) => before.get(p) !== m).map(([p]) => p);
  for (const p of changed) {
    let text: string;
    try {
      text = readFileSync(p, 'latin1');
    } catch {
      continue;
    }
    assert.ok(!RENDERED_MARKER.test(text), `${p} holds rendered output`);
  }
  assert.deepEqual(
    changed.filter((p) => p.startsWith(w.dir)),
    [],
    'no file in the workspace changed',
  );
});
