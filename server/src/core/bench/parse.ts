// Parses the bench file (bench.yaml) into the Bench model, with located problems.
// A broken bench file never throws: the caller gets the problems and, when possible, a best-effort model.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Bench, Phone, Problem, Range, VendorId } from '../types';
import { LineIndex, nearest } from '../util/text';
import { readProblemOverrides } from '../problems/policy';
import { PROBLEM_CODES } from '../problems/registry';
import { DEFAULT_FIRMWARE_MOUNT, readFirmwarePins } from './firmware';
import { normaliseMac } from './mac';
import { BENCH_SCHEMA, validateNode, type SchemaError } from './schema';
import { hasUnresolved, processEnv, referenceProblems, resolveReferences, type Env } from './secrets';
import { keyProblems } from '../keys';

/** The default bench file, at the workspace root (a Workspace can use another: WorkspaceOptions.benchFile). */
export const BENCH_FILE = 'bench.yaml';

/**
 * A bench file path as given by a setting or `--bench`, as a workspace-relative path with forward slashes
 * (`./lab/bench.yaml` → `lab/bench.yaml`); empty → BENCH_FILE. Throws for a path that leaves the
 * workspace (absolute, `..`), which the workspace model cannot read.
 */
export function normaliseBenchFile(input: string | undefined | null): string {
  const raw = String(input ?? '').trim();
  if (!raw) return BENCH_FILE;
  const p = raw.replace(/\\/g, '/').replace(/\/{2,}/g, '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) throw new Error(`bench file '${raw}': give a path relative to the workspace folder`);
  const parts = p.split('/').filter((s) => s && s !== '.');
  if (!parts.length || parts.some((s) => s === '..')) throw new Error(`bench file '${raw}': not a file inside the workspace folder`);
  return parts.join('/');
}

export interface ModelLookup {
  /** Model ids of a vendor; undefined when the vendor is unknown. */
  models(vendor: string): string[] | undefined;
}

export interface ParsedBench {
  bench: Bench;
  problems: Problem[];
  /** True when the file had errors; `bench` then holds what could be read. */
  hasErrors: boolean;
  /** The range of the value at a data path in the bench file (for go-to-definition). */
  locate(path: (string | number)[]): Range | undefined;
  /** Each usable phone's place (by MAC) in the file's `phones:` list, for locating what is about it. */
  phoneIndex?: Map<string, number>;
}

const MAX_BENCH_BYTES = 5 * 1024 * 1024;
/** Collections (flow `[…]` `{…}`, or block by indentation) deeper than this are refused before parsing: the parser recurses. */
const MAX_FLOW_DEPTH = 100;

/** Offset of the bracket that opens level MAX_FLOW_DEPTH + 1, outside quotes and comments; undefined when shallower. */
function flowTooDeep(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      else if (c === '\n' && !depth) quote = ''; // a lone apostrophe in plain text
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth) depth--;
  }
  return undefined;
}

/** Offset of the first line whose indentation opens block level MAX_FLOW_DEPTH + 1; undefined when shallower. */
function blockTooDeep(text: string): number | undefined {
  const indents: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() && !line.trimStart().startsWith('#')) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      if (indents.push(indent) > MAX_FLOW_DEPTH) return offset + indent;
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** The parser's first line, in plain words where it only says how it failed inside. */
function yamlMessage(message: string): string {
  return /call stack/i.test(message) ? 'nested too deeply to read (a bench file needs a few levels)' : firstLine(message);
}

/** `env`: what `${env:NAME}` references in values resolve to (default: the process environment). */
export function parseBench(text: string, models: ModelLookup, file = BENCH_FILE, env: Env = processEnv()): ParsedBench {
  const idx = new LineIndex(text);
  const problems: Problem[] = [];
  const add = (
    start: number,
    end: number,
    code: Problem['code'],
    message: string,
    severity: Problem['severity'] = 'error',
    suggestions?: string[],
  ) => problems.push({ file, range: idx.range(start, end), severity, code, message, suggestions });

  const empty: Bench = {
    pbx: { host: '', port: 5060, transport: 'udp' },
    server: { host: '127.0.0.1', port: 8080 },
    vars: {},
    contacts: [],
    phones: [],
  };
  if (text.length > MAX_BENCH_BYTES) {
    add(0, 0, 'bench-too-large', `the bench file is larger than ${MAX_BENCH_BYTES / 1024 / 1024} MB`);
    return { bench: empty, problems, hasErrors: true, locate: () => undefined };
  }

  const tooDeep = flowTooDeep(text) ?? blockTooDeep(text);
  if (tooDeep !== undefined) {
    add(
      tooDeep,
      tooDeep + 1,
      'bench-yaml',
      `YAML: collections nested more than ${MAX_FLOW_DEPTH} levels deep here; a bench file needs a few`,
    );
    return { bench: empty, problems, hasErrors: true, locate: () => undefined };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false });
  } catch (err) {
    // the parser recurses: what the scans above do not foresee still ends in a message
    add(0, 0, 'bench-yaml', `YAML: ${yamlMessage((err as Error).message)}`);
    return { bench: empty, problems, hasErrors: true, locate: () => undefined };
  }
  for (const e of doc.errors) add(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1), 'bench-yaml', `YAML: ${yamlMessage(e.message)}`);
  for (const w of doc.warnings) add(w.pos[0], Math.max(w.pos[1], w.pos[0] + 1), 'bench-yaml', `YAML: ${firstLine(w.message)}`, 'warning');
  const locate = (path: (string | number)[]): Range | undefined => {
    const n = doc.getIn(path, true) as Node | undefined;
    return n?.range ? idx.range(n.range[0], n.range[1]) : undefined;
  };
  if (doc.errors.length) return { bench: empty, problems, hasErrors: true, locate };

  const schemaErrors: SchemaError[] = [];
  validateNode(doc.contents as Node | null, BENCH_SCHEMA, [0, 0], [], schemaErrors);
  for (const e of schemaErrors) add(e.start, e.end, e.code, e.message, 'error', e.suggestions);

  // after the schema check, so no message ever quotes a resolved secret
  for (const r of referenceProblems(doc, env)) add(r.start, Math.max(r.end, r.start + 1), 'bench-secret', r.message);

  let raw: Record<string, unknown> = {};
  try {
    const js = doc.toJS({ maxAliasCount: 100 });
    if (js && typeof js === 'object' && !Array.isArray(js)) raw = js as Record<string, unknown>;
  } catch (err) {
    add(0, 0, 'bench-yaml', `YAML: ${yamlMessage((err as Error).message)}`);
    return { bench: empty, problems, hasErrors: true, locate };
  }

  // a phone with an unresolved reference (its own, or in a section every phone uses) is not served: a
  // phone must never receive `${env:…}` as its password
  const globalUnresolved = ['pbx', 'server', 'vars', 'contacts'].some((k) => hasUnresolved(raw[k], env));
  const phoneUnresolved = arr(raw.phones).map((p) => globalUnresolved || hasUnresolved(p, env));
  raw = resolveReferences(raw, env);

  const bench: Bench = {
    pbx: { ...empty.pbx, ...(obj(raw.pbx) as object) } as Bench['pbx'],
    server: { ...empty.server, ...(obj(raw.server) as object) } as Bench['server'],
    vars: obj(raw.vars),
    contacts: arr(raw.contacts)
      .filter(isObj)
      .map((c) => ({ ...c, name: str(c.name), number: str(c.number) })),
    phones: [],
  };

  if (raw.firmware !== undefined) {
    // pins per model: unknown models and names that leave the folder are located errors; without a static
    // folder the pins are served from firmware/ at /firmware
    const fw = readFirmwarePins(doc, raw.firmware);
    for (const p of fw.problems) add(p.start, p.end, p.code, p.message, 'error', p.suggestions);
    bench.firmware = fw.pins;
    if (fw.pins.length && !bench.server.static?.length) bench.server = { ...bench.server, static: [{ ...DEFAULT_FIRMWARE_MOUNT }] };
  }

  if (raw.problems !== undefined) {
    // unknown codes: a located warning; a value that is no level is the schema's bench-enum error
    const section = doc.get('problems', true) as Node | undefined;
    bench.problems = readProblemOverrides(raw.problems, (message, key, kind) => {
      if (kind !== 'code') return;
      const keyOf = (it: { key: unknown }) => String((it.key as { value?: unknown })?.value ?? it.key);
      const pair = isMap(section) ? section.items.find((it) => keyOf(it) === key) : undefined;
      const r = (pair?.key as Node | undefined)?.range ?? section?.range ?? [0, 0];
      add(r[0], r[1], 'unknown-problem-code', `problems: ${message}`, 'warning', nearestCodes(key));
    });
  }

  const phonesNode = doc.get('phones', true) as Node | undefined;
  const phoneIndex = new Map<string, number>();
  const macSeen = new Map<string, number>();
  arr(raw.phones).forEach((p, i) => {
    if (!isObj(p)) return;
    const node = isSeq(phonesNode) ? (phonesNode.items[i] as Node) : undefined;
    const at = (key: string): [number, number] => {
      const n = isMap(node) ? (node.get(key, true) as Node | undefined) : undefined;
      const r = n?.range ?? node?.range;
      return r ? [r[0], r[1]] : [0, 0];
    };
    // a plain all-digit MAC (000413000003) reads as a YAML number and loses its leading zeros: take its text
    const macNode = isMap(node) ? (node.get('mac', true) as Node | undefined) : undefined;
    const macText =
      isScalar(macNode) && typeof macNode.value === 'number' && typeof macNode.source === 'string' ? macNode.source : str(p.mac);
    const mac = normaliseMac(macText);
    if (p.mac !== undefined && !mac) {
      add(
        ...at('mac'),
        'bench-mac',
        `phones.${i}.mac: '${str(p.mac)}' is not a MAC address (expected 12 hex digits, e.g. 80:5e:0c:11:22:33)`,
      );
    }
    if (mac) {
      const first = macSeen.get(mac);
      if (first !== undefined) {
        add(
          ...at('mac'),
          'bench-duplicate-mac',
          `phones.${i}.mac: duplicate MAC ${mac}, already used by phones.${first}; this phone is ignored`,
        );
        return;
      }
      macSeen.set(mac, i);
    }
    const vendor = str(p.vendor);
    const known = models.models(vendor);
    const model = str(p.model);
    if (known && model && !known.some((m) => m.toLowerCase() === model.toLowerCase())) {
      const sugg = nearest(model, known);
      add(
        ...at('model'),
        'bench-unknown-model',
        `phones.${i}.model: unknown ${vendor} model '${model}'${
          sugg.length
            ? `, did you mean ${sugg
                .slice(0, 3)
                .map((m) => `'${m}'`)
                .join(', ')}?`
            : ''
        } (known: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}); served with the vendor's files all the same`,
        'warning',
        sugg,
      );
    }
    if (!mac || !known || phoneUnresolved[i]) return; // unusable phone: reported above, by the schema, or bench-secret
    const canonicalModel = known.find((m) => m.toLowerCase() === model.toLowerCase()) ?? model;
    const phone: Phone = {
      mac,
      vendor: vendor as VendorId,
      model: canonicalModel,
      name: p.name !== undefined ? str(p.name) : mac,
      ip: p.ip !== undefined ? str(p.ip) : undefined,
      sip_port: typeof p.sip_port === 'number' ? p.sip_port : undefined,
      lines: arr(p.lines)
        .filter(isObj)
        .map((l) => stringify({ ...l, extension: str(l.extension) })) as unknown as Phone['lines'],
      keys: readKeys(p.keys),
      vars: obj(p.vars),
    };
    if (p.modules !== undefined)
      phone.modules = arr(p.modules)
        .filter(isObj)
        .map((m) => ({ type: str(m.type), keys: readKeys(m.keys) }));
    phoneIndex.set(mac, i);
    bench.phones.push(phone);
  });

  // key functions the vendor has no code for, more keys than fit, unknown expansion modules
  problems.push(...keyProblems({ bench, locate, phoneIndex }, file));
  const hasErrors = problems.some((p) => p.severity === 'error');
  return { bench, problems, hasErrors, locate, phoneIndex };
}

/** A list of bench keys (phone or module): strings as written, `line` kept when it is a number. */
function readKeys(v: unknown): Phone['keys'] {
  return arr(v)
    .filter(isObj)
    .map((k) => ({ ...stringify(k), line: typeof k.line === 'number' ? k.line : undefined })) as unknown as Phone['keys'];
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
function nearestCodes(code: string): string[] | undefined {
  const s = nearest(code, PROBLEM_CODES);
  return s.length ? s : undefined;
}
function isObj(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
function obj(v: unknown): Record<string, unknown> {
  return isObj(v) ? v : {};
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}
/** Scalars typed bare in YAML (extension 101, password 1234) become strings, as the schema says. */
function stringify(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  return out;
}
