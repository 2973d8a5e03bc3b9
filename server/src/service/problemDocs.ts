// Where a diagnostic's code links to (codeDescription.href): the section of docs/problems.md named by the
// code, as a file: URI. The VSIX ships docs/problems.md beside dist/, and the language server runs as
// dist/server.js, so the document is found by walking up from this module (dist/ in the bundle, the
// source folder under tsx) to the folder holding docs/problems.md: the extension or repository root.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { problemAnchor, type ProblemCode } from '../core/problems/registry';

function findProblemsDoc(): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) {
    const f = join(dir, 'docs', 'problems.md');
    if (existsSync(f)) return f;
  }
  return resolve(__dirname, '..', 'docs', 'problems.md'); // the bundle's layout
}

/** `file:///…/docs/problems.md`, the problem reference of the installed extension. */
export const PROBLEMS_DOC_URI = pathToFileURL(findProblemsDoc()).href;

/** The link of a problem code: `<PROBLEMS_DOC_URI>#<code>`. */
export function problemHref(code: ProblemCode): string {
  return `${PROBLEMS_DOC_URI}#${problemAnchor(code)}`;
}
