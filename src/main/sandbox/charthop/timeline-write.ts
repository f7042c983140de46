// Appending changes to a job's timeline: every write (v2 job routes and the
// Change API alike) becomes one effective-dated change, is checked against
// the rest of the timeline (no hire into a filled seat, no delete of a filled
// job, …) and records its events.
import { conflict, forbidden } from './errors.ts';
import { emitEvent } from './events.ts';
import type { ChartHopAccess, ChartHopChange, ChartHopChangeType, ChartHopJobData, ChartHopJobPatch } from './state.ts';
import type { ChartHopStore } from './store.ts';

/** Who is writing: the token's app user and access level. */
export interface Actor {
  userId: string;
  access: ChartHopAccess;
}

/** Optional extras of a change. */
export interface ChangeExtras {
  personId?: string;
  announceDate?: string;
  departType?: 'VOLUNTARY' | 'INVOLUNTARY';
  note?: string;
  job?: ChartHopJobData;
  update?: ChartHopJobPatch;
}

/** Why a job's timeline would be inconsistent, or undefined when it is fine. */
export function timelineProblem(changes: readonly ChartHopChange[]): string | undefined {
  let exists = false;
  let occupant: string | undefined;
  for (const c of changes) {
    if (c.status !== 'ACTIVE') continue;
    if (c.type !== 'CREATE' && !exists) return `the job does not exist on ${c.date}`;
    switch (c.type) {
      case 'CREATE':
        if (exists) return 'the job already exists';
        exists = true;
        break;
      case 'DELETE':
        if (occupant) return `the job is filled on ${c.date}: depart the person first`;
        exists = false;
        break;
      case 'HIRE':
        if (occupant) return `the job is already filled or has a pending hire on ${c.date}`;
        occupant = c.personId;
        break;
      case 'DEPART':
        if (!occupant) return `no one holds the job on ${c.date}`;
        occupant = undefined;
        break;
      case 'UPDATE':
        break;
    }
  }
  return undefined;
}

/** The job's timeline with `extra` inserted where it would go (after same-date changes). */
export function timelineWith(store: ChartHopStore, jobId: string, extra: ChartHopChange): ChartHopChange[] {
  const list = [...store.jobChanges(jobId)];
  let at = list.length;
  while (at > 0 && (list[at - 1] as ChartHopChange).date > extra.date) at -= 1;
  list.splice(at, 0, extra);
  return list;
}

/** RECRUIT_EDITOR tokens may only change open jobs (Recruiting Editor: "edit open jobs"). */
export function checkMayEditJob(store: ChartHopStore, actor: Actor, orgId: string, jobId: string, date: string): void {
  if (actor.access !== 'RECRUIT_EDITOR') return;
  const view = store.views(orgId, date).byId.get(jobId);
  if (view?.open === 'filled') throw forbidden('permission denied: a Recruiting Editor token can only edit open jobs');
}

/** Builds, checks, stores and announces one change. Returns the stored change. */
export function appendChange(
  store: ChartHopStore,
  orgId: string,
  actor: Actor,
  type: ChartHopChangeType,
  jobId: string,
  date: string,
  extras: ChangeExtras = {},
): ChartHopChange {
  const now = store.nowIso();
  const change: ChartHopChange = {
    id: store.newId(),
    orgId,
    jobId,
    type,
    date,
    status: 'ACTIVE',
    createId: actor.userId,
    createAt: now,
    updateAt: now,
  };
  if (extras.personId) change.personId = extras.personId;
  if (extras.announceDate) change.announceDate = extras.announceDate;
  if (extras.departType) change.departType = extras.departType;
  if (extras.note) change.note = extras.note;
  if (extras.job) change.job = extras.job;
  if (extras.update) change.update = extras.update;
  const problem = timelineProblem(timelineWith(store, jobId, change));
  if (problem) throw conflict(`${type} on ${date} conflicts with the job's timeline: ${problem}`);
  store.addChange(change);
  const subtype = type.toLowerCase();
  emitEvent(store, orgId, actor.userId, {
    entityType: 'CHANGE',
    type: 'create',
    subtype,
    entityId: change.id,
    jobId,
    date,
    ...(change.personId ? { personId: change.personId } : {}),
    payload: { jobId, date, type, ...(change.personId ? { personId: change.personId } : {}) },
  });
  // Our choice: job.* events accompany the change.* event of the same write,
  // whichever route made it, so a feed filtered on either family is complete.
  const jobType = type === 'CREATE' ? 'create' : type === 'DELETE' ? 'delete' : type === 'UPDATE' ? 'update' : undefined;
  if (jobType)
    emitEvent(store, orgId, actor.userId, { entityType: 'JOB', type: jobType, entityId: jobId, jobId, date, payload: { jobId, date } });
  return change;
}

/** A change in the API's JSON shape. */
export function renderChange(change: ChartHopChange): Record<string, unknown> {
  return structuredClone(change) as unknown as Record<string, unknown>;
}
