// Static files (firmware, logos, ringtones) from folders listed in `server.static`, safe against path
// traversal: the request path is decoded once, and `..`/`.` segments, encoded dots left after decoding,
// NUL and backslashes are refused; the resolved file (symlinks followed) must stay inside its folder.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, resolve, sep } from 'node:path';

export interface StaticMount {
  path: string;
  dir: string;
}

export type StaticLookup =
  { kind: 'file'; abs: string; size: number; mtimeMs: number } | { kind: 'missing' } | { kind: 'forbidden'; reason: string };

/** The mount prefix a request path falls under, normalised (`/firmware`), or undefined. */
export function findMount(mounts: StaticMount[] | undefined, path: string): { mount: StaticMount; rest: string } | undefined {
  for (const m of mounts ?? []) {
    const prefix = `/${String(m.path).replace(/^\/+|\/+$/g, '')}`;
    if (prefix === '/') return { mount: m, rest: path.slice(1) };
    if (path === prefix || path.startsWith(`${prefix}/`)) return { mount: m, rest: path.slice(prefix.length + 1) };
  }
  return undefined;
}

/** Is a decoded request path safe to map onto a folder? */
export function unsafePath(path: string): string | undefined {
  if (path.includes('\0')) return 'NUL in path';
  if (path.includes('\\')) return 'backslash in path';
  if (/%2e|%2f|%5c|%00/i.test(path)) return 'encoded dot, slash or NUL left after decoding';
  if (/(?:^|\/)\.{1,2}(?:\/|$)/.test(path)) return 'dot segment in path';
  return undefined;
}

export function lookupStatic(root: string, mount: StaticMount, rest: string): StaticLookup {
  const bad = unsafePath(rest);
  if (bad) return { kind: 'forbidden', reason: bad };
  const base = isAbsolute(mount.dir) ? mount.dir : resolve(root, mount.dir);
  const abs = resolve(base, rest);
  if (abs !== base && !abs.startsWith(base + sep)) return { kind: 'forbidden', reason: 'outside the static folder' };
  let real: string, realBase: string;
  try {
    real = realpathSync(abs);
    realBase = realpathSync(base);
  } catch {
    return { kind: 'missing' };
  }
  if (!real.startsWith(realBase + sep)) return { kind: 'forbidden', reason: 'symlink leaving the static folder' };
  const st = statSync(real, { throwIfNoEntry: false });
  if (!st?.isFile()) return { kind: 'missing' };
  return { kind: 'file', abs: real, size: st.size, mtimeMs: st.mtimeMs };
}

const TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.cfg': 'text/plain',
  '.txt': 'text/plain',
  '.htm': 'text/html',
  '.html': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.bmp': 'image/bmp',
  '.gif': 'image/gif',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.json': 'application/json',
};

/** Sends a static file: weak ETag from size and mtime (firmware is large; not hashed per request), 304, HEAD. */
export function sendStatic(
  res: ServerResponse,
  file: { abs: string; size: number; mtimeMs: number },
  head: boolean,
  ifNoneMatch: string | undefined,
): { status: number; bytes: number } {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': TYPES[extname(file.abs).toLowerCase()] ?? 'application/octet-stream',
    ETag: etag,
    'Cache-Control': 'no-store',
  };
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.slice(2) || t.trim() === '*')) {
    res.writeHead(304, headers).end();
    return { status: 304, bytes: 0 };
  }
  res.writeHead(200, { ...headers, 'Content-Length': file.size });
  if (head) {
    res.end();
    return { status: 200, bytes: 0 };
  }
  const stream = createReadStream(file.abs);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  return { status: 200, bytes: file.size };
}
