// The body syntax of a 3CX deviceconfig: `%%variable%%` references anywhere in the text, and
// line-level directives `{IF cond}`, `{ELSE}`, `{ENDIF}` (nestable) on lines of their own.
// Offsets are absolute offsets in the .ph.xml file.

export interface VarRef {
  /** The name between the `%%` delimiters: `extension_number`, `param::sipport`, `PROVLINK.HOST`. */
  name: string;
  /** Offsets of the whole reference, delimiters included. */
  start: number;
  end: number;
}

export type Condition =
  | { kind: 'ua'; values: string[] }
  | { kind: 'network'; values: string[] }
  | { kind: 'blf'; n: number }
  /** `{IF name}`: the variable is not empty; `{IF name=a,b}`: it equals one of the values. */
  | { kind: 'var'; name: string; values?: string[] };

export interface TextLine {
  kind: 'text';
  start: number;
  end: number;
  refs: VarRef[];
}

export interface IfBlock {
  kind: 'if';
  cond: Condition;
  /** The directive text between the braces, e.g. `IF ua=Yealink SIP-T57W`. */
  raw: string;
  /** The `{IF …}` line (newline included), and the braces' offsets. */
  start: number;
  end: number;
  tagStart: number;
  tagEnd: number;
  then: BodyNode[];
  else?: BodyNode[];
  elseTag?: { start: number; end: number; lineStart: number; lineEnd: number };
  endTag?: { start: number; end: number; lineStart: number; lineEnd: number };
}

/** `{SET $name="value"}` (3CX's Cisco templates): sets a template variable `{IF $name=value}` reads. */
export interface SetLine {
  kind: 'set';
  name: string;
  value: string;
  start: number;
  end: number;
  tagStart: number;
  tagEnd: number;
}

export type BodyNode = TextLine | IfBlock | SetLine;

export interface BodySyntaxError {
  start: number;
  end: number;
  code: 'threecx-unclosed-if' | 'threecx-syntax';
  message: string;
  related?: { start: number; end: number; message: string };
}

export interface ParsedBody {
  nodes: BodyNode[];
  errors: BodySyntaxError[];
}

export const VAR_RE = /%%([A-Za-z_][A-Za-z0-9_]*(?:(?:::|\.)[A-Za-z0-9_]+)*)%%/g;
const DIRECTIVE_RE = /^([ \t]*)\{(IF\b[^}\r\n]*|ELSE|ENDIF|SET\b[^}\r\n]*)\}[ \t]*\r?\n?$/;
/** A directive written in lower or mixed case (`{if network=LOCALLAN}`): not read as one, so sent as text. */
const LOOKALIKE_RE = /^([ \t]*)\{((?:if|else|endif|set)\b[^}\r\n]*)\}[ \t]*\r?\n?$/i;
const SET_RE = /^SET\s+\$([A-Za-z_]\w*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S*))\s*$/;
const NAME_RE = /^\$?[A-Za-z_][\w.:]*$/;

export function parseCondition(expr: string): Condition | undefined {
  const e = expr.trim();
  if (!e) return undefined;
  const eq = e.indexOf('=');
  if (eq < 0) {
    const blf = /^blf(\d+)$/i.exec(e);
    if (blf) return { kind: 'blf', n: Number(blf[1]) };
    return NAME_RE.test(e) ? { kind: 'var', name: e } : undefined;
  }
  const name = e.slice(0, eq).trim();
  const values = e
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (!name || !NAME_RE.test(name)) return undefined;
  if (name.toLowerCase() === 'ua') return { kind: 'ua', values };
  if (name.toLowerCase() === 'network') return { kind: 'network', values };
  return { kind: 'var', name, values };
}

export function varRefs(text: string, base: number): VarRef[] {
  const out: VarRef[] = [];
  VAR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VAR_RE.exec(text))) out.push({ name: m[1], start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

/** Parses the body `file[start, end)` into lines and (nested) IF blocks. */
export function parseBody(file: string, start: number, end: number): ParsedBody {
  const root: BodyNode[] = [];
  const errors: BodySyntaxError[] = [];
  const stack: { block: IfBlock; inElse: boolean }[] = [];
  const target = () => {
    const top = stack[stack.length - 1];
    return top ? (top.inElse ? (top.block.else ??= []) : top.block.then) : root;
  };
  // the last lower-case `{if …}` line met: a stray {ELSE}/{ENDIF} after it names it as the likely cause
  let lookalike: { start: number; end: number; word: string } | undefined;
  const stray = (tag: 'ELSE' | 'ENDIF', tagStart: number, tagEnd: number): BodySyntaxError => {
    const base = `{${tag}} without an open {IF}`;
    if (!lookalike) return { start: tagStart, end: tagEnd, code: 'threecx-syntax', message: base };
    const fixed = `IF${lookalike.word.slice(2)}`;
    return {
      start: tagStart,
      end: tagEnd,
      code: 'threecx-syntax',
      message: `${base}: the '{${lookalike.word}}' before it is not a directive (directives are upper case: '{${fixed}}')`,
      related: {
        start: lookalike.start,
        end: lookalike.end,
        message: `'{${lookalike.word}}' is not read as a directive, so this line is sent to the phone as text: write '{${fixed}}'`,
      },
    };
  };
  let pos = start;
  while (pos < end) {
    const nl = file.indexOf('\n', pos);
    const lineEnd = nl < 0 || nl >= end ? end : nl + 1;
    const line = file.slice(pos, lineEnd);
    const d = DIRECTIVE_RE.exec(line);
    if (d) {
      const tagStart = pos + d[1].length;
      const tagEnd = tagStart + d[2].length + 2;
      const word = d[2];
      if (word.startsWith('SET')) {
        const m = SET_RE.exec(word);
        if (!m)
          errors.push({
            start: tagStart,
            end: tagEnd,
            code: 'threecx-syntax',
            message: `'{${word}}' is not an assignment: use {SET $name="value"}`,
          });
        else target().push({ kind: 'set', name: m[1], value: m[2] ?? m[3] ?? m[4] ?? '', start: pos, end: lineEnd, tagStart, tagEnd });
      } else if (word.startsWith('IF')) {
        const expr = word.slice(2);
        const cond = parseCondition(expr);
        if (!cond)
          errors.push({
            start: tagStart,
            end: tagEnd,
            code: 'threecx-syntax',
            message: `'{${word}}' is not a condition: use {IF ua=…}, {IF network=…}, {IF blfN}, {IF name}, {IF name=value} or {IF $name=value}`,
          });
        const block: IfBlock = {
          kind: 'if',
          cond: cond ?? { kind: 'var', name: '' },
          raw: word,
          start: pos,
          end: lineEnd,
          tagStart,
          tagEnd,
          then: [],
        };
        target().push(block);
        stack.push({ block, inElse: false });
      } else if (word === 'ELSE') {
        const top = stack[stack.length - 1];
        if (!top) errors.push(stray('ELSE', tagStart, tagEnd));
        else if (top.inElse)
          errors.push({
            start: tagStart,
            end: tagEnd,
            code: 'threecx-syntax',
            message: `a second {ELSE} for the same '{${top.block.raw}}'`,
          });
        else {
          top.inElse = true;
          top.block.else = [];
          top.block.elseTag = { start: tagStart, end: tagEnd, lineStart: pos, lineEnd };
        }
      } else {
        const top = stack.pop();
        if (!top) {
          errors.push(stray('ENDIF', tagStart, tagEnd));
          lookalike = undefined;
        } else top.block.endTag = { start: tagStart, end: tagEnd, lineStart: pos, lineEnd };
      }
    } else {
      const l = LOOKALIKE_RE.exec(line);
      if (l && /^if\b/i.test(l[2])) lookalike = { start: pos + l[1].length, end: pos + l[1].length + l[2].length + 2, word: l[2] };
      target().push({ kind: 'text', start: pos, end: lineEnd, refs: varRefs(line, pos) });
    }
    pos = lineEnd;
  }
  for (const { block } of stack.reverse()) {
    errors.push({
      start: block.tagStart,
      end: block.tagEnd,
      code: 'threecx-unclosed-if',
      message: `'{${block.raw}}' is never closed: add {ENDIF}`,
      related: { start: end, end, message: 'end of the deviceconfig body reached here' },
    });
  }
  return { nodes: root, errors };
}

/** Every `{SET}` of a body, in order. */
export function walkSets(nodes: BodyNode[], fn: (s: SetLine) => void): void {
  for (const n of nodes) {
    if (n.kind === 'set') fn(n);
    else if (n.kind === 'if') {
      walkSets(n.then, fn);
      if (n.else) walkSets(n.else, fn);
    }
  }
}

/** Every variable reference of a body, with whether it sits inside an `{IF blfN}` (and which N). */
export function walkRefs(nodes: BodyNode[], fn: (ref: VarRef, blf: number | undefined) => void, blf?: number): void {
  for (const n of nodes) {
    if (n.kind === 'text') {
      for (const r of n.refs) fn(r, blf);
      continue;
    }
    if (n.kind === 'set') continue;
    const inner = n.cond.kind === 'blf' ? n.cond.n : blf;
    walkRefs(n.then, fn, inner);
    if (n.else) walkRefs(n.else, fn, blf);
  }
}

export function walkIfs(nodes: BodyNode[], fn: (b: IfBlock) => void): void {
  for (const n of nodes)
    if (n.kind === 'if') {
      fn(n);
      walkIfs(n.then, fn);
      if (n.else) walkIfs(n.else, fn);
    }
}
