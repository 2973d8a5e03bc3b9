// Evaluates a parsed Handlebars template. We use Handlebars' own parser and implement its evaluation
// semantics here, so that every output character knows the template text that produced it (the source
// map), escaping follows the output format, limits stop runaway templates, and only own properties of
// plain data are reachable (prototype access is impossible by construction).
import type { Program } from './parse';
import { HELPERS, isEmpty, type HelperOptions } from './helpers';
import { SourceMap, type Segment } from './sourcemap';
import type { LineIndex } from '../util/text';

type Node = hbs.AST.Node;
type Expr = hbs.AST.Expression;

export interface TemplateSource {
  file: string;
  text: string;
  ast: Program;
  index: LineIndex;
}

/**
 * What one render may cost. Every statement and every loop iteration (empty bodies too) is a step;
 * `maxMs` is wall-clock time, checked every few hundred steps. Over budget: a located error at the
 * outermost loop running, nothing served from this render.
 */
export interface RenderLimits {
  maxPartialDepth: number;
  maxOutputBytes: number;
  maxSteps: number;
  maxMs: number;
}
export const DEFAULT_LIMITS: RenderLimits = { maxPartialDepth: 32, maxOutputBytes: 8 * 1024 * 1024, maxSteps: 2_000_000, maxMs: 1000 };
/**
 * Told when a render starts, with its wall-clock budget: a watchdog on another thread (the language
 * server's service thread) re-arms its timer per render rather than per request.
 */
export const renderWatch: {
  onStart?: (maxMs: number) => void;
  /** Polled with the clock: true when the work this render is for was superseded (a newer edit), so it stops now. */
  cancelled?: () => boolean;
} = {};

/** Thrown through the render when renderWatch.cancelled() says so: nothing of the render is used. */
export class RenderCancelled extends Error {
  constructor() {
    super('render cancelled: superseded');
  }
}
/** How many steps pass between two clock reads. */
const CLOCK_EVERY = 256;

export interface RenderEnv {
  escape: 'xml' | 'none';
  /** A partial by name as seen from a template file; a string is an error message (e.g. a syntax error in it). */
  resolvePartial(name: string, fromFile: string): TemplateSource | string | undefined;
  limits?: Partial<RenderLimits>;
}

export interface RenderIssue {
  file: string;
  srcStart: number;
  srcEnd: number;
  rootStart: number;
  rootEnd: number;
  severity: 'error' | 'warning';
  code: import('../problems/registry').ProblemCode;
  message: string;
}

export interface RenderOutput {
  text: string;
  map: SourceMap;
  issues: RenderIssue[];
  failed: boolean;
}

class RenderFailure extends Error {}

interface Data {
  [k: string]: unknown;
  _parent?: Data;
}
interface Scope {
  ctx: unknown;
  up?: Scope; // previous context (for ../)
  data: Data;
  params?: { names: string[]; values: unknown[]; up?: Scope['params'] };
  partialBlock?: { program: Program; src: TemplateSource; scope: Scope };
  inline?: Map<string, TemplateSource>;
}

const own = (o: unknown, k: string): unknown =>
  o !== null && (typeof o === 'object' || typeof o === 'function') && Object.prototype.hasOwnProperty.call(o, k)
    ? (o as Record<string, unknown>)[k]
    : undefined;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

export function renderProgram(root: TemplateSource, context: unknown, env: RenderEnv): RenderOutput {
  return new Interpreter(root, env).run(context);
}

class Interpreter {
  private out: string[] = [];
  private length = 0;
  private segs: Segment[] = [];
  private issues: RenderIssue[] = [];
  private steps = 0;
  private limits: RenderLimits;
  private deadline = Infinity;
  /** The loops being iterated, outermost first, each with the source it is written in (for the budget error). */
  private loops: { node: Node; src: TemplateSource; callStart: number; callEnd: number }[] = [];
  /** Partial call stack: the source being evaluated and, at the bottom, the root template. */
  private stack: { src: TemplateSource; callStart: number; callEnd: number }[] = [];
  private indents: string[] = [];
  private atLineStart = true;

  constructor(
    private root: TemplateSource,
    private env: RenderEnv,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...env.limits };
  }

  run(context: unknown): RenderOutput {
    this.stack.push({ src: this.root, callStart: 0, callEnd: 0 });
    this.deadline = Number.isFinite(this.limits.maxMs) ? performance.now() + this.limits.maxMs : Infinity;
    renderWatch.onStart?.(this.limits.maxMs);
    if (renderWatch.cancelled?.()) throw new RenderCancelled();
    let failed = false;
    try {
      this.program(this.root.ast, { ctx: context, data: { root: context } });
    } catch (e) {
      if (e instanceof RenderCancelled) throw e;
      failed = true;
      if (!(e instanceof RenderFailure)) {
        const msg =
          e instanceof RangeError
            ? 'rendering ran out of stack (a partial that includes itself?)'
            : `internal render error: ${(e as Error).message}`;
        this.issues.push({
          file: this.root.file,
          srcStart: 0,
          srcEnd: 0,
          rootStart: 0,
          rootEnd: 0,
          severity: 'error',
          code: 'render-error',
          message: msg,
        });
      }
    }
    return { text: this.out.join(''), map: new SourceMap(this.root.file, this.segs), issues: this.issues, failed };
  }

  // ---- locations and problems ----
  private get src(): TemplateSource {
    return this.stack[this.stack.length - 1].src;
  }
  private span(node: Node): [number, number] {
    const idx = this.src.index;
    return [
      idx.offsetAt({ line: node.loc.start.line - 1, character: node.loc.start.column }),
      idx.offsetAt({ line: node.loc.end.line - 1, character: node.loc.end.column }),
    ];
  }
  private rootSpan(s: number, e: number): [number, number] {
    return this.stack.length > 1 ? [this.stack[1].callStart, this.stack[1].callEnd] : [s, e];
  }
  private issue(
    node: Node,
    code: import('../problems/registry').ProblemCode,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ): RenderIssue {
    const [s, e] = this.span(node);
    const [rs, re] = this.rootSpan(s, e);
    const i: RenderIssue = { file: this.src.file, srcStart: s, srcEnd: e, rootStart: rs, rootEnd: re, severity, code, message };
    this.issues.push(i);
    return i;
  }
  private fail(node: Node, code: import('../problems/registry').ProblemCode, message: string): never {
    this.issue(node, code, message);
    throw new RenderFailure(message);
  }
  private step(node: Node): void {
    if (++this.steps > this.limits.maxSteps) {
      this.overBudget(node, `rendering stopped after ${this.limits.maxSteps.toLocaleString('en')} steps`);
    }
    if (this.steps % CLOCK_EVERY === 0) {
      if (renderWatch.cancelled?.()) throw new RenderCancelled();
      if (performance.now() > this.deadline) this.overBudget(node, `rendering stopped after ${this.limits.maxMs.toLocaleString('en')} ms`);
    }
  }
  /** The budget is spent: the error goes on the outermost loop running (the one that ran away), else on `node`. */
  private overBudget(node: Node, what: string): never {
    const loop = this.loops[0];
    if (!loop) this.fail(node, 'render-limit', `${what} (the render budget)`);
    const idx = loop.src.index;
    const s = idx.offsetAt({ line: loop.node.loc.start.line - 1, character: loop.node.loc.start.column });
    const e = idx.offsetAt({ line: loop.node.loc.end.line - 1, character: loop.node.loc.end.column });
    const [rs, re] = loop.callStart || loop.callEnd ? [loop.callStart, loop.callEnd] : [s, e];
    const message = `${what} in this loop (the render budget): it runs too many times — check its list, or nested ranges`;
    this.issues.push({
      file: loop.src.file,
      srcStart: s,
      srcEnd: e,
      rootStart: rs,
      rootEnd: re,
      severity: 'error',
      code: 'render-limit',
      message,
    });
    throw new RenderFailure(message);
  }

  // ---- output ----
  private write(text: string, file: string, srcStart: number, srcEnd: number, literal: boolean, node: Node): void {
    if (!text) return;
    if (this.length + text.length > this.limits.maxOutputBytes)
      this.fail(node, 'render-limit', `output exceeds ${this.limits.maxOutputBytes / 1024 / 1024} MB`);
    const [rs, re] = this.rootSpan(srcStart, srcEnd);
    const last = this.segs[this.segs.length - 1];
    if (
      literal &&
      last &&
      last.literal &&
      last.file === file &&
      last.outEnd === this.length &&
      last.srcEnd === srcStart &&
      last.rootStart === rs
    ) {
      last.outEnd += text.length;
      last.srcEnd += text.length;
    } else {
      this.segs.push({
        outStart: this.length,
        outEnd: this.length + text.length,
        file,
        srcStart,
        srcEnd,
        literal,
        rootStart: rs,
        rootEnd: re,
      });
    }
    this.out.push(text);
    this.length += text.length;
  }
  /** Emits text, indenting lines inside indented partials the way Handlebars does. */
  private emit(text: string, node: Node, literal: boolean, srcStart: number, srcEnd: number): void {
    const file = this.src.file;
    if (!this.indents.length) {
      this.write(text, file, srcStart, srcEnd, literal, node);
      this.atLineStart = text.endsWith('\n') || (this.atLineStart && !text);
      return;
    }
    let pos = 0;
    while (pos < text.length) {
      if (this.atLineStart) {
        const call = this.stack[this.stack.length - 1];
        this.write(this.indents.join(''), this.root.file, call.callStart, call.callEnd, false, node);
        this.atLineStart = false;
      }
      const nl = text.indexOf('\n', pos);
      const end = nl < 0 ? text.length : nl + 1;
      const piece = text.slice(pos, end);
      this.write(piece, file, literal ? srcStart + pos : srcStart, literal ? srcStart + end : srcEnd, literal, node);
      if (nl >= 0) this.atLineStart = true;
      pos = end;
    }
  }

  // ---- statements ----
  private program(p: Program | undefined, scope: Scope): void {
    if (!p) return;
    for (const st of p.body) if (st.type === 'DecoratorBlock') this.decorator(st as hbs.AST.DecoratorBlock, scope);
    for (const st of p.body) this.statement(st, scope);
  }

  private statement(st: hbs.AST.Statement, scope: Scope): void {
    this.step(st);
    switch (st.type) {
      case 'ContentStatement':
        return this.content(st as hbs.AST.ContentStatement);
      case 'MustacheStatement':
        return this.mustache(st as hbs.AST.MustacheStatement, scope);
      case 'BlockStatement':
        return this.block(st as hbs.AST.BlockStatement, scope);
      case 'PartialStatement':
        return this.partial(st as hbs.AST.PartialStatement, scope);
      case 'PartialBlockStatement':
        return this.partial(st as unknown as hbs.AST.PartialStatement, scope, st as hbs.AST.PartialBlockStatement);
      case 'CommentStatement':
      case 'DecoratorBlock':
        return;
      default:
        this.fail(st, 'hbs-unsupported', `'${st.type}' is not supported in provisioning templates`);
    }
  }

  private content(st: hbs.AST.ContentStatement): void {
    const [s] = this.span(st);
    const orig = (st.original as unknown as string | undefined) ?? st.value;
    // Whitespace control trims the text; find where the kept text starts inside the original.
    let lead = 0;
    if (st.value !== orig) {
      const max = orig.length - orig.trimStart().length;
      while (lead <= max && !orig.startsWith(st.value, lead)) lead++;
      if (lead > max) lead = 0;
    }
    this.emit(st.value, st, true, s + lead, s + lead + st.value.length);
  }

  private mustache(st: hbs.AST.MustacheStatement, scope: Scope): void {
    const value = this.callOrLookup(st.path, st.params, st.hash, scope, st);
    let text = this.stringify(value, st);
    if (st.escaped && this.env.escape === 'xml') text = escapeXml(text);
    if (this.env.escape === 'none' && /[\r\n]/.test(text)) {
      this.fail(
        st,
        'value-newline',
        `the value of '${exprName(st.path)}' contains a line break, which would start a new key in this key = value file`,
      );
    }
    const [s, e] = this.span(st);
    this.emit(text, st, false, s, e);
  }

  private stringify(v: unknown, node: Node): string {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) return v.map((x) => this.stringify(x, node)).join(',');
    this.issue(node, 'object-output', 'this expression is an object, not a value: it renders as "[object Object]"', 'warning');
    return '[object Object]';
  }

  // ---- expressions ----
  private isHelper(path: Expr): string | undefined {
    if (path.type !== 'PathExpression') return undefined;
    const p = path as hbs.AST.PathExpression;
    if (p.data || p.depth || p.parts.length !== 1 || /^this\b|^\.\//.test(p.original)) return undefined;
    return Object.prototype.hasOwnProperty.call(HELPERS, p.parts[0]) ? p.parts[0] : undefined;
  }

  private callOrLookup(path: Expr, params: Expr[], hash: hbs.AST.Hash | undefined, scope: Scope, node: Node): unknown {
    const helper = this.isHelper(path);
    if (helper) return this.callHelper(helper, params, hash, scope, node, undefined);
    if (params.length || hash?.pairs.length) {
      this.fail(path, 'unknown-helper', `unknown helper '${exprName(path)}'`);
    }
    return this.expr(path, scope);
  }

  private callHelper(
    name: string,
    params: Expr[],
    hash: hbs.AST.Hash | undefined,
    scope: Scope,
    node: Node,
    block: { program?: Program; inverse?: Program } | undefined,
  ): unknown {
    const args = params.map((p) => this.expr(p, scope));
    const hashVals: Record<string, unknown> = {};
    for (const pair of hash?.pairs ?? []) hashVals[pair.key] = this.expr(pair.value, scope);
    if (name === 'lookup') return own(args[0], String(args[1]));
    if (name === 'log') return '';
    const def = HELPERS[name];
    if (!def.fn) this.fail(node, 'hbs-helper-usage', `'${name}' is a block helper: use {{#${name} …}}…{{/${name}}}`);
    const options: HelperOptions = {
      hash: hashVals,
      isBlock: !!block,
      context: scope.ctx,
      fn: (ctx = scope.ctx) => this.capture(block?.program, this.withContext(scope, ctx)),
      inverse: (ctx = scope.ctx) => this.capture(block?.inverse, this.withContext(scope, ctx)),
    };
    try {
      return def.fn(args, options);
    } catch (e) {
      if (e instanceof RenderFailure) throw e;
      return this.fail(node, 'helper-error', `helper '${name}' failed: ${(e as Error).message}`);
    }
  }

  /** Block output for helper functions: rendered in place, returned as a marker string the block emits. */
  private capture(program: Program | undefined, scope: Scope): string {
    if (program) this.program(program, scope);
    return '';
  }

  private withContext(scope: Scope, ctx: unknown): Scope {
    return ctx === scope.ctx ? scope : { ...scope, ctx, up: scope };
  }

  private expr(e: Expr, scope: Scope): unknown {
    switch (e.type) {
      case 'StringLiteral':
        return (e as hbs.AST.StringLiteral).value;
      case 'NumberLiteral':
        return (e as hbs.AST.NumberLiteral).value;
      case 'BooleanLiteral':
        return (e as hbs.AST.BooleanLiteral).value;
      case 'UndefinedLiteral':
        return undefined;
      case 'NullLiteral':
        return null;
      case 'SubExpression': {
        const sx = e as hbs.AST.SubExpression;
        const helper = this.isHelper(sx.path);
        if (!helper) this.fail(sx.path, 'unknown-helper', `unknown helper '${exprName(sx.path)}'`);
        return this.callHelper(helper, sx.params, sx.hash, scope, sx, undefined);
      }
      case 'PathExpression':
        return this.lookup(e as hbs.AST.PathExpression, scope);
      default:
        return undefined;
    }
  }

  private lookup(p: hbs.AST.PathExpression, scope: Scope): unknown {
    let parts = p.parts;
    let value: unknown;
    if (p.data) {
      let d: Data | undefined = scope.data;
      for (let i = 0; i < p.depth && d; i++) d = d._parent;
      value = own(d, parts[0]);
      parts = parts.slice(1);
    } else {
      let found = false;
      if (!p.depth && parts.length && !/^this\b|^\.\//.test(p.original)) {
        for (let bp = scope.params; bp; bp = bp.up) {
          const i = bp.names.indexOf(parts[0]);
          if (i >= 0) {
            value = bp.values[i];
            parts = parts.slice(1);
            found = true;
            break;
          }
        }
      }
      if (!found) {
        let s: Scope | undefined = scope;
        for (let i = 0; i < p.depth && s; i++) s = s.up;
        value = s?.ctx;
      }
    }
    for (const part of parts) value = own(value, part);
    return value;
  }

  // ---- blocks ----
  private block(st: hbs.AST.BlockStatement, scope: Scope): void {
    const name = this.isHelper(st.path);
    const program = st.program ?? undefined;
    const inverse = st.inverse ?? undefined;
    if ((name === 'if' || name === 'unless' || name === 'with' || name === 'each') && !st.params.length) {
      const example =
        name === 'each' ? 'a list: {{#each lines}}' : name === 'with' ? 'an object: {{#with pbx}}' : `a value: {{#${name} vars.x}}`;
      this.fail(st, 'hbs-helper-usage', `{{#${name}}} needs ${example}`);
    }
    if (name === 'if' || name === 'unless') {
      const v = this.expr(st.params[0], scope);
      const truthy = (!isEmpty(v) && v !== 0) || (st.hash?.pairs.some((pp) => pp.key === 'includeZero') && v === 0);
      this.program((name === 'if') === !!truthy ? program : inverse, scope);
      return;
    }
    if (name === 'with') {
      const v = this.expr(st.params[0], scope);
      if (isEmpty(v)) return this.program(inverse, scope);
      return this.program(program, this.blockScope(this.withContext(scope, v), program, [v]));
    }
    if (name === 'each') return this.each(this.expr(st.params[0], scope), program, inverse, scope, st);
    if (name) {
      // Any other helper as a block: comparison helpers choose fn/inverse themselves.
      const r = this.callHelper(name, st.params, st.hash, scope, st, { program, inverse });
      if (typeof r === 'string') {
        const [s, e] = this.span(st);
        this.emit(r, st, false, s, e);
      }
      return;
    }
    if (st.params.length || st.hash?.pairs.length) this.fail(st.path, 'unknown-helper', `unknown block helper '${exprName(st.path)}'`);
    // A plain path as a block: a section, as in Handlebars (list → each, object → with, true → if).
    const v = this.expr(st.path, scope);
    if (Array.isArray(v)) return this.each(v, program, inverse, scope, st);
    if (isEmpty(v)) return this.program(inverse, scope);
    if (typeof v === 'object') return this.program(program, this.withContext(scope, v));
    this.program(program, scope);
  }

  private blockScope(scope: Scope, program: Program | undefined, values: unknown[]): Scope {
    const names = program?.blockParams;
    return names?.length ? { ...scope, params: { names, values, up: scope.params } } : scope;
  }

  private each(v: unknown, program: Program | undefined, inverse: Program | undefined, scope: Scope, st: Node): void {
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : v && typeof v === 'object'
        ? Object.keys(v).map((k) => [k, (v as Record<string, unknown>)[k]])
        : [];
    if (!entries.length) return this.program(inverse, scope);
    const call = this.stack[this.stack.length - 1];
    this.loops.push({
      node: st,
      src: this.src,
      callStart: this.stack.length > 1 ? call.callStart : 0,
      callEnd: this.stack.length > 1 ? call.callEnd : 0,
    });
    try {
      entries.forEach(([key, item], i) => {
        this.step(st); // an iteration costs a step even when its body is empty
        const data: Data = { ...scope.data, _parent: scope.data, index: i, first: i === 0, last: i === entries.length - 1, key };
        const inner = this.blockScope({ ...scope, ctx: item, up: scope, data }, program, [item, key]);
        this.program(program, inner);
      });
    } finally {
      this.loops.pop();
    }
  }

  private decorator(st: hbs.AST.DecoratorBlock, scope: Scope): void {
    const name = exprName(st.path);
    const p = st.params[0];
    if (name !== 'inline' || !p || p.type !== 'StringLiteral')
      this.fail(st, 'hbs-unsupported', 'only {{#*inline "name"}} decorators are supported');
    scope.inline = new Map(scope.inline);
    scope.inline.set((p as hbs.AST.StringLiteral).value, { ...this.src, ast: st.program });
  }

  // ---- partials ----
  private partial(st: hbs.AST.PartialStatement, scope: Scope, block?: hbs.AST.PartialBlockStatement): void {
    const nameExpr = st.name;
    if (nameExpr.type === 'SubExpression') this.fail(st, 'hbs-unsupported', 'dynamic partial names are not supported: name the partial');
    const name =
      nameExpr.type === 'PathExpression'
        ? (nameExpr as hbs.AST.PathExpression).original
        : String((nameExpr as hbs.AST.StringLiteral).value);
    let ctx = st.params.length ? this.expr(st.params[0], scope) : scope.ctx;
    if (st.hash?.pairs.length) {
      const ext: Record<string, unknown> = ctx && typeof ctx === 'object' ? { ...(ctx as object) } : {};
      for (const pair of st.hash.pairs) ext[pair.key] = this.expr(pair.value, scope);
      ctx = ext;
    }
    if (name === '@partial-block') {
      const pb = scope.partialBlock;
      if (!pb) this.fail(st, 'missing-partial', "'@partial-block' used outside a partial block");
      return this.enter(st, { ...pb.src, ast: pb.program }, { ...pb.scope }, undefined);
    }
    if (this.stack.length > this.limits.maxPartialDepth) {
      this.fail(
        st,
        'partial-recursion',
        `partials nested deeper than ${this.limits.maxPartialDepth} levels: does '${name}' include itself?`,
      );
    }
    const target = scope.inline?.get(name) ?? this.env.resolvePartial(name, this.src.file);
    if (typeof target === 'string') this.fail(st, 'partial-error', `partial '${name}': ${target}`);
    if (!target) {
      if (block) return this.program(block.program, scope);
      this.fail(
        nameExpr,
        'missing-partial',
        `partial '${name}' not found (looked in templates/<vendor>/partials/ and templates/partials/)`,
      );
    }
    const inner: Scope = {
      ctx,
      up: ctx === scope.ctx ? scope.up : scope,
      data: scope.data,
      inline: scope.inline,
      partialBlock: block ? { program: block.program, src: this.src, scope } : scope.partialBlock,
    };
    this.enter(st, target, inner, (st as { indent?: string }).indent);
  }

  private enter(st: Node, target: TemplateSource, scope: Scope, indent: string | undefined): void {
    const [s, e] = this.span(st);
    this.stack.push({
      src: target,
      callStart: this.stack.length === 1 ? s : this.stack[this.stack.length - 1].callStart,
      callEnd: this.stack.length === 1 ? e : this.stack[this.stack.length - 1].callEnd,
    });
    if (indent) {
      this.indents.push(indent);
      this.atLineStart = true;
    }
    try {
      this.program(target.ast, scope);
    } finally {
      if (indent) this.indents.pop();
      this.stack.pop();
    }
  }
}

function exprName(e: Expr | hbs.AST.PathExpression): string {
  return e.type === 'PathExpression' ? (e as hbs.AST.PathExpression).original : e.type;
}
