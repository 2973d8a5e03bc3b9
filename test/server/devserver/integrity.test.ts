// Live-edit integrity: a template or bench file caught while it is being written in several chunks is
// never served; phones get the old version until the file has settled, then the new one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { benchYaml, get, makeWorkspace, startServer, UA } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes `text` the way tools that write in chunks do: truncate, first half, a pause, the rest. */
async function writeInTwoChunks(path: string, text: string, pauseMs: number): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    const cut = Math.floor(text.length / 2);
    writeSync(fd, text.slice(0, cut));
    await sleep(pauseMs);
    writeSync(fd, text.slice(cut));
  } finally {
    closeSync(fd);
  }
}

test('templates and the bench written in two chunks while phones fetch: every answer is the old or the new version', async () => {
  const lines = (tag: string) => Array.from({ length: 40 }, (_, i) => `features.${tag}_${i} = ${i}\n`).join('');
  const template = (tag: string) => `#!version:1.0.0.1\n## {{vars.marker}}:{{phone.mac}} {{vars.edition}}\n${lines(tag)}`;
  const bench = (edition: string) => benchYaml().replace('vars: { ntp: pool.ntp.org,', `vars: { edition: ${edition}, ntp: pool.ntp.org,`);
  const w = makeWorkspace(bench('first'), { 'templates/yealink/mac.cfg.hbs': template('old') });
  await sleep(300); // the workspace as it was before the edit has settled
  const s = await startServer(w.ws);
  try {
    const seen: string[] = [];
    let writing = true;
    const fetcher = (async () => {
      while (writing) {
        const r = await get(s.base, '/805e0c112233.cfg', UA.yealink);
        assert.equal(r.status, 200);
        seen.push(r.text);
        await sleep(3);
      }
    })();
    const old = (await get(s.base, '/805e0c112233.cfg', UA.yealink)).text;
    for (let round = 0; round < 3; round++) {
      await writeInTwoChunks(join(w.dir, 'templates/yealink/mac.cfg.hbs'), template(`new${round}`), 60);
      await writeInTwoChunks(join(w.dir, 'bench.yaml'), bench(`edition${round}`), 60);
      await sleep(250);
    }
    writing = false;
    await fetcher;
    const last = (await get(s.base, '/805e0c112233.cfg', UA.yealink)).text;
    assert.match(last, /edition2/);
    assert.match(last, /features\.new2_39 = 39/);
    assert.match(old, /first\n/);
    // every answer is a whole file: the first version or one written completely in a round
    const whole = (t: string) =>
      /^#!version:1\.0\.0\.1\n## \S+ (first|edition\d)\n/.test(t) &&
      /features\.(old|new\d)_39 = 39\n$/.test(t) &&
      t.split('\n').length === 43;
    const torn = seen.filter((t) => !whole(t));
    // the fetches overlapped the writes (how many fit depends on the machine's load, not on the server)
    assert.ok(seen.length >= 20 && new Set(seen).size >= 3, `fetched ${seen.length} times, ${new Set(seen).size} versions`);
    assert.deepEqual(torn.slice(0, 2), [], `${torn.length} of ${seen.length} answers were torn`);
    assert.equal(s.problems.length, 0, JSON.stringify(s.problems));
  } finally {
    await s.stop();
    w.cleanup();
  }
});
