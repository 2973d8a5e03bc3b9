// The linter controls, applied identically by `check` (core checkWorkspace/checkTemplate) and the editor
// (the language service's validate): severity per code (the bench file's `problems:` section, then the
// `provisioningStudio.problems` setting over it; `off` removes) and inline suppression comments in the
// file a problem is located in:
//   {{!-- provisioning-disable-next-line unknown-key, duplicate-key --}}   (or {{! … }}; no code: all)
//   … {{! provisioning-disable-line unknown-path }}                         (the same line)
//   <!-- provisioning-disable-next-line unknown-variable -->                (3CX templates)
// A code these name that does not exist is an `unknown-problem-code` warning at the name.
import type { Problem, Range, Severity } from '../types';
import { LineIndex, nearest } from '../util/text';
import { isProblemCode, PROBLEM_CODES, type ProblemCode } from './registry';

export type ProblemLevel = Severity | 'off';
export const PROBLEM_LEVELS: readonly ProblemLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Severity per code; `off` removes the code's problems. */
export type ProblemOverrides = Partial<Record<ProblemCode, ProblemLevel>>;

export interface ProblemPolicy {
  /** The bench file's `problems:` section (Bench.problems). */
  bench?: ProblemOverrides;
  /** Applied over `bench` (the editor's `provisioningStudio.problems` setting). */
  overrides?: ProblemOverrides;
  /** Reads a workspace file's text, for its suppression comments (none read without it). */
  read?: (file: string) => string | undefined;
  /** Files whose suppression comments are checked for unknown codes even when no problem is located there. */
  files?: string[];
}

/** One suppression comment. `codes` undefined: every code. */
export interface Suppression {
  kind: 'next-line' | 'line';
  /** The zero-based line whose problems it suppresses. */
  line: number;
  codes?: Set<string>;
  range: Range;
}

const COMMENT = /(\{\{~?!(?:--)?|<!--)\s*provisioning-disable-(next-line|line)(?![\w-])([^]*?)(--~?\}\}|~?\}\}|-->)/g;

/** The suppression comments of a file, and the unknown codes they name (as located problems). */
export function parseSuppressions(file: string, text: string): { suppressions: Suppression[]; problems: Problem[] } {
  const suppressions: Suppression[] = [];
  const problems: Problem[] = [];
  if (!text.includes('provisioning-disable-')) return { suppressions, problems };
  const idx = new LineIndex(text);
  for (const m of text.matchAll(COMMENT)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const range = idx.range(start, end);
    const listStart = end - m[4].length - m[3].length;
    const codes = new Set<string>();
    for (const w of m[3].matchAll(/[^\s,]+/g)) {
      const code = w[0];
      codes.add(code);
      if (isProblemCode(code)) continue;
      const s = listStart + (w.index ?? 0);
      const sugg = nearest(code, PROBLEM_CODES);
      problems.push({
        file,
        range: idx.range(s, s + code.length),
        severity: 'warning',
        code: 'unknown-problem-code',
        message: `provisioning-disable-${m[2]}: unknown problem code '${code}'${sugg.length ? `, did you mean '${sugg[0]}'?` : ''}`,
        suggestions: sugg.length ? sugg : undefined,
      });
    }
    const kind = m[2] as Suppression['kind'];
    const line = kind === 'line' ? range.start.line : range.end.line + 1;
    suppressions.push({ kind, line, codes: codes.size ? codes : undefined, range });
  }
  return { suppressions, problems };
}

/**
 * The problems as the user configured them: suppressed ones removed, severities overridden (`off` removes),
 * unknown codes in suppression comments added as warnings. Idempotent; the order of `problems` is kept.
 */
export function applyProblemPolicy(problems: Problem[], policy: ProblemPolicy = {}): Problem[] {
  const level = (code: ProblemCode): ProblemLevel | undefined => policy.overrides?.[code] ?? policy.bench?.[code];
  const byFile = new Map<string, Suppression[]>();
  const added: Problem[] = [];
  const seen = new Set(problems.map(keyOf));
  const scan = (file: string): Suppression[] => {
    let s = byFile.get(file);
    if (s) return s;
    const text = policy.read?.(file);
    const parsed = text === undefined ? { suppressions: [], problems: [] } : parseSuppressions(file, text);
    byFile.set(file, (s = parsed.suppressions));
    for (const p of parsed.problems)
      if (!seen.has(keyOf(p))) {
        seen.add(keyOf(p));
        added.push(p);
      }
    return s;
  };
  for (const f of policy.files ?? []) scan(f);
  for (const p of problems) scan(p.file); // before the loop: their unknown codes are added too
  const out: Problem[] = [];
  for (const p of [...problems, ...added]) {
    const line = p.range.start.line;
    const sups = scan(p.file);
    if (sups.some((s) => s.line === line && (!s.codes || s.codes.has(p.code)))) continue;
    // the comment is no problem itself (an XML comment in a 3CX key = value body is a line the phone ignores)
    if (p.code !== 'unknown-problem-code' && sups.some((s) => inside(p.range.start, s.range))) continue;
    const l = level(p.code);
    if (l === 'off') continue;
    out.push(l && l !== p.severity ? { ...p, severity: l } : p);
  }
  return out;
}

/**
 * A `problems:` mapping (bench file or setting) as overrides: unknown codes and values that are no level are
 * left out and reported through `warn` (with the key, for locating it).
 */
export function readProblemOverrides(raw: unknown, warn: (message: string, key: string, kind: 'code' | 'level') => void): ProblemOverrides {
  const out: ProblemOverrides = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!isProblemCode(key)) {
      const sugg = nearest(key, PROBLEM_CODES);
      warn(`unknown problem code '${key}'${sugg.length ? `, did you mean '${sugg[0]}'?` : ''}`, key, 'code');
      continue;
    }
    if (typeof value !== 'string' || !PROBLEM_LEVELS.includes(value as ProblemLevel)) {
      warn(`'${key}': '${String(value)}' is not one of ${PROBLEM_LEVELS.join(', ')}`, key, 'level');
      continue;
    }
    out[key] = value as ProblemLevel;
  }
  return out;
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
/** `pos` within `r`, its end excluded. */
const inside = (pos: Range['start'], r: Range) =>
  before(r.start, pos) && before(pos, r.end) && !(pos.line === r.end.line && pos.character === r.end.character);

const keyOf = (p: Problem) => `${p.file}|${p.range.start.line}:${p.range.start.character}|${p.code}|${p.message}`;

/** What the policy reads from a workspace: the bench's `problems:` section and file texts. */
export interface PolicySource {
  parsedBench(): { bench: { problems?: ProblemOverrides } };
  files: { read(file: string): string | undefined };
}

/** The policy of a workspace (its bench's section, its files' comments), with `extra` (e.g. the setting's overrides) over it. */
export function workspacePolicy(
  ws: PolicySource,
  extra: Omit<ProblemPolicy, 'read' | 'bench'> & { bench?: { bench: { problems?: ProblemOverrides } } } = {},
): ProblemPolicy {
  const bench = extra.bench ?? ws.parsedBench();
  return { bench: bench.bench.problems, overrides: extra.overrides, files: extra.files, read: (f) => ws.files.read(f) };
}
