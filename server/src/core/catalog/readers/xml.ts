// A small located XML tokenizer for rendered provisioning files: elements, attributes and text with
// exact character offsets, entities decoded. Well-formedness is judged by fast-xml-parser's
// XMLValidator (its line/col converted to an offset) plus a few checks it does not make
// (unknown entities, bare `&`, several root elements, unclosed elements).
import { XMLValidator } from 'fast-xml-parser';
import type { OutputEntry, OutputProblem, ReadResult } from '../output';

export interface XmlAttr {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Decoded value. */
  value: string;
  /** Range of the raw value inside the quotes. */
  valueStart: number;
  valueEnd: number;
}

export interface XmlElement {
  name: string;
  /** Offset of `<`. */
  start: number;
  nameStart: number;
  nameEnd: number;
  attrs: XmlAttr[];
  children: XmlElement[];
  /** Range between the start tag's `>` and the end tag's `<` (empty for `<x/>`). */
  contentStart: number;
  contentEnd: number;
  /** Offset after the end tag's `>` (or the start tag's for `<x/>`); -1 while unclosed. */
  end: number;
  /** Decoded direct text content (text and CDATA, not the children's). */
  text: string;
}

export interface XmlDoc {
  roots: XmlElement[];
  problems: OutputProblem[];
  /** Offset of the first well-formedness error, or Infinity. */
  errorAt: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY_RE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*))?;?/g;

/** Decodes XML entities in `raw` (which starts at `offset` in the document), reporting bad ones. */
export function decodeEntities(raw: string, offset = 0, problems?: OutputProblem[]): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY_RE, (m, hex: string | undefined, dec: string | undefined, name: string | undefined, at: number) => {
    const ok = m.endsWith(';');
    if (ok && hex !== undefined) return safeCodePoint(parseInt(hex, 16)) ?? m;
    if (ok && dec !== undefined) return safeCodePoint(parseInt(dec, 10)) ?? m;
    if (ok && name !== undefined && ENTITIES[name] !== undefined) return ENTITIES[name];
    problems?.push({
      start: offset + at, end: offset + at + m.length, severity: 'error', code: 'xml-malformed',
      message: ok && name ? `Unknown XML entity '${m}'; only &amp; &lt; &gt; &quot; &apos; and &#N; are defined.`
        : "A bare '&' must be written '&amp;' in XML.",
    });
    return m;
  });
}

function safeCodePoint(n: number): string | undefined {
  try { return String.fromCodePoint(n); } catch { return undefined; }
}

/** Converts a 1-based line/column to a 0-based offset. */
export function offsetAt(text: string, line: number, col: number): number {
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) return text.length;
    off = nl + 1;
  }
  return Math.min(text.length, off + Math.max(0, (col || 1) - 1));
}

/** End of the token starting at `start`: through a `>` or up to whitespace, at least one char. */
function tokenEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && i - start < 200) {
    const c = text[i];
    if (c === '>') return i + 1;
    if ((c === ' ' || c === '\n' || c === '\r' || c === '\t') && i > start) break;
    i++;
  }
  return Math.min(text.length, Math.max(i, start + 1));
}

const isWs = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';
const isNameEnd = (c: string) => isWs(c) || c === '>' || c === '/' || c === '=' || c === '<' || c === '"' || c === "'";

/** Tokenizes `text` into an element tree with offsets. Tolerant: never throws. */
export function parseXml(text: string): XmlDoc {
  const problems: OutputProblem[] = [];
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const own = (start: number, end: number, message: string) =>
    problems.push({ start, end: Math.max(end, start + 1), severity: 'error', code: 'xml-malformed', message });
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = text.slice(i, textEnd);
      const decoded = decodeEntities(raw, i, problems);
      const top = stack[stack.length - 1];
      if (top) top.text += decoded;
      else if (raw.trim() !== '' && !(i === 0 && raw.trim() === '\uFEFF')) {
        const s = i + raw.length - raw.trimStart().length;
        own(s, s + raw.trim().length, 'Text outside the root element.');
      }
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      if (e < 0) { own(i, i + 4, 'Unterminated comment.'); break; }
      i = e + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const e = text.indexOf(']]>', i + 9);
      if (e < 0) { own(i, i + 9, 'Unterminated CDATA section.'); break; }
      const top = stack[stack.length - 1];
      if (top) top.text += text.slice(i + 9, e);
      i = e + 3;
    } else if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) { own(i, i + 2, 'Unterminated processing instruction.'); break; }
      i = e + 2;
    } else if (text.startsWith('<!', i)) {
      let depth = 0, j = i + 2;
      for (; j < n; j++) {
        if (text[j] === '[') depth++;
        else if (text[j] === ']') depth--;
        else if (text[j] === '>' && depth <= 0) break;
      }
      i = j + 1;
    } else if (text[i + 1] === '/') {
      let j = i + 2;
      while (j < n && !isNameEnd(text[j])) j++;
      const name = text.slice(i + 2, j);
      while (j < n && isWs(text[j])) j++;
      const close = text[j] === '>' ? j + 1 : j;
      if (text[j] !== '>') own(i, j, `Closing tag '</${name}' is missing '>'.`);
      const k = stack.map((e) => e.name).lastIndexOf(name);
      if (k < 0) own(i, close, `Closing tag '</${name}>' has no matching opening tag.`);
      else {
        if (k !== stack.length - 1) own(i, close, `Expected '</${stack[stack.length - 1].name}>' before '</${name}>'.`);
        while (stack.length > k) {
          const el = stack.pop()!;
          el.contentEnd = i;
          el.end = close;
        }
      }
      i = close;
    } else {
      let j = i + 1;
      while (j < n && !isNameEnd(text[j])) j++;
      if (j === i + 1) { own(i, i + 1, "A '<' that does not start a tag must be written '&lt;'."); i++; continue; }
      const el: XmlElement = {
        name: text.slice(i + 1, j), start: i, nameStart: i + 1, nameEnd: j, attrs: [], children: [],
        contentStart: -1, contentEnd: -1, end: -1, text: '',
      };
      let selfClosing = false;
      for (;;) {
        while (j < n && isWs(text[j])) j++;
        if (j >= n) { own(i, j, `Start tag '<${el.name}' is not closed with '>'.`); break; }
        if (text[j] === '>') { j++; break; }
        if (text[j] === '/' && text[j + 1] === '>') { j += 2; selfClosing = true; break; }
        if (text[j] === '<') { own(i, j, `Start tag '<${el.name}' is not closed with '>'.`); break; }
        const ns = j;
        while (j < n && !isNameEnd(text[j])) j++;
        if (j === ns) { own(j, j + 1, `Unexpected '${text[j]}' in tag '<${el.name}>'.`); j++; continue; }
        const attrName = text.slice(ns, j);
        while (j < n && isWs(text[j])) j++;
        if (text[j] !== '=') { own(ns, j, `Attribute '${attrName}' has no value.`); continue; }
        j++;
        while (j < n && isWs(text[j])) j++;
        const q = text[j];
        if (q !== '"' && q !== "'") { own(ns, j, `The value of attribute '${attrName}' must be quoted.`); continue; }
        const ve = text.indexOf(q, j + 1);
        if (ve < 0) { own(ns, n, `Unterminated value of attribute '${attrName}'.`); j = n; break; }
        const rawVal = text.slice(j + 1, ve);
        if (rawVal.includes('<')) own(j + 1 + rawVal.indexOf('<'), j + 2 + rawVal.indexOf('<'), `'<' is not allowed in the value of attribute '${attrName}'.`);
        el.attrs.push({
          name: attrName, nameStart: ns, nameEnd: ns + attrName.length,
          value: decodeEntities(rawVal, j + 1, problems), valueStart: j + 1, valueEnd: ve,
        });
        j = ve + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else {
        if (roots.length) own(i, j, `A second root element '<${el.name}>'; an XML file has exactly one.`);
        roots.push(el);
      }
      el.contentStart = j;
      if (selfClosing) { el.contentEnd = j; el.end = j; } else stack.push(el);
      i = j;
    }
  }
  for (const el of stack) own(el.start, el.nameEnd, `Element '<${el.name}>' is never closed.`);
  for (const el of stack) { el.contentEnd = n; el.end = n; }
  if (!roots.length && !problems.length) own(0, Math.min(1, n), n ? 'No root element.' : 'The file is empty; an XML root element is expected.');
  return withValidator(text, { roots, problems, errorAt: Infinity });
}

/** Merges XMLValidator's located error (when there is one) with the tokenizer's findings. */
function withValidator(text: string, doc: XmlDoc): XmlDoc {
  const own = doc.problems.sort((a, b) => a.start - b.start);
  const r = text.trim() === '' ? true : XMLValidator.validate(text);
  const problems: OutputProblem[] = [];
  if (r !== true) {
    const start = offsetAt(text, r.err.line, r.err.col);
    // XMLValidator reports unclosed elements at 1:1 with an unreadable message: prefer ours.
    const unclosed = r.err.code === 'InvalidXml' && own.find((p) => p.message.endsWith('never closed.'));
    if (unclosed) problems.push(unclosed);
    else problems.push({ start, end: tokenEnd(text, start), severity: 'error', code: 'xml-malformed', message: r.err.msg });
  }
  for (const p of own) {
    if (problems.some((q) => q.start === p.start)) continue;
    // After the validator's first error our tokenizer only guesses; keep the independent checks.
    if (problems.length && p.start > problems[0].start && !/entity|'&'/.test(p.message)) continue;
    problems.push(p);
  }
  problems.sort((a, b) => a.start - b.start);
  return { roots: doc.roots, problems, errorAt: problems.length ? problems[0].start : Infinity };
}

/** The trimmed range and value of an element's direct content (for leaf elements). */
export function elementValue(text: string, el: XmlElement): { value: string; start: number; end: number } {
  let s = el.contentStart, e = el.contentEnd;
  if (s < 0 || e < s) return { value: el.text.trim(), start: Math.max(0, el.end), end: Math.max(0, el.end) };
  while (s < e && isWs(text[s])) s++;
  while (e > s && isWs(text[e - 1])) e--;
  return { value: el.text.trim(), start: s, end: e };
}

/** An entry for a leaf element keyed by `key` over [keyStart, keyEnd). */
export function leafEntry(text: string, el: XmlElement, key: string, keyStart = el.nameStart, keyEnd = el.nameEnd): OutputEntry {
  const v = elementValue(text, el);
  return { key, value: v.value, keyStart, keyEnd, valueStart: v.start, valueEnd: v.end };
}

/** Keeps entries located before the first well-formedness error (the phone would reject the file). */
export function finish(doc: XmlDoc, entries: OutputEntry[]): ReadResult {
  return { entries: entries.filter((e) => e.keyEnd <= doc.errorAt), problems: doc.problems };
}

export function findAll(roots: XmlElement[], name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (els: XmlElement[]) => { for (const el of els) { if (el.name === name) out.push(el); else walk(el.children); } };
  walk(roots);
  return out;
}

export function attr(el: XmlElement, name: string): XmlAttr | undefined {
  return el.attrs.find((a) => a.name === name);
}
