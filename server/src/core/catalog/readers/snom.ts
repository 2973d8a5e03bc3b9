// snom `<settings>`: keys are the elements of `<phone-settings>`, with `[idx]` when the element has
// an `idx` attribute (`user_name[1]`), and the `<fkey idx="N">` entries of `<functionKeys>` (`fkey[N]`,
// the same key as a `<fkey idx="N">` setting). Other sections (`<tbook>`, `<dialplan>`,
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
  for (const fk of findAll(doc.roots, 'functionKeys')) {
    for (const el of fk.children) {
      const idx = attr(el, 'idx');
      entries.push(leafEntry(text, el, idx ? `${el.name}[${idx.value.trim()}]` : el.name));
    }
  }
  entries.sort((a, b) => a.keyStart - b.keyStart);
  return finish(doc, entries);
}
