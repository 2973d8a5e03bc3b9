// Extracts the Poly UC Software parameter table (ucs-config-templates.tsv: key, default, file) from the
// configuration templates Poly ships in the UC Software distribution (Config/*.cfg, "Generated <name>.cfg
// Configuration File", every parameter of the release with its default), as republished in
// https://github.com/openspork/pp (commit c85ccdf, folder configs/). Names and defaults only.
// Usage: node scripts/catalog-sources/poly/extract.mjs [path/to/openspork+pp/repo]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const git = process.argv[2] ?? '/work/.mirror/openspork+pp/repo';
const COMMIT = 'c85ccdf';
const files = execFileSync('git', ['-C', git, 'ls-tree', '--name-only', COMMIT, 'configs/'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f.endsWith('.cfg'));
const rows = new Map();
for (const f of files) {
  const text = execFileSync('git', ['-C', git, 'show', `${COMMIT}:${f}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (!/<!-- Generated [\w.-]+ Configuration File -->/.test(text)) continue; // only Poly's generated templates
  for (const tag of text.matchAll(/<[A-Za-z][^<>]*>/g))
    for (const a of tag[0].matchAll(/\s([A-Za-z][\w.-]*)="([^"]*)"/g)) {
      if (a[1].startsWith('xmlns') || a[1].includes(':')) continue;
      if (!rows.has(a[1])) rows.set(a[1], [a[2], f.replace(/^configs\//, '')]);
    }
}
const out = [...rows].sort(([a], [b]) => a.localeCompare(b)).map(([k, [d, f]]) => `${k}\t${d}\t${f}`);
writeFileSync(join(here, 'ucs-config-templates.tsv'), `key\tdefault\tfile\n${out.join('\n')}\n`);
console.log(`${out.length} parameters from ${files.length} files`);
