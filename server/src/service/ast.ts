// Handlebars AST helpers for the language service: loc ↔ LSP ranges, the chain of blocks enclosing a
// position (static scopes and concrete data paths), and a generic statement walker.
import type { Position, Range } from 'vscode-languageserver-types';
import { blockInnerScope, isHelperName, type StaticScope } from '../core/analysis/scope';

export type Program = hbs.AST.Program;

/** Handlebars loc (1-based lines, 0-based columns) → LSP range. */
export function toRange(loc: hbs.AST.SourceLocation): Range {
  return { start: { line: loc.start.line - 1, character: loc.start.column }, end: { line: loc.end.line - 1, character: loc.end.column } };
}

export function cmp(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function contains(r: Range, p: Position, endInclusive = true): boolean {
  return cmp(r.start, p) <= 0 && (endInclusive ? cmp(p, r.end) <= 0 : cmp(p, r.end) < 0);
}

const startOf = (loc: hbs.AST.SourceLocation): Position => ({ line: loc.start.line - 1, character: loc.start.column });

/** Which part of a block a position is in: the opening tag, the main program or the inverse (else). */
function blockPart(b: hbs.AST.BlockStatement, pos: Position): 'open' | 'program' | 'inverse' | 'none' {
  if (!contains(toRange(b.loc), pos, false)) return 'none';
  if (b.inverse?.loc && cmp(startOf(b.inverse.loc), pos) <= 0) return 'inverse';
  if (b.program?.loc) return cmp(startOf(b.program.loc), pos) <= 0 ? 'program' : 'open';
  // Empty program: the opening tag ends where the first '}}' is; we have no text here, so treat the inside
  // of the block after its path as the program.
  return cmp(toRange(b.path.loc).end, pos) < 0 ? 'program' : 'open';
}

/** A concrete data path (from the render context root) for the first item of every loop, or undefined when unknown. */
export type DataPath = (string | number)[] | undefined;

export interface ConcreteFrame {
  ctx: DataPath;
  up?: ConcreteFrame;
  params: Map<string, DataPath>;
}

/** The concrete path of a path expression in a frame (loops take their first item). */
export function concreteOf(p: hbs.AST.PathExpression, frame: ConcreteFrame, root: ConcreteFrame): DataPath {
  if (p.data) {
    if (p.parts[0] !== 'root') return undefined;
    return [...(root.ctx ?? []), ...p.parts.slice(1)];
  }
  if (!p.depth && p.parts.length && !/^this\b|^\.\//.test(p.original)) {
    for (let f: ConcreteFrame | undefined = frame; f; f = f.up) {
      if (f.params.has(p.parts[0])) {
        const base = f.params.get(p.parts[0]);
        return base && [...base, ...p.parts.slice(1)];
      }
    }
  }
  let f: ConcreteFrame | undefined = frame;
  for (let i = 0; i < p.depth && f; i++) f = f.up;
  if (!f?.ctx) return undefined;
  return [...f.ctx, ...p.parts];
}

function concreteExpr(e: hbs.AST.Expression | undefined, frame: ConcreteFrame, root: ConcreteFrame): DataPath {
  return e?.type === 'PathExpression' ? concreteOf(e as hbs.AST.PathExpression, frame, root) : undefined;
}

/** The concrete frame inside a block's main program. */
export function innerFrame(b: hbs.AST.BlockStatement, frame: ConcreteFrame, root: ConcreteFrame): ConcreteFrame {
  const path = b.path as hbs.AST.PathExpression;
  const name = path.type === 'PathExpression' && isHelperName(path) ? path.parts[0] : undefined;
  const bp = b.program?.blockParams ?? [];
  if (name === 'each' || (!name && path.type === 'PathExpression')) {
    const list = name ? concreteExpr(b.params[0], frame, root) : concreteOf(path, frame, root);
    const item = list && [...list, 0];
    return { ctx: item, up: frame, params: new Map(bp.map((n, i) => [n, i === 0 ? item : undefined])) };
  }
  if (name === 'with') {
    const v = concreteExpr(b.params[0], frame, root);
    return { ctx: v, up: frame, params: new Map(bp.map((n) => [n, v])) };
  }
  return { ...frame, params: bp.length ? new Map(bp.map((n) => [n, undefined])) : frame.params, up: bp.length ? frame : frame.up };
}

export interface Enclosing {
  scope: StaticScope;
  frame: ConcreteFrame;
  /** Open blocks around the position, outermost first. */
  blocks: hbs.AST.BlockStatement[];
}

/** Static scope and concrete frame at a position, starting from the document's base scope/frame. */
export function enclosingAt(ast: Program, pos: Position, baseScope: StaticScope, baseFrame: ConcreteFrame): Enclosing {
  let scope = baseScope;
  let frame = baseFrame;
  const blocks: hbs.AST.BlockStatement[] = [];
  let program: Program | undefined = ast;
  while (program) {
    let next: Program | undefined;
    for (const st of program.body) {
      if (st.type !== 'BlockStatement') continue;
      const b = st as hbs.AST.BlockStatement;
      const part = blockPart(b, pos);
      if (part === 'none') continue;
      blocks.push(b);
      if (part === 'program') {
        scope = blockInnerScope(b, scope);
        frame = innerFrame(b, frame, baseFrame);
        next = b.program;
      } else if (part === 'inverse') next = b.inverse;
      break;
    }
    program = next;
  }
  return { scope, frame, blocks };
}

/** Calls `fn` for every statement and expression node, depth first, with block nesting. */
export function walkAst(ast: Program, fn: (node: hbs.AST.Node, parents: hbs.AST.Node[]) => void): void {
  const visit = (n: hbs.AST.Node | undefined | null, parents: hbs.AST.Node[]): void => {
    if (!n || typeof n !== 'object') return;
    fn(n, parents);
    const ps = [...parents, n];
    const a = n as unknown as Record<string, unknown>;
    switch (n.type) {
      case 'Program':
        for (const s of (n as Program).body) visit(s, ps);
        break;
      case 'BlockStatement':
      case 'DecoratorBlock':
      case 'PartialBlockStatement':
        visit((a.path as hbs.AST.Node) ?? (a.name as hbs.AST.Node), ps);
        for (const p of (a.params as hbs.AST.Node[]) ?? []) visit(p, ps);
        for (const h of (a.hash as hbs.AST.Hash)?.pairs ?? []) visit(h.value, ps);
        visit(a.program as Program, ps);
        visit(a.inverse as Program, ps);
        break;
      case 'MustacheStatement':
      case 'SubExpression':
      case 'Decorator':
        visit(a.path as hbs.AST.Node, ps);
        for (const p of (a.params as hbs.AST.Node[]) ?? []) visit(p, ps);
        for (const h of (a.hash as hbs.AST.Hash)?.pairs ?? []) visit(h.value, ps);
        break;
      case 'PartialStatement':
        visit(a.name as hbs.AST.Node, ps);
        for (const p of (a.params as hbs.AST.Node[]) ?? []) visit(p, ps);
        for (const h of (a.hash as hbs.AST.Hash)?.pairs ?? []) visit(h.value, ps);
        break;
      default:
        break;
    }
  };
  visit(ast, []);
}

/** The name a partial statement calls (undefined for dynamic partials). */
export function partialName(ps: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement): string | undefined {
  const n = ps.name as hbs.AST.Expression;
  if (n.type === 'PathExpression') return (n as hbs.AST.PathExpression).original;
  if (n.type === 'StringLiteral') return String((n as hbs.AST.StringLiteral).value);
  return undefined;
}

/** Concrete frame of a partial's body as called by `ps`. */
export function partialCallFrame(ps: hbs.AST.PartialStatement, frame: ConcreteFrame, root: ConcreteFrame): ConcreteFrame {
  const ctx = ps.params.length ? concreteExpr(ps.params[0], frame, root) : frame.ctx;
  return { ctx, up: frame.up, params: frame.params };
}

/** A path expression built from its text (`../lines.0.extension`, `@root.pbx`, `this.x`), for resolving typed paths. */
export function pathFromString(text: string): hbs.AST.PathExpression {
  const depth = (text.match(/\.\.\//g) ?? []).length + (/(^|\/)\.\.$/.test(text) ? 1 : 0);
  const data = text.startsWith('@');
  const body = text
    .replace(/^(\.\.\/)*(\.\.$)?/, '')
    .replace(/^@/, '')
    .replace(/^this(\.|\/|$)/, '')
    .replace(/^\.\//, '');
  const parts = body.split(/[./]/).filter(Boolean);
  return {
    type: 'PathExpression',
    data,
    depth,
    parts,
    original: text,
    head: parts[0],
    tail: parts.slice(1),
    loc: null,
  } as unknown as hbs.AST.PathExpression;
}

/** The value at a concrete path in plain data. */
export function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, p)) return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}
