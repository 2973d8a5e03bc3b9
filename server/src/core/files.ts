// How the core reads workspace files. The runtime supplies it: the file system for the CLI and the dev
// server, the file system overlaid with unsaved editor buffers for the language server.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface FileSource {
  /** Text of a workspace-relative file (forward slashes), or undefined when absent. */
  read(path: string): string | undefined;
  /** Workspace-relative paths of files below a folder, recursively. */
  list(dir: string): string[];
}

/** Reads from disk, re-reading a file only when its modification time or size changed. */
export class DiskFiles implements FileSource {
  private cache = new Map<string, { mtime: number; size: number; text: string }>();
  constructor(readonly root: string) {}

  read(path: string): string | undefined {
    const abs = join(this.root, path);
    try {
      // throwIfNoEntry: a missing file is the common case (model override templates), and a thrown ENOENT costs ~4x a stat
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st?.isFile()) return undefined;
      const hit = this.cache.get(path);
      if (hit && hit.mtime === st.mtimeMs && hit.size === st.size) return hit.text;
      const text = readFileSync(abs, 'utf8');
      this.cache.set(path, { mtime: st.mtimeMs, size: st.size, text });
      return text;
    } catch {
      return undefined;
    }
  }

  list(dir: string): string[] {
    const out: string[] = [];
    const walk = (abs: string, depth: number) => {
      if (depth > 8) return;
      let names: string[];
      try { names = readdirSync(abs); } catch { return; }
      for (const n of names) {
        if (n.startsWith('.') || n === 'node_modules') continue;
        const p = join(abs, n);
        let st;
        try { st = statSync(p); } catch { continue; }
        if (st.isDirectory()) walk(p, depth + 1);
        else out.push(relative(this.root, p).split(sep).join('/'));
      }
    };
    walk(join(this.root, dir), 0);
    return out.sort();
  }
}

/** Unsaved buffers over another source (the language server's open documents). */
export class OverlayFiles implements FileSource {
  readonly overlay = new Map<string, string>();
  constructor(private base: FileSource) {}
  read(path: string): string | undefined { return this.overlay.get(path) ?? this.base.read(path); }
  list(dir: string): string[] {
    const set = new Set(this.base.list(dir));
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    for (const k of this.overlay.keys()) if (k.startsWith(prefix)) set.add(k);
    return [...set].sort();
  }
}

/** In-memory files, for tests and benchmarks. */
export class MemoryFiles implements FileSource {
  constructor(readonly files: Map<string, string> = new Map()) {}
  read(path: string): string | undefined { return this.files.get(path); }
  list(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return [...this.files.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
