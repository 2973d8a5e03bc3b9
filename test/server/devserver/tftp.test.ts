// TFTP (`serve --tftp`): a real client (Debian tftp-hpa) downloads what HTTP serves for the same phone;
// a raw dgram client checks the exact packets: OACK contents, error codes for a write request, an unknown
// file and refused options, retransmission when an ACK is withheld, zero-length final blocks, block
// number rollover, and the request log. Loopback only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TftpServer } from '../../../server/src/devserver/tftp';
import { toNetascii } from '../../../server/src/devserver/tftpPacket';
import { benchYaml, get, makeWorkspace, startServer, TEMPLATES, type Running, type TestWorkspace } from './helpers';

const main = resolve(__dirname, '../../../server/src/cli/main.ts');
const FIRMWARE = 'x'.repeat(512 * 3); // a multiple of 512: the transfer ends with a zero-length block
const LONG_CFG = `#!version:1.0.0.1\n## {{phone.mac}} {{phone.name}}\n${'## padding line to make the file span several 512-byte blocks\n'.repeat(30)}`;

let w: TestWorkspace;
let http: Running;
let tftp: TftpServer;
let port: number;

before(async () => {
  w = makeWorkspace(benchYaml('server: { host: 127.0.0.1, port: 0, static: [{ path: /firmware, dir: firmware }] }'), {
    'templates/cisco/mac.xml.hbs': `<flat-profile>\n<!-- {{phone.mac}} -->\n${'<!-- padding -->\n'.repeat(60)}</flat-profile>\n`,
    'firmware/fw.rom': FIRMWARE,
  });
  http = await startServer(w.ws, { quietMs: 0 });
  tftp = new TftpServer(http.server, { host: '127.0.0.1', port: 0, timeoutMs: 300, retries: 3 });
  port = (await tftp.start()).port;
});
after(async () => {
  await tftp.stop();
  await http.stop();
  w.cleanup();
});

// ------------------------------------------------------------------ a raw client

function rrq(file: string, opts: [string, string][] = [], mode = 'octet', op = 1): Buffer {
  return Buffer.concat([Buffer.from([0, op]), Buffer.from([file, mode, ...opts.flat()].map((s) => `${s}\0`).join(''), 'latin1')]);
}
const ack = (n: number) => Buffer.from([0, 4, (n >> 8) & 0xff, n & 0xff]);
const errorOf = (code: number, text: string) => Buffer.concat([Buffer.from([0, 5, 0, code]), Buffer.from(`${text}\0`)]);

interface Packet {
  msg: Buffer;
  port: number;
  at: number;
}
class Raw {
  private queue: Packet[] = [];
  private waiter?: (p: Packet) => void;
  private constructor(readonly sock: Socket) {
    sock.on('message', (msg, r) => {
      const p = { msg, port: r.port, at: Date.now() };
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = undefined;
        w(p);
      } else this.queue.push(p);
    });
  }
  static async open(): Promise<Raw> {
    const sock = createSocket('udp4');
    await new Promise<void>((ok) => sock.bind(0, '127.0.0.1', ok));
    return new Raw(sock);
  }
  private sent: Promise<void> = Promise.resolve();
  send(buf: Buffer, to = port): void {
    this.sent = new Promise((ok) => this.sock.send(buf, to, '127.0.0.1', () => ok()));
  }
  /** The next packet, or undefined after `ms`. */
  next(ms = 3000): Promise<Packet | undefined> {
    const q = this.queue.shift();
    if (q) return Promise.resolve(q);
    return new Promise((ok) => {
      const t = setTimeout(() => {
        this.waiter = undefined;
        ok(undefined);
      }, ms);
      this.waiter = (p) => {
        clearTimeout(t);
        ok(p);
      };
    });
  }
  async must(ms = 3000): Promise<Packet> {
    const p = await this.next(ms);
    assert.ok(p, `no packet within ${ms} ms`);
    return p;
  }
  /** Closes once the last datagram is out (closing at once can drop the final ACK). */
  close(): void {
    void this.sent.then(() => this.sock.close());
  }
}

/** A whole read with ACKs from the raw client: the bytes, the block numbers seen, and the OACK if any. */
async function download(file: string, opts: [string, string][] = [], mode = 'octet') {
  const c = await Raw.open();
  try {
    c.send(rrq(file, opts, mode));
    let p = await c.must();
    let oack: Buffer | undefined;
    if (p.msg.readUInt16BE(0) === 6) {
      oack = p.msg;
      c.send(ack(0), p.port);
      p = await c.must();
    }
    const blksize = Number(/blksize\0(\d+)\0/.exec(oack?.toString('latin1') ?? '')?.[1] ?? 512);
    const chunks: Buffer[] = [];
    const blocks: number[] = [];
    for (;;) {
      assert.equal(p.msg.readUInt16BE(0), 3, `expected DATA, got ${p.msg.toString('latin1')}`);
      const n = p.msg.readUInt16BE(2);
      blocks.push(n);
      chunks.push(p.msg.subarray(4));
      c.send(ack(n), p.port);
      if (p.msg.length - 4 < blksize) break;
      p = await c.must();
    }
    return { bytes: Buffer.concat(chunks), blocks, oack, blksize };
  } finally {
    c.close();
  }
}

/** Until `cond` holds (the server logs a transfer when it receives the last ACK, after the client sent it). */
async function waitFor(cond: () => boolean, ms = 2000): Promise<void> {
  for (const end = Date.now() + ms; !cond() && Date.now() < end;) await new Promise((r) => setTimeout(r, 10));
  assert.ok(cond(), 'condition not met in time');
}

// ------------------------------------------------------------------ the real client

function realClient(): string {
  const r = spawnSync('sh', ['-c', 'command -v tftp'], { encoding: 'utf8' });
  const bin = r.stdout.trim();
  assert.ok(
    bin && r.status === 0,
    'the TFTP client of Debian tftp-hpa is missing: install it with `apt-get install -y tftp-hpa` (.ci/run does)',
  );
  return bin;
}

/** tftp-hpa: `tftp -m <mode> 127.0.0.1 <port> -c <command>`; its output (it prints errors on stdout). */
function tftpHpa(tftpPort: number, mode: string, command: string, cwd: string): Promise<string> {
  return new Promise((ok, fail) =>
    execFile(
      realClient(),
      ['-m', mode, '127.0.0.1', String(tftpPort), '-c', ...command.split(' ')],
      { cwd, timeout: 20_000 },
      (e, out, err) => (e && e.killed ? fail(e) : ok(`${out}${err}`)),
    ),
  );
}

test('tftp-hpa downloads the rendered file HTTP serves for the same phone (octet and netascii), and static files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ps-tftp-'));
  try {
    for (const file of ['805e0c112233.cfg', '805e0c112233.boot', '00562b043615.xml', 'firmware/fw.rom']) {
      const viaHttp = await get(http.base, `/${file}`);
      assert.equal(viaHttp.status, 200, file);
      const out = await tftpHpa(port, 'binary', `get ${file} got`, dir);
      assert.equal(out.trim(), '', out);
      assert.deepEqual(readFileSync(join(dir, 'got')), viaHttp.body, file);
      rmSync(join(dir, 'got'));
      // netascii: the server sends CR LF, the client turns it back into the local line end
      await tftpHpa(port, 'ascii', `get ${file} got`, dir);
      assert.deepEqual(readFileSync(join(dir, 'got')), viaHttp.body, `${file} (netascii)`);
      rmSync(join(dir, 'got'));
    }
    assert.ok((await get(http.base, '/00562b043615.xml')).body.length > 1024, 'the Cisco file spans several blocks');
    assert.match(await tftpHpa(port, 'binary', 'get aabbccddeeff.cfg got', dir), /Error code 1: File not found/);
    writeFileSync(join(dir, 'up.cfg'), 'x');
    assert.match(await tftpHpa(port, 'binary', 'put up.cfg 805e0c112233.cfg', dir), /Error code 2: Access violation/);
    await waitFor(() => http.log.some((x) => x.method === 'TFTP-WRQ'));
    const e = http.log.find((x) => x.method === 'TFTP-RRQ' && x.path === '/805e0c112233.cfg' && x.status === 200);
    assert.ok(e, JSON.stringify(http.log.map((x) => [x.method, x.path, x.status])));
    assert.equal(e.phone?.name, 'yea-t46s');
    assert.equal(e.template, 'templates/yealink/mac.cfg.hbs');
    assert.equal(e.bytes, (await get(http.base, '/805e0c112233.cfg')).body.length);
    assert.ok(http.log.some((x) => x.method === 'TFTP-RRQ' && x.path === '/aabbccddeeff.cfg' && x.status === 404));
    assert.ok(http.log.some((x) => x.method === 'TFTP-WRQ' && x.status === 403));
    assert.equal(http.server.lastServed('805e0c112233', '/805e0c112233.cfg')?.status, 200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a TFTP read is the phone's last fetch (time, IP, hash), recorded before the request is logged, as over HTTP", async () => {
  const mac = '805e0c112233';
  // the VS Code bench view refreshes on the 'request' event: the phone's state must already show that request
  const seen: { method: string; time: string; recorded?: string }[] = [];
  const onRequest = (e: { method: string; path: string; time: string }) => {
    if (e.path === `/${mac}.boot`)
      seen.push({ method: e.method, time: e.time, recorded: http.server.phoneState(mac)?.files.get(e.path)?.time });
  };
  http.server.on('request', onRequest);
  try {
    await new Promise((r) => setTimeout(r, 5)); // a later millisecond than any earlier fetch
    const got = await download(`${mac}.boot`);
    await waitFor(() => seen.some((x) => x.method === 'TFTP-RRQ'));
    const entry = http.log.filter((x) => x.method === 'TFTP-RRQ' && x.path === `/${mac}.boot`).pop()!;
    const state = http.server.phoneState(mac)!;
    assert.equal(state.lastFetch, entry.time);
    assert.equal(state.lastIp, '127.0.0.1');
    const file = state.files.get(`/${mac}.boot`)!;
    assert.equal(file.time, entry.time);
    assert.equal(file.status, 200);
    assert.deepEqual(file.bytes, got.bytes);
    assert.equal(file.hash, createHash('sha256').update(got.bytes).digest('hex'));
    await new Promise((r) => setTimeout(r, 5));
    assert.equal((await get(http.base, `/${mac}.boot`)).status, 200);
    await waitFor(() => seen.some((x) => x.method === 'GET'));
    for (const x of seen) assert.equal(x.recorded, x.time, `${x.method}: the state when the request was logged`);
  } finally {
    http.server.off('request', onRequest);
  }
});

test('a template edit applies to the next TFTP read (rendered per request)', async () => {
  const before = (await download('805e0c112233.cfg')).bytes.toString();
  w.write('templates/yealink/mac.cfg.hbs', LONG_CFG);
  try {
    await new Promise((r) => setTimeout(r, 30));
    const after = await download('805e0c112233.cfg');
    assert.notEqual(after.bytes.toString(), before);
    assert.deepEqual(after.bytes, (await get(http.base, '/805e0c112233.cfg')).body);
    assert.ok(after.bytes.length > 1024);
    assert.equal(after.blocks.length, Math.floor(after.bytes.length / 512) + 1);
  } finally {
    w.write('templates/yealink/mac.cfg.hbs', TEMPLATES['templates/yealink/mac.cfg.hbs']);
  }
});

// ------------------------------------------------------------------ options (RFC 2347, 2348, 2349)

test('OACK: blksize, tsize and timeout acknowledged in the order asked, option names case-insensitive; unknown options left out', async () => {
  const viaHttp = (await get(http.base, '/00562b043615.xml')).body;
  const r = await download('00562b043615.xml', [
    ['BlkSize', '1024'],
    ['windowsize', '4'],
    ['tsize', '0'],
    ['timeout', '2'],
  ]);
  assert.equal(r.oack?.toString('latin1'), `\0\x06blksize\x001024\0tsize\0${viaHttp.length}\0timeout\x002\0`);
  assert.deepEqual(r.bytes, viaHttp);
  assert.equal(r.blocks.length, Math.floor(viaHttp.length / 1024) + 1);
  // only options the server does not know: no OACK, plain RFC 1350 (DATA 1 at once)
  const plain = await download('00562b043615.xml', [['windowsize', '4']]);
  assert.equal(plain.oack, undefined);
  assert.deepEqual(plain.bytes, viaHttp);
  // tsize in netascii: the size as sent
  const ascii = await download('805e0c112233.cfg', [['tsize', '0']], 'netascii');
  assert.equal(ascii.oack?.toString('latin1'), `\0\x06tsize\0${ascii.bytes.length}\0`);
  assert.deepEqual(ascii.bytes, toNetascii((await get(http.base, '/805e0c112233.cfg')).body));
});

test('blksize outside 8..65464, a bad timeout or a repeated option: error 8; the extremes are accepted', async () => {
  for (const opts of [
    [['blksize', '65465']],
    [['blksize', '7']],
    [['blksize', 'big']],
    [['timeout', '0']],
    [['timeout', '256']],
    [['tsize', '-1']],
    [
      ['blksize', '512'],
      ['BLKSIZE', '1024'],
    ],
  ] as [string, string][][]) {
    const c = await Raw.open();
    c.send(rrq('805e0c112233.cfg', opts));
    const p = await c.must();
    c.close();
    assert.equal(p.msg.readUInt16BE(0), 5, JSON.stringify(opts));
    assert.equal(p.msg.readUInt16BE(2), 8, `${JSON.stringify(opts)}: ${p.msg.toString('latin1')}`);
    assert.match(p.msg.toString('latin1', 4), /^Option negotiation refused: [^\0]+\0$/);
  }
  const body = (await get(http.base, '/00562b043615.xml')).body;
  const max = await download('00562b043615.xml', [['blksize', '65464']]);
  assert.deepEqual(max.bytes, body);
  assert.deepEqual(max.blocks, [1]);
  const min = await download('805e0c112233.cfg', [['blksize', '8']]);
  assert.deepEqual(min.bytes, (await get(http.base, '/805e0c112233.cfg')).body);
  assert.ok(http.log.some((x) => x.method === 'TFTP-RRQ' && x.status === 400 && /TFTP error 8: blksize 65465/.test(x.reason ?? '')));
});

// ------------------------------------------------------------------ errors (RFC 1350)

test('exact error packets: write request 2, unknown file and unknown MAC 1 (the same text), malformed request or mode 4', async () => {
  const cases: [Buffer, Buffer][] = [
    [rrq('805e0c112233.cfg', [], 'octet', 2), errorOf(2, 'Access violation: this server is read-only')],
    [rrq('no-such-file.bin'), errorOf(1, 'File not found')],
    [rrq('aabbccddeeff.cfg'), errorOf(1, 'File not found')],
    [rrq('../bench.yaml'), errorOf(2, 'Access violation')],
    [rrq('805e0c112233.cfg', [], 'mail'), errorOf(4, "Illegal operation: unsupported transfer mode 'mail'")],
    [Buffer.from('\0\x01805e0c112233.cfg', 'latin1'), errorOf(4, 'Illegal operation: field not terminated by NUL')],
    [ack(1), errorOf(4, 'Illegal operation: unexpected opcode 4')],
  ];
  for (const [send, want] of cases) {
    const c = await Raw.open();
    c.send(send);
    const p = await c.must();
    c.close();
    assert.equal(p.msg.toString('latin1'), want.toString('latin1'), send.toString('latin1'));
  }
});

test('a packet from another TID gets error 5 and does not disturb the transfer', async () => {
  const c = await Raw.open();
  const stranger = await Raw.open();
  try {
    c.send(rrq('00562b043615.xml'));
    const d1 = await c.must();
    assert.notEqual(d1.port, port, 'the transfer answers from its own port (TID)');
    stranger.send(ack(1), d1.port);
    assert.equal((await stranger.must()).msg.toString('latin1'), errorOf(5, 'Unknown transfer ID').toString('latin1'));
    c.send(ack(1), d1.port);
    const d2 = await c.must();
    assert.equal(d2.msg.readUInt16BE(2), 2);
  } finally {
    c.close();
    stranger.close();
  }
});

// ------------------------------------------------------------------ timeouts and retransmission

test('a withheld ACK: the block is sent again after the timeout; a duplicate ACK is not answered; the timeout option is honoured', async () => {
  const c = await Raw.open();
  try {
    c.send(rrq('00562b043615.xml'));
    const d1 = await c.must();
    const again = await c.must(); // no ACK: the same DATA 1 after timeoutMs (300 ms here)
    assert.deepEqual(again.msg, d1.msg);
    assert.ok(again.at - d1.at >= 250, `retransmitted after ${again.at - d1.at} ms`);
    c.send(ack(1), d1.port);
    const d2 = await c.must();
    assert.equal(d2.msg.readUInt16BE(2), 2);
    c.send(ack(1), d1.port); // a duplicate of an old ACK (Sorcerer's Apprentice): nothing is sent for it
    const next = await c.must();
    assert.deepEqual(next.msg, d2.msg, 'the only packet after it is the timed retransmission of DATA 2');
    assert.ok(next.at - d2.at >= 250);
    c.send(ack(2), d1.port);
    await c.must();
  } finally {
    c.close();
  }
  // RFC 2349 timeout 1 s, instead of the server's 300 ms
  const t = await Raw.open();
  try {
    t.send(rrq('805e0c112233.cfg', [['timeout', '1']]));
    const oack = await t.must();
    assert.equal(oack.msg.toString('latin1'), '\0\x06timeout\x001\0');
    const again = await t.must(2500);
    assert.deepEqual(again.msg, oack.msg, 'the OACK is retransmitted until ACK 0');
    assert.ok(again.at - oack.at >= 950, `retransmitted after ${again.at - oack.at} ms`);
    t.send(ack(0), oack.port);
    assert.equal((await t.must()).msg.readUInt16BE(2), 1);
  } finally {
    t.close();
  }
});

test('a client that never ACKs: 1 + retries transmissions, then the transfer is abandoned and logged 408', async () => {
  const c = await Raw.open();
  try {
    c.send(rrq('805e0c112233.boot'));
    const got: Packet[] = [];
    for (let p = await c.next(1500); p; p = await c.next(1000)) got.push(p);
    assert.equal(got.length, 4, 'DATA 1 and 3 retransmissions');
    assert.ok(got.every((p) => p.msg.equals(got[0].msg)));
    const e = [...http.log].reverse().find((x) => x.path === '/805e0c112233.boot' && x.method === 'TFTP-RRQ');
    assert.equal(e?.status, 408);
    assert.match(e?.reason ?? '', /no ACK for block 1 after 3 retransmissions/);
  } finally {
    c.close();
  }
});

// ------------------------------------------------------------------ block boundaries

test('a size that is a multiple of blksize ends with a zero-length block; block numbers roll over from 65535 to 0', async () => {
  const fw = await download('firmware/fw.rom');
  assert.deepEqual(fw.blocks, [1, 2, 3, 4]);
  assert.equal(fw.bytes.toString(), FIRMWARE);
  // 65,537 full blocks of 8 bytes and 3 more bytes: blocks 1..65535, 0, 1, 2
  const big = Buffer.alloc(8 * 65537 + 3);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
  writeFileSync(join(w.dir, 'firmware/big.rom'), big);
  const r = await download('firmware/big.rom', [['blksize', '8']]);
  assert.equal(r.blocks.length, 65538);
  assert.deepEqual(r.blocks.slice(65533), [65534, 65535, 0, 1, 2]);
  assert.ok(r.bytes.equals(big));
});

// ------------------------------------------------------------------ the CLI

test('serve --tftp <port>: listens on UDP next to HTTP, a real client fetches, and it stops with the HTTP server', async () => {
  const free = await new Promise<number>((ok) => {
    const s = createSocket('udp4');
    s.bind(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => ok(p));
    });
  });
  const dir = mkdtempSync(join(tmpdir(), 'ps-tftp-cli-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', main, 'serve', '--workspace', w.dir, '--host', '127.0.0.1', '--port', '0', '--tftp', String(free)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const io = { out: '', err: '' };
  child.stdout.on('data', (d) => (io.out += d));
  child.stderr.on('data', (d) => (io.err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  try {
    const deadline = Date.now() + 20_000;
    while (!/Ctrl-C stops/.test(io.out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(io.out, new RegExp(`TFTP \\(read-only\\) listening on udp 127\\.0\\.0\\.1:${free}\\n`), io.out + io.err);
    assert.equal((await tftpHpa(free, 'binary', 'get cfg000b82aabbcc.xml got', dir)).trim(), '');
    const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(io.out)![1];
    assert.deepEqual(readFileSync(join(dir, 'got')), (await get(base, '/cfg000b82aabbcc.xml')).body);
    await new Promise((r) => setTimeout(r, 100));
    assert.match(io.out, /127\.0\.0\.1 gs-gxp2170 TFTP-RRQ \/cfg000b82aabbcc\.xml 200 \d+B/);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    // the port is free again
    await new Promise<void>((ok, fail) => {
      const s = createSocket('udp4');
      s.once('error', fail);
      s.bind(free, '127.0.0.1', () => s.close(() => ok()));
    });
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --tftp: a port that is not a number is a usage error', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'serve', '--workspace', w.dir, '--tftp', 'x69'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--tftp: 'x69' is not a port number/);
});

test('the same resolution as HTTP: the path prefix, a bench phone by its client IP for a common file, the allowlist', async () => {
  const bench = benchYaml('server: { host: 127.0.0.1, port: 0, path_prefix: pfx-9 }').replace(
    'name: yea-t46s,',
    'name: yea-t46s, ip: 127.0.0.1,',
  );
  const v = makeWorkspace(bench);
  const h = await startServer(v.ws, { quietMs: 0 });
  const t = new TftpServer(h.server, { host: '127.0.0.1', port: 0 });
  const saved = port;
  try {
    port = (await t.start()).port;
    const common = h.server
      .phoneUrls()
      .find((p) => p.phone.name === 'yea-t46s')!
      .bootUrls.map((u) => new URL(u).pathname)
      .find((p) => !p.includes('805e0c112233'))!;
    assert.match(common, /^\/pfx-9\/y0+\w+\.cfg$/);
    const viaHttp = await get(h.base, common);
    assert.equal(viaHttp.status, 200);
    const viaTftp = await download(common.slice(1));
    assert.deepEqual(viaTftp.bytes, viaHttp.body);
    await waitFor(() => h.log.some((x) => x.method === 'TFTP-RRQ'));
    const e = h.log.find((x) => x.method === 'TFTP-RRQ');
    assert.equal(e?.phone?.name, 'yea-t46s');
    assert.equal(e?.reason, 'client IP in the bench; TFTP octet');
    assert.match(e?.path ?? '', /^\/y0+\w+\.cfg$/, 'the prefix is never logged');
    // a leading slash is ignored; without the prefix: not found, like HTTP's 404
    assert.deepEqual((await download(`/pfx-9/805e0c112233.cfg`)).bytes, (await get(h.base, '/pfx-9/805e0c112233.cfg')).body);
    const c = await Raw.open();
    c.send(rrq('805e0c112233.cfg'));
    assert.equal((await c.must()).msg.toString('latin1'), errorOf(1, 'File not found').toString('latin1'));
    c.close();
    // server.allow without loopback: access violation, as HTTP's 403
    v.write('bench.yaml', bench.replace('path_prefix: pfx-9', 'path_prefix: pfx-9, allow: [10.0.0.0/8]'));
    await new Promise((r) => setTimeout(r, 30));
    assert.equal((await get(h.base, '/pfx-9/805e0c112233.cfg')).status, 403);
    const d = await Raw.open();
    d.send(rrq('pfx-9/805e0c112233.cfg'));
    assert.equal((await d.must()).msg.toString('latin1'), errorOf(2, 'Access violation').toString('latin1'));
    d.close();
  } finally {
    port = saved;
    await t.stop();
    await h.stop();
    v.cleanup();
  }
});
