// Catalog evaluation on held-out sources: real keys from provisioning templates of projects none of our
// catalogs were built from (bench/catalog-eval/heldout/*.tsv, made by extract.mjs), checked as the phone
// would read them. Per vendor:
//   false flags  held-out real keys (distinct per file) that get a warning or an error on the key
//                (unknown-key, index-out-of-range, …): targets ≤ 5 %
//   information  keys told "not in the catalog" (uncatalogued-key): not a flag, but shows coverage
//   typo recall  one seeded slip (dropped, doubled or swapped letter) of each held-out key the catalog
//                knows, still not a valid key: share reported as a warning (unknown-key): target ≥ 90 %;
//                "first" = share whose first suggestion is the original
//   legacy       files in a legacy format: how many, and whether each got exactly one legacy-format information
// evaluate(vendor) is used by run.mjs (the report) and test/server/core/catalog/evaluation.test.ts (the targets).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCatalog, matchKey } from '../../server/src/core/catalog/catalogs.ts';
import { checkOutput } from '../../server/src/core/catalog/check.ts';
import { FORMAT, prng, renderKeys } from '../../test/server/core/catalog/helpers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FLAG = new Set(['error', 'warning']);
const KEY_CODES = new Set(['unknown-key', 'index-out-of-range', 'uncatalogued-key', 'deprecated-key', 'unsupported-model', 'wrong-file']);

function readHeldout(vendor) {
  const f = join(here, 'heldout', `${vendor}.tsv`);
  if (!existsSync(f)) return [];
  return readFileSync(f, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const [source, form, key] = l.split('\t');
      return { source, form, key };
    });
}

/** A legacy file holding `keys`, in the legacy form the held-out file was written in. */
function legacyFile(form, keys) {
  const attr = (k) => /^[A-Za-z_][\w.-]*$/.test(k);
  switch (form) {
    case 'yealink-ini':
      return `[ account ]\npath = /config/voip/sipAccount0.cfg\n${keys.map((k) => `${k} = `).join('\n')}\n`;
    case 'fanvil-text':
      return `<<VOIP CONFIG FILE>>Version:2.0000\n\n<GLOBAL CONFIG MODULE>\n${keys.map((k) => `${k} :`).join('\n')}\n`;
    case 'snom-text':
      return `<html>\n<pre>\n${keys.map((k) => `${k.replace(/\[(\d+)\]$/, '$1')}: `).join('\n')}\n</pre>\n</html>\n`;
    case 'poly-config':
      return `<?xml version="1.0"?>\n<sip>\n${keys
        .filter(attr)
        .map((k) => `  <k ${k}=""/>`)
        .join('\n')}\n</sip>\n`;
  }
  return undefined;
}

/** Problems located on each key of a file: key → problems. */
function problemsByKey(text, vendor, keys) {
  const ps = checkOutput(text, { format: FORMAT[vendor], vendor });
  const out = new Map();
  for (const p of ps) {
    if (!KEY_CODES.has(p.code)) continue;
    // the problem's text is the key (a snom element name without its [idx]: then the file's only key)
    let k = text.slice(p.start, p.end);
    if (!keys.has(k) && keys.size === 1) k = [...keys][0];
    if (!keys.has(k)) continue;
    (out.get(k) ?? out.set(k, []).get(k)).push(p);
  }
  return { ps, out };
}

function mutate(key, rnd) {
  const letters = [...key].map((c, i) => (/[A-Za-z]/.test(c) ? i : -1)).filter((i) => i >= 0);
  if (!letters.length) return undefined;
  const i = letters[Math.floor(rnd() * letters.length)];
  const op = Math.floor(rnd() * 3);
  if (op === 0) return key.slice(0, i) + key.slice(i + 1);
  if (op === 1) return key.slice(0, i + 1) + key.slice(i);
  const j = i + 1 < key.length && key[i] !== key[i + 1] ? i : i - 1;
  if (j < 0 || key[j] === key[j + 1]) return undefined;
  return key.slice(0, j) + key[j + 1] + key[j] + key.slice(j + 2);
}

export function evaluate(vendor, showMisses) {
  const catalog = getCatalog(vendor);
  const rows = readHeldout(vendor);
  const r = {
    vendor,
    catalogKeys: catalog?.keys.length ?? 0,
    keys: 0,
    flagged: 0,
    info: 0,
    typos: 0,
    caught: 0,
    first: 0,
    legacyFiles: 0,
    legacyOk: 0,
    legacyKeys: 0,
    legacyFlagged: 0,
    misses: [],
  };
  if (!catalog || !rows.length) return r;
  const bySource = new Map();
  for (const row of rows) (bySource.get(row.source) ?? bySource.set(row.source, []).get(row.source)).push(row);
  const rnd = prng(20261202);
  for (const [source, list] of bySource) {
    const form = list[0].form;
    const keys = [...new Set(list.map((x) => x.key))];
    if (form !== 'current') {
      const text = legacyFile(form, keys);
      if (!text) continue;
      const { ps, out } = problemsByKey(text, vendor, new Set(keys));
      r.legacyFiles++;
      r.legacyKeys += keys.length;
      if (ps.filter((p) => p.code === 'legacy-format').length === 1) r.legacyOk++;
      for (const [k, kp] of out)
        if (kp.some((p) => FLAG.has(p.severity))) {
          r.legacyFlagged++;
          if (showMisses === vendor) r.misses.push(`legacy flag ${k} (${source})`);
        }
      continue;
    }
    for (const key of keys) {
      const text = renderKeys(vendor, [[key, '']]);
      if (!text) continue;
      r.keys++;
      const { out } = problemsByKey(text, vendor, new Set([key]));
      const kp = out.get(key) ?? [];
      if (kp.some((p) => FLAG.has(p.severity))) {
        r.flagged++;
        if (showMisses === vendor) r.misses.push(`false flag ${key}: ${kp.map((p) => p.message).join(' | ')}`);
      } else if (kp.some((p) => p.code === 'uncatalogued-key')) r.info++;
      if (!matchKey(catalog, key)) continue;
      const typo = mutate(key, rnd);
      if (!typo || matchKey(catalog, typo)) continue;
      const tt = renderKeys(vendor, [[typo, '']]);
      if (!tt) continue;
      r.typos++;
      const tp = problemsByKey(tt, vendor, new Set([typo])).out.get(typo) ?? [];
      const warn = tp.find((p) => FLAG.has(p.severity));
      if (warn) r.caught++;
      else if (showMisses === vendor) r.misses.push(`typo missed ${typo} (of ${key})`);
      if (warn?.suggestions?.[0] === key) r.first++;
    }
  }
  return r;
}
