import { HttpError } from '../http/index.ts';
import type {
  LeverApiKey, LeverArchiveReason, LeverOpportunity, LeverPosting, LeverRequisition, LeverRequisitionField,
  LeverSeed, LeverStage, LeverState, LeverUser, LeverWebhook,
} from './state.ts';

/** A record ordered by creation: Lever lists are served oldest first, ties broken by id. */
export interface Keyed {
  id: string;
  createdAt: number;
}

/** An id-indexed collection with a lazily rebuilt creation-ordered view for keyset pagination. */
export interface Collection<T extends Keyed> {
  get(id: string): T | undefined;
  set(item: T): void;
  delete(id: string): boolean;
  values(): IterableIterator<T>;
  /** Items ordered by (createdAt, id); rebuilt only after a mutation. */
  sorted(): readonly T[];
  readonly size: number;
}

/** Creates a collection from items (later duplicates of an id replace earlier ones). */
export function createCollection<T extends Keyed>(items: readonly T[]): Collection<T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id, item);
  let cache: T[] | undefined;
  return {
    get: (id) => map.get(id),
    set(item) {
      map.set(item.id, item);
      cache = undefined;
    },
    delete(id) {
      cache = undefined;
      return map.delete(id);
    },
    values: () => map.values(),
    sorted() {
      cache ??= [...map.values()].sort(compareKeyed);
      return cache;
    },
    get size() {
      return map.size;
    },
  };
}

/** Orders by createdAt, then id. */
export function compareKeyed(a: Keyed, b: Keyed): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The fake Lever's live data. Small catalogues (stages, reasons, keys) stay plain arrays. */
export interface LeverStore {
  keys: LeverApiKey[];
  stages: LeverStage[];
  archiveReasons: LeverArchiveReason[];
  users: Collection<LeverUser>;
  requisitionFields: Collection<LeverRequisitionField>;
  requisitions: Collection<LeverRequisition>;
  postings: Collection<LeverPosting>;
  opportunities: Collection<LeverOpportunity>;
  webhooks: Collection<LeverWebhook>;
}

/** Builds a store from a complete state (records are deep-copied, so callers keep their objects). */
export function createStore(state: LeverState): LeverStore {
  const copy = structuredClone(state);
  return {
    keys: copy.keys,
    stages: copy.stages,
    archiveReasons: copy.archiveReasons,
    users: createCollection(copy.users),
    requisitionFields: createCollection(copy.requisitionFields),
    requisitions: createCollection(copy.requisitions),
    postings: createCollection(copy.postings),
    opportunities: createCollection(copy.opportunities),
    webhooks: createCollection(copy.webhooks),
  };
}

/** Snapshot of the store as a complete, deep-copied state (a valid seed). */
export function snapshot(store: LeverStore): LeverState {
  return structuredClone({
    keys: store.keys,
    users: [...store.users.sorted()],
    requisitionFields: [...store.requisitionFields.values()],
    requisitions: [...store.requisitions.sorted()],
    postings: [...store.postings.sorted()],
    stages: store.stages,
    archiveReasons: store.archiveReasons,
    opportunities: [...store.opportunities.sorted()],
    webhooks: [...store.webhooks.values()],
  });
}

/**
 * Checks an untrusted seed (it may arrive over the control surface) for the fields every record
 * needs; throws 400 naming the first problem. Deeper shapes are trusted.
 */
export function checkSeed(raw: unknown): LeverSeed {
  const fail = (why: string): never => {
    throw new HttpError(400, `Invalid Lever seed: ${why}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('expected an object');
  const seed = raw as Record<string, unknown>;
  const required: Record<string, readonly string[]> = {
    keys: ['id', 'secret'], users: ['id', 'name', 'email'], requisitionFields: ['id', 'text', 'type'],
    requisitions: ['requisitionCode', 'name', 'headcountTotal'], postings: ['id', 'text'], stages: ['id', 'text'],
    archiveReasons: ['id', 'text', 'type'], opportunities: ['id', 'name'], webhooks: ['event', 'url', 'signatureToken'],
  };
  for (const [name, fields] of Object.entries(required)) {
    const list = seed[name];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`${name} must be an array`);
    (list as unknown[]).forEach((item, i) => {
      if (typeof item !== 'object' || item === null) fail(`${name}[${i}] must be an object`);
      for (const f of fields) if ((item as Record<string, unknown>)[f] === undefined) fail(`${name}[${i}].${f} is required`);
    });
  }
  return seed as LeverSeed;
}
