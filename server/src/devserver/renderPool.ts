// Renders off the serving thread: a small pool of worker threads (one per core by default), so one slow
// or runaway template never keeps the dev server from answering other phones. The render budget
// (interpreter limits) normally stops a template at the loop that ran away; a thread still busy well past
// its budget is terminated and replaced, and the request gets a render failure.
//
// Each job carries what the render reads, taken by the serving thread in one snapshot: the bench (sent to
// a thread once per bench version), the server address, the budget, and the text of the template and of
// every partial it reaches (a text is sent only when the thread does not already have that version).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../node/startWorker';
import type { ParsedBench } from '../core/bench/parse';
import type { ServerAddress } from '../core/context';
import { DEFAULT_LIMITS, type RenderLimits } from '../core/render/interpreter';
import type { Bench, Phone } from '../core/types';
import type { RouteDef } from '../core/vendors';

/** What one render needs; `files` maps each workspace path the render may read to its text. */
export interface RenderRequest {
  file: string;
  phone: Phone;
  route: RouteDef;
  bench: ParsedBench;
  benchFile: string;
  files: Map<string, string>;
  address?: ServerAddress;
  limits: Partial<RenderLimits>;
}

export type RenderOutcome =
  | { ok: true; text: string; contentType: string; renderMs: number }
  | { ok: false; message: string; renderMs: number; /** Ended by close(), not by the template: not to be remembered. */ aborted?: boolean };

/** The message a render thread receives. */
export interface RenderJob {
  id: number;
  file: string;
  mac: string;
  route: RouteDef;
  benchId: number;
  /** Sent when the thread does not hold this bench version yet. */
  bench?: Bench;
  benchFile: string;
  /** Every path the render may read (the thread drops the others from its file view). */
  files: string[];
  /** Texts the thread does not have in this version yet. */
  texts: [string, string][];
  /** Texts the thread may forget. */
  forget: string[];
  address?: ServerAddress;
  limits: Partial<RenderLimits>;
}

export type WorkerReply =
  | { id: number; error: string }
  | {
      id: number;
      renderMs: number;
      text?: string;
      contentType: string;
      syntaxError?: { line: number; character: number; message: string };
      errors: string[];
    };

interface Slot {
  worker?: Worker;
  /** The thread has loaded and said so: jobs are sent (and timed) only from then on. */
  ready?: boolean;
  job?: { id: number; started: number; timer: NodeJS.Timeout; done: (o: RenderOutcome) => void };
  texts: Map<string, string>;
  bench?: ParsedBench;
}

interface Queued {
  req: RenderRequest;
  done: (o: RenderOutcome) => void;
}

/** Threads failing to start in a row before the pool stops trying. */
const START_FAILURES = 3;
/** How long past its budget a render may run before its thread is terminated. */
const GRACE_MS = 250;
/** A thread forgets texts beyond this many when they are not needed by the current job. */
const KEEP_TEXTS = 2000;

export class RenderPool {
  private readonly slots: Slot[];
  private readonly queue: Queued[] = [];
  private readonly benchIds = new WeakMap<ParsedBench, number>();
  private nextBenchId = 1;
  private nextJob = 1;
  /** Threads terminated past their budget since the pool started (for the log and tests). */
  terminated = 0;
  /** Threads that ended before they were ready, in a row; at START_FAILURES the pool gives up (see `broken`). */
  private startFailures = 0;
  /** Why render threads cannot start (e.g. the worker file is missing from a custom bundle): renders fail at once. */
  broken?: string;
  /** Renders handed to a thread since the pool started (a remembered failure or a cache hit is not one). */
  started = 0;

  /** `start`: how a thread is started (tests); default the bundled or source render worker. */
  constructor(
    size = defaultPoolSize(),
    private readonly startThread: () => Worker = startRenderWorker,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ texts: new Map() }));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts the threads now rather than on the first render (a phone's first request does not wait for them). */
  warm(): void {
    for (const s of this.slots) this.spawn(s);
  }

  render(req: RenderRequest): Promise<RenderOutcome> {
    if (this.broken) return Promise.resolve({ ok: false, message: this.broken, renderMs: 0, aborted: true });
    return new Promise((done) => {
      this.queue.push({ req, done });
      this.dispatch();
    });
  }

  /** Terminates every thread (renders in progress or queued end as aborted); a later render starts new ones. */
  async close(): Promise<void> {
    const aborted: RenderOutcome = { ok: false, message: 'the dev server stopped', renderMs: 0, aborted: true };
    for (const q of this.queue.splice(0)) q.done(aborted);
    await Promise.all(
      this.slots.map((s) => {
        const w = s.worker;
        s.worker = undefined;
        s.ready = false;
        s.texts.clear();
        s.bench = undefined;
        this.finish(s, aborted);
        return w?.terminate();
      }),
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.job) continue;
      const worker = this.spawn(slot);
      if (slot.ready) this.start(slot, worker, this.queue.shift()!);
    }
  }

  private start(slot: Slot, worker: Worker, { req, done }: Queued): void {
    let benchId = this.benchIds.get(req.bench);
    if (benchId === undefined) this.benchIds.set(req.bench, (benchId = this.nextBenchId++));
    const texts: [string, string][] = [];
    for (const [path, text] of req.files) {
      if (slot.texts.get(path) === text) continue;
      slot.texts.set(path, text);
      texts.push([path, text]);
    }
    const forget: string[] = [];
    if (slot.texts.size > KEEP_TEXTS) {
      for (const path of slot.texts.keys()) if (!req.files.has(path)) forget.push(path);
      for (const path of forget) slot.texts.delete(path);
    }
    const job: RenderJob = {
      id: this.nextJob++,
      file: req.file,
      mac: req.phone.mac,
      route: req.route,
      benchId,
      bench: slot.bench === req.bench ? undefined : req.bench.bench,
      benchFile: req.benchFile,
      files: [...req.files.keys()],
      texts,
      forget,
      address: req.address,
      limits: req.limits,
    };
    slot.bench = req.bench;
    const budget = { ...DEFAULT_LIMITS, ...req.limits }.maxMs;
    const killAfter = Number.isFinite(budget) ? budget * 2 + GRACE_MS : undefined;
    const started = performance.now();
    const timer = setTimeout(
      () => {
        if (slot.job?.id !== job.id) return;
        this.terminated++;
        this.finish(slot, {
          ok: false,
          message: `render stopped: still running ${Math.round(performance.now() - started)} ms after it started (render budget ${budget} ms); its render thread was terminated`,
          renderMs: performance.now() - started,
        });
        this.replace(slot);
      },
      killAfter ?? 2 ** 31 - 1,
    );
    timer.unref();
    slot.job = { id: job.id, started, timer, done };
    this.started++;
    worker.postMessage(job);
  }

  private spawn(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const worker = this.startThread();
    worker.unref();
    worker.on('message', (r: WorkerReply | 'ready') => {
      if (r === 'ready') {
        if (slot.worker === worker) slot.ready = true;
        this.startFailures = 0;
        return this.dispatch();
      }
      if (slot.job?.id !== r.id) return;
      if ('error' in r) return this.finish(slot, { ok: false, message: r.error, renderMs: performance.now() - slot.job.started });
      const message = r.syntaxError
        ? `${r.syntaxError.line + 1}:${r.syntaxError.character + 1} ${r.syntaxError.message}`
        : r.text === undefined
          ? r.errors.join('; ') || 'render failed'
          : undefined;
      this.finish(
        slot,
        message === undefined
          ? { ok: true, text: r.text!, contentType: r.contentType, renderMs: r.renderMs }
          : { ok: false, message, renderMs: r.renderMs },
      );
    });
    const lost = (why: string) => {
      if (slot.worker !== worker) return;
      // a thread that never became ready cannot start at all (a missing worker file): after a few, give up rather than loop
      if (!slot.ready && ++this.startFailures >= START_FAILURES) {
        this.broken = `render threads cannot start: ${why}`;
        for (const q of this.queue.splice(0)) q.done({ ok: false, message: this.broken, renderMs: 0, aborted: true });
      }
      this.finish(slot, { ok: false, message: `render thread failed: ${why}`, renderMs: 0 });
      if (this.broken) {
        slot.worker = undefined;
        slot.ready = false;
        return;
      }
      this.replace(slot);
    };
    worker.on('error', (e) => lost(e.message));
    worker.on('exit', (code) => lost(`exited with code ${code}`));
    slot.worker = worker;
    return worker;
  }

  /** Drops a slot's thread (terminated past its budget, or died); the next job starts a new one. */
  private replace(slot: Slot): void {
    const w = slot.worker;
    slot.worker = undefined;
    slot.ready = false;
    slot.texts.clear();
    slot.bench = undefined;
    void w?.terminate();
    this.dispatch();
  }

  private finish(slot: Slot, outcome: RenderOutcome): void {
    const job = slot.job;
    if (!job) return;
    slot.job = undefined;
    clearTimeout(job.timer);
    job.done(outcome);
    queueMicrotask(() => this.dispatch());
  }
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** A render thread: dist/renderWorker.js next to the bundle, or renderWorker.ts from sources (tests). */
function startRenderWorker(): Worker {
  return startWorker(__dirname, 'renderWorker', __filename.endsWith('.ts'));
}
