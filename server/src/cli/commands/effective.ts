import { UsageError, opt } from '../args';
import { formatProblem, type Command } from '../context';
import { effectiveConfig, effectiveView, keyFilter, originOf, shownValue, type EffectiveKey } from '../../core/effective';

export const effectiveCommand: Command = {
  summary: "a phone's effective configuration: the final value of every key and the file and template line that set it",
  usage:
    'effective --phone <mac|name> [--key <substring or glob>] [--format text|json] [--show-secrets]\n' +
    "  files in the vendor's boot order (Yealink <mac>.boot includes, Poly CONFIG_FILES, model then MAC file …);\n" +
    '  passwords and other secrets are printed as ******** unless --show-secrets',
  flags: ['show-secrets'],
  values: ['phone', 'key', 'format'],
  run({ args, io, workspace: ws }) {
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
    const query = opt(args, 'phone');
    if (!query) throw new UsageError('--phone <mac|name> is required');
    const format = opt(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    const bench = ws.parsedBench();
    const phone = ws.findPhone(query);
    if (!phone) {
      for (const p of bench.problems.filter((x) => x.severity === 'error')) io.err(formatProblem(p));
      const names = ws.phones.map((p) => `${p.name} (${p.mac})`).join(', ');
      io.err(`error: no bench phone '${query}'${names ? `; bench phones: ${names}` : ''}`);
      return 2;
    }
    const show = args.options.has('show-secrets');
    const config = effectiveConfig(ws, phone);
    const keys = config.keys.filter(keyFilter(opt(args, 'key')));
    const failed = config.files.filter((f) => f.status === 'render failed');
    const code = failed.length ? 1 : 0;

    if (format === 'json') {
      io.out(`${JSON.stringify(effectiveView(config, { showSecrets: show, key: opt(args, 'key') }), null, 2)}\n`);
      return code;
    }

    const wins = (r: 'last' | 'first') => (r === 'last' ? 'the later' : 'the earlier');
    io.out(`${phone.name}  ${phone.vendor} ${phone.model}  ${phone.mac}\n`);
    io.out(`files, in the order applied (${wins(config.rules.acrossFiles)} file wins; in a file ${wins(config.rules.withinFile)} line):\n`);
    let n = 0;
    for (const f of config.files) {
      const status = f.status === 'ok' ? (f.role === 'list' ? '(lists the files below)' : '') : `${f.status}${f.note ? `: ${f.note}` : ''}`;
      const label = f.role === 'list' ? '-' : `${++n}.`;
      io.out(`  ${label} /${f.path}  ${f.template ?? '—'}  ${status}`.trimEnd() + '\n');
    }
    if (!config.files.length) io.out('  none: no template answers a file this phone applies\n');
    io.out('\n');
    if (!keys.length) {
      io.out(config.keys.length ? `no key matches '${opt(args, 'key')}'\n` : 'no keys\n');
      return code;
    }
    const rows = [['key', 'value', 'set by', 'overrides'], ...keys.map((k) => row(k, show))];
    const width = [0, 1, 2].map((c) => Math.min(60, Math.max(...rows.map((r) => r[c].length))));
    for (const r of rows) io.out(`${r.map((cell, c) => (c < 3 ? cell.padEnd(width[c]) : cell)).join('  ')}`.trimEnd() + '\n');
    const overridden = keys.filter((k) => k.overridden.some((a) => a.value !== k.value)).length;
    io.out(
      `\n${keys.length} key${keys.length === 1 ? '' : 's'}${overridden ? `, ${overridden} set to another value elsewhere (overrides)` : ''}\n`,
    );
    return code;
  },
};

/** One line per key: a line break inside a value is shown as \\n. */
const oneLine = (s: string) => s.replace(/\r?\n/g, '\\n');

function row(k: EffectiveKey, show: boolean): string[] {
  const value = oneLine(shownValue(k.value, k.secret, show));
  const overrides = k.overridden.map((a) => `${originOf(a)} = ${oneLine(shownValue(a.value, k.secret, show))}`).join('; ');
  return [k.key, value, originOf(k.setBy), overrides];
}
