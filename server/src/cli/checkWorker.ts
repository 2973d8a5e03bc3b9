// A thread of `check --jobs N` (see checkThreads.ts): it opens the same workspace from disk and renders the
// template for the targets (bench phone, route) it is sent, answering with each chunk's problems deduplicated in
// the order first found.
import { parentPort, workerData } from 'node:worker_threads';
import { ProblemSet, renderTargets } from '../core/check';
import { handlebarsDialect, type RenderTarget } from '../core/dialect';
import { inSnapshot } from '../core/files';
import { openWorkspace } from './context';
import type { CheckJob, CheckReply, CheckWorkerData } from './checkThreads';

const data = workerData as CheckWorkerData;
const { workspace: ws } = openWorkspace(data.root, data.benchFile);
ws.renderLimits = data.limits;
ws.setServerAddress(data.address);
const sent = data.bench;
if (sent)
  ws.adoptBench(sent.text, {
    bench: sent.bench,
    hasErrors: sent.hasErrors,
    phoneIndex: sent.phoneIndex,
    problems: [],
    locate: () => undefined,
  });
ws.parsedBench(); // before the first job (when not adopted, or the file changed): the thread starts early to do this meanwhile

parentPort?.on('message', (job: CheckJob) => {
  // one view of the files per job (DiskFiles.snapshot: no stat per read)
  parentPort!.postMessage(inSnapshot(ws.files, () => run(job)));
});

function run(job: CheckJob): CheckReply {
  try {
    const phones = ws.parsedBench().bench.phones;
    const targets: RenderTarget[] = job.targets.map((t) => ({ ...t, phone: typeof t.phone === 'number' ? phones[t.phone] : t.phone }));
    if (targets.some((t) => !t.phone)) return { id: job.id, error: 'the check thread reads another bench' };
    const found = new ProblemSet();
    const r = renderTargets(ws, job.file, ws.dialectOf(job.file) ?? handlebarsDialect, targets, {}, found);
    return { id: job.id, problems: found.inOrder(), stopped: r.stopped };
  } catch (e) {
    return { id: job.id, error: `check thread: ${(e as Error).message}` };
  }
}
