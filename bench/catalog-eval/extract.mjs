// Extracts the evaluation keys (key names only, no template text) from the provisioning templates of four
// public projects into bench/catalog-eval/heldout/<vendor>.tsv:
//   project <TAB> form <TAB> files <TAB> path <TAB> key
// `project` is an id of PROJECTS (repository and commit there); `form` is `current` or the legacy format a file
// is written in (the ids of server/src/core/catalog/legacy.ts); current-format keys are listed once per project
// (`files`: how many of its files have the key, `path` empty), keys of legacy files once per file (`path` in the
// repository, `files` 1);
// `key` is the key in our catalog notation, template expressions inside it replaced by 1
// (`account.{$line}.label` → `account.1.label`).
//
// Two roles (PROJECTS below):
//   outside  templates no catalog was built from (FreePBX's Provisioner.net library, Issabel's endpoint
//            configurator): the full catalogs are evaluated on them.
//   source   the projects the observed-keys tables (../shared/data/observed-keys) were counted from (FusionPBX,
//            Wazo provd plugins): evaluate.mjs removes from the catalog every key only that project backs and
//            evaluates the reduced catalog on that project's keys (leave one source out).
// Usage: node bench/catalog-eval/extract.mjs [mirror-dir]   (default /work/.mirror: git directories owner+repo/repo)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const mirrors = process.argv[2] ?? process.env.PROVISIONING_MIRRORS ?? '/work/.mirror';

export const PROJECTS = [
  { id: 'provisioner', role: 'outside', repo: 'provisioner/Provisioner', commit: '573c129b', dir: 'endpoint' },
  {
    id: 'issabel',
    role: 'outside',
    repo: 'IssabelFoundation/endpointconfig2',
    commit: 'cd6040d',
    dir: 'setup/usr/share/issabel/endpoint-classes/tpl',
  },
  { id: 'fusionpbx', role: 'source', repo: 'fusionpbx/fusionpbx', commit: 'c7a00dcb3e', dir: 'resources/templates/provision' },
  { id: 'wazo', role: 'source', repo: 'wazo-platform/wazo-provd-plugins', commit: '2321a3f3', dir: 'plugins' },
];

/** Which vendor a file is, by its path; undefined = not evaluated. */
export function classify(path) {
  const p = path.toLowerCase();
  const base = p.split('/').pop();
  if (
    /\.(json|php|wav|jpg|png|gif|bmp|ld|sig|bin|log|dat|py|ini|txt|md)$/.test(p) ||
    /localization|contacts\/|languages\/|dictionary|directory|phonebook/.test(p)
  )
    return;
  // Provisioner.net and Issabel
  if (/endpoint\/yealink/.test(p) || /^yealink_local_(sip|reference)/.test(base)) return /\.cfg$|\.tpl$/.test(p) ? 'yealink' : undefined;
  if (/endpoint\/polycom/.test(p) || /^polycom_(global|local)_(sip|reg|server|header)/.test(base)) return 'poly';
  if (/endpoint\/cisco\/(spa|spa5xx|linksysata)\/spa\$mac\.xml/.test(p) || /^(cisco|linksys)_local_spa/.test(base)) return 'cisco';
  if (/endpoint\/grandstream\/.*\.xml$/.test(p)) return 'grandstream';
  if (/endpoint\/snom\/.*\.(htm|xml)$/.test(p) || /^snom_(global|local)_3xx/.test(base)) return /firmware/.test(p) ? undefined : 'snom';
  if (/^fanvil_/.test(base)) return 'fanvil';
  // FusionPBX: resources/templates/provision/<vendor>/<model>/<file>
  const f = /^resources\/templates\/provision\/([^/]+)\//.exec(p)?.[1];
  if (f === 'yealink') return /\.(cfg|boot)$/.test(p) ? 'yealink' : undefined;
  if (f === 'polycom' || f === 'poly') return /\.(cfg|xml)$/.test(p) ? 'poly' : undefined;
  if (f === 'cisco' || f === 'linksys') return /\.(cfg|xml)$/.test(p) ? 'cisco' : undefined; // only <flat-profile> files yield keys
  if (f === 'grandstream') return /\.xml$/.test(p) ? 'grandstream' : undefined;
  if (f === 'snom') return /\.(xml|htm|cfg)$/.test(p) ? 'snom' : undefined;
  if (f === 'fanvil') return /\.(cfg|xml)$/.test(p) ? 'fanvil' : undefined;
  // Wazo: plugins/wazo_<vendor>/<version>/templates/…
  const w = /^plugins\/wazo_([a-z_]+)\/.*\/templates\/.*\.tpl$/.exec(p)?.[1];
  if (w === 'yealink') return 'yealink';
  if (w === 'polycom') return 'poly';
  if (w === 'cisco_spa' || w === 'cisco_sip') return 'cisco';
  if (w === 'grandstream') return 'grandstream';
  if (w === 'snom') return 'snom';
  if (w === 'fanvil') return 'fanvil';
  return undefined;
}

// Template syntax of the four projects, neutralised before keys are read: expressions become 1 (Provisioner
// `{$x}` `{$x|d}` `{loop_x}`, FusionPBX Smarty `{$x}` `{substr($mac, -6)}`, Issabel and Wazo `{{x}}`); control
// tags go (Smarty `{if …}` `{else}` `{/if}` `{foreach …}`, Jinja `{% … %}`, `{# … #}`).
const CONTROL =
  /\{%[^]*?%\}|\{#[^]*?#\}|\{\/?(?:if|elseif|else|foreach|foreachelse|for|section|assign|literal|strip|capture|while)\b[^{}]*\}/g;
const EXPR = /\{\{[^}]*\}\}|\{\$[^}]*\}|\{[a-z_]+\([^{}]*\)\}|\{(?:line_loop|loop_[\w]+|\/[\w]+)[^}]*\}/g;
const neutral = (s) => s.replace(CONTROL, '').replace(EXPR, '1');
const KEY = /^[A-Za-z_][\w.\-[\]]*$/;
const noComments = (text) => text.replace(/<!--[^]*?-->/g, '');

function yealinkKeys(text) {
  const body = neutral(text);
  const form = /^[ \t]*\[[ \t]*[A-Za-z][^\]\n]*\][ \t]*$/m.test(body) ? 'yealink-ini' : 'current';
  const keys = [];
  for (const line of body.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#') || t.startsWith('[') || t.startsWith('{')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const k = t.slice(0, eq).trim();
    if (KEY.test(k) && !/^include:/.test(k)) keys.push(k);
  }
  return { form, keys };
}

function rootOf(text) {
  const m = /<(?!\?|!)([A-Za-z_][\w.:-]*)/.exec(noComments(text));
  return m?.[1];
}

function polyKeys(text) {
  const root = rootOf(text);
  const form = ['config', 'sip', 'phone1', 'localcfg'].includes(root) ? 'poly-config' : 'current';
  const keys = [];
  const body = neutral(noComments(text));
  for (const tag of body.matchAll(/<[A-Za-z][^<>]*>/g))
    for (const a of tag[0].matchAll(/\s([A-Za-z_][\w.]*)\s*=\s*"/g))
      if (a[1] !== 'version' && a[1] !== 'encoding' && a[1] !== 'standalone') keys.push(a[1]);
  return { form, keys };
}

function ciscoKeys(text) {
  const body = neutral(noComments(text));
  const fp = /<flat-profile[^>]*>([^]*)<\/flat-profile>/.exec(body);
  const keys = [...(fp?.[1] ?? '').matchAll(/<([A-Za-z_][\w]*)[\s>/]/g)].map((m) => m[1]);
  return { form: 'current', keys };
}

function grandstreamKeys(text) {
  const body = neutral(noComments(text));
  const keys = [];
  for (const m of body.matchAll(/<item\s+name="([^"]+)"/g)) keys.push(m[1]);
  for (const m of body.matchAll(/<(P\d+)>/g)) keys.push(m[1]);
  return { form: 'current', keys };
}

function snomKeys(text) {
  const body = noComments(text);
  const root = rootOf(body);
  if (!root || root === 'html' || root === 'pre') {
    const keys = [];
    for (const m of body.matchAll(/^[ \t]*([A-Za-z_][\w{}$]*)[!$&]?[ \t]*:/gm)) keys.push(neutral(m[1]).replace(/1$/, '[1]'));
    return { form: 'snom-text', keys };
  }
  const ps = /<phone-settings[^>]*>([^]*?)<\/phone-settings>/.exec(neutral(body));
  const keys = [];
  for (const m of (ps?.[1] ?? '').matchAll(/<([A-Za-z_][\w]*)((?:\s+[\w-]+="[^"]*")*)\s*\/?>/g)) {
    const idx = /\sidx="([^"]*)"/.exec(m[2]);
    keys.push(idx ? `${m[1]}[${idx[1]}]` : m[1]);
  }
  return { form: 'current', keys };
}

/** Leaf element paths below the root (`sip.line[1].RegisterAddr`), tolerant of unbalanced tags. */
function elementPaths(body) {
  const keys = [];
  const stack = []; // { seg, name, hasChild }
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g)) {
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      const i = stack.map((s) => s.name).lastIndexOf(name);
      if (i < 0) continue;
      const el = stack[i];
      if (!el.hasChild && i > 0)
        keys.push(
          stack
            .slice(1, i + 1)
            .map((s) => s.seg)
            .join('.'),
        );
      stack.length = i;
      continue;
    }
    const idx = /\sindex\s*=\s*"([^"]*)"/.exec(attrs);
    const seg = idx ? `${name}[${idx[1].trim()}]` : name;
    if (stack.length) stack[stack.length - 1].hasChild = true;
    if (selfClose) {
      if (stack.length) keys.push([...stack.slice(1).map((s) => s.seg), seg].join('.'));
      continue;
    }
    stack.push({ seg, name, hasChild: false });
  }
  return keys;
}

function fanvilKeys(text) {
  if (text.trimStart().startsWith('<<VOIP CONFIG FILE>>')) {
    const keys = [...text.matchAll(/^([A-Za-z][\w -]*?)\s*:/gm)].map((m) => m[1].trim());
    return { form: 'fanvil-text', keys };
  }
  const body = neutral(noComments(text)).replace(/<\?[^]*?\?>/g, '');
  const root = rootOf(body);
  if (root !== 'sysConf' && root !== 'VOIP_CONFIG_FILE') return { form: 'current', keys: [] };
  return { form: root === 'VOIP_CONFIG_FILE' ? 'fanvil-xml' : 'current', keys: elementPaths(body) };
}

export const EXTRACT = {
  yealink: yealinkKeys,
  poly: polyKeys,
  cisco: ciscoKeys,
  grandstream: grandstreamKeys,
  snom: snomKeys,
  fanvil: fanvilKeys,
};

function main() {
  // current-format keys: one row per project and key (`files`: in how many of its files); legacy files: one row
  // per file and key (each legacy file is evaluated as a file)
  const current = {};
  const legacy = {};
  for (const s of PROJECTS) {
    const git = join(mirrors, s.repo.replace('/', '+'), 'repo');
    const files = execFileSync('git', ['-C', git, 'ls-tree', '-r', '--name-only', s.commit, s.dir], { encoding: 'utf8' }).split('\n');
    let n = 0;
    for (const f of files) {
      const vendor = f && classify(f);
      if (!vendor) continue;
      const text = execFileSync('git', ['-C', git, 'show', `${s.commit}:${f}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const { form, keys } = EXTRACT[vendor](text);
      const distinct = [...new Set(keys)];
      if (!distinct.length) continue;
      n++;
      if (form === 'current') {
        const m = (current[vendor] ??= new Map()).get(s.id) ?? current[vendor].set(s.id, new Map()).get(s.id);
        for (const k of distinct) m.set(k, (m.get(k) ?? 0) + 1);
      } else for (const k of distinct) (legacy[vendor] ??= []).push(`${s.id}\t${form}\t1\t${f}\t${k}`);
    }
    console.log(`${s.id}: ${n} files with keys`);
  }
  mkdirSync(join(here, 'heldout'), { recursive: true });
  for (const vendor of Object.keys(EXTRACT)) {
    const list = [];
    for (const s of PROJECTS) for (const [k, files] of current[vendor]?.get(s.id) ?? []) list.push(`${s.id}\tcurrent\t${files}\t\t${k}`);
    list.push(...(legacy[vendor] ?? []));
    writeFileSync(join(here, 'heldout', `${vendor}.tsv`), `project\tform\tfiles\tpath\tkey\n${list.join('\n')}\n`);
    console.log(`${vendor}: ${list.length} rows`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
