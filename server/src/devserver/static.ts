// Static files (firmware, logos, ringtones) from folders listed in `server.static`, safe against path
// traversal: the request path is decoded once, and `..`/`.` segments, encoded dots left after decoding,
// NUL and backslashes are refused; the resolved file (symlinks followed) must stay inside its folder.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';

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

/** A parsed `Range` header: one satisfiable range, unsatisfiable, or to be ignored (answered with the whole file). */
export type RangeRequest = { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' } | { kind: 'ignore' };

/**
 * RFC 9110 §14.2: `bytes=a-b`, `a-` and `-n` (the last n bytes); `end` is clamped to the file. A syntax this
 * server does not handle (another unit, a malformed spec) is ignored; several ranges are ignored too (the
 * whole file answers them, which §14.2 allows); a range starting past the end, or `-0`, is unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'ignore' };
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return { kind: 'ignore' };
  const specs = m[1].split(',').filter((x) => x.trim());
  if (specs.length !== 1) return { kind: 'ignore' };
  const r = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(specs[0]);
  if (!r || (!r[1] && !r[2])) return { kind: 'ignore' };
  const num = (t: string) => (t.length > 15 ? Number.MAX_SAFE_INTEGER : Number(t));
  if (!r[1]) {
    const n = num(r[2]);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = num(r[1]);
  const last = r[2] ? num(r[2]) : Infinity;
  if (last < start) return { kind: 'ignore' }; // invalid: the field is ignored
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end: Math.min(last, size - 1) };
}

/**
 * Sends a static file, streamed from disk (a firmware image is never read into memory): a strong ETag from
 * size and mtime (as nginx does; firmware is large and not hashed per request), `Last-Modified`, 304 on
 * If-None-Match, HEAD, and byte ranges (`Accept-Ranges: bytes`; a single range → 206 with Content-Range, a
 * range past the end → 416 with `Content-Range: bytes *\/size`, several ranges → the whole file). A Range
 * with an If-Range naming another version (ETag or date) gets the whole file. The request's headers are
 * read from `res.req`.
 */
export function sendStatic(
  res: ServerResponse,
  file: { abs: string; size: number; mtimeMs: number },
  head: boolean,
  ifNoneMatch: string | undefined,
): { status: number; bytes: number } {
  const etag = `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const lastModified = new Date(Math.floor(file.mtimeMs / 1000) * 1000).toUTCString();
  const headers: Record<string, string | number> = {
    'Content-Type': TYPES[extname(file.abs).toLowerCase()] ?? 'application/octet-stream',
    ETag: etag,
    'Last-Modified': lastModified,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
  };
  // If-None-Match compares weakly: W/"x" matches "x"
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')) {
    res.writeHead(304, headers).end();
    return { status: 304, bytes: 0 };
  }
  const req = (res as ServerResponse & { req?: IncomingMessage }).req;
  // range handling is defined for GET only (RFC 9110 §14.2): HEAD gets the headers of the whole file
  let range: RangeRequest = head ? { kind: 'ignore' } : parseRange(headerOf(req, 'range'), file.size);
  if (range.kind !== 'ignore' && !ifRangeHolds(headerOf(req, 'if-range'), etag, lastModified, file.mtimeMs)) range = { kind: 'ignore' };
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.size}`, 'Content-Length': 0 }).end();
    return { status: 416, bytes: 0 };
  }
  const start = range.kind === 'range' ? range.start : 0;
  const end = range.kind === 'range' ? range.end : file.size - 1;
  const length = Math.max(0, end - start + 1);
  const status = range.kind === 'range' ? 206 : 200;
  res.writeHead(status, {
    ...headers,
    'Content-Length': length,
    ...(status === 206 ? { 'Content-Range': `bytes ${start}-${end}/${file.size}` } : {}),
  });
  if (head || length === 0) {
    res.end();
    return { status, bytes: 0 };
  }
  // pipeline: backpressure from the socket, and the file is closed when the client goes away
  pipeline(createReadStream(file.abs, { start, end }), res, (err) => {
    if (err) res.destroy();
  });
  return { status, bytes: length };
}

function headerOf(req: IncomingMessage | undefined, name: string): string | undefined {
  const v = req?.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * RFC 9110 §13.1.5: an entity tag must match ours strongly (a weak one never does); a date must equal our
 * Last-Modified, which must be strong, i.e. at least a second older than now. Absent: holds.
 */
function ifRangeHolds(value: string | undefined, etag: string, lastModified: string, mtimeMs: number): boolean {
  if (value === undefined) return true;
  const v = value.trim();
  if (v.startsWith('"') || v.startsWith('W/')) return v === etag;
  const date = Date.parse(v);
  return !Number.isNaN(date) && new Date(date).toUTCString() === lastModified && Date.now() - mtimeMs >= 1000;
}
