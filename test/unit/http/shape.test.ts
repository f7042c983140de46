// Shape drift from the schema a response is parsed with: unknown fields, optional fields left out,
// values of another type (a literal's values included), arrays sampled, and no values — nor keys
// that look like data — in what is reported.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compareShape, jsonTypeOf, safeKey } from '../../../src/main/core/http/shape.ts';

const item = z.looseObject({
  id: z.string(),
  name: z.string(),
  team: z.string().nullish(),
  headcountTotal: z.union([z.number(), z.literal('unlimited')]),
  tags: z.array(z.string()).nullish(),
  customFields: z.record(z.string(), z.unknown()).nullish(),
});
const envelope = z.looseObject({ data: z.array(item), next: z.string().nullish() });
const row = (extra: Record<string, unknown> = {}) => ({
  id: 'r1',
  name: 'Engineer',
  team: 'Platform',
  headcountTotal: 1,
  tags: ['a'],
  customFields: {},
  ...extra,
});

describe('compareShape', () => {
  it('finds nothing in an answer of the expected shape', () => {
    expect(compareShape(envelope, { data: [row(), row({ headcountTotal: 'unlimited', team: null })], next: null })).toEqual([]);
  });

  it('reports a renamed field as unknown + missing, a number as a string, and extra nesting, with paths and types only', () => {
    const drifted = {
      id: 'r1',
      name: 'SECRET-NAME',
      teamName: 'SECRET-TEAM',
      headcountTotal: '2',
      tags: [{ label: 'SECRET-TAG' }],
      customFields: { 'ada@example.com': 'SECRET' },
    };
    const findings = compareShape(envelope, { data: [drifted], next: null });
    expect(findings).toEqual(
      expect.arrayContaining([
        { kind: 'unknown', path: 'data[].teamName', observed: 'string', expected: null },
        { kind: 'missing', path: 'data[].team', observed: null, expected: 'null|string' },
        { kind: 'type', path: 'data[].headcountTotal', observed: 'string', expected: '"unlimited"|number' },
        { kind: 'type', path: 'data[].tags[]', observed: 'object', expected: 'string' },
      ]),
    );
    expect(findings).toHaveLength(4);
    expect(JSON.stringify(findings)).not.toMatch(/SECRET|ada@example/);
  });

  it('reports a required field left out as a type finding (the parse fails on it)', () => {
    const { id: _id, ...withoutId } = row();
    expect(compareShape(envelope, { data: [withoutId], next: null })).toEqual([
      { kind: 'type', path: 'data[].id', observed: null, expected: 'string' },
    ]);
  });

  it('masks keys that look like data, and samples the first 25 items of an array', () => {
    expect(safeKey('teamName')).toBe('teamName');
    expect(safeKey('ada@example.com')).toBe('<key>');
    expect(safeKey('has space')).toBe('<key>');
    expect(safeKey('req123456')).toBe('<key>');
    const rows = Array.from({ length: 30 }, (_, i) => row(i === 29 ? { surprise: 1 } : {}));
    expect(compareShape(envelope, { data: rows, next: null })).toEqual([]);
    const early = Array.from({ length: 30 }, (_, i) => row(i === 3 ? { 'ada@example.com': 1 } : {}));
    expect(compareShape(envelope, { data: early, next: null })).toEqual([
      { kind: 'unknown', path: 'data[].<key>', observed: 'number', expected: null },
    ]);
  });

  it('names the JSON types', () => {
    expect([null, [], {}, 'a', 1, true].map(jsonTypeOf)).toEqual(['null', 'array', 'object', 'string', 'number', 'boolean']);
  });
});
