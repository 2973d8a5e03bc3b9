// Benchmark: a boot storm of N bench phones against the dev server (rendering per request) and, side by
// side in the same run, nginx serving the same files pre-rendered as static files. Loopback only; bounded
// in time (a watchdog kills everything) and stops by itself.
//
//   node --import tsx bench/bootstorm.mjs [--phones 50] [--connections 128] [--threads 1] [--workers 2,3]
//                                         [--duration 10] [--dev-only] [--cpu-prof <dir>]
//
// Defaults follow issue 17's target: wrk -t1 -c128. The dev server runs as shipped (serve's default --workers),
// then once per --workers value (default 2) for comparison.
// --dev-only skips nginx; --cpu-prof writes a V8 CPU profile of the dev server process (node --cpu-prof) to <dir>.
//
// Load generator: wrk (Debian package `wrk`), both servers driven by the same Lua script cycling through
// every phone's boot files with the phone's real User-Agent. nginx: Debian package `nginx` (skipped with a
// note when missing). The dev server runs as the real CLI (`serve`), bundled from the sources with esbuild as
// `npm run build` does (dist/cli.js), in its own process, stdout (the request log) to /dev/null.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { TEMPLATES } from '../test/server/devserver/helpers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const PHONES = Number(opt('phones', 50));
const CONNECTIONS = Number(opt('connections', 128));
const THREADS = Number(opt('threads', 1));
const DURATION = Number(opt('duration', 10));
const DEV_ONLY = args.includes('--dev-only');
// --workers 2,4: also measure `serve --workers N` for each N (beside the default)
const EXTRA_WORKERS = String(opt('workers', '2')).split(',').filter(Boolean).map(Number);
const CPU_PROF = opt('cpu-prof', undefined);
const WATCHDOG_MS = 60_000 + DURATION * 6 * 1000;

const children = [];
const dir = mkdtempSync(join(tmpdir(), 'ps-bootstorm-'));
const cleanup = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
};
const watchdog = setTimeout(() => {
  console.error('bootstorm: watchdog expired, stopping');
  cleanup();
  process.exit(3);
}, WATCHDOG_MS);
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

if (spawnSync('wrk', ['--version']).error) {
  console.error('bootstorm: wrk is missing (apt-get install wrk)');
  cleanup();
  process.exit(2);
}
const nginxBin = DEV_ONLY ? undefined : ['/usr/sbin/nginx', 'nginx'].find((b) => !spawnSync(b, ['-v']).error);

const freePort = () =>
  new Promise((r) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
const waitPort = async (port) => {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((r) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        r(true);
      });
      s.on('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`port ${port} never opened`);
};

// ---- workspace: N Yealink phones (T46S), each with 2 lines and 8 BLF keys
const ws = join(dir, 'ws');
const macOf = (i) => `805e0c${(0x1000000 + i).toString(16).slice(1)}`;
const phones = Array.from(
  { length: PHONES },
  (_, i) => `  - { mac: "${macOf(i)}", vendor: yealink, model: T46S, name: phone-${i},
      lines: [{ extension: "${1000 + i}", password: "pw-${i}-s3cret" }, { extension: "${5000 + i}", password: "pw2-${i}" }],
      keys: [${Array.from({ length: 8 }, (_, k) => `{ type: blf, value: "${1000 + k}", label: "Key ${k}" }`).join(', ')}] }`,
).join('\n');
const write = (f, t) => {
  mkdirSync(dirname(join(ws, f)), { recursive: true });
  writeFileSync(join(ws, f), t);
};
for (const [f, t] of Object.entries(TEMPLATES)) if (f.startsWith('templates/yealink/')) write(f, t);
write(
  'templates/yealink/mac.cfg.hbs',
  `${TEMPLATES['templates/yealink/mac.cfg.hbs']}{{#each keys}}\nlinekey.{{inc @index}}.type = 16\nlinekey.{{inc @index}}.value = {{value}}\nlinekey.{{inc @index}}.label = {{label}}\n{{/each}}\n`,
);

const devPort = await freePort();
write(
  'bench.yaml',
  `pbx: { host: pbx.test }\nserver: { host: 127.0.0.1, port: ${devPort} }\nvars: { ntp: pool.ntp.org, marker: bench }\nphones:\n${phones}\n`,
);
const paths = [];
for (let i = 0; i < PHONES; i++) {
  const ua = `Yealink SIP-T46S 66.86.0.15 ${macOf(i).match(/../g).join(':')}`;
  for (const p of [`/${macOf(i)}.boot`, '/y000000000066.cfg', `/${macOf(i)}.cfg`]) paths.push([p, ua]);
}
const lua = join(dir, 'boot.lua');
// requests are formatted in init(): wrk sets the Host header only after the script is loaded
writeFileSync(
  lua,
  `local list = {\n${paths.map(([p, ua]) => `  { "${p}", "${ua}" },`).join('\n')}\n}
local reqs = {}
local i = 0
init = function(args)
  for _, r in ipairs(list) do reqs[#reqs + 1] = wrk.format("GET", r[1], { ["Host"] = wrk.host .. ":" .. wrk.port, ["User-Agent"] = r[2] }) end
  i = math.random(#reqs)
end
request = function() i = i + 1; if i > #reqs then i = 1 end; return reqs[i] end
`,
);

function wrk(port) {
  const r = spawnSync('wrk', [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency', '-s', lua, `http://127.0.0.1:${port}`], {
    encoding: 'utf8',
    timeout: (DURATION + 30) * 1000,
  });
  const out = r.stdout ?? '';
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const unit = (v, u) => Number(v) * ({ us: 0.001, ms: 1, s: 1000 }[u] ?? NaN);
  const p = (q) => {
    const m = new RegExp(`\\s${q}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    return m ? unit(m[1], m[2]) : NaN;
  };
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0';
  const sockErr = /Socket errors: (.*)/.exec(out)?.[1] ?? 'none';
  return { rps, p50: p(50), p99: p(99), non2xx: Number(errors), sockErr, raw: out };
}

const results = [];
try {
  // ---- dev server: the real CLI
  const cli = join(dir, 'cli.js');
  const bundle = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['tsx'], logLevel: 'warning' };
  await build({ ...bundle, entryPoints: [join(repo, 'server/src/cli/main.ts')], outfile: cli });
  // the dev server's render threads start from the file next to the bundle (as dist/renderWorker.js)
  await build({ ...bundle, entryPoints: [join(repo, 'server/src/devserver/renderWorker.ts')], outfile: join(dir, 'renderWorker.js') });
  const prof = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : [];
  const www = join(dir, 'www');
  // the dev server as shipped (the default --workers: the cores but one), then with more worker processes
  for (const workers of [undefined, ...EXTRA_WORKERS]) {
    const extra = workers === undefined ? [] : ['--workers', String(workers)];
    const dev = spawn(process.execPath, [...prof, cli, 'serve', '--workspace', ws, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(dev);
    let devErr = '';
    dev.stderr.on('data', (d) => {
      devErr += d;
    });
    await waitPort(devPort);
    if (workers === undefined) {
      // pre-render every file once through the dev server (the same bytes nginx will serve)
      mkdirSync(www, { mode: 0o755 });
      chmodSync(dir, 0o755); // nginx workers run as an unprivileged user
      for (const [p, ua] of paths) {
        const res = await fetch(`http://127.0.0.1:${devPort}${p}`, { headers: { 'User-Agent': ua } });
        if (res.status !== 200) throw new Error(`${p}: ${res.status} ${devErr}`);
        writeFileSync(join(www, p.slice(1)), Buffer.from(await res.arrayBuffer()));
      }
    }
    spawnSync('wrk', [`-t${THREADS}`, `-c${CONNECTIONS}`, '-d2s', '-s', lua, `http://127.0.0.1:${devPort}`]); // warm-up (JIT)
    const procs = String(Math.max(1, availableParallelism() - 1)); // serve's default --workers
    const label =
      workers === undefined ? `dev server as shipped (${procs} process${procs === '1' ? '' : 'es'})` : `dev server --workers ${workers}`;
    results.push({ server: label, ...wrk(devPort) });
    dev.kill('SIGTERM');
    await new Promise((r) => {
      if (dev.exitCode !== null) r();
      else {
        dev.once('exit', r);
        setTimeout(r, 5000);
      }
    }); // the profile is written at exit
  }

  // ---- the ceiling for a Node server here: node:http answering the same bytes from memory (no rendering, no log),
  // batched after the poll phase as the dev server answers (answering each request as it is parsed is ~0.8x)
  if (!DEV_ONLY) {
    const port = await freePort();
    const script = `const http = require('http'), fs = require('fs'), path = require('path');
const files = new Map(fs.readdirSync(process.argv[1]).map((f) => ['/' + f, fs.readFileSync(path.join(process.argv[1], f))]));
const send = (q, s) => { const b = files.get(q.url); if (!b) return s.writeHead(404, { 'Content-Length': 0 }).end();
  s.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store', 'Content-Length': b.length }); s.end(b); };
let batch = [];
const flush = () => { const b = batch; batch = []; for (const [q, s] of b) send(q, s); };
http.createServer((q, s) => { if (batch.push([q, s]) === 1) setImmediate(flush); }).listen(+process.argv[2], '127.0.0.1');`;
    const bare = spawn(process.execPath, ['-e', script, www, String(port)], { stdio: 'ignore' });
    children.push(bare);
    await waitPort(port);
    spawnSync('wrk', [`-t${THREADS}`, `-c${CONNECTIONS}`, '-d2s', '-s', lua, `http://127.0.0.1:${port}`]);
    results.push({ server: 'node:http bytes from memory (ceiling)', ...wrk(port) });
    bare.kill('SIGTERM');
  }

  // ---- nginx: the same files, pre-rendered, static
  if (nginxBin) {
    for (const workers of [1, 'auto']) {
      const port = await freePort();
      const ndir = join(dir, `nginx-${workers}`);
      mkdirSync(join(ndir, 'logs'), { recursive: true });
      writeFileSync(
        join(ndir, 'nginx.conf'),
        `daemon off;\nworker_processes ${workers};\npid ${ndir}/nginx.pid;\nerror_log ${ndir}/logs/error.log;\n
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${ndir}/body; proxy_temp_path ${ndir}/proxy; fastcgi_temp_path ${ndir}/fcgi; uwsgi_temp_path ${ndir}/uwsgi; scgi_temp_path ${ndir}/scgi;
  default_type text/plain;
  keepalive_requests 100000;
  server { listen 127.0.0.1:${port}; root ${www}; add_header Cache-Control no-store; etag on; }
}\n`,
      );
      const ng = spawn(nginxBin, ['-p', ndir, '-c', join(ndir, 'nginx.conf')], { stdio: 'ignore' });
      children.push(ng);
      await waitPort(port);
      results.push({ server: `nginx static (worker_processes ${workers})`, ...wrk(port) });
      ng.kill('SIGQUIT');
      await new Promise((r) => {
        ng.once('exit', r);
        setTimeout(r, 3000);
      });
    }
  } else if (!DEV_ONLY) {
    console.error('bootstorm: nginx is missing (apt-get install nginx): dev server figures only');
  }
} finally {
  clearTimeout(watchdog);
  cleanup();
}

console.log(
  `boot storm: ${PHONES} Yealink phones x 3 boot files (${paths.length} distinct requests), wrk -t${THREADS} -c${CONNECTIONS} -d${DURATION}s, loopback, ${process.versions.node}`,
);
console.log(`${'server'.padEnd(46)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  non-2xx  socket errors`);
for (const r of results)
  console.log(
    `${r.server.padEnd(46)} ${r.rps.toFixed(0).padStart(9)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}  ${String(r.non2xx).padStart(7)}  ${r.sockErr}`,
  );
const dev = results[0];
const others = results.filter((r) => !r.server.startsWith('dev server'));
for (const n of others) console.log(`dev server as shipped / ${n.server}: ${((dev.rps / n.rps) * 100).toFixed(0)}% of req/s`);
for (const d of results.slice(1).filter((r) => r.server.startsWith('dev server')))
  console.log(`${d.server} / as shipped: ${(d.rps / dev.rps).toFixed(2)}x req/s, p99 ${d.p99.toFixed(1)} vs ${dev.p99.toFixed(1)} ms`);
const ok = dev && dev.non2xx === 0 && dev.p99 < 20;
const nginx1 = results.find((r) => r.server.includes('worker_processes 1)'));
if (nginx1) console.log(`goal >= 50% of nginx (1 worker) req/s, as shipped: ${dev.rps >= nginx1.rps / 2 ? 'met' : 'NOT met'}`);
console.log(`goal p99 < 20 ms at ${CONNECTIONS} connections, as shipped: ${dev.p99 < 20 ? 'met' : 'NOT met'}`);
process.exit(ok ? 0 : 1);
