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
import { parseBench } from '../core/bench/parse';
import { literalSecretsIfOn } from '../core/bench/secrets';
import { benchFileProblems, checkPartial, checkTemplateFor, type PhoneStrategy } from '../core/check';
import type { TemplateDialect } from '../core/dialect';
import { overrideProblemsIn } from '../core/overrides';
import { applyProblemPolicy, workspacePolicy } from '../core/problems/policy';
import type { Problem, Severity } from '../core/types';
import { modelLookup } from '../core/vendors';
import type { ServiceContext } from './context';
import { problemHref } from './problemDocs';

export type { PhoneStrategy };

export interface ValidationOptions {
  phones?: PhoneStrategy;
  /** The document's dialect, from its language mode (a 3CX document may be one by language id, not by name). */
  dialect?: TemplateDialect;
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
  /** The word inside the range a fix replaces (Problem.data.word: an {IF ua=…} entry, a variable in a condition). */
  word?: string;
}

export const SOURCE = 'provisioning';

/** The render budget of the pass run while typing (the full pass and the preview keep the engine's 1 s). */
export const TYPING_RENDER_BUDGET_MS = 250;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function doValidation(ctx: ServiceContext, doc: TextDocument, opts: ValidationOptions = {}): Diagnostic[] {
  return validate(ctx, doc, opts).diagnostics;
}

export function validate(ctx: ServiceContext, doc: TextDocument, opts: ValidationOptions = {}): ValidationResult {
  const info = ctx.sync(doc);
  const strategy = opts.phones ?? 'all';
  if (info.kind === 'bench') {
    // the bench file in use: its parse problems and what check says about it (a pinned firmware file that is missing)
    const problems =
      info.path === ctx.benchFile
        ? [...ctx.ws.parsedBench().problems, ...benchFileProblems(ctx.ws)]
        : parseBench(doc.getText(), modelLookup, info.path).problems;
    // a literal password in a bench file git tracks (the node layer answers whether it is; see ServiceContext)
    const tracked = ctx.benchTracked && (() => ctx.benchTracked!(info.path));
    problems.push(...literalSecretsIfOn(doc.getText(), info.path, tracked, ctx.settings.problems, ctx.bench().bench.problems));
    return { diagnostics: policed(ctx, problems, info.path).map((p) => toDiagnostic(ctx, p, info.path)), rendered: 0, served: 0 };
  }
  if (info.kind === 'other') return { diagnostics: [], rendered: 0, served: 0 };
  // the engine `check` runs, with the editor's bench (the last good one), cached routes and selected phone
  const limits = strategy === 'representative' ? { maxMs: TYPING_RENDER_BUDGET_MS } : undefined;
  const opts2 = { phones: strategy, selectedPhone: ctx.settings.phone, bench: ctx.bench(), schema: ctx.schema(), limits };
  const r =
    info.kind === 'partial'
      ? checkPartial(ctx.ws, info.path, { ...opts2, maxTemplates: strategy === 'all' ? 20 : 3 })
      : checkTemplateFor(ctx.ws, info.path, { ...opts2, served: ctx.served(info.path), dialect: opts.dialect });
  // a value another file or line overrides: every boot file of a phone rendered, so on the full pass and for one
  // phone only (the selected one, else the first fetching the file); `check` takes one per model
  const overridden =
    strategy === 'all'
      ? overrideProblemsIn(ctx.ws, [info.path], { bench: opts2.bench, selectedPhone: ctx.settings.phone, onePhone: true })
      : [];
  return {
    diagnostics: policed(ctx, [...r.problems, ...overridden], info.path).map((p) => toDiagnostic(ctx, p, info.path)),
    rendered: r.rendered,
    served: r.served,
  };
}

/** The linter controls `check` applies (core applyProblemPolicy), with the provisioningStudio.problems setting over the bench's. */
function policed(ctx: ServiceContext, problems: Problem[], file: string): Problem[] {
  return applyProblemPolicy(problems, workspacePolicy(ctx.ws, { bench: ctx.bench(), overrides: ctx.settings.problems, files: [file] }));
}

/** A core problem as a diagnostic on `docPath` (at the partial call when the problem is inside a partial). */
export function toDiagnostic(ctx: ServiceContext, p: Problem, docPath: string): Diagnostic {
  const related: DiagnosticRelatedInformation[] = (p.related ?? []).map((r) => ({
    location: { uri: ctx.uriOf(r.file), range: r.range },
    message: r.message,
  }));
  const data: DiagnosticData = { suggestions: p.suggestions, actual: p.actual, phones: p.phones, word: p.data?.word };
  let range = p.range;
  let message = p.message;
  if (p.file !== docPath && p.via?.file === docPath) {
    range = p.via.range;
    const name = p.file.split('/').pop();
    message = `in partial ${name} (line ${p.range.start.line + 1}): ${p.message}`;
    related.unshift({ location: { uri: ctx.uriOf(p.file), range: p.range }, message: p.message });
    data.target = { uri: ctx.uriOf(p.file), range: p.range };
  }
  const d: Diagnostic = {
    range,
    severity: SEVERITY[p.severity],
    code: p.code,
    codeDescription: { href: problemHref(p.code) },
    source: SOURCE,
    message,
    data,
  };
  if (related.length) d.relatedInformation = related;
  if (p.code === 'deprecated-key') d.tags = [DiagnosticTag.Deprecated];
  return d;
}
