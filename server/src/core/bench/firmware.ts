// Firmware pins: the bench's top-level `firmware:` map, model → image file name, e.g.
// `firmware: { T54W: T54W-96.86.0.100.rom }`. The files are served from a static folder of the dev server:
// the `server.static` entry whose URL path is `/firmware`, else the first entry; a bench with pins and no
// `server.static` serves `firmware/` at `/firmware` (parse adds that entry). A pin is exposed to the
// templates of the model's phones as `firmware.url` (server URL + folder path + file) and `firmware.file`.
import { isMap, isScalar, type Document, type Node, type Pair } from 'yaml';
import type { FileSource } from '../files';
import type { Bench, Phone, Problem, Range } from '../types';
import { nearest } from '../util/text';
import { findModel, PROFILES } from '../vendors';

export interface FirmwarePin {
  /** The model id of the vendor profile (canonical spelling; the map may use another case or an alias). */
  model: string;
  vendor: string;
  /** The image file, relative to the firmware folder, with forward slashes. */
  file: string;
  /** The key as written in the bench file (to locate problems). */
  key: string;
}

export interface StaticMount {
  path: string;
  dir: string;
}

/** The static folder added for pins when the bench serves none. */
export const DEFAULT_FIRMWARE_MOUNT: StaticMount = { path: '/firmware', dir: 'firmware' };

const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

/** Every model id of every vendor profile (`generic` excluded: it has no real models). */
function allModels(): { vendor: string; id: string; aliases: string[] }[] {
  return Object.values(PROFILES)
    .filter((p) => p.id !== 'generic')
    .flatMap((p) => p.models.map((m) => ({ vendor: p.id, id: m.id, aliases: m.aliases ?? [] })));
}

/** The model a pin key names: an id or alias of a vendor profile, ignoring case and separators. */
export function pinModel(key: string): { vendor: string; id: string } | undefined {
  const n = squash(key);
  if (!n) return undefined;
  const exact = allModels().find((m) => squash(m.id) === n || m.aliases.some((a) => squash(a) === n));
  if (exact) return { vendor: exact.vendor, id: exact.id };
  // as a User-Agent names it (`SIP-T54W`): the vendor tables' own lookup
  for (const p of Object.values(PROFILES)) {
    const m = p.id === 'generic' ? undefined : findModel(p, key);
    if (m) return { vendor: p.id, id: m.id };
  }
  return undefined;
}

/** Why a pinned file name cannot be served from a folder (undefined when it can). */
export function badFirmwareFile(file: string): string | undefined {
  if (!file.trim()) return 'an empty file name';
  if (file.includes('\0')) return 'a NUL character';
  if (file.includes('\\')) return 'a backslash (use /)';
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) return 'an absolute path (give the name inside the firmware folder)';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return 'a URL (give the name of a file in the firmware folder)';
  if (file.split('/').some((s) => s === '..' || s === '.' || s === '')) return "a '.', '..' or empty path segment";
  return undefined;
}

interface Located {
  code: Problem['code'];
  start: number;
  end: number;
  message: string;
  suggestions?: string[];
}

/**
 * Reads the `firmware:` map (already checked by the schema: a mapping of strings). Each key must name a model
 * of a vendor profile (else `bench-firmware-model`, with the nearest models), each model is pinned once, and
 * each value must be a file name inside the folder (`bench-firmware-file`). Only good pins are returned.
 */
export function readFirmwarePins(doc: Document, raw: unknown): { pins: FirmwarePin[]; problems: Located[] } {
  const pins: FirmwarePin[] = [];
  const problems: Located[] = [];
  const section = doc.get('firmware', true) as Node | undefined;
  if (!isMap(section) || !raw || typeof raw !== 'object' || Array.isArray(raw)) return { pins, problems };
  const values = raw as Record<string, unknown>;
  const seen = new Map<string, string>();
  for (const pair of section.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const kr = pair.key?.range ?? section.range ?? [0, 0, 0];
    const vr = pair.value?.range ?? kr;
    const value = values[key];
    if (typeof value !== 'string' && typeof value !== 'number') continue; // the schema reported it
    const model = pinModel(key);
    if (!model) {
      const ids = allModels().map((m) => m.id);
      const sugg = nearest(key, ids);
      problems.push({
        code: 'bench-firmware-model',
        start: kr[0],
        end: Math.max(kr[1], kr[0] + 1),
        message: `firmware: no vendor profile has a model '${key}'${
          sugg.length ? `, did you mean ${sugg.map((s) => `'${s}'`).join(', ')}?` : ''
        } (pins are per model id, e.g. T54W, VVX400, CP-8841-3PCC)`,
        suggestions: sugg.length ? sugg : undefined,
      });
      continue;
    }
    const before = seen.get(model.id);
    if (before !== undefined) {
      problems.push({
        code: 'bench-duplicate-key',
        start: kr[0],
        end: Math.max(kr[1], kr[0] + 1),
        message: `firmware: ${model.id} is pinned twice ('${before}' and '${key}'); this pin is ignored`,
      });
      continue;
    }
    seen.set(model.id, key);
    const file = String(value).trim();
    const bad = badFirmwareFile(file);
    if (bad) {
      problems.push({
        code: 'bench-firmware-file',
        start: vr[0],
        end: Math.max(vr[1], vr[0] + 1),
        message: `firmware.${key}: '${String(value)}' is ${bad}`,
      });
      continue;
    }
    pins.push({ model: model.id, vendor: model.vendor, file, key });
  }
  return { pins, problems };
}

/** The static folder pinned firmware is served from: `/firmware`, else the first `server.static` entry. */
export function firmwareMount(bench: Pick<Bench, 'server'>): StaticMount | undefined {
  const mounts = bench.server.static ?? [];
  return mounts.find((m) => urlPath(m.path) === '/firmware') ?? mounts[0];
}

function urlPath(p: string): string {
  return `/${String(p).replace(/^\/+|\/+$/g, '')}`;
}

/** The pin of a phone's model, if the bench has one. */
export function firmwarePin(bench: Pick<Bench, 'firmware'>, phone: Pick<Phone, 'model' | 'vendor'>): FirmwarePin | undefined {
  const model = phone.model.toLowerCase();
  return bench.firmware?.find((p) => p.vendor === phone.vendor && p.model.toLowerCase() === model);
}

/** `firmware` of the render context: the pinned file and its URL below `serverUrl`; undefined without a pin. */
export function firmwareContext(
  bench: Pick<Bench, 'firmware' | 'server'>,
  phone: Pick<Phone, 'model' | 'vendor'>,
  serverUrl: string,
): { url: string; file: string } | undefined {
  const pin = firmwarePin(bench, phone);
  const mount = pin && firmwareMount(bench);
  if (!pin || !mount) return undefined;
  const base = urlPath(mount.path);
  const file = pin.file.split('/').map(encodeURIComponent).join('/');
  return { url: `${serverUrl}${base === '/' ? '' : base}/${file}`, file: pin.file };
}

/**
 * `check`: a pinned file that is not in the firmware folder, located at the pin's value. Read through the
 * workspace's FileSource (a listing, never the image). A folder outside the workspace (absolute or `..`) is
 * not checked.
 */
export function firmwareFileProblems(
  files: FileSource,
  bench: Pick<Bench, 'firmware' | 'server'>,
  locate: (path: (string | number)[]) => Range | undefined,
  benchFile: string,
): Problem[] {
  const mount = firmwareMount(bench);
  if (!bench.firmware?.length || !mount) return [];
  const dir = String(mount.dir).replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (!dir || dir.startsWith('/') || /^[A-Za-z]:/.test(dir) || dir.split('/').includes('..')) return [];
  const listed = new Set(files.list(dir));
  const clean = dir
    .split('/')
    .filter((s) => s && s !== '.')
    .join('/');
  const problems: Problem[] = [];
  for (const pin of bench.firmware) {
    if (listed.has(`${clean}/${pin.file}`)) continue;
    const at = locate(['firmware', pin.key]) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    problems.push({
      file: benchFile,
      range: at,
      severity: 'error',
      code: 'bench-firmware-file',
      message: `firmware.${pin.key}: no file '${pin.file}' in ${clean}/ (the folder served at ${urlPath(mount.path)}); ${pin.model} phones would fail to upgrade`,
    });
  }
  return problems;
}

/** The dotted version in a firmware file name (`T54W-96.86.0.100.rom` → 96.86.0.100), if it has one. */
export function pinnedVersion(file: string): string | undefined {
  const name = file.split('/').pop() ?? file;
  return /\d+(?:\.\d+){2,}/.exec(name)?.[0];
}

/**
 * The firmware a phone reports (User-Agent) against its pin: `same` when the file name holds the reported
 * version (separators aside: Cisco names 11.3.7 as 11-3-7), `different` when the name holds another dotted
 * version, `unknown` when the name holds none (Poly `3111-48820-001.sip.ld`, Grandstream `gxp2170fw.bin`).
 */
export function compareToPin(reported: string, file: string): 'same' | 'different' | 'unknown' {
  const parts = /\d+(?:[._-]\d+)*/.exec(reported)?.[0].split(/[._-]/);
  const name = file.split('/').pop() ?? file;
  if (parts && parts.length >= 2 && new RegExp(`(?:^|\\D)${parts.join('[._-]')}(?!\\d)`).test(name)) return 'same';
  return pinnedVersion(file) ? 'different' : 'unknown';
}

/** How the bench view words a phone's firmware against its pin ("firmware 96.86.0.70 (pinned 96.86.0.100)"). */
export function describeFirmware(reported: string | undefined, pin: string | undefined): { text?: string; differs: boolean } {
  if (!reported && !pin) return { differs: false };
  const pinned = pin && (pinnedVersion(pin) ?? pin);
  if (!reported) return { text: `firmware not reported yet (pinned ${pinned})`, differs: false };
  if (!pin) return { text: `firmware ${reported}`, differs: false };
  const cmp = compareToPin(reported, pin);
  if (cmp === 'same') return { text: `firmware ${reported} (pinned)`, differs: false };
  if (cmp === 'different') return { text: `firmware ${reported} (pinned ${pinned})`, differs: true };
  return { text: `firmware ${reported} (pinned file ${pin})`, differs: false };
}
