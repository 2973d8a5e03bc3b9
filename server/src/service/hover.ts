// Hover: a data path shows its type, description and the value for the selected phone; a helper its
// signature and doc; a partial its file; a vendor key its description, type, range/values and default.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver-types';
import { resolvePath } from '../core/analysis/scope';
import type { SchemaNode } from '../core/bench/schema';
import { HELPERS } from '../core/render/helpers';
import { concreteOf, pathFromString, valueAt } from './ast';
import type { ServiceContext } from './context';
import { equalsIndex, lineAt, mustacheAt, openElementsAt, type MustacheAt } from './cursor';
import { editorCatalog, keyDefOf, keyMarkdown } from './vendorKeys';

export function doHover(ctx: ServiceContext, doc: TextDocument, pos: Position): Hover | null {
  const info = ctx.sync(doc);
  if (info.kind !== 'template' && info.kind !== 'partial') return null;
  const text = doc.getText();
  const offset = doc.offsetAt(pos);
  const m = mustacheAt(text, offset) ?? mustacheAt(text, offset + 1);
  if (m) return mustacheHover(ctx, doc, m, offset);
  return keyHover(ctx, doc, text, offset);
}

/** The path token under the cursor, cut after the hovered segment (`lines.0.ext|ension.x` → `lines.0.extension`). */
export function tokenAt(text: string, m: MustacheAt, offset: number): { token: string; range: [number, number] } | undefined {
  const full = text.slice(m.wordStart, m.wordEnd);
  if (!full) return undefined;
  const rel = Math.max(0, offset - m.wordStart);
  let end = full.length;
  for (let i = rel; i < full.length; i++)
    if ((full[i] === '.' || full[i] === '/') && !full.slice(0, i + 1).endsWith('../') && i > 0 && full[i - 1] !== '.') {
      end = i;
      break;
    }
  return { token: full.slice(0, end), range: [m.wordStart, m.wordStart + end] };
}

function md(value: string, doc: TextDocument, range: [number, number]): Hover {
  const r: Range = { start: doc.positionAt(range[0]), end: doc.positionAt(range[1]) };
  return { contents: { kind: MarkupKind.Markdown, value }, range: r };
}

const SECRET = /pass(word)?|secret|pwd/i;

function mustacheHover(ctx: ServiceContext, doc: TextDocument, m: MustacheAt, offset: number): Hover | null {
  if (m.kind === 'comment' || m.inString) return null;
  const text = doc.getText();
  const t = tokenAt(text, m, offset);
  if (!t) return null;
  const path = ctx.info(doc).path;
  if (m.kind === 'partial') {
    const file = ctx.ws.resolvePartialFile(t.token, path);
    return md(file ? `**partial** \`${t.token}\`\n\n${file}` : `**partial** \`${t.token}\` — not found`, doc, t.range);
  }
  const helper = Object.prototype.hasOwnProperty.call(HELPERS, t.token) ? HELPERS[t.token] : undefined;
  if (
    helper &&
    (m.helperPosition ||
      m.kind === 'close' ||
      text.slice(m.bodyStart, m.wordStart).trim() === '' ||
      /\(\s*$/.test(text.slice(m.bodyStart, m.wordStart)))
  ) {
    return md(`\`\`\`handlebars\n${helper.signature}\n\`\`\`\n${helper.description}`, doc, t.range);
  }
  const ast = ctx.astAt(doc, offset, m.open);
  const pos = doc.positionAt(offset);
  const enc = ast ? ctx.enclosing(doc, ast, pos) : { scope: ctx.partialBase(path).scope, frame: ctx.partialBase(path).frame };
  const pe = pathFromString(t.token);
  const r = resolvePath(pe, enc.scope);
  if (!r.ok) return md(`\`${t.token}\` — unknown data path`, doc, t.range);
  const lines = [`\`${t.token}\`: ${typeText(r.schema)}`];
  if (r.schema?.description) lines.push('', r.schema.description);
  if (r.schema?.enum) lines.push('', `Values: ${r.schema.enum.map((e) => `\`${e}\``).join(', ')}`);
  const phone = ctx.phoneFor(path);
  const base = ctx.partialBase(path).frame;
  const concrete = concreteOf(pe, enc.frame, base);
  if (phone && concrete) {
    const v = valueAt(ctx.ws.renderContext(ctx.bench().bench, phone), concrete);
    const shown =
      v === undefined
        ? '*(not set)*'
        : SECRET.test(String(concrete[concrete.length - 1])) && typeof v === 'string'
          ? '`••••••`'
          : '`' + preview(v) + '`';
    const where = concrete.some((c) => c === 0) ? ` (\`${concrete.join('.')}\`)` : '';
    lines.push('', `Value for **${phone.name}**${where}: ${shown}`);
  }
  return md(lines.join('\n'), doc, t.range);
}

function typeText(s: SchemaNode | undefined): string {
  if (!s) return '`any`';
  if (s.type === 'array') return `list of ${s.items?.type ?? 'any'}`;
  return `\`${s.type ?? 'any'}\``;
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return (s.length > 200 ? s.slice(0, 197) + '…' : s).replace(/`/g, "'");
}

function keyHover(ctx: ServiceContext, doc: TextDocument, text: string, offset: number): Hover | null {
  const info = ctx.info(doc);
  return hostKeyHover(doc, text, offset, editorCatalog(ctx, info.path), info.xml);
}

/** The catalog entry of the vendor key under the cursor in host text (`text` keeps the document's offsets). */
export function hostKeyHover(
  doc: TextDocument,
  text: string,
  offset: number,
  cat: { catalog: import('../core/catalog/types').KeyCatalog } | undefined,
  xml: boolean,
): Hover | null {
  const info = { xml };
  if (!cat) return null;
  const line = lineAt(text, offset);
  let start: number, end: number;
  if (!info.xml) {
    const eq = equalsIndex(line.text);
    if (eq < 0 || line.col > eq || /^\s*#/.test(line.text)) return null;
    start = line.text.length - line.text.trimStart().length;
    end = eq;
    while (end > start && /\s/.test(line.text[end - 1])) end--;
    if (line.col < start) return null;
  } else {
    // A tag or attribute name: expand over name characters, treating {{…}} as part of the name.
    const blank = line.text.replace(/\{\{[^}]*\}\}/g, (s) => '\u0001'.repeat(s.length));
    const isName = (c: string | undefined) => c !== undefined && !/[\s<>="'/]/.test(c);
    if (!isName(blank[line.col]) && !isName(blank[line.col - 1])) return null;
    start = line.col;
    end = line.col;
    while (isName(blank[start - 1])) start--;
    while (isName(blank[end])) end++;
  }
  let raw = line.text.slice(start, end);
  if (info.xml && cat.catalog.vendor === 'fanvil') {
    // Fanvil keys are element paths: the open elements at the tag, then the tag's own element.
    const abs = line.start + start;
    const closing = text.startsWith('</', abs - 2);
    if (!closing && text[abs - 1] !== '<') return null;
    const gt = text.indexOf('>', abs);
    const open = closing ? openElementsAt(text, abs - 2, 'index') : gt < 0 ? [] : openElementsAt(text, gt + 1, 'index');
    const last = open[open.length - 1];
    if (!last || last.name !== raw) return null;
    raw = open
      .slice(1)
      .map((e) => (e.attr !== undefined ? `${e.name}[${e.attr.trim()}]` : e.name))
      .join('.');
    if (!raw) return null;
  }
  const m = keyDefOf(cat.catalog, raw);
  if (!m) return null;
  return md(keyMarkdown(m.def, cat.catalog, raw.includes('{{') ? undefined : raw), doc, [line.start + start, line.start + end]);
}
