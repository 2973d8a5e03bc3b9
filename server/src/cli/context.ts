// What every CLI command receives: the workspace and the output streams.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { normaliseBenchFile } from '../core/bench/parse';
import { DiskFiles } from '../core/files';
import { Workspace } from '../core/workspace';
import { UsageError, type Args } from './args';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  args: Args;
  io: Io;
  root: string;
  /** The folder the command was run from (relative paths on the command line). */
  cwd: string;
  workspace: Workspace;
  /** Run as the CLI process itself (not called in-process by a test or tool): it may fork itself (serve --workers). */
  main?: boolean;
}

export interface Command {
  summary: string;
  usage: string;
  flags?: string[];
  values?: string[];
  /** Resolves to the process exit code. */
  run(ctx: CommandContext): Promise<number> | number;
}

/**
 * The workspace below `dir`. `benchFile` (the global `--bench`): the bench file, relative to the workspace
 * folder (an absolute path must lie inside it); default `bench.yaml`.
 */
export function openWorkspace(dir: string, benchFile?: string): { root: string; workspace: Workspace } {
  const root = resolve(dir);
  let bench = benchFile;
  if (bench !== undefined && isAbsolute(bench)) {
    const rel = relative(root, bench);
    if (!rel || rel.startsWith('..') || isAbsolute(rel))
      throw new UsageError(`--bench: ${bench} is not inside the workspace folder ${root}`);
    bench = rel.split(sep).join('/');
  }
  try {
    bench = normaliseBenchFile(bench);
  } catch (e) {
    throw new UsageError(`--bench: ${(e as Error).message}`);
  }
  return { root, workspace: new Workspace(new DiskFiles(root), { benchFile: bench }) };
}

export { formatProblem } from '../core/check';

/**
 * A command-line path as a workspace-relative one ('' for the root): absolute, relative to the folder the
 * command runs in, or relative to the workspace root; undefined when it lies outside the workspace.
 */
export function workspacePath(arg: string, root: string, cwd: string): string | undefined {
  const fromCwd = resolve(cwd, arg);
  const abs = isAbsolute(arg) || existsSync(fromCwd) || !existsSync(resolve(root, arg)) ? fromCwd : resolve(root, arg);
  const rel = relative(root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
