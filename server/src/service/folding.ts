// Folding ranges: blocks (and their else branches) and multi-line comments.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { walkAst } from './ast';
import type { ServiceContext } from './context';

export function getFoldingRanges(ctx: ServiceContext, doc: TextDocument): FoldingRange[] {
  const info = ctx.sync(doc);
  if (info.kind !== 'template' && info.kind !== 'partial') return [];
  const ast = ctx.ast(doc);
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string) => {
    if (end > start) out.push({ startLine: start, endLine: end, kind });
  };
  if (ast) {
    walkAst(ast, (n) => {
      if (n.type === 'BlockStatement' || n.type === 'DecoratorBlock' || n.type === 'PartialBlockStatement') {
        const b = n as hbs.AST.BlockStatement;
        const start = b.loc.start.line - 1;
        const end = b.loc.end.line - 1;
        if (b.inverse?.loc && b.program?.loc) {
          // {{#if}} … {{else}} … {{/if}}: fold each branch up to the line before the next tag.
          const elseLine = b.inverse.loc.start.line - 1;
          add(start, elseLine - 1);
          add(elseLine, end - 1);
        } else add(start, end - 1);
      } else if (n.type === 'CommentStatement') {
        add(n.loc.start.line - 1, n.loc.end.line - 1, FoldingRangeKind.Comment);
      }
    });
  }
  return out;
}
