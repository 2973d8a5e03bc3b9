// `key-overridden` for `check` and the editor: the template lines (in the given files) whose value never takes
// effect because a later file in the vendor's boot order, or a later line, sets the key to another value. It
// needs every boot file of a phone rendered (the effective configuration), so it runs for one phone per
// (vendor, model) that fetches a checked file — the boot files and their order depend on the model; a value
// only one phone's data overrides is found by `provisioning-studio effective --phone` (docs/effective.md).
import type { ParsedBench } from './bench/parse';
import { effectiveConfig, overrideProblemsOf } from './effective';
import type { Phone, Problem } from './types';
import type { Workspace } from './workspace';

export interface OverrideCheckOptions {
  bench?: ParsedBench;
  /** The phone to take first for its (vendor, model) (the editor's selected phone). */
  selectedPhone?: string;
  /** Only that phone (else the first that fetches a file): the editor, whose full pass has a latency target. */
  onePhone?: boolean;
}

/** `key-overridden` problems located in `files` (a losing line in one of them, or in a partial one of them includes). */
export function overrideProblemsIn(ws: Workspace, files: readonly string[], opts: OverrideCheckOptions = {}): Problem[] {
  const wanted = new Set(files);
  if (!wanted.size) return [];
  const phones = opts.bench?.bench.phones ?? ws.phones;
  const relevant = phones.filter((p) => ws.routesFor(p).some((r) => r.template && reaches(ws, r.template, wanted)));
  const selected = opts.selectedPhone ? ws.findPhone(opts.selectedPhone, relevant) : undefined;
  const byModel = new Map<string, Phone>();
  for (const p of selected ? [selected, ...relevant] : relevant) {
    const k = `${p.vendor}\0${p.model}`;
    if (!byModel.has(k)) byModel.set(k, p);
    if (opts.onePhone) break;
  }
  // one problem per losing line: the first phone's message (it names the file that wins), every phone listed
  const byLine = new Map<string, Problem>();
  for (const phone of byModel.values()) {
    const config = effectiveConfig(ws, phone, { bench: opts.bench });
    for (const p of overrideProblemsOf(config)) {
      if (!wanted.has(p.file) && !(p.via && wanted.has(p.via.file))) continue;
      const k = `${p.file}\0${p.range.start.line}\0${p.range.start.character}\0${p.via?.file ?? ''}\0${p.via?.range.start.line ?? ''}`;
      const first = byLine.get(k);
      if (!first) byLine.set(k, { ...p, phones: [...(p.phones ?? [])] });
      else for (const ph of p.phones ?? []) if (!first.phones!.includes(ph)) first.phones!.push(ph);
    }
  }
  return [...byLine.values()].map((p) =>
    p.phones!.length > 1 ? { ...p, message: `${p.message} (likewise for ${p.phones!.slice(1).join(', ')})` } : p,
  );
}

/** Whether a template is one of the files or includes one of them (directly or through partials). */
function reaches(ws: Workspace, template: string, files: Set<string>): boolean {
  if (files.has(template)) return true;
  for (const f of files) if (ws.isPartial(f) && ws.partialsReachedFrom(template).includes(f)) return true;
  return false;
}
