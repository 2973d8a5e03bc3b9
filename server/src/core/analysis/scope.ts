// Static scopes of a Handlebars template: which data a path can reach at each place, as schemas.
// Shared by the unknown-path check, completion and hover.
import type { SchemaNode } from '../bench/schema';
import { HELPERS } from '../render/helpers';

type Program = hbs.AST.Program;

export interface StaticScope {
  /** The context (`this`); undefined = unknown (anything goes). */
  ctx: SchemaNode | undefined;
  up?: StaticScope;
  root: SchemaNode;
  params: Map<string, SchemaNode | undefined>;
  /** Inside #each: @index, @key, @first, @last are defined. */
  inLoop: boolean;
}

export type Resolved = { ok: true; schema: SchemaNode | undefined } | { ok: false; failedAt: number; known: string[]; parent?: SchemaNode };

const INDEX: SchemaNode = { type: 'integer', description: 'Index of the item (0-based; {{inc @index}} gives 1-based).' };
const DATA_VARS: Record<string, SchemaNode> = {
  index: INDEX,
  key: { type: 'string', description: 'Key (or index) of the current item in #each.' },
  first: { type: 'boolean', description: 'True for the first item in #each.' },
  last: { type: 'boolean', description: 'True for the last item in #each.' },
};

export function isHelperName(p: hbs.AST.PathExpression): boolean {
  return (
    !p.data &&
    !p.depth &&
    p.parts.length === 1 &&
    !/^this\b|^\.\//.test(p.original) &&
    Object.prototype.hasOwnProperty.call(HELPERS, p.parts[0])
  );
}

function step(s: SchemaNode | undefined, part: string): { next: SchemaNode | undefined; ok: boolean; known: string[] } {
  if (!s) return { next: undefined, ok: true, known: [] };
  if (s.type === 'array') {
    if (/^\d+$/.test(part)) return { next: s.items, ok: true, known: [] };
    if (part === 'length') return { next: { type: 'integer', description: 'Number of items.' }, ok: true, known: [] };
    return { next: undefined, ok: false, known: ['length'] };
  }
  if (s.type === 'object') {
    const p = s.properties?.[part];
    if (p) return { next: p, ok: true, known: [] };
    if (s.additionalProperties === false) return { next: undefined, ok: false, known: Object.keys(s.properties ?? {}) };
    return { next: typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined, ok: true, known: [] };
  }
  return { next: undefined, ok: false, known: [] };
}

/** Resolves a path expression's parts in a scope. */
export function resolvePath(p: hbs.AST.PathExpression, scope: StaticScope): Resolved {
  let parts = p.parts;
  let s: SchemaNode | undefined;
  if (p.data) {
    const head = parts[0];
    if (head === 'root') s = scope.root;
    else if (head in DATA_VARS) {
      if (!scope.inLoop && head !== 'key') return { ok: false, failedAt: 0, known: ['root'] };
      s = DATA_VARS[head];
    } else if (head === 'partial-block') return { ok: true, schema: undefined };
    else return { ok: false, failedAt: 0, known: ['root', ...(scope.inLoop ? Object.keys(DATA_VARS) : [])] };
    parts = parts.slice(1);
    for (let i = 0; i < parts.length; i++) {
      const r = step(s, parts[i]);
      if (!r.ok) return { ok: false, failedAt: i + 1, known: r.known, parent: s };
      s = r.next;
    }
    return { ok: true, schema: s };
  }
  let sc: StaticScope | undefined = scope;
  if (!p.depth && parts.length && !/^this\b|^\.\//.test(p.original)) {
    for (let x: StaticScope | undefined = scope; x; x = x.up) {
      if (x.params.has(parts[0])) {
        s = x.params.get(parts[0]);
        for (let i = 1; i < parts.length; i++) {
          const r = step(s, parts[i]);
          if (!r.ok) return { ok: false, failedAt: i, known: r.known, parent: s };
          s = r.next;
        }
        return { ok: true, schema: s };
      }
    }
  }
  for (let i = 0; i < p.depth && sc; i++) sc = sc.up;
  s = sc?.ctx;
  if (!sc) return { ok: false, failedAt: 0, known: [] };
  for (let i = 0; i < parts.length; i++) {
    const r = step(s, parts[i]);
    if (!r.ok) return { ok: false, failedAt: i, known: [...r.known, ...(i === 0 ? [...sc.params.keys()] : [])], parent: s };
    s = r.next;
  }
  return { ok: true, schema: s };
}

/** Schema of an expression's value (paths only; helper results are unknown). */
export function exprSchema(e: hbs.AST.Expression | undefined, scope: StaticScope): SchemaNode | undefined {
  if (!e || e.type !== 'PathExpression') {
    if (e?.type === 'SubExpression') {
      const sx = e as hbs.AST.SubExpression;
      if (sx.path.type === 'PathExpression' && (sx.path as hbs.AST.PathExpression).original === 'range')
        return { type: 'array', items: { type: 'integer', description: 'A number from range.' } };
    }
    return undefined;
  }
  const r = resolvePath(e as hbs.AST.PathExpression, scope);
  return r.ok ? r.schema : undefined;
}

export function childScope(
  scope: StaticScope,
  ctx: SchemaNode | undefined,
  params: string[] = [],
  paramSchemas: (SchemaNode | undefined)[] = [],
  inLoop = scope.inLoop,
): StaticScope {
  return { ctx, up: scope, root: scope.root, params: new Map(params.map((n, i) => [n, paramSchemas[i]])), inLoop };
}

/** The scope inside a block's main program. */
export function blockInnerScope(st: hbs.AST.BlockStatement, scope: StaticScope): StaticScope {
  const path = st.path as hbs.AST.PathExpression;
  const name = path.type === 'PathExpression' && isHelperName(path) ? path.parts[0] : undefined;
  const bp = st.program?.blockParams ?? [];
  if (name === 'each' || (!name && path.type === 'PathExpression')) {
    const listSchema = name ? exprSchema(st.params[0], scope) : exprSchema(path, scope);
    if (!name && listSchema && listSchema.type !== 'array') return childScope(scope, listSchema, bp, [listSchema]);
    const item =
      listSchema?.type === 'array'
        ? listSchema.items
        : listSchema?.type === 'object' && typeof listSchema.additionalProperties === 'object'
          ? listSchema.additionalProperties
          : undefined;
    return childScope(scope, item, bp, [item, INDEX], true);
  }
  if (name === 'with') {
    const s = exprSchema(st.params[0], scope);
    return childScope(scope, s, bp, [s]);
  }
  return { ...scope, params: bp.length ? new Map(bp.map((n) => [n, undefined])) : scope.params, up: bp.length ? scope : scope.up };
}

export function rootScope(root: SchemaNode | undefined): StaticScope {
  return { ctx: root, root: root ?? { type: 'object' }, params: new Map(), inLoop: false };
}

/** The innermost scope at a zero-based position, from the last good AST of the document. */
export function scopeAt(ast: Program, root: SchemaNode | undefined, line: number, character: number): StaticScope {
  const L = line + 1;
  const inside = (loc: hbs.AST.SourceLocation | undefined) =>
    !!loc &&
    (loc.start.line < L || (loc.start.line === L && loc.start.column <= character)) &&
    (loc.end.line > L || (loc.end.line === L && loc.end.column >= character));
  let scope = rootScope(root);
  let program: Program | undefined = ast;
  while (program) {
    let next: Program | undefined;
    for (const st of program.body) {
      if (st.type !== 'BlockStatement' || !inside(st.loc)) continue;
      const b = st as hbs.AST.BlockStatement;
      if (b.program && inside(b.program.loc)) {
        scope = blockInnerScope(b, scope);
        next = b.program;
      } else if (b.inverse && inside(b.inverse.loc)) {
        next = b.inverse;
      }
      break;
    }
    program = next;
  }
  return scope;
}

/**
 * Scope of a partial's body as called by `ps` in scope `sc`: the first parameter's schema, else the caller's
 * context; hash keys are added to it (an object) or make it unknown (anything else).
 */
export function partialCallScope(ps: hbs.AST.PartialStatement, sc: StaticScope): StaticScope {
  let ctx = ps.params.length ? exprSchema(ps.params[0], sc) : sc.ctx;
  if (ps.hash?.pairs.length && ctx?.type === 'object') {
    const passed = ps.hash.pairs.map((p) => [p.key, exprSchema(p.value, sc) ?? { description: 'passed by the partial call' }]);
    ctx = { ...ctx, properties: { ...ctx.properties, ...Object.fromEntries(passed) } };
  } else if (ps.hash?.pairs.length) ctx = undefined;
  return { ...childScope(sc, ctx), up: sc.up, params: sc.params };
}
