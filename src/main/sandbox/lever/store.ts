import { HttpError } from '../http/index.ts';
import { createCollection } from './collection.ts';
import type { Collection } from './collection.ts';
import type {
  LeverApiKey,
  LeverArchiveReason,
  LeverOpportunity,
  LeverPosting,
  LeverRequisition,
  LeverRequisitionField,
  LeverSeed,
  LeverStage,
  LeverState,
  LeverUser,
  LeverWebhook,
} from './state.ts';

export { compareKeyed, createCollection } from './collection.ts';
export type { Collection, Keyed } from './collection.ts';

/** The fake Lever's live data. Small catalogues (stages, reasons, keys) stay plain arrays. */
export interface LeverStore {
  keys: LeverApiKey[];
  stages: LeverStage[];
  archiveReasons: LeverArchiveReason[];
  users: Collection<LeverUser>;
  requisitionFields: Collection<LeverRequisitionField>;
  /** Secondary key: the requisition code. */
  requisitions: Collection<LeverRequisition>;
  /** Secondary keys: the requisition codes the posting lists. */
  postings: Collection<LeverPosting>;
  opportunities: Collection<LeverOpportunity>;
  webhooks: Collection<LeverWebhook>;
}

/**
 * Builds a store from a complete state. Records are deep-copied, so callers keep their objects,
 * unless `adopt` says the state is the store's alone.
 */
export function createStore(state: LeverState, adopt = false): LeverStore {
  const copy = adopt ? state : structuredClone(state);
  return {
    keys: copy.keys,
    stages: copy.stages,
    archiveReasons: copy.archiveReasons,
    users: createCollection(copy.users),
    requisitionFields: createCollection(copy.requisitionFields),
    requisitions: createCollection(copy.requisitions, (r) => [r.requisitionCode]),
    postings: createCollection(copy.postings, (p) => p.requisitionCodes),
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
    keys: ['id', 'secret'],
    users: ['id', 'name', 'email'],
    requisitionFields: ['id', 'text', 'type'],
    requisitions: ['requisitionCode', 'name', 'headcountTotal'],
    postings: ['id', 'text'],
    stages: ['id', 'text'],
    archiveReasons: ['id', 'text', 'type'],
    opportunities: ['id', 'name'],
    webhooks: ['event', 'url', 'signatureToken'],
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
