// Firmware data for the Yealink catalog: a deprecated key whose note says which release renamed it
// ("name used up to firmware 80; firmware 81 and later read the static. form", from the Yealink
// administrator guides, see yealink-curated.mjs) gets `removedIn` = that release, so a phone whose bench
// entry gives a later firmware (vars.firmware_version) is told the key is ignored. Idempotent; run after
// yealink.mjs.  Usage: node scripts/catalog-gen/yealink-firmware.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server/src/core/catalog/data/yealink.json');
const catalog = JSON.parse(readFileSync(file, 'utf8'));
let n = 0;
for (const k of catalog.keys) {
  const m = k.deprecated && /up to firmware (\d+); firmware (\d+) and later/.exec(k.deprecated.note);
  if (!m) continue;
  k.removedIn = m[2];
  n++;
}
writeFileSync(file, JSON.stringify(catalog, null, 2) + '\n');
console.log(`yealink.json: removedIn set on ${n} renamed keys`);
