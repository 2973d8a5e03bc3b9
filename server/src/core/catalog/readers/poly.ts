// Poly / Polycom UC Software XML: every attribute name of every element is a key (element names and
// nesting are free). Namespace declarations and `xsi:` attributes are not keys.
import type { OutputEntry, ReadResult } from '../output';
import { finish, parseXml, type XmlElement } from './xml';

export function readPoly(text: string): ReadResult {
  const doc = parseXml(text);
  const entries: OutputEntry[] = [];
  const walk = (els: XmlElement[]) => {
    for (const el of els) {
      for (const a of el.attributes) {
        if (a.name === 'xmlns' || a.name.includes(':')) continue;
        const v = trimRange(text, a.valueStart, a.valueEnd);
        entries.push({ key: a.name, value: a.value.trim(), keyStart: a.nameStart, keyEnd: a.nameEnd, valueStart: v[0], valueEnd: v[1] });
      }
      walk(el.children);
    }
  };
  walk(doc.roots);
  return finish(doc, entries);
}

function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}
