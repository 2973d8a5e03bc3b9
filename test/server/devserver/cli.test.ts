// `provisioning-studio serve`: prints the URL and each phone's setting, one log line per request on
// stdout, problems on stderr, and stops cleanly on SIGTERM / SIGINT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { get, makeWorkspace, UA, TEMPLATES } from './helpers';

const main = resolve(__dirname, '../../../server/src/cli/main.ts');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`serve: banner, request log lines, problems on stderr, clean stop on ${signal}`, async () => {
    const w = makeWorkspace();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--workspace', w.dir, '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { err += d; });
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      const deadline = Date.now() + 20_000;
      while (!/Ctrl-C stops/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      assert.ok(base, out + err);
      assert.match(out, /yea-t46s \(yealink T46S, 805e0c112233\)\n\s+Web UI Settings → Auto Provision → Server URL = http:\/\/127\.0\.0\.1:\d+\//);
      assert.match(out, /cisco-8841 .*\n.*Profile Rule = http:\/\/127\.0\.0\.1:\d+\/\$MA\.xml/);
      assert.equal((await get(base, '/805e0c112233.cfg', UA.yealink)).status, 200);
      w.write('templates/yealink/mac.cfg.hbs', '{{#if}}');
      assert.equal((await get(base, '/805e0c112233.cfg', UA.yealink)).status, 200);
      await new Promise((r) => setTimeout(r, 100));
      assert.match(out, /127\.0\.0\.1 yea-t46s GET \/805e0c112233\.cfg 200 \d+B [\d.]+ms yealink T46S 66\.86\.0\.15 templates\/yealink\/mac\.cfg\.hbs/);
      assert.match(err, /problem: templates\/yealink\/mac\.cfg\.hbs \[yea-t46s\]: .*serving the last good version/);
      assert.ok(!out.includes('Yea-S3cret') && !err.includes('Yea-S3cret'));
      w.write('templates/yealink/mac.cfg.hbs', TEMPLATES['templates/yealink/mac.cfg.hbs']);
      child.kill(signal);
      assert.equal(await exited, 0);
      assert.match(out, /stopped\n$/);
    } finally { w.cleanup(); }
  });
}
