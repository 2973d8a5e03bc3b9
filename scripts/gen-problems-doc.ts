// Writes docs/problems.md from the problem registry (`npm run docs:problems`). With --check it writes
// nothing and exits 1 when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemsMarkdown } from '../server/src/core/problems/doc';

const file = join(__dirname, '..', 'docs', 'problems.md');
const text = problemsMarkdown();
if (process.argv.includes('--check')) {
  let old = '';
  try { old = readFileSync(file, 'utf8'); } catch { /* missing: differs */ }
  if (old !== text) { console.error('docs/problems.md is out of date: run npm run docs:problems'); process.exit(1); }
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
