import { UsageError, opt } from '../args';
import { formatProblem, type Command } from '../context';
import { effectiveConfig, effectiveView } from '../../core/effective';
import { effectiveText } from '../../core/effectiveText';

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
    const failed = config.files.filter((f) => f.status === 'render failed');
    const code = failed.length ? 1 : 0;

    if (format === 'json') {
      io.out(`${JSON.stringify(effectiveView(config, { showSecrets: show, key: opt(args, 'key') }), null, 2)}\n`);
      return code;
    }

    io.out(effectiveText(config, { showSecrets: show, key: opt(args, 'key') }));
    return code;
  },
};
