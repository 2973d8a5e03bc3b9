// Diagnostics for one document: everything `check` reports for it. Templates: syntax, static checks
// (paths, helpers, partials) and output checks by rendering for bench phones, mapped back through the
// source map; problems inside an included partial appear at the call site with the partial's location
// as related information. Partials: problems located in the partial, found through the templates that
// include it. The bench file: its own problems.
//
// `phones: 'representative'` renders one phone per distinct (model, route) — the selected phone first —
// which finds the model-dependent output problems at a fraction of the cost; `'all'` renders every phone.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { checkTemplateStatic } from '../core/analysis/templateCheck';
import { parseBench } from '../core/bench/parse';
import { dedupe, renderProblems } from '../core/check';
import type { Problem, Severity } from '../core/types';
import type { RouteResolution } from '../core/workspace';
import { modelLookup } from '../core/vendors';
import { partialName, walkAst } from './ast';
import type { ServiceContext } from './context';
import { validateThreeCx } from './threecxValidation';

export type PhoneStrategy = 'representative' | 'all';

export interface ValidationOptions {
  phones?: PhoneStrategy;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** Phones rendered, and how many the template serves (a full pass is worth running when fewer were). */
  rendered: number;
  served: number;
}

/** Data attached to each diagnostic, for quick fixes. */
export interface DiagnosticData {
  suggestions?: string[];
  /** Rendered text of the problem's range (output-level problems). */
  actual?: string;
  /** Where to apply a fix when it is not the diagnostic's own range (a problem inside a partial). */
  target?: { uri: string; range: Diagnostic['range'] };
  phones?: string[];
}

export const SOURCE = 'provisioning';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function doValidation(ctx: ServiceContext, doc: TextDocument, opts: ValidationOptions = {}): Diagnostic[] {
  return validate(ctx, doc, opts).diagnostics;
}

export function validate(ctx: ServiceContext, doc: TextDocument, opts: ValidationOptions = {}): ValidationResult {
  const info = ctx.sync(doc);
  const strategy = opts.phones ?? 'all';
  if (info.kind === 'bench') {
    const problems = info.path === ctx.benchFile ? ctx.ws.parsedBench().problems : parseBench(doc.getText(), modelLookup, info.path).problems;
    return { diagnostics: problems.map((p) => toDiagnostic(ctx, p, info.path)), rendered: 0, served: 0 };
  }
  if (info.kind === 'threecx') return validateThreeCx(ctx, doc, strategy);
  if (info.kind === 'template') {
    const r = checkFile(ctx, info.path, strategy);
    return { diagnostics: r.problems.map((p) => toDiagnostic(ctx, p, info.path)), rendered: r.rendered, served: r.served };
  }
  if (info.kind === 'partial') {
    const loaded = ctx.ws.loadTemplate(info.path);
    if (loaded && !loaded.ok) return { diagnostics: [syntaxProblem(info.path, loaded.error)].map((p) => toDiagnostic(ctx, p, info.path)), rendered: 0, served: 0 };
    const problems: Problem[] = [];
    let rendered = 0, served = 0;
    for (const t of includingTemplates(ctx, info.path).slice(0, strategy === 'all' ? 20 : 3)) {
      const r = checkFile(ctx, t, strategy);
      rendered += r.rendered; served += r.served;
      problems.push(...r.problems.filter((p) => p.file === info.path));
    }
    return { diagnostics: dedupe(problems).map((p) => toDiagnostic(ctx, p, info.path)), rendered, served };
  }
  return { diagnostics: [], rendered: 0, served: 0 };
}

function syntaxProblem(file: string, e: { range: Problem['range']; code: string; message: string; related?: { range: Problem['range']; message: string } }): Problem {
  return { file, range: e.range, severity: 'error', code: e.code, message: e.message, related: e.related ? [{ file, range: e.related.range, message: e.related.message }] : undefined };
}

/** Phones to render a template for under a strategy: the selected phone first, then one per (model, route). */
export function pickPhones(ctx: ServiceContext, served: RouteResolution[], strategy: PhoneStrategy): RouteResolution[] {
  if (strategy === 'all' || served.length <= 1) return served;
  const selected = ctx.settings.phone ? ctx.ws.findPhone(ctx.settings.phone, served.map((r) => r.phone)) : undefined;
  const seen = new Set<string>();
  const out: RouteResolution[] = [];
  for (const r of [...served.filter((x) => x.phone === selected), ...served]) {
    const k = `${r.phone.model}|${r.route.path}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}

function checkFile(ctx: ServiceContext, file: string, strategy: PhoneStrategy): { problems: Problem[]; rendered: number; served: number } {
  const loaded = ctx.ws.loadTemplate(file);
  if (!loaded) return { problems: [], rendered: 0, served: 0 };
  if (!loaded.ok) return { problems: [syntaxProblem(file, loaded.error)], rendered: 0, served: 0 };
  const problems = checkTemplateStatic(ctx.ws, file, ctx.schema());
  const bench = ctx.bench();
  let served = ctx.served(file);
  if (!served.length) {
    const fb = ctx.fallbackServe(file);
    if (fb) served = [{ phone: fb.phone, route: fb.route!, profile: undefined!, path: file, template: file, tried: [] }];
  }
  const picked = pickPhones(ctx, served, strategy);
  for (const r of picked) problems.push(...renderProblems(ctx.ws, file, r.phone, ctx.ws.render(file, r.phone, { route: r.route, bench })));
  return { problems: dedupe(problems), rendered: picked.length, served: served.length };
}

/** Non-partial templates that include a partial, directly or through other partials. */
export function includingTemplates(ctx: ServiceContext, partial: string): string[] {
  const files = ctx.ws.templateFiles();
  const includes = new Map<string, Set<string>>();
  for (const f of files) {
    const lt = ctx.ws.loadTemplate(f);
    const set = new Set<string>();
    if (lt?.ok) walkAst(lt.source.ast, (n) => {
      if (n.type !== 'PartialStatement' && n.type !== 'PartialBlockStatement') return;
      const name = partialName(n as hbs.AST.PartialStatement);
      const pf = name ? ctx.ws.resolvePartialFile(name, f) : undefined;
      if (pf) set.add(pf);
    });
    includes.set(f, set);
  }
  const reaches = (f: string, seen = new Set<string>()): boolean => {
    if (seen.has(f)) return false;
    seen.add(f);
    for (const x of includes.get(f) ?? []) if (x === partial || reaches(x, seen)) return true;
    return false;
  };
  return files.filter((f) => !ctx.ws.isPartial(f) && reaches(f));
}

/** A core problem as a diagnostic on `docPath` (at the partial call when the problem is inside a partial). */
export function toDiagnostic(ctx: ServiceContext, p: Problem, docPath: string): Diagnostic {
  const related: DiagnosticRelatedInformation[] = (p.related ?? []).map((r) => ({ location: { uri: ctx.uriOf(r.file), range: r.range }, message: r.message }));
  const data: DiagnosticData = { suggestions: p.suggestions, actual: p.actual, phones: p.phones };
  let range = p.range;
  let message = p.message;
  if (p.file !== docPath && p.via?.file === docPath) {
    range = p.via.range;
    const name = p.file.split('/').pop();
    message = `in partial ${name} (line ${p.range.start.line + 1}): ${p.message}`;
    related.unshift({ location: { uri: ctx.uriOf(p.file), range: p.range }, message: p.message });
    data.target = { uri: ctx.uriOf(p.file), range: p.range };
  }
  const d: Diagnostic = { range, severity: SEVERITY[p.severity], code: p.code, source: SOURCE, message, data };
  if (related.length) d.relatedInformation = related;
  if (p.code === 'deprecated-key') d.tags = [DiagnosticTag.Deprecated];
  return d;
}
