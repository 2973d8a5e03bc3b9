import { SERVER_ADDRESS_VALUES, UsageError, opt, serverAddressOption } from '../args';
import { formatProblem, workspacePath, type Command } from '../context';
import { checkTemplate, renderProblems } from '../../core/check';
import { TEMPLATES_DIR } from '../../core/workspace';

export const renderCommand: Command = {
  summary: 'print the file a phone receives, exactly as the dev server serves it',
  usage:
    'render <template> --phone <mac|name> [--host <address>] [--port <port>] [--url <base URL>]\n' +
    '       render --phone <mac|name> --path <request-path> [--host …] [--port …] [--url …]\n' +
    '  --host/--port/--url: where phones reach the dev server, as given to `serve` ({{server.url}})',
  values: ['phone', 'path', ...SERVER_ADDRESS_VALUES],
  run({ args, io, root, cwd, workspace: ws }) {
    ws.setServerAddress(serverAddressOption(args));
    const query = opt(args, 'phone');
    if (!query) throw new UsageError('--phone <mac|name> is required');
    const bench = ws.parsedBench();
    const blocking = bench.problems.filter((p) => p.severity === 'error');
    const phone = ws.findPhone(query);
    if (!phone) {
      for (const p of blocking) io.err(formatProblem(p));
      const names = ws.phones.map((p) => `${p.name} (${p.mac})`).join(', ');
      io.err(`error: no bench phone '${query}'${names ? `; bench phones: ${names}` : ''}`);
      return 2;
    }
    let template = args.positionals[0];
    const path = opt(args, 'path');
    let route;
    if (path) {
      const res = ws.resolveRequest(path.replace(/^\/+/, ''), { userAgent: undefined, phones: [phone] });
      if (!res.ok) {
        io.err(`error: ${path}: ${res.reason}${res.tried ? ` (tried ${res.tried.join(', ')})` : ''}`);
        return 2;
      }
      template = res.template;
      route = res.route;
    }
    if (!template) throw new UsageError('give a template file or --path <request-path>');
    // a path on the command line (absolute, or relative to where the command runs) names a file in the workspace
    if (!route) template = workspacePath(template, root, cwd) ?? template;
    template = template.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!template.startsWith(`${TEMPLATES_DIR}/`) && ws.files.read(template) === undefined) template = `${TEMPLATES_DIR}/${template}`;
    if (ws.files.read(template) === undefined) {
      io.err(`error: template ${template} not found`);
      return 2;
    }
    const out = ws.render(template, phone, { route });
    if (out.syntaxError) {
      for (const p of checkTemplate(ws, template)) io.err(formatProblem(p));
      return 1;
    }
    const problems = renderProblems(ws, template, phone, out).filter((p) => p.severity === 'error');
    for (const p of problems) io.err(formatProblem(p));
    if (out.failed) return 1;
    io.out(out.text);
    return 0;
  },
};
