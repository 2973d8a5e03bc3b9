// The catalog browser behind `provisioning-studio catalog <vendor> [filter]`: one block per key,
// aligned columns (key, type, range/values, default), the description and notes underneath.
import { matchKey } from './catalogs';
import type { KeyCatalog, KeyDef } from './types';

const KEY_COL_MAX = 48;

/**
 * Formats a catalog as readable text. `filter` is a case-insensitive substring, or a glob (`*`, `?`)
 * matched against the whole key or alias (or anywhere in the description); a concrete key such as
 * `account.3.label` also finds its pattern.
 */
export function formatCatalog(catalog: KeyCatalog, filter?: string): string {
  const keys = filter ? catalog.keys.filter(matcher(catalog, filter.trim())) : catalog.keys;
  const head = `${catalog.vendor}: ${keys.length} of ${catalog.keys.length} keys` + (filter ? ` matching '${filter}'` : '');
  if (!keys.length) return `${head}\n`;
  const keyW = Math.min(KEY_COL_MAX, Math.max(...keys.map((k) => k.key.length)));
  const typeW = Math.max(...keys.map((k) => k.type.length));
  const rows = keys.map((k) => [k.key, k.type, constraint(k, catalog), k.default !== undefined ? `default ${show(k.default)}` : '']);
  const consW = Math.min(40, Math.max(...rows.map((r) => r[2].length)));
  const out: string[] = [head, ''];
  keys.forEach((k, i) => {
    const [key, type, cons, dflt] = rows[i];
    const keyCell = key.length > keyW ? `${key}\n${' '.repeat(keyW)}` : key.padEnd(keyW);
    out.push(`${keyCell}  ${type.padEnd(typeW)}  ${cons.padEnd(consW)}  ${dflt}`.trimEnd());
    const pad = '    ';
    out.push(pad + k.description);
    if (k.type === 'enum' && k.values?.length) out.push(pad + 'values: ' + k.values.map((v) => `${v.value} = ${v.label}`).join(' | '));
    const notes: string[] = [];
    if (k.alias) notes.push(`alias ${k.alias}`);
    if (k.file) notes.push(`file ${k.file}`);
    if (k.models?.length) notes.push(`models ${k.models.join(', ')}`);
    if (k.since) notes.push(`since firmware ${k.since}`);
    if (k.removedIn) notes.push(`renamed or removed in firmware ${k.removedIn}`);
    if (k.source) notes.push(`source ${k.source}`);
    if (notes.length) out.push(pad + notes.join('; '));
    if (k.deprecated)
      out.push(pad + `deprecated: ${k.deprecated.note}` + (k.deprecated.replacement ? ` (use ${k.deprecated.replacement})` : ''));
    out.push('');
  });
  const used = new Set(keys.flatMap((k) => [...`${k.key} ${k.alias ?? ''}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
  const idx = Object.entries(catalog.indices).filter(([name]) => used.has(name));
  if (idx.length) {
    out.push('Indices:');
    const w = Math.max(...idx.map(([n]) => n.length));
    for (const [name, d] of idx) {
      const per = d.maxByModel
        ? '  (' +
          Object.entries(d.maxByModel)
            .map(([m, x]) => `${m}: ${x}`)
            .join(', ') +
          ')'
        : '';
      out.push(`  {${name}}`.padEnd(w + 4) + `  ${d.min}–${d.max}  ${d.description}${per}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function constraint(k: KeyDef, catalog: KeyCatalog): string {
  switch (k.type) {
    case 'bool':
      return `${catalog.bool.true[0] ?? 'true'}/${catalog.bool.false[0] ?? 'false'}`;
    case 'int':
    case 'port':
      if (k.min !== undefined && k.max !== undefined) return `${k.min}–${k.max}`;
      if (k.min !== undefined) return `≥ ${k.min}`;
      if (k.max !== undefined) return `≤ ${k.max}`;
      return k.type === 'port' ? '0–65535' : '';
    case 'enum': {
      const vals = (k.values ?? []).map((v) => v.value).join('|');
      return vals.length > 40 ? vals.slice(0, 39) + '…' : vals;
    }
    case 'string':
    case 'password':
      return k.maxLength !== undefined ? `≤ ${k.maxLength} chars` : k.pattern ? `/${k.pattern}/` : '';
    case 'list':
      return `sep '${k.separator ?? ','}'`;
    default:
      return '';
  }
}

const show = (v: string) => (v === '' ? '""' : /\s/.test(v) ? JSON.stringify(v) : v);

function matcher(catalog: KeyCatalog, filter: string): (k: KeyDef) => boolean {
  const f = filter.toLowerCase();
  if (/[*?]/.test(filter)) {
    const body = f
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    const whole = new RegExp(`^${body}$`, 'i');
    const part = new RegExp(body, 'i');
    const concrete = (k: KeyDef) => [k.key, k.alias ?? ''].some((s) => whole.test(s.replace(/\{\w+\}/g, '1')));
    return (k) => whole.test(k.key) || (!!k.alias && whole.test(k.alias)) || concrete(k) || part.test(k.description);
  }
  const hit = matchKey(catalog, filter)?.def;
  return (k) =>
    k === hit || k.key.toLowerCase().includes(f) || !!k.alias?.toLowerCase().includes(f) || k.description.toLowerCase().includes(f);
}
