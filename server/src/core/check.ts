// `check`: everything the workspace can tell about its templates and bench file, as located problems.
// Output-level problems (vendor keys, values, XML) are found by rendering each template for every bench
// phone it serves and mapping the output back to the template through the source map.
import { contextSchema } from './analysis/contextSchema';
import { handlebarsDialect } from './dialect';
import { checkOutput } from './catalog/check';
import type { Phone, Problem, Range } from './types';
import { LineIndex } from './util/text';
import type { RenderResult, Workspace } from './workspace';

export interface CheckOptions {
  /** Only these template files (default: every template). Bench problems are always included. */
  files?: string[];
  /** Render-time checks for at most this many phones per template (default: all). */
  maxPhones?: number;
}

/** Template-level errors after which nothing renders. */
const STOPPING = new Set(['hbs-syntax', 'hbs-unclosed-block', 'template-too-large', 'threecx-xml']);

export function checkWorkspace(ws: Workspace, opts: CheckOptions = {}): Problem[] {
  const parsed = ws.parsedBench();
  const problems: Problem[] = [...parsed.problems];
  const schema = contextSchema(parsed.bench);
  const files = opts.files ?? ws.templateFiles();
  for (const file of files) problems.push(...checkTemplate(ws, file, schema, opts));
  return dedupe(problems);
}

export function checkTemplate(ws: Workspace, file: string, schema = contextSchema(ws.parsedBench().bench), opts: CheckOptions = {}): Problem[] {
  const dialect = ws.dialectOf(file) ?? handlebarsDialect;
  const problems = dialect.checkStatic(ws, file, schema);
  if (problems.some((p) => p.severity === 'error' && STOPPING.has(p.code))) return problems; // nothing renders
  if (dialect === handlebarsDialect && (!ws.loadTemplate(file) || ws.isPartial(file))) return problems; // partials: checked through the templates that include it
  let served = ws.phonesForTemplate(file);
  if (opts.maxPhones !== undefined) served = served.slice(0, opts.maxPhones);
  // lenient: a 3CX body with an unclosed {IF} still renders, so its key problems are found too
  for (const r of served) problems.push(...renderProblems(ws, file, r.phone, ws.render(file, r.phone, { route: r.route, lenient: true })));
  return dedupe(problems);
}

/** Problems found while rendering one phone's file, located on the template. */
export function renderProblems(ws: Workspace, file: string, phone: Phone, out: RenderResult): Problem[] {
  const problems: Problem[] = [];
  const indexes = new Map<string, LineIndex>();
  const rangeIn = (f: string, s: number, e: number): Range => {
    let idx = indexes.get(f);
    if (!idx) { idx = new LineIndex(ws.files.read(f) ?? ''); indexes.set(f, idx); }
    return idx.range(s, e);
  };
  for (const i of out.issues) {
    problems.push(withVia({ file: i.file, range: rangeIn(i.file, i.srcStart, i.srcEnd), severity: i.severity, code: i.code, message: i.message, phones: [phone.name] },
      file, rangeIn(file, i.rootStart, i.rootEnd)));
  }
  if (out.failed || out.syntaxError) return problems;
  const route = out.route;
  const found = checkOutput(out.text, { format: out.format.id, vendor: phone.vendor, model: phone.model, fileKind: route?.fileKind, header: out.format.header });
  for (const p of found) {
    const m = out.map.lookup(p.start, p.end);
    const target = m ?? { file, start: 0, end: 0, rootStart: 0, rootEnd: 0 };
    problems.push(withVia({ file: target.file, range: rangeIn(target.file, target.start, target.end), severity: p.severity, code: p.code,
      message: p.message, suggestions: p.suggestions, actual: p.suggestions?.length ? out.text.slice(p.start, p.end) : undefined, phones: [phone.name] },
      file, rangeIn(file, target.rootStart, target.rootEnd)));
  }
  return problems;
}

function withVia(p: Problem, root: string, rootRange: Range): Problem {
  return p.file === root ? p : { ...p, via: { file: root, range: rootRange } };
}

const key = (p: Problem) => `${p.file}|${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}|${p.code}|${p.message}`;

/** One problem per template location and message, naming every phone it was seen for. */
export function dedupe(problems: Problem[]): Problem[] {
  const byKey = new Map<string, Problem>();
  for (const p of problems) {
    const k = key(p);
    const hit = byKey.get(k);
    if (!hit) { byKey.set(k, { ...p, phones: p.phones ? [...p.phones] : undefined }); continue; }
    for (const ph of p.phones ?? []) if (!hit.phones?.includes(ph)) (hit.phones ??= []).push(ph);
  }
  return [...byKey.values()].sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
