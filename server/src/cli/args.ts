// A small argument parser: positionals, --flag, --key value, --key=value.

export class UsageError extends Error {}

export interface Args {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[], spec: { flags?: string[]; values?: string[] }): Args {
  const flags = new Set(spec.flags ?? []);
  const values = new Set(spec.values ?? []);
  const out: Args = { positionals: [], options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.positionals.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('--')) { out.positionals.push(a); continue; }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (flags.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.options.set(name, true);
    } else if (values.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (eq < 0 && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      out.options.set(name, v);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}

export function opt(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
