// Benchmark: reprovision N "phones" (N NOTIFYs, bounded concurrency) against SIPp playing the phones
// on 127.0.0.1. Loopback only. Bounded and self-stopping (watchdog kills SIPp and exits).
//
//   node --import tsx bench/notify.mjs [--count 500] [--concurrency 50] [--transport udp,tcp] [--t1 500]
//
// Needs the `sipp` binary (Debian package sip-tester).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendNotify } from '../server/src/sip/notify.ts';
// Free ports below the ephemeral range (32768+), where the senders' own sockets live: shared with the SIPp tests.
import { canBind, freePort } from '../test/server/sip/helpers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const scenario = join(here, '..', 'test', 'server', 'sip', 'scenarios', 'bench-accept.xml');

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const COUNT = Number(opt('count', 500));
const CONCURRENCY = Number(opt('concurrency', 50));
const TRANSPORTS = opt('transport', 'udp,tcp')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const T1 = Number(opt('t1', 500));
const WATCHDOG_MS = 180_000;

if (spawnSync('sipp', ['-v']).error) {
  console.error('bench/notify.mjs: the sipp binary is missing (apt-get install sip-tester)');
  process.exit(2);
}

const watchdog = setTimeout(() => {
  console.error(`watchdog: benchmark exceeded ${WATCHDOG_MS / 1000} s, stopping`);
  cleanup();
  process.exit(3);
}, WATCHDOG_MS);
watchdog.unref();
const children = new Set();
function cleanup() {
  for (const c of children) c.kill();
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

async function startSipp(transport) {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      'sipp',
      [
        '-sf',
        scenario,
        '-i',
        '127.0.0.1',
        '-p',
        String(port),
        '-t',
        transport === 'tcp' ? 't1' : 'u1',
        '-m',
        String(COUNT),
        '-nostdin',
        '-timeout',
        '120s',
        '-timeout_error',
        ...(transport === 'tcp' ? ['-reconnect_close', 'false'] : []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.add(child);
    let out = '';
    let exited = false;
    child.stdout.on('data', (d) => {
      out += d;
      if (out.length > 200_000) out = out.slice(-100_000);
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const done = new Promise((resolve) =>
      child.on('exit', (code) => {
        exited = true;
        children.delete(child);
        resolve({ code, out });
      }),
    );
    const deadline = Date.now() + 5000;
    while (!exited && (await canBind(transport, port))) {
      if (Date.now() > deadline) {
        child.kill();
        break;
      }
      await new Promise((r) => setTimeout(r, 30));
    }
    if (!exited) await new Promise((r) => setTimeout(r, 150)); // a bind failure makes SIPp exit at once
    if (!exited) return { port, done, kill: () => child.kill() };
    await done;
    if (attempt >= 4) throw new Error(`SIPp could not start: ${out.slice(-500)}`);
  }
}

/** Cumulative "Successful call" / "Failed call" from SIPp's final statistics screen. */
function sippCalls(out) {
  const last = (re) => {
    const all = [...out.matchAll(re)];
    return all.length ? Number(all[all.length - 1][1]) : NaN;
  };
  return { ok: last(/Successful call\s*\|\s*\d+\s*\|\s*(\d+)/g), failed: last(/Failed call\s*\|\s*\d+\s*\|\s*(\d+)/g) };
}

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

async function run(transport) {
  const sipp = await startSipp(transport);
  const latencies = [];
  const statuses = {};
  let retransmissions = 0;
  let next = 0;
  const t0 = performance.now();
  async function worker() {
    while (next < COUNT) {
      const k = next++;
      const s = performance.now();
      const r = await sendNotify({
        target: { host: '127.0.0.1', port: sipp.port, transport },
        event: 'check-sync;reboot=false',
        user: String(10000 + k),
        local: { host: '127.0.0.1' },
        timers: { t1: T1 },
      });
      latencies.push(performance.now() - s);
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      retransmissions += r.retransmissions;
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, COUNT) }, worker));
  const totalMs = performance.now() - t0;
  const stop = setTimeout(() => sipp.kill(), 15_000); // SIPp exits by itself after -m calls + timewait
  const s = await sipp.done;
  clearTimeout(stop);
  latencies.sort((a, b) => a - b);
  return {
    transport,
    totalMs,
    statuses,
    retransmissions,
    sipp: { code: s.code, ...sippCalls(s.out) },
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    max: latencies[latencies.length - 1],
  };
}

const rows = [];
for (const t of TRANSPORTS) rows.push(await run(t));
clearTimeout(watchdog);

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const table = [
  ['transport', 'NOTIFYs', 'conc.', 'total s', 'NOTIFY/s', 'accepted', 'lost', 'retrans.', 'p50 ms', 'p99 ms', 'max ms', 'SIPp ok/failed'],
  ...rows.map((r) => [
    r.transport.toUpperCase(),
    String(COUNT),
    String(Math.min(CONCURRENCY, COUNT)),
    fmt(r.totalMs / 1000, 2),
    fmt(COUNT / (r.totalMs / 1000), 0),
    String(r.statuses.accepted ?? 0),
    String(COUNT - (r.statuses.accepted ?? 0)),
    String(r.retransmissions),
    fmt(r.p50, 2),
    fmt(r.p99, 2),
    fmt(r.max, 2),
    `${r.sipp.ok}/${r.sipp.failed}`,
  ]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => '| ' + row.map((c, i) => c.padStart(widths[i])).join(' | ') + ' |';
console.log(
  `SIP NOTIFY benchmark: ${COUNT} phones, concurrency ${CONCURRENCY}, T1 ${T1} ms, SIPp UAS on 127.0.0.1, node ${process.version}`,
);
console.log(line(table[0]));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of table.slice(1)) console.log(line(row));
for (const r of rows) {
  const other = Object.entries(r.statuses).filter(([k]) => k !== 'accepted');
  if (other.length) console.log(`${r.transport}: non-accepted outcomes ${JSON.stringify(Object.fromEntries(other))}`);
}
process.exitCode = rows.every((r) => (r.statuses.accepted ?? 0) === COUNT) ? 0 : 1;
