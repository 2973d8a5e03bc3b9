// A small located XML reader for 3CX template envelopes: elements with their exact offsets in the file
// (start tag, content, CDATA sections), attributes and text. Well-formedness is checked first by
// fast-xml-parser's validator (located error); this reader then trusts the structure.
import { XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  /** Offset of '<' of the start tag, and just past the end tag (or the self-closing tag). */
  start: number;
  end: number;
  /** The start tag's end (just past '>') and the end tag's start: the element's content. */
  contentStart: number;
  contentEnd: number;
  children: XmlElement[];
  /** CDATA sections directly inside, with the offsets of their content. */
  cdata: { start: number; end: number }[];
  /** Text content (entities decoded, CDATA included), concatenated. */
  text: string;
}

export interface XmlError { message: string; line: number; col: number }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') { const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10); return Number.isFinite(n) ? String.fromCodePoint(n) : m; }
    return ENTITIES[e] ?? m;
  });
}

export function validateXml(text: string): XmlError | undefined {
  const r = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (r === true) return undefined;
  return { message: r.err.msg, line: r.err.line, col: r.err.col };
}

/** Parses a well-formed document into its root element (undefined when there is none). */
export function readXml(text: string): XmlElement | undefined {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) { if (stack.length) stack[stack.length - 1].text += decodeEntities(text.slice(i)); break; }
    if (lt > i && stack.length) stack[stack.length - 1].text += decodeEntities(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) { const e = text.indexOf('-->', lt + 4); i = e < 0 ? n : e + 3; continue; }
    if (text.startsWith('<![CDATA[', lt)) {
      const s = lt + 9;
      const e = text.indexOf(']]>', s);
      const end = e < 0 ? n : e;
      if (stack.length) { const top = stack[stack.length - 1]; top.cdata.push({ start: s, end }); top.text += text.slice(s, end); }
      i = e < 0 ? n : e + 3;
      continue;
    }
    if (text.startsWith('<?', lt)) { const e = text.indexOf('?>', lt + 2); i = e < 0 ? n : e + 2; continue; }
    if (text.startsWith('<!', lt)) { const e = text.indexOf('>', lt + 2); i = e < 0 ? n : e + 1; continue; }
    if (text[lt + 1] === '/') {
      const e = text.indexOf('>', lt);
      const close = e < 0 ? n : e + 1;
      const el = stack.pop();
      if (el) { el.contentEnd = lt; el.end = close; }
      i = close;
      continue;
    }
    // start tag: scan to '>' outside quotes
    let j = lt + 1;
    let quote = '';
    while (j < n) {
      const c = text[j];
      if (quote) { if (c === quote) quote = ''; } else if (c === '"' || c === "'") quote = c; else if (c === '>') break;
      j++;
    }
    const tag = text.slice(lt + 1, j);
    const selfClosing = tag.endsWith('/');
    const nameMatch = /^[^\s/>]+/.exec(tag);
    const name = nameMatch ? nameMatch[0] : '';
    const attrs: Record<string, string> = {};
    const attrRe = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    let m: RegExpExecArray | null;
    const attrText = tag.slice(name.length);
    while ((m = attrRe.exec(attrText))) attrs[m[1]] = decodeEntities(m[3] ?? m[4] ?? '');
    const el: XmlElement = { name, attrs, start: lt, end: j + 1, contentStart: j + 1, contentEnd: j + 1, children: [], cdata: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(el); else root ??= el;
    if (!selfClosing) stack.push(el);
    i = j + 1;
  }
  return root;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Every descendant element named `name`, in document order. */
export function descendants(el: XmlElement | undefined, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el?.children ?? []) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
