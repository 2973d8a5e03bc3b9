// References of a partial: every `{{> name}}` across the templates that resolves to the same file.
// Works from a partial call (`{{> acc|ount}}`) or from anywhere inside the partial file itself.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position } from 'vscode-languageserver-types';
import { partialName, toRange, walkAst } from './ast';
import type { ServiceContext } from './context';
import { mustacheAt } from './cursor';
import { tokenAt } from './hover';

export function findReferences(ctx: ServiceContext, doc: TextDocument, pos: Position, includeDeclaration = true): Location[] {
  const info = ctx.sync(doc);
  if (info.kind !== 'template' && info.kind !== 'partial') return [];
  const text = doc.getText();
  const offset = doc.offsetAt(pos);
  const m = mustacheAt(text, offset) ?? mustacheAt(text, offset + 1);
  let target: string | undefined;
  if (m?.kind === 'partial') {
    const t = tokenAt(text, m, offset);
    if (t) target = ctx.ws.resolvePartialFile(t.token, info.path);
  } else if (info.kind === 'partial') target = info.path;
  if (!target) return [];
  return partialReferences(ctx, target, includeDeclaration);
}

export function partialReferences(ctx: ServiceContext, target: string, includeDeclaration: boolean): Location[] {
  const out: Location[] = [];
  if (includeDeclaration) out.push({ uri: ctx.uriOf(target), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  for (const f of ctx.ws.templateFiles()) {
    const lt = ctx.ws.loadTemplate(f);
    if (!lt?.ok) continue;
    walkAst(lt.source.ast, (n) => {
      if (n.type !== 'PartialStatement' && n.type !== 'PartialBlockStatement') return;
      const ps = n as hbs.AST.PartialStatement;
      const name = partialName(ps);
      if (name && ctx.ws.resolvePartialFile(name, f) === target) out.push({ uri: ctx.uriOf(f), range: toRange(ps.name.loc) });
    });
  }
  return out;
}
