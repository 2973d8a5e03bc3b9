// A render thread of the dev server (see renderPool.ts). It holds a Workspace over the files the pool
// sends: for each job exactly the template and the partials it reaches, as read by the serving thread in
// one snapshot, so a worker never sees another version of a file than the one the server checked.
import { parentPort } from 'node:worker_threads';
import type { ParsedBench } from '../core/bench/parse';
import { MemoryFiles } from '../core/files';
import { Workspace } from '../core/workspace';
import type { RenderJob, WorkerReply } from './renderPool';

const files = new MemoryFiles();
const known = new Map<string, string>();
let bench: ParsedBench | undefined;
let benchId = -1;
let ws: Workspace | undefined;

parentPort?.on('message', (job: RenderJob) => {
  parentPort!.postMessage(run(job));
});
// loaded: the pool times renders from here on, not the thread's start-up
parentPort?.postMessage('ready');

function run(job: RenderJob): WorkerReply {
  try {
    if (job.bench) {
      bench = { bench: job.bench, problems: [], hasErrors: false, locate: () => undefined };
      benchId = job.benchId;
    }
    if (!bench || benchId !== job.benchId) return { id: job.id, error: 'the render thread lost the bench' };
    for (const [path, text] of job.texts) known.set(path, text);
    for (const path of job.forget) known.delete(path);
    files.files.clear();
    for (const path of job.files) {
      const text = known.get(path);
      if (text !== undefined) files.files.set(path, text);
    }
    ws ??= new Workspace(files, { benchFile: job.benchFile });
    ws.setServerAddress(job.address);
    ws.renderLimits = job.limits;
    const phone = bench.bench.phones.find((p) => p.mac === job.mac);
    if (!phone) return { id: job.id, error: `phone ${job.mac} is not in the bench` };
    const t0 = performance.now();
    const out = ws.render(job.file, phone, { route: job.route, bench });
    return {
      id: job.id,
      renderMs: performance.now() - t0,
      text: out.failed || out.syntaxError ? undefined : out.text,
      contentType: out.format.contentType,
      syntaxError: out.syntaxError
        ? { line: out.syntaxError.range.start.line, character: out.syntaxError.range.start.character, message: out.syntaxError.message }
        : undefined,
      errors: out.issues.filter((i) => i.severity === 'error').map((i) => `${i.file}: ${i.code} ${i.message}`),
    };
  } catch (e) {
    return { id: job.id, error: `internal render error: ${(e as Error).message}` };
  }
}
