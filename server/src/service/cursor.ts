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
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 95 ||
  c === 45 ||
  c === 46 ||
  c === 47 ||
  c === 64 ||
  c === 36;

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
  else if (sig === '>') {
    kind = 'partial';
    b++;
  } else if (sig === '#') {
    b++;
    if (text[b] === '>') {
      kind = 'partial';
      b++;
    } else if (text[b] === '*') {
      kind = 'block';
      b++;
    } else kind = 'block';
  } else if (sig === '^') {
    kind = 'inverse';
    b++;
  } else if (sig === '/') {
    kind = 'close';
    b++;
  } else if (sig === '&') b++;
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
    open,
    close: closeIdx >= 0 && !text.slice(offset, closeIdx).includes('{{') ? closeIdx + 2 : undefined,
    kind,
    bodyStart: b,
    word: text.slice(ws, offset),
    wordStart: ws,
    wordEnd: we,
    helperPosition,
    inString: quotes % 2 === 1,
    hashValue: /=\s*$/.test(before),
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
    if (line.startsWith('{{', i)) {
      depth++;
      i++;
      continue;
    }
    if (line.startsWith('}}', i) && depth) {
      depth--;
      i++;
      continue;
    }
    if (line[i] === '=' && !depth) return i;
  }
  return -1;
}

export type XmlPlace =
  | { kind: 'element-name'; typed: string; start: number }
  | { kind: 'attribute-name'; element: string; typed: string; start: number }
  | { kind: 'attribute-value'; element: string; attribute: string; typed: string; start: number }
  | { kind: 'text'; element: string; typed: string; start: number; /** The raw start tag (`<item name="x">`). */ tag: string };

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
  if (open && !open[0].endsWith('/>'))
    return {
      kind: 'text',
      element: open[1],
      typed: open[2],
      start: offset - open[2].length,
      tag: open[0].slice(0, open[0].length - open[2].length).trimEnd(),
    };
  return undefined;
}

/** An element open at some offset: its name and the raw value of its `attribute` (when asked for). */
export interface OpenElement {
  name: string;
  attr?: string;
}

/**
 * The elements open at `offset` (outermost first), from the text alone: `{{…}}` mustaches (which may
 * hold `<`, `>` or quotes) are skipped, comments, CDATA, PIs and declarations too; a closing tag closes
 * back to its matching open element (tolerant of unbalanced Handlebars branches). A tag being typed at
 * `offset` is not counted. `attribute` names the attribute whose raw value is kept (e.g. `index`).
 */
export function openElementsAt(text: string, offset: number, attribute?: string): OpenElement[] {
  const stack: OpenElement[] = [];
  const end = Math.min(offset, text.length);
  const skipMustache = (i: number): number => {
    if (text.startsWith('{{!--', i)) {
      const e = text.indexOf('--}}', i + 5);
      return e < 0 ? end : e + 4;
    }
    const e = text.indexOf('}}', i + 2);
    if (e < 0) return end;
    return text[e + 2] === '}' ? e + 3 : e + 2;
  };
  let i = 0;
  while (i < end) {
    const c = text[i];
    if (c === '{' && text[i + 1] === '{') {
      i = skipMustache(i);
      continue;
    }
    if (c !== '<') {
      i++;
      continue;
    }
    const skipTo = (close: string, from: number) => {
      const e = text.indexOf(close, from);
      return e < 0 ? end : e + close.length;
    };
    if (text.startsWith('<!--', i)) {
      i = skipTo('-->', i + 4);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      i = skipTo(']]>', i + 9);
      continue;
    }
    if (text.startsWith('<?', i)) {
      i = skipTo('?>', i + 2);
      continue;
    }
    if (text.startsWith('<!', i)) {
      i = skipTo('>', i + 2);
      continue;
    }
    // A tag: read up to its `>` (outside mustaches and quotes).
    let j = i + 1,
      quote = '';
    for (; j < end; j++) {
      const d = text[j];
      if (d === '{' && text[j + 1] === '{') {
        j = skipMustache(j) - 1;
        continue;
      }
      if (quote) {
        if (d === quote) quote = '';
        continue;
      }
      if (d === '"' || d === "'") quote = d;
      else if (d === '>' || d === '<') break;
    }
    if (j >= end || text[j] !== '>') {
      i = j;
      if (j >= end) break;
      continue;
    } // unfinished tag (the one being typed)
    const tag = text.slice(i, j + 1);
    i = j + 1;
    const close = /^<\/\s*([^\s>]+)/.exec(tag);
    if (close) {
      let k = stack.length - 1;
      while (k >= 0 && stack[k].name !== close[1]) k--;
      if (k >= 0) stack.length = k;
      continue;
    }
    const nm = /^<([A-Za-z_][^\s/>]*)/.exec(tag);
    if (!nm || tag.endsWith('/>')) continue;
    const el: OpenElement = { name: nm[1] };
    if (attribute) {
      const body = tag.slice(nm[0].length);
      const a = new RegExp(`(?:^|\\s)${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(
        body.replace(/\{\{[\s\S]*?\}\}\}?/g, (m) => m.replace(/["']/g, ' ')),
      );
      if (a) {
        // Take the raw value at the same place (mustaches with their quotes intact).
        const q = a.index + a[0].length - 1;
        const v = a[1] ?? a[2];
        el.attr = body.slice(q - v.length, q);
      }
    }
    stack.push(el);
  }
  return stack;
}
