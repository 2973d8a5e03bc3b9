// One problem per template location and message, naming every phone it was seen for, gathered as phones are
// rendered (a check of thousands of phones keeps only the distinct problems, not every phone's copies).
import type { Problem } from '../types';
import { ownString } from '../util/text';

const place = (p: Problem) =>
  `${p.file}|${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}|${p.code}`;

const rendered = (p: Problem) => !!p.phones?.length;

/** A problem as kept: its strings copied (one cut from a phone's rendered file would keep that file alive). */
function kept(p: Problem): Problem {
  const out: Problem = { ...p, message: ownString(p.message), phones: p.phones ? [...p.phones] : undefined };
  if (p.actual !== undefined) out.actual = ownString(p.actual);
  if (p.suggestions) out.suggestions = p.suggestions.map(ownString);
  if (p.data?.word !== undefined) out.data = { ...p.data, word: ownString(p.data.word) };
  if (p.related) out.related = p.related.map((r) => ({ ...r, message: ownString(r.message) }));
  return out;
}

/**
 * Problems added in any order give the same result as `dedupe` over their concatenation: a problem found
 * without rendering (no phones) replaces those of the same code at the same place found by rendering,
 * whether they came before or after it.
 */
export class ProblemSet {
  private readonly byKey = new Map<string, { p: Problem; phones?: Set<string> }>();
  private readonly staticAt = new Set<string>();
  /** The keys of the rendered problems at a place (dropped when a static one arrives there). */
  private readonly renderedAt = new Map<string, string[]>();

  add(problems: Iterable<Problem>): this {
    for (const p of problems) {
      const at = place(p);
      if (rendered(p)) {
        if (this.staticAt.has(at)) continue;
      } else if (!this.staticAt.has(at)) {
        this.staticAt.add(at);
        for (const k of this.renderedAt.get(at) ?? []) this.byKey.delete(k);
        this.renderedAt.delete(at);
      }
      const k = `${at}|${p.message}`;
      const hit = this.byKey.get(k);
      if (!hit) {
        const p2 = kept(p);
        this.byKey.set(k, { p: p2, phones: p2.phones ? new Set(p2.phones) : undefined });
        if (rendered(p)) {
          const keys = this.renderedAt.get(at);
          if (keys) keys.push(k);
          else this.renderedAt.set(at, [k]);
        }
        continue;
      }
      for (const ph of p.phones ?? []) {
        if (hit.phones?.has(ph)) continue;
        (hit.phones ??= new Set()).add(ph);
        (hit.p.phones ??= []).push(ph);
      }
    }
    return this;
  }

  /** The problems in the order first added (what another set adds to give the same result as adding their sources). */
  inOrder(): Problem[] {
    return [...this.byKey.values()].map((e) => e.p);
  }

  /** The problems, by file, line and column (in the order added within one position). */
  values(): Problem[] {
    return this.inOrder().sort(
      (a, b) =>
        a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  }
}

/**
 * One problem per template location and message, naming every phone it was seen for. A problem found
 * without rendering (no phones) replaces those of the same code at the same place found by rendering
 * (a missing partial is one problem, not one per wording).
 */
export function dedupe(problems: Problem[]): Problem[] {
  return new ProblemSet().add(problems).values();
}
