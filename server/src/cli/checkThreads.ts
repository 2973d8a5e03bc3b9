// `check --jobs N`: the phones of each template rendered and checked on N worker threads (checkWorker.ts), in
// chunks of consecutive phones. Each chunk comes back deduplicated in the order its problems were first found,
// and the chunks are merged in phone order, so the result is the one `checkWorkspace` gives on one thread.
// Memory stays bounded: a thread keeps only one chunk's distinct problems, and the threads start on demand.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { checkWorkspace, startTemplateCheck, workspaceCheck, type CheckOptions } from '../core/check';
import { inSnapshot } from '../core/files';
import type { ServerAddress } from '../core/context';
import type { RenderTarget } from '../core/dialect';
import type { RenderLimits } from '../core/render/interpreter';
import type { Bench, Phone, Problem } from '../core/types';
import type { RouteDef } from '../core/vendors';
import type { Workspace } from '../core/workspace';
import { startWorker } from '../node/startWorker';

export interface CheckWorkerData {
  root: string;
  benchFile: string;
  limits: Partial<RenderLimits>;
  address?: ServerAddress;
  /**
   * The bench as this thread parsed it, for the file's text: a thread adopts it rather than parsing the file
   * again (the YAML document, kept for locating bench problems, is not sent: threads only render).
   */
  bench?: { text: string; bench: Bench; hasErrors: boolean; phoneIndex?: Map<string, number> };
}

/** A check target as sent to a thread: the phone by its place in the bench (the thread parses the same bench file). */
export interface JobTarget {
  phone: number | Phone;
  route?: RouteDef;
  deviceconfig?: number;
  fallback?: boolean;
}

/** Render `file` for these targets, in order. */
export interface CheckJob {
  id: number;
  file: string;
  targets: JobTarget[];
}

export type CheckReply = { id: number; error: string } | { id: number; problems: Problem[]; stopped: boolean };

/**
 * Benches of fewer phones than this are checked on the calling thread: a thread's start (loading the engine,
 * parsing the bench, compiling the key catalog) costs about what a few hundred phones' checks do.
 */
export const THREADS_FROM = 200;

/**
 * Default threads: the cores but one, at most 8 (so one thread, in-process, on 2 cores). Measured on an idle
 * 2-core machine (bench/check-scale.mjs), `--jobs 2` checked 500 / 5,000 phones at 0.86× / 1.15× the speed of
 * one thread (peak RSS 1.3×): each thread loads the engine and compiles the catalog; the bench comes parsed.
 */
export function defaultJobs(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 8));
}

const ts = __filename.endsWith('.ts');
const workerFile = join(__dirname, `checkWorker.${ts ? 'ts' : 'js'}`);

/**
 * `checkWorkspace` with the phones rendered on `jobs` threads (1: on this thread). `warn`: told once when the
 * threads cannot be used (the worker file is missing beside the bundle) and the check runs on this thread.
 * `threadsFrom`: the smallest bench checked on threads (tests).
 */
export async function checkWorkspaceThreaded(
  ws: Workspace,
  root: string,
  opts: CheckOptions,
  jobs: number,
  warn: (line: string) => void,
  threadsFrom = THREADS_FROM,
): Promise<Problem[]> {
  if (jobs <= 1 || ws.phones.length < threadsFrom) return checkWorkspace(ws, opts);
  if (!existsSync(workerFile)) {
    warn(`check: ${workerFile} is missing: checking on one thread`);
    return checkWorkspace(ws, opts);
  }
  const text = ws.files.read(ws.benchFile);
  const parsed = ws.parsedBench();
  const bench = text === undefined ? undefined : { text, bench: parsed.bench, hasErrors: parsed.hasErrors, phoneIndex: parsed.phoneIndex };
  const pool = new CheckPool(jobs, { root, benchFile: ws.benchFile, limits: ws.renderLimits, address: ws.serverAddress, bench });
  pool.warm(); // the threads start while this one finds the static problems and the targets
  try {
    // the static problems and the targets under one view of the files (DiskFiles.snapshot: no stat per read)
    const { run, starts } = inSnapshot(ws.files, () => {
      const run = workspaceCheck(ws, opts);
      return { run, starts: run.files.map((file) => ({ file, start: startTemplateCheck(ws, file, run.templateOpts) })) };
    });
    const place = new Map((run.templateOpts.bench ?? ws.parsedBench()).bench.phones.map((p, i) => [p, i]));
    const sent = (t: RenderTarget): JobTarget => ({ ...t, phone: place.get(t.phone) ?? t.phone });
    // every chunk of every template is queued at once (the threads stay busy across templates), merged in order
    const pending = starts.map(({ file, start }) => {
      if ('done' in start) return [];
      const size = Math.max(4, Math.min(200, Math.ceil(start.targets.length / (jobs * 4))));
      const chunks: Promise<{ problems: Problem[]; stopped: boolean }>[] = [];
      for (let from = 0; from < start.targets.length; from += size) {
        const chunk = pool.run({ file, targets: start.targets.slice(from, from + size).map(sent) });
        chunk.catch(() => {}); // a chunk never awaited (after a failure, or past a render over budget) may fail at close()
        chunks.push(chunk);
      }
      return chunks;
    });
    for (const [i, { file, start }] of starts.entries()) {
      if ('done' in start) {
        run.addTemplate(file, start.done.problems);
        continue;
      }
      for (const chunk of pending[i]) {
        const r = await chunk;
        start.found.add(r.problems);
        if (r.stopped) break; // over its render budget: the phones after it are not checked (as on one thread)
      }
      run.addTemplate(file, start.found.values());
      pending[i] = []; // the chunks' problems can go
    }
    return inSnapshot(ws.files, () => run.finish());
  } finally {
    await pool.close();
  }
}

interface Waiting {
  job: CheckJob;
  resolve: (r: { problems: Problem[]; stopped: boolean }) => void;
  reject: (e: Error) => void;
}

/** N check threads taking chunks from one queue. */
class CheckPool {
  private readonly queue: Waiting[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<number, { worker: Worker; w: Waiting }>();
  private readonly workers: Worker[] = [];
  private nextId = 1;
  private failed?: Error;

  constructor(
    private readonly size: number,
    private readonly data: CheckWorkerData,
  ) {}

  /** Starts every thread now rather than on the first job. */
  warm(): void {
    while (this.workers.length < this.size) this.idle.push(this.spawn());
  }

  run(job: Omit<CheckJob, 'id'>): Promise<{ problems: Problem[]; stopped: boolean }> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { ...job, id: this.nextId++ }, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      if (!this.idle.length && this.workers.length < this.size) this.idle.push(this.spawn());
      const worker = this.idle.pop();
      if (!worker) return;
      const w = this.queue.shift()!;
      this.busy.set(w.job.id, { worker, w });
      worker.postMessage(w.job);
    }
  }

  private spawn(): Worker {
    const worker = startWorker(__dirname, 'checkWorker', ts, { workerData: this.data });
    worker.on('message', (r: CheckReply) => {
      const b = this.busy.get(r.id);
      if (!b) return;
      this.busy.delete(r.id);
      this.idle.push(worker);
      if ('error' in r) this.fail(new Error(r.error));
      else b.w.resolve(r);
      this.dispatch();
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => {
      if (code !== 0 && !this.closing) this.fail(new Error(`a check thread exited with code ${code}`));
    });
    this.workers.push(worker);
    return worker;
  }

  private closing = false;

  private fail(e: Error): void {
    this.failed ??= e;
    for (const w of this.queue.splice(0)) w.reject(this.failed);
    for (const [id, b] of this.busy) {
      this.busy.delete(id);
      b.w.reject(this.failed);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.fail(new Error('the check stopped'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
