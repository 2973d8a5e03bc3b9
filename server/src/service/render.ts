// The custom requests: render a document for a phone (from the unsaved buffer, version echoed), list
// bench phones (optionally those a template serves) and list routes.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { targetFor } from '../core/check';
import type { Phone, Range } from '../core/types';
import type { ListPhonesParams, PhoneInfo, RenderParams, RenderResultMessage, RouteInfo } from '../protocol';
import type { ServiceContext } from './context';

export function phoneInfo(p: Phone): PhoneInfo {
  return { name: p.name, mac: p.mac, vendor: p.vendor, model: p.model, ...(p.ip ? { ip: p.ip } : {}) };
}

/**
 * What every render answer starts from, whatever the mode: the document's path (its buffer synced), the
 * version echoed, the phone asked for, and a base answer with nothing rendered; `noPhone` is the error
 * when no bench phone matches.
 */
export function renderRequest(ctx: ServiceContext, doc: TextDocument | undefined, params: RenderParams) {
  const path = doc ? ctx.sync(doc).path : ctx.pathOf(params.uri);
  const phones = ctx.bench().bench.phones;
  const phone = ctx.ws.findPhone(params.phone, phones);
  const base = {
    uri: params.uri,
    version: doc?.version ?? params.version,
    contentType: 'text/plain; charset=utf-8',
    escape: 'none',
    text: '',
    phone: phone ? phoneInfo(phone) : { name: params.phone, mac: '', vendor: '', model: '' },
  };
  const noPhone = `no bench phone '${params.phone}'${phones.length ? `; bench phones: ${phones.map((p) => p.name).join(', ')}` : ''}`;
  return { path, phone, base, noPhone };
}

/** A render error at a template position, as `file:line:column: message` (1-based). */
export function locatedError(file: string, range: Range, message: string): string {
  return `${file}:${range.start.line + 1}:${range.start.character + 1}: ${message}`;
}

export function renderDocument(ctx: ServiceContext, doc: TextDocument | undefined, params: RenderParams): RenderResultMessage {
  const { path, phone, base, noPhone } = renderRequest(ctx, doc, params);
  if (!phone)
    return {
      ...base,
      fileName: path
        .split('/')
        .pop()!
        .replace(/\.hbs$/, ''),
      errors: [noPhone],
    };
  const served = ctx.ws.routesFor(phone).find((r) => r.template === path);
  const route = served?.route ?? targetFor(ctx.ws, path, phone, { bench: ctx.bench(), served: ctx.served(path) }).route;
  const out = ctx.ws.render(path, phone, { route, bench: ctx.bench() });
  const errors: string[] = [];
  if (out.syntaxError) errors.push(locatedError(path, out.syntaxError.range, out.syntaxError.message));
  for (const i of out.issues) {
    if (i.severity !== 'error') continue;
    const text = ctx.files.read(i.file) ?? '';
    const line = text.slice(0, i.srcStart).split('\n').length;
    errors.push(`${i.file}:${line}: ${i.message}`);
  }
  return {
    ...base,
    fileName:
      served?.path ??
      path
        .split('/')
        .pop()!
        .replace(/\.hbs$/, ''),
    text: out.syntaxError ? '' : out.text,
    errors,
    contentType: out.format.contentType,
    escape: out.format.escape,
  };
}

export function listPhones(ctx: ServiceContext, params: ListPhonesParams): PhoneInfo[] {
  if (params.uri) {
    const path = ctx.pathOf(params.uri);
    const seen = new Set<Phone>();
    return ctx
      .served(path)
      .map((r) => r.phone)
      .filter((p) => !seen.has(p) && seen.add(p))
      .map(phoneInfo);
  }
  return ctx.bench().bench.phones.map(phoneInfo);
}

export function listRoutes(ctx: ServiceContext, params: { phone?: string }): RouteInfo[] {
  const phones = ctx.bench().bench.phones;
  const sel = params.phone ? phones.filter((p) => p === ctx.ws.findPhone(params.phone!, phones)) : phones;
  return sel.flatMap((phone) =>
    ctx.ws
      .routesFor(phone)
      .filter((r) => r.route.boot || r.template)
      .map((r) => {
        const base = { phone: phone.name, mac: phone.mac, model: phone.model, path: `/${r.path}`, boot: r.route.boot };
        if (!r.template) return { ...base, status: `no template (tried ${r.tried.join(', ')})` };
        const loaded = ctx.ws.loadTemplate(r.template);
        return { ...base, template: r.template, status: loaded?.ok ? 'ok' : 'syntax error' };
      }),
  );
}
