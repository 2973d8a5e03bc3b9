// Starts a worker thread from a file next to the running code: the bundled `<name>.js` in dist/, or, when
// running from TypeScript sources (tests), `<name>.ts` loaded through tsx's require hook. No node options
// are inherited (an editor's --inspect or the like may not suit a thread).
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';

export function startWorker(dir: string, name: string, ts: boolean, opts: { workerData?: unknown } = {}): Worker {
  if (!ts) return new Worker(join(dir, `${name}.js`), { execArgv: [], workerData: opts.workerData });
  const tsx = require.resolve('tsx/cjs/api');
  const entry = join(dir, `${name}.ts`);
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, {
    eval: true,
    execArgv: [],
    workerData: opts.workerData,
  });
}
