// Effective configuration: for one phone, the final value of every key and the file and template line that set
// it, following its vendor's boot order and override rules (VendorProfile.bootOrder). Each file is rendered with
// the workspace's one render and read by the output readers `check` uses; the source map locates every line.
// Pure: no editor, no network.
import type { ParsedBench } from './bench/parse';
import { isSecretName } from './bench/secrets';
import { instantiate, matchKeyLoose } from './catalog/catalogs';
import { readOutput } from './catalog/readers';
import type { KeyCatalog } from './catalog/types';
import { workspaceCatalog } from './catalog/workspace';
import { bootFiles, type BootFile, type BootOrder } from './effectiveOrder';
import type { Phone, Problem, Range } from './types';
import { LineIndex } from './util/text';
import type { Workspace } from './workspace';

export { bootFiles, bootOrderOf, type BootFile, type BootOrder } from './effectiveOrder';

/** One line of a rendered file that sets a key. */
export interface Assignment {
  /** The key as written in the file. */
  key: string;
  value: string;
  /** The file the phone requested (boot order position `order`, 0 first). */
  path: string;
  order: number;
  /** 1-based line in the rendered file. */
  outputLine: number;
  /** The template text that produced the line (a partial's when a partial did), zero-based range. */
  template?: string;
  range?: Range;
  /** The root template answering the request, and where in it, when `template` is a partial it includes. */
  via?: { file: string; range: Range };
}

export interface EffectiveKey {
  /** The key's identity: as written, or the catalog's name when a P-value and its alias are the same parameter. */
  key: string;
  /** The value the phone ends up with. */
  value: string;
  /** A password or other secret: front ends mask its values unless asked. */
  secret: boolean;
  setBy: Assignment;
  /** The other assignments of the key that do not take effect, in boot order. */
  overridden: Assignment[];
}

export interface EffectiveConfig {
  phone: Phone;
  /** The rules applied (the vendor profile's, or the default: boot routes in order, the last value wins). */
  rules: BootOrder;
  /** The files read, in the order the phone applies them (a list file first, its keys not counted). */
  files: BootFile[];
  /** Every key, sorted by the order it first appears in. */
  keys: EffectiveKey[];
}

/** Whether a key holds a secret: its name says so (isSecretName) or the vendor catalog types it as a password. */
export function isSecretKey(key: string, catalog?: KeyCatalog): boolean {
  if (isSecretName(key)) return true;
  const m = catalog ? matchKeyLoose(catalog, key) : undefined;
  return m?.def.type === 'password' || (!!m?.def.alias && isSecretName(m.def.alias));
}

export const MASK = '********';

/** A value as front ends print it: masked when the key is a secret (unless `show`). */
export const shownValue = (value: string, secret: boolean, show = false): string => (secret && !show && value !== '' ? MASK : value);

export interface EffectiveOptions {
  bench?: ParsedBench;
}

/** The effective configuration of a phone: its boot files in order, and every key with its final value and origin. */
export function effectiveConfig(ws: Workspace, phone: Phone, opts: EffectiveOptions = {}): EffectiveConfig {
  const { rules, files } = bootFiles(ws, phone, opts);
  const catalog = workspaceCatalog(ws.files, phone.vendor).catalog;
  const byId = new Map<string, Assignment[]>();
  const indexes = new Map<string, LineIndex>();
  const rangeIn = (f: string, s: number, e: number): Range => {
    let idx = indexes.get(f);
    if (!idx) indexes.set(f, (idx = new LineIndex(ws.files.read(f) ?? '')));
    return idx.range(s, e);
  };
  files.forEach((file, order) => {
    if (file.role !== 'config' || !file.output) return;
    const out = file.output;
    const outIndex = new LineIndex(out.text);
    for (const e of readOutput(out.format.id, out.text).entries) {
      const m = catalog ? matchKeyLoose(catalog, e.key) : undefined;
      // the identity the duplicate-key check uses, and a Grandstream alias is its P-value: one parameter
      let id = e.id ?? e.key;
      if (m && !m.outOfRange && m.pattern !== m.def.key) id = instantiate(m.def.key, m.indices) + (e.id ? `|${e.id}` : '');
      id = (catalog && aliasIndex(catalog).get(id)) ?? id;
      const at = out.map.lookup(e.keyStart, e.valueEnd);
      const a: Assignment = { key: e.key, value: e.value, path: file.path, order, outputLine: outIndex.positionAt(e.keyStart).line + 1 };
      if (at) {
        a.template = at.file;
        a.range = rangeIn(at.file, at.start, at.end);
        if (file.template && at.file !== file.template)
          a.via = { file: file.template, range: rangeIn(file.template, at.rootStart, at.rootEnd) };
      }
      let slot = byId.get(id);
      if (!slot) byId.set(id, (slot = []));
      slot.push(a);
    }
  });
  const keys: EffectiveKey[] = [];
  for (const [id, all] of byId) {
    let winner = all[0];
    for (const b of all.slice(1)) if ((b.order === winner.order ? rules.withinFile : rules.acrossFiles) === 'last') winner = b;
    keys.push({
      key: id,
      value: winner.value,
      secret: all.some((a) => isSecretKey(a.key, catalog)) || isSecretKey(id, catalog),
      setBy: winner,
      overridden: all.filter((a) => a !== winner),
    });
  }
  return { phone, rules, files, keys };
}

const aliases = new WeakMap<KeyCatalog, Map<string, string>>();

/** Catalog keys by their alias (Grandstream `account.1.sip.userid` → `P35`). */
function aliasIndex(catalog: KeyCatalog): Map<string, string> {
  let m = aliases.get(catalog);
  if (!m) {
    m = new Map(catalog.keys.filter((d) => d.alias).map((d) => [d.alias!, d.key]));
    aliases.set(catalog, m);
  }
  return m;
}

/** `*` and `?` make a filter a glob over the whole key (case-insensitive); otherwise it is a substring. */
export function keyFilter(filter: string | undefined): (key: EffectiveKey) => boolean {
  if (!filter) return () => true;
  if (/[*?]/.test(filter)) {
    const re = new RegExp(
      `^${filter
        .split('')
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('')}$`,
      'i',
    );
    return (k) => re.test(k.key) || re.test(k.setBy.key);
  }
  const f = filter.toLowerCase();
  return (k) => k.key.toLowerCase().includes(f) || k.setBy.key.toLowerCase().includes(f);
}

/** `templates/x.hbs:12` (1-based line) for an assignment, or the requested file when no template line is known. */
export function originOf(a: Assignment): string {
  return a.template && a.range ? `${a.template}:${a.range.start.line + 1}` : `${a.path} line ${a.outputLine}`;
}

/**
 * `key-overridden`: every template line whose assignment never takes effect for the phone because another
 * assignment of the key with a different value wins (a later file in the boot order, a later line of the file, or
 * the earlier one where the vendor keeps the first). Located on the losing line; secrets masked in the message.
 */
export function overrideProblems(ws: Workspace, phone: Phone, opts: EffectiveOptions = {}): Problem[] {
  return overrideProblemsOf(effectiveConfig(ws, phone, opts));
}

/** The `key-overridden` problems of a computed effective configuration. */
export function overrideProblemsOf(config: EffectiveConfig): Problem[] {
  const problems: Problem[] = [];
  for (const k of config.keys) {
    const w = k.setBy;
    for (const lose of k.overridden) {
      if (lose.value === w.value || !lose.template || !lose.range) continue;
      const where = lose.path === w.path ? `line ${w.outputLine} of the same file` : w.path;
      problems.push({
        file: lose.template,
        range: lose.range,
        severity: 'information',
        code: 'key-overridden',
        message:
          `'${lose.key}' = '${shownValue(lose.value, k.secret)}' never takes effect for this phone: ${where} ` +
          `(${originOf(w)}) sets it to '${shownValue(w.value, k.secret)}'` +
          (config.rules.acrossFiles === 'first' && lose.order !== w.order ? ', and the first file listed wins' : ''),
        phones: [config.phone.name],
        via: lose.via,
      });
    }
  }
  return problems;
}

/** One assignment as front ends show it: `line` is 1-based in `template`, `outputLine` in the rendered file. */
export interface AssignmentView {
  key: string;
  value: string;
  path: string;
  template: string | null;
  line: number | null;
  outputLine: number;
  via?: { template: string; line: number };
}

/** The effective configuration as plain JSON (the CLI's `--format json`, an editor view): secrets masked unless `showSecrets`. */
export interface EffectiveView {
  phone: { name: string; mac: string; vendor: string; model: string };
  rules: { acrossFiles: BootOrder['acrossFiles']; withinFile: BootOrder['withinFile']; sources: string[] };
  files: { path: string; role: BootFile['role']; template: string | null; status: BootFile['status']; note: string | null }[];
  keys: { key: string; value: string; secret: boolean; setBy: AssignmentView; overridden: AssignmentView[] }[];
}

export function effectiveView(config: EffectiveConfig, opts: { showSecrets?: boolean; key?: string } = {}): EffectiveView {
  const show = !!opts.showSecrets;
  const view = (a: Assignment, secret: boolean): AssignmentView => ({
    key: a.key,
    value: shownValue(a.value, secret, show),
    path: a.path,
    template: a.template ?? null,
    line: a.range ? a.range.start.line + 1 : null,
    outputLine: a.outputLine,
    ...(a.via ? { via: { template: a.via.file, line: a.via.range.start.line + 1 } } : {}),
  });
  const { phone, rules } = config;
  return {
    phone: { name: phone.name, mac: phone.mac, vendor: phone.vendor, model: phone.model },
    rules: { acrossFiles: rules.acrossFiles, withinFile: rules.withinFile, sources: rules.sources },
    files: config.files.map((f) => ({ path: f.path, role: f.role, template: f.template ?? null, status: f.status, note: f.note ?? null })),
    keys: config.keys.filter(keyFilter(opts.key)).map((k) => ({
      key: k.key,
      value: shownValue(k.value, k.secret, show),
      secret: k.secret,
      setBy: view(k.setBy, k.secret),
      overridden: k.overridden.map((a) => view(a, k.secret)),
    })),
  };
}
