#!/usr/bin/env node
// Real-VS-Code end-to-end runner (code-server 4.100.3 + Debian Chromium via playwright-core).
// Recipe and rationale: shared/docs/vscode-harness.md.
//
// Prerequisites:  bash .ci/install-vscode-harness.sh   (apt packages + .ci/vscode-harness/node_modules)
//                 npm run build                         (this runner builds nothing)
// Usage:          node test/vscode/run.mjs [options]
//
//   --extension-dir <dir>  extension to test (default: repo root); packaged with
//                          `vsce package --no-dependencies -o out/provisioning-studio.vsix` in that dir
//   --vsix <file>          use this VSIX instead of packaging one
//   --self-test            test the harness itself with a throw-away minimal extension (no build needed)
//   --ui-only | --suite-only   run only phase 1 (Playwright drive) or phases 2 and 3 (in-host mocha)
//   --multiroot-only       run only phase 3 (in-host mocha in the multi-root window)
//   --keep-state           keep the mktemp state dir (user data, extensions, workspace, logs)
//   --timeout <s>          overall cap, default 300
//
// Phase 1 drives the INSTALLED VSIX through the workbench UI, step by step (test/vscode/ui/steps.mjs).
// Phase 2 opens a window whose `payload` URL parameter sets extensionDevelopmentPath = <extension dir>
// and extensionTestsPath = test/vscode/suite/index (mocha in the extension host); the suite writes its
// counts to the file named by PS_VSCODE_SUITE_RESULTS. Phase 3 does the same in a multi-root window
// (?workspace= a copy of test/vscode/fixture-multiroot/multi.code-workspace) with test/vscode/multiroot.
// Screenshots and logs go to test-results/vscode/.
// The last line printed is exactly "N passed, N failed"; the exit code is non-zero on any failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import util from 'node:util';
import assert from 'node:assert/strict';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HARNESS = path.join(REPO, '.ci/vscode-harness');
const CODE_SERVER = path.join(HARNESS, 'node_modules/.bin/code-server');
const FIXTURE = path.join(REPO, 'test/vscode/fixture');
const SUITE_INDEX = path.join(REPO, 'test/vscode/suite/index');
const FIXTURE_MULTI = path.join(REPO, 'test/vscode/fixture-multiroot');
const MULTI_INDEX = path.join(REPO, 'test/vscode/multiroot/index');
const MULTI_WORKSPACE_FILE = 'multi.code-workspace';
const OUT = path.join(REPO, 'test-results/vscode');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const VSIX_NAME = 'provisioning-studio.vsix';
const SUITE_START_MARKER = '--- provisioning-studio in-host suite ---'; // printed by suite/index.js

// ---------------------------------------------------------------------------------------------
const { values: opt } = util.parseArgs({
  options: {
    'extension-dir': { type: 'string' },
    vsix: { type: 'string' },
    'self-test': { type: 'boolean', default: false },
    'ui-only': { type: 'boolean', default: false },
    'suite-only': { type: 'boolean', default: false },
    'multiroot-only': { type: 'boolean', default: false },
    'keep-state': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help) {
  console.log(
    fs
      .readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\nimport ')[0]
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(0);
}

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1).padStart(5);
const log = (msg) => console.log(`[${secs()}s] ${msg}`);

const totals = { passed: 0, failed: 0 };
const failures = [];
function fail(what, err) {
  totals.failed += 1;
  const msg = err ? `${what}: ${err && err.message ? err.message : err}` : what;
  failures.push(msg);
  log(`FAIL ${msg}`);
}

let server = null; // code-server ChildProcess (process-group leader)
let state = null; // mktemp dir
let finished = false;
let currentPage = null; // for the timeout screenshot

function killServerSync() {
  if (server && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', killServerSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.log(`\n${sig}: stopping code-server`);
    killServerSync();
    if (state && !opt['keep-state']) fs.rmSync(state, { recursive: true, force: true });
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
function harnessRequire(id) {
  if (!fs.existsSync(CODE_SERVER)) {
    throw new Error(`harness not installed (${CODE_SERVER} missing): run bash .ci/install-vscode-harness.sh`);
  }
  return createRequire(path.join(HARNESS, 'package.json'))(id);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(cmd, args, { cwd, env, what }) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(`${what} failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}):\n${r.stdout}\n${r.stderr}`.trim());
  }
  return r.stdout;
}

function readManifest(extDir) {
  const p = path.join(extDir, 'package.json');
  const m = JSON.parse(fs.readFileSync(p, 'utf8'));
  const id = `${m.publisher}.${m.name}`;
  const contributes = m.contributes || {};
  const commands = (contributes.commands || []).map((c) => ({ ...c, label: c.category ? `${c.category}: ${c.title}` : c.title }));
  return {
    id,
    name: m.name,
    publisher: m.publisher,
    displayName: m.displayName,
    version: m.version,
    main: m.main,
    commands,
    engines: m.engines || {},
  };
}

/** A minimal extension with the real id, to prove the harness while the real one does not build. */
function writeSelfTestExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'provisioning-studio',
        displayName: 'Provisioning Studio',
        description: 'Harness self-test stand-in',
        publisher: 'provisioning-studio',
        version: '0.0.1',
        license: 'MIT',
        engines: { vscode: '^1.82.0' },
        main: './extension.js',
        activationEvents: ['workspaceContains:bench.yaml'],
        contributes: { commands: [{ command: 'provisioningStudio.selfTest.hello', title: 'Self-test Hello', category: 'Provisioning' }] },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    [
      "const vscode = require('vscode');",
      'exports.activate = (context) => {',
      "  context.subscriptions.push(vscode.commands.registerCommand('provisioningStudio.selfTest.hello',",
      "    () => vscode.window.showInformationMessage('Provisioning Studio self-test: hello')));",
      '};',
      'exports.deactivate = () => {};',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  fs.writeFileSync(path.join(dir, 'README.md'), '# Provisioning Studio harness self-test\n');
  fs.writeFileSync(path.join(dir, '.vscodeignore'), 'out/**\n');
  return dir;
}

function vsceBin() {
  const local = path.join(REPO, 'node_modules/.bin/vsce');
  return fs.existsSync(local) ? [local, []] : ['npx', ['--no-install', 'vsce']];
}

function packageVsix(extDir) {
  const [bin, pre] = vsceBin();
  // Guard: vsce only skips the TOP-LEVEL node_modules; a missing .vscodeignore would pack the
  // 300 MB harness (.ci/vscode-harness/node_modules) and take minutes.
  const listed = run(bin, [...pre, 'ls', '--no-dependencies'], { cwd: extDir, what: 'vsce ls' })
    .split('\n')
    .filter(Boolean);
  const bad = listed.filter((f) => /(^|\/)node_modules\//.test(f) || f.startsWith('.ci/') || f.startsWith('test-results/'));
  if (bad.length) {
    throw new Error(
      `the VSIX would contain ${bad.length} harness/node_modules files (e.g. ${bad[0]}); ` +
        `add to ${path.join(extDir, '.vscodeignore')}: .ci/**  test/**  test-results/**  node_modules/**  out/**  **/*.ts  **/*.map`,
    );
  }
  fs.mkdirSync(path.join(extDir, 'out'), { recursive: true }); // -o does not create it
  const vsix = path.join(extDir, 'out', VSIX_NAME);
  run(
    bin,
    [...pre, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '-o', vsix],
    { cwd: extDir, what: 'vsce package' },
  );
  return vsix;
}

function prepareState(dir) {
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'files.autoSave': 'off', // the suites keep unsaved edits on purpose
  };
  const paths = {
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    ws: path.join(dir, 'ws'),
    wsMulti: path.join(dir, 'ws-multi'),
    xdg: path.join(dir, 'xdg'),
    suiteResults: path.join(dir, 'results', 'suite.json'),
  };
  fs.mkdirSync(path.join(paths.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(paths.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.mkdirSync(paths.extensions, { recursive: true });
  fs.cpSync(FIXTURE, paths.ws, { recursive: true });
  fs.cpSync(FIXTURE_MULTI, paths.wsMulti, { recursive: true });
  for (const d of ['config', 'data', 'cache']) fs.mkdirSync(path.join(paths.xdg, d), { recursive: true });
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(paths.xdg, 'config'),
    XDG_DATA_HOME: path.join(paths.xdg, 'data'),
    XDG_CACHE_HOME: path.join(paths.xdg, 'cache'),
    PS_VSCODE_SUITE_RESULTS: paths.suiteResults,
  };
  delete env.VSCODE_IPC_HOOK_CLI; // never talk to an outer VS Code
  delete env.PASSWORD;
  return { ...paths, env, csArgs: ['--user-data-dir', paths.userData, '--extensions-dir', paths.extensions] };
}

async function startServer(st, port) {
  const logFd = fs.openSync(path.join(OUT, 'code-server.log'), 'a');
  server = spawn(
    CODE_SERVER,
    [
      ...st.csArgs,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      st.ws,
    ],
    { env: st.env, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  fs.closeSync(logFd);
  const exited = new Promise((resolve) => server.once('exit', (code, sig) => resolve(`code-server exited (${code ?? sig})`)));
  const base = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (;;) {
      try {
        const r = await fetch(`${base}/healthz`);
        if (r.ok) return base;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const first = await withTimeout(Promise.race([ready, exited]), 30_000, 'code-server start');
  if (!first.startsWith('http')) throw new Error(`${first}; see test-results/vscode/code-server.log`);
  return base;
}

async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((r) => server.once('exit', r));
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    return;
  }
  const t = setTimeout(() => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 5_000);
  await gone;
  clearTimeout(t);
  // children (extension host, pty host) share the process group
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    /* all gone */
  }
}

async function launchBrowser(st) {
  const { chromium } = harnessRequire('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium keeps "Crash Reports" under $XDG_CONFIG_HOME/chromium regardless of its profile dir
    env: { ...process.env, XDG_CONFIG_HOME: st.env.XDG_CONFIG_HOME, XDG_CACHE_HOME: st.env.XDG_CACHE_HOME },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

function attachPageLog(page, file, onLine) {
  const out = fs.createWriteStream(file, { flags: 'a' });
  page.on('console', async (msg) => {
    let text;
    try {
      const vals = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => String(a))));
      // VS Code forwards extension-host output as ['%c INFO', 'color: …', fmt, ...args]
      text = typeof vals[0] === 'string' && vals[0].startsWith('%c') ? util.format(...vals.slice(2)) : util.format(...vals);
      if (onLine && typeof vals[0] === 'string' && vals[0].startsWith('%c')) onLine(text);
    } catch {
      text = msg.text();
    }
    out.write(`[${msg.type()}] ${text}\n`);
  });
  page.on('pageerror', (e) => out.write(`[pageerror] ${e.stack || e}\n`));
  return out;
}

// ---------------------------------------------------------------------------------------------
async function phaseUi(base, st, ext) {
  const { steps } = await import(pathToFileURL(path.join(REPO, 'test/vscode/ui/steps.mjs')).href);
  const { Workbench } = await import(pathToFileURL(path.join(REPO, 'test/vscode/ui/workbench.mjs')).href);
  log(`phase 1: Playwright drive of the installed VSIX (${steps.length} steps)`);
  const browser = await launchBrowser(st);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageLog = attachPageLog(page, path.join(OUT, 'ui-console.log'));
    currentPage = page;
    const ui = new Workbench(page, { shotsDir: OUT });
    const ctx = { page, ui, ext, workspace: st.ws, assert, log: (m) => console.log(`          ${m}`) };
    await page.goto(`${base}/?folder=${encodeURIComponent(st.ws)}`);
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      const ts = Date.now();
      try {
        await withTimeout(
          Promise.resolve().then(() => s.run(ctx)),
          s.timeout,
          `step "${s.name}"`,
        );
        totals.passed += 1;
        log(`  ✓ ${s.name} (${((Date.now() - ts) / 1000).toFixed(1)} s)`);
        await ui.screenshot(`${String(i + 1).padStart(2, '0')}-${s.name}`).catch(() => {});
      } catch (err) {
        fail(`ui step "${s.name}"`, err);
        await ui.screenshot('99-failure').catch(() => {});
        const rest = steps.length - i - 1;
        if (rest) log(`  (${rest} later step(s) not run)`);
        break;
      }
    }
    pageLog.end();
  } finally {
    currentPage = null;
    await browser.close().catch(() => {});
  }
}

/**
 * An in-host mocha run in a new window: `phase.index` (extensionTestsPath) in `phase.target` (the
 * `folder=` or `workspace=` URL parameter); logs go to `<phase.name>-console.log`.
 */
async function phaseSuite(base, st, extDir, capMs, phase) {
  const { name, title, index, target } = phase;
  log(`${title} (extensionDevelopmentPath=${extDir})`);
  fs.rmSync(st.suiteResults, { force: true });
  const browser = await launchBrowser(st);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    currentPage = page;
    let exit;
    const exited = new Promise((resolve) => {
      exit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      exit(code);
    });
    let echo = false; // echo the extension host's console from the suite's start marker on
    const pageLog = attachPageLog(page, path.join(OUT, `${name}-console.log`), (line) => {
      if (line.includes(SUITE_START_MARKER)) {
        echo = true;
        return;
      }
      if (echo) for (const l of line.split('\n')) console.log(`   host| ${l}`);
    });
    const remote = (p) => `vscode-remote://remote${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extDir)],
      ['extensionTestsPath', remote(index)],
    ];
    await page.goto(`${base}/?${target}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let code;
    try {
      code = await withTimeout(exited, capMs, 'in-host suite');
    } catch (err) {
      await page.screenshot({ path: path.join(OUT, `99-failure-${name}.png`) }).catch(() => {});
      throw err;
    }
    await page.screenshot({ path: path.join(OUT, `${name}-end.png`) }).catch(() => {});
    pageLog.end();
    let r = null;
    try {
      r = JSON.parse(fs.readFileSync(st.suiteResults, 'utf8'));
    } catch {
      /* none written */
    }
    if (!r) {
      fail(`${name}: in-host suite wrote no results (exit code ${code}); see test-results/vscode/${name}-console.log`);
      return;
    }
    totals.passed += r.passes;
    for (const t of r.failedTitles || []) fail(`${name}: ${t}`);
    const unlisted = r.failures - (r.failedTitles || []).length;
    for (let i = 0; i < unlisted; i++) fail(`${name}: (untitled failure)`);
    if (code !== 0 && r.failures === 0) fail(`${name}: in-host suite exited with code ${code} but reported no failures`);
    log(`${name}: ${r.passes} passed, ${r.failures} failed, ${r.pending} pending (exit code ${code})`);
  } finally {
    currentPage = null;
    await browser.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) {
    if (/\.(png|log|json)$/.test(f)) fs.rmSync(path.join(OUT, f), { force: true });
  }
  if (!fs.existsSync(CODE_SERVER)) throw new Error('harness not installed: run bash .ci/install-vscode-harness.sh');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run bash .ci/install-vscode-harness.sh`);

  state = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-vscode-'));
  const extDir = path.resolve(opt['self-test'] ? writeSelfTestExtension(path.join(state, 'selftest-ext')) : opt['extension-dir'] || REPO);
  const ext = readManifest(extDir);
  log(`extension ${ext.id}@${ext.version} from ${extDir}; state ${state}`);
  if (ext.main && !fs.existsSync(path.resolve(extDir, ext.main)) && !fs.existsSync(path.resolve(extDir, `${ext.main}.js`))) {
    throw new Error(`${ext.main} missing in ${extDir}: run \`npm run build\` first`);
  }

  // code-server 4.100.3 is VS Code 1.100.3: a VSIX asking for more is refused at install
  const need = /(\d+)\.(\d+)/.exec(ext.engines.vscode || '');
  if (need && (Number(need[1]) > 1 || Number(need[2]) > 100)) {
    throw new Error(`engines.vscode ${ext.engines.vscode} is newer than the harness's VS Code 1.100.3`);
  }
  const vsix = opt.vsix ? path.resolve(opt.vsix) : packageVsix(extDir);
  log(`VSIX ${vsix.startsWith(REPO + path.sep) ? path.relative(REPO, vsix) : vsix} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);

  const st = prepareState(state);
  run(CODE_SERVER, [...st.csArgs, '--install-extension', vsix], { env: st.env, what: 'code-server --install-extension' });
  const installed = fs.readdirSync(st.extensions).filter((d) => d.toLowerCase().startsWith(`${ext.id.toLowerCase()}-`));
  if (!installed.length) throw new Error(`VSIX installed but ${ext.id} not in ${st.extensions}`);
  log(`installed ${installed[0]}`);

  const port = await freePort();
  const base = await startServer(st, port);
  log(`code-server ${base} (pid ${server.pid})`);

  const only = opt['multiroot-only'];
  if (!opt['suite-only'] && !only) await phaseUi(base, st, ext);
  const cap = () => Math.max(10_000, Math.min(180_000, Number(opt.timeout) * 1000 - (Date.now() - t0) - 10_000));
  if (!opt['ui-only'] && !only) {
    await phaseSuite(base, st, extDir, cap(), {
      name: 'suite',
      title: 'phase 2: in-host mocha suite',
      index: SUITE_INDEX,
      target: `folder=${encodeURIComponent(st.ws)}`,
    });
  }
  // the self-test extension has no multi-root tests
  if (!opt['ui-only'] && !opt['self-test']) {
    await phaseSuite(base, st, extDir, cap(), {
      name: 'multiroot',
      title: 'phase 3: in-host mocha suite in a multi-root window',
      index: MULTI_INDEX,
      target: `workspace=${encodeURIComponent(path.join(st.wsMulti, MULTI_WORKSPACE_FILE))}`,
    });
  }
}

async function finish() {
  if (finished) return;
  finished = true;
  clearTimeout(overall);
  await stopServer().catch((e) => log(`stopping code-server: ${e.message}`));
  if (state && !opt['keep-state']) fs.rmSync(state, { recursive: true, force: true });
  else if (state) log(`state kept in ${state}`);
  if (failures.length) {
    console.log('\nFailures:');
    for (const f of failures) console.log(`  - ${f}`);
  }
  log(`done; screenshots and logs in ${path.relative(process.cwd(), OUT) || OUT}`);
  try {
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify({ ...totals, failures, seconds: (Date.now() - t0) / 1000 }, null, 2));
  } catch {
    /* best effort */
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

const overall = setTimeout(
  async () => {
    if (finished) return;
    fail(`overall timeout of ${opt.timeout} s`);
    if (currentPage) {
      await withTimeout(currentPage.screenshot({ path: path.join(OUT, '99-failure.png') }), 5_000, 'screenshot').catch(() => {});
    }
    await finish();
  },
  Number(opt.timeout) * 1000,
);

try {
  await main();
} catch (err) {
  fail('harness error', err);
}
await finish();
