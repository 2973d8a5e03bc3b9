// Writes docs/problems.md and the provisioningStudio.problems setting in package.json from the problem
// registry (`npm run docs:problems`). With --check it writes nothing and exits 1 when either differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemsMarkdown, problemsSettingSchema } from '../server/src/core/problems/doc';

const SETTING = 'provisioningStudio.problems';
const check = process.argv.includes('--check');
const read = (f: string) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return '';
  }
};

const docFile = join(__dirname, '..', 'docs', 'problems.md');
const pkgFile = join(__dirname, '..', 'package.json');
const pkgText = read(pkgFile);
const pkg = JSON.parse(pkgText) as { contributes: { configuration: { properties: Record<string, unknown> } } };
pkg.contributes.configuration.properties[SETTING] = problemsSettingSchema();
const outputs: [string, string, string][] = [
  [docFile, read(docFile), problemsMarkdown()],
  [pkgFile, pkgText, `${JSON.stringify(pkg, null, 2)}\n`],
];
let stale = 0;
for (const [file, old, text] of outputs) {
  if (old === text) continue;
  if (check) {
    console.error(`${file} is out of date: run npm run docs:problems`);
    stale++;
    continue;
  }
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
process.exit(stale ? 1 : 0);
