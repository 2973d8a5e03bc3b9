// The effective configuration as text, one formatter for the CLI (`effective`) and the editor's view: the
// files in the order applied, then key | value | set by (template:line) | overrides. Secrets masked unless asked.
import { keyFilter, originOf, shownValue, type EffectiveConfig, type EffectiveKey } from './effective';

export function effectiveText(config: EffectiveConfig, opts: { showSecrets?: boolean; key?: string } = {}): string {
  const show = !!opts.showSecrets;
  const { phone } = config;
  const keys = config.keys.filter(keyFilter(opts.key));
  const out: string[] = [];
  const wins = (r: 'last' | 'first') => (r === 'last' ? 'the later' : 'the earlier');
  out.push(`${phone.name}  ${phone.vendor} ${phone.model}  ${phone.mac}\n`);
  out.push(`files, in the order applied (${wins(config.rules.acrossFiles)} file wins; in a file ${wins(config.rules.withinFile)} line):\n`);
  let n = 0;
  for (const f of config.files) {
    const status = f.status === 'ok' ? (f.role === 'list' ? '(lists the files below)' : '') : `${f.status}${f.note ? `: ${f.note}` : ''}`;
    const label = f.role === 'list' ? '-' : `${++n}.`;
    out.push(`  ${label} /${f.path}  ${f.template ?? '—'}  ${status}`.trimEnd() + '\n');
  }
  if (!config.files.length) out.push('  none: no template answers a file this phone applies\n');
  out.push('\n');
  if (!keys.length) {
    out.push(config.keys.length ? `no key matches '${opts.key}'\n` : 'no keys\n');
    return out.join('');
  }
  const rows = [['key', 'value', 'set by', 'overrides'], ...keys.map((k) => row(k, show))];
  const width = [0, 1, 2].map((c) => Math.min(60, Math.max(...rows.map((r) => r[c].length))));
  for (const r of rows) out.push(`${r.map((cell, c) => (c < 3 ? cell.padEnd(width[c]) : cell)).join('  ')}`.trimEnd() + '\n');
  const overridden = keys.filter((k) => k.overridden.some((a) => a.value !== k.value)).length;
  out.push(
    `\n${keys.length} key${keys.length === 1 ? '' : 's'}${overridden ? `, ${overridden} set to another value elsewhere (overrides)` : ''}\n`,
  );
  return out.join('');
}

/** One line per key: a line break inside a value is shown as \\n. */
const oneLine = (s: string) => s.replace(/\r?\n/g, '\\n');

function row(k: EffectiveKey, show: boolean): string[] {
  const value = oneLine(shownValue(k.value, k.secret, show));
  const overrides = k.overridden.map((a) => `${originOf(a)} = ${oneLine(shownValue(a.value, k.secret, show))}`).join('; ');
  return [k.key, value, originOf(k.setBy), overrides];
}
