// Quick fixes: "did you mean" for unknown keys, data paths, helpers, partials and bench properties
// (from the suggestions carried in diagnostic data), inserting a missing header line, and "Add to workspace
// catalog" for a key near no catalog key (a command: the server writes catalog/<vendor>.yaml to disk).
// A key written with {{expressions}} in it (`account.{{index}}.lable`) is fixed around them.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { getCatalog } from '../core/catalog/catalogs';
import { generalise, withKeyAdded, workspaceCatalogPath } from '../core/catalog/workspace';
import { problemCode } from '../core/problems/registry';
import type { ServiceContext } from './context';
import { SOURCE, type DiagnosticData } from './validation';

/** How expressions are written in the document: `{{…}}` (Handlebars) or `%%…%%` (3CX), for fixes around them. */
export interface ExprDelimiters {
  open: string;
  close: string;
}
const HBS: ExprDelimiters = { open: '{{', close: '}}' };

export function getCodeActions(
  ctx: ServiceContext,
  doc: TextDocument,
  _range: Range,
  diagnostics: Diagnostic[],
  delims: ExprDelimiters = HBS,
): CodeAction[] {
  ctx.sync(doc);
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = (d.data ?? {}) as DiagnosticData;
    const targetUri = data.target?.uri ?? doc.uri;
    const targetRange = data.target?.range ?? d.range;
    const targetText = textOf(ctx, doc, targetUri, targetRange);
    if (d.code === problemCode('uncatalogued-key')) {
      const add = addToCatalogAction(ctx, doc, d, data);
      if (add) out.push(add);
      continue;
    }
    if (d.code === problemCode('missing-header')) {
      const header = data.suggestions?.[0];
      if (!header) continue;
      const first = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
      const replace = /^#!\s*version/i.test(first);
      const edit: TextEdit = replace
        ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: first.length } }, newText: header }
        : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${header}\n` };
      out.push({
        title: replace ? `Replace the first line with '${header}'` : `Insert '${header}' as the first line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [edit] } },
      });
      continue;
    }
    (data.suggestions ?? []).slice(0, 3).forEach((s, i) => {
      if (targetText === undefined) return;
      const newText = fixText(targetText, data.actual, s, delims);
      if (newText === undefined || newText === targetText) return;
      out.push({
        title: `Change to '${s}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: i === 0,
        edit: { changes: { [targetUri]: [{ range: targetRange, newText }] } },
      });
    });
  }
  return out;
}

/** The command "Add to workspace catalog" runs (the language server executes it: see languageServer.ts). */
export const ADD_TO_CATALOG_COMMAND = 'provisioningStudio.addToWorkspaceCatalog';

export interface AddToCatalogArgs {
  /** The document the fix was offered in (which workspace folder). */
  uri: string;
  vendor: string;
  /** The key pattern to add (numbers where the catalog has an index already turned into it). */
  key: string;
}

function addToCatalogAction(ctx: ServiceContext, doc: TextDocument, d: Diagnostic, data: DiagnosticData): CodeAction | undefined {
  const key = data.word;
  if (!key) return undefined;
  // The vendor of the phones the key was rendered for (a shared partial has no vendor folder).
  const phones = ctx.bench().bench.phones;
  const vendor = phones.find((p) => data.phones?.includes(p.name))?.vendor ?? ctx.ws.vendorOf(ctx.pathOf(doc.uri)) ?? undefined;
  if (!vendor || !getCatalog(vendor)) return undefined;
  const pattern = generalise(getCatalog(vendor), key);
  const title = `Add '${pattern}' to the workspace catalog (${workspaceCatalogPath(vendor)})`;
  const args: AddToCatalogArgs = { uri: doc.uri, vendor, key: pattern };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: ADD_TO_CATALOG_COMMAND, arguments: [args] } };
}

/** What running "Add to workspace catalog" writes: the workspace-relative file and its new text. */
export function addToWorkspaceCatalog(ctx: ServiceContext, args: AddToCatalogArgs): { path: string; text: string } | undefined {
  if (!args || typeof args.vendor !== 'string' || typeof args.key !== 'string' || !getCatalog(args.vendor)) return undefined;
  const path = workspaceCatalogPath(args.vendor);
  return { path, text: withKeyAdded(ctx.files.read(path), args.key, args.vendor) };
}

function textOf(ctx: ServiceContext, doc: TextDocument, uri: string, range: Range): string | undefined {
  if (uri === doc.uri) return doc.getText(range);
  const text = ctx.files.read(ctx.pathOf(uri));
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const at = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(at(range.start), at(range.end));
}

/**
 * The template text that renders `suggestion` where `template` rendered `actual`. Without expressions
 * it is the suggestion; with expressions, the edit must fall in the literal text before the first or
 * after the last expression (else undefined: no safe fix).
 */
export function fixText(
  template: string,
  actual: string | undefined,
  suggestion: string,
  delims: ExprDelimiters = HBS,
): string | undefined {
  if (!template.includes(delims.open)) return suggestion;
  if (actual === undefined) return undefined;
  let a = 0;
  while (a < actual.length && a < suggestion.length && actual[a] === suggestion[a]) a++;
  let b = 0;
  while (b < actual.length - a && b < suggestion.length - a && actual[actual.length - 1 - b] === suggestion[suggestion.length - 1 - b]) b++;
  const head = template.indexOf(delims.open);
  const tail = template.length - (template.lastIndexOf(delims.close) + delims.close.length);
  const replacement = suggestion.slice(a, suggestion.length - b);
  if (actual.length - b <= head) return template.slice(0, a) + replacement + template.slice(actual.length - b);
  if (a >= actual.length - tail) {
    const start = template.length - (actual.length - a);
    return template.slice(0, start) + replacement + template.slice(template.length - b);
  }
  return undefined;
}
