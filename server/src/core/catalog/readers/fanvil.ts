// Fanvil `<sysConf>` (and legacy `<VOIP_CONFIG_FILE>`): a key is the path of a leaf element below
// the root, joined with `.`, with `[index]` for an element that has an `index` attribute
// (`sip.line[1].RegisterAddr`). Legacy lists repeat entries without an index; the entry `id` adds
// the ordinal so they are not reported as duplicates.
import type { OutputEntry, ReadResult } from '../output';
import { attr, finish, leafEntry, parseXml, type XmlElement } from './xml';

export function readFanvil(text: string): ReadResult {
  const doc = parseXml(text);
  const entries: OutputEntry[] = [];
  const walk = (el: XmlElement, path: string, id: string) => {
    const seen = new Map<string, number>();
    for (const c of el.children) {
      const idx = attr(c, 'index');
      const seg = idx ? `${c.name}[${idx.value.trim()}]` : c.name;
      const ord = (seen.get(seg) ?? 0) + 1;
      seen.set(seg, ord);
      const p = path ? `${path}.${seg}` : seg;
      const pid = (id ? `${id}.${seg}` : seg) + (ord > 1 ? `#${ord}` : '');
      if (c.children.length) walk(c, p, pid);
      else {
        const e = leafEntry(text, c, p);
        if (pid !== p) e.id = pid;
        entries.push(e);
      }
    }
  };
  for (const root of doc.roots) walk(root, '', '');
  return finish(doc, entries);
}
