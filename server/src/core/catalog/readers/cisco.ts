// Cisco SPA / MPP 3PCC `<flat-profile>`: each child element is a parameter; the `ua` attribute
// (web access na|ro|rw) is not a key. Unknown elements are ignored by the phone; the last one wins.
import type { OutputEntry, ReadResult } from '../output';
import { findAll, finish, leafEntry, parseXml } from './xml';

export function readCisco(text: string): ReadResult {
  const doc = parseXml(text);
  const entries: OutputEntry[] = [];
  for (const fp of findAll(doc.roots, 'flat-profile')) {
    for (const el of fp.children) entries.push(leafEntry(text, el, el.name));
  }
  return finish(doc, entries);
}
