// The language server's other thread (see offThread.ts): one worker, jobs in order, a queued validation
// replaced by a newer one for the same document. A watchdog restarts the worker when a render runs past
// twice its budget (plus a grace) — a loop whose steps are too slow for the step counter — so one runaway
// template never takes the editor's diagnostics and previews with it. Only what changed is sent: the
// worker keeps each folder's open buffers, and forgets them all when it is restarted.
import type { Worker } from 'node:worker_threads';
import type { FolderState, OffThreadOutcome, OffThreadService, OpenDoc } from '../offThread';
import type { EffectiveParams, EffectiveResult, RenderParams, RenderResultMessage } from '../protocol';
import type { ValidationOptions, ValidationResult } from '../service/validation';
import type { ServiceJob, ServiceReply } from './serviceWorker';
import { startWorker } from './startWorker';

/** Threads failing to start in a row before the service gives up (and the language server works inline). */
const START_FAILURES = 3;
/** How long past its budget a render may run before the thread is restarted. */
const GRACE_MS = 250;
/** How long a job may run before its first render starts (parsing, static checks, a large bench): a safety net. */
const BEFORE_RENDER_MS = 30_000;

type Job = Omit<ServiceJob, 'id' | 'cancel' | 'folder' | 'docs' | 'closed'> & {
  folder: FolderState;
  /** Jobs with the same key replace each other while queued (one validation per document). */
  key?: string;
  done: (o: OffThreadOutcome<unknown>) => void;
};

export class ServiceThread implements OffThreadService {
  private worker?: Worker;
  private ready = false;
  private queue: Job[] = [];
  private current?: { id: number; job: Job; started: number; timer?: NodeJS.Timeout; budget?: number };
  private nextId = 1;
  /** Per folder, the text of each open document the worker holds. */
  private sent = new Map<string, Map<string, string>>();
  /** Times the worker was restarted because a render ran past its budget. */
  restarts = 0;
  /** Running jobs stopped because a newer one for the same document came (their renders poll this flag). */
  cancelled = 0;
  /** Why the thread cannot start (after START_FAILURES tries): every job is answered `unavailable` at once. */
  unavailable?: string;
  private startFailures = 0;
  private readonly cancel = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly opts: { start?: () => Worker; graceMs?: number; beforeRenderMs?: number } = {}) {}

  validate(folder: FolderState, doc: { uri: string; version: number }, opts: ValidationOptions) {
    return this.enqueue<ValidationResult>({ kind: 'validate', folder, doc, opts, key: `validate ${doc.uri}` });
  }

  render(folder: FolderState, uri: string | undefined, params: RenderParams, version?: number) {
    const doc = uri ? { uri, version: version ?? params.version ?? 0 } : undefined;
    return this.enqueue<RenderResultMessage>({ kind: 'render', folder, doc, params });
  }

  effective(folder: FolderState, params: EffectiveParams) {
    return this.enqueue<EffectiveResult>({ kind: 'effective', folder, effective: params });
  }

  async dispose(): Promise<void> {
    for (const j of this.queue.splice(0)) j.done({ ok: false, reason: 'failed', message: 'the language server stopped' });
    this.finish({ ok: false, reason: 'failed', message: 'the language server stopped' });
    const w = this.worker;
    this.drop();
    await w?.terminate();
  }

  private enqueue<T>(job: Omit<Job, 'done'>): Promise<OffThreadOutcome<T>> {
    if (this.unavailable) return Promise.resolve({ ok: false, reason: 'unavailable', message: this.unavailable });
    return new Promise((resolve) => {
      const full = { ...job, done: resolve as Job['done'] };
      // the running validation of the same document is stale: its renders stop at their next clock check
      if (job.key && this.current?.job.key === job.key) Atomics.store(this.cancel, 0, this.current.id);
      const i = job.key ? this.queue.findIndex((q) => q.key === job.key) : -1;
      if (i >= 0) {
        this.queue[i].done({ ok: false, reason: 'superseded', message: 'a newer version replaced it' });
        this.queue[i] = full;
      } else this.queue.push(full);
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.current || !this.queue.length) return;
    const worker = this.spawn();
    if (!this.ready) return; // sent once the thread says it is ready
    const job = this.queue.shift()!;
    const { docs, closed } = this.changes(job.folder);
    const { folder, key: _key, done: _done, ...rest } = job;
    const { docs: _all, ...folderState } = folder;
    const msg: ServiceJob = { ...rest, id: this.nextId++, cancel: this.cancel, folder: folderState, docs, closed };
    this.current = { id: msg.id, job, started: performance.now() };
    this.arm(this.opts.beforeRenderMs ?? BEFORE_RENDER_MS);
    worker.ref(); // a job in flight keeps the process alive; an idle thread does not
    worker.postMessage(msg);
  }

  /** What the worker has not seen of a folder's open documents; marks it as sent. */
  private changes(folder: FolderState): { docs: OpenDoc[]; closed: string[] } {
    let sent = this.sent.get(folder.uri);
    if (!sent) this.sent.set(folder.uri, (sent = new Map()));
    const docs = folder.docs.filter((d) => sent.get(d.uri) !== d.text);
    const open = new Set(folder.docs.map((d) => d.uri));
    const closed = [...sent.keys()].filter((u) => !open.has(u));
    for (const u of closed) sent.delete(u);
    for (const d of docs) sent.set(d.uri, d.text);
    return { docs, closed };
  }

  /** (Re)starts the watchdog: the thread is restarted if the job is still running after `ms`. */
  private arm(ms: number): void {
    const cur = this.current;
    if (!cur) return;
    clearTimeout(cur.timer);
    cur.timer = setTimeout(() => this.stop(cur.id), ms);
    cur.timer.unref();
  }

  private stop(id: number): void {
    const cur = this.current;
    if (!cur || cur.id !== id) return;
    const ran = Math.round(performance.now() - cur.started);
    const budget = cur.budget !== undefined ? ` (render budget ${cur.budget} ms)` : '';
    const w = this.worker;
    this.drop();
    void w?.terminate();
    this.restarts++;
    this.finish({
      ok: false,
      reason: 'stopped',
      message: `stopped: still running after ${ran} ms${budget}; the service thread was restarted`,
    });
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = (this.opts.start ?? (() => startWorker(__dirname, 'serviceWorker', __filename.endsWith('.ts'))))();
    worker.unref();
    this.worker = worker;
    worker.on('message', (r: ServiceReply) => {
      if (worker !== this.worker) return;
      if (r === 'ready') {
        this.ready = true;
        this.startFailures = 0;
        return this.dispatch();
      }
      if ('beat' in r) {
        if (this.current && Number.isFinite(r.beat)) {
          this.current.budget = r.beat;
          this.arm(r.beat * 2 + (this.opts.graceMs ?? GRACE_MS));
        }
        return;
      }
      if (this.current?.id !== r.id) return;
      if (!r.ok && r.cancelled) this.cancelled++;
      this.finish(r.ok ? { ok: true, value: r.value } : { ok: false, reason: r.cancelled ? 'superseded' : 'failed', message: r.message });
    });
    const died = (why: string) => {
      if (worker !== this.worker) return;
      const starting = !this.ready;
      this.drop();
      // a thread that never became ready cannot start at all (a missing worker file): after a few, stop trying
      if (starting && ++this.startFailures >= START_FAILURES) {
        this.unavailable = `the service thread cannot start: ${why}`;
        for (const j of this.queue.splice(0)) j.done({ ok: false, reason: 'unavailable', message: this.unavailable });
      }
      this.finish({ ok: false, reason: 'failed', message: `the service thread ended: ${why}` });
      queueMicrotask(() => this.dispatch()); // queued jobs go to a new thread
    };
    worker.on('error', (e) => died(e?.message ?? String(e)));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return worker;
  }

  /** Forgets the worker and everything it held; the next job starts a new one. */
  private drop(): void {
    this.worker = undefined;
    this.ready = false;
    this.sent.clear();
  }

  private finish(outcome: OffThreadOutcome<unknown>): void {
    const cur = this.current;
    if (!cur) return;
    this.current = undefined;
    clearTimeout(cur.timer);
    this.worker?.unref();
    cur.job.done(outcome);
    queueMicrotask(() => this.dispatch());
  }
}
