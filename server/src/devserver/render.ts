// What the server sends for a resolved request: `workspace.render` output as bytes, with a strong ETag.
// A render is reused only while its inputs are unchanged, re-validated on EVERY request: while the files
// generation (FileSource.generation(), one stat walk per event-loop turn) and the bench object are those it
// was rendered with, it is current; otherwise it is current when the same parsed bench object (the
// workspace re-parses on any text change), the same template text, and for every partial the template
// reaches, the same resolved file and text, are found. A failing render (syntax error, render error, over
// budget) serves the last good bytes for (template, phone) and reports the error once until it recovers.
// Renders run in the render pool (renderPool.ts), never on the serving thread; the inputs are read here.
import { createHash } from 'node:crypto';
import type { ParsedBench } from '../core/bench/parse';
import type { RouteResolution, Workspace } from '../core/workspace';
import type { ServerProblem, ServerRecovered } from './log';
import type { RenderOutcome, RenderPool } from './renderPool';

export interface Served {
  bytes: Buffer;
  etag: string;
  hash: string;
  contentType: string;
  template: string;
  /** The last good version (the current template or bench is broken). */
  stale: boolean;
  renderMs: number;
  /** Response headers of a 200 (ETag, Content-Type, Content-Length…), built once per render. */
  headers: Record<string, string | number>;
}

interface Dep {
  name: string;
  from: string;
  file?: string;
  text?: string;
}
/** What a render read: it is reused while these are unchanged. */
interface Inputs {
  bench: ParsedBench;
  epoch: number;
  gen?: number;
  text: string;
  deps: Dep[];
}
interface CacheEntry extends Inputs {
  served?: Served;
}

const MAX_CACHE = 20_000;

export class ServeRenderer {
  private cache = new Map<string, CacheEntry>();
  private lastGood = new Map<string, Served>();
  private broken = new Map<string, string>();
  private running = new Map<string, Inputs & { result: Promise<Served | undefined> }>();

  private toldBroken = false;

  constructor(
    private readonly ws: Workspace,
    private readonly pool: RenderPool,
    private readonly report: (e: { problem: ServerProblem } | { recovered: ServerRecovered }) => void,
  ) {}

  /** Bytes for a request resolved to `res`, rendered with `bench`; undefined when broken with nothing good to serve. */
  async serve(res: RouteResolution & { template: string }, bench: ParsedBench, benchStale: boolean): Promise<Served | undefined> {
    const file = res.template;
    const key = `${file}\0${res.phone.mac}\0${res.route.path}`;
    const goodKey = `${file}\0${res.phone.mac}`;
    const gen = this.ws.files.generation?.();
    const epoch = this.ws.renderEpoch;
    const current = (e: Inputs) =>
      e.epoch === epoch && ((gen !== undefined && e.gen === gen && e.bench === bench) || this.fresh(e, bench, file));
    const hit = this.cache.get(key);
    if (hit && current(hit)) {
      hit.gen = gen;
      if (!hit.served) {
        // a render that failed with these very inputs: not redone (a runaway loop costs its budget once)
        const good = this.lastGood.get(goodKey);
        return good ? { ...good, stale: true, renderMs: 0 } : undefined;
      }
      if (this.broken.size && this.broken.delete(goodKey)) this.report({ recovered: { file, phone: res.phone.name } });
      return benchStale && !hit.served.stale ? { ...hit.served, stale: true } : hit.served;
    }
    // the same render already under way (a boot storm of one model): wait for it instead of queueing another
    const running = this.running.get(key);
    const served = running && current(running) ? await running.result : await this.start(key, goodKey, res, bench, gen, epoch);
    return benchStale && served && !served.stale ? { ...served, stale: true } : served;
  }

  /** Renders in the pool with the inputs read now (one snapshot), and records the outcome. */
  private start(
    key: string,
    goodKey: string,
    res: RouteResolution & { template: string },
    bench: ParsedBench,
    gen: number | undefined,
    epoch: number,
  ): Promise<Served | undefined> {
    const file = res.template;
    const text = this.ws.files.read(file) ?? '';
    const deps = this.deps(file);
    const files = new Map<string, string>([[file, text]]);
    for (const d of deps) if (d.file && d.text !== undefined) files.set(d.file, d.text);
    const inputs: Inputs = { bench, epoch, gen, text, deps };
    const result = this.pool
      .render({
        file,
        phone: res.phone,
        route: res.route,
        bench,
        benchFile: this.ws.benchFile,
        files,
        address: this.ws.serverAddress,
        limits: this.ws.renderLimits,
      })
      .then((out) => this.settle(key, goodKey, res, inputs, out));
    const run = { ...inputs, result };
    this.running.set(key, run);
    void result.finally(() => this.running.get(key) === run && this.running.delete(key));
    return result;
  }

  private settle(
    key: string,
    goodKey: string,
    res: RouteResolution & { template: string },
    inputs: Inputs,
    out: RenderOutcome,
  ): Served | undefined {
    const file = res.template;
    if (!out.ok) {
      const good = this.lastGood.get(goodKey);
      if (out.aborted) {
        // the render threads cannot start: said once (nothing renders until the server is restarted)
        if (this.pool.broken && !this.toldBroken) {
          this.toldBroken = true;
          this.report({ problem: { file, message: this.pool.broken, phone: res.phone.name, servingLastGood: !!good } });
        }
        return good ? { ...good, stale: true, renderMs: out.renderMs } : undefined;
      }
      this.remember(key, inputs);
      if (this.broken.get(goodKey) !== out.message) {
        this.broken.set(goodKey, out.message);
        this.report({ problem: { file, message: out.message, phone: res.phone.name, servingLastGood: !!good } });
      }
      return good ? { ...good, stale: true, renderMs: out.renderMs } : undefined;
    }
    if (this.broken.delete(goodKey)) this.report({ recovered: { file, phone: res.phone.name } });
    const bytes = Buffer.from(out.text, 'utf8');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const etag = `"${hash.slice(0, 40)}"`;
    const headers = {
      'Content-Type': out.contentType,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
      'Content-Length': bytes.length,
    };
    const served: Served = {
      bytes,
      hash,
      etag,
      contentType: out.contentType,
      template: file,
      stale: false,
      renderMs: out.renderMs,
      headers,
    };
    this.remember(key, { ...inputs, served });
    this.lastGood.set(goodKey, served);
    return served;
  }

  private remember(key: string, e: CacheEntry): void {
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(key, e);
  }

  private fresh(e: Inputs, bench: ParsedBench, file: string): boolean {
    if (e.bench !== bench || this.ws.files.read(file) !== e.text) return false;
    for (const d of e.deps) {
      if (this.ws.resolvePartialFile(d.name, d.from) !== d.file) return false;
      if (d.file && this.ws.files.read(d.file) !== d.text) return false;
    }
    return true;
  }

  /** Every partial call reachable from a template, with the file and text it resolved to. */
  private deps(file: string): Dep[] {
    const out: Dep[] = [];
    for (const from of [file, ...this.ws.partialsReachedFrom(file)]) {
      for (const inc of this.ws.partialIncludes(from))
        out.push({ name: inc.name, from, file: inc.file, text: inc.file ? this.ws.files.read(inc.file) : undefined });
    }
    return out;
  }
}
