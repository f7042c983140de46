import { describe, expect, it } from 'vitest';
import { createGroupIndex, indexBy } from '../../../src/main/core/sync/group-index.ts';

describe('group index', () => {
  it('keeps values per key in order, counts them, and lists only the shared keys', () => {
    const index = createGroupIndex<string, number>();
    expect(index.get('a')).toEqual([]);
    expect(index.count('a')).toBe(0);
    index.add('a', 1);
    index.add('b', 2);
    index.add('a', 3);
    index.add('a', 4);
    expect(index.get('a')).toEqual([1, 3, 4]);
    expect(index.get('b')).toEqual([2]);
    expect([index.count('a'), index.count('b'), index.count('c')]).toEqual([3, 1, 0]);
    const seen: number[] = [];
    index.forEach('a', (v) => seen.push(v));
    index.forEach('b', (v) => seen.push(v));
    index.forEach('c', (v) => seen.push(v));
    expect(seen).toEqual([1, 3, 4, 2]);
    expect([...index.shared()]).toEqual([['a', [1, 3, 4]]]);
  });

  it('keeps falsy values as values', () => {
    const index = createGroupIndex<string, number | null>();
    index.add('k', 0);
    index.add('k', null);
    expect(index.get('k')).toEqual([0, null]);
  });

  it('indexBy keeps the last item of a key, as a Map built from pairs would', () => {
    const items = [
      { id: 'x', n: 1 },
      { id: 'y', n: 2 },
      { id: 'x', n: 3 },
    ];
    expect(indexBy(items, (i) => i.id)).toEqual(new Map(items.map((i) => [i.id, i])));
    expect(indexBy(items, (i) => i.id).get('x')?.n).toBe(3);
  });
});
