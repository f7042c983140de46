// An id-indexed collection of Lever records that keeps its creation-ordered
// list (what keyset pagination walks) and an optional secondary index (e.g.
// requisitions by code, postings by the requisition codes they list) current
// on each write, so no request re-sorts or re-scans the whole collection.

/** A record ordered by creation: Lever lists are served oldest first, ties broken by id. */
export interface Keyed {
  id: string;
  createdAt: number;
}

/** An id-indexed collection with a creation-ordered view for keyset pagination. */
export interface Collection<T extends Keyed> {
  get(id: string): T | undefined;
  set(item: T): void;
  delete(id: string): boolean;
  values(): IterableIterator<T>;
  /** Items ordered by (createdAt, id); kept current by `set` and `delete`. */
  sorted(): readonly T[];
  /** Items whose keys (see `createCollection`) include `key`, ordered by (createdAt, id). */
  withKey(key: string): readonly T[];
  readonly size: number;
}

/** Orders by createdAt, then id. */
export function compareKeyed(a: Keyed, b: Keyed): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Where `item` is, or would go, in a list ordered by {@link compareKeyed}. */
function position(list: readonly Keyed[], item: Keyed): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeyed(list[mid] as Keyed, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function remove<T extends Keyed>(list: T[], item: T): void {
  const at = position(list, item);
  if (list[at]?.id === item.id) list.splice(at, 1);
}

function insert<T extends Keyed>(list: T[], item: T): void {
  list.splice(position(list, item), 0, item);
}

/**
 * Creates a collection from items (later duplicates of an id replace earlier ones). `keysOf`
 * names the secondary keys of an item, answered by `withKey`.
 */
export function createCollection<T extends Keyed>(items: readonly T[], keysOf: (item: T) => readonly string[] = () => []): Collection<T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  const sorted = [...map.values()].sort(compareKeyed);
  const byKey = new Map<string, T[]>();
  const unkey = (item: T): void => {
    for (const key of new Set(keysOf(item))) {
      const list = byKey.get(key);
      if (!list) continue;
      remove(list, item);
      if (list.length === 0) byKey.delete(key);
    }
  };
  const addKeys = (item: T): void => {
    for (const key of new Set(keysOf(item))) {
      const list = byKey.get(key);
      if (list) insert(list, item);
      else byKey.set(key, [item]);
    }
  };
  for (const item of sorted)
    for (const key of new Set(keysOf(item))) {
      const list = byKey.get(key);
      if (list) list.push(item);
      else byKey.set(key, [item]);
    }
  return {
    get: (id) => map.get(id),
    set(item) {
      const old = map.get(item.id);
      if (old) {
        remove(sorted, old);
        unkey(old);
      }
      map.set(item.id, item);
      insert(sorted, item);
      addKeys(item);
    },
    delete(id) {
      const old = map.get(id);
      if (!old) return false;
      remove(sorted, old);
      unkey(old);
      return map.delete(id);
    },
    values: () => map.values(),
    sorted: () => sorted,
    withKey: (key) => byKey.get(key) ?? [],
    get size() {
      return map.size;
    },
  };
}
