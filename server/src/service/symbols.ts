// Document symbols (outline): blocks, partial calls, inline partials and, for key = value templates,
// groups of keys by their first segment (`account`, `linekey`, …), nested by range.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { partialName, toRange, walkAst } from './ast';
import type { ServiceContext } from './context';
import { equalsIndex } from './cursor';

export function findDocumentSymbols(ctx: ServiceContext, doc: TextDocument): DocumentSymbol[] {
  const info = ctx.sync(doc);
  if (info.kind !== 'template' && info.kind !== 'partial') return [];
  const flat: DocumentSymbol[] = [];
  const ast = ctx.ast(doc);
  if (ast) {
    walkAst(ast, (n) => {
      if (n.type === 'BlockStatement') {
        const b = n as hbs.AST.BlockStatement;
        const head = doc
          .getText(toRange(b.loc))
          .split('}}')[0]
          .replace(/^\{\{~?#?\s*/, '')
          .replace(/\s+/g, ' ');
        flat.push({
          name: `#${head.slice(0, 80)}`,
          kind: SymbolKind.Namespace,
          range: toRange(b.loc),
          selectionRange: toRange(b.path.loc),
          children: [],
        });
      } else if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
        const ps = n as hbs.AST.PartialStatement;
        flat.push({
          name: `> ${partialName(ps) ?? '(dynamic)'}`,
          kind: SymbolKind.File,
          range: toRange(ps.loc),
          selectionRange: toRange(ps.name.loc),
          children: [],
        });
      } else if (n.type === 'DecoratorBlock') {
        const d = n as hbs.AST.DecoratorBlock;
        const name = (d.params[0] as hbs.AST.StringLiteral | undefined)?.value;
        flat.push({
          name: `*inline ${name ?? ''}`,
          kind: SymbolKind.Function,
          range: toRange(d.loc),
          selectionRange: toRange(d.path.loc),
          children: [],
        });
      }
    });
  }
  if (!info.xml) flat.push(...keyGroups(doc));
  return nest(flat);
}

/** Runs of `key = value` lines with the same first key segment. */
function keyGroups(doc: TextDocument): DocumentSymbol[] {
  const lines = doc.getText().split('\n');
  const out: DocumentSymbol[] = [];
  let cur: { group: string; start: number; end: number; keys: DocumentSymbol[] } | undefined;
  const flush = () => {
    if (!cur) return;
    const range: Range = {
      start: { line: cur.start, character: 0 },
      end: { line: cur.end, character: lines[cur.end].replace(/\r$/, '').length },
    };
    out.push({
      name: cur.group,
      detail: `${cur.keys.length} key${cur.keys.length > 1 ? 's' : ''}`,
      kind: SymbolKind.Object,
      range,
      selectionRange: { start: range.start, end: range.start },
      children: cur.keys,
    });
    cur = undefined;
  };
  for (let i = 0; i < lines.length && i < 100_000; i++) {
    const line = lines[i].replace(/\r$/, '');
    const eq = /^\s*[A-Za-z_{]/.test(line) && !line.trimStart().startsWith('{{') ? equalsIndex(line) : -1;
    if (eq <= 0) {
      if (line.trim() && !line.trimStart().startsWith('{{')) flush();
      continue;
    }
    const key = line.slice(0, eq).trim();
    const group = key.split(/[.[]/)[0];
    if (cur && cur.group !== group) flush();
    const s = line.indexOf(key);
    const r: Range = { start: { line: i, character: s }, end: { line: i, character: line.length } };
    const sym: DocumentSymbol = {
      name: key,
      kind: SymbolKind.Property,
      range: r,
      selectionRange: { start: r.start, end: { line: i, character: s + key.length } },
    };
    if (!cur) cur = { group, start: i, end: i, keys: [] };
    cur.end = i;
    cur.keys.push(sym);
  }
  flush();
  return out;
}

const before = (a: Range, b: Range) => a.start.line - b.start.line || a.start.character - b.start.character;
const within = (inner: Range, outer: Range) =>
  before(outer, inner) <= 0 &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

/** Nests symbols by range containment (a key group spanning a block boundary stays at the outer level). */
function nest(flat: DocumentSymbol[]): DocumentSymbol[] {
  flat.sort((a, b) => before(a.range, b.range) || b.range.end.line - a.range.end.line);
  const roots: DocumentSymbol[] = [];
  const stack: DocumentSymbol[] = [];
  for (const s of flat) {
    while (stack.length && !within(s.range, stack[stack.length - 1].range)) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) (parent.children ??= []).push(s);
    else roots.push(s);
    if (s.kind !== SymbolKind.Property) stack.push(s);
  }
  return roots;
}
