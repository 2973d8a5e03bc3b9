// `{SET $name="value"}` / `{IF $name=value}` (3CX's Cisco templates) in Handlebars, which has no assignment:
// the condition becomes a boolean expression over the conditions under which each SET runs, the last SET
// winning — `{IF ua=SPA512G}{SET $g="A"}{ENDIF}` … `{IF $g=A}` → `{{#if (or (eq model.id "SPA512G") false)}}`.
import type { BodyNode, Condition } from './body';

export interface SetAssignment {
  value: string;
  /** The enclosing conditions, outermost first; `negate` for an {ELSE} branch. */
  path: { cond: Condition; negate: boolean }[];
}

/** Every `{SET}` of a body with the conditions it runs under, by variable name, in body order. */
export function collectSets(nodes: BodyNode[]): Map<string, SetAssignment[]> {
  const out = new Map<string, SetAssignment[]>();
  const walk = (list: BodyNode[], path: SetAssignment['path']) => {
    for (const n of list) {
      if (n.kind === 'set') {
        const list2 = out.get(n.name) ?? [];
        list2.push({ value: n.value, path });
        out.set(n.name, list2);
      } else if (n.kind === 'if') {
        walk(n.then, [...path, { cond: n.cond, negate: false }]);
        if (n.else) walk(n.else, [...path, { cond: n.cond, negate: true }]);
      }
    }
  };
  walk(nodes, []);
  return out;
}

/**
 * The Handlebars expression for `{IF $name=v1,v2}` (`values` undefined: `{IF $name}`, not empty), given how
 * each condition converts; undefined when a SET depends on a key (`{IF blfN}`), which has no equivalent here.
 */
export function setConditions(
  _name: string,
  values: string[] | undefined,
  sets: SetAssignment[],
  expr: (c: Condition) => string,
): string | undefined {
  let e = 'false';
  for (const s of sets) {
    if (s.path.some((p) => p.cond.kind === 'blf')) return undefined;
    const parts = s.path.map((p) => (p.negate ? `(not ${expr(p.cond)})` : expr(p.cond)));
    const when = parts.length === 0 ? 'true' : parts.length === 1 ? parts[0] : `(and ${parts.join(' ')})`;
    const hit = values ? values.includes(s.value) : s.value !== '';
    e = hit ? `(or ${when} ${e})` : when === 'true' ? 'false' : `(and (not ${when}) ${e})`;
  }
  return e;
}
