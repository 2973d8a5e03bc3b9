// `provisioning-studio serve`: prints the URL and each phone's setting, one log line per request on
// stdout, problems on stderr, and stops cleanly on SIGTERM / SIGINT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { benchYaml, get, makeWorkspace, UA, TEMPLATES } from './helpers';

const main = resolve(__dirname, '../../../server/src/cli/main.ts');

/** `serve` as a process on a free loopback port, once its banner is out: its output so far, exit and base URL. */
async function startServe(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--workspace', dir, '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const io = { out: '', err: '' };
  child.stdout.on('data', (d) => {
    io.out += d;
  });
  child.stderr.on('data', (d) => {
    io.err += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const deadline = Date.now() + 20_000;
  while (!/Ctrl-C stops/.test(io.out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out)?.[1];
  assert.ok(base, io.out + io.err);
  return { child, io, exited, base };
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`serve: banner, request log lines, problems on stderr, clean stop on ${signal}`, async () => {
    const w = makeWorkspace();
    try {
      const { child, io, exited, base } = await startServe(w.dir);
      assert.match(
        io.out,
        /yea-t46s \(yealink T46S, 805e0c112233\)\n\s+Web UI Settings → Auto Provision → Server URL = http:\/\/127\.0\.0\.1:\d+\//,
      );
      assert.match(io.out, /cisco-8841 .*\n.*Profile Rule = http:\/\/127\.0\.0\.1:\d+\/\$MA\.xml/);
      assert.equal((await get(base, '/805e0c112233.cfg', UA.yealink)).status, 200);
      w.write('templates/yealink/mac.cfg.hbs', '{{#if}}');
      await new Promise((r) => setTimeout(r, 250)); // a saved file is served once it has settled (DEFAULT_QUIET_MS)
      assert.equal((await get(base, '/805e0c112233.cfg', UA.yealink)).status, 200);
      await new Promise((r) => setTimeout(r, 100));
      assert.match(
        io.out,
        /127\.0\.0\.1 yea-t46s GET \/805e0c112233\.cfg 200 \d+B [\d.]+ms yealink T46S 66\.86\.0\.15 templates\/yealink\/mac\.cfg\.hbs/,
      );
      assert.match(io.err, /problem: templates\/yealink\/mac\.cfg\.hbs \[yea-t46s\]: .*serving the last good version/);
      assert.ok(!io.out.includes('Yea-S3cret') && !io.err.includes('Yea-S3cret'));
      w.write('templates/yealink/mac.cfg.hbs', TEMPLATES['templates/yealink/mac.cfg.hbs']);
      child.kill(signal);
      assert.equal(await exited, 0);
      assert.match(io.out, /stopped\n$/);
    } finally {
      w.cleanup();
    }
  });
}

test('serve: the request log cannot be forged or coloured by a request, and never shows the secret path prefix', async () => {
  const w = makeWorkspace(benchYaml('server: { host: 127.0.0.1, port: 0, path_prefix: s3cr3t-pr3fix }'));
  try {
    const { child, io, exited, base } = await startServe(w.dir);
    const banner = io.out.length;
    const probes = [
      '/s3cr3t-pr3fix/x%0a2026-01-01T00:00:00.000Z%2010.0.0.1%20admin%20GET%20/forged.cfg%20200%201B%200.0ms%20-%20x.cfg',
      '/s3cr3t-pr3fix/a%0db%1b[31mred%e2%80%a8sep.cfg',
      '/wrong-prefix/805e0c112233.cfg',
      '/s3cr3t-pr3fix/805e0c112233.cfg',
    ];
    // raw bytes on a loopback socket: node's own client refuses control characters in headers
    const port = Number(new URL(base).port);
    for (const p of probes) {
      await new Promise<void>((done) => {
        // node's parser refuses C0 controls in headers; a C1 control (0x9b, CSI) passes as latin1
        const head = `GET ${p} HTTP/1.1\r\nHost: x\r\nUser-Agent: Yealink SIP-T46S 66.86\x9b2J ${'A'.repeat(5000)}\r\nConnection: close\r\n\r\n`;
        const s = connect(port, '127.0.0.1', () => s.end(Buffer.from(head, 'latin1')));
        s.on('data', () => {})
          .on('close', () => done())
          .on('error', () => done());
      });
    }
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    const log = io.out.slice(banner).replace(/\nstopped\n$/, '\n');
    const lines = log.split('\n').filter(Boolean);
    assert.equal(lines.length, probes.length, `one line per request:\n${log}`);
    for (const l of lines) assert.match(l, /^\d{4}-\d\d-\d\dT[\d:.]+Z 127\.0\.0\.1 /, l);
    assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028]/.test(log), 'no control character reaches the log');
    assert.ok(
      lines.some((l) => l.includes('\\x0a2026-01-01')),
      'the forged line is shown escaped inside its own',
    );
    assert.ok(lines.some((l) => l.includes('a\\x0db\\x1b[31mred\\u2028sep.cfg')));
    assert.ok(!log.includes('s3cr3t-pr3fix'), log);
    assert.ok(
      lines.every((l) => l.length < 1200),
      'User-Agents are capped',
    );
  } finally {
    w.cleanup();
  }
});

test('serve: a phone not on the bench is named once, with the bench add command that adopts it', async () => {
  const w = makeWorkspace();
  try {
    const { child, io, exited, base } = await startServe(w.dir);
    const ua = 'Yealink SIP-T46U 108.86.0.20 80:5e:c0:78:29:65';
    assert.equal((await get(base, '/805ec0782965.cfg', ua)).status, 404);
    assert.equal((await get(base, '/805ec0782965.boot', ua)).status, 404);
    await new Promise((r) => setTimeout(r, 100));
    const lines = io.err.split('\n').filter((l) => l.startsWith('not on the bench'));
    assert.deepEqual(lines, [
      'not on the bench: 805ec0782965 (yealink T46U firmware 108.86.0.20) from 127.0.0.1; add it: provisioning-studio bench add 805ec0782965 --model T46U',
    ]);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    w.cleanup();
  }
});
