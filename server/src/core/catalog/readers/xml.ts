// Rendered vendor XML files through the core's XML reader (core/xml/reader.ts): its located
// well-formedness errors become `xml-malformed` output problems; helpers for leaf entries.
import { readXml, type XmlElement } from '../../xml/reader';
import type { OutputEntry, OutputProblem, ReadResult } from '../output';

export { attr, decodeEntities, findAll, type XmlAttr, type XmlElement } from '../../xml/reader';

export interface XmlDoc {
  roots: XmlElement[];
  problems: OutputProblem[];
  /** Offset of the first well-formedness error, or Infinity. */
  errorAt: number;
}

const isWs = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/** Reads `text` into an element tree with offsets. Tolerant: never throws. */
export function parseXml(text: string): XmlDoc {
  const doc = readXml(text);
  const problems = doc.errors.map((e): OutputProblem => ({
    start: e.start,
    end: e.end,
    severity: 'error',
    code: 'xml-malformed',
    message: e.message,
  }));
  return { roots: doc.roots, problems, errorAt: doc.errorAt };
}

/** The trimmed range and value of an element's direct content (for leaf elements). */
export function elementValue(text: string, el: XmlElement): { value: string; start: number; end: number } {
  let s = el.contentStart,
    e = el.contentEnd;
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
