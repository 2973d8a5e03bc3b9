// Yealink `key = value` text (.cfg and .boot files).
// `#` starts a comment line (including the `#!version:1.0.0.1` header), blank lines are skipped,
// `include:config "x.cfg"` lines of boot files are not keys. Values are taken verbatim, trimmed.
import type { OutputEntry, OutputProblem, ReadResult } from '../output';

const INCLUDE_RE = /^include:config\s+(?:"[^"]*"|'[^']*'|\S+)\s*$/;

export function readKv(text: string): ReadResult {
  const entries: OutputEntry[] = [];
  const problems: OutputProblem[] = [];
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    let lineEnd = nl;
    if (lineEnd > pos && text[lineEnd - 1] === '\r') lineEnd--;
    let s = pos;
    if (s === 0 && text.charCodeAt(0) === 0xfeff) s++;
    while (s < lineEnd && (text[s] === ' ' || text[s] === '\t')) s++;
    let e = lineEnd;
    while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
    if (s < e && text[s] !== '#') {
      const line = text.slice(s, e);
      const eq = line.indexOf('=');
      if (eq < 0) {
        if (!INCLUDE_RE.test(line)) {
          problems.push({
            start: s,
            end: e,
            severity: 'warning',
            code: 'malformed-line',
            message: "Not a 'key = value' line, a '#' comment or an include:config line; the phone ignores it.",
          });
        }
      } else {
        let ke = s + eq;
        while (ke > s && (text[ke - 1] === ' ' || text[ke - 1] === '\t')) ke--;
        let vs = s + eq + 1;
        while (vs < e && (text[vs] === ' ' || text[vs] === '\t')) vs++;
        if (ke === s) {
          problems.push({
            start: s,
            end: s + eq + 1,
            severity: 'warning',
            code: 'malformed-line',
            message: "A line with '=' but no key; the phone ignores it.",
          });
        } else {
          entries.push({ key: text.slice(s, ke), value: text.slice(vs, e), keyStart: s, keyEnd: ke, valueStart: vs, valueEnd: e });
        }
      }
    }
    pos = nl + 1;
  }
  return { entries, problems };
}
