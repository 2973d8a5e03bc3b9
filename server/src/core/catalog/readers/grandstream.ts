// Grandstream `<gs_provision>`: in `<config version="1">` each element is a P-value (`<P47>`);
// in `<config version="2">` each `<item name="alias">` is a key (the name attribute's value).
import type { OutputEntry, ReadResult } from '../output';
import { attr, findAll, finish, leafEntry, parseXml } from './xml';

export function readGrandstream(text: string): ReadResult {
  const doc = parseXml(text);
  const entries: OutputEntry[] = [];
  for (const cfg of findAll(doc.roots, 'config')) {
    const version = attr(cfg, 'version')?.value.trim() ?? '1';
    for (const el of cfg.children) {
      if (version === '2' || el.name === 'item') {
        const name = attr(el, 'name');
        if (el.name !== 'item' || !name) continue;
        const k = name.value.trim();
        const off = name.valueStart + (name.value.length - name.value.trimStart().length);
        entries.push(leafEntry(text, el, k, off, off + k.length));
      } else {
        entries.push(leafEntry(text, el, el.name));
      }
    }
  }
  return finish(doc, entries);
}
