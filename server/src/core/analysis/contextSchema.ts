// The shape of the render context as a schema: drives unknown-path checks, completion and hover.
// Built from the bench file's JSON Schema; open objects (vars, extra line fields) are closed over the
// keys the bench actually uses, so `vars.timezon` is caught while `vars.anything_you_define` works.
import { BENCH_SCHEMA, schemaAt, type SchemaNode } from '../bench/schema';
import type { Bench } from '../types';

const str = (description: string): SchemaNode => ({ type: 'string', description });
const int = (description: string): SchemaNode => ({ type: 'integer', description });

function closeOver(schema: SchemaNode | undefined, samples: unknown[]): SchemaNode {
  const base: SchemaNode = schema ? { ...schema } : { type: 'object' };
  if (base.type === 'array')
    return {
      ...base,
      items: closeOver(
        base.items,
        samples.flatMap((s) => (Array.isArray(s) ? s : [])),
      ),
    };
  if (base.type !== 'object') return base;
  const props: Record<string, SchemaNode> = { ...(base.properties ?? {}) };
  const objs = samples.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object' && !Array.isArray(s));
  const keys = new Set(objs.flatMap((o) => Object.keys(o)));
  for (const k of keys) {
    const sub = props[k] ?? (typeof base.additionalProperties === 'object' ? base.additionalProperties : undefined);
    const vals = objs.map((o) => o[k]);
    props[k] = closeOver(sub ?? guess(vals), vals);
  }
  for (const [k, p] of Object.entries(props)) if (!keys.has(k)) props[k] = closeOver(p, []);
  return { ...base, properties: props, additionalProperties: false };
}

function guess(vals: unknown[]): SchemaNode {
  const v = vals.find((x) => x !== undefined && x !== null);
  if (Array.isArray(v)) return { type: 'array', description: 'A list defined in the bench file.' };
  if (v && typeof v === 'object') return { type: 'object', description: 'Defined in the bench file.' };
  if (typeof v === 'number') return { type: 'number', description: 'Defined in the bench file.' };
  if (typeof v === 'boolean') return { type: 'boolean', description: 'Defined in the bench file.' };
  return { type: 'string', description: 'Defined in the bench file.' };
}

export function contextSchema(bench: Bench): SchemaNode {
  const phoneItems = schemaAt(['phones', 0])!;
  return {
    type: 'object',
    additionalProperties: false,
    description: 'The data a template is rendered with, for one phone.',
    properties: {
      phone: {
        type: 'object',
        additionalProperties: false,
        description: 'The phone being provisioned.',
        properties: {
          mac: str('MAC, 12 lowercase hex digits (use {{mac phone.mac "colon"}} for other notations).'),
          mac_upper: str('MAC, 12 uppercase hex digits.'),
          mac_colon: str('MAC with colons, lowercase.'),
          name: str('Name of the phone in the bench file.'),
          vendor: str('Vendor profile id.'),
          model: str('Model id.'),
          ip: str('IP address from the bench file, or empty.'),
          sip_port: int('SIP port for NOTIFY (default 5060).'),
        },
      },
      model: {
        type: 'object',
        additionalProperties: false,
        description: 'The phone model as the vendor profile knows it.',
        properties: {
          id: str('Model id.'),
          lines: int('Number of SIP lines (accounts) the model has.'),
          keys: int('Number of programmable line/DSS keys.'),
          file_id: str('Vendor file id (Yealink common-file number, Cisco PSN…).'),
        },
      },
      lines: closeOver(
        phoneItems.properties!.lines,
        bench.phones.map((p) => p.lines),
      ),
      keys: withCode(
        closeOver(
          phoneItems.properties!.keys,
          bench.phones.map((p) => p.keys),
        ),
      ),
      modules: {
        type: 'array',
        description: 'Expansion modules of the phone, module 1 first.',
        items: {
          type: 'object',
          additionalProperties: false,
          properties: {
            type: str('The module as the vendor names it (EXP50, 8800 KEM…).'),
            keys: withCode(
              closeOver(
                phoneItems.properties!.keys,
                bench.phones.flatMap((p) => (p.modules ?? []).map((m) => m.keys)),
              ),
            ),
          },
        },
      },
      pbx: closeOver(BENCH_SCHEMA.properties!.pbx, [bench.pbx]),
      vars: closeOver(BENCH_SCHEMA.properties!.vars, [bench.vars, ...bench.phones.map((p) => p.vars)]),
      contacts: closeOver(BENCH_SCHEMA.properties!.contacts, [bench.contacts]),
      server: {
        type: 'object',
        additionalProperties: false,
        description: 'The dev provisioning server.',
        properties: { url: str('Base URL phones use to reach the server, without a trailing slash.') },
      },
      firmware: {
        type: 'object',
        additionalProperties: false,
        description:
          "The firmware image pinned for the phone's model in the bench `firmware:` map; absent without a pin ({{#if firmware.url}}).",
        properties: {
          url: str('URL of the pinned image on the dev server (its static folder for firmware).'),
          file: str('File name of the pinned image, as in the bench, e.g. T54W-96.86.0.100.rom.'),
        },
      },
    },
  };
}

/** A key list's schema with `code`: the vendor's code for the key function, added when rendering. */
function withCode(keys: SchemaNode): SchemaNode {
  const items = keys.items as SchemaNode | undefined;
  if (!items) return keys;
  const code = str("The vendor's code for this key function (Yealink 16 for a BLF, Grandstream BLF, …); absent where it has none.");
  return { ...keys, items: { ...items, properties: { ...items.properties, code } } };
}
