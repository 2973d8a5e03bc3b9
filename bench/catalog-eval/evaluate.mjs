// Catalog evaluation with sources held out: real keys from the provisioning templates of four projects
// (bench/catalog-eval/heldout/*.tsv, made by extract.mjs), checked as the phone would read them, each project
// against a catalog that did not learn from it:
//   outside projects (Provisioner.net, Issabel): no catalog was built from them: the bundled catalog.
//   source projects (FusionPBX, Wazo): the observed-keys tables the catalogs are built from were counted from
//     them; the catalog is regenerated without that project: every catalog key matched by a key of that
//     project's templates and by no key of the other source project is removed (keys from vendor references
//     and keys no template of either project uses stay). Leave one source out.
// Per vendor and held-out project:
//   false flags  distinct held-out real keys that get a warning or an error on the key (unknown-key,
//                index-out-of-range, …): target ≤ 5 %
//   information  keys told "not in the catalog" (uncatalogued-key): not a flag, but shows coverage
//   typo recall  one seeded slip (dropped, doubled or swapped letter) of each held-out key the catalog
//                knows, still not a valid key: share reported as a warning (unknown-key): target ≥ 90 %;
//                "first" = share whose first suggestion is the original
//   legacy       files in a legacy format: how many, whether each got exactly one legacy-format information,
//                and how many of their keys got a warning
// Keys listed as mistakes of the templates (test/fixtures/observed-typos/<vendor>.txt, with {n} for any
// number) are not counted as real keys.
// evaluate(vendor, project) is used by run.mjs (the report) and test/server/core/catalog/evaluation.test.ts.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCatalog, matchKey } from '../../server/src/core/catalog/catalogs.ts';
import { checkOutput } from '../../server/src/core/catalog/check.ts';
import { FORMAT, prng, renderKeys } from '../../test/server/core/catalog/helpers.ts';
import { PROJECTS } from './extract.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FLAG = new Set(['error', 'warning']);
const KEY_CODES = new Set(['unknown-key', 'index-out-of-range', 'uncatalogued-key', 'deprecated-key', 'unsupported-model', 'wrong-file']);

const heldoutCache = new Map();
/** Rows of heldout/<vendor>.tsv: { project, form, files, path, key }. */
export function readHeldout(vendor) {
  let rows = heldoutCache.get(vendor);
  if (rows) return rows;
  const f = join(here, 'heldout', `${vendor}.tsv`);
  rows = !existsSync(f)
    ? []
    : readFileSync(f, 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => {
          const [project, form, files, path, key] = l.split('\t');
          return { project, form, files: Number(files), path, key };
        });
  heldoutCache.set(vendor, rows);
  return rows;
}

/** Projects with keys for a vendor, in PROJECTS order. */
export function projectsOf(vendor) {
  const have = new Set(readHeldout(vendor).map((r) => r.project));
  return PROJECTS.filter((p) => have.has(p.id));
}

/** A typo listed in test/fixtures/observed-typos (`{n}` = any number). */
function typoMatcher(vendor) {
  const f = join(here, '../../test/fixtures/observed-typos', `${vendor}.txt`);
  const listed = existsSync(f)
    ? readFileSync(f, 'utf8')
        .split('\n')
        .map((l) => l.split('\t')[0].trim())
        .filter((k) => k && !k.startsWith('#'))
    : [];
  const res = listed.map((t) => new RegExp('^' + t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{n\}/g, '\\d+') + '$'));
  return (key) => res.some((re) => re.test(key));
}

const reducedCache = new Map();
/**
 * The bundled catalog regenerated without `project` (a source project): keys matched by that project's keys
 * and by none of the other source projects' are removed. Returns the catalog and how many keys were removed.
 */
export function catalogWithout(vendor, project) {
  const full = getCatalog(vendor);
  const spec = PROJECTS.find((p) => p.id === project);
  if (!full || spec?.role !== 'source') return { catalog: full, removed: 0 };
  const id = `${vendor}|${project}`;
  if (reducedCache.has(id)) return reducedCache.get(id);
  const backers = new Map(); // KeyDef → Set of source projects with a key it matches
  for (const r of readHeldout(vendor)) {
    if (PROJECTS.find((p) => p.id === r.project)?.role !== 'source') continue;
    const m = matchKey(full, r.key);
    if (m) (backers.get(m.def) ?? backers.set(m.def, new Set()).get(m.def)).add(r.project);
  }
  const keys = full.keys.filter((d) => {
    const b = backers.get(d);
    return !b || [...b].some((p) => p !== project);
  });
  const out = { catalog: { ...full, keys }, removed: full.keys.length - keys.length };
  reducedCache.set(id, out);
  return out;
}

/** A legacy file holding `keys`, in the legacy form the held-out file was written in. */
function legacyFile(form, keys) {
  const attr = (k) => /^[A-Za-z_][\w.-]*$/.test(k);
  switch (form) {
    case 'yealink-ini':
      return `[ account ]\npath = /config/voip/sipAccount0.cfg\n${keys.map((k) => `${k} = `).join('\n')}\n`;
    case 'fanvil-text':
      return `<<VOIP CONFIG FILE>>Version:2.0000\n\n<GLOBAL CONFIG MODULE>\n${keys.map((k) => `${k} :`).join('\n')}\n`;
    case 'fanvil-xml': {
      const body = renderKeys(
        'fanvil',
        keys.map((k) => [k, '']).filter(([k]) => renderKeys('fanvil', [[k, '']])),
      );
      return body?.replace('<sysConf>', '<VOIP_CONFIG_FILE>').replace('</sysConf>', '</VOIP_CONFIG_FILE>');
    }
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
function problemsByKey(text, vendor, keys, catalog) {
  const ps = checkOutput(text, { format: FORMAT[vendor], vendor, catalog });
  const out = new Map();
  for (const p of ps) {
    if (!KEY_CODES.has(p.code)) continue;
    // the problem's text is the key (a snom element name without its [idx]: then the file's only key)
    let k = text.slice(p.start, p.end);
    if (!keys.has(k) && keys.size === 1) k = [...keys][0];
    if (!keys.has(k)) {
      // a Fanvil path is located at its last element name
      const tail = [...keys].filter((x) => x.endsWith(`.${k}`) || x.endsWith(`.${k}]`));
      if (tail.length !== 1) continue;
      k = tail[0];
    }
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

export function evaluate(vendor, project, showMisses) {
  const { catalog, removed } = catalogWithout(vendor, project);
  const rows = readHeldout(vendor).filter((r) => r.project === project);
  const r = {
    vendor,
    project,
    role: PROJECTS.find((p) => p.id === project)?.role,
    catalogKeys: catalog?.keys.length ?? 0,
    removed,
    keys: 0,
    mistakes: 0,
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
  const isTypo = typoMatcher(vendor);
  const show = showMisses === vendor;
  // legacy files, one by one
  const byPath = new Map();
  for (const row of rows) if (row.form !== 'current') (byPath.get(row.path) ?? byPath.set(row.path, []).get(row.path)).push(row);
  for (const [path, list] of byPath) {
    const keys = [...new Set(list.map((x) => x.key))].filter((k) => !isTypo(k));
    const text = legacyFile(list[0].form, keys);
    if (!text) continue;
    const { ps, out } = problemsByKey(text, vendor, new Set(keys), catalog);
    r.legacyFiles++;
    r.legacyKeys += keys.length;
    if (ps.filter((p) => p.code === 'legacy-format').length === 1) r.legacyOk++;
    for (const [k, kp] of out)
      if (kp.some((p) => FLAG.has(p.severity))) {
        r.legacyFlagged++;
        if (show) r.misses.push(`legacy flag ${k} (${path}): ${kp.map((p) => p.message).join(' | ')}`);
      }
  }
  // current-format keys, each once
  const rnd = prng(20261202);
  for (const row of rows) {
    if (row.form !== 'current') continue;
    const key = row.key;
    if (isTypo(key)) {
      r.mistakes++;
      continue;
    }
    const text = renderKeys(vendor, [[key, '']]);
    if (!text) continue;
    r.keys++;
    const kp = problemsByKey(text, vendor, new Set([key]), catalog).out.get(key) ?? [];
    if (kp.some((p) => FLAG.has(p.severity))) {
      r.flagged++;
      if (show) r.misses.push(`false flag ${key}: ${kp.map((p) => p.message).join(' | ')}`);
    } else if (kp.some((p) => p.code === 'uncatalogued-key')) r.info++;
    if (!matchKey(catalog, key)) continue;
    const typo = mutate(key, rnd);
    if (!typo || matchKey(catalog, typo)) continue;
    const tt = renderKeys(vendor, [[typo, '']]);
    if (!tt) continue;
    r.typos++;
    const tp = problemsByKey(tt, vendor, new Set([typo]), catalog).out.get(typo) ?? [];
    const warn = tp.find((p) => FLAG.has(p.severity));
    if (warn) r.caught++;
    else if (show) r.misses.push(`typo missed ${typo} (of ${key})`);
    if (warn?.suggestions?.[0] === key) r.first++;
  }
  return r;
}
