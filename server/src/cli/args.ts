// Command-line arguments: Node's util.parseArgs (positionals, --flag, --key value, --key=value), with
// its errors turned into usage errors that name the option.
import { parseArgs as nodeParseArgs } from 'node:util';
import type { ServerAddress } from '../core/context';

export class UsageError extends Error {}

export interface Args {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], spec: { flags?: string[]; values?: string[] }): Args {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const f of spec.flags ?? []) options[f] = { type: 'boolean' };
  for (const v of spec.values ?? []) options[v] = { type: 'string' };
  let parsed: ReturnType<typeof nodeParseArgs>;
  try {
    parsed = nodeParseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(usageMessage(e as Error & { code?: string }, spec));
  }
  const out: Args = { positionals: parsed.positionals, options: new Map() };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string' || value === true) out.options.set(name, value);
  }
  return out;
}

/** Node's messages, in the CLI's own words: which option, and what was expected. */
function usageMessage(e: Error & { code?: string }, spec: { flags?: string[]; values?: string[] }): string {
  const name = /'(-{1,2}[^' =]+)/.exec(e.message)?.[1] ?? '';
  const bare = name.replace(/^-+/, '');
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${name}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return spec.flags?.includes(bare) ? `--${bare} takes no value` : `--${bare} needs a value`;
    default:
      return e.message;
  }
}

export function opt(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** The options `serve` and `render` share to say where phones reach the dev server. */
export const SERVER_ADDRESS_VALUES = ['host', 'port', 'url'];

/** `--host`, `--port`, `--url` as a server address (undefined members: the bench decides). */
export function serverAddressOption(args: Args): ServerAddress {
  const portText = opt(args, 'port');
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (!/^\d+$/.test(portText!) || port > 65535)) throw new UsageError(`--port: '${portText}' is not a port number`);
  const url = opt(args, 'url');
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) throw new UsageError(`--url: '${url}' is not an http(s) URL`);
  }
  return { host: opt(args, 'host'), port, url };
}

/** `--render-budget <ms>`: the wall-clock budget of one render (default: the engine's, 1 s). */
export function renderBudgetOption(args: Args): { maxMs?: number } {
  const text = opt(args, 'render-budget');
  if (text === undefined) return {};
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms < 1 || ms > 600_000)
    throw new UsageError(`--render-budget: '${text}' is not a number of milliseconds (1 to 600000)`);
  return { maxMs: ms };
}
