// `bench add | import | export`: phones into and out of the bench file without hand-editing YAML. Adding
// keeps every comment and the layout (core/bench/edit.ts); an import with any bad row imports nothing.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError, opt } from '../args';
import { formatProblem, type Command, type CommandContext } from '../context';
import { addPhones, benchPhones, completePhone, type NewPhone } from '../../core/bench/edit';
import { fromSafeCell, parseCsv, toCsv } from '../../core/bench/csv';

const COLUMNS = ['mac', 'vendor', 'model', 'name', 'ip'] as const;

export const benchCommand: Command = {
  summary: 'add phones to the bench file (one, or a CSV import) and export its phones',
  usage:
    'bench add <mac> [--model <model>] [--vendor <vendor>] [--name <name>] [--ip <address>]\n' +
    '       bench import <phones.csv>    columns: mac, vendor, model, name, ip (a header row; vendor may be left out\n' +
    "                                    when the model is one vendor's); any bad row: nothing is imported\n" +
    '       bench export [--format csv|json]',
  values: ['model', 'vendor', 'name', 'ip', 'format'],
  run(ctx) {
    const [sub, ...rest] = ctx.args.positionals;
    if (sub === 'add') return add(ctx, rest);
    if (sub === 'import') return importCsv(ctx, rest);
    if (sub === 'export') return exportPhones(ctx);
    throw new UsageError(sub ? `unknown bench command '${sub}' (add, import, export)` : 'give add, import or export');
  },
};

function benchText(ctx: CommandContext): string {
  return ctx.workspace.files.read(ctx.workspace.benchFile) ?? '';
}

/** Writes the bench file whole (a temporary file renamed over it: a dev server never reads half of it). */
function writeBench(ctx: CommandContext, text: string): void {
  const file = join(ctx.root, ctx.workspace.benchFile);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

function add(ctx: CommandContext, rest: string[]): number {
  if (rest.length !== 1) throw new UsageError('give one MAC address: bench add <mac> --model <model>');
  const a = ctx.args;
  const phone: NewPhone = { mac: rest[0], vendor: opt(a, 'vendor'), model: opt(a, 'model'), name: opt(a, 'name'), ip: opt(a, 'ip') };
  const r = addPhones(benchText(ctx), [phone]);
  if (!r.ok) {
    ctx.io.err(`error: ${r.error}`);
    return 1;
  }
  writeBench(ctx, r.text);
  ctx.io.out(`added ${rest[0]} to ${ctx.workspace.benchFile}\n`);
  return 0;
}

function importCsv(ctx: CommandContext, rest: string[]): number {
  if (rest.length !== 1) throw new UsageError('give one CSV file: bench import <phones.csv>');
  const file = resolve(ctx.cwd, rest[0]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    ctx.io.err(`error: cannot read ${rest[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 1;
  }
  const csv = parseCsv(text);
  const errors = csv.errors.map((e) => `${rest[0]}:${e.line}: ${e.message}`);
  const header = csv.rows[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const unknown = header.filter((h) => !(COLUMNS as readonly string[]).includes(h));
  if (!header.includes('mac')) errors.push(`${rest[0]}:1: the header row needs a 'mac' column (columns: ${COLUMNS.join(', ')})`);
  if (unknown.length)
    errors.push(`${rest[0]}:1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (columns: ${COLUMNS.join(', ')})`);
  const base = benchText(ctx);
  const phones: NewPhone[] = [];
  if (!errors.length) {
    // each row checked against the bench and the good rows before it (the bench read once)
    const existing = benchPhones(base);
    for (const row of csv.rows.slice(1)) {
      if (row.cells.every((c) => !c.trim())) continue;
      const get = (k: string) => fromSafeCell(row.cells[header.indexOf(k)]?.trim() ?? '') || undefined;
      const p: NewPhone = { mac: get('mac') ?? '', vendor: get('vendor'), model: get('model'), name: get('name'), ip: get('ip') };
      const r = completePhone(p, existing);
      if (!r.ok) errors.push(`${rest[0]}:${row.line}: ${r.error}`);
      else {
        existing.push({ mac: r.phone.mac, name: r.phone.name ?? r.phone.mac });
        phones.push(p);
      }
    }
  }
  if (errors.length) {
    for (const e of errors) ctx.io.err(`error: ${e}`);
    ctx.io.err(`nothing imported (${errors.length} bad row${errors.length > 1 ? 's' : ''})`);
    return 1;
  }
  if (!phones.length) {
    ctx.io.out('no phones in the file\n');
    return 0;
  }
  const r = addPhones(base, phones);
  if (!r.ok) {
    ctx.io.err(`error: ${r.error}`);
    return 1;
  }
  writeBench(ctx, r.text);
  ctx.io.out(`imported ${phones.length} phone${phones.length > 1 ? 's' : ''} into ${ctx.workspace.benchFile}\n`);
  return 0;
}

function exportPhones(ctx: CommandContext): number {
  const format = opt(ctx.args, 'format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not '${format}'`);
  const parsed = ctx.workspace.parsedBench();
  for (const p of parsed.problems.filter((x) => x.severity === 'error')) ctx.io.err(formatProblem(p));
  // the phone's identity only: never a password or another line setting
  const rows = parsed.bench.phones.map((p) => ({ mac: p.mac, vendor: p.vendor, model: p.model, name: p.name, ip: p.ip ?? '' }));
  if (format === 'json') ctx.io.out(`${JSON.stringify(rows, null, 2)}\n`);
  else ctx.io.out(toCsv([[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c]))]));
  return parsed.hasErrors ? 1 : 0;
}
