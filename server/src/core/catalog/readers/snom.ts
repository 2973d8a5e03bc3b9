// snom `<settings>`: keys are the elements of `<phone-settings>`, with `[idx]` when the element has
// an `idx` attribute (`user_name[1]`). Other sections (`<functionKeys>`, `<tbook>`, `<dialplan>`,
// `<setting-files>`, …) are parsed for well-formedness but give no keys.
import type { OutputEntry, ReadResult } from '../output';
import { attr, findAll, finish, leafEntry, parseXml } from './xml';

export function readSnom(text: string): ReadResult {
  const doc = parseXml(text);
  const entries: OutputEntry[] = [];
  for (const ps of findAll(doc.roots, 'phone-settings')) {
    for (const el of ps.children) {
      const idx = attr(el, 'idx');
      const key = idx ? `${el.name}[${idx.value.trim()}]` : el.name;
      entries.push(leafEntry(text, el, key));
    }
  }
  return finish(doc, entries);
}
