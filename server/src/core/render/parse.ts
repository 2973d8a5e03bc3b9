// Parses a Handlebars template with exact error positions (see docs: Handlebars parse errors carry no
// location by default; we hook the parser's parseError and read the lexer position).
import Handlebars from 'handlebars';
import type { Range } from '../types';
import { LineIndex } from '../util/text';

export type Program = hbs.AST.Program;

export interface TemplateSyntaxError {
  range: Range;
  message: string;
  code: 'hbs-syntax' | 'hbs-unclosed-block' | 'template-too-large';
  related?: { range: Range; message: string };
}

export type ParseResult = { ast: Program; error?: undefined } | { ast?: undefined; error: TemplateSyntaxError };

export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

interface JisonHash {
  loc?: { first_line: number; first_column: number; last_line: number; last_column: number };
  expected?: string[];
  token?: string;
}
interface ParserInternals {
  yy: { parseError?: (msg: string, hash: JisonHash) => void };
  lexer?: { yylloc?: JisonHash['loc'] };
}

let hooked = false;
function hookParser(): ParserInternals {
  const parser = (Handlebars as unknown as { Parser: ParserInternals }).Parser;
  if (!hooked) {
    Handlebars.parse(''); // initialises parser.yy
    parser.yy.parseError = (msg: string, hash: JisonHash) => {
      const e = new Error(msg) as Error & { hash?: JisonHash };
      e.hash = hash;
      throw e;
    };
    hooked = true;
  }
  return parser;
}

const EXPECT_NAMES: Record<string, string> = {
  CLOSE: "'}}'",
  CLOSE_UNESCAPED: "'}}}'",
  CLOSE_RAW_BLOCK: "'}}}}'",
  ID: 'a name',
  STRING: 'a string',
  NUMBER: 'a number',
  OPEN_ENDBLOCK: "'{{/…}}'",
  EOF: 'end of file',
  OPEN_SEXPR: "'('",
  CLOSE_SEXPR: "')'",
  EQUALS: "'='",
  SEP: "'.'",
  OPEN_BLOCK_PARAMS: "'as |'",
  CLOSE_BLOCK_PARAMS: "'|'",
  DATA: "'@'",
  BOOLEAN: 'true/false',
  INVERSE: "'{{else}}'",
  OPEN_INVERSE_CHAIN: "'{{else …}}'",
  UNDEFINED: 'undefined',
  NULL: 'null',
};

function describeExpected(expected: string[] | undefined): string {
  if (!expected?.length) return '';
  const order = (e: string) => (e.includes('CLOSE') ? 0 : 1);
  expected = [...expected].sort((a, b) => order(a) - order(b));
  const names = [...new Set(expected.map((e) => EXPECT_NAMES[e.replace(/'/g, '')] ?? e.replace(/'/g, '')))];
  return `expected ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
}

/** Finds the innermost block opened and never closed before `end` (a cheap scan; good enough to point at it). */
function findUnclosedBlock(text: string): { start: number; end: number; name: string } | undefined {
  const stack: { start: number; end: number; name: string }[] = [];
  const re = /\{\{~?\s*([#^/])\s*(?:\*|>)?\s*([^\s}~]+)[^}]*\}\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1] === '/') {
      const i = stack.map((s) => s.name).lastIndexOf(m[2]);
      if (i >= 0) stack.length = i;
    } else if (!(m[1] === '^' && m[2] === '')) stack.push({ start: m.index, end: m.index + m[0].length, name: m[2] });
  }
  return stack.pop();
}

export function parseTemplate(text: string): ParseResult {
  if (text.length > MAX_TEMPLATE_BYTES) {
    return {
      error: {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        code: 'template-too-large',
        message: `template is larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB; refusing to parse it`,
      },
    };
  }
  const parser = hookParser();
  try {
    return { ast: Handlebars.parse(text) };
  } catch (err) {
    const idx = new LineIndex(text); // only to locate the error (a parse that succeeds does not need it)
    const e = err as Error & { hash?: JisonHash; lineNumber?: number; column?: number; endLineNumber?: number; endColumn?: number };
    const firstLine = e.message
      .split('\n')[0]
      .replace(/^Parse error on line \d+:?/, '')
      .trim();
    // Handlebars.Exception with a node (e.g. {{#if}}…{{/each}}): has lineNumber/column.
    if (typeof e.lineNumber === 'number') {
      const start = { line: e.lineNumber - 1, character: e.column ?? 0 };
      const end = typeof e.endLineNumber === 'number' ? { line: e.endLineNumber - 1, character: e.endColumn ?? 0 } : start;
      return {
        error: {
          range: { start, end },
          code: 'hbs-syntax',
          message: e.message
            .replace(/ - \d+:\d+$/, '')
            .replace(/^(\S+) doesn't match (\S+)$/, "'{{/$2}}' does not close the open block '{{#$1}}'"),
        },
      };
    }
    const loc = parser.lexer?.yylloc ?? e.hash?.loc;
    const got = e.hash?.token;
    if (got === 'EOF') {
      const open = findUnclosedBlock(text);
      const eof = idx.range(text.length, text.length);
      if (open) {
        return {
          error: {
            range: idx.range(open.start, open.end),
            code: 'hbs-unclosed-block',
            message: `block '{{#${open.name}}}' is never closed: add '{{/${open.name}}}'`,
            related: { range: eof, message: 'end of file reached here' },
          },
        };
      }
      return { error: { range: eof, code: 'hbs-syntax', message: `unexpected end of file; ${describeExpected(e.hash?.expected)}` } };
    }
    if (loc) {
      const start = { line: loc.first_line - 1, character: loc.first_column };
      const end = { line: loc.last_line - 1, character: Math.max(loc.last_column, loc.first_column + 1) };
      const at = idx.offsetAt(start);
      const what =
        got === 'INVALID'
          ? `unexpected '${text.slice(at, at + 1)}'`
          : got
            ? `unexpected ${EXPECT_NAMES[got] ?? `'${got}'`}`
            : firstLine || 'syntax error';
      const exp = describeExpected(e.hash?.expected);
      return { error: { range: { start, end }, code: 'hbs-syntax', message: `${what}${exp ? `; ${exp}` : ''}` } };
    }
    const lexLine = /line (\d+)/.exec(e.message);
    const line = lexLine ? Number(lexLine[1]) - 1 : 0;
    return {
      error: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, code: 'hbs-syntax', message: firstLine || e.message },
    };
  }
}
