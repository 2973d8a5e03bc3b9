// `check`: everything the workspace can tell about its templates and bench file, as located problems.
// Output-level problems (vendor keys, values, XML) are found by rendering each template for every bench
// phone it serves and mapping the output back to the template through the source map.
import { contextSchema } from './analysis/contextSchema';
import { handlebarsDialect } from './dialect';
import { inSnapshot } from './files';
import { checkOutput } from './catalog/check';
import { firmwareOf } from './catalog/firmware';
import { workspaceCatalog, workspaceCatalogProblems } from './catalog/workspace';
import { firmwareFileProblems } from './bench/firmware';
import { literalSecretsIfOn } from './bench/secrets';
import type { ParsedBench } from './bench/parse';
import type { SchemaNode } from './bench/schema';
import type { RenderLimits } from './render/interpreter';
import type { RenderTarget, TemplateDialect } from './dialect';
import type { Phone, Problem, ProblemCode, Range } from './types';
import { applyProblemPolicy, workspacePolicy } from './problems/policy';
import { dedupe, ProblemSet } from './problems/dedupe';
import { overrideProblemsIn } from './overrides';
import { LineIndex } from './util/text';
import type { RenderResult, RouteResolution, Workspace } from './workspace';

export { dedupe, ProblemSet } from './problems/dedupe';

export type PhoneStrategy = 'representative' | 'all';

export interface CheckOptions {
  /** Only these template files (default: every template). Bench problems are always included. */
  files?: string[];
  /** Render-time checks for at most this many phones per template (default: all). */
  maxPhones?: number;
  /**
   * `all` (default) renders every phone a template serves; `representative` one per distinct (model, route),
   * the selected phone first: the model-dependent output problems at a fraction of the cost (the editor
   * while typing).
   */
  phones?: PhoneStrategy;
  /** The phone (name or MAC) checked first under `representative`. */
  selectedPhone?: string;
  /** The bench to render with (default: the current one). The editor passes the last good one. */
  bench?: ParsedBench;
  /** The routes answering with the template, when the caller keeps them cached (default: computed). */
  served?: RouteResolution[];
  schema?: SchemaNode;
  /** The render budget (the editor's while typing is shorter than the CLI's). */
  limits?: Partial<RenderLimits>;
  /** The template's dialect when the caller knows better than the file name (a 3CX document opened with its language id). */
  dialect?: TemplateDialect;
  /**
   * Whether git tracks the bench file (the front end asks git; asked only when the bench's `problems:` section
   * turns bench-literal-secret on): literal passwords in it are then reported.
   */
  benchTracked?: () => boolean;
}

export interface TemplateCheck {
  problems: Problem[];
  /** Phones rendered, and how many the template is checked for (a full pass is worth running when fewer were). */
  rendered: number;
  served: number;
}

/** Template-level errors after which nothing renders. */
const STOPPING = new Set<ProblemCode>(['hbs-syntax', 'hbs-unclosed-block', 'template-too-large', 'threecx-xml']);

export function checkWorkspace(ws: Workspace, opts: CheckOptions = {}): Problem[] {
  const check = () => {
    const run = workspaceCheck(ws, opts);
    for (const file of run.files) run.addTemplate(file, checkTemplateFor(ws, file, run.templateOpts).problems);
    return run.finish();
  };
  // one view of the files for the whole check (DiskFiles: one walk, then no stat per read)
  return inSnapshot(ws.files, check);
}

/**
 * `checkWorkspace` in steps, for a front end that renders the phones elsewhere (the CLI's threads): the
 * workspace-level problems now, each template's problems (`checkTemplateFor`'s) in file order, then `finish`.
 */
export function workspaceCheck(ws: Workspace, opts: CheckOptions = {}) {
  const parsed = opts.bench ?? ws.parsedBench();
  const problems: Problem[] = [...parsed.problems, ...benchFileProblems(ws, parsed), ...workspaceCatalogProblems(ws.files)];
  problems.push(...literalSecretsIfOn(ws.files.read(ws.benchFile) ?? '', ws.benchFile, opts.benchTracked, parsed.bench.problems));
  const schema = opts.schema ?? contextSchema(parsed.bench);
  const files = opts.files ?? ws.templateFiles();
  const all = new ProblemSet().add(problems);
  return {
    files,
    templateOpts: { ...opts, schema, bench: parsed } as CheckOptions,
    addTemplate(file: string, found: Problem[]): void {
      all.add(applyProblemPolicy(found, workspacePolicy(ws, { bench: parsed, files: [file] })));
    },
    finish: (): Problem[] => {
      // key-overridden needs every boot file of a phone: once over all the checked templates (overrides.ts)
      all.add(overrideProblemsIn(ws, files, { bench: parsed }));
      return applyProblemPolicy(all.values(), workspacePolicy(ws, { bench: parsed, files }));
    },
  };
}

/** What the bench file says that only the workspace's files can confirm: each pinned firmware image exists. */
export function benchFileProblems(ws: Workspace, parsed: ParsedBench = ws.parsedBench()): Problem[] {
  return firmwareFileProblems(ws.files, parsed.bench, parsed.locate, ws.benchFile);
}

export function checkTemplate(ws: Workspace, file: string, schema?: SchemaNode, opts: CheckOptions = {}): Problem[] {
  const problems = checkTemplateFor(ws, file, { ...opts, schema: schema ?? opts.schema }).problems;
  return applyProblemPolicy(problems, workspacePolicy(ws, { bench: opts.bench, files: [file] }));
}

/**
 * The phones (and routes) a template is checked and previewed for: the bench phones whose routes it
 * answers, else its dialect's fallback (a template no route serves is still checked).
 */
export function templateTargets(
  ws: Workspace,
  file: string,
  opts: Pick<CheckOptions, 'bench' | 'served' | 'dialect'> = {},
): RenderTarget[] {
  const bench = opts.bench ?? ws.parsedBench();
  const served = opts.served ?? ws.phonesForTemplate(file);
  if (served.length) return served.map((r) => ({ phone: r.phone, route: r.route }));
  return (opts.dialect ?? ws.dialectOf(file) ?? handlebarsDialect).fallbackTargets(ws, file, bench.bench);
}

/** The target to render a template with for one phone (its route when it serves it, else a fallback of its vendor). */
export function targetFor(
  ws: Workspace,
  file: string,
  phone: Phone,
  opts: Pick<CheckOptions, 'bench' | 'served' | 'dialect'> = {},
): RenderTarget {
  const targets = templateTargets(ws, file, opts);
  return (
    targets.find((t) => t.phone === phone) ?? { phone, route: targets.find((t) => t.phone.vendor === phone.vendor)?.route, fallback: true }
  );
}

/** Targets to render under a strategy: every one, or the selected phone's then one per (model, route). */
export function pickTargets(ws: Workspace, targets: RenderTarget[], strategy: PhoneStrategy, selectedPhone?: string): RenderTarget[] {
  if (strategy === 'all' || targets.length <= 1) return targets;
  const selected = selectedPhone
    ? ws.findPhone(
        selectedPhone,
        targets.map((t) => t.phone),
      )
    : undefined;
  const seen = new Set<string>();
  const out: RenderTarget[] = [];
  for (const t of [...targets.filter((x) => x.phone === selected), ...targets]) {
    const k = `${t.phone.vendor}|${t.phone.model}|${t.route?.path}|${t.deviceconfig}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

/** Everything known about one template: static problems, then output problems for the phones it is checked for. */
export function checkTemplateFor(ws: Workspace, file: string, opts: CheckOptions = {}): TemplateCheck {
  const start = startTemplateCheck(ws, file, opts);
  if ('done' in start) return start.done;
  const r = renderTargets(ws, file, start.dialect, start.targets, opts, start.found);
  return { problems: start.found.values(), rendered: r.rendered, served: start.served };
}

/**
 * A template's static problems and the phones to render it for: `done` when nothing renders, else the
 * targets to pass to `renderTargets` (in this order, into `found`, which holds the static problems).
 */
export function startTemplateCheck(
  ws: Workspace,
  file: string,
  opts: CheckOptions = {},
): { done: TemplateCheck } | { dialect: TemplateDialect; targets: RenderTarget[]; served: number; found: ProblemSet } {
  const bench = opts.bench ?? ws.parsedBench();
  const dialect = opts.dialect ?? ws.dialectOf(file) ?? handlebarsDialect;
  let problems: Problem[];
  try {
    problems = dialect.checkStatic(ws, file, opts.schema ?? contextSchema(bench.bench));
    const encoding = ws.encodingProblem(file);
    if (encoding) problems.unshift(encoding);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // the static check follows blocks and partials recursively: a pathological nesting ends here, not in a crash
    const at = { line: 0, character: 0 };
    const done: TemplateCheck = {
      problems: [
        {
          file,
          range: { start: at, end: at },
          severity: 'error',
          code: 'render-limit',
          message: 'blocks and partials nest too deeply to check (and to render): flatten the nesting',
        },
      ],
      rendered: 0,
      served: 0,
    };
    return { done };
  }
  const plan = planRenders(ws, file, dialect, problems, opts);
  if (!plan) return { done: { problems, rendered: 0, served: 0 } };
  return { dialect, targets: plan.targets, served: plan.served, found: new ProblemSet().add(problems) };
}

/** The phones a template is rendered for by its check (undefined when its static problems stop it, or for a partial). */
export function planRenders(
  ws: Workspace,
  file: string,
  dialect: TemplateDialect,
  staticProblems: Problem[],
  opts: CheckOptions = {},
): { targets: RenderTarget[]; served: number } | undefined {
  if (staticProblems.some((p) => p.severity === 'error' && STOPPING.has(p.code))) return undefined; // nothing renders
  if (dialect === handlebarsDialect && (!ws.loadTemplate(file) || ws.isPartial(file))) return undefined; // partials: see checkPartial
  const targets = templateTargets(ws, file, { ...opts, dialect });
  let picked = pickTargets(ws, targets, opts.phones ?? 'all', opts.selectedPhone);
  if (opts.maxPhones !== undefined) picked = picked.slice(0, opts.maxPhones);
  return { targets: picked, served: targets.length };
}

/**
 * Renders a template for these targets in order, each phone's problems joining `found` as it is rendered (its
 * output is dropped before the next phone's). `stopped`: a render ran over its budget, and the rest were not rendered.
 */
export function renderTargets(
  ws: Workspace,
  file: string,
  dialect: TemplateDialect,
  targets: RenderTarget[],
  opts: CheckOptions,
  found: ProblemSet,
): { rendered: number; stopped: boolean } {
  const bench = opts.bench ?? ws.parsedBench();
  const indexes = new Map<string, LineIndex>();
  let rendered = 0;
  // lenient: a 3CX body with an unclosed {IF} still renders, so its key problems are found too
  for (const t of targets) {
    const out = dialect.render(ws, file, t.phone, {
      route: t.route,
      deviceconfig: t.deviceconfig,
      bench,
      lenient: true,
      limits: opts.limits,
    });
    found.add(renderProblems(ws, file, t.phone, out, indexes));
    rendered++;
    // a template over its render budget would cost the budget again for every other phone: once is enough
    if (out.issues.some((i) => i.code === 'render-limit')) return { rendered, stopped: true };
  }
  return { rendered, stopped: false };
}

/**
 * A partial's problems: its syntax, and what the templates including it (directly or through other
 * partials) find inside it. At most `maxTemplates` including templates are rendered.
 */
export function checkPartial(ws: Workspace, file: string, opts: CheckOptions & { maxTemplates?: number } = {}): TemplateCheck {
  const loaded = ws.loadTemplate(file);
  if (loaded && !loaded.ok) return { problems: handlebarsDialect.checkStatic(ws, file, undefined), rendered: 0, served: 0 };
  const encoding = ws.encodingProblem(file);
  const problems: Problem[] = encoding ? [encoding] : [];
  let rendered = 0,
    served = 0;
  for (const t of ws.templatesIncluding(file).slice(0, opts.maxTemplates ?? Infinity)) {
    const r = checkTemplateFor(ws, t, { ...opts, served: undefined });
    rendered += r.rendered;
    served += r.served;
    problems.push(...r.problems.filter((p) => p.file === file));
  }
  return { problems: dedupe(problems), rendered, served };
}

/**
 * Problems found while rendering one phone's file, located on the template. `indexes`: line indexes of the
 * files, kept by a caller locating many phones' problems (a file's text is the same for every phone of one check).
 */
export function renderProblems(
  ws: Workspace,
  file: string,
  phone: Phone,
  out: RenderResult,
  indexes = new Map<string, LineIndex>(),
): Problem[] {
  const problems: Problem[] = [];
  const rangeIn = (f: string, s: number, e: number): Range => {
    const text = ws.files.read(f) ?? '';
    let idx = indexes.get(f);
    if (idx?.text !== text) {
      idx = new LineIndex(text);
      indexes.set(f, idx);
    }
    return idx.range(s, e);
  };
  for (const i of out.issues) {
    problems.push(
      withVia(
        {
          file: i.file,
          range: rangeIn(i.file, i.srcStart, i.srcEnd),
          severity: i.severity,
          code: i.code,
          message: i.message,
          phones: [phone.name],
        },
        file,
        rangeIn(file, i.rootStart, i.rootEnd),
      ),
    );
  }
  if (out.failed || out.syntaxError) return problems;
  const route = out.route;
  const found = checkOutput(out.text, {
    format: out.format.id,
    vendor: phone.vendor,
    model: phone.model,
    fileKind: route?.fileKind,
    header: out.format.header,
    catalog: workspaceCatalog(ws.files, phone.vendor).catalog, // bundled + the workspace's catalog/<vendor>.yaml
    firmware: firmwareOf(phone),
  });
  for (const p of found) {
    const m = out.map.lookup(p.start, p.end);
    const target = m ?? { file, start: 0, end: 0, rootStart: 0, rootEnd: 0 };
    problems.push(
      withVia(
        {
          file: target.file,
          range: rangeIn(target.file, target.start, target.end),
          severity: p.severity,
          code: p.code,
          message: p.message,
          suggestions: p.suggestions,
          data: p.data,
          actual: p.suggestions?.length ? out.text.slice(p.start, p.end) : undefined,
          phones: [phone.name],
        },
        file,
        rangeIn(file, target.rootStart, target.rootEnd),
      ),
    );
  }
  return problems;
}

function withVia(p: Problem, root: string, rootRange: Range): Problem {
  return p.file === root ? p : { ...p, via: { file: root, range: rootRange } };
}

/** `file:line:column severity code message [phones] (included from …)`: how the CLI and logs print a problem. */
export function formatProblem(p: Problem): string {
  const n = p.phones?.length ?? 0;
  const phones = n ? ` [${n > 4 ? `${p.phones!.slice(0, 4).join(', ')} and ${n - 4} more` : p.phones!.join(', ')}]` : '';
  const via = p.via ? ` (included from ${p.via.file}:${p.via.range.start.line + 1}:${p.via.range.start.character + 1})` : '';
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}${phones}${via}`;
}
