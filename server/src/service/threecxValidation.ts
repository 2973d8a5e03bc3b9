// Diagnostics of a 3CX template (`.ph.xml`): envelope well-formedness (located), body syntax ({IF}
// balance), unknown variables with suggestions, and the vendor key checks of each rendered body,
// located on the template line through the source map. Rendering is lenient (an unclosed {IF} still
// renders) so the key checks keep working while a block is being typed. Phones: those the template
// serves (one per model and file under 'representative', the selected phone first), else bench phones
// one of its models matches.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { dedupe, renderProblems } from '../core/check';
import { loadThreeCx, threeCxDialect } from '../core/threecx/dialect';
import type { Problem } from '../core/types';
import type { ServiceContext } from './context';
import { targets, threeCxDoc, type Target } from './threecxDocument';
import { toDiagnostic, type PhoneStrategy, type ValidationResult } from './validation';

export function validateThreeCx(ctx: ServiceContext, doc: TextDocument, strategy: PhoneStrategy): ValidationResult {
  const d = threeCxDoc(ctx, doc);
  const problems = checkThreeCx(ctx, d.path, strategy, targets(ctx, d).targets);
  return { diagnostics: problems.problems.map((p) => toDiagnostic(ctx, p, d.path)), rendered: problems.rendered, served: problems.served };
}

/** One target per (model, deviceconfig), the selected phone's first; or every target. */
export function pickTargets(ctx: ServiceContext, all: Target[], strategy: PhoneStrategy): Target[] {
  if (strategy === 'all' || all.length <= 1) return all;
  const selected = ctx.settings.phone ? ctx.ws.findPhone(ctx.settings.phone, all.map((t) => t.phone)) : undefined;
  const seen = new Set<string>();
  const out: Target[] = [];
  for (const t of [...all.filter((x) => x.phone === selected), ...all]) {
    const k = `${t.phone.vendor}|${t.phone.model}|${t.deviceconfig}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}

function checkThreeCx(ctx: ServiceContext, file: string, strategy: PhoneStrategy, all: Target[]): { problems: Problem[]; rendered: number; served: number } {
  const entry = loadThreeCx(ctx.ws, file);
  if (!entry) return { problems: [], rendered: 0, served: 0 };
  const problems = threeCxDialect.checkStatic(ctx.ws, file, undefined);
  if (!entry.loaded.ok) return { problems, rendered: 0, served: 0 }; // nothing renders
  const picked = pickTargets(ctx, all, strategy);
  const bench = ctx.bench();
  for (const t of picked) {
    const out = threeCxDialect.render(ctx.ws, file, t.phone, { route: t.route, deviceconfig: t.deviceconfig, bench, lenient: true });
    problems.push(...renderProblems(ctx.ws, file, t.phone, out));
  }
  return { problems: dedupe(problems), rendered: picked.length, served: all.length };
}
