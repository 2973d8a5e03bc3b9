// `npm run bench`: every benchmark in turn, each against its baseline run side by side.
//   npm run bench                 all
//   npm run bench -- lsp notify   a selection: check-keys, catalog-eval, check, check-scale, lsp, notify, bootstorm
// Needs a build (npm install does it); lsp installs yaml-language-server into bench/.deps on first use;
// notify needs SIPp (Debian sip-tester), bootstorm nginx and wrk (Debian) — missing tools are reported.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const ALL = {
  'check-keys': {
    cmd: ['--import', 'tsx', 'bench/check-keys.mjs'],
    what: 'catalog checks of a 1,500-key file × 50 phones vs reader-only and naive matcher',
  },
  'catalog-eval': {
    cmd: ['--import', 'tsx', 'bench/catalog-eval/run.mjs'],
    what: 'key catalogs on held-out real templates: false flags, typo recall, legacy files',
  },
  check: { cmd: ['--import', 'tsx', 'bench/check-workspace.mjs'], what: '`check` of a 1,500-key template × 50 phones vs render-only' },
  'check-scale': {
    cmd: ['--import', 'tsx', 'bench/check-scale.mjs'],
    what: '`check` of 50, 500 and 5,000 phones: ms per phone on one thread vs threads (--jobs), peak RSS',
  },
  lsp: {
    cmd: ['bench/lsp.mjs'],
    what: 'language server latency vs yaml-language-server',
    setup: () => {
      if (!existsSync('bench/.deps/node_modules/yaml-language-server'))
        spawnSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefix', 'bench/.deps', 'yaml-language-server'], {
          stdio: 'inherit',
        });
    },
  },
  notify: { cmd: ['--import', 'tsx', 'bench/notify.mjs'], what: 'reprovision 500 phones played by SIPp', needs: ['sipp'] },
  bootstorm: {
    cmd: ['--import', 'tsx', 'bench/bootstorm.mjs'],
    what: 'boot storm: dev server vs nginx serving the same files',
    needs: ['nginx', 'wrk'],
  },
};
const pick = process.argv.slice(2);
let failed = 0;
for (const [name, b] of Object.entries(ALL)) {
  if (pick.length && !pick.includes(name)) continue;
  console.log(`\n=== ${name}: ${b.what}`);
  const missing = (b.needs ?? []).filter((c) => !has(c));
  if (missing.length) {
    console.log(
      `skipped: ${missing.join(', ')} not installed (apt-get install ${missing.map((m) => (m === 'sipp' ? 'sip-tester' : m)).join(' ')})`,
    );
    continue;
  }
  b.setup?.();
  const r = spawnSync(process.execPath, b.cmd, { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`${name}: exit ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
