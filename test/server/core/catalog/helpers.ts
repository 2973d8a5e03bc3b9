// Shared helpers for the catalog tests and bench/check-keys.mjs: vendor ↔ format/file tables, a
// renderer that writes a list of keys in a vendor's output format, the observed-keys tables, a
// seeded PRNG, and a catalog derived from the observed tables (for vendors without a catalog yet).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFormatId } from '../../../../server/src/core/catalog/output';
import type { KeyCatalog, KeyDef } from '../../../../server/src/core/catalog/types';

export const repoRoot = path.resolve(__dirname, '../../../..');
export const sharedDir = process.env.PROVISIONING_SHARED_DIR
  ? path.resolve(process.env.PROVISIONING_SHARED_DIR)
  : path.resolve(repoRoot, '../shared');

export const VENDORS = ['yealink', 'poly', 'cisco', 'grandstream', 'snom', 'fanvil'] as const;
export type Vendor = (typeof VENDORS)[number];

export const FORMAT: Record<Vendor, OutputFormatId> = {
  yealink: 'yealink-cfg',
  poly: 'poly-xml',
  cisco: 'cisco-xml',
  grandstream: 'grandstream-xml',
  snom: 'snom-xml',
  fanvil: 'fanvil-xml',
};

export const OBSERVED_FILE: Record<Vendor, string> = {
  yealink: 'yealink_keys.tsv',
  poly: 'polycom_keys.tsv',
  cisco: 'cisco_spa_mpp_keys.tsv',
  grandstream: 'grandstream_keys.tsv',
  snom: 'snom_keys.tsv',
  fanvil: 'fanvil_keys.tsv',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Writes `[key, value]` pairs as a file of the vendor's format, or returns undefined when a key
 * cannot be expressed in it (e.g. an element name starting with a digit).
 */
export function renderKeys(vendor: Vendor, pairs: [string, string][]): string | undefined {
  const lines: string[] = [];
  switch (vendor) {
    case 'yealink':
      for (const [k, v] of pairs) {
        if (/[=#\n]/.test(k) || k.trim() !== k) return undefined;
        lines.push(`${k} = ${v}`);
      }
      return `#!version:1.0.0.1\n${lines.join('\n')}\n`;
    case 'poly':
      for (const [k, v] of pairs) {
        if (!XML_NAME.test(k)) return undefined;
        lines.push(`  <k ${k}="${esc(v)}"/>`);
      }
      return `<?xml version="1.0" encoding="UTF-8"?>\n<polycomConfig>\n${lines.join('\n')}\n</polycomConfig>\n`;
    case 'cisco':
      for (const [k, v] of pairs) {
        if (!XML_NAME.test(k)) return undefined;
        lines.push(`  <${k} ua="na">${esc(v)}</${k}>`);
      }
      return `<flat-profile>\n${lines.join('\n')}\n</flat-profile>\n`;
    case 'grandstream': {
      const v1: string[] = [],
        v2: string[] = [];
      for (const [k, v] of pairs) {
        if (/^P\d+$/.test(k)) v1.push(`    <${k}>${esc(v)}</${k}>`);
        else if (/^[A-Za-z]/.test(k) && k.trim() === k) v2.push(`    <item name="${esc(k)}">${esc(v)}</item>`);
        else if (XML_NAME.test(k)) v1.push(`    <${k}>${esc(v)}</${k}>`);
        else return undefined;
      }
      return (
        `<?xml version="1.0" encoding="UTF-8"?>\n<gs_provision version="1">\n  <mac>000b82aabbcc</mac>\n` +
        `  <config version="1">\n${v1.join('\n')}\n  </config>\n  <config version="2">\n${v2.join('\n')}\n  </config>\n</gs_provision>\n`
      );
    }
    case 'snom':
      for (const [k, v] of pairs) {
        const m = /^([A-Za-z_][A-Za-z0-9_.-]*)(?:\[(\d+)\])?$/.exec(k);
        if (!m) return undefined;
        lines.push(`    <${m[1]}${m[2] !== undefined ? ` idx="${m[2]}"` : ''} perm="">${esc(v)}</${m[1]}>`);
      }
      return `<?xml version="1.0" encoding="utf-8"?>\n<settings>\n  <phone-settings e="2">\n${lines.join('\n')}\n  </phone-settings>\n</settings>\n`;
    case 'fanvil':
      for (const [k, v] of pairs) {
        const segs = k.split('.').map((s) => /^([A-Za-z_][A-Za-z0-9_-]*)(?:\[(\d+)\])?$/.exec(s));
        if (!segs.length || segs.some((s) => !s)) return undefined;
        const open = segs.map((s) => `<${s![1]}${s![2] !== undefined ? ` index="${s![2]}"` : ''}>`).join('');
        const close = segs
          .map((s) => `</${s![1]}>`)
          .reverse()
          .join('');
        lines.push(`  ${open}${esc(v)}${close}`);
      }
      return `<?xml version="1.0" encoding="UTF-8"?>\n<sysConf>\n${lines.join('\n')}\n</sysConf>\n`;
  }
}

export interface ObservedRow {
  key: string;
  templates: number;
  occurrences: number;
}

export function readObserved(vendor: Vendor): ObservedRow[] | undefined {
  const file = path.join(sharedDir, 'data/observed-keys', OBSERVED_FILE[vendor]);
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [key, t, o] = l.split('\t');
      return { key, templates: Number(t), occurrences: Number(o) };
    });
}

/** Observed keys listed as typos/placeholders in test/fixtures/observed-typos/<vendor>.txt. */
export function readObservedTypos(vendor: Vendor): Set<string> {
  const file = path.join(repoRoot, 'test/fixtures/observed-typos', `${vendor}.txt`);
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.split('\t')[0].trim())
      .filter((k) => k && !k.startsWith('#')),
  );
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stand-in catalog built from the observed keys seen in 2+ templates (all typed `string`,
 * indices `{i1}`, `{i2}`… in 0..99). Used only where a vendor's real catalog does not exist yet.
 */
export function derivedCatalog(vendor: Vendor): KeyCatalog | undefined {
  const rows = readObserved(vendor);
  if (!rows) return undefined;
  const typos = readObservedTypos(vendor);
  const seen = new Set<string>();
  const keys: KeyDef[] = [];
  for (const r of rows) {
    if (r.templates < 2 || typos.has(r.key) || /[{}]/.test(r.key.replace(/\{n\}/g, ''))) continue;
    let i = 0;
    const key = r.key.replace(/\{n\}/g, () => `{i${++i}}`);
    if (seen.has(key)) continue;
    seen.add(key);
    keys.push({ key, type: 'string', description: `observed in ${r.templates} templates` });
  }
  const indices: KeyCatalog['indices'] = {};
  for (let i = 1; i <= 4; i++) indices[`i${i}`] = { min: 0, max: 99, description: `index ${i}` };
  return { vendor, bool: { true: ['1'], false: ['0'] }, indices, keys };
}
