// What every CLI command receives: the workspace and the output streams.
import { resolve } from 'node:path';
import { DiskFiles } from '../core/files';
import type { Problem } from '../core/types';
import { Workspace } from '../core/workspace';
import type { Args } from './args';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  args: Args;
  io: Io;
  root: string;
  workspace: Workspace;
}

export interface Command {
  summary: string;
  usage: string;
  flags?: string[];
  values?: string[];
  /** Resolves to the process exit code. */
  run(ctx: CommandContext): Promise<number> | number;
}

export function openWorkspace(dir: string): { root: string; workspace: Workspace } {
  const root = resolve(dir);
  return { root, workspace: new Workspace(new DiskFiles(root)) };
}

export function formatProblem(p: Problem): string {
  const phones = p.phones?.length ? ` [${p.phones.length > 4 ? `${p.phones.slice(0, 4).join(', ')} and ${p.phones.length - 4} more` : p.phones.join(', ')}]` : '';
  const via = p.via ? ` (included from ${p.via.file}:${p.via.range.start.line + 1}:${p.via.range.start.character + 1})` : '';
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}${phones}${via}`;
}
