// Each vendor's boot sequence against the dev server, with the vendor's real User-Agent: the phone is
// identified, the right template answers, and the bytes are exactly what workspace.render gives (the preview).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { DiskFiles } from '../../../server/src/core/files';
import { Workspace } from '../../../server/src/core/workspace';
import { get, makeWorkspace, MARKER, startServer, UA, type Running, type TestWorkspace } from './helpers';

let tw: TestWorkspace;
let srv: Running;
before(async () => {
  tw = makeWorkspace();
  srv = await startServer(tw.ws);
});
after(async () => {
  await srv.stop();
  tw.cleanup();
});

/** The bytes the preview (workspace.render) gives for a request path and phone. */
function preview(path: string, mac: string): string {
  const phone = tw.ws.phones.find((p) => p.mac === mac)!;
  const res = tw.ws.resolveRequest(path.replace(/^\//, ''), { phones: [phone] });
  assert.ok(res.ok, `${path} resolves`);
  // the server renders with server.url where it listens (port 0 here)
  const parsed = tw.ws.parsedBench();
  const bench = { ...parsed, bench: { ...parsed.bench, server: { ...parsed.bench.server, port: srv.port } } };
  return tw.ws.render(res.template, phone, { route: res.route, bench }).text;
}

async function fetchOk(path: string, ua: string, mac: string, type: RegExp) {
  const r = await get(srv.base, path, ua);
  assert.equal(r.status, 200, `${path}: ${r.status}`);
  assert.match(String(r.headers['content-type']), type);
  assert.equal(r.headers['cache-control'], 'no-store');
  assert.equal(Number(r.headers['content-length']), r.body.length);
  assert.equal(r.headers.etag, `"${createHash('sha256').update(r.body).digest('hex').slice(0, 40)}"`);
  assert.equal(r.text, preview(path, mac), `${path}: served bytes equal the preview`);
  const e = srv.log.at(-1)!;
  assert.equal(e.path, path);
  assert.equal(e.phone?.mac, mac, `${path} attributed to ${mac} (${e.reason})`);
  return r;
}

test('Yealink: <mac>.boot, then every file it includes', async () => {
  const boot = await fetchOk('/805e0c112233.boot', UA.yealink, '805e0c112233', /^text\/plain/);
  const includes = [...boot.text.matchAll(/include:config "([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(includes, [`${srv.base}/y000000000066.cfg`, `${srv.base}/805e0c112233.cfg`]);
  for (const url of includes) {
    const r = await fetchOk(new URL(url).pathname, UA.yealink, '805e0c112233', /^text\/plain/);
    assert.match(r.text, /^#!version:1\.0\.0\.1\n/);
  }
  const mac = await get(srv.base, '/805e0c112233.cfg', UA.yealink);
  assert.match(mac.text, /account\.1\.password = Yea-S3cret!pw/);
  const e = srv.log.at(-1)!;
  assert.equal(e.ua?.vendor, 'yealink');
  assert.equal(e.ua?.model, 'T46S');
  assert.equal(e.ua?.firmware, '66.86.0.15');
  // the phonebook the common file points at, generated from bench contacts
  const url = /remote_phonebook\.data\.1\.url = (\S+)/.exec((await get(srv.base, '/y000000000066.cfg', UA.yealink)).text)![1];
  const pb = await fetchOk(new URL(url).pathname, UA.yealink, '805e0c112233', /^application\/xml/);
  assert.match(pb.text, /<Name>Alice Martin<\/Name><Telephone>101<\/Telephone>/);
});

test('Yealink T56A: the common file is rendered for the phone named by the User-Agent MAC', async () => {
  const r = await fetchOk('/y000000000056.cfg', UA.yealinkT56A, '001565f429a4', /^text\/plain/);
  assert.match(r.text, /common T56A/);
  assert.match(srv.log.at(-1)!.reason!, /MAC in the User-Agent/);
});

test('Poly: <mac>.cfg, then CONFIG_FILES; the phone is remembered by IP for the shared files', async () => {
  const master = await fetchOk('/0004f2abcdef.cfg', UA.poly, '0004f2abcdef', /^application\/xml/);
  const files = /CONFIG_FILES="([^"]+)"/
    .exec(master.text)![1]
    .split(',')
    .map((s) => s.trim());
  assert.deepEqual(files, ['phone0004f2abcdef.cfg', 'site.cfg']);
  for (const f of files) await fetchOk(`/${f}`, UA.poly, '0004f2abcdef', /^application\/xml/);
  assert.equal(srv.log.at(-1)!.ua?.model, 'VVX400');
  const dir = await fetchOk('/000000000000-directory.xml', UA.poly, '0004f2abcdef', /^application\/xml/);
  assert.match(dir.text, /<fn>Alice<\/fn><ct>101<\/ct>/);
});

test('Cisco MPP: $PSN.xml, then the Profile_Rule $MA.xml', async () => {
  const first = await fetchOk('/CP-8841-3PCC.xml', UA.cisco, '00562b043615', /^application\/xml/);
  const rule = /<Profile_Rule ua="na">([^<]+)<\/Profile_Rule>/.exec(first.text)![1];
  assert.equal(rule, `${srv.base}/$MA.xml`);
  const r = await fetchOk(new URL(rule.replace('$MA', '00562b043615')).pathname, UA.cisco, '00562b043615', /^application\/xml/);
  assert.match(r.text, /<Password_1_ ua="na">C1sco-pw<\/Password_1_>/);
});

test('Grandstream: cfg<mac>.xml', async () => {
  const r = await fetchOk('/cfg000b82aabbcc.xml', UA.grandstream, '000b82aabbcc', /^application\/xml/);
  assert.match(r.text, /<P35>103<\/P35>/);
  assert.equal(srv.log.at(-1)!.ua?.model, 'GXP2170');
});

test('Snom: snom<model>.htm, then snom<model>-<MAC>.htm', async () => {
  await fetchOk('/snomd785.htm', UA.snom, '000413aabbcc', /^application\/xml/);
  const r = await fetchOk('/snomD785-000413AABBCC.htm', UA.snom, '000413aabbcc', /^application\/xml/);
  assert.match(r.text, /<user_name idx="1" perm="R">104<\/user_name>/);
  assert.equal(srv.log.at(-1)!.ua?.vendor, 'snom');
});

test('Fanvil: F0V<model>00000.cfg, then <mac>.cfg', async () => {
  await fetchOk('/F0V000X5U00000.cfg', UA.fanvil, '0c383e557eb1', /^application\/xml/);
  const r = await fetchOk('/0c383e557eb1.cfg', UA.fanvil, '0c383e557eb1', /^application\/xml/);
  assert.match(r.text, /<Register_Pswd>F4nvil-pw<\/Register_Pswd>/);
});

test('per-phone state: last fetch, hash and bytes per path; phoneUrls for every bench phone', async () => {
  await get(srv.base, '/0c383e557eb1.cfg', UA.fanvil);
  const st = srv.server.phoneState('0c383e557eb1')!;
  assert.ok(st.lastFetch);
  assert.equal(st.model, 'X5U');
  const rec = srv.server.lastServed('0c383e557eb1', '/0c383e557eb1.cfg')!;
  assert.match(rec.bytes.toString(), new RegExp(MARKER));
  assert.equal(rec.hash, createHash('sha256').update(rec.bytes).digest('hex'));
  assert.deepEqual(
    (await srv.server.freshness('0c383e557eb1')).map((f) => f.stale),
    [false, false],
  );
  const urls = srv.server.phoneUrls();
  assert.equal(urls.length, 7);
  const cisco = urls.find((u) => u.phone.vendor === 'cisco')!;
  assert.match(cisco.setting, new RegExp(`Profile Rule = ${srv.base.replace(/[.:/]/g, '\\$&')}/\\$MA\\.xml`));
  assert.deepEqual(urls.find((u) => u.phone.vendor === 'snom')!.bootUrls, [
    `${srv.base}/snomd785.htm`,
    `${srv.base}/snomd785-000413AABBCC.htm`,
  ]);
});

test('the repo example workspace: every boot file of every bench phone is served as `render` previews it', async () => {
  const repo = resolve(__dirname, '../../..');
  const dir = mkdtempSync(join(tmpdir(), 'ps-devserver-example-'));
  try {
    cpSync(join(repo, 'bench.yaml'), join(dir, 'bench.yaml'));
    cpSync(join(repo, 'templates'), join(dir, 'templates'), { recursive: true });
    const ws = new Workspace(new DiskFiles(dir));
    const bench = ws.parsedBench();
    const s = await startServer(ws, { port: 0 });
    try {
      let checked = 0;
      for (const phone of bench.bench.phones) {
        for (const r of ws.routesFor(phone).filter((x) => x.route.boot && x.template)) {
          const reply = await get(s.base, `/${r.path}`, undefined, {});
          const out = ws.render(r.template!, phone, {
            route: r.route,
            bench: { ...bench, bench: { ...bench.bench, server: { ...bench.bench.server, port: s.port } } },
          });
          if (r.route.path.includes('{mac}') || r.route.path.includes('{MAC}')) {
            if (out.failed || out.syntaxError) assert.equal(reply.status, 500, `${r.path}`);
            else {
              assert.equal(reply.status, 200, `${r.path}`);
              assert.equal(reply.text, out.text, `${r.path} equals the preview`);
            }
            checked++;
          } else {
            assert.ok([200, 500].includes(reply.status), `${r.path}: ${reply.status}`);
          }
        }
      }
      assert.ok(checked >= bench.bench.phones.length, `checked ${checked} per-MAC files`);
    } finally {
      await s.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(!existsSync(dir));
});
