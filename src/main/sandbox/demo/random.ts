// Seeded randomness for the generator: one mulberry32 stream (the kit's
// `createRng`) with the helpers the generator needs. Never Math.random.
import { createRng, randomHex, randomUuid } from '../http/index.ts';

/** Deterministic random helpers over one seeded stream. */
export interface DemoRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weights. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  uuid(): string;
  hex(length: number): string;
}

/** A random source seeded with `seed`. */
export function createDemoRandom(seed: number): DemoRandom {
  const next = createRng(seed);
  const self: DemoRandom = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (items, weight) => {
      const total = items.reduce((sum, item) => sum + weight(item), 0);
      let roll = next() * total;
      for (const item of items) {
        roll -= weight(item);
        if (roll < 0) return item;
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    uuid: () => randomUuid(next),
    hex: (length) => randomHex(next, length),
  };
  return self;
}

/** Builds a picker over cumulative weights: O(log n) per pick, for large lists. */
export function createWeightedIndex(weights: readonly number[], random: DemoRandom): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  return () => {
    const roll = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
