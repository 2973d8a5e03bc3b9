// What the cursor is in, from the text alone (works in broken templates): a `{{…}}` mustache and the
// token under the cursor, or host text (a `key = value` line, an XML tag, attribute or element text).

const MAX_BACK = 4000;

export type MustacheKind = 'expr' | 'block' | 'inverse' | 'close' | 'partial' | 'comment' | 'else';

export interface MustacheAt {
  /** Offset of the opening `{{`. */
  open: number;
  /** Offset of the closing `}}` (after it), when the mustache is closed on the same text. */
  close?: number;
  kind: MustacheKind;
  /** Offset where the body (after sigils) starts. */
  bodyStart: number;
  /** The path-like token around the cursor and its range. */
  word: string;
  wordStart: number;
  wordEnd: number;
  /** The token is in helper position: first in the mustache, or first inside `(`. */
  helperPosition: boolean;
  /** The cursor is inside a string literal. */
  inString: boolean;
  /** The token is the value of a hash pair (`key=value`). */
  hashValue: boolean;
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 47 || c === 64 || c === 36;

/** The mustache containing `offset` (between its `{{` and `}}`), or undefined. */
export function mustacheAt(text: string, offset: number): MustacheAt | undefined {
  const from = Math.max(0, offset - MAX_BACK);
  let open = text.lastIndexOf('{{', offset - 2);
  if (open < from || open < 0) return undefined;
  while (open > 0 && text[open - 1] === '{') open--;
  const closeIdx = text.indexOf('}}', open + 2);
  if (closeIdx >= 0 && closeIdx + 2 <= offset) return undefined; // closed before the cursor
  if (closeIdx >= 0 && closeIdx < offset) return undefined; // between the two closing braces
  let b = open;
  while (text[b] === '{') b++;
  while (text[b] === '~') b++;
  let kind: MustacheKind = 'expr';
  const sig = text[b];
  if (sig === '!') kind = 'comment';
  else if (sig === '>') { kind = 'partial'; b++; }
  else if (sig === '#') {
    b++;
    if (text[b] === '>') { kind = 'partial'; b++; } else if (text[b] === '*') { kind = 'block'; b++; } else kind = 'block';
  } else if (sig === '^') { kind = 'inverse'; b++; } else if (sig === '/') { kind = 'close'; b++; } else if (sig === '&') b++;
  if (kind === 'expr' && /^\s*else\b/.test(text.slice(b, Math.min(offset, b + 12)))) {
    kind = 'else';
    b = b + text.slice(b).search(/else/) + 4;
  }
  let ws = offset;
  while (ws > b && isWordChar(text.charCodeAt(ws - 1))) ws--;
  let we = offset;
  while (we < text.length && isWordChar(text.charCodeAt(we))) we++;
  const before = text.slice(b, ws);
  const quotes = (before.match(/"/g)?.length ?? 0) + (before.match(/'/g)?.length ?? 0);
  const helperPosition = /^\s*$/.test(before) || /\(\s*$/.test(before);
  return {
    open, close: closeIdx >= 0 && !text.slice(offset, closeIdx).includes('{{') ? closeIdx + 2 : undefined, kind, bodyStart: b,
    word: text.slice(ws, offset), wordStart: ws, wordEnd: we, helperPosition,
    inString: quotes % 2 === 1, hashValue: /=\s*$/.test(before),
  };
}

/** Replaces every `{{…}}` in a text by a placeholder (for reading keys that contain expressions). */
export function blankMustaches(text: string, placeholder = '1'): string {
  return text.replace(/\{\{[^}]*\}\}\}?/g, placeholder);
}

export interface LineAt {
  text: string;
  /** Offset of the line start in the document. */
  start: number;
  /** Cursor column in the line. */
  col: number;
}

export function lineAt(text: string, offset: number): LineAt {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return { text: text.slice(start, end).replace(/\r$/, ''), start, col: offset - start };
}

/** Index of the first `=` of a line outside mustaches, or -1. */
export function equalsIndex(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    if (line.startsWith('{{', i)) { depth++; i++; continue; }
    if (line.startsWith('}}', i) && depth) { depth--; i++; continue; }
    if (line[i] === '=' && !depth) return i;
  }
  return -1;
}

export type XmlPlace =
  | { kind: 'element-name'; typed: string; start: number }
  | { kind: 'attribute-name'; element: string; typed: string; start: number }
  | { kind: 'attribute-value'; element: string; attribute: string; typed: string; start: number }
  | { kind: 'text'; element: string; typed: string; start: number };

/** Where the cursor is in XML host text (mustaches count as text): tag name, attribute, value or element text. */
export function xmlPlaceAt(text: string, offset: number): XmlPlace | undefined {
  const from = Math.max(0, offset - MAX_BACK);
  const lt = text.lastIndexOf('<', offset - 1);
  const gt = text.lastIndexOf('>', offset - 1);
  if (lt < from && gt < from) return undefined;
  if (lt > gt) {
    const tag = text.slice(lt + 1, offset);
    if (/^[!?/]/.test(tag)) return undefined;
    const nameM = /^[^\s/>]*/.exec(tag)!;
    if (nameM[0].length === tag.length) return { kind: 'element-name', typed: tag, start: lt + 1 };
    const element = nameM[0];
    // Inside an attribute value?
    const rest = tag.slice(element.length);
    const valM = /([^\s=]+)\s*=\s*(["'])((?:(?!\2).)*)$/s.exec(rest);
    if (valM) return { kind: 'attribute-value', element, attribute: valM[1], typed: valM[3], start: offset - valM[3].length };
    const attrM = /(?:^|\s)((?:[^\s=>"'{]|\{\{[^}]*\}\})*)$/.exec(rest);
    if (attrM) return { kind: 'attribute-name', element, typed: attrM[1], start: offset - attrM[1].length };
    return undefined;
  }
  // Element text: the last start tag before gt that is not closed.
  const open = /<([A-Za-z_][^\s/>]*)[^<>]*>\s*([^<]*)$/s.exec(text.slice(Math.max(from, lt), offset));
  if (open && !open[0].endsWith('/>')) return { kind: 'text', element: open[1], typed: open[2], start: offset - open[2].length };
  return undefined;
}
