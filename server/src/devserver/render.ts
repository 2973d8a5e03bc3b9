// What the server sends for a resolved request: `workspace.render` output as bytes, with a strong ETag.
// A render is reused only while its inputs are unchanged, re-validated on EVERY request: while the files
// generation (FileSource.generation(), one stat walk per event-loop turn) and the bench object are those it
// was rendered with, it is current; otherwise it is current when the same parsed bench object (the
// workspace re-parses on any text change), the same template text, and for every partial the template
// reaches, the same resolved file and text, are found. A failing render (syntax error, render error)
// serves the last good bytes for (template, phone) and reports the error once until it recovers.
import { createHash } from 'node:crypto';
import type { ParsedBench } from '../core/bench/parse';
import type { RouteResolution, Workspace } from '../core/workspace';
import type { ServerProblem, ServerRecovered } from './log';

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
interface CacheEntry {
  bench: ParsedBench;
  epoch: number;
  gen?: number;
  text: string;
  deps: Dep[];
  served?: Served;
}

const MAX_CACHE = 20_000;

export class ServeRenderer {
  private cache = new Map<string, CacheEntry>();
  private lastGood = new Map<string, Served>();
  private broken = new Map<string, string>();

  constructor(
    private readonly ws: Workspace,
    private readonly report: (e: { problem: ServerProblem } | { recovered: ServerRecovered }) => void,
  ) {}

  /** Bytes for a request resolved to `res`, rendered with `bench`; undefined when broken with nothing good to serve. */
  serve(res: RouteResolution & { template: string }, bench: ParsedBench, benchStale: boolean): Served | undefined {
    const file = res.template;
    const key = `${file}\0${res.phone.mac}\0${res.route.path}`;
    const hit = this.cache.get(key);
    const gen = this.ws.files.generation?.();
    if (
      hit &&
      hit.epoch === this.ws.renderEpoch &&
      ((gen !== undefined && hit.gen === gen && hit.bench === bench) || this.fresh(hit, bench, file))
    ) {
      hit.gen = gen;
      if (!hit.served) {
        // a render that failed with these very inputs: not redone (a runaway loop costs its budget once)
        const good = this.lastGood.get(`${file}\0${res.phone.mac}`);
        return good ? { ...good, stale: true, renderMs: 0 } : undefined;
      }
      if (this.broken.size && this.broken.delete(`${file}\0${res.phone.mac}`)) this.report({ recovered: { file, phone: res.phone.name } });
      return benchStale && !hit.served.stale ? { ...hit.served, stale: true } : hit.served;
    }

    const t0 = performance.now();
    const out = this.ws.render(file, res.phone, { route: res.route, bench });
    const renderMs = performance.now() - t0;
    const goodKey = `${file}\0${res.phone.mac}`;
    if (out.failed || out.syntaxError) {
      const first = out.syntaxError
        ? `${out.syntaxError.range.start.line + 1}:${out.syntaxError.range.start.character + 1} ${out.syntaxError.message}`
        : out.issues
            .filter((i) => i.severity === 'error')
            .map((i) => `${i.file}: ${i.code} ${i.message}`)
            .join('; ') || 'render failed';
      const good = this.lastGood.get(goodKey);
      this.remember(key, { bench, epoch: this.ws.renderEpoch, gen, text: this.ws.files.read(file) ?? '', deps: this.deps(file) });
      if (this.broken.get(goodKey) !== first) {
        this.broken.set(goodKey, first);
        this.report({ problem: { file, message: first, phone: res.phone.name, servingLastGood: !!good } });
      }
      return good ? { ...good, stale: true, renderMs } : undefined;
    }
    if (this.broken.delete(goodKey)) this.report({ recovered: { file, phone: res.phone.name } });
    const bytes = Buffer.from(out.text, 'utf8');
    const hash = createHash('sha256').update(bytes).digest('hex');
    const etag = `"${hash.slice(0, 40)}"`;
    const headers = {
      'Content-Type': out.format.contentType,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ETag: etag,
      'Content-Length': bytes.length,
    };
    const served: Served = { bytes, hash, etag, contentType: out.format.contentType, template: file, stale: false, renderMs, headers };
    const text = this.ws.files.read(file);
    if (text !== undefined) this.remember(key, { bench, epoch: this.ws.renderEpoch, gen, text, deps: this.deps(file), served });
    this.lastGood.set(goodKey, served);
    return benchStale ? { ...served, stale: true } : served;
  }

  private remember(key: string, e: CacheEntry): void {
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(key, e);
  }

  private fresh(e: CacheEntry, bench: ParsedBench, file: string): boolean {
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
