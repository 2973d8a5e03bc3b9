// Test helpers: in-memory and temporary workspaces, and the repository's example workspace.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DiskFiles, MemoryFiles } from '../../server/src/core/files';
import { Workspace } from '../../server/src/core/workspace';
import { runCli } from '../../server/src/cli/main';

export const REPO = resolve(__dirname, '../..');

export function memoryWorkspace(files: Record<string, string>): Workspace {
  return new Workspace(new MemoryFiles(new Map(Object.entries(files))));
}

export function exampleWorkspace(): Workspace {
  return new Workspace(new DiskFiles(REPO));
}

/** A temporary copy of the example workspace (bench.yaml + templates/). */
export function tempExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ps-test-'));
  cpSync(join(REPO, 'bench.yaml'), join(dir, 'bench.yaml'));
  cpSync(join(REPO, 'templates'), join(dir, 'templates'), { recursive: true });
  return dir;
}

export async function cli(args: string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  let out = '',
    err = '';
  const code = await runCli(
    args,
    {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t.endsWith('\n') ? t : `${t}\n`;
      },
    },
    cwd,
  );
  return { code, out, err };
}

export const MINI_BENCH = `pbx: { host: pbx.test }
phones:
  - mac: 805e0c000001
    vendor: yealink
    model: T54W
    name: one
    lines:
      - { extension: "101", display_name: One, password: "p&ss<w>\\"rd'=1" }
    keys:
      - { type: blf, value: "102", label: Two }
  - mac: 0004f2000002
    vendor: poly
    model: VVX400
    name: two
    lines:
      - { extension: "102", password: "p&ss<w>\\"rd'=1" }
`;
