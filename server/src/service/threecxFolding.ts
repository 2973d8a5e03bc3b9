// Folding in 3CX templates: every multi-line XML element (header sections, <blftype>, each
// <deviceconfig>), multi-line comments, and {IF}…{ELSE}…{ENDIF} blocks in the bodies (each branch).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { BodyNode } from '../core/threecx/body';
import { readXml, type XmlElement } from '../core/xml/reader';
import type { ServiceContext } from './context';
import { threeCxDoc } from './threecxDocument';

export function getThreeCxFoldingRanges(ctx: ServiceContext, doc: TextDocument): FoldingRange[] {
  const d = threeCxDoc(ctx, doc);
  const out: FoldingRange[] = [];
  const line = (o: number) => doc.positionAt(o).line;
  const add = (start: number, end: number, kind?: string) => {
    if (end > start) out.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
  };
  // The reader never throws and recovers after errors: broken XML still gets a tree.
  const root: XmlElement | undefined = readXml(d.text, { booleanAttributes: true }).root;
  const walk = (el: XmlElement) => {
    add(line(el.start), line(el.end) - 1);
    for (const c of el.children) walk(c);
  };
  if (root) walk(root);
  for (const m of d.text.matchAll(/<!--[\s\S]*?-->/g)) add(line(m.index!), line(m.index! + m[0].length), FoldingRangeKind.Comment);
  const ifs = (nodes: BodyNode[]) => {
    for (const n of nodes) {
      if (n.kind !== 'if') continue;
      const start = line(n.tagStart);
      if (n.endTag) {
        const end = line(n.endTag.start);
        if (n.elseTag) {
          const e = line(n.elseTag.start);
          add(start, e - 1);
          add(e, end - 1);
        } else add(start, end - 1);
      }
      ifs(n.then);
      if (n.else) ifs(n.else);
    }
  };
  for (const b of d.bodies) {
    const close = d.text.indexOf('</deviceconfig>', b.end);
    add(line(b.tagStart), line(close >= 0 ? close : b.end) - (close >= 0 ? 0 : 1));
    ifs(b.parsed.nodes);
  }
  const seen = new Set<string>();
  return out.filter((f) => {
    const k = `${f.startLine}:${f.endLine}`;
    return !seen.has(k) && seen.add(k);
  });
}
