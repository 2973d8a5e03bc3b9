// `convert <file.ph.xml> [--out <dir>] [--force]`: writes equivalent Handlebars templates (one per
// <deviceconfig>) and proves the equivalence by rendering both for every bench phone the 3CX template
// serves (by model): byte-identical, or a diff and exit 1.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError, opt } from '../args';
import { formatProblem, type Command } from '../context';
import { checkTemplate } from '../../core/check';
import { OverlayFiles } from '../../core/files';
import { convertBody } from '../../core/threecx/convert';
import { isThreeCxFile } from '../../core/threecx/envelope';
import { loadThreeCx, renderThreeCx } from '../../core/threecx/dialect';
import type { ThreeCxTemplate } from '../../core/threecx/envelope';
import { modelForPhone, templateVendor, uaOf } from '../../core/threecx/match';
import type { Phone } from '../../core/types';
import { findModel, getProfile, matchRoutes, type RouteDef, type VendorProfile } from '../../core/vendors';
import { FORMATS } from '../../core/vendors/formats';
import { TEMPLATES_DIR, Workspace } from '../../core/workspace';

export interface ConvertedFile {
  deviceconfig: number;
  /** The 3CX file name pattern. */
  filename: string;
  /** Workspace-relative name of the Handlebars template (`templates/<vendor>/mac.cfg.hbs`). */
  template: string;
  /** The vendor route it answers, when the profile has one with that file name. */
  route?: RouteDef;
  text: string;
  notes: string[];
  loops: number;
  /** Runs of `{IF blfN}` blocks emitted unrolled because their loop did not prove byte-identical. */
  unrolled: number;
}

export interface Mismatch {
  phone: string;
  file: string;
  line: number;
  expected: string;
  actual: string;
}

/**
 * `{IF ua=…}` value → the `model.id`s it is true for: the bench's phones and every model of the template's
 * vendor, each with the ua of the template model that serves it.
 */
function uaModels(ws: Workspace, tpl: ThreeCxTemplate, profile: VendorProfile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const candidates: Phone[] = [
    ...ws.phones,
    ...profile.models.map(
      (m) => ({ mac: '000000000000', vendor: profile.id, model: m.id, name: m.id, lines: [], keys: [], vars: {} }) as Phone,
    ),
  ];
  for (const phone of candidates) {
    const m = modelForPhone(tpl, phone);
    if (!m) continue;
    const p = getProfile(phone.vendor);
    const id = (p && findModel(p, phone.model)?.id) ?? phone.model;
    const ua = uaOf(m).toLowerCase();
    const ids = out.get(ua) ?? [];
    if (!ids.includes(id)) ids.push(id);
    out.set(ua, ids);
  }
  return out;
}

/** The Handlebars templates equivalent to a 3CX template (not written); `unroll`: runs to emit unrolled, per deviceconfig. */
export function convertTemplate(
  ws: Workspace,
  file: string,
  unroll: ReadonlyMap<number, ReadonlySet<number>> = new Map(),
): { vendor: string; files: ConvertedFile[]; runs: number[] } {
  const entry = loadThreeCx(ws, file);
  if (!entry) throw new UsageError(`${file} not found`);
  if (!entry.loaded.ok)
    throw new Error(
      `${file}:${entry.loaded.error.range.start.line + 1}:${entry.loaded.error.range.start.character + 1} ${entry.loaded.error.message}`,
    );
  const tpl = entry.loaded.template;
  const profile = templateVendor(tpl);
  const bench = ws.parsedBench().bench;
  const url = ws.serverUrl(bench);
  const uas = uaModels(ws, tpl, profile);
  const runs: number[] = [];
  const files = tpl.configs.map((dc): ConvertedFile => {
    // the vendor route this file name is: try it with a sample MAC
    const sample = dc.filename.replace(/%%mac_address%%/g, '000000000000');
    const route = matchRoutes(sample).find((m) => m.profile.id === profile.id)?.route;
    const base = route
      ? route.template
      : `${dc.filename
          .replace(/%%mac_address%%/g, 'mac')
          .replace(/%%[^%]*%%/g, 'x')
          .replace(/[^\w.-]+/g, '_')}.hbs`;
    const format = route ? profile.formats[route.format] : undefined;
    const escape = format?.escape ?? (/\.xml$/i.test(dc.filename) ? FORMATS.xml.escape : 'none');
    const off = unroll.get(dc.index);
    const out = convertBody(tpl, entry.bodies[dc.index].nodes, { escape, serverUrl: url, uaModels: uas, unroll: off });
    runs[dc.index] = out.runs;
    const notes = [...out.notes];
    if (!route)
      notes.unshift(
        `the ${profile.label} profile requests no file named '${dc.filename}': Handlebars serves only the profile's routes (${profile.routes.map((r) => r.path).join(', ')}), so this template is not served until a route is added`,
      );
    if (off?.size)
      notes.push(
        `${off.size} run${off.size > 1 ? 's' : ''} of {IF blfN} blocks (number${off.size > 1 ? 's' : ''} ${[...off].map((n) => n + 1).join(', ')} in the file) stay${off.size > 1 ? '' : 's'} unrolled: as a loop ${off.size > 1 ? 'they' : 'it'} did not render byte-identical for every bench phone`,
      );
    const header = [
      `{{!--`,
      `  Converted from ${file} (<deviceconfig filename="${dc.filename}">) by provisioning-studio convert.`,
      route
        ? `  Answers the ${profile.label} route /${route.path} (${route.description})`
        : `  Answers no ${profile.label} route (see the notes).`,
      ...(out.loops
        ? [`  ${out.loops} run${out.loops > 1 ? 's' : ''} of unrolled {IF blfN} blocks became {{#each (range …)}} loops.`]
        : []),
      ...notes.map((n) => `  Note: ${n}`),
      `--}}`,
    ].join('\n');
    return {
      deviceconfig: dc.index,
      filename: dc.filename,
      template: `${TEMPLATES_DIR}/${profile.id}/${base}`,
      route,
      text: `${header}\n${out.text}`,
      notes,
      loops: out.loops,
      unrolled: off?.size ?? 0,
    };
  });
  return { vendor: profile.id, files, runs };
}

/**
 * The conversion that proves byte-identical: every run as a loop if that proves, else each run that does not
 * prove as a loop on its own stays unrolled. `proof.mismatches` is not empty when even that differs.
 */
export function convertProven(
  ws: Workspace,
  file: string,
): { vendor: string; files: ConvertedFile[]; proof: ReturnType<typeof proveEquivalence> } {
  let conv = convertTemplate(ws, file);
  let proof = proveEquivalence(ws, file, conv.files);
  if (!proof.mismatches.length || !proof.phones.length || conv.runs.every((r) => !r)) return { ...conv, proof };
  const all = new Map(conv.runs.map((r, i) => [i, new Set(Array.from({ length: r }, (_, k) => k))]));
  const unrolled = convertTemplate(ws, file, all);
  const base = proveEquivalence(ws, file, unrolled.files);
  if (base.mismatches.length) return { ...unrolled, proof: base };
  // try each run as a loop alone (all others unrolled); keep the ones that prove
  const keep = new Map<number, Set<number>>();
  conv.runs.forEach((r, dc) => {
    const off = new Set(all.get(dc));
    for (let k = 0; k < r; k++) {
      const trial = new Map(all);
      trial.set(dc, new Set([...all.get(dc)!].filter((x) => x !== k)));
      const t = convertTemplate(ws, file, trial);
      if (!proveEquivalence(ws, file, t.files).mismatches.length) off.delete(k);
    }
    keep.set(dc, off);
  });
  conv = convertTemplate(ws, file, keep);
  proof = proveEquivalence(ws, file, conv.files);
  if (proof.mismatches.length) return { ...unrolled, proof: base };
  return { ...conv, proof };
}

/** Renders the 3CX template and its conversion for every bench phone the template serves; the differences. */
export function proveEquivalence(
  ws: Workspace,
  file: string,
  files: ConvertedFile[],
): { phones: Phone[]; compared: number; mismatches: Mismatch[] } {
  const tpl = loadThreeCx(ws, file)?.loaded;
  if (!tpl?.ok) return { phones: [], compared: 0, mismatches: [] };
  const phones = ws.phones.filter((p) => modelForPhone(tpl.template, p));
  const overlay = new OverlayFiles(ws.files);
  for (const f of files) overlay.overlay.set(f.template, f.text);
  const shadow = new Workspace(overlay, { benchFile: ws.benchFile });
  const bench = ws.parsedBench();
  const mismatches: Mismatch[] = [];
  let compared = 0;
  for (const phone of phones) {
    for (const f of files) {
      const a = renderThreeCx(ws, file, phone, { deviceconfig: f.deviceconfig, bench });
      const route = f.route ?? { ...(a.route as RouteDef) };
      const b = shadow.render(f.template, phone, { route, bench });
      compared++;
      if (a.text === b.text && !b.failed && !b.syntaxError) continue;
      const al = a.text.split('\n'),
        bl = b.text.split('\n');
      let i = 0;
      while (i < Math.max(al.length, bl.length) && al[i] === bl[i]) i++;
      const err = b.syntaxError
        ? `syntax error: ${b.syntaxError.message}`
        : b.issues
            .filter((x) => x.severity === 'error')
            .map((x) => x.message)
            .join('; ');
      mismatches.push({
        phone: phone.name,
        file: f.template,
        line: i + 1,
        expected: al[i] ?? '<end of file>',
        actual: err || (bl[i] ?? '<end of file>'),
      });
    }
  }
  return { phones, compared, mismatches };
}

export const convertCommand: Command = {
  summary: 'convert a 3CX template (.ph.xml) to equivalent Handlebars templates, proven byte-identical on the bench',
  usage: 'convert <file.ph.xml> [--out <dir>] [--force]',
  flags: ['force'],
  values: ['out'],
  run({ args, io, root, workspace: ws }) {
    const arg = args.positionals[0];
    if (!arg) throw new UsageError('name the 3CX template to convert');
    let file = relative(root, resolve(root, arg)).split('\\').join('/');
    if (ws.files.read(file) === undefined && ws.files.read(`${TEMPLATES_DIR}/${arg}`) !== undefined) file = `${TEMPLATES_DIR}/${arg}`;
    if (!isThreeCxFile(file)) throw new UsageError(`${arg} is not a 3CX template (*.ph.xml, *.fxs.xml)`);
    if (ws.files.read(file) === undefined) {
      io.err(`error: ${file} not found`);
      return 2;
    }
    const blocking = checkTemplate(ws, file).filter((p) => p.severity === 'error');
    if (blocking.length) {
      for (const p of blocking) io.err(formatProblem(p));
      io.err(`error: fix the errors in ${file} before converting it`);
      return 1;
    }
    const { files, proof } = convertProven(ws, file);
    const out = opt(args, 'out');
    const target = (f: ConvertedFile) => (out ? join(resolve(root, out), f.template.split('/').pop()!) : join(root, f.template));
    if (!args.options.has('force')) {
      const clash = files.map(target).filter((p) => existsSync(p));
      if (clash.length) {
        io.err(
          `error: ${clash.map((p) => relative(root, p) || p).join(', ')} already exist${clash.length === 1 ? 's' : ''}: give --out <dir> or --force`,
        );
        return 1;
      }
    }
    if (proof.mismatches.length) {
      for (const f of files) for (const n of f.notes) io.out(`  note (${f.template.split('/').pop()}): ${n}\n`);
      for (const m of proof.mismatches)
        io.out(`DIFF ${m.phone} ${m.file} line ${m.line}:\n  3CX:        ${m.expected}\n  Handlebars: ${m.actual}\n`);
      io.out(`${proof.mismatches.length} of ${proof.compared} renderings differ: nothing written\n`);
      return 1;
    }
    for (const f of files) {
      const p = target(f);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.text);
      io.out(
        `wrote ${relative(root, p).split('\\').join('/') || p}  ← <deviceconfig filename="${f.filename}">  ${f.route ? `answers /${f.route.path}` : 'answers no vendor route'}${f.loops ? `, ${f.loops} loop${f.loops > 1 ? 's' : ''}` : ''}${f.unrolled ? `, ${f.unrolled} unrolled` : ''}\n`,
      );
      for (const n of f.notes) io.out(`  note: ${n}\n`);
    }
    if (out && files.some((f) => f.route))
      io.out(
        `  (copy them to templates/${files[0].template.split('/')[1]}/ — or templates/<vendor>/<model>/ for one model — to serve them)\n`,
      );
    if (!proof.phones.length) {
      io.out("no bench phone has one of the template's models: equivalence not proven\n");
      return 0;
    }
    io.out(
      `equivalent: ${proof.compared} rendering${proof.compared === 1 ? '' : 's'} byte-identical for ${proof.phones.map((p) => p.name).join(', ')}\n`,
    );
    return 0;
  },
};
