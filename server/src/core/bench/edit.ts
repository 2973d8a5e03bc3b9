// Adding phones to a bench file as a person would: the new entry is inserted as text after the last
// phone (a one-line flow map, indented like its neighbours), so every comment, blank line and the
// layout of the rest of the file stay byte for byte. The result is parsed again before it is returned.
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { VendorId } from '../types';
import { findModel, getProfile, PROFILES } from '../vendors';
import { normaliseMac } from './mac';
import { parseBench } from './parse';
import { modelLookup } from '../vendors';

export interface NewPhone {
  mac: string;
  vendor?: string;
  model?: string;
  name?: string;
  ip?: string;
}

export type BenchEdit =
  { ok: true; text: string; phone: Required<Pick<NewPhone, 'mac' | 'vendor' | 'model'>> & NewPhone } | { ok: false; error: string };

/** The vendor a model name belongs to when exactly one vendor has it. */
export function vendorOfModel(model: string): VendorId | undefined {
  const hits = Object.values(PROFILES).filter((p) => p.id !== 'generic' && findModel(p, model)?.id.toLowerCase() === model.toLowerCase());
  return hits.length === 1 ? hits[0].id : undefined;
}

/** Checks and completes a phone to add: MAC normalised, vendor known (or inferred from the model), model canonical. */
export function completePhone(
  p: NewPhone,
  existing: { mac: string; name: string }[],
): BenchEdit | { ok: true; phone: NewPhone & { mac: string; vendor: string; model: string } } {
  const mac = normaliseMac(p.mac ?? '');
  if (!mac) return { ok: false, error: `'${p.mac}' is not a MAC address (expected 12 hex digits, e.g. 80:5e:0c:11:22:33)` };
  const dup = existing.find((e) => e.mac === mac);
  if (dup) return { ok: false, error: `${mac} is already on the bench (${dup.name})` };
  const vendor = p.vendor?.toLowerCase() || (p.model ? vendorOfModel(p.model) : undefined);
  if (!vendor)
    return { ok: false, error: p.model ? `the vendor of model '${p.model}' is not known: give --vendor` : 'give --vendor and --model' };
  const profile = getProfile(vendor);
  if (!profile) return { ok: false, error: `unknown vendor '${vendor}' (known: ${Object.keys(PROFILES).join(', ')})` };
  if (!p.model) return { ok: false, error: `give the ${vendor} model (--model)` };
  const model = findModel(profile, p.model)?.id ?? p.model;
  if (p.ip !== undefined && !/^[0-9a-fA-F:.]{2,45}$/.test(p.ip)) return { ok: false, error: `'${p.ip}' is not an IP address` };
  return { ok: true, phone: { ...p, mac, vendor, model } };
}

/** A YAML plain scalar when the value needs no quotes, else a double-quoted one. */
function scalar(v: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._@-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|~|\d+(\.\d*)?)$/i.test(v) && !v.endsWith(' ')
    ? v
    : JSON.stringify(v);
}

function entry(p: NewPhone & { mac: string; vendor: string; model: string }): string {
  const fields = [`mac: ${p.mac}`, `vendor: ${p.vendor}`, `model: ${scalar(p.model)}`];
  if (p.name) fields.push(`name: ${scalar(p.name)}`);
  if (p.ip) fields.push(`ip: ${scalar(p.ip)}`);
  return `{ ${fields.join(', ')} }`;
}

/** The phones a bench text holds (MAC and name), what a new phone must not repeat. */
export function benchPhones(text: string): { mac: string; name: string }[] {
  return parseBench(text, modelLookup, 'bench.yaml', {}).bench.phones.map((p) => ({ mac: p.mac, name: p.name }));
}

/** The bench text with the phones appended to `phones:` (created at the end of the file when missing). */
export function addPhones(text: string, phones: NewPhone[]): BenchEdit | { ok: true; text: string; added: number } {
  const existing = benchPhones(text);
  const count = existing.length;
  const entries: string[] = [];
  for (const p of phones) {
    const c = completePhone(p, existing);
    if (!c.ok) return c;
    existing.push({ mac: c.phone.mac, name: c.phone.name ?? c.phone.mac });
    entries.push(entry(c.phone));
  }
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return { ok: false, error: `the bench file does not parse: ${doc.errors[0].message.split('\n')[0]}` };
  if (doc.contents && !isMap(doc.contents)) return { ok: false, error: 'the bench file is not a mapping' };
  const seq = doc.get('phones', true) as Node | undefined;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  let out: string;
  if (!seq || (isSeq(seq) && seq.flow && !seq.items.length)) {
    // no phones yet: a block sequence (replacing `phones: []` where it is)
    const block = entries.map((e) => `  - ${e}`).join(nl);
    if (seq?.range) out = `${text.slice(0, seq.range[0])}${nl}${block}${text.slice(seq.range[1])}`;
    else out = `${text}${text && !text.endsWith('\n') ? nl : ''}phones:${nl}${block}${nl}`;
  } else if (isSeq(seq) && seq.flow) {
    const close = text.lastIndexOf(']', seq.range![1]);
    const inner = text.slice(0, close);
    const content = inner.replace(/\s*$/, '');
    out = `${content}, ${entries.join(', ')}${inner.slice(content.length)}${text.slice(close)}`;
  } else if (isSeq(seq) && seq.range) {
    const first = seq.items[0] as Node;
    const lineStart = text.lastIndexOf('\n', first.range![0]) + 1;
    const dash = text.lastIndexOf('-', first.range![0]);
    const indent = text.slice(lineStart, dash);
    // after the last item's own text (its value end), at the end of that line
    const last = seq.items[seq.items.length - 1] as Node;
    const end = last.range![1];
    const eol = text.indexOf('\n', Math.max(end - 1, 0));
    const at = eol < 0 || text.slice(end, eol).trim() ? text.length : eol + 1;
    const head = text.slice(0, at);
    const block = entries.map((e) => `${indent}- ${e}`).join(nl);
    out = `${head}${head.endsWith('\n') || !head ? '' : nl}${block}${nl}${text.slice(at)}`;
  } else return { ok: false, error: "'phones' is not a list" };
  const after = parseBench(out, modelLookup, 'bench.yaml', {});
  if (after.bench.phones.length !== count + phones.length)
    return { ok: false, error: 'the bench file could not be extended safely (its phones are not a plain list)' };
  return { ok: true, text: out, added: phones.length };
}
