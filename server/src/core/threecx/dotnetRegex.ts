// Translates a .NET regular expression (a 3CX `<model regex="…">`, matched by 3CX with .NET's Regex) into an
// equivalent JavaScript one, compiled with the `u` flag. Differences handled:
// - named groups `(?'name'…)` and `(?<name>…)`, backreferences `\k'name'`/`\k<name>`, and .NET's group
//   numbering (unnamed groups first, then named ones) for numeric backreferences;
// - inline options `(?imnsx)` / `(?imnsx-imnsx)` at the start and scoped `(?i:…)`; `x` strips pattern
//   whitespace and `#` comments, `n` makes unnamed groups non-capturing, `s` and `m` change `.` `^` `$`;
// - anchors `\A`, `\Z`, `\z`, and `$` (which in .NET also matches before a final newline), `.` (anything but
//   `\n`), `\d`/`\w`/`\s`/`\b` (Unicode in .NET), character class subtraction `[a-z-[aeiou]]`,
//   `(?#comments)`, literal `{` `}` `]` and escapes that `u` mode would refuse.
// A construct with no JavaScript equivalent (balancing groups, conditionals, `\G`, atomic groups, Unicode
// block names, turning an option off inside the pattern) is approximated and reported with its offset.

export interface RegexWarning {
  /** Offsets in the .NET pattern. */
  start: number;
  end: number;
  message: string;
}

export interface TranslatedRegex {
  source: string;
  flags: string;
  warnings: RegexWarning[];
  /** The compiled expression (undefined when even the translation does not compile). */
  regex?: RegExp;
  error?: string;
}

interface Options {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
  n: boolean;
}

const WORD = '\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}';
const CLASS_ESCAPES: Record<string, string> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: WORD,
  s: '\\s',
};
const ATOM_ESCAPES: Record<string, string> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: `[${WORD}]`,
  W: `[^${WORD}]`,
  s: '\\s',
  S: '\\S',
  b: `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`,
  B: `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`,
};
const END = '(?![\\s\\S])';
const START = '(?<![\\s\\S])';
/** Characters that are syntax in a `u`-mode pattern (escaped when .NET means them literally). */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const CLASS_SYNTAX = new Set('\\]-^[');

const UNICODE_CATEGORY = /^(?:L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)$/;

function escapeLiteral(ch: string, inClass: boolean): string {
  if (inClass ? CLASS_SYNTAX.has(ch) : SYNTAX.has(ch)) return `\\${ch}`;
  return ch;
}

/** .NET group numbers → JavaScript group numbers, for numeric backreferences. */
function groupNumbering(pattern: string, explicitCapture: boolean): Map<number, number> {
  const groups: { named: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') {
      if (pattern[i + 1] !== '?') {
        if (!explicitCapture) groups.push({ named: false });
      } else if (/^\?(?:<[A-Za-z_]\w*>|'[A-Za-z_]\w*'|P<[A-Za-z_]\w*>)/.test(pattern.slice(i + 1, i + 40))) groups.push({ named: true });
    }
  }
  const map = new Map<number, number>();
  let dotnet = 0;
  groups.forEach((g, js) => {
    if (!g.named) map.set(++dotnet, js + 1);
  });
  groups.forEach((g, js) => {
    if (g.named) map.set(++dotnet, js + 1);
  });
  return map;
}

export function translateDotnetRegex(pattern: string): TranslatedRegex {
  const warnings: RegexWarning[] = [];
  const warn = (start: number, end: number, message: string) => warnings.push({ start, end, message });
  const opts: Options = { i: false, m: false, s: false, x: false, n: false };
  let pos = 0;
  // leading inline options apply to the whole pattern
  for (
    let lead = /^\(\?([imnsx]*)(?:-([imnsx]*))?\)/.exec(pattern);
    lead;
    lead = /^\(\?([imnsx]*)(?:-([imnsx]*))?\)/.exec(pattern.slice(pos))
  ) {
    for (const o of lead[1]) opts[o as keyof Options] = true;
    for (const o of lead[2] ?? '') opts[o as keyof Options] = false;
    pos += lead[0].length;
  }
  const numbering = groupNumbering(pattern, opts.n);
  const names = new Set<string>();
  let out = '';
  /** Options in effect per open group (scoped options restore on `)`). */
  const stack: Options[] = [];
  let cur: Options = { ...opts };

  const readClass = (start: number): { text: string; end: number } => {
    // start: offset of '['; returns the JS class (or a lookahead form for subtraction) and the offset after ']'
    let i = start + 1;
    let body = '';
    let negate = false;
    if (pattern[i] === '^') {
      negate = true;
      i++;
    }
    let first = true;
    while (i < pattern.length) {
      const c = pattern[i];
      if (c === ']' && !first) break;
      first = false;
      if (c === '-' && pattern[i + 1] === '[') {
        const sub = readClass(i + 1);
        const inner = `[${negate ? '^' : ''}${body}]`;
        return { text: `(?:(?!${sub.text})${inner})`, end: sub.end + (pattern[sub.end] === ']' ? 1 : 0) };
      }
      if (c === '\\') {
        const e = pattern[i + 1] ?? '';
        if (CLASS_ESCAPES[e]) body += CLASS_ESCAPES[e];
        else if (e === 'W' || e === 'S' || e === 'D') {
          body += e === 'S' ? '\\S' : e === 'D' ? '\\P{Nd}' : '\\P{L}';
          if (e === 'W') warn(i, i + 2, '\\W inside a character class is approximated as \\P{L} (non-letters) in JavaScript');
        } else if (e === 'p' || e === 'P') {
          const m = /^\{([^}]*)\}/.exec(pattern.slice(i + 2));
          const name = m?.[1] ?? '';
          if (UNICODE_CATEGORY.test(name)) body += `\\${e}{${name}}`;
          else {
            warn(i, i + 2 + (m?.[0].length ?? 0), `Unicode block \\${e}{${name}} has no JavaScript equivalent: ignored`);
          }
          i += 2 + (m?.[0].length ?? 0);
          continue;
        } else if (/[0-9A-Za-z]/.test(e)) body += `\\${e}`;
        else body += escapeLiteral(e, true);
        i += 2;
        continue;
      }
      body += c === '[' || c === ']' ? `\\${c}` : c;
      i++;
    }
    return { text: `[${negate ? '^' : ''}${body}]`, end: i + 1 };
  };

  while (pos < pattern.length) {
    const c = pattern[pos];
    if (cur.x && /\s/.test(c)) {
      pos++;
      continue;
    }
    if (cur.x && c === '#') {
      const nl = pattern.indexOf('\n', pos);
      pos = nl < 0 ? pattern.length : nl + 1;
      continue;
    }
    if (c === '\\') {
      const e = pattern[pos + 1] ?? '';
      const at = pos;
      pos += 2;
      if (e === 'A') out += START;
      else if (e === 'z') out += END;
      else if (e === 'Z') out += `(?=\\n?${END})`;
      else if (e === 'G') {
        out += START;
        warn(at, pos, '\\G (where the previous match ended) has no JavaScript equivalent: treated as the start of the text');
      } else if (ATOM_ESCAPES[e]) out += ATOM_ESCAPES[e];
      else if (e === 'k') {
        const m = /^(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(pattern.slice(pos));
        if (m) {
          out += `\\k<${m[1] ?? m[2]}>`;
          pos += m[0].length;
        } else out += 'k';
      } else if (/[1-9]/.test(e)) {
        let digits = e;
        while (/[0-9]/.test(pattern[pos] ?? '')) digits += pattern[pos++];
        const js = numbering.get(Number(digits));
        if (js !== undefined) out += `\\${js}`;
        else {
          out += '(?:)';
          warn(at, pos, `backreference \\${digits} names no group: it matches nothing in JavaScript`);
        }
      } else if (e === 'p' || e === 'P') {
        const m = /^\{([^}]*)\}/.exec(pattern.slice(pos));
        const name = m?.[1] ?? '';
        pos += m?.[0].length ?? 0;
        if (UNICODE_CATEGORY.test(name)) out += `\\${e}{${name}}`;
        else {
          out += '[\\s\\S]';
          warn(at, pos, `Unicode block \\${e}{${name}} has no JavaScript equivalent: matches any character`);
        }
      } else if (e === 'a' || e === 'e') out += e === 'a' ? '\\x07' : '\\x1B';
      else if (/[0-9A-Za-z]/.test(e)) out += `\\${e}`;
      else out += escapeLiteral(e, false);
      continue;
    }
    if (c === '[') {
      const cls = readClass(pos);
      out += cls.text;
      pos = cls.end;
      continue;
    }
    if (c === '(') {
      const rest = pattern.slice(pos + 1);
      const at = pos;
      let m: RegExpExecArray | null;
      stack.push(cur);
      if ((m = /^\?#[^)]*\)/.exec(rest))) {
        stack.pop();
        pos += 1 + m[0].length;
        continue;
      }
      if ((m = /^\?(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)'|P<([A-Za-z_]\w*)>)/.exec(rest))) {
        const name = m[1] ?? m[2] ?? m[3];
        if (names.has(name)) {
          warn(at, at + 1 + m[0].length, `group name '${name}' is used twice: JavaScript allows it once; the second is a plain group`);
          out += '(?:';
        } else {
          names.add(name);
          out += `(?<${name}>`;
        }
        pos += 1 + m[0].length;
        continue;
      }
      if ((m = /^\?(?:<|')[A-Za-z_]?\w*-\w+(?:>|')/.exec(rest))) {
        warn(at, at + 1 + m[0].length, 'balancing groups have no JavaScript equivalent: treated as a plain group');
        out += '(?:';
        pos += 1 + m[0].length;
        continue;
      }
      if ((m = /^\?([imnsx]*)(?:-([imnsx]*))?([:)])/.exec(rest))) {
        const next = { ...cur };
        for (const o of m[1]) next[o as keyof Options] = true;
        for (const o of m[2] ?? '') next[o as keyof Options] = false;
        if (m[2]?.includes('i'))
          warn(at, at + 1 + m[0].length, "turning off case-insensitivity ('-i') has no effect: 3CX models are matched ignoring case");
        pos += 1 + m[0].length;
        if (m[3] === ')') {
          stack.pop();
          cur = next; // applies to the rest of the enclosing group
        } else {
          stack[stack.length - 1] = cur;
          cur = next;
          out += '(?:';
        }
        continue;
      }
      if (rest.startsWith('?>')) {
        warn(at, at + 3, 'atomic groups have no JavaScript equivalent: treated as a plain group (backtracking allowed)');
        out += '(?:';
        pos += 3;
        continue;
      }
      if (rest.startsWith('?(')) {
        warn(at, at + 3, 'conditional groups have no JavaScript equivalent: treated as alternatives');
        // skip the condition "(…)" and keep yes|no as alternatives
        const close = pattern.indexOf(')', pos + 3);
        pos = close < 0 ? pattern.length : close + 1;
        out += '(?:';
        continue;
      }
      if ((m = /^\?(?:[:=!]|<[=!])/.exec(rest))) {
        out += `(${m[0]}`;
        pos += 1 + m[0].length;
        continue;
      }
      out += cur.n ? '(?:' : '(';
      pos++;
      continue;
    }
    if (c === ')') {
      cur = stack.pop() ?? cur;
      out += ')';
      pos++;
      continue;
    }
    if (c === '.') out += cur.s ? '[\\s\\S]' : '[^\\n]';
    else if (c === '^') out += cur.m ? `(?:${START}|(?<=\\n))` : START;
    else if (c === '$') out += cur.m ? `(?=\\n|${END})` : `(?=\\n?${END})`;
    else if (c === '{') {
      const q = /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(pos));
      if (q) {
        out += q[0];
        pos += q[0].length;
        continue;
      }
      out += '\\{';
    } else if (c === '}' || c === ']') out += `\\${c}`;
    else out += c;
    pos++;
  }
  // 3CX models are matched ignoring case (as the User-Agent spelling varies between firmware versions)
  const flags = 'iu';
  try {
    return { source: out, flags, warnings, regex: new RegExp(out, flags) };
  } catch (e) {
    return { source: out, flags, warnings, error: (e as Error).message };
  }
}
