// A small RFC 4180 CSV reader and writer for phone lists (bench import/export): quoted fields with ""
// escapes and line breaks inside quotes, CRLF or LF, a BOM tolerated; each row keeps its line number.

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

export function parseCsv(text: string): { rows: CsvRow[]; errors: { line: number; message: string }[] } {
  const rows: CsvRow[] = [];
  const errors: { line: number; message: string }[] = [];
  const s = text.replace(/^\uFEFF/, '');
  let line = 1;
  let i = 0;
  while (i < s.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (;;) {
      if (i >= s.length) {
        if (quoted) errors.push({ line: start, message: 'a quoted field is not closed' });
        cells.push(cell);
        break;
      }
      const c = s[i];
      if (quoted) {
        if (c === '"' && s[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (c === '"') {
          quoted = false;
          i++;
        } else {
          if (c === '\n') line++;
          cell += c;
          i++;
        }
      } else if (c === '"' && !cell) {
        quoted = true;
        i++;
      } else if (c === ',') {
        cells.push(cell);
        cell = '';
        i++;
      } else if (c === '\r' || c === '\n') {
        cells.push(cell);
        i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        cell += c;
        i++;
      }
    }
    rows.push({ line: start, cells });
  }
  return { rows, errors };
}

/**
 * A cell a spreadsheet would run as a formula (CWE-1236, OWASP "CSV Injection") starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return. toCsv writes such a cell behind a `'` (shown as text by Excel, LibreOffice and
 * Google Sheets), and also one that only starts with quotes before such a character; fromSafeCell takes one
 * `'` off again on import, so an export imports back unchanged.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

/** A cell as imported: the `'` that toCsv put before a formula-like cell removed. */
export function fromSafeCell(v: string): string {
  return v.startsWith("'") && GUARDED.test(v.slice(1)) ? v.slice(1) : v;
}

export function toCsv(rows: string[][]): string {
  const field = (raw: string) => {
    const v = GUARDED.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return rows.map((r) => r.map(field).join(',')).join('\n') + '\n';
}
