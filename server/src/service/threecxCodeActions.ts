// Quick fixes in 3CX templates: "did you mean" for unknown `%%variables%%` (in text and in {IF name}),
// for {IF ua=…} entries naming none of the template's models, and for vendor keys and values (edited
// around `%%…%%` references); a missing vendor header is inserted at the top of the deviceconfig body.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { problemCode } from '../core/problems/registry';
import { getCodeActions } from './codeActions';
import type { ServiceContext } from './context';
import { bodyAt, threeCxDoc } from './threecxDocument';
import { SOURCE, type DiagnosticData } from './validation';

export function getThreeCxCodeActions(ctx: ServiceContext, doc: TextDocument, range: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const d = threeCxDoc(ctx, doc);
  const out: CodeAction[] = [];
  const rest: Diagnostic[] = [];
  for (const diag of diagnostics) {
    if (diag.source !== SOURCE) continue;
    const data = (diag.data ?? {}) as DiagnosticData;
    const text = doc.getText(diag.range);
    // A word inside an {IF …} tag (the problem's data.word, never parsed from the message): replace just that word.
    const ua = diag.code === problemCode('threecx-unknown-ua');
    const inTag = (ua || diag.code === problemCode('unknown-variable')) && text.startsWith('{') ? data.word : undefined;
    if (inTag !== undefined) {
      const at = text.indexOf(inTag, text.indexOf(ua ? '=' : 'IF'));
      if (at < 0) continue;
      const start = doc.offsetAt(diag.range.start) + at;
      const r: Range = { start: doc.positionAt(start), end: doc.positionAt(start + inTag.length) };
      (data.suggestions ?? []).slice(0, 3).forEach((s, i) =>
        out.push({
          title: `Change to '${s}'`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diag],
          isPreferred: i === 0,
          edit: { changes: { [doc.uri]: [{ range: r, newText: s }] } },
        }),
      );
      continue;
    }
    if (diag.code === problemCode('missing-header') && data.suggestions?.[0]) {
      const body = bodyAt(d, doc.offsetAt(diag.range.start)) ?? d.bodies[0];
      if (!body) continue;
      const firstEnd = d.text.indexOf('\n', body.start);
      const first = d.text.slice(body.start, firstEnd < 0 || firstEnd > body.end ? body.end : firstEnd).replace(/\r$/, '');
      const header = data.suggestions[0];
      const replace = /^#!\s*version/i.test(first);
      const start = doc.positionAt(body.start);
      out.push({
        title: replace ? `Replace the body's first line with '${header}'` : `Insert '${header}' as the body's first line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: true,
        edit: {
          changes: {
            [doc.uri]: [
              replace
                ? { range: { start, end: doc.positionAt(body.start + first.length) }, newText: header }
                : { range: { start, end: start }, newText: `${header}\n` },
            ],
          },
        },
      });
      continue;
    }
    rest.push(diag);
  }
  return [...out, ...getCodeActions(ctx, doc, range, rest, { open: '%%', close: '%%' })];
}
