// A thread of `check --jobs N` (see checkThreads.ts): it opens the same workspace from disk and renders the
// phones of the chunks it is sent, answering with each chunk's problems deduplicated in the order first found.
import { parentPort, workerData } from 'node:worker_threads';
import { ProblemSet, renderTargets, startTemplateCheck } from '../core/check';
import { openWorkspace } from './context';
import type { CheckJob, CheckReply, CheckWorkerData } from './checkThreads';

const data = workerData as CheckWorkerData;
const { workspace: ws } = openWorkspace(data.root, data.benchFile);
ws.renderLimits = data.limits;
ws.setServerAddress(data.address);
const starts = new Map<string, ReturnType<typeof startTemplateCheck>>();

parentPort?.on('message', (job: CheckJob) => {
  parentPort!.postMessage(run(job));
});

function run(job: CheckJob): CheckReply {
  try {
    let start = starts.get(job.file);
    if (!start) starts.set(job.file, (start = startTemplateCheck(ws, job.file)));
    if ('done' in start) return { id: job.id, error: `${job.file}: the check thread finds nothing to render` };
    const found = new ProblemSet();
    const r = renderTargets(ws, job.file, start.dialect, start.targets.slice(job.from, job.to), {}, found);
    return { id: job.id, problems: found.inOrder(), stopped: r.stopped };
  } catch (e) {
    return { id: job.id, error: `check thread: ${(e as Error).message}` };
  }
}
