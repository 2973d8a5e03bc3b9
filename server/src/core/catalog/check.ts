// Checks of a rendered file against its vendor's key catalog: unknown keys (with suggestions),
// invalid values, duplicates, keys in the wrong file, deprecated keys, model index limits, the
// required header line and XML well-formedness. Works on output text with character offsets.
import { checkHygiene } from './hygiene';
import { isIP } from 'node:net';
import { getCatalog, indexMaxFor, instantiate, keySupportsModel, matchKeyLoose } from './catalogs';
import type { CheckContext, OutputEntry, OutputProblem } from './output';
import { readOutput } from './readers';
import { compareFirmware } from './firmware';
import { detectLegacy, type LegacyFormat } from './legacy';
import { exhaustiveFamily, nearKeys, suggestKeys } from './suggest';
import type { KeyCatalog, KeyDef } from './types';

/** All problems of a rendered file, sorted by offset. */
export function checkOutput(text: string, ctx: CheckContext): OutputProblem[] {
  const problems: OutputProblem[] = [];
  const legacy = detectLegacy(ctx.format, text);
  if (ctx.header !== undefined && !legacy) checkHeader(text, ctx.header, problems);
  checkHygiene(text, { escape: /xml$/.test(ctx.format) ? 'xml' : 'none', header: legacy ? undefined : ctx.header }, problems);
  if (legacy && !legacy.checked) {
    problems.push(legacyProblem(legacy, 'its keys are not checked (no legacy catalog for this format).'));
    return problems.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  const read = readOutput(ctx.format, text);
  problems.push(...read.problems);
  const catalog = ctx.format === 'xml' || ctx.format === 'text' ? undefined : (ctx.catalog ?? getCatalog(ctx.vendor));
  if (catalog) {
    const quiet = checkEntries(text, read.entries, catalog, ctx, problems, !!legacy);
    if (legacy) {
      const n = read.entries.length;
      problems.push(
        legacyProblem(
          legacy,
          `its ${n} key${n === 1 ? '' : 's'} are checked against the legacy keys the catalog knows; ` +
            (quiet.uncatalogued || quiet.deprecated
              ? `${quiet.uncatalogued} not in the catalog and ${quiet.deprecated} deprecated are not reported one by one.`
              : 'all are known.'),
        ),
      );
    }
  }
  return problems.sort((a, b) => a.start - b.start || a.end - b.end);
}

function legacyProblem(legacy: LegacyFormat, what: string): OutputProblem {
  return {
    start: legacy.start,
    end: legacy.end,
    severity: 'information',
    code: 'legacy-format',
    message: `Legacy format: this is ${legacy.name}, which ${legacy.current} replaced; ${what}`,
  };
}

function checkHeader(text: string, header: string, problems: OutputProblem[]): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const nl = body.indexOf('\n');
  const first = (nl < 0 ? body : body.slice(0, nl)).replace(/\r$/, '');
  if (first.trim() === header) return;
  problems.push({
    start: 0,
    end: Math.max(0, Math.min(first.length, 200)),
    severity: 'error',
    code: 'missing-header',
    message: `The first line must be '${header}'; the phone rejects the file without it.`,
    suggestions: [header],
  });
}

/** Unknown keys per file that get "did you mean" suggestions. */
export const SUGGEST_BUDGET = 200;

const vendorLabel = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);

/** Keys a legacy file does not report one by one (counted into its one legacy-format information). */
interface Quiet {
  uncatalogued: number;
  deprecated: number;
}

function checkEntries(
  text: string,
  entries: OutputEntry[],
  catalog: KeyCatalog,
  ctx: CheckContext,
  problems: OutputProblem[],
  legacy = false,
): Quiet {
  const quiet: Quiet = { uncatalogued: 0, deprecated: 0 };
  const firstSeen = new Map<string, OutputEntry>();
  let unknown = 0;
  const model = ctx.model;
  const maxMemo = new Map<string, number>(); // index name → its maximum on this model
  const modelMax = (name: string): number => {
    let v = maxMemo.get(name);
    if (v === undefined) maxMemo.set(name, (v = indexMaxFor(catalog.indices[name], model).max));
    return v;
  };
  for (const e of entries) {
    const at = { start: e.keyStart, end: e.keyEnd };
    const m = matchKeyLoose(catalog, e.key);
    // Duplicates: by catalog identity (a P-value and its alias are the same parameter), else by key.
    let id = e.id ?? e.key;
    if (m && !m.outOfRange && m.pattern !== m.def.key) id = instantiate(m.def.key, m.indices) + (e.id ? `|${e.id}` : '');
    const first = firstSeen.get(id);
    if (first) {
      const line = `on line ${lineOf(text, first.keyStart)}`;
      problems.push({
        ...at,
        severity: 'warning',
        code: 'duplicate-key',
        message:
          ctx.format === 'cisco-xml'
            ? `'${e.key}' is set again (first set ${line}); Cisco phones use the last occurrence, this one wins.`
            : `'${e.key}' is set again (first set ${line}); only one of the values takes effect.`,
        related: [{ start: first.keyStart, end: first.keyEnd, message: `first '${first.key}'` }],
      });
    } else firstSeen.set(id, e);

    if (!m) {
      // Suggestions cost ~1–3 ms each (memoized per catalog): a file of thousands of foreign keys
      // (wrong vendor) gets them for the first SUGGEST_BUDGET unknown keys only.
      const suggestions = unknown++ < SUGGEST_BUDGET ? nearKeys(catalog, e.key) : [];
      const family = exhaustiveFamily(catalog, e.key);
      if (suggestions.length) {
        problems.push({
          ...at,
          severity: 'warning',
          code: 'unknown-key',
          suggestions,
          message:
            `Unknown ${vendorLabel(catalog.vendor)} key '${e.key}'. Did you mean '${suggestions[0]}'?` +
            (family ? ` The catalog lists every '${family}' key, so the phone ignores this one.` : ''),
        });
      } else if (family) {
        problems.push({
          ...at,
          severity: 'warning',
          code: 'unknown-key',
          suggestions,
          message: `Unknown ${vendorLabel(catalog.vendor)} key '${e.key}': the catalog lists every '${family}' key, so the phone ignores it.`,
        });
      } else if (legacy) quiet.uncatalogued++;
      else {
        problems.push({
          ...at,
          severity: 'information',
          code: 'uncatalogued-key',
          data: { word: e.key },
          message:
            `'${e.key}' is not in the ${vendorLabel(catalog.vendor)} catalog (${catalog.keys.length.toLocaleString('en-US')} keys known ` +
            `for ${vendorLabel(catalog.vendor)}) and is near none of its keys; if the phone reads it, add it to the workspace catalog.`,
        });
      }
      continue;
    }
    const def = m.def;
    if (m.outOfRange) {
      const o = m.outOfRange;
      problems.push({
        ...at,
        severity: 'warning',
        code: 'index-out-of-range',
        message: `Index ${o.name} = ${o.value} is out of range ${o.min}–${o.max} for '${def.key}'; the phone ignores the key.`,
        suggestions: suggestKeys(catalog, e.key),
      });
      continue;
    }
    if (model) {
      for (const name in m.indices) {
        const idx = catalog.indices[name];
        if (!idx || !idx.maxByModel) continue;
        const max = modelMax(name),
          value = m.indices[name];
        if (value > max) {
          problems.push({
            ...at,
            severity: 'warning',
            code: 'index-out-of-range',
            message: `${model} supports ${name} up to ${max} (${idx.description}); '${e.key}' uses ${value} and is ignored on this model.`,
          });
        }
      }
      if (!keySupportsModel(def, model)) {
        problems.push({
          ...at,
          severity: 'information',
          code: 'unsupported-model',
          message: `'${e.key}' is not supported on ${model} (only ${def.models!.join(', ')}).`,
        });
      }
    }
    if (def.file && ctx.fileKind && def.file !== ctx.fileKind) {
      problems.push({
        ...at,
        severity: 'warning',
        code: 'wrong-file',
        message: `'${e.key}' belongs in the '${def.file}' file, not the '${ctx.fileKind}' file; the phone may ignore it here.`,
      });
    }
    const fw = firmwareProblem(def, m.indices, ctx);
    if (fw) problems.push({ ...at, ...fw });
    else if (def.deprecated && legacy) quiet.deprecated++;
    else if (def.deprecated) {
      const repl = def.deprecated.replacement ? instantiate(def.deprecated.replacement, m.indices) : undefined;
      problems.push({
        ...at,
        severity: 'information',
        code: 'deprecated-key',
        suggestions: repl ? [repl] : undefined,
        message: `'${e.key}' is deprecated: ${def.deprecated.note}` + (repl ? ` Use '${repl}'.` : ''),
      });
    }
    const why = invalidValue(def, e.value, catalog);
    if (why) {
      problems.push({
        start: e.valueStart,
        end: Math.max(e.valueEnd, e.valueStart),
        severity: 'warning',
        code: 'invalid-value',
        message:
          def.type === 'password' ? `Invalid value for '${e.key}': ${why}.` : `Invalid value '${clip(e.value)}' for '${e.key}': ${why}.`,
      });
    }
  }
  return quiet;
}

/** A key the phone's firmware no longer reads (renamed or removed by then), or does not read yet. */
function firmwareProblem(
  def: KeyDef,
  indices: Record<string, number>,
  ctx: CheckContext,
): Pick<OutputProblem, 'severity' | 'code' | 'message' | 'suggestions'> | undefined {
  if (!ctx.firmware) return undefined;
  const key = instantiate(def.key, indices);
  if (def.removedIn && (compareFirmware(ctx.vendor, ctx.firmware, def.removedIn) ?? -1) >= 0) {
    const repl = def.deprecated?.replacement ? instantiate(def.deprecated.replacement, indices) : undefined;
    return {
      severity: 'warning',
      code: 'firmware-key',
      suggestions: repl ? [repl] : undefined,
      message:
        `'${key}' is ${repl ? 'renamed' : 'removed'} in firmware ${def.removedIn} and this phone runs ${ctx.firmware}: it ignores the key.` +
        (repl ? ` Use '${repl}'.` : ''),
    };
  }
  if (def.since && (compareFirmware(ctx.vendor, ctx.firmware, def.since) ?? 0) < 0)
    return {
      severity: 'warning',
      code: 'firmware-key',
      message: `'${key}' was introduced in firmware ${def.since}; this phone runs ${ctx.firmware}, which does not read it.`,
    };
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const clip = (s: string) => (s.length > 40 ? s.slice(0, 37) + '…' : s);
const list = (xs: string[], max = 12) => (xs.length > max ? [...xs.slice(0, max), `… (${xs.length} values)`] : xs).join(', ');

/** Why a value is not acceptable for a key (expected type/range/values), or undefined when it is. */
export function invalidValue(def: KeyDef, value: string, catalog: KeyCatalog): string | undefined {
  if (value === '' || value === '%NULL%') return undefined;
  switch (def.type) {
    case 'bool': {
      const all = [...catalog.bool.true, ...catalog.bool.false];
      return all.some((b) => b.toLowerCase() === value.toLowerCase()) ? undefined : `expected a boolean (${list(all)})`;
    }
    case 'int':
    case 'port': {
      const min = def.min ?? (def.type === 'port' ? 0 : undefined);
      const max = def.max ?? (def.type === 'port' ? 65535 : undefined);
      const range =
        min !== undefined && max !== undefined ? ` ${min}–${max}` : min !== undefined ? ` ≥ ${min}` : max !== undefined ? ` ≤ ${max}` : '';
      const what = def.type === 'port' ? 'a port number' : 'an integer';
      if (!/^[-+]?\d+$/.test(value)) return `expected ${what}${range}`;
      const n = Number(value);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) return `expected ${what} in range${range}`;
      return undefined;
    }
    case 'enum': {
      const vals = (def.values ?? []).map((v) => v.value);
      if (!vals.length || vals.includes(value)) return undefined;
      return `expected one of ${list((def.values ?? []).map((v) => (v.label && v.label !== v.value ? `${v.value} (${v.label})` : v.value)))}`;
    }
    case 'string':
    case 'password': {
      if (def.maxLength !== undefined && value.length > def.maxLength)
        return `expected at most ${def.maxLength} characters (got ${value.length})`;
      if (def.pattern && !safeTest(def.pattern, value))
        return def.type === 'password' ? 'the value does not have the required form' : `expected text matching /${def.pattern}/`;
      return undefined;
    }
    case 'url':
      return isUrl(value) ? undefined : 'expected a URL (http, https, ftp, ftps or tftp; host[:port]/path also accepted)';
    case 'host':
      return isHost(value) ? undefined : 'expected a host name or IP address, optionally with :port';
    case 'ip':
      return isIP(value.replace(/^\[|\]$/g, '')) ? undefined : 'expected an IPv4 or IPv6 address';
    case 'list': {
      const vals = def.values?.map((v) => v.value);
      if (!vals?.length) return undefined;
      const items = value
        .split(def.separator ?? ',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return items.every((i) => vals.includes(i)) ? undefined : `expected a '${def.separator ?? ','}'-separated list of ${list(vals)}`;
    }
  }
  return undefined;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return true;
  }
}

const MACRO = /\$[A-Za-z_][A-Za-z0-9_]*|\$\([^)]*\)|\{[a-z_]+\}/g;

function isUrl(v: string): boolean {
  // Cisco allows a leading `[--uid u --pwd p]` option block; vendor macros ($MA, {mac}) are accepted.
  const s = v.replace(/^\[[^\]]*\]\s*/, '').replace(MACRO, 'x');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(\S+)$/.exec(s);
  if (m) return /^(https?|ftps?|tftp)$/i.test(m[1]) && m[2].length > 0;
  return /^[A-Za-z0-9._~-]+(:\d+)?(\/\S*)?$/.test(s) && !s.includes('://');
}

function isHost(v: string): boolean {
  const s = v.replace(MACRO, 'x');
  if (isIP(s)) return true;
  const b = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(s);
  if (b) return isIP(b[1]) === 6 && (!b[2] || Number(b[2]) <= 65535);
  const h = /^([A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?(?::(\d{1,5}))?$/.exec(s);
  return !!h && (!h[5] || Number(h[5]) <= 65535);
}
