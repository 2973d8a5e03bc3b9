// The helpers templates may call. Each has its documentation as data (completion and hover show it).
import { formatMac, type MacNotation } from '../bench/mac';

export interface HelperOptions {
  hash: Record<string, unknown>;
  isBlock: boolean;
  fn: (context?: unknown, extra?: { data?: Record<string, unknown>; blockParams?: unknown[] }) => string;
  inverse: (context?: unknown) => string;
  context: unknown;
}

export interface HelperDef {
  signature: string;
  description: string;
  /** Block helpers (`{{#name}}`) only. */
  block?: boolean;
  /** The built-ins each/if/unless/with are evaluated by the renderer itself. */
  builtin?: boolean;
  fn?: (args: unknown[], options: HelperOptions) => unknown;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0);

/** Comparison helpers work inline `{{#if (eq a b)}}` and as blocks `{{#eq a b}}…{{else}}…{{/eq}}`. */
function predicate(test: (args: unknown[]) => boolean): HelperDef['fn'] {
  return (args, o) => {
    const r = test(args);
    return o.isBlock ? (r ? o.fn(o.context) : o.inverse(o.context)) : r;
  };
}

export const HELPERS: Record<string, HelperDef> = {
  if: {
    builtin: true,
    block: true,
    signature: '{{#if value}}…{{else}}…{{/if}}',
    description: 'Renders the block when the value is truthy (not empty, false, 0-length list or missing).',
  },
  unless: {
    builtin: true,
    block: true,
    signature: '{{#unless value}}…{{/unless}}',
    description: 'Renders the block when the value is falsy.',
  },
  each: {
    builtin: true,
    block: true,
    signature: '{{#each list as |item index|}}…{{else}}…{{/each}}',
    description: 'Repeats the block for each item; @index is 0-based (use {{inc @index}} for 1-based), @first, @last, @key.',
  },
  with: {
    builtin: true,
    block: true,
    signature: '{{#with value as |v|}}…{{/with}}',
    description: 'Renders the block with the value as context.',
  },
  lookup: { builtin: true, signature: '{{lookup object key}}', description: 'The property `key` of `object` (own properties only).' },
  log: {
    builtin: true,
    signature: '{{log value}}',
    description: 'Does nothing in output; kept for compatibility with Handlebars templates.',
  },
  inc: {
    signature: '{{inc number}}',
    description: 'The number plus one: vendor indexes start at 1, @index at 0.',
    fn: ([n]) => num(n) + 1,
  },
  add: { signature: '{{add a b}}', description: 'a + b (numbers).', fn: ([a, b]) => num(a) + num(b) },
  sub: { signature: '{{sub a b}}', description: 'a − b (numbers).', fn: ([a, b]) => num(a) - num(b) },
  mul: { signature: '{{mul a b}}', description: 'a × b (numbers), e.g. P-value offsets.', fn: ([a, b]) => num(a) * num(b) },
  range: {
    signature: '{{#each (range from to)}}',
    description: 'The list of integers from..to inclusive (at most 10,000), e.g. every line of the model.',
    fn: ([a, b]) => {
      const from = num(a),
        to = num(b);
      // beyond 2^53 `i++` stops advancing: count items, never compare a float that no longer moves
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new Error('range takes whole numbers below 2^53');
      const out: number[] = [];
      for (let i = 0; i <= Math.min(to - from, 9999); i++) out.push(from + i);
      return out;
    },
  },
  eq: {
    signature: '{{#if (eq a b)}}',
    description: 'True when a equals b (compared as strings).',
    fn: predicate(([a, b]) => str(a) === str(b)),
  },
  ne: {
    signature: '{{#if (ne a b)}}',
    description: 'True when a differs from b (compared as strings).',
    fn: predicate(([a, b]) => str(a) !== str(b)),
  },
  lt: { signature: '{{#if (lt a b)}}', description: 'True when a < b (numbers).', fn: predicate(([a, b]) => num(a) < num(b)) },
  gt: { signature: '{{#if (gt a b)}}', description: 'True when a > b (numbers).', fn: predicate(([a, b]) => num(a) > num(b)) },
  and: {
    signature: '{{#if (and a b …)}}',
    description: 'True when every argument is truthy (alias: all).',
    fn: predicate((args) => args.every((a) => !isEmpty(a))),
  },
  all: {
    signature: '{{#if (all a b …)}}',
    description: 'True when every argument is truthy.',
    fn: predicate((args) => args.every((a) => !isEmpty(a))),
  },
  or: {
    signature: '{{#if (or a b …)}}',
    description: 'True when any argument is truthy (alias: any).',
    fn: predicate((args) => args.some((a) => !isEmpty(a))),
  },
  any: {
    signature: '{{#if (any a b …)}}',
    description: 'True when any argument is truthy.',
    fn: predicate((args) => args.some((a) => !isEmpty(a))),
  },
  not: { signature: '{{#if (not a)}}', description: 'True when a is falsy.', fn: predicate(([a]) => isEmpty(a)) },
  default: {
    signature: '{{default value fallback …}}',
    description: 'The first argument that is not empty or missing.',
    fn: (args) => args.find((a) => !isEmpty(a)) ?? '',
  },
  join: {
    signature: '{{join list separator [property]}}',
    description: 'The items of a list joined by the separator (default ","), optionally one property of each item.',
    fn: ([list, sep, prop]) =>
      (Array.isArray(list) ? list : [])
        .map((i) =>
          prop !== undefined && i && typeof i === 'object'
            ? str(Object.prototype.hasOwnProperty.call(i, str(prop)) ? (i as Record<string, unknown>)[str(prop)] : '')
            : str(i),
        )
        .join(sep === undefined ? ',' : str(sep)),
  },
  pad: {
    signature: '{{pad value width [char]}}',
    description: 'The value left-padded to the width with the character (default "0"), e.g. {{pad 7 3}} → 007.',
    fn: ([v, w, c]) => str(v).padStart(Math.min(num(w), 1000), c === undefined ? '0' : str(c).slice(0, 1) || '0'),
  },
  upper: { signature: '{{upper text}}', description: 'The text in upper case.', fn: ([v]) => str(v).toUpperCase() },
  lower: { signature: '{{lower text}}', description: 'The text in lower case.', fn: ([v]) => str(v).toLowerCase() },
  mac: {
    signature: '{{mac value [notation]}}',
    description: 'A MAC in a notation: plain (805e0c112233), upper, colon (80:5e:…), COLON, dash, DASH, dot (805e.0c11.2233).',
    fn: ([v, n]) => {
      const m = str(v)
        .replace(/[^0-9a-fA-F]/g, '')
        .toLowerCase();
      return m.length === 12 ? formatMac(m, (str(n) || 'plain') as MacNotation) : str(v);
    },
  },
  bool: {
    signature: '{{bool value [yes] [no]}}',
    description: 'Spells a truthy/falsy value the vendor\'s way, default 1/0 (e.g. {{bool x "Yes" "No"}}, {{bool x "on" "off"}}).',
    fn: ([v, y, n]) => (isEmpty(v) || v === '0' || v === 'false' ? (n === undefined ? '0' : str(n)) : y === undefined ? '1' : str(y)),
  },
};
