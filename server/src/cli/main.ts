// provisioning-studio: the engine headless (render, routes, check, catalog, serve, notify, identify).
import { parseArgs, renderBudgetOption, UsageError, opt } from './args';
import { openWorkspace, type Command, type Io } from './context';
import { catalogCommand } from './commands/catalog';
import { checkCommand } from './commands/check';
import { renderCommand } from './commands/render';
import { routesCommand } from './commands/routes';
import { serveCommand } from './commands/serve';
import { notifyCommand } from './commands/notify';
import { convertCommand } from './commands/convert';
import { identifyCommand } from './commands/identify';
import { benchCommand } from './commands/bench';
import { effectiveCommand } from './commands/effective';
import { dhcpCommand } from './commands/dhcp';

export const COMMANDS: Record<string, Command> = {
  render: renderCommand,
  routes: routesCommand,
  check: checkCommand,
  catalog: catalogCommand,
  serve: serveCommand,
  notify: notifyCommand,
  convert: convertCommand,
  identify: identifyCommand,
  bench: benchCommand,
  effective: effectiveCommand,
  dhcp: dhcpCommand,
};

const GLOBAL_VALUES = ['workspace', 'bench', 'render-budget'];
const GLOBAL_FLAGS = ['help'];

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(8)} ${c.summary}`);
  return `usage: provisioning-studio <command> [options] [--workspace <dir>] [--bench <file>]\n\ncommands:\n${lines.join('\n')}\n\n--workspace <dir>  folder holding the bench file and templates/ (default: current folder)\n--bench <file>     bench file, relative to the workspace folder (default: bench.yaml)\n--render-budget <ms>  wall-clock budget of one render (default: 1000)\nRun 'provisioning-studio <command> --help' for a command's usage.\n`;
}

export async function runCli(argv: string[], io: Io, cwd = process.cwd(), main = false): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.err(`error: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    const args = parseArgs(rest, { flags: [...GLOBAL_FLAGS, ...(cmd.flags ?? [])], values: [...GLOBAL_VALUES, ...(cmd.values ?? [])] });
    if (args.options.has('help')) {
      io.out(`usage: provisioning-studio ${cmd.usage}\n`);
      return 0;
    }
    const { root, workspace } = openWorkspace(opt(args, 'workspace') ?? cwd, opt(args, 'bench'));
    workspace.renderLimits = renderBudgetOption(args);
    return await cmd.run({ args, io, root, cwd, workspace, main });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\nusage: provisioning-studio ${cmd.usage}\n`);
      return 2;
    }
    io.err(`error: ${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`) };
  runCli(process.argv.slice(2), io, process.cwd(), true).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
