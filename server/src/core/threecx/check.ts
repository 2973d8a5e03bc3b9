// Static checks of a 3CX template: envelope problems, body syntax (unclosed {IF}, stray {ELSE}/{ENDIF}),
// unknown `%%variables%%` (against 3CX's documented list plus the template's own option variables, with
// suggestions), per-key variables outside `{IF blfN}`, and `{IF ua=…}` entries naming no model.
import type { Problem } from '../types';
import { nearest } from '../util/text';
import { walkIfs, walkRefs, walkSets, type ParsedBody } from './body';
import type { ThreeCxTemplate } from './envelope';
import { isVersionedVariable, VERSIONED_VARIABLES } from './versionedVariables';
import { blfFieldNames, DOCUMENTED, KEY_N_RE, PER_KEY } from './variables';

export const NETWORK_MODES = ['LOCALLAN', 'REMOTESTUN', 'SBC'];
/** Modes of older versions a template may still test: REMOTESPM (v15's SPM proxy, replaced by the SBC). */
export const LEGACY_NETWORK_MODES = ['REMOTESPM'];

/** Every variable name the template may use (documented ones, its declared ones; blfN and param:: are open-ended). */
export function knownVariables(tpl: ThreeCxTemplate): string[] {
  return [
    ...[...DOCUMENTED].filter((n) => n !== 'blfN'),
    ...tpl.declared.keys(),
    'param::PBXPUBLICIP',
    'param::sipport',
    'param::pickup',
    'param::time_ntp_server',
    ...tpl.optionLists.filter((l) => l.param).map((l) => `param::${l.param}`),
    ...VERSIONED_VARIABLES.map((v) => v.name.replace('NN', '01').replace(/N$/, '1')),
  ];
}

export function isKnownVariable(name: string, tpl: ThreeCxTemplate): boolean {
  return (
    DOCUMENTED.has(name) ||
    tpl.declared.has(name) ||
    KEY_N_RE.test(name) ||
    name.startsWith('param::') ||
    /^sysparam\./i.test(name) ||
    isVersionedVariable(name)
  );
}

/** Names that only mean something inside `{IF blfN}`: the documented per-key ones and the template's <blftype> fields. */
export function isPerKeyVariable(name: string, tpl: ThreeCxTemplate): boolean {
  return PER_KEY.has(name) || (blfFieldNames(tpl).has(name) && !isKnownVariable(name, tpl));
}

export function checkThreeCxStatic(tpl: ThreeCxTemplate, bodies: ParsedBody[]): Problem[] {
  const file = tpl.file;
  const range = (s: number, e: number) => tpl.index.range(s, e);
  const problems: Problem[] = tpl.problems.map((p) => ({
    file,
    range: range(p.start, p.end),
    severity: p.severity,
    code: p.code,
    message: p.message,
  }));
  const known = knownVariables(tpl);
  const uas = tpl.models.map((m) => m.ua ?? m.label);
  const setNames = new Set<string>();
  for (const body of bodies) walkSets(body.nodes, (x) => setNames.add(`$${x.name}`));
  for (const body of bodies) {
    for (const e of body.errors) {
      problems.push({
        file,
        range: range(e.start, e.end),
        severity: 'error',
        code: e.code,
        message: e.message,
        related: e.related ? [{ file, range: range(e.related.start, e.related.end), message: e.related.message }] : undefined,
      });
    }
    walkRefs(body.nodes, (ref, blf) => {
      const nameRange = range(ref.start + 2, ref.end - 2);
      if (blf !== undefined && blfFieldNames(tpl).has(ref.name)) return;
      if (isPerKeyVariable(ref.name, tpl) && blf === undefined) {
        problems.push({
          file,
          range: nameRange,
          severity: 'warning',
          code: 'threecx-key-variable',
          message: `'%%${ref.name}%%' refers to the key of an enclosing {IF blfN}; here it renders empty`,
        });
        return;
      }
      if (isKnownVariable(ref.name, tpl)) return;
      const suggestions = nearest(ref.name, known);
      problems.push({
        file,
        range: nameRange,
        severity: 'warning',
        code: 'unknown-variable',
        suggestions: suggestions.length ? suggestions : undefined,
        message: `unknown 3CX variable '%%${ref.name}%%'${suggestions.length ? `: did you mean '${suggestions[0]}'?` : ''} (it renders empty)`,
      });
    });
    walkIfs(body.nodes, (b) => {
      const at = range(b.tagStart, b.tagEnd);
      const c = b.cond;
      if (c.kind === 'ua') {
        for (const v of c.values) {
          if (uas.some((u) => u.toLowerCase() === v.toLowerCase())) continue;
          const s = nearest(v, uas);
          problems.push({
            file,
            range: at,
            severity: 'warning',
            code: 'threecx-unknown-ua',
            suggestions: s.length ? s : undefined,
            data: { word: v },
            message: `'${v}' is none of the template's <model ua>: this entry never matches${s.length ? `; did you mean '${s[0]}'?` : ''}`,
          });
        }
      } else if (c.kind === 'network') {
        for (const v of c.values)
          if (!NETWORK_MODES.includes(v) && !LEGACY_NETWORK_MODES.includes(v))
            problems.push({
              file,
              range: at,
              severity: 'warning',
              code: 'threecx-unknown-network',
              message: `'${v}' is not a 3CX network mode (${NETWORK_MODES.join(', ')})`,
            });
      } else if (c.kind === 'var' && c.name.startsWith('$')) {
        if (!setNames.has(c.name))
          problems.push({
            file,
            range: at,
            severity: 'warning',
            code: 'unknown-variable',
            data: { word: c.name },
            message: `'${c.name}' is never set by a {SET ${c.name}="…"} in this template: the condition is always false`,
          });
      } else if (c.kind === 'var' && c.name && !isKnownVariable(c.name, tpl) && !isPerKeyVariable(c.name, tpl)) {
        const s = nearest(c.name, known);
        problems.push({
          file,
          range: at,
          severity: 'warning',
          code: 'unknown-variable',
          suggestions: s.length ? s : undefined,
          data: { word: c.name },
          message: `unknown 3CX variable '${c.name}' in the condition${s.length ? `: did you mean '${s[0]}'?` : ''} (it is always empty)`,
        });
      }
    });
  }
  return problems;
}
