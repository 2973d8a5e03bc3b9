// The core's one XML reader, for 3CX template envelopes and for rendered vendor XML files: elements,
// attributes, text and CDATA with exact offsets, entities decoded from one table. It checks
// well-formedness itself and never throws: each error is located (offsets, 1-based line and column)
// and says what was expected; after an error it recovers, so editors still get a tree of broken text.
import { LineIndex } from '../util/text';

export interface XmlAttr {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** Decoded value ('' for a boolean attribute). */
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
  /** Attributes in document order, located. */
  attributes: XmlAttr[];
  /** Decoded attribute values by name (the first of repeated ones). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Range between the start tag's `>` and the end tag's `<` (empty for `<x/>`; to the end of text while unclosed). */
  contentStart: number;
  contentEnd: number;
  /** Offset after the end tag's `>` (or the start tag's for `<x/>`); the end of text for an unclosed element. */
  end: number;
  /** Decoded direct text content (text and CDATA, not the children's), concatenated. */
  text: string;
  /** CDATA sections directly inside, with the offsets of their content. */
  cdata: { start: number; end: number }[];
}

export interface XmlError {
  start: number;
  end: number;
  /** 1-based, as XML tools report them. */
  line: number;
  column: number;
  message: string;
}

export interface XmlDocument {
  /** Top-level elements: one in a well-formed document (more are reported as errors). */
  roots: XmlElement[];
  root: XmlElement | undefined;
  /** The first structural error, plus every entity error (independent of structure); sorted by offset. */
  errors: XmlError[];
  /** Offset of the first error, or Infinity. */
  errorAt: number;
}

export interface XmlReadOptions {
  /** Accept attributes without a value (`<a flag>`), as the 3CX template reader always has. */
  booleanAttributes?: boolean;
}

/** The predefined XML entities: the only named ones a document without a DTD may use. */
export const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY_RE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_][\w.-]*))?;?/g;

/** An error as found, before lines and columns are added; `entity` marks entity/reference errors. */
export interface XmlFinding {
  start: number;
  end: number;
  message: string;
  entity?: boolean;
}

/** Decodes entity and character references in `raw` (found at `offset` in the document), reporting bad ones. */
export function decodeEntities(raw: string, offset = 0, errors?: XmlFinding[]): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY_RE, (m: string, hex: string | undefined, dec: string | undefined, name: string | undefined, at: number) => {
    const closed = m.endsWith(';');
    let message: string;
    if (closed && (hex !== undefined || dec !== undefined)) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      if (isXmlChar(code)) return String.fromCodePoint(code);
      message = `'${m}' is not a legal XML character; expected a code point such as &#10; or &#x41;.`;
    } else if (closed && name !== undefined && Object.hasOwn(XML_ENTITIES, name)) return XML_ENTITIES[name];
    else if (closed && name) message = `Unknown XML entity '${m}'; only &amp; &lt; &gt; &quot; &apos; and &#N; are defined.`;
    else message = "A bare '&' must be written '&amp;' in XML.";
    errors?.push({ start: offset + at, end: offset + at + m.length, message, entity: true });
    return m;
  });
}

function isXmlChar(n: number): boolean {
  return (
    n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff)
  );
}

const isWs = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t';
const isNameEnd = (c: string) => isWs(c) || c === '>' || c === '/' || c === '=' || c === '<' || c === '"' || c === "'";
// XML 1.0 names, close enough: a letter, '_' or ':' first, then letters, digits, '_', ':', '.', '-'.
const XML_NAME = /^[\p{L}_:][\p{L}\p{M}\p{N}_:.\-\u00B7]*$/u;
const ASCII_NAME = /^[A-Za-z_:][\w.:-]*$/;
const isXmlName = (name: string) => ASCII_NAME.test(name) || XML_NAME.test(name);

/** Reads `text` into an element tree with offsets and its well-formedness errors. Never throws. */
export function readXml(text: string, opts: XmlReadOptions = {}): XmlDocument {
  const found: XmlFinding[] = [];
  const err = (start: number, end: number, message: string) => found.push({ start, end: Math.max(end, start + 1), message });
  const roots: XmlElement[] = [];
  const stack: XmlElement[] = [];
  const n = text.length;
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  let i = bom;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = text.slice(i, textEnd);
      const decoded = decodeEntities(raw, i, found);
      const top = stack[stack.length - 1];
      if (top) top.text += decoded;
      else if (raw.trim() !== '') {
        const s = i + raw.length - raw.trimStart().length;
        err(
          s,
          s + raw.trim().length,
          roots.length
            ? 'Text after the root element; expected only comments or whitespace there.'
            : 'Text before the root element; expected the start tag of the root element.',
        );
      }
    }
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      if (e < 0) {
        err(i, i + 4, "Unterminated comment; expected '-->'.");
        break;
      }
      i = e + 3;
    } else if (text.startsWith('<![CDATA[', i)) {
      const e = text.indexOf(']]>', i + 9);
      if (e < 0) {
        err(i, i + 9, "Unterminated CDATA section; expected ']]>'.");
        break;
      }
      const top = stack[stack.length - 1];
      if (top) {
        top.text += text.slice(i + 9, e);
        top.cdata.push({ start: i + 9, end: e });
      } else err(i, e + 3, 'A CDATA section outside the root element; expected it inside an element.');
      i = e + 3;
    } else if (text.startsWith('<?', i)) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) {
        err(i, i + 2, "Unterminated processing instruction; expected '?>'.");
        break;
      }
      if (/^<\?xml[\s?]/i.test(text.slice(i, i + 6)) && i !== bom) {
        err(i, e + 2, "The XML declaration '<?xml …?>' is allowed only at the very start of the document.");
      }
      i = e + 2;
    } else if (text.startsWith('<!', i)) {
      // <!DOCTYPE …> with an optional internal subset in brackets.
      let depth = 0,
        j = i + 2;
      for (; j < n; j++) {
        if (text[j] === '[') depth++;
        else if (text[j] === ']') depth--;
        else if (text[j] === '>' && depth <= 0) break;
      }
      i = j + 1;
    } else if (text[i + 1] === '/') i = endTag(text, i, stack, err);
    else i = startTag(text, i, opts, stack, roots, found, err);
  }
  const unclosedFrom = found.length;
  for (const el of stack) err(el.start, el.nameEnd, `Element '<${el.name}>' is never closed; expected '</${el.name}>'.`);
  for (const el of stack) {
    el.contentEnd = n;
    el.end = n;
  }
  if (!roots.length && !found.length) {
    err(
      0,
      Math.min(1, n),
      n ? 'No root element; expected one, such as <config>…</config>.' : 'The file is empty; an XML root element is expected.',
    );
  }
  return finish(text, roots, found, unclosedFrom);
}

type Report = (start: number, end: number, message: string) => void;

/** Reads `</name>` at `i`, closing elements back to its match; returns the offset after it. */
function endTag(text: string, i: number, stack: XmlElement[], err: Report): number {
  const n = text.length;
  let j = i + 2;
  while (j < n && !isNameEnd(text[j])) j++;
  const name = text.slice(i + 2, j);
  while (j < n && isWs(text[j])) j++;
  const close = text[j] === '>' ? j + 1 : j;
  if (text[j] !== '>') err(i, j, `Expected '>' to end the closing tag '</${name}'.`);
  let k = stack.length - 1;
  while (k >= 0 && stack[k].name !== name) k--;
  if (k < 0) {
    const open = stack[stack.length - 1];
    err(i, close, `Closing tag '</${name}>' has no matching opening tag${open ? `; expected '</${open.name}>'` : ''}.`);
  } else {
    if (k !== stack.length - 1) err(i, close, `Expected '</${stack[stack.length - 1].name}>' before '</${name}>'.`);
    while (stack.length > k) {
      const el = stack.pop()!;
      el.contentEnd = i;
      el.end = close;
    }
  }
  return close;
}

/** Reads a start tag at `i` (pushing the element when it is not `<x/>`); returns the offset after it. */
function startTag(
  text: string,
  i: number,
  opts: XmlReadOptions,
  stack: XmlElement[],
  roots: XmlElement[],
  found: XmlFinding[],
  err: Report,
): number {
  const n = text.length;
  let j = i + 1;
  while (j < n && !isNameEnd(text[j])) j++;
  if (j === i + 1) {
    err(i, i + 1, "A '<' that does not start a tag must be written '&lt;'; expected a tag name after '<'.");
    return i + 1;
  }
  const el: XmlElement = {
    name: text.slice(i + 1, j),
    start: i,
    nameStart: i + 1,
    nameEnd: j,
    attributes: [],
    // No prototype: attribute names such as __proto__ are plain keys.
    attrs: Object.create(null) as Record<string, string>,
    children: [],
    contentStart: -1,
    contentEnd: -1,
    end: -1,
    text: '',
    cdata: [],
  };
  if (!isXmlName(el.name)) err(i + 1, j, `'${el.name}' is not a valid element name; expected a letter or '_' first.`);
  let selfClosing = false;
  for (;;) {
    const before = j;
    while (j < n && isWs(text[j])) j++;
    if (j >= n) {
      err(i, j, `Start tag '<${el.name}' is not closed; expected '>'.`);
      break;
    }
    if (text[j] === '>') {
      j++;
      break;
    }
    if (text[j] === '/' && text[j + 1] === '>') {
      j += 2;
      selfClosing = true;
      break;
    }
    if (text[j] === '<') {
      err(i, j, `Start tag '<${el.name}' is not closed; expected '>' before the next '<'.`);
      break;
    }
    const ns = j;
    while (j < n && !isNameEnd(text[j])) j++;
    if (j === ns) {
      err(j, j + 1, `Unexpected '${text[j]}' in tag '<${el.name}>'; expected an attribute name, '>' or '/>'.`);
      j++;
      continue;
    }
    const name = text.slice(ns, j);
    if (before === ns && el.attributes.length) err(ns, j, `Expected whitespace between attributes, before '${name}'.`);
    if (!isXmlName(name)) err(ns, j, `'${name}' is not a valid attribute name; expected a letter or '_' first.`);
    let k = j;
    while (k < n && isWs(text[k])) k++;
    let attr: XmlAttr;
    if (text[k] !== '=') {
      if (!opts.booleanAttributes) err(ns, j, `Attribute '${name}' has no value; expected ${name}="…".`);
      attr = { name, nameStart: ns, nameEnd: j, value: '', valueStart: j, valueEnd: j };
    } else {
      j = k + 1;
      while (j < n && isWs(text[j])) j++;
      const q = text[j];
      if (q !== '"' && q !== "'") {
        err(ns, j, `The value of attribute '${name}' must be quoted; expected " or ' after '='.`);
        continue;
      }
      const ve = text.indexOf(q, j + 1);
      if (ve < 0) {
        err(ns, n, `Unterminated value of attribute '${name}'; expected a closing ${q}.`);
        j = n;
        break;
      }
      const raw = text.slice(j + 1, ve);
      const lt = raw.indexOf('<');
      if (lt >= 0) err(j + 1 + lt, j + 2 + lt, `'<' is not allowed in the value of attribute '${name}'; expected '&lt;'.`);
      attr = { name, nameStart: ns, nameEnd: ns + name.length, value: decodeEntities(raw, j + 1, found), valueStart: j + 1, valueEnd: ve };
      j = ve + 1;
    }
    if (Object.hasOwn(el.attrs, name)) err(ns, attr.nameEnd, `Attribute '${name}' is repeated; expected each attribute once per element.`);
    else el.attrs[name] = attr.value;
    el.attributes.push(attr);
  }
  const parent = stack[stack.length - 1];
  if (parent) parent.children.push(el);
  else {
    if (roots.length) err(i, j, `A second root element '<${el.name}>'; an XML file has exactly one.`);
    roots.push(el);
  }
  el.contentStart = j;
  if (selfClosing) {
    el.contentEnd = j;
    el.end = j;
  } else stack.push(el);
  return j;
}

/**
 * Keeps the first structural error (after it the tree is a guess) and every entity error; adds lines and columns.
 * Elements left unclosed (findings from `unclosedFrom` on) count only when nothing else broke: an unterminated
 * comment or a bad tag explains them.
 */
function finish(text: string, roots: XmlElement[], found: XmlFinding[], unclosedFrom: number): XmlDocument {
  const earliest = (fs: XmlFinding[]) => fs.filter((f) => !f.entity).sort((a, b) => a.start - b.start)[0];
  const first = earliest(found.slice(0, unclosedFrom)) ?? earliest(found.slice(unclosedFrom));
  found.sort((a, b) => a.start - b.start);
  const kept = found.filter((f) => f.entity || f === first);
  if (!kept.length) return { roots, root: roots[0], errors: [], errorAt: Infinity };
  const index = new LineIndex(text);
  const errors = kept.map(({ start, end, message }) => {
    const p = index.positionAt(start);
    return { start, end: Math.min(end, Math.max(text.length, start + 1)), line: p.line + 1, column: p.character + 1, message };
  });
  return { roots, root: roots[0], errors, errorAt: errors.length ? errors[0].start : Infinity };
}

/** The first child element named `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** The child elements named `name`. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Every descendant element named `name`, in document order (inside matches too). */
export function descendants(el: XmlElement | undefined, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el?.children ?? []) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The outermost elements named `name` under (or among) `roots`, in document order. */
export function findAll(roots: XmlElement[], name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (els: XmlElement[]) => {
    for (const el of els) {
      if (el.name === name) out.push(el);
      else walk(el.children);
    }
  };
  walk(roots);
  return out;
}

/** An attribute with its location. */
export function attr(el: XmlElement, name: string): XmlAttr | undefined {
  return el.attributes.find((a) => a.name === name);
}
