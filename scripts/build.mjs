// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: true,
  keepNames: true,
  // tsx: only the TypeScript sources (tests) load render threads through it (devserver/renderPool.ts)
  external: ['vscode', 'tsx'],
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' }),
  build({ ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // the dev server's render threads (devserver/renderPool.ts), loaded from next to whichever bundle runs it
  build({ ...common, entryPoints: ['server/src/devserver/renderWorker.ts'], outfile: 'dist/renderWorker.js' }),
  // the language server's service thread (node/serviceThread.ts): validation and preview renders
  build({ ...common, entryPoints: ['server/src/node/serviceWorker.ts'], outfile: 'dist/serviceWorker.js' }),
  // check --jobs N: the CLI's check threads (cli/checkThreads.ts)
  build({ ...common, entryPoints: ['server/src/cli/checkWorker.ts'], outfile: 'dist/checkWorker.js' }),
]);
chmodSync('dist/cli.js', 0o755);

// The bench JSON schema ships in the VSIX for the yamlValidation contribution (package.json).
mkdirSync('schemas', { recursive: true });
copyFileSync('server/src/core/bench/bench.schema.json', 'schemas/bench.schema.json');
