// What a shape report says for each kind of schema a Lever or ChartHop answer is parsed with: which
// fields may be left out ("missing") and which break the parse ("type"), which JSON types a field
// accepts, how deep a schema is looked at, and how many findings one answer can produce. A wrong
// kind or type here sends a consultant after the wrong field when a vendor changes its API.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareShape, safeKey } from '../../../src/main/core/http/shape.ts';

/** Wraps `inner` `times` times with `wrap`. */
const nest = (inner: z.ZodType, times: number, wrap: (s: z.ZodType) => z.ZodType): z.ZodType =>
  Array.from({ length: times }).reduce<z.ZodType>((s) => wrap(s), inner);

describe('which fields may be left out', () => {
  it('reports a required field of every plain kind as a type finding, and optional or defaulted ones as missing', () => {
    const schema = z.object({
      text: z.string(),
      chosen: z.enum(['open', 'closed']),
      exact: z.literal('v1'),
      either: z.union([z.string(), z.number()]),
      list: z.array(z.string()),
      forced: z.string().nonoptional(),
      forcedEither: z.union([z.string(), z.number()]).nonoptional(),
      forcedAnything: z.unknown().nonoptional(),
      maybeText: z.string().optional(),
      maybeList: z.array(z.string()).optional(),
      maybeEither: z.union([z.string(), z.number()]).optional(),
      withDefault: z.number().default(1),
      withPrefault: z.number().prefault(1),
      recovered: z.string().catch('none'),
      documented: z.unknown(),
    });
    expect(compareShape(schema, {})).toEqual([
      { kind: 'type', path: 'text', observed: null, expected: 'string' },
      { kind: 'type', path: 'chosen', observed: null, expected: 'string' },
      { kind: 'type', path: 'exact', observed: null, expected: '"v1"' },
      { kind: 'type', path: 'either', observed: null, expected: 'number|string' },
      { kind: 'type', path: 'list', observed: null, expected: 'array' },
      { kind: 'type', path: 'forced', observed: null, expected: 'string' },
      { kind: 'type', path: 'forcedEither', observed: null, expected: 'number|string' },
      { kind: 'type', path: 'forcedAnything', observed: null, expected: null },
      { kind: 'missing', path: 'maybeText', observed: null, expected: 'string' },
      { kind: 'missing', path: 'maybeList', observed: null, expected: 'array' },
      { kind: 'missing', path: 'maybeEither', observed: null, expected: 'number|string' },
      { kind: 'missing', path: 'withDefault', observed: null, expected: 'number' },
      { kind: 'missing', path: 'withPrefault', observed: null, expected: 'number' },
      { kind: 'missing', path: 'recovered', observed: null, expected: 'string' },
    ]);
  });

  it('treats a field sent as undefined like one left out', () => {
    const schema = z.object({ id: z.string(), team: z.string().optional() });
    expect(compareShape(schema, { id: undefined, team: undefined })).toEqual([
      { kind: 'type', path: 'id', observed: null, expected: 'string' },
      { kind: 'missing', path: 'team', observed: null, expected: 'string' },
    ]);
  });

  it('names no expected type for a left-out field that may hold anything among its options', () => {
    const schema = z.object({ note: z.union([z.string(), z.unknown()]).optional() });
    expect(compareShape(schema, {})).toEqual([{ kind: 'missing', path: 'note', observed: null, expected: null }]);
  });
});

describe('which JSON types a field accepts', () => {
  it('accepts null only where the schema says nullable', () => {
    const schema = z.object({
      a: z.string().optional(),
      b: z.string().nullable(),
      list: z.array(z.string()).optional(),
      nullableList: z.array(z.string()).nullable(),
      c: z.union([z.string(), z.number()]).nullable(),
      d: z.union([z.string(), z.number()]).optional(),
      e: z.array(z.string()).nonoptional(),
      f: z.string().readonly(),
    });
    expect(compareShape(schema, { a: null, b: null, list: null, nullableList: null, c: null, d: null, e: null, f: null })).toEqual([
      { kind: 'type', path: 'a', observed: 'null', expected: 'string' },
      { kind: 'type', path: 'list', observed: 'null', expected: 'array' },
      { kind: 'type', path: 'd', observed: 'null', expected: 'number|string' },
      { kind: 'type', path: 'e', observed: 'null', expected: 'array' },
      { kind: 'type', path: 'f', observed: 'null', expected: 'string' },
    ]);
    expect(compareShape(schema, { a: 'x', b: 'x', list: [], nullableList: ['x'], c: 2, d: 'x', e: [], f: 'x' })).toEqual([]);
  });

  it('checks enums, literals, pipes, nested unions and arrays by their JSON type and values', () => {
    const schema = z.object({
      status: z.enum(['open', 'closed']),
      version: z.literal('v1'),
      count: z.string().pipe(z.transform((s) => Number(s))),
      id: z.union([z.union([z.string(), z.number()]), z.boolean()]),
      tags: z.array(z.string()),
    });
    expect(compareShape(schema, { status: 'open', version: 'v1', count: '3', id: 7, tags: ['a'] })).toEqual([]);
    expect(compareShape(schema, { status: 3, version: 'v2', count: 3, id: {}, tags: 'a' })).toEqual([
      { kind: 'type', path: 'status', observed: 'number', expected: 'string' },
      { kind: 'type', path: 'version', observed: 'string', expected: '"v1"' },
      { kind: 'type', path: 'count', observed: 'number', expected: 'string' },
      { kind: 'type', path: 'id', observed: 'object', expected: 'boolean|number|string' },
      { kind: 'type', path: 'tags', observed: 'string', expected: 'array' },
    ]);
  });

  it('reports a record holding something other than an object, but never the keys inside it', () => {
    const schema = z.object({ customFields: z.record(z.string(), z.string()) });
    expect(compareShape(schema, { customFields: 'ada@example.com' })).toEqual([
      { kind: 'type', path: 'customFields', observed: 'string', expected: 'object' },
    ]);
    expect(compareShape(schema, { customFields: { 'ada@example.com': 1 } })).toEqual([]);
  });

  it('does not guess which of two object options an answer meant', () => {
    const schema = z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]);
    expect(compareShape(schema, { b: 1 })).toEqual([]);
  });

  it('reports a whole answer of the wrong type as the body', () => {
    expect(compareShape(z.object({ data: z.array(z.string()) }), [])).toEqual([
      { kind: 'type', path: '(body)', observed: 'array', expected: 'object' },
    ]);
    expect(compareShape(z.union([z.object({}), z.array(z.string())]), 'oops')).toEqual([
      { kind: 'type', path: '(body)', observed: 'string', expected: 'array|object' },
    ]);
  });
});

describe('how deep a schema is looked at', () => {
  const wrappers: [string, (s: z.ZodType) => z.ZodType][] = [
    ['nullable', (s) => s.nullable()],
    ['pipe', (s) => s.pipe(z.any())],
    ['union', (s) => z.union([s, z.boolean()])],
  ];
  it.each(wrappers)('checks a field under 11 %s wrappers and no deeper', (_name, wrap) => {
    const shallow = z.object({ x: nest(z.string(), 11, wrap) });
    const deep = z.object({ x: nest(z.string(), 12, wrap) });
    expect(compareShape(shallow, { x: 5 })).toMatchObject([{ kind: 'type', path: 'x', observed: 'number' }]);
    expect(compareShape(deep, { x: 5 })).toEqual([]);
  });

  it('checks an array item under 10 nullable wrappers and no deeper', () => {
    const shallow = z.object({ x: z.array(nest(z.string(), 10, (s) => s.nullable())) });
    const deep = z.object({ x: z.array(nest(z.string(), 11, (s) => s.nullable())) });
    expect(compareShape(shallow, { x: [5] })).toEqual([{ kind: 'type', path: 'x[]', observed: 'number', expected: 'null|string' }]);
    expect(compareShape(deep, { x: [5] })).toEqual([]);
  });

  it('checks fields 12 objects down and no deeper', () => {
    const at12 = nest(z.object({ x: z.string() }), 11, (s) => z.object({ a: s }));
    const at13 = nest(z.object({ x: z.string() }), 12, (s) => z.object({ a: s }));
    expect(compareShape(at12, wrapValue({ x: 5 }, 11))).toEqual([
      { kind: 'type', path: 'a.a.a.a.a.a.a.a.a.a.a.x', observed: 'number', expected: 'string' },
    ]);
    expect(compareShape(at13, wrapValue({ x: 5 }, 12))).toEqual([]);
  });
});

/** `{ a: { a: … inner } }`, `levels` deep. */
function wrapValue(inner: unknown, levels: number): unknown {
  return levels === 0 ? inner : { a: wrapValue(inner, levels - 1) };
}

describe('how much one answer can report', () => {
  it('keeps one finding per path and type seen, and at most 50', () => {
    const schema = z.object({ data: z.array(z.looseObject({ id: z.string() })) });
    expect(
      compareShape(schema, {
        data: [
          { id: 'a', extra: 'x' },
          { id: 'b', extra: 2 },
          { id: 'c', extra: 'y' },
        ],
      }),
    ).toEqual([
      { kind: 'unknown', path: 'data[].extra', observed: 'string', expected: null },
      { kind: 'unknown', path: 'data[].extra', observed: 'number', expected: null },
    ]);
    const wide = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`field${i}`, i]));
    const findings = compareShape(z.object({}), wide);
    expect(findings).toHaveLength(50);
    expect(findings[49]).toEqual({ kind: 'unknown', path: 'field49', observed: 'number', expected: null });
  });

  it('keeps keys with short digit runs, such as an address line', () => {
    expect(safeKey('addressLine2')).toBe('addressLine2');
    expect(safeKey('q1234')).toBe('q1234');
    expect(safeKey('q12345')).toBe('<key>');
  });
});
