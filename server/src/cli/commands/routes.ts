import { opt } from '../args';
import { formatProblem, type Command } from '../context';

export const routesCommand: Command = {
  summary: 'for every bench phone: the files it requests at boot, the template answering each, and whether it renders cleanly',
  usage: 'routes [--phone <mac|name>] [--format text|json] [--all]',
  flags: ['all'],
  values: ['phone', 'format'],
  run({ args, io, workspace: ws }) {
    // a broken bench drops phones silently otherwise: say why, and fail
    const bench = ws.parsedBench();
    const benchErrors = bench.problems.filter((p) => p.severity === 'error');
    for (const p of benchErrors) io.err(`${formatProblem(p)}\n`);
    const q = opt(args, 'phone');
    const phones = q ? ws.phones.filter((p) => p === ws.findPhone(q)) : ws.phones;
    const rows = phones.flatMap((phone) =>
      ws
        .routesFor(phone)
        .filter((r) => r.route.boot || args.options.has('all') || r.template)
        .map((r) => {
          const out = r.template ? ws.render(r.template, phone, { route: r.route }) : undefined;
          const errors = out ? out.issues.filter((i) => i.severity === 'error').length + (out.syntaxError ? 1 : 0) : 0;
          const status = !r.template
            ? 'no template'
            : errors
              ? `${errors} error${errors > 1 ? 's' : ''}`
              : `ok (${Buffer.byteLength(out!.text)} bytes)`;
          return {
            phone: phone.name,
            mac: phone.mac,
            model: phone.model,
            path: `/${r.path}`,
            boot: r.route.boot,
            template: r.template ?? null,
            tried: r.tried,
            status,
          };
        }),
    );
    const code = benchErrors.length ? 1 : 0;
    if (opt(args, 'format') === 'json') {
      io.out(JSON.stringify(rows, null, 2) + '\n');
      return code;
    }
    let last = '';
    for (const r of rows) {
      if (r.phone !== last) {
        io.out(`${r.phone}  ${r.model}  ${r.mac}\n`);
        last = r.phone;
      }
      io.out(`  ${r.boot ? '*' : ' '} ${r.path.padEnd(30)} ${(r.template ?? `— (${r.tried.join(' | ')})`).padEnd(40)} ${r.status}\n`);
    }
    if (!rows.length) io.out('no bench phones\n');
    else io.out('\n* requested at boot\n');
    if (benchErrors.length)
      io.err(
        `${ws.benchFile} has ${benchErrors.length} error${benchErrors.length > 1 ? 's' : ''}: phones it does not describe correctly are missing above\n`,
      );
    return code;
  },
};
