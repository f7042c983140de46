// ChartHop ids are 24-hex-character Mongo-style ids. Server-made ids start
// with the clock's epoch seconds (like an ObjectId) and end with a counter;
// the store skips any id already taken by seeded data.

/** Makes fresh 24-hex ids. */
export interface IdFactory {
  /** A new id, never returned before and not in `taken`. */
  next(taken: (id: string) => boolean): string;
}

/** An id factory reading time from `clock` (epoch ms). */
export function createIdFactory(clock: () => number): IdFactory {
  let counter = 0;
  return {
    next(taken) {
      for (;;) {
        counter += 1;
        const seconds = Math.floor(clock() / 1000) >>> 0;
        const id = seconds.toString(16).padStart(8, '0') + counter.toString(16).padStart(16, '0');
        if (!taken(id)) return id;
      }
    },
  };
}
