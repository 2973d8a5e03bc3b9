import { UsageError, opt } from '../args';
import type { Command } from '../context';
import { identify } from '../../core/vendors/identify';

export const identifyCommand: Command = {
  summary: 'tell vendor, model, firmware and MAC from a User-Agent (and request path), as the dev server does',
  usage: 'identify "<User-Agent>" [--path <request path>] [--format text|json]',
  values: ['path', 'format'],
  async run({ args, io }) {
    if (args.positionals.length !== 1) throw new UsageError('give one User-Agent (quote it)');
    const format = opt(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    const id = identify(args.positionals[0], opt(args, 'path'));
    if (format === 'json') io.out(`${JSON.stringify({ vendor: id.vendor, model: id.model, firmware: id.firmware, mac: id.mac })}\n`);
    else {
      const model = id.model && !id.knownModel ? `${id.model} (not in the ${id.vendor} model table)` : id.model;
      io.out(
        [
          `vendor    ${id.vendor ?? '-'}`,
          `model     ${model ?? '-'}`,
          `firmware  ${id.firmware ?? '-'}`,
          `mac       ${id.mac ?? '-'}`,
          '',
        ].join('\n'),
      );
    }
    return id.vendor ? 0 : 1;
  },
};
