// `serve --workers N`: N processes answer the same port (node:cluster; the primary hands each new
// connection to a worker in turn). Each worker is a whole DevServer over the same workspace folder; what
// decides answers beyond the files (lockouts, IP → phone, uploads, used digest nonces) is shared as facts
// relayed by the primary (shared.ts), and the nonce key is the primary's, so a digest challenge answered on
// another connection is accepted. The request log, problems and phones not on the bench go to the primary,
// which prints each once: one log, as with one process.
import cluster, { type Worker } from 'node:cluster';
import { newAuthKey, type AuthKey } from './auth';
import type { DevServer } from './devServer';
import type { DevServerOptions, PhoneUrl, ServerInfo } from './options';
import type { RequestLogEntry, ServerProblem, ServerRecovered, UploadRecord } from './log';
import { DEFAULT_LIMITS } from './options';
import { asBuffer, SharedState, type PeerLink, type SharedFact } from './shared';

/** Primary → worker. */
type ToWorker = { t: 'init'; key: AuthKey; index: number } | { t: 'fact'; fact: SharedFact } | { t: 'stop' };
/** Worker → primary. */
type ToPrimary =
  | { t: 'ready' }
  | { t: 'listening'; info: ServerInfo; phones: PhoneUrl[]; extra?: string[] }
  | { t: 'failed'; message: string }
  | { t: 'log'; entries: RequestLogEntry[] }
  | { t: 'problem'; problem: ServerProblem }
  | { t: 'recovered'; recovered: ServerRecovered }
  | { t: 'upload'; upload: Omit<UploadRecord, 'body'> }
  | { t: 'fact'; fact: SharedFact };

export const isServeWorker = (): boolean => cluster.isWorker;

/** What the primary reports; the CLI prints it. */
export interface ClusterEvents {
  request(e: RequestLogEntry): void;
  problem(p: ServerProblem): void;
  recovered(r: ServerRecovered): void;
  upload(u: Omit<UploadRecord, 'body'>): void;
  /** A worker ended unexpectedly and was replaced (or, restarting too often, the cluster stops). */
  note(text: string): void;
}

const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10_000;

/** The primary process: forks the workers, relays facts, gathers the log; serves nothing itself. */
export class ServeCluster {
  private readonly key = newAuthKey();
  private readonly workers = new Map<Worker, number>();
  private stopping = false;
  private restarts: number[] = [];
  /**
   * The facts relayed so far, applied as a worker applies them (same bounds): their standing ones are told to
   * every worker as it starts, so one that replaces a worker that ended knows what the others know.
   */
  private readonly relayed = new SharedState({ ...DEFAULT_LIMITS, now: Date.now });
  /** What was last said per (file, phone): a problem every worker meets is printed once. */
  private readonly said = new Map<string, string>();
  private failed?: (e: Error) => void;
  readonly done: Promise<void>;
  private finish!: () => void;

  constructor(
    private readonly count: number,
    private readonly events: ClusterEvents,
  ) {
    this.done = new Promise((r) => (this.finish = r));
  }

  /** Forks the workers; resolves with the first one's address and phone URLs once all listen. */
  start(): Promise<{ info: ServerInfo; phones: PhoneUrl[]; extra: string[]; pids: number[] }> {
    cluster.setupPrimary({ serialization: 'advanced' });
    return new Promise((ok, fail) => {
      let first: { info: ServerInfo; phones: PhoneUrl[]; extra: string[] } | undefined;
      let listening = 0;
      this.failed = (e) => {
        this.failed = undefined;
        void this.stop().then(() => fail(e));
      };
      const onListening = (m: Extract<ToPrimary, { t: 'listening' }>) => {
        first ??= { info: m.info, phones: m.phones, extra: m.extra ?? [] };
        if (++listening === this.count) {
          this.failed = undefined;
          ok({ ...first, pids: [...this.workers.keys()].map((w) => w.process.pid!) });
        }
      };
      for (let i = 0; i < this.count; i++) this.fork(i, onListening);
    });
  }

  private fork(index: number, onListening?: (m: Extract<ToPrimary, { t: 'listening' }>) => void): void {
    const w = cluster.fork();
    this.workers.set(w, index);
    w.on('message', (m: ToPrimary) => this.onMessage(w, m, onListening));
    w.on('exit', (code, signal) => this.onExit(w, index, code, signal));
  }

  private onMessage(from: Worker, m: ToPrimary, onListening?: (m: Extract<ToPrimary, { t: 'listening' }>) => void): void {
    switch (m.t) {
      case 'ready': // listening for messages now (one sent at 'online' could arrive before the worker's code runs)
        from.send({ t: 'init', key: this.key, index: this.workers.get(from)! } satisfies ToWorker);
        for (const fact of this.relayed.standingFacts()) from.send({ t: 'fact', fact } satisfies ToWorker);
        return;
      case 'listening':
        return onListening?.(m);
      case 'failed':
        return this.failed?.(new Error(m.message));
      case 'log':
        for (const e of m.entries) this.events.request(e);
        return;
      case 'fact':
        this.relayed.apply(m.fact);
        for (const w of this.workers.keys()) if (w !== from && w.isConnected()) w.send({ t: 'fact', fact: m.fact } satisfies ToWorker);
        return;
      case 'upload':
        return this.events.upload(m.upload);
      case 'problem': {
        const k = `${m.problem.file}\0${m.problem.phone ?? ''}`;
        if (this.said.get(k) === m.problem.message) return;
        this.said.set(k, m.problem.message);
        return this.events.problem(m.problem);
      }
      case 'recovered': {
        const k = `${m.recovered.file}\0${m.recovered.phone ?? ''}`;
        if (!this.said.delete(k)) return;
        return this.events.recovered(m.recovered);
      }
    }
  }

  private onExit(w: Worker, index: number, code: number | null, signal: string | null): void {
    this.workers.delete(w);
    if (!this.workers.size && this.stopping) this.finish();
    if (this.stopping) return;
    const why = signal ? `signal ${signal}` : `exit code ${code}`;
    if (this.failed) return this.failed(new Error(`a dev server worker process ended before listening (${why})`));
    const now = Date.now();
    this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (this.restarts.length > MAX_RESTARTS) {
      this.events.note(`worker process ${w.process.pid} ended (${why}); workers keep ending, stopping`);
      void this.stop();
      return;
    }
    this.events.note(`worker process ${w.process.pid} ended (${why}); starting another`);
    this.fork(index);
  }

  /** Asks every worker to stop (they finish the requests under way and flush their log), then waits. */
  async stop(): Promise<void> {
    if (!this.stopping) {
      this.stopping = true;
      if (!this.workers.size) this.finish();
      for (const w of this.workers.keys()) {
        if (w.isConnected()) w.send({ t: 'stop' } satisfies ToWorker);
        const kill = setTimeout(() => w.process.kill('SIGKILL'), 5000);
        kill.unref();
        w.on('exit', () => clearTimeout(kill));
      }
    }
    await this.done;
  }
}

/** In a worker: the options that join the DevServer to its peers, once the primary has sent them. */
export function workerInit(): Promise<{ index: number; options: Pick<DevServerOptions, 'peers' | 'authKey'> }> {
  return new Promise((ok) => {
    const receivers: ((f: SharedFact) => void)[] = [];
    // facts that come before the server listens for them (the standing facts follow init at once) wait for it
    const early: SharedFact[] = [];
    const peers: PeerLink = {
      send: (fact) => send({ t: 'fact', fact }),
      receive: (apply) => {
        receivers.push(apply);
        for (const f of early.splice(0)) apply(f);
      },
    };
    process.on('message', (m: ToWorker) => {
      if (m.t === 'fact') {
        if (!receivers.length) early.push(m.fact);
        for (const r of receivers) r(m.fact);
      }
      if (m.t === 'init') {
        ok({ index: m.index, options: { peers, authKey: { secret: asBuffer(m.key.secret), opaque: m.key.opaque } } });
      }
    });
    send({ t: 'ready' });
  });
}

/**
 * In a worker, once the DevServer is built: its log, problems and uploads go to the primary (the log in one
 * message per event-loop turn), it reports listening or failing, and it stops when the primary says so or
 * goes away. Resolves when the worker has stopped.
 */
export function runWorker(server: DevServer, start: () => Promise<{ info: ServerInfo; extra?: string[] }>, stop: () => Promise<void>) {
  let pending: RequestLogEntry[] = [];
  const flush = (sent?: () => void) => {
    const entries = pending;
    pending = [];
    if (entries.length) send({ t: 'log', entries }, sent);
    else sent?.();
  };
  server.on('request', (e) => {
    if (pending.push(e) === 1) setImmediate(() => flush());
  });
  server.on('problem', (problem) => send({ t: 'problem', problem }));
  server.on('recovered', (recovered) => send({ t: 'recovered', recovered }));
  server.on('upload', (upload) => send({ t: 'upload', upload }));
  process.on('SIGINT', () => {
    /* Ctrl-C reaches the whole process group: the primary decides */
  });
  return new Promise<void>((done) => {
    let stopping = false;
    const end = () => {
      if (stopping) return;
      stopping = true;
      // the last log lines are out before the channel closes
      void stop().then(() => flush(() => (process.connected ? process.disconnect() : undefined, done())));
    };
    process.on('message', (m: ToWorker) => m.t === 'stop' && end());
    process.on('disconnect', end);
    process.on('SIGTERM', end);
    start().then(
      ({ info, extra }) => send({ t: 'listening', info, phones: server.phoneUrls(), extra }),
      (e: Error) => {
        send({ t: 'failed', message: e.message });
        end();
      },
    );
  });
}

function send(m: ToPrimary, sent?: () => void): void {
  if (process.connected) process.send!(m, undefined, undefined, () => sent?.());
  else sent?.();
}
