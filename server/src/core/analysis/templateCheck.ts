// Static checks of a template: unknown data paths, helpers and partials, partials that include
// themselves. Partials are checked in the scope of each call, so a path misspelled in a partial is
// found where it is used.
import type { SchemaNode } from '../bench/schema';
import { HELPERS } from '../render/helpers';
import type { Problem } from '../types';
import { nearest } from '../util/text';
import type { Workspace } from '../workspace';
import { blockInnerScope, isHelperName, partialCallScope, resolvePath, type StaticScope } from './scope';

const BLOCK_ONLY = new Set(['each', 'with', 'if', 'unless']);

export function checkTemplateStatic(ws: Workspace, file: string, root: SchemaNode | undefined): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const loaded = ws.loadTemplate(file);
  if (!loaded || !loaded.ok) return problems;

  const walk = (src: { file: string; ast: hbs.AST.Program }, scope: StaticScope, stack: string[]) => {
    const add = (
      node: { loc: hbs.AST.SourceLocation },
      code: Problem['code'],
      message: string,
      severity: Problem['severity'],
      suggestions?: string[],
    ) => {
      const range = {
        start: { line: node.loc.start.line - 1, character: node.loc.start.column },
        end: { line: node.loc.end.line - 1, character: node.loc.end.column },
      };
      const key = `${src.file}:${range.start.line}:${range.start.character}:${code}`;
      if (seen.has(key)) return;
      seen.add(key);
      problems.push({ file: src.file, range, severity, code, message, suggestions: suggestions?.length ? suggestions : undefined });
    };

    const path = (p: hbs.AST.PathExpression, sc: StaticScope, allowHelper: boolean) => {
      if (allowHelper && isHelperName(p)) return;
      const r = resolvePath(p, sc);
      if (r.ok) return;
      const parts = p.data ? ['@' + p.parts[0], ...p.parts.slice(1)] : p.parts;
      const bad = parts[r.failedAt] ?? p.original;
      const prefix = parts.slice(0, r.failedAt).join('.');
      const candidates = [...r.known, ...(r.failedAt === 0 && allowHelper && !p.data ? Object.keys(HELPERS) : [])];
      const sugg = nearest(bad.replace(/^@/, ''), candidates).map((s) =>
        [prefix, p.data && r.failedAt === 0 ? '@' + s : s].filter(Boolean).join('.'),
      );
      const where = prefix ? `'${prefix}'` : 'this context';
      const msg =
        p.data && r.failedAt === 0
          ? `unknown data variable '${bad}'${sc.inLoop ? '' : ' (@index, @key, @first and @last exist only inside #each)'}`
          : `unknown data path '${p.original}': ${where} has no '${bad}'`;
      add(p, 'unknown-path', `${msg}${sugg.length ? `, did you mean '${sugg[0]}'?` : ''}`, 'warning', sugg);
    };

    const expr = (e: hbs.AST.Expression, sc: StaticScope) => {
      if (e.type === 'PathExpression') path(e as hbs.AST.PathExpression, sc, false);
      else if (e.type === 'SubExpression')
        call((e as hbs.AST.SubExpression).path, (e as hbs.AST.SubExpression).params, (e as hbs.AST.SubExpression).hash, sc, true);
    };

    const call = (
      p: hbs.AST.Expression,
      params: hbs.AST.Expression[],
      hash: hbs.AST.Hash | undefined,
      sc: StaticScope,
      mustBeHelper: boolean,
    ) => {
      const pe = p as hbs.AST.PathExpression;
      if (p.type === 'PathExpression' && !isHelperName(pe) && (mustBeHelper || params.length || hash?.pairs.length)) {
        const sugg = nearest(pe.original, Object.keys(HELPERS));
        add(pe, 'unknown-helper', `unknown helper '${pe.original}'${sugg.length ? `, did you mean '${sugg[0]}'?` : ''}`, 'error', sugg);
      } else if (p.type === 'PathExpression') {
        if (isHelperName(pe) && BLOCK_ONLY.has(pe.parts[0]) && !mustBeHelper)
          add(pe, 'hbs-helper-usage', `'${pe.parts[0]}' is a block helper: use {{#${pe.parts[0]} …}}…{{/${pe.parts[0]}}}`, 'error');
        else path(pe, sc, true);
      }
      params.forEach((x) => expr(x, sc));
      hash?.pairs.forEach((x) => expr(x.value, sc));
    };

    const program = (prog: hbs.AST.Program | undefined, sc: StaticScope) => {
      for (const st of prog?.body ?? []) {
        switch (st.type) {
          case 'MustacheStatement': {
            const m = st as hbs.AST.MustacheStatement;
            call(m.path, m.params, m.hash, sc, false);
            break;
          }
          case 'BlockStatement': {
            const b = st as hbs.AST.BlockStatement;
            const bp = b.path as hbs.AST.PathExpression;
            if (bp.type === 'PathExpression' && !isHelperName(bp) && (b.params.length || b.hash?.pairs.length)) {
              const sugg = nearest(bp.original, Object.keys(HELPERS));
              add(
                bp,
                'unknown-helper',
                `unknown block helper '${bp.original}'${sugg.length ? `, did you mean '${sugg[0]}'?` : ''}`,
                'error',
                sugg,
              );
            } else if (bp.type === 'PathExpression' && !isHelperName(bp)) path(bp, sc, false);
            b.params.forEach((x) => expr(x, sc));
            b.hash?.pairs.forEach((x) => expr(x.value, sc));
            program(b.program, blockInnerScope(b, sc));
            program(b.inverse, sc);
            break;
          }
          case 'PartialStatement':
          case 'PartialBlockStatement': {
            const ps = st as hbs.AST.PartialStatement;
            if (ps.name.type === 'SubExpression') break;
            const name =
              ps.name.type === 'PathExpression'
                ? (ps.name as hbs.AST.PathExpression).original
                : String((ps.name as hbs.AST.StringLiteral).value);
            if (name === '@partial-block') break;
            ps.params.forEach((x) => expr(x, sc));
            ps.hash?.pairs.forEach((x) => expr(x.value, sc));
            const inline = (prog?.body ?? []).some(
              (d) => d.type === 'DecoratorBlock' && ((d as hbs.AST.DecoratorBlock).params[0] as hbs.AST.StringLiteral)?.value === name,
            );
            if (inline) break;
            const pf = ws.resolvePartialFile(name, src.file);
            if (!pf) {
              if (st.type === 'PartialBlockStatement') break;
              const sugg = nearest(
                name,
                ws.partialNames(src.file).map((p) => p.name),
              );
              add(
                ps.name,
                'missing-partial',
                `partial '${name}' not found in ${ws
                  .partialCandidates(name, src.file)
                  .map((c) => c.slice(0, c.lastIndexOf('/') + 1))
                  .join(' or ')}${sugg.length ? `, did you mean '${sugg[0]}'?` : ''}`,
                'error',
                sugg,
              );
              break;
            }
            if (stack.includes(pf)) {
              add(
                ps,
                'partial-recursion',
                `partial '${name}' includes itself (${[...stack.slice(stack.indexOf(pf)), pf].map((f) => f.split('/').pop()).join(' → ')})`,
                'error',
              );
              break;
            }
            const lp = ws.loadTemplate(pf);
            if (!lp?.ok) break; // its syntax error is reported on the partial file itself
            const inner = partialCallScope(ps, sc);
            walk({ file: pf, ast: lp.source.ast }, inner, [...stack, pf]);
            break;
          }
          default:
            break;
        }
      }
    };
    program(src.ast, scope);
  };

  walk({ file, ast: loaded.source.ast }, { ctx: root, root: root ?? { type: 'object' }, params: new Map(), inLoop: false }, [file]);
  return problems;
}
