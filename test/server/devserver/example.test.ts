// The bundled example (bench.yaml + templates/, what `npm start` serves): every phone of every vendor,
// including the 3CX-served one, gets each of its boot files with its own User-Agent, byte-identical to
// the preview; the CLI `serve` process answers on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';
import type { Phone } from '../../../server/src/core/types';
import { REPO, tempExample } from '../../helpers/workspace';
import { get, startServer, type Running } from './helpers';

/** A User-Agent as each vendor's phone sends it (vendors.md), for a bench phone. */
function userAgent(p: Phone): string {
  const colon = p.mac.match(/../g)!.join(':');
  switch (p.vendor) {
    case 'yealink':
      return `Yealink SIP-${p.model} 96.86.0.70 ${colon}`;
    case 'poly':
      return `FileTransport PolycomVVX-${p.model.replace(/^VVX/, 'VVX_')}-UA/6.4.3.1000 Type/Application`;
    case 'cisco':
      return `Cisco-${p.model}/12.0.1 (${p.mac})`;
    case 'grandstream':
      return `Grandstream Model HW ${p.model} SW 1.0.5.48 DevId ${p.mac}`;
    case 'snom':
      return `Mozilla/4.0 (compatible; snom${p.model}-SIP 10.1.54.13 1.1.5-IS ${p.mac.toUpperCase()})`;
    case 'fanvil':
      return `Fanvil ${p.model} 2.12.16.17 ${p.mac}`;
    default:
      return 'curl/8';
  }
}

let dir: string;
let ws: Workspace;
let srv: Running;
before(async () => {
  dir = tempExample();
  ws = new Workspace(new DiskFiles(dir));
  srv = await startServer(ws);
});
after(async () => {
  await srv.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('every example phone fetches each of its boot files; bytes equal the preview', async () => {
  const vendors = new Set<string>();
  for (const phone of ws.phones) {
    const boot = ws.routesFor(phone).filter((r) => r.route.boot && r.template);
    assert.ok(boot.length >= 1, `${phone.name} has boot files`);
    for (const r of boot) {
      const res = await get(srv.base, `/${r.path}`, userAgent(phone));
      assert.equal(res.status, 200, `${phone.name} /${r.path}`);
      const parsed = ws.parsedBench();
      const bench = { ...parsed, bench: { ...parsed.bench, server: { ...parsed.bench.server, port: srv.port } } };
      assert.equal(res.text, ws.render(r.template!, phone, { route: r.route, bench }).text, `${phone.name} /${r.path} equals the preview`);
      const entry = srv.log.at(-1)!;
      assert.equal(entry.phone?.mac, phone.mac, `${phone.name} /${r.path} attributed (${entry.reason})`);
    }
    vendors.add(phone.vendor);
  }
  assert.deepEqual([...vendors].sort(), ['cisco', 'fanvil', 'grandstream', 'poly', 'snom', 'yealink']);
  assert.ok(
    ws.phones.some((p) => ws.routesFor(p).some((r) => r.template?.endsWith('.ph.xml'))),
    'a phone is served by the 3CX template',
  );
});

test('`provisioning-studio serve` serves the example on loopback and stops on SIGTERM', { timeout: 30_000 }, async () => {
  const child = spawn(process.execPath, [join(REPO, 'dist/cli.js'), 'serve', '--workspace', dir, '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 15_000);
      child.stdout.on('data', () => {
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) {
          clearTimeout(t);
          resolve(m[1]);
        }
      });
      child.on('exit', (c) => reject(new Error(`serve exited ${c}: ${out}`)));
    });
    const res = await get(base, '/805e0c112233.cfg', 'Yealink SIP-T54W 96.86.0.70 80:5e:0c:11:22:33');
    assert.equal(res.status, 200);
    assert.match(res.text, /^#!version:1\.0\.0\.1\n/);
    const unknown = await get(base, '/805e0cffffff.cfg', 'Yealink SIP-T54W 96.86.0.70');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.length, 0);
    await new Promise((r) => setTimeout(r, 100));
    assert.doesNotMatch(out, /p&ss<w>/, 'no password in the request log');
  } finally {
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
});
