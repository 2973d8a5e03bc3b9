// Extracts the held-out evaluation keys (key names only, no template text) from provisioning templates
// of projects none of our catalogs were built from, into bench/catalog-eval/heldout/<vendor>.tsv:
//   source <TAB> form <TAB> key
// `source` is repo@commit:path, `form` is `current` or the legacy format the file is written in (the
// ids of server/src/core/catalog/legacy.ts), `key` the key in our catalog notation, template
// expressions inside a key replaced by 1 (e.g. `account.{$line}.label` → `account.1.label`).
// Usage: node bench/catalog-eval/extract.mjs [mirror-dir]   (default /work/.mirror: `git` clones named owner+repo/repo)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const mirrors = process.argv[2] ?? process.env.PROVISIONING_MIRRORS ?? '/work/.mirror';

// Held-out sources: FreePBX's Provisioner.net library (MPL-2.0) and Issabel's endpoint configurator (GPL-2.0).
export const SOURCES = [
  { repo: 'provisioner/Provisioner', commit: '573c129b', dir: 'endpoint' },
  { repo: 'IssabelFoundation/endpointconfig2', commit: 'cd6040d', dir: 'setup/usr/share/issabel/endpoint-classes/tpl' },
];

/** Which vendor and format a held-out file is, by its path; undefined = not evaluated. */
function classify(path) {
  const p = path.toLowerCase();
  const base = p.split('/').pop();
  if (/\.(json|php|wav|jpg|png|gif|bmp|ld|sig|bin|log|dat)$/.test(p) || /localization|contacts\/|languages\/|dictionary/.test(p)) return;
  if (/endpoint\/yealink/.test(p) || /^yealink_local_(sip|reference)/.test(base)) return /\.cfg$|\.tpl$/.test(p) ? 'yealink' : undefined;
  if (/endpoint\/polycom/.test(p) || /^polycom_(global|local)_(sip|reg|server|header)/.test(base)) return 'poly';
  if (/endpoint\/cisco\/(spa|spa5xx|linksysata)\/spa\$mac\.xml/.test(p) || /^(cisco|linksys)_local_spa/.test(base)) return 'cisco';
  if (/endpoint\/grandstream\/.*\.xml$/.test(p)) return 'grandstream';
  if (/endpoint\/snom\/.*\.(htm|xml)$/.test(p) || /^snom_(global|local)_3xx/.test(base)) return /firmware/.test(p) ? undefined : 'snom';
  if (/^fanvil_/.test(base)) return 'fanvil';
  return undefined;
}

// Template expressions of the held-out projects: Provisioner `{$x}`, `{$x|d}`, `{loop_x}`; Issabel `{{x}}`.
const EXPR = /\{\{[^}]*\}\}|\{\$[^}]*\}|\{(?:line_loop|loop_[\w]+|\/[\w]+)[^}]*\}/g;
const num = (s) => s.replace(EXPR, '1');
const KEY = /^[A-Za-z_][\w.\-[\]]*$/;

function yealinkKeys(text) {
  const form = /^[ \t]*\[[ \t]*[A-Za-z][^\]\n]*\][ \t]*$/m.test(text) ? 'yealink-ini' : 'current';
  const keys = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('[') || t.startsWith('{')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const k = num(t.slice(0, eq).trim());
    if (KEY.test(k)) keys.push(k);
  }
  return { form, keys };
}

function rootOf(text) {
  const m = /<(?!\?|!)([A-Za-z_][\w.:-]*)/.exec(text.replace(/<!--[^]*?-->/g, ''));
  return m?.[1];
}

function polyKeys(text) {
  const root = rootOf(text);
  const form = ['config', 'sip', 'phone1', 'localcfg'].includes(root) ? 'poly-config' : 'current';
  const keys = [];
  const body = num(text.replace(/<!--[^]*?-->/g, ''));
  for (const tag of body.matchAll(/<[A-Za-z][^<>]*>/g))
    for (const a of tag[0].matchAll(/\s([A-Za-z_][\w.]*)\s*=\s*"/g))
      if (a[1] !== 'version' && a[1] !== 'encoding' && a[1] !== 'standalone') keys.push(a[1]);
  return { form, keys };
}

function ciscoKeys(text) {
  const body = num(text.replace(/<!--[^]*?-->/g, ''));
  const fp = /<flat-profile[^>]*>([^]*)<\/flat-profile>/.exec(body);
  const keys = [...(fp?.[1] ?? '').matchAll(/<([A-Za-z_][\w]*)[\s>/]/g)].map((m) => m[1]);
  return { form: 'current', keys };
}

function grandstreamKeys(text) {
  const body = num(text.replace(/<!--[^]*?-->/g, ''));
  const keys = [];
  for (const m of body.matchAll(/<item\s+name="([^"]+)"/g)) keys.push(m[1]);
  for (const m of body.matchAll(/<(P\d+)>/g)) keys.push(m[1]);
  return { form: 'current', keys };
}

function snomKeys(text) {
  const body = text.replace(/<!--[^]*?-->/g, '');
  const root = rootOf(body);
  if (!root || root === 'html' || root === 'pre') {
    const keys = [];
    for (const m of body.matchAll(/^[ \t]*([A-Za-z_][\w{}$]*)[!$&]?[ \t]*:/gm)) keys.push(num(m[1]).replace(/1$/, '[1]'));
    return { form: 'snom-text', keys };
  }
  const ps = /<phone-settings[^>]*>([^]*?)<\/phone-settings>/.exec(body);
  const keys = [];
  for (const m of (ps?.[1] ?? '').matchAll(/<([A-Za-z_][\w]*)((?:\s+[\w-]+="[^"]*")*)\s*\/?>/g)) {
    const idx = /\sidx="([^"]*)"/.exec(m[2]);
    keys.push(idx ? `${m[1]}[${num(idx[1])}]` : m[1]);
  }
  return { form: 'current', keys: keys.map(num) };
}

function fanvilKeys(text) {
  if (text.trimStart().startsWith('<<VOIP CONFIG FILE>>')) {
    const keys = [...text.matchAll(/^([A-Za-z][\w -]*?)\s*:/gm)].map((m) => m[1].trim());
    return { form: 'fanvil-text', keys };
  }
  return { form: rootOf(text) === 'VOIP_CONFIG_FILE' ? 'fanvil-xml' : 'current', keys: [] };
}

const EXTRACT = {
  yealink: yealinkKeys,
  poly: polyKeys,
  cisco: ciscoKeys,
  grandstream: grandstreamKeys,
  snom: snomKeys,
  fanvil: fanvilKeys,
};

function main() {
  const rows = {};
  for (const s of SOURCES) {
    const git = join(mirrors, s.repo.replace('/', '+'), 'repo');
    const files = execFileSync('git', ['-C', git, 'ls-tree', '-r', '--name-only', s.commit, s.dir], { encoding: 'utf8' }).split('\n');
    for (const f of files) {
      const vendor = f && classify(f);
      if (!vendor) continue;
      const text = execFileSync('git', ['-C', git, 'show', `${s.commit}:${f}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const { form, keys } = EXTRACT[vendor](text);
      const seen = new Set();
      for (const k of keys) {
        if (seen.has(k)) continue;
        seen.add(k);
        (rows[vendor] ??= []).push(`${s.repo}@${s.commit}:${f}\t${form}\t${k}`);
      }
    }
  }
  mkdirSync(join(here, 'heldout'), { recursive: true });
  for (const [vendor, list] of Object.entries(rows)) {
    writeFileSync(join(here, 'heldout', `${vendor}.tsv`), `source\tform\tkey\n${list.join('\n')}\n`);
    console.log(`${vendor}: ${list.length} keys`);
  }
}

main();
