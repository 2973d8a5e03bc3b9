// Document symbols of a 3CX template: the header sections (models, NOTIFY events, option lists…), the
// <blftype> kinds, and each deviceconfig by file name with its {IF} blocks nested inside.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { BodyNode } from '../core/threecx/body';
import { readXml, type XmlElement } from '../core/xml/reader';
import type { ServiceContext } from './context';
import { threeCxDoc } from './threecxDocument';

export function findThreeCxSymbols(ctx: ServiceContext, doc: TextDocument): DocumentSymbol[] {
  const d = threeCxDoc(ctx, doc);
  const r = (s: number, e: number): Range => ({ start: doc.positionAt(s), end: doc.positionAt(Math.max(s, e)) });
  const el = (x: XmlElement, name: string, kind: SymbolKind, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name,
    detail,
    kind,
    range: r(x.start, x.end),
    selectionRange: r(x.start, x.contentStart),
    children,
  });
  const out: DocumentSymbol[] = [];
  // The reader never throws and recovers after errors: broken XML still gets a tree.
  const root: XmlElement | undefined = readXml(d.text, { booleanAttributes: true }).root;
  const header = root?.children.find((c) => c.name === 'header');
  if (header) {
    out.push(
      el(
        header,
        'header',
        SymbolKind.Namespace,
        d.tpl?.name || undefined,
        header.children.map((c) => {
          if (c.name === 'models')
            return el(
              c,
              'models',
              SymbolKind.Array,
              `${c.children.length}`,
              c.children
                .filter((m) => m.name === 'model')
                .map((m) => el(m, m.text.trim() || m.attrs.ua || 'model', SymbolKind.Class, m.attrs.ua ?? m.attrs.regex)),
            );
          const options = c.children.filter((o) => o.name === 'option');
          if (options.length)
            return el(
              c,
              c.name,
              SymbolKind.Enum,
              `${options.length} option${options.length > 1 ? 's' : ''}${c.attrs.param ? ` · param::${c.attrs.param}` : ''}`,
              options.map((o) =>
                el(o, o.attrs.value ?? '(option)', SymbolKind.EnumMember, Object.keys(itemsOf(o)).join(', ') || o.text.trim()),
              ),
            );
          const eventName = c.children.find((x) => x.name === 'event-name');
          return el(
            c,
            c.name,
            eventName ? SymbolKind.Event : SymbolKind.Property,
            eventName ? eventName.text.trim() : c.children.length ? undefined : c.text.trim().slice(0, 60) || undefined,
          );
        }),
      ),
    );
  }
  const blftypes: XmlElement[] = [];
  const findBlf = (x: XmlElement) => {
    for (const c of x.children) {
      if (c.name === 'blftype') blftypes.push(c);
      else if (c.name !== 'data') findBlf(c);
    }
  };
  if (root) findBlf(root);
  for (const b of blftypes)
    out.push(
      el(
        b,
        'blftype',
        SymbolKind.Struct,
        undefined,
        b.children.map((k) => el(k, k.name, SymbolKind.Field, k.children.find((f) => f.name === 'Type')?.text.trim())),
      ),
    );
  for (const b of d.bodies) {
    const close = d.text.indexOf('</deviceconfig>', b.end);
    const end = close >= 0 ? close + '</deviceconfig>'.length : b.end;
    out.push({
      name: b.filename || '(deviceconfig)',
      detail: `deviceconfig #${b.index + 1}`,
      kind: SymbolKind.File,
      range: r(b.tagStart, end),
      selectionRange: r(b.tagStart, b.tagEnd),
      children: ifSymbols(b.parsed.nodes, b.end, r),
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function itemsOf(o: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of o.children) if (i.name === 'item' && i.attrs.name) out[i.attrs.name] = i.text;
  return out;
}

function ifSymbols(nodes: BodyNode[], bodyEnd: number, r: (s: number, e: number) => Range): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const n of nodes) {
    if (n.kind !== 'if') continue;
    const end = n.endTag?.end ?? bodyEnd;
    out.push({
      name: `{${n.raw}}`,
      detail: n.endTag ? undefined : 'not closed',
      kind: SymbolKind.Namespace,
      range: r(n.tagStart, end),
      selectionRange: r(n.tagStart, n.tagEnd),
      children: [...ifSymbols(n.then, bodyEnd, r), ...ifSymbols(n.else ?? [], bodyEnd, r)],
    });
  }
  return out;
}
