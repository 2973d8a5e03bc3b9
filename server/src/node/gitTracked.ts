// Whether a workspace file is tracked by git (for bench-literal-secret, which core checks only when told so):
// `git ls-files --error-unmatch` in the workspace folder. No git, no work tree, an untracked or ignored file:
// false. `maxAgeMs` keeps answers that long (the language server asks on every bench edit; the CLI asks once).
import { execFileSync } from 'node:child_process';

const cache = new Map<string, { at: number; tracked: boolean }>();

/** How long the language server keeps an answer (it validates the bench file on every edit). */
export const GIT_ANSWER_MS = 5_000;

export function gitTracked(root: string, file: string, maxAgeMs = 0): boolean {
  const key = `${root}\0${file}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.tracked;
  let tracked: boolean;
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', '--', file], { cwd: root, stdio: 'ignore', timeout: 5_000, windowsHide: true });
    tracked = true;
  } catch {
    tracked = false;
  }
  cache.set(key, { at: Date.now(), tracked });
  return tracked;
}
