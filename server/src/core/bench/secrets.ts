// References to secrets in bench values: `password: ${env:SALES_PW}` takes the value of an environment
// variable when the bench is read, so the password never sits in the bench file (which goes into git).
// The value lives in memory only: never in a problem message, a log or a file. `$${` writes a literal `${`.
import { isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
import type { Problem } from '../types';
import { LineIndex } from '../util/text';

export type Env = Readonly<Record<string, string | undefined>>;

/** The process environment where there is one (Node front ends), else nothing. */
export function processEnv(): Env {
  const p = (globalThis as { process?: { env?: Env } }).process;
  return p?.env ?? {};
}

const REF = /\$(\$?)\{([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Found {
  /** Offset of the reference in the scalar's source text (the value's start when the scalar is quoted). */
  start: number;
  end: number;
  message: string;
}

/** What is wrong with each reference of one string value (nothing for a value without references). */
function problemsIn(value: string, env: Env): { at: number; len: number; message: string }[] {
  const out: { at: number; len: number; message: string }[] = [];
  for (const m of value.matchAll(REF)) {
    if (m[1]) continue; // $${…}: literal
    const body = m[2];
    const colon = body.indexOf(':');
    const kind = colon < 0 ? '' : body.slice(0, colon);
    const name = colon < 0 ? body : body.slice(colon + 1);
    if (kind !== 'env') {
      out.push({
        at: m.index,
        len: m[0].length,
        message: `'${m[0]}' is not a reference Provisioning Studio knows (expected \${env:NAME})`,
      });
    } else if (!NAME.test(name)) {
      out.push({ at: m.index, len: m[0].length, message: `'${m[0]}': '${name}' is not an environment variable name` });
    } else if (env[name] === undefined) {
      out.push({
        at: m.index,
        len: m[0].length,
        message: `${m[0]}: the environment variable ${name} is not set (phones using it are not served)`,
      });
    }
  }
  return out;
}

/** Located problems for the references in a bench document's values (keys are never references). */
export function referenceProblems(doc: Document, env: Env): Found[] {
  const found: Found[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string' || !node.range) return;
      if (!node.value.includes('${')) return;
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const plain = node.type === 'PLAIN' || quoted;
      for (const p of problemsIn(node.value, env)) {
        // plain and quoted scalars map value offsets onto the source (escapes aside); block scalars: the whole value
        const start = plain ? node.range[0] + (quoted ? 1 : 0) + p.at : node.range[0];
        const end = plain ? start + p.len : node.range[1];
        found.push({ start, end, message: p.message });
      }
    },
  });
  return found;
}

/** The value with every resolvable reference replaced (strings inside objects and arrays too). */
export function resolveReferences<T>(value: T, env: Env): T {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    return value.replace(REF, (all, literal: string, body: string) => {
      if (literal) return all.slice(1);
      const m = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(body);
      const v = m ? env[m[1]] : undefined;
      return v ?? all;
    }) as T;
  }
  if (Array.isArray(value)) return value.map((v) => resolveReferences(v, env)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveReferences(v, env)])) as T;
  }
  return value;
}

/** Whether a value (or anything inside it) holds a reference that does not resolve. */
export function hasUnresolved(value: unknown, env: Env): boolean {
  if (typeof value === 'string') return value.includes('${') && problemsIn(value, env).length > 0;
  if (Array.isArray(value)) return value.some((v) => hasUnresolved(v, env));
  if (value && typeof value === 'object') return Object.values(value).some((v) => hasUnresolved(v, env));
  return false;
}

/**
 * Whether the optional bench-literal-secret check is on: off unless a `problems:` mapping (the bench's, or the
 * editor's setting, first wins) gives the code a level other than `off`.
 */
export function literalSecretCheckOn(...sections: (Readonly<Record<string, string>> | undefined)[]): boolean {
  const level = sections.map((s) => s?.['bench-literal-secret']).find((l) => l !== undefined);
  return level !== undefined && level !== 'off';
}

/**
 * bench-literal-secret for a bench file's text when the check is on (see literalSecretCheckOn) and `tracked()`
 * says git tracks the file; `tracked` (the front end's git question) is asked only then.
 */
export function literalSecretsIfOn(
  text: string,
  file: string,
  tracked: (() => boolean) | undefined,
  ...sections: (Readonly<Record<string, string>> | undefined)[]
): Problem[] {
  return tracked && literalSecretCheckOn(...sections) && tracked() ? literalSecretProblems(text, file) : [];
}

/** A name ending in a secret's word: `password`, `auth_password`, `passwd`, `secret`, `admin_pin`, `sip_pw`, … */
const SECRET_SUFFIX = /(^|[_.-])(password|passwd|passwort|pass|pwd|pw|secret|pin)$/i;
/** A secret's word anywhere: `Register_Pswd`, `user_pass[1]`, `Password_1_` (not `bypass`, `passthrough`). */
const SECRET_WORD = /passw|pwd|pswd|secret|(^|[^a-z])pass([^a-z]|$)/i;

/**
 * Whether a name (a bench field, a vendor key or its alias) holds a secret: the one test for the bench check
 * (bench-literal-secret) and for masking values (the effective configuration).
 */
export function isSecretName(name: string): boolean {
  return SECRET_SUFFIX.test(name) || SECRET_WORD.test(name);
}

/**
 * `bench-literal-secret`: a password-like field of the bench whose value is written literally (no
 * `${env:NAME}` reference in it). Meant for a bench file tracked by git: the caller (the CLI, the
 * language server) decides that and calls this only then; core runs no git. Located at the value,
 * whose text is never quoted. Empty values and references (`${env:SALES_PW}`, also inside a longer
 * value) are fine.
 */
export function literalSecretProblems(text: string, file: string): Problem[] {
  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  } catch {
    return []; // the bench parse reports it
  }
  if (doc.errors.length) return [];
  const idx = new LineIndex(text);
  const out: Problem[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range) return;
      // the problems: section names codes (bench-literal-secret itself), not secrets
      if (path.some((n) => isPair(n) && isScalar(n.key) && n.key.value === 'problems')) return;
      const key = String(pair.key.value);
      if (!isSecretName(key)) return;
      const v = pair.value.value;
      if (v === null || v === undefined || v === '' || typeof v === 'boolean') return;
      if (typeof v === 'string' && /(^|[^$])\$\{env:[A-Za-z_][A-Za-z0-9_]*\}/.test(v)) return;
      out.push({
        file,
        range: idx.range(pair.value.range[0], Math.max(pair.value.range[1], pair.value.range[0] + 1)),
        severity: 'warning',
        code: 'bench-literal-secret',
        message: `'${key}' is written literally in a bench file tracked by git: use \${env:NAME} (set NAME where the bench is read)`,
      });
    },
  });
  return out;
}
