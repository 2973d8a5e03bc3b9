// How the core reads workspace files. The runtime supplies it: the file system for the CLI and the dev
// server, the file system overlaid with unsaved editor buffers for the language server.
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface FileSource {
  /** Text of a workspace-relative file (forward slashes), or undefined when absent. */
  read(path: string): string | undefined;
  /** Workspace-relative paths of files below a folder, recursively. */
  list(dir: string): string[];
  /**
   * Runs `fn` against one view of the files shared by every snapshot() call of the same event-loop turn
   * (DiskFiles: one stat walk per turn). Sources without it read live.
   */
  snapshot?<T>(fn: () => T): T;
  /**
   * Inside snapshot(): a number that changes whenever any file the workspace reads may have changed, so
   * anything derived from the files can be kept while it stays the same. Undefined elsewhere (no memo).
   */
  generation?(): number | undefined;
  /** Another workspace input to watch like the template folder (the bench file when it is not `bench.yaml`). */
  watch?(path: string): void;
  /** Byte offset of the first invalid UTF-8 sequence of a file read from disk (undefined when valid or unknown). */
  encodingError?(path: string): number | undefined;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1 when the whole is valid. */
export function invalidUtf8Offset(buf: Uint8Array): number {
  if (isUtf8(buf)) return -1;
  for (let i = 0; i < buf.length;) {
    const b = buf[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!n || i + n > buf.length) return i;
    for (let k = 1; k < n; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    const cp = n === 3 ? ((b & 0x0f) << 12) | ((buf[i + 1] & 0x3f) << 6) : n === 4 ? ((b & 0x07) << 18) | ((buf[i + 1] & 0x3f) << 12) : 0;
    if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) return i;
    i += n;
  }
  return -1;
}

/** A file modified less than this long before it was read may change again without changing mtime or size. */
const RACY_MS = 2000;
/** How deep list() and the snapshot walk descend (a guard against symlink loops). */
const MAX_DEPTH = 8;
/** Folder listings kept by the walk (a bound; the workspace has far fewer). */
const MAX_DIRS = 10_000;

interface Cached {
  mtime: number;
  ctime: number;
  size: number;
  ino: number;
  text: string;
  trusted: boolean;
  turn?: Turn;
  badByte?: number;
}
interface Turn {
  gen: number;
  stats: Map<string, Stats | null>;
  files: string[];
}

const sameFile = (c: Cached, st: Stats) => c.mtime === st.mtimeMs && c.ctime === st.ctimeMs && c.size === st.size && c.ino === st.ino;

/**
 * Reads from disk, re-reading a file only when its stat (mtime, ctime, size, inode) changed, or when it
 * was modified within RACY_MS of the read that cached it (a second write in the same timestamp tick).
 *
 * snapshot(): the first call of an event-loop turn walks the watched inputs (`templates/` and
 * `bench.yaml`) once; reads and listings below them in that turn come from the walk (no syscalls), and
 * generation() changes when the walk's (path, mtime, ctime, size, inode) list changes, when a watched file
 * is racy, or when the turn read a file the walk does not cover. The view ends with the turn
 * (setImmediate, after the poll phase that delivered the requests), so a request that arrives after a
 * write has completed sees it. Call it after the requests it serves were read: the dev server calls it
 * from the check phase for the batch of requests read in the poll phase (from a request handler itself,
 * after 1024 ready events libuv polls again within the same phase, so a request could share the view of
 * requests polled before it).
 */
export class DiskFiles implements FileSource {
  private cache = new Map<string, Cached>();
  private dirs = new Map<string, { mtime: number; ctime: number; ino: number; names: string[]; trusted: boolean }>();
  private turn?: Turn;
  private depth = 0;
  private gen = 0;
  private lastSig = '';
  private bumpNext = true;

  private readonly watched: string[];
  private readonly racyMs: number;
  /**
   * Live-edit integrity (the dev server sets it): a file modified less than `quietMs` ago, or whose stat
   * changes across the read, may still be being written (editors and tools that write in chunks); read()
   * then returns the last version that was stable until it settles (a file never seen stable: what is there).
   */
  quietMs = 0;
  private stable = new Map<string, string>();

  /** `watched`: the inputs snapshot() walks (the template folder and the bench file); `racyMs` for tests. */
  constructor(
    readonly root: string,
    opts: { watched?: string[]; racyMs?: number } = {},
  ) {
    this.watched = opts.watched ?? ['templates', 'bench.yaml'];
    this.racyMs = opts.racyMs ?? RACY_MS;
  }

  read(path: string): string | undefined {
    try {
      const st = this.stat(path);
      if (!st?.isFile()) return undefined;
      const hit = this.cache.get(path);
      const turn = this.depth ? this.turn : undefined;
      if (hit && sameFile(hit, st) && (hit.trusted || (turn && hit.turn === turn))) return hit.text;
      const readAt = Date.now();
      const full = join(this.root, path);
      const bytes = readFileSync(full);
      const settling = this.quietMs > 0 && this.settling(full, st, bytes.length, readAt);
      if (settling && this.stable.has(path)) return this.stable.get(path);
      const text = bytes.toString('utf8');
      if (this.quietMs && !settling) this.stable.set(path, text);
      const bad = text.includes('\ufffd') ? invalidUtf8Offset(bytes) : -1; // U+FFFD: written as such, or a decoding failure
      const trusted = Math.max(st.mtimeMs, st.ctimeMs) < readAt - Math.max(this.racyMs, this.quietMs);
      this.cache.set(path, {
        mtime: st.mtimeMs,
        ctime: st.ctimeMs,
        size: st.size,
        ino: st.ino,
        text,
        trusted,
        turn,
        badByte: bad < 0 ? undefined : bad,
      });
      return text;
    } catch {
      return undefined;
    }
  }

  /** Whether a file just read may still be being written: changed across the read, or too recently. */
  private settling(full: string, before: Stats, bytesRead: number, readAt: number): boolean {
    let after: Stats;
    try {
      after = statSync(full);
    } catch {
      return true;
    }
    if (!sameFile({ mtime: before.mtimeMs, ctime: before.ctimeMs, size: before.size, ino: before.ino } as Cached, after)) return true;
    return bytesRead !== after.size || Math.max(after.mtimeMs, after.ctimeMs) > readAt - this.quietMs;
  }

  encodingError(path: string): number | undefined {
    return this.read(path) === undefined ? undefined : this.cache.get(path)?.badByte;
  }

  list(dir: string): string[] {
    const turn = this.depth ? this.turn : undefined;
    if (turn && this.walkable(dir)) {
      const prefix = `${dir.replace(/\/+$/, '')}/`;
      const levels = prefix.split('/').length - 1 + MAX_DEPTH;
      return turn.files.filter((f) => f.startsWith(prefix) && f.split('/').length <= levels + 1);
    }
    if (turn) this.bumpNext = true; // not covered by the walk: derived data must not outlive this turn
    return this.walk(dir, false)
      .map(([p]) => p)
      .sort();
  }

  watch(path: string): void {
    if (this.watched.some((w) => path === w || path.startsWith(`${w}/`))) return;
    this.watched.push(path);
    this.turn = undefined;
    this.bumpNext = true;
  }

  snapshot<T>(fn: () => T): T {
    if (!this.turn) this.startTurn();
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  generation(): number | undefined {
    return this.depth && this.turn ? this.turn.gen : undefined;
  }

  /** Ends the current turn's view now (the next snapshot() walks again). */
  invalidate(): void {
    this.turn = undefined;
  }

  private startTurn(): void {
    const now = Date.now();
    const stats = new Map<string, Stats | null>();
    const files: string[] = [];
    let racy = false;
    let sig = '';
    for (const w of this.watched) {
      for (const [p, st] of this.walk(w, true)) {
        stats.set(p, st);
        files.push(p);
        if (Math.max(st.mtimeMs, st.ctimeMs) > now - Math.max(this.racyMs, this.quietMs)) racy = true;
      }
    }
    files.sort();
    for (const p of files) {
      const st = stats.get(p)!;
      sig += `${p}\0${st.mtimeMs}\0${st.ctimeMs}\0${st.size}\0${st.ino}\n`;
    }
    if (sig !== this.lastSig || this.bumpNext) this.gen++;
    this.lastSig = sig;
    this.bumpNext = racy;
    const turn: Turn = { gen: this.gen, stats, files };
    this.turn = turn;
    setImmediate(() => {
      if (this.turn === turn) this.turn = undefined;
    });
  }

  /** A path the snapshot walk would have found if it existed. */
  private walkable(path: string): boolean {
    const parts = path.replace(/\/+$/, '').split('/');
    const top = this.watched.find((w) => path === w || path.startsWith(`${w}/`));
    return (
      !!top && parts.length <= top.split('/').length + MAX_DEPTH + 1 && parts.every((s) => s && !s.startsWith('.') && s !== 'node_modules')
    );
  }

  private stat(path: string): Stats | undefined {
    const turn = this.depth ? this.turn : undefined;
    const known = turn?.stats.get(path);
    if (known !== undefined) return known ?? undefined;
    // throwIfNoEntry: a missing file is the common case (model override templates), and a thrown ENOENT costs ~4x a stat
    const st = statSync(join(this.root, path), { throwIfNoEntry: false });
    if (turn) {
      turn.stats.set(path, st ?? null);
      if (st || !this.walkable(path)) this.bumpNext = true; // the walk missed it (case-insensitive name, outside the watched inputs)
    }
    return st;
  }

  /**
   * A folder's entries, re-read only when its stat (mtime, ctime, inode) changed or it changed within the
   * racy window: an entry added, removed or renamed changes the folder's mtime, so the snapshot walk of
   * every event-loop turn costs a stat per folder, not an open/getdents/close (the dev server's hot path).
   */
  private entries(abs: string, st: Stats): string[] {
    const c = this.dirs.get(abs);
    if (c?.trusted && c.mtime === st.mtimeMs && c.ctime === st.ctimeMs && c.ino === st.ino) return c.names;
    const readAt = Date.now();
    const names = readdirSync(abs);
    if (this.dirs.size >= MAX_DIRS) this.dirs.clear();
    const trusted = Math.max(st.mtimeMs, st.ctimeMs) < readAt - this.racyMs;
    this.dirs.set(abs, { mtime: st.mtimeMs, ctime: st.ctimeMs, ino: st.ino, names, trusted });
    return names;
  }

  /** Files below `dir` with their stats (`dir` itself when it is a file and `self`). */
  private walk(dir: string, self: boolean): [string, Stats][] {
    const out: [string, Stats][] = [];
    const visit = (abs: string, dirStat: Stats, depth: number) => {
      if (depth > MAX_DEPTH) return;
      let names: string[];
      try {
        names = this.entries(abs, dirStat);
      } catch {
        return;
      }
      for (const n of names) {
        if (n.startsWith('.') || n === 'node_modules') continue;
        const p = join(abs, n);
        let st;
        try {
          st = statSync(p);
        } catch {
          continue;
        }
        if (st.isDirectory()) visit(p, st, depth + 1);
        else out.push([relative(this.root, p).split(sep).join('/'), st]);
      }
    };
    const abs = join(this.root, dir);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (st?.isDirectory()) visit(abs, st, 0);
    else if (st && self) out.push([relative(this.root, abs).split(sep).join('/'), st]);
    return out;
  }
}

/** `fn` under one view of the files when the source has one (DiskFiles.snapshot), else reading live. */
export function inSnapshot<T>(files: FileSource, fn: () => T): T {
  return files.snapshot ? files.snapshot(fn) : fn();
}

/** Unsaved buffers over another source (the language server's open documents). */
export class OverlayFiles implements FileSource {
  readonly overlay = new Map<string, string>();
  constructor(private base: FileSource) {}
  read(path: string): string | undefined {
    return this.overlay.get(path) ?? this.base.read(path);
  }
  watch(path: string): void {
    this.base.watch?.(path);
  }
  encodingError(path: string): number | undefined {
    return this.overlay.has(path) ? undefined : this.base.encodingError?.(path);
  }
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
  read(path: string): string | undefined {
    return this.files.get(path);
  }
  list(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return [...this.files.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
