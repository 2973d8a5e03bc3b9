#!/usr/bin/env node
// Self-check for key catalogs: shape (see server/src/core/catalog/types.ts) and coverage of the
// observed-keys tables (rows with templates_using >= 2 that are not listed as typos).
// Usage: node scripts/catalog-gen/verify.mjs [vendor ...]   (default: every catalog in data/)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(repo, 'server', 'src', 'core', 'catalog', 'data');
const obsDir = join(repo, '..', 'shared', 'data', 'observed-keys');
const TSV = {
  yealink: 'yealink_keys.tsv',
  poly: 'polycom_keys.tsv',
  cisco: 'cisco_spa_mpp_keys.tsv',
  grandstream: 'grandstream_keys.tsv',
  snom: 'snom_keys.tsv',
  fanvil: 'fanvil_keys.tsv',
};
const TYPES = new Set(['bool', 'int', 'enum', 'string', 'password', 'url', 'host', 'ip', 'port', 'list']);
const escape = (s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

const vendors = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dataDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5));
let failed = false;
for (const vendor of vendors) {
  const errors = [];
  const cat = JSON.parse(readFileSync(join(dataDir, `${vendor}.json`), 'utf8'));
  if (cat.vendor !== vendor) errors.push(`vendor field is ${cat.vendor}`);
  if (!cat.bool?.true?.length || !cat.bool?.false?.length) errors.push('bool spelling missing');
  for (const [name, ix] of Object.entries(cat.indices ?? {})) {
    if (!Number.isInteger(ix.min) || !Number.isInteger(ix.max) || ix.min > ix.max) errors.push(`index ${name}: bad min/max`);
    if (!ix.description) errors.push(`index ${name}: no description`);
    for (const [m, v] of Object.entries(ix.maxByModel ?? {}))
      if (!Number.isInteger(v) || v < ix.min || v > ix.max) errors.push(`index ${name}: maxByModel ${m}`);
  }
  const seen = new Set();
  const matchers = [];
  for (const k of cat.keys ?? []) {
    const where = `key ${k.key}`;
    if (!k.key || !k.type || !k.description) errors.push(`${where}: key/type/description required`);
    if (seen.has(k.key)) errors.push(`${where}: duplicate`);
    seen.add(k.key);
    if (!TYPES.has(k.type)) errors.push(`${where}: unknown type ${k.type}`);
    if (/\bTODO\b/i.test(k.description ?? '')) errors.push(`${where}: TODO description`);
    if (k.type === 'enum' && !(k.values?.length > 0)) errors.push(`${where}: enum without values`);
    if (k.values) for (const v of k.values) if (typeof v.value !== 'string' || !v.label) errors.push(`${where}: bad enum value`);
    if (k.min !== undefined && k.max !== undefined && k.min > k.max) errors.push(`${where}: min > max`);
    if ((k.min !== undefined || k.max !== undefined) && k.type !== 'int') errors.push(`${where}: min/max on non-int`);
    if (k.default !== undefined && typeof k.default !== 'string') errors.push(`${where}: default must be a string`);
    if (k.type === 'enum' && k.default !== undefined && k.default !== '' && !k.values.some((v) => v.value === k.default))
      errors.push(`${where}: default not among values`);
    if (k.type === 'int' && k.default !== undefined && k.default !== '') {
      const d = Number(k.default);
      if (!Number.isInteger(d) || (k.min !== undefined && d < k.min) || (k.max !== undefined && d > k.max))
        errors.push(`${where}: default out of range`);
    }
    if (k.type === 'bool' && k.default !== undefined && ![...cat.bool.true, ...cat.bool.false].includes(k.default))
      errors.push(`${where}: default not a bool spelling`);
    const names = [];
    const re = new RegExp(
      '^' +
        k.key
          .split(/(\{\w+\})/)
          .map((part) => {
            const m = /^\{(\w+)\}$/.exec(part);
            if (!m) return escape(part);
            names.push(m[1]);
            if (!cat.indices?.[m[1]]) errors.push(`${where}: index {${m[1]}} not declared`);
            return '(\\d+)';
          })
          .join('') +
        '$',
    );
    matchers.push({ re, names });
  }
  const matches = (key) =>
    matchers.some(({ re, names }) => {
      const m = re.exec(key);
      return (
        m &&
        names.every((n, i) => {
          const v = Number(m[i + 1]);
          const ix = cat.indices[n];
          return ix && v >= ix.min && v <= ix.max;
        })
      );
    });
  // Fallback for rows whose {n} swallowed digits that belong to the name (Fanvil tr{n} = tr069):
  // the observed key, with {n} as "some digits", matches a catalog key with its indices at their minimum.
  const samples = (cat.keys ?? []).map((k) => k.key.replace(/\{(\w+)\}/g, (_, n) => String(cat.indices?.[n]?.min ?? 1)));
  const foldedMatch = (observed) => {
    const re = new RegExp('^' + observed.split('{n}').map(escape).join('\\d+') + '$');
    return samples.some((s) => re.test(s));
  };
  let rows = 0,
    covered = 0,
    folded = 0;
  const missing = [];
  const tsv = TSV[vendor] && join(obsDir, TSV[vendor]);
  if (tsv && existsSync(tsv)) {
    const typoPath = join(repo, 'test', 'fixtures', 'observed-typos', `${vendor}.txt`);
    const typos = new Set(
      existsSync(typoPath)
        ? readFileSync(typoPath, 'utf8')
            .split('\n')
            .filter((l) => l.trim())
            .map((l) => l.split('\t')[0])
        : [],
    );
    if (existsSync(typoPath))
      for (const l of readFileSync(typoPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim()))
        if (!l.split('\t')[1]) errors.push(`typo line without reason: ${l}`);
    for (const line of readFileSync(tsv, 'utf8').trim().split('\n').slice(1)) {
      const [key, uses] = line.split('\t');
      if (Number(uses) < 2 || typos.has(key)) continue;
      rows++;
      const concrete = key.replace(/\{n\}/g, '1');
      if (matches(concrete)) covered++;
      else if (foldedMatch(key)) {
        covered++;
        folded++;
      } else missing.push(key);
    }
  }
  for (const m of missing) errors.push(`not covered: ${m}`);
  console.log(
    `${vendor}: ${cat.keys.length} keys, ${Object.keys(cat.indices ?? {}).length} indices, coverage ${covered}/${rows}${folded ? ` (${folded} via folded digits)` : ''}${errors.length ? `, ${errors.length} problem(s)` : ', OK'}`,
  );
  for (const e of errors.slice(0, 50)) console.log('  - ' + e);
  if (errors.length) failed = true;
}
process.exit(failed ? 1 : 0);
