import { UsageError, opt } from '../args';
import { formatProblem, workspacePath, type Command } from '../context';
import { checkWorkspaceThreaded, defaultJobs } from '../checkThreads';
import { gitTracked } from '../../node/gitTracked';

export const checkCommand: Command = {
  summary: 'report template syntax errors, unknown data paths, helpers, partials and vendor keys, and bench file errors',
  usage: 'check [dir] [--format text|json] [--jobs N]',
  values: ['format', 'jobs'],
  async run({ args, io, root, cwd, workspace: ws }) {
    const format = opt(args, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    const jobsArg = opt(args, 'jobs');
    const jobs = jobsArg === undefined ? defaultJobs() : Number(jobsArg);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of threads ≥ 1, not '${jobsArg}'`);
    let files = ws.templateFiles();
    const arg = args.positionals[0];
    if (arg !== undefined) {
      const dir = workspacePath(arg, root, cwd);
      if (dir === undefined) throw new UsageError(`${arg} is not inside the workspace folder ${root}`);
      if (dir) files = files.filter((f) => f === dir || f.startsWith(`${dir}/`));
      if (!files.length) throw new UsageError(`no template at ${arg} (${dir || '.'} in ${root}): nothing to check`);
    }
    // the optional literal-password check: only when the bench turns it on, and only for a bench file git tracks
    const benchTracked = () => gitTracked(root, ws.benchFile);
    // --jobs: the phones are rendered on that many threads (1: this one); the result is the same
    const problems = await checkWorkspaceThreaded(ws, root, { files, benchTracked }, jobs, (line) => io.err(`${line}\n`));
    if (format === 'json') {
      io.out(
        JSON.stringify(
          problems.map((p) => ({
            file: p.file,
            range: p.range,
            severity: p.severity,
            code: p.code,
            message: p.message,
            ...(p.suggestions ? { suggestions: p.suggestions } : {}),
            ...(p.phones ? { phones: p.phones } : {}),
            ...(p.via ? { via: p.via } : {}),
          })),
          null,
          2,
        ) + '\n',
      );
    } else {
      for (const p of problems) io.out(formatProblem(p) + '\n');
      const errors = problems.filter((p) => p.severity === 'error').length;
      io.err(
        `${files.length} template${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} other\n`,
      );
    }
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
};
