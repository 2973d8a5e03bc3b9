// What a phone's programmable keys need from its vendor: the code for each key function (templates write
// `{{code}}` inside `{{#each keys}}`), the expansion modules the model takes, and how many keys fit.
// Problems are located in the bench file: a function the vendor has no code for, more keys than the
// model (and its modules) have, a module the vendor or model does not take.
import type { ParsedBench } from './bench/parse';
import type { Key, Problem, Range } from './types';
import { findModel, getProfile } from './vendors';
import type { ExpansionModule, KeyType } from './vendors/keys/types';

/** The vendor's code for a key function, or undefined when it has none. */
export function keyCode(vendor: string, type: string): string | undefined {
  return getProfile(vendor)?.keys?.types[type as KeyType]?.code;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The module names a bench may use for one module: its id, then its aliases. */
export function moduleNames(m: ExpansionModule): string[] {
  return [m.id, ...(m.aliases ?? []).map((a) => a.name)];
}

/**
 * The expansion module a bench `modules[].type` (or a model row's `expansion:` entry) names for a vendor: its id
 * or one of its aliases, case and separators ignored.
 */
export function findModule(vendor: string, type: string): ExpansionModule | undefined {
  const want = squash(type);
  return getProfile(vendor)?.keys?.modules.find((m) => moduleNames(m).some((n) => squash(n) === want));
}

/** The keys of a phone with the vendor code of each (`code` absent when the vendor has none). */
export function keysWithCodes(vendor: string, keys: Key[]): (Key & { code?: string })[] {
  return keys.map((k) => ({ ...k, code: keyCode(vendor, k.type) }));
}

/** Key problems of every bench phone, located with the parsed bench's `locate`. */
export function keyProblems(parsed: Pick<ParsedBench, 'bench' | 'locate' | 'phoneIndex'>, file: string): Problem[] {
  const out: Problem[] = [];
  const at = (path: (string | number)[]): Range =>
    parsed.locate(path) ?? parsed.locate(path.slice(0, -1)) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const add = (path: (string | number)[], severity: Problem['severity'], code: Problem['code'], message: string, suggestions?: string[]) =>
    out.push({ file, range: at(path), severity, code, message, suggestions });
  // a phone's place in the file's `phones:` list (parse keeps usable phones only)
  parsed.bench.phones.forEach((phone) => {
    const i = parsed.phoneIndex?.get(phone.mac);
    if (i === undefined) return;
    const profile = getProfile(phone.vendor);
    const vk = profile?.keys;
    if (!profile || !vk) return;
    const known = Object.keys(vk.types);
    const checkTypes = (keys: Key[], base: (string | number)[]) =>
      keys.forEach((k, j) => {
        if (!vk.types[k.type as KeyType])
          add(
            [...base, j, 'type'],
            'warning',
            'key-type-unsupported',
            `${base.join('.')}.${j}: ${profile.label} phones have no key code for '${k.type}' (they have: ${known.join(', ')})`,
          );
      });
    checkTypes(phone.keys, ['phones', i, 'keys']);
    const model = findModel(profile, phone.model);
    if (model && phone.keys.length > model.keys)
      add(
        ['phones', i, 'keys'],
        'warning',
        'keys-over-capacity',
        `phones.${i}.keys: ${phone.model} has ${model.keys} programmable key${model.keys === 1 ? '' : 's'}; ${phone.keys.length} given (the rest go nowhere; put them on an expansion module)`,
      );
    const modules = phone.modules ?? [];
    const maxSame = new Map<string, number>();
    modules.forEach((m, j) => {
      const def = findModule(phone.vendor, m.type);
      if (!def) {
        add(
          ['phones', i, 'modules', j, 'type'],
          'error',
          'bench-unknown-module',
          `phones.${i}.modules.${j}.type: unknown ${profile.label} expansion module '${m.type}'${vk.modules.length ? ` (known: ${vk.modules.map((x) => x.id).join(', ')})` : ` (${profile.label} has no expansion modules in its profile)`}`,
          vk.modules.map((x) => x.id),
        );
        return;
      }
      if (model && model.expansion && !model.expansion.some((e) => findModule(phone.vendor, e)?.id === def.id))
        add(
          ['phones', i, 'modules', j, 'type'],
          'warning',
          'keys-over-capacity',
          `phones.${i}.modules.${j}: ${phone.model} does not take a ${def.id} (it takes: ${model.expansion.join(', ') || 'none'})`,
        );
      const n = (maxSame.get(def.id) ?? 0) + 1;
      maxSame.set(def.id, n);
      // the model's own limit where it takes fewer modules than the module allows (counted over all its modules)
      if (model?.expansionMax !== undefined && j === model.expansionMax)
        add(
          ['phones', i, 'modules', j],
          'warning',
          'keys-over-capacity',
          `phones.${i}.modules.${j}: ${phone.model} takes at most ${model.expansionMax} expansion module${model.expansionMax === 1 ? '' : 's'}`,
        );
      else if (model?.expansionMax === undefined && def.maxPerPhone !== undefined && n === def.maxPerPhone + 1)
        add(
          ['phones', i, 'modules', j],
          'warning',
          'keys-over-capacity',
          `phones.${i}.modules.${j}: at most ${def.maxPerPhone} ${def.id} per phone`,
        );
      checkTypes(m.keys, ['phones', i, 'modules', j, 'keys']);
      if (def.keys !== undefined && m.keys.length > def.keys)
        add(
          ['phones', i, 'modules', j, 'keys'],
          'warning',
          'keys-over-capacity',
          `phones.${i}.modules.${j}.keys: a ${def.id} has ${def.keys} keys; ${m.keys.length} given`,
        );
    });
  });
  return out;
}
