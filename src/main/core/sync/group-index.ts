/**
 * Values grouped by a key, for the pairing steps' lookups (code → requisitions, title and manager →
 * jobs, requisition → the jobs claiming it). Almost every key has one value, so a key with one value
 * costs one map entry and no array; only a key seen twice gets an array. On a 100,000-record plan
 * the array-per-key version allocated some 60 MB that lived as long as the pairing and then died.
 */

/** A multimap that keeps single values without an array. */
export interface GroupIndex<K, V> {
  /** Add `value` under `key` (after the values already there). */
  add(key: K, value: V): void;
  /** How many values `key` has (0 when none). */
  count(key: K): number;
  /** The values under `key`, in the order they were added (empty when none). */
  get(key: K): readonly V[];
  /** Call `fn` with each value under `key`, in order, without building an array. */
  forEach(key: K, fn: (value: V) => void): void;
  /** Every key that has two values or more, with its values. */
  shared(): IterableIterator<[K, readonly V[]]>;
}

/** An empty {@link GroupIndex}. */
export function createGroupIndex<K, V>(): GroupIndex<K, V> {
  const single = new Map<K, V>();
  const several = new Map<K, V[]>();
  return {
    add(key, value) {
      const many = several.get(key);
      if (many) {
        many.push(value);
        return;
      }
      if (!single.has(key)) {
        single.set(key, value);
        return;
      }
      several.set(key, [single.get(key) as V, value]);
      single.delete(key);
    },
    count(key) {
      return single.has(key) ? 1 : (several.get(key)?.length ?? 0);
    },
    get(key) {
      if (single.has(key)) return [single.get(key) as V];
      return several.get(key) ?? [];
    },
    forEach(key, fn) {
      if (single.has(key)) fn(single.get(key) as V);
      else for (const value of several.get(key) ?? []) fn(value);
    },
    shared: () => several.entries(),
  };
}

/**
 * A map of `items` by `key(item)` (a later item with the same key wins, as `new Map(items.map(…))`
 * would), filled in a loop: the pairs array that `new Map(items.map(…))` builds first costs some
 * 4 MB per 100,000 records, garbage as soon as the map is made.
 */
export function indexBy<K, V>(items: Iterable<V>, key: (item: V) => K): Map<K, V> {
  const map = new Map<K, V>();
  for (const item of items) map.set(key(item), item);
  return map;
}
