// The fake Lever's collections keep their creation order and their secondary index (requisitions
// by code, postings by the codes they list) current on every write. Each test compares them with
// the same answers computed from scratch, so a stale index fails.
import { describe, expect, it } from 'vitest';
import { compareKeyed, createCollection } from '../../../src/main/sandbox/lever/collection.ts';
import type { Collection } from '../../../src/main/sandbox/lever/collection.ts';

interface Item {
  id: string;
  createdAt: number;
  codes: string[];
}

const item = (id: string, createdAt: number, ...codes: string[]): Item => ({ id, createdAt, codes });

function expectCurrent(c: Collection<Item>): void {
  const all = [...c.values()].sort(compareKeyed);
  expect(c.sorted().map((i) => i.id)).toEqual(all.map((i) => i.id));
  const codes = new Set(all.flatMap((i) => i.codes).concat(['A', 'B', 'C', 'D']));
  for (const code of codes)
    expect(
      c.withKey(code).map((i) => i.id),
      code,
    ).toEqual(all.filter((i) => i.codes.includes(code)).map((i) => i.id));
}

describe('Lever collections', () => {
  it('are ordered by creation, then id, with each key listing its items in that order', () => {
    const c = createCollection([item('b', 2, 'A'), item('a', 2, 'A', 'B'), item('c', 1, 'B')], (i) => i.codes);
    expect(c.sorted().map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(c.withKey('A').map((i) => i.id)).toEqual(['a', 'b']);
    expectCurrent(c);
  });

  it('stay current after adds, replacements that change keys or creation time, and deletes', () => {
    const c = createCollection([item('a', 1, 'A'), item('b', 2, 'A', 'B'), item('c', 3, 'C')], (i) => i.codes);
    c.sorted();
    c.withKey('A');
    c.set(item('d', 0, 'B'));
    expectCurrent(c);
    c.set(item('a', 5, 'C', 'D'));
    expect(c.withKey('A').map((i) => i.id)).toEqual(['b']);
    expect(c.sorted().map((i) => i.id)).toEqual(['d', 'b', 'c', 'a']);
    expectCurrent(c);
    expect(c.delete('b')).toBe(true);
    expect(c.withKey('B').map((i) => i.id)).toEqual(['d']);
    expect(c.delete('b')).toBe(false);
    expectCurrent(c);
    c.set(item('b', 2, 'A'));
    expectCurrent(c);
    expect(c.size).toBe(4);
  });

  it('an item written back unchanged keeps one place', () => {
    const c = createCollection([item('a', 1, 'A'), item('b', 1, 'A')], (i) => i.codes);
    const a = c.get('a') as Item;
    c.set(a);
    c.set({ ...a });
    expect(c.sorted().map((i) => i.id)).toEqual(['a', 'b']);
    expect(c.withKey('A').map((i) => i.id)).toEqual(['a', 'b']);
  });
});
