// A small JSON-Schema validator (the subset bench.schema.json uses) that walks the YAML syntax tree,
// so every error is located on the node that caused it. Unknown properties get "did you mean".
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { nearest } from '../util/text';
import benchSchema from './bench.schema.json';

export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  format?: string;
}

export const BENCH_SCHEMA = benchSchema as unknown as SchemaNode;

export interface SchemaError {
  /** Offsets in the YAML text. */
  start: number;
  end: number;
  message: string;
  code: import('../problems/registry').ProblemCode;
  suggestions?: string[];
}

type Path = (string | number)[];

function span(node: Node | null | undefined, fallback: [number, number]): [number, number] {
  const r = node?.range;
  return r ? [r[0], r[1]] : fallback;
}

function typeName(node: Node | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return typeof node.value === 'string' ? 'a string' : `a ${typeof node.value}`;
  return 'an alias';
}

export function validateNode(node: Node | null, schema: SchemaNode, at: [number, number], path: Path, out: SchemaError[]): void {
  const where = span(node, at);
  const name = path.length ? path.join('.') : 'the bench file';
  const fail = (
    message: string,
    code: import('../problems/registry').ProblemCode = 'bench-schema',
    s = where,
    suggestions?: string[],
  ): void => {
    out.push({ start: s[0], end: s[1], message, code, suggestions });
  };

  switch (schema.type) {
    case 'object': {
      if (!isMap(node)) return fail(`${name}: expected a mapping, found ${typeName(node)}`);
      const seen = new Set<string>();
      for (const pair of node.items as Pair<Node, Node | null>[]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keySpan = span(pair.key, where);
        if (seen.has(key)) fail(`${name}: duplicate key '${key}'`, 'bench-duplicate-key', keySpan);
        seen.add(key);
        const prop = schema.properties?.[key];
        if (prop) validateNode(pair.value, prop, keySpan, [...path, key], out);
        else if (schema.additionalProperties === false) {
          const known = Object.keys(schema.properties ?? {});
          const sugg = nearest(key, known);
          fail(
            `${name}: unknown property '${key}'${sugg.length ? `, did you mean '${sugg[0]}'?` : ` (expected one of ${known.join(', ')})`}`,
            'bench-unknown-property',
            keySpan,
            sugg,
          );
        } else if (typeof schema.additionalProperties === 'object') {
          validateNode(pair.value, schema.additionalProperties, keySpan, [...path, key], out);
        }
      }
      for (const req of schema.required ?? []) {
        if (!seen.has(req))
          fail(`${name}: missing required property '${req}'`, 'bench-missing-property', [where[0], Math.min(where[1], where[0] + 1)]);
      }
      return;
    }
    case 'array': {
      if (!isSeq(node)) return fail(`${name}: expected a list, found ${typeName(node)}`);
      node.items.forEach((item, i) => validateNode(item as Node, schema.items ?? {}, where, [...path, i], out));
      return;
    }
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean': {
      if (!isScalar(node) || node.value === null)
        return fail(`${name}: expected ${schema.type === 'integer' ? 'an integer' : `a ${schema.type}`}, found ${typeName(node)}`);
      const v = node.value;
      if (schema.type === 'string') {
        // Numbers are accepted where strings are expected (extensions such as 101 are typed bare).
        if (typeof v !== 'string' && typeof v !== 'number') return fail(`${name}: expected a string, found ${typeName(node)}`);
        if (schema.enum && !schema.enum.includes(String(v))) {
          const sugg = nearest(String(v), schema.enum);
          return fail(
            `${name}: '${v}' is not one of ${schema.enum.join(', ')}${sugg.length ? ` — did you mean '${sugg[0]}'?` : ''}`,
            'bench-enum',
            where,
            sugg,
          );
        }
        return;
      }
      if (schema.type === 'boolean') {
        if (typeof v !== 'boolean') fail(`${name}: expected true or false, found ${typeName(node)}`);
        return;
      }
      if (typeof v !== 'number' || (schema.type === 'integer' && !Number.isInteger(v))) {
        return fail(`${name}: expected ${schema.type === 'integer' ? 'an integer' : 'a number'}, found ${typeName(node)}`);
      }
      if (schema.minimum !== undefined && v < schema.minimum) fail(`${name}: ${v} is below the minimum ${schema.minimum}`, 'bench-range');
      if (schema.maximum !== undefined && v > schema.maximum) fail(`${name}: ${v} is above the maximum ${schema.maximum}`, 'bench-range');
      return;
    }
    default:
      return;
  }
}

/** The schema node describing a data path such as ['phones', 0, 'lines'] (numbers step into items). */
export function schemaAt(path: Path, root: SchemaNode = BENCH_SCHEMA): SchemaNode | undefined {
  let s: SchemaNode | undefined = root;
  for (const p of path) {
    if (!s) return undefined;
    if (typeof p === 'number') s = s.items;
    else s = s.properties?.[p] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
  }
  return s;
}
