// The partial calls of a parsed template, found once per AST: the one walk the include graph
// (Workspace.partialIncludes / templatesIncluding), the dev server's render cache and the editor use.
import type { Program } from './parse';

const namesByAst = new WeakMap<Program, string[]>();

/** The names of the partials a template calls (static names only: `{{> (lookup …)}}` is not followed). */
export function partialNamesIn(ast: Program): string[] {
  let names = namesByAst.get(ast);
  if (names) return names;
  const set = new Set<string>();
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach(walk);
      return;
    }
    const node = n as { type?: string; name?: { type: string; original?: string; value?: unknown } };
    if ((node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') && node.name) {
      const nm =
        node.name.type === 'PathExpression' ? node.name.original : node.name.type === 'StringLiteral' ? String(node.name.value) : undefined;
      if (nm && nm !== '@partial-block') set.add(nm);
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc' && v && typeof v === 'object') walk(v);
  };
  walk(ast);
  names = [...set];
  namesByAst.set(ast, names);
  return names;
}
