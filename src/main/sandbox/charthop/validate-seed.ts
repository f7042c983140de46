// A light structural check of a seed, so a bad `control.seed()` or
// `PUT /__sandbox/state` fails with a clear message instead of a broken store.
import type { ChartHopSeed } from './state.ts';

const COLLECTIONS = ['orgs', 'tokens', 'groups', 'persons', 'fields', 'changes'] as const;
const CHANGE_TYPES = new Set(['CREATE', 'UPDATE', 'DELETE', 'HIRE', 'DEPART']);
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns `raw` typed as a seed, or throws an Error naming the first problem. */
export function validateSeed(raw: unknown): ChartHopSeed {
  if (typeof raw !== 'object' || raw === null) throw new Error('invalid ChartHop seed: expected an object');
  const seed = raw as Record<string, unknown>;
  for (const key of COLLECTIONS) if (!Array.isArray(seed[key])) throw new Error(`invalid ChartHop seed: ${key} must be a list`);
  if (seed.events !== undefined && !Array.isArray(seed.events)) throw new Error('invalid ChartHop seed: events must be a list');
  const typed = raw as ChartHopSeed;
  for (const key of ['orgs', 'groups', 'persons', 'fields', 'changes'] as const) {
    for (const item of typed[key] as { id?: unknown }[]) {
      if (typeof item?.id !== 'string') throw new Error(`invalid ChartHop seed: every entry of ${key} needs a string id`);
    }
  }
  for (const grant of typed.tokens) {
    if (typeof grant?.token !== 'string' || !Array.isArray(grant.orgIds))
      throw new Error('invalid ChartHop seed: every token needs token and orgIds');
  }
  for (const change of typed.changes) {
    if (!CHANGE_TYPES.has(change.type))
      throw new Error(`invalid ChartHop seed: change ${change.id} has unknown type ${String(change.type)}`);
    if (typeof change.date !== 'string' || !DATE_RE.test(change.date))
      throw new Error(`invalid ChartHop seed: change ${change.id} needs a YYYY-MM-DD date`);
    if (change.type === 'CREATE' && !change.job) throw new Error(`invalid ChartHop seed: CREATE change ${change.id} needs job data`);
  }
  return typed;
}
