// The Change API: `POST /v1/org/{org}/change/{type}` (and `change/sync/{type}`,
// create-only-if-absent), list, get, amend (PATCH) and cancel (DELETE).
// The `{type}` segment is accepted in any case (`hire` or `HIRE`): the
// reference could not pin it down.
import type { PageFault } from '../http/index.ts';
import { isDateString } from './dates.ts';
import { badRequest, conflict, notFound } from './errors.ts';
import { emitEvent } from './events.ts';
import { parseJobCreate, parseJobWrite } from './job-input.ts';
import { effectiveDate } from './jobs.ts';
import { pageRows } from './pagination.ts';
import type { ChartHopChange, ChartHopChangeType } from './state.ts';
import type { ChartHopStore } from './store.ts';
import { appendChange, checkMayEditJob, renderChange, timelineProblem } from './timeline-write.ts';
import type { Actor } from './timeline-write.ts';

const TYPES: ChartHopChangeType[] = ['CREATE', 'UPDATE', 'DELETE', 'HIRE', 'DEPART'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the `{type}` path segment. */
export function parseChangeType(raw: string): ChartHopChangeType {
  const type = TYPES.find((t) => t === raw.toUpperCase());
  if (!type) throw badRequest(`unsupported change type: ${raw} (the sandbox models ${TYPES.join(', ')})`);
  return type;
}

function optionalDate(body: Record<string, unknown>, key: string): string | undefined {
  const raw = body[key];
  if (raw === undefined || raw === null) return undefined;
  if (!isDateString(raw)) throw badRequest(`invalid ${key}: expected a YYYY-MM-DD date`);
  return raw;
}

function requiredId(body: Record<string, unknown>, key: string): string {
  const raw = body[key];
  if (typeof raw !== 'string' || raw === '') throw badRequest(`${key} is required`);
  return raw;
}

function activeHireOf(store: ChartHopStore, orgId: string, personId: string): ChartHopChange | undefined {
  // A person holds at most one seat: an ACTIVE hire not followed by a departure from that job.
  let open: ChartHopChange | undefined;
  for (const change of store.personChanges(personId)) {
    if (change.orgId !== orgId || change.status !== 'ACTIVE' || change.personId !== personId) continue;
    if (change.type === 'HIRE') open = change;
    if (change.type === 'DEPART' && open?.jobId === change.jobId) open = undefined;
  }
  return open;
}

function findExisting(
  store: ChartHopStore,
  type: ChartHopChangeType,
  body: Record<string, unknown>,
  date: string,
): ChartHopChange | undefined {
  const jobId = typeof body.jobId === 'string' ? body.jobId : undefined;
  if (!jobId) return undefined;
  return store
    .jobChanges(jobId)
    .find(
      (c) =>
        c.status === 'ACTIVE' && c.type === type && (type === 'HIRE' || type === 'DEPART' ? c.personId === body.personId : c.date === date),
    );
}

/**
 * Creates a change. With `sync`, an equal existing change (same type and job,
 * and for HIRE/DEPART the same person) is returned instead: `created` false.
 */
export function createChange(
  store: ChartHopStore,
  orgId: string,
  actor: Actor,
  typeParam: string,
  body: unknown,
  sync = false,
): { change: Record<string, unknown>; created: boolean } {
  if (!isObject(body)) throw badRequest('expected a JSON object body');
  const type = parseChangeType(typeParam);
  if (body.type !== undefined && String(body.type).toUpperCase() !== type)
    throw badRequest(`body type ${String(body.type)} does not match the path type ${typeParam}`);
  const date = effectiveDate(store, typeof body.date === 'string' ? body.date : undefined);
  const announceDate = optionalDate(body, 'announceDate');
  const note = typeof body.note === 'string' ? body.note : undefined;
  if (sync) {
    const existing = findExisting(store, type, body, date);
    if (existing) return { change: renderChange(existing), created: false };
  }
  const customFields = store.customFields(orgId);
  const views = store.views(orgId, date);
  let change: ChartHopChange;
  switch (type) {
    case 'CREATE': {
      const job = parseJobCreate(body.job, { store, orgId, date, customFields });
      change = appendChange(store, orgId, actor, 'CREATE', store.newId(), date, { job, ...(note ? { note } : {}) });
      break;
    }
    case 'UPDATE':
    case 'DELETE': {
      const jobId = requiredId(body, 'jobId');
      const current = views.byId.get(jobId);
      if (!current) throw notFound(`job ${jobId} not found on ${date}`);
      checkMayEditJob(store, actor, orgId, jobId, date);
      const update =
        type === 'UPDATE' ? parseJobWrite(body.update ?? {}, { store, orgId, date, customFields, jobId }, current.data) : undefined;
      change = appendChange(store, orgId, actor, type, jobId, date, { ...(update ? { update } : {}), ...(note ? { note } : {}) });
      break;
    }
    case 'HIRE': {
      const jobId = requiredId(body, 'jobId');
      const personId = requiredId(body, 'personId');
      const job = views.byId.get(jobId);
      if (!job) {
        const later = store.jobChanges(jobId).find((c) => c.type === 'CREATE' && c.orgId === orgId && c.status === 'ACTIVE');
        if (later && later.date > date)
          throw badRequest(`a person's start date (${date}) cannot precede the job's creation date (${later.date})`);
        throw notFound(`job ${jobId} not found on ${date}`);
      }
      if (store.person(personId)?.orgId !== orgId) throw notFound(`person ${personId} not found`);
      const held = activeHireOf(store, orgId, personId);
      if (held)
        throw conflict(
          `person ${personId} already holds or is announced into job ${held.jobId} (from ${held.date}); moves and internal transfers are not modelled`,
        );
      change = appendChange(store, orgId, actor, 'HIRE', jobId, date, {
        personId,
        ...(announceDate ? { announceDate } : {}),
        ...(note ? { note } : {}),
      });
      break;
    }
    case 'DEPART': {
      let jobId = typeof body.jobId === 'string' ? body.jobId : undefined;
      const personId = typeof body.personId === 'string' ? body.personId : undefined;
      if (!jobId && personId) jobId = views.byOccupant.get(personId)?.id;
      if (!jobId) throw badRequest('jobId (or the personId of someone in a job) is required');
      const job = views.byId.get(jobId);
      if (!job?.occupantId) throw conflict(`job ${jobId} has no one to depart on ${date}`);
      checkMayEditJob(store, actor, orgId, jobId, date);
      const departType = body.departType === 'INVOLUNTARY' ? 'INVOLUNTARY' : 'VOLUNTARY';
      change = appendChange(store, orgId, actor, 'DEPART', jobId, date, {
        personId: job.occupantId,
        departType,
        ...(note ? { note } : {}),
      });
      break;
    }
  }
  return { change: renderChange(change), created: true };
}

/** Filters of `GET /v1/org/{org}/change`. */
export interface ChangeQuery {
  jobId?: string;
  personId?: string;
  type?: string;
  /** Start date, inclusive. */
  date?: string;
  endDate?: string;
  status?: string;
  desc?: boolean;
  from?: string;
  limit: number;
  pageFault?: PageFault;
}

/** Changes ordered by effective date (ascending unless `desc`), paged by change id. */
export function listChanges(store: ChartHopStore, orgId: string, query: ChangeQuery): { data: Record<string, unknown>[]; next?: string } {
  for (const key of ['date', 'endDate'] as const) {
    const value = query[key];
    if (value !== undefined && !isDateString(value)) throw badRequest(`invalid ${key}: expected a YYYY-MM-DD date`);
  }
  const type = query.type ? parseChangeType(query.type) : undefined;
  const status = (query.status ?? 'ACTIVE').toUpperCase();
  // The job's or the person's own changes when asked for (both indexed), else the org's.
  const source = query.jobId ? store.jobChanges(query.jobId) : query.personId ? store.personChanges(query.personId) : store.state.changes;
  const rows = source.filter(
    (c) =>
      c.orgId === orgId &&
      (status === 'ALL' || c.status === status) &&
      (!type || c.type === type) &&
      (!query.personId || c.personId === query.personId) &&
      (!query.date || c.date >= query.date) &&
      (!query.endDate || c.date <= query.endDate),
  );
  const order = rows.map((c, i) => ({ c, i }));
  order.sort((a, b) => (a.c.date === b.c.date ? a.i - b.i : a.c.date < b.c.date ? -1 : 1));
  if (query.desc) order.reverse();
  const { page, next } = pageRows(
    order.map((o) => o.c),
    (c) => c.id,
    query.from,
    query.limit,
    false,
    query.pageFault,
  );
  const data = page.map(renderChange);
  return next === undefined ? { data } : { data, next };
}

/** `GET /v1/org/{org}/change/{id}`. */
export function getChange(store: ChartHopStore, orgId: string, changeId: string): Record<string, unknown> {
  const change = store.change(changeId);
  if (change?.orgId !== orgId) throw notFound(`change ${changeId} not found`);
  return renderChange(change);
}

/** Amends a change's date, announceDate or note (event `change.update.<type>`). */
export function amendChange(store: ChartHopStore, orgId: string, actor: Actor, changeId: string, body: unknown): Record<string, unknown> {
  const change = store.change(changeId);
  if (change?.orgId !== orgId || change.status !== 'ACTIVE') throw notFound(`change ${changeId} not found`);
  if (!isObject(body)) throw badRequest('expected a JSON object body');
  const date = optionalDate(body, 'date') ?? change.date;
  const announceDate = optionalDate(body, 'announceDate');
  const trial = store.jobChanges(change.jobId).map((c) => (c === change ? { ...c, date } : c));
  trial.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const problem = timelineProblem(trial);
  if (problem) throw conflict(`moving ${change.type} to ${date} conflicts with the job's timeline: ${problem}`);
  const jobChanges = store.jobChanges(change.jobId) as ChartHopChange[];
  jobChanges.splice(jobChanges.indexOf(change), 1);
  change.date = date;
  let at = jobChanges.length;
  while (at > 0 && (jobChanges[at - 1] as ChartHopChange).date > date) at -= 1;
  jobChanges.splice(at, 0, change);
  if (announceDate) change.announceDate = announceDate;
  if (typeof body.note === 'string') change.note = body.note;
  change.updateAt = store.nowIso();
  store.touchJob(orgId, change.jobId);
  emitEvent(store, orgId, actor.userId, {
    entityType: 'CHANGE',
    type: 'update',
    subtype: change.type.toLowerCase(),
    entityId: change.id,
    jobId: change.jobId,
    date,
    ...(change.personId ? { personId: change.personId } : {}),
  });
  return renderChange(change);
}

/** Cancels a change (status INACTIVE; event `change.delete.<type>`). A CREATE cannot be cancelled: delete the job. */
export function cancelChange(store: ChartHopStore, orgId: string, actor: Actor, changeId: string): void {
  const change = store.change(changeId);
  if (change?.orgId !== orgId || change.status !== 'ACTIVE') throw notFound(`change ${changeId} not found`);
  if (change.type === 'CREATE') throw conflict('a CREATE change cannot be cancelled: delete the job instead');
  const problem = timelineProblem(store.jobChanges(change.jobId).filter((c) => c !== change));
  if (problem) throw conflict(`cancelling this ${change.type} would break the job's timeline: ${problem}`);
  change.status = 'INACTIVE';
  change.updateAt = store.nowIso();
  store.touchJob(orgId, change.jobId);
  emitEvent(store, orgId, actor.userId, {
    entityType: 'CHANGE',
    type: 'delete',
    subtype: change.type.toLowerCase(),
    entityId: change.id,
    jobId: change.jobId,
    date: change.date,
    ...(change.personId ? { personId: change.personId } : {}),
  });
}
