// "Show Effective Configuration": for a phone, every key's final value and the file and template line
// that set it, in its vendor's boot order (computed by the language server, core/effective.ts), as a
// read-only document beside the editor. Secrets are masked.
import * as vscode from 'vscode';
import type { EffectiveView } from '../../server/src/core/effective';
import type { Server } from './serverRequests';

export const EFFECTIVE_SCHEME = 'provisioning-effective';

/** The text of each open effective-configuration document, by URI. */
export class EffectiveDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Opens (or refreshes) the effective configuration of `phone` on `folder`'s bench. */
export async function showEffective(
  server: Server,
  docs: EffectiveDocuments,
  phone: string,
  folder?: vscode.Uri,
): Promise<vscode.TextDocument> {
  const r = await server.effective(phone, folder);
  if ('error' in r) throw new Error(r.error);
  const uri = vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${r.phone.name} effective.txt`, query: folder?.toString() ?? '' });
  docs.set(uri, formatEffective(r));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return doc;
}

/** The view as aligned text: files in the order applied, then key | value | set by | overrides. */
export function formatEffective(v: EffectiveView): string {
  const wins = (r: string) => (r === 'last' ? 'the later' : 'the earlier');
  const at = (a: EffectiveView['keys'][number]['setBy']) =>
    `${a.template ?? `/${a.path}`}${a.line ? `:${a.line}` : ''}${a.via ? ` (via ${a.via.template}:${a.via.line})` : ''}`;
  const lines = [
    `${v.phone.name}  ${v.phone.vendor} ${v.phone.model}  ${v.phone.mac}`,
    `files, in the order applied (${wins(v.rules.acrossFiles)} file wins; in a file ${wins(v.rules.withinFile)} line):`,
    ...v.files.map((f, i) => `  ${i + 1}. /${f.path}  ${f.template ?? '—'}  ${f.status === 'ok' ? '' : f.status}`.trimEnd()),
    '',
  ];
  const rows = [
    ['key', 'value', 'set by', 'overrides'],
    ...v.keys.map((k) => [
      k.key,
      k.value.replace(/\r?\n/g, '\\n'),
      at(k.setBy),
      k.overridden.map((o) => `${at(o)} = ${o.value}`).join('; '),
    ]),
  ];
  const width = [0, 1, 2].map((c) => Math.min(60, Math.max(...rows.map((r) => r[c].length))));
  for (const r of rows)
    lines.push(
      r
        .map((cell, c) => (c < 3 ? cell.padEnd(width[c]) : cell))
        .join('  ')
        .trimEnd(),
    );
  lines.push('', `${v.keys.length} keys; sources of the order: ${v.rules.sources.join('; ')}`);
  return `${lines.join('\n')}\n`;
}
