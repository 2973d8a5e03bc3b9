// provisioning/render for a 3CX template: one of the files it produces for a phone (by requested path
// or deviceconfig index, default the phone's first), from the unsaved buffer, with the list of the
// phone's files so the client can offer a picker. A phone the template does not serve is rendered as
// one of its models would be (each deviceconfig, file names filled in for that phone).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isThreeCxRoute, loadThreeCx, threeCxDialect, type ThreeCxRoute } from '../core/threecx/dialect';
import { configFilename } from '../core/threecx/render';
import type { RenderFileInfo, RenderParams, RenderResultMessage } from '../protocol';
import type { ServiceContext } from './context';
import { locatedError, renderRequest } from './render';
import { envFor } from './threecxDocument';

export function renderThreeCxDocument(ctx: ServiceContext, doc: TextDocument | undefined, params: RenderParams): RenderResultMessage {
  const { path, phone, base, noPhone } = renderRequest(ctx, doc, params);
  const name = path.split('/').pop()!;
  if (!phone) return { ...base, fileName: name, files: [], errors: [noPhone] };
  const entry = loadThreeCx(ctx.ws, path);
  if (!entry) return { ...base, fileName: name, files: [], errors: [`template ${path} not found`] };
  if (!entry.loaded.ok) {
    const e = entry.loaded.error;
    return { ...base, fileName: name, files: [], errors: [locatedError(path, e.range, e.message)] };
  }
  const tpl = entry.loaded.template;
  const served = ctx.ws.routesFor(phone).filter((r) => r.template === path && isThreeCxRoute(r.route));
  const env = served.length ? undefined : envFor(ctx, tpl, phone);
  const files: RenderFileInfo[] = served.length
    ? served.map((r) => {
        const i = (r.route as ThreeCxRoute).deviceconfig;
        return { path: r.path, deviceconfig: i, filename: tpl.configs[i]?.filename ?? '' };
      })
    : tpl.configs.map((c) => ({ path: configFilename(c, env!), deviceconfig: c.index, filename: c.filename }));
  const errors: string[] = [];
  const norm = (s: string) => s.replace(/^\/+/, '').toLowerCase();
  let pick = params.path ? files.find((f) => norm(f.path) === norm(params.path!) || f.filename === params.path) : undefined;
  if (!pick && params.deviceconfig !== undefined) pick = files.find((f) => f.deviceconfig === params.deviceconfig);
  if (!pick && (params.path || params.deviceconfig !== undefined))
    errors.push(
      `the template produces no ${params.path ? `file '${params.path}'` : `deviceconfig #${params.deviceconfig! + 1}`} for ${phone.name}; showing its first file`,
    );
  pick ??= files[0];
  if (!pick) return { ...base, fileName: name, files, errors: [...errors, 'the template has no <deviceconfig>'] };
  const route = served.find((r) => (r.route as ThreeCxRoute).deviceconfig === pick!.deviceconfig)?.route;
  const out = threeCxDialect.render(ctx.ws, path, phone, { route, deviceconfig: pick.deviceconfig, bench: ctx.bench() });
  if (out.syntaxError) errors.push(locatedError(path, out.syntaxError.range, out.syntaxError.message));
  for (const i of out.issues) {
    if (i.severity !== 'error') continue;
    errors.push(`${i.file}:${tpl.index.range(i.srcStart, i.srcEnd).start.line + 1}: ${i.message}`);
  }
  return {
    ...base,
    fileName: pick.path,
    files,
    deviceconfig: pick.deviceconfig,
    text: out.failed || out.syntaxError ? '' : out.text,
    errors,
    contentType: out.format.contentType,
    escape: out.format.escape,
  };
}
