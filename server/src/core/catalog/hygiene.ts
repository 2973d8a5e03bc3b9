// What a phone would reject or misread in any rendered file, whatever its keys: a byte-order mark
// before the header, characters XML 1.0 forbids, control characters inside key = value lines, and
// line endings that change within a file. Offsets are in the rendered text (mapped back by the caller).
import type { OutputProblem } from './output';

/** At most this many problems of one kind per file: one broken value repeated 500 times is one mistake. */
const MAX_PER_KIND = 5;

/** Characters XML 1.0 forbids (§2.2): C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
const XML_ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** In key = value text: C0 controls but tab, LF and CR; DEL; NEL and the Unicode line and paragraph separators. */
const TEXT_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]/g;

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function checkHygiene(text: string, opts: { escape: 'xml' | 'none'; header?: string }, problems: OutputProblem[]): void {
  const bom = text.indexOf('\ufeff');
  if (bom === 0) {
    problems.push({
      start: 0,
      end: 1,
      severity: opts.header ? 'error' : 'warning',
      code: 'output-bom',
      message: opts.header
        ? `a byte-order mark (U+FEFF) before '${opts.header}': the phone does not see its header and rejects the file`
        : 'the file starts with a byte-order mark (U+FEFF), which some phones read as part of the first key or tag',
    });
  } else if (bom > 0) {
    problems.push({
      start: bom,
      end: bom + 1,
      severity: 'warning',
      code: 'output-bom',
      message: 'a byte-order mark (U+FEFF) inside the file',
    });
  }
  const illegal = opts.escape === 'xml' ? XML_ILLEGAL : TEXT_CONTROL;
  let n = 0;
  for (const m of text.matchAll(illegal)) {
    if (n++ >= MAX_PER_KIND) break;
    const at = m.index!;
    problems.push(
      opts.escape === 'xml'
        ? {
            start: at,
            end: at + m[0].length,
            severity: 'error',
            code: 'xml-illegal-char',
            message: `${hex(m[0])} is not allowed in XML: the phone's parser rejects the file (escaping does not help; remove it)`,
          }
        : {
            start: at,
            end: at + m[0].length,
            severity: 'error',
            code: 'control-char',
            message: `${hex(m[0])} (a control or line-separator character) in a value: the phone cuts the line or the file there`,
          },
    );
  }
  checkLineEndings(text, problems);
}

/** CRLF and LF (or a lone CR) in one file: flagged at the first line that differs from the first line's ending. */
function checkLineEndings(text: string, problems: OutputProblem[]): void {
  let first: string | undefined;
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    if (first === undefined) {
      first = m[0];
      continue;
    }
    if (m[0] === first) continue;
    const name = (e: string) => (e === '\r\n' ? 'CRLF' : e === '\n' ? 'LF' : 'a lone CR');
    const lineStart = text.lastIndexOf('\n', m.index! - 1) + 1;
    problems.push({
      start: lineStart,
      end: m.index!,
      severity: 'warning',
      code: 'mixed-line-endings',
      message: `this line ends with ${name(m[0])}, earlier lines with ${name(first)}: some phones read the CR into the value`,
    });
    return;
  }
}
