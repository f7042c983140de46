/**
 * API shape drift: a parsed response compared with the zod schema it was
 * parsed with. Fields the schema does not know, optional fields the answer
 * left out, and values of another JSON type are reported as key paths and
 * JSON types only — never values, and never keys that look like data (keys
 * under records, or ones holding an `@`, spaces or long digit runs, are
 * masked) — so a report can go into a support ticket.
 */
import type { z } from 'zod';

/** A JSON value's type as reported. */
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** One difference between an answer and its schema, at a key path such as `data[].team`. */
export interface ShapeFinding {
  kind: 'unknown' | 'missing' | 'type';
  path: string;
  /** The JSON type seen (unknown and type findings). */
  observed: JsonType | null;
  /** The types the schema allows (missing and type findings), e.g. `string|null`. */
  expected: string | null;
}

type Node =
  | { kind: 'object'; fields: Map<string, { optional: boolean; node: Node }> }
  | { kind: 'array'; element: Node }
  | { kind: 'record' }
  | { kind: 'scalar'; types: Set<JsonType>; optional: boolean; literals?: readonly unknown[] }
  | { kind: 'union'; options: Node[]; optional: boolean }
  | { kind: 'any' };

/** Items of one array looked at per response: a listing's first rows tell its shape. */
const SAMPLED_ITEMS = 25;
/** Findings kept per response at most. */
const MAX_FINDINGS = 50;

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const SCALARS: Record<string, JsonType> = {
  string: 'string',
  number: 'number',
  int: 'number',
  bigint: 'number',
  boolean: 'boolean',
  null: 'null',
  date: 'string',
};

/** The `null` a nullable wrapper adds to a union's options. */
const nullOption = (): Node => ({
  kind: 'scalar',
  types: new Set(['null']),
  // Stryker disable next-line BooleanLiteral: only a field's own node is asked whether it may be left out, never a union's option
  optional: false,
});

/** The schema as a tree of what it expects (zod 4 definitions). */
function nodeOf(schema: unknown, depth = 0): Node {
  if (depth > 12) return { kind: 'any' };
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const fields = new Map<string, { optional: boolean; node: Node }>();
      for (const [key, child] of Object.entries(def['shape'] as Record<string, unknown>)) {
        const node = nodeOf(child, depth + 1);
        fields.set(key, { optional: (node as { optional?: boolean }).optional === true, node });
      }
      return { kind: 'object', fields };
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch': {
      const inner = nodeOf(def['innerType'], depth + 1);
      const nullable = def.type === 'nullable';
      const optional = def.type !== 'nonoptional';
      if (inner.kind === 'scalar')
        return { ...inner, types: nullable ? new Set([...inner.types, 'null']) : inner.types, optional: inner.optional || optional };
      if (inner.kind === 'union')
        return {
          ...inner,
          optional: inner.optional || optional,
          options: nullable ? [...inner.options, nullOption()] : inner.options,
        };
      // A union of one option carries whether the field may be left out (any other node cannot).
      return { kind: 'union', options: nullable ? [inner, nullOption()] : [inner], optional };
    }
    case 'pipe':
      return nodeOf(def['in'], depth + 1);
    case 'array':
      return { kind: 'array', element: nodeOf(def['element'], depth + 1) };
    case 'record':
      return { kind: 'record' };
    case 'union':
      return { kind: 'union', options: (def['options'] as unknown[]).map((o) => nodeOf(o, depth + 1)), optional: false };
    case 'literal': {
      const values = def['values'] as unknown[];
      return { kind: 'scalar', types: new Set(values.map(jsonTypeOf)), optional: false, literals: values };
    }
    case 'enum':
      return { kind: 'scalar', types: new Set(['string']), optional: false };
    default: {
      const scalar = SCALARS[def.type];
      return scalar ? { kind: 'scalar', types: new Set([scalar]), optional: false } : { kind: 'any' };
    }
  }
}

/** The JSON type of a value. */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

/** A key safe to report: ids under records and keys that look like data are masked. */
export function safeKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]{0,39}$/.test(key) && !/\d{5,}/.test(key) ? key : '<key>';
}

/** The JSON types a node accepts at its top (for the "expected" column). */
function accepted(node: Node): Set<JsonType> | null {
  switch (node.kind) {
    case 'scalar':
      return node.types;
    case 'object':
    case 'record':
      return new Set(['object']);
    case 'array':
      return new Set(['array']);
    case 'any':
      return null;
    case 'union': {
      const out = new Set<JsonType>();
      for (const o of node.options) {
        const a = accepted(o);
        if (!a) return null;
        for (const t of a) out.add(t);
      }
      return out;
    }
  }
}

/** The expected types as text; a literal shows its values (the schema's, never the answer's). */
const expectedText = (node: Node): string | null => {
  if (node.kind === 'scalar' && node.literals) return node.literals.map((v) => JSON.stringify(v)).join('|');
  if (node.kind === 'union') {
    const parts = node.options.map(expectedText);
    const named = parts.filter((p) => p !== null);
    return named.length === parts.length ? [...new Set(named.flatMap((p) => p.split('|')))].sort().join('|') : null;
  }
  const types = accepted(node);
  return types ? [...types].sort().join('|') : null;
};

/** Whether `v` fits `node` at its top (type, and a literal's value). */
const fitsTop = (node: Node, v: unknown): boolean => {
  const types = accepted(node);
  if (types && !types.has(jsonTypeOf(v))) return false;
  return !(node.kind === 'scalar' && node.literals && !node.literals.includes(v));
};

/** What each schema expects, worked out once. */
const expectations = new WeakMap<object, Node>();

/** Compares `value` with what `schema` expects; at most 50 findings, array items sampled. */
export function compareShape(schema: z.ZodType, value: unknown): ShapeFinding[] {
  const found = new Map<string, ShapeFinding>();
  const add = (f: ShapeFinding): void => {
    if (found.size < MAX_FINDINGS) found.set(`${f.kind}\n${f.path}\n${String(f.observed)}`, f);
  };
  // The expectation tree is at most 12 levels deep (deeper schemas end in "any"), so the walk is too.
  const walk = (node: Node, v: unknown, path: string): void => {
    const observed = jsonTypeOf(v);
    if (node.kind === 'union') {
      const fits = node.options.filter((o) => fitsTop(o, v));
      if (fits.length === 0) add({ kind: 'type', path: path || '(body)', observed, expected: expectedText(node) });
      else if (fits.length === 1 && fits[0]) walk(fits[0], v, path);
      return;
    }
    if (!fitsTop(node, v)) {
      add({ kind: 'type', path: path || '(body)', observed, expected: expectedText(node) });
      return;
    }
    if (node.kind === 'array' && Array.isArray(v)) {
      for (const item of v.slice(0, SAMPLED_ITEMS)) walk(node.element, item, `${path}[]`);
      return;
    }
    // Past the type check an object's value is an object; a record's keys are data, never compared.
    if (node.kind !== 'object') return;
    const record = v as Record<string, unknown>;
    for (const [key, field] of node.fields) {
      const child = path ? `${path}.${key}` : key;
      // A key left out reads as undefined too.
      if (record[key] === undefined) {
        // A field declared as anything (documented, not read) may be absent too.
        if (field.node.kind === 'any') continue;
        if (field.optional) add({ kind: 'missing', path: child, observed: null, expected: expectedText(field.node) });
        else add({ kind: 'type', path: child, observed: null, expected: expectedText(field.node) });
        continue;
      }
      walk(field.node, record[key], child);
    }
    for (const key of Object.keys(record)) {
      if (node.fields.has(key)) continue;
      add({ kind: 'unknown', path: path ? `${path}.${safeKey(key)}` : safeKey(key), observed: jsonTypeOf(record[key]), expected: null });
    }
  };
  const root = expectations.get(schema) ?? nodeOf(schema);
  // Stryker disable next-line CallExpression: the cache only saves working the schema out again
  expectations.set(schema, root);
  walk(root, value, '');
  return [...found.values()];
}
