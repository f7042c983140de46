// People: list (only people in a job on the as-of date unless `includeAll`,
// which adds former and never-placed people), get (any person, departed too),
// create and update. Person filled fields (jobId, title, department…) come
// from the job timeline.
import type { PageFault } from '../http/index.ts';
import { badRequest, notFound } from './errors.ts';
import { emitEvent } from './events.ts';
import { effectiveDate, rowContext, sortRows } from './jobs.ts';
import type { ReadOptions } from './jobs.ts';
import { pageRows } from './pagination.ts';
import { applyPersonWrite, blankPerson } from './person-input.ts';
import { evaluateQuery, parseQuery, queryFields } from './query.ts';
import { answerPerson } from './people-answer.ts';
import type { PeopleAnswerShape } from './people-answer.ts';
import { renderPerson } from './render.ts';
import { isPersonFieldPath, resolvePerson } from './rows.ts';
import type { RowContext } from './rows.ts';
import type { ChartHopPerson } from './state.ts';
import type { ChartHopStore } from './store.ts';
import type { Actor } from './timeline-write.ts';

/** Options of the person list. */
export interface PersonListOptions extends ReadOptions {
  q?: string;
  ids?: string[];
  sort?: string[];
  includeAll?: boolean;
  from?: string;
  limit: number;
  pageFault?: PageFault;
  /** The answer's shape (default `flat`: `fields` honoured). */
  shape?: PeopleAnswerShape;
}

const byId = (a: ChartHopPerson, b: ChartHopPerson): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function checkPaths(paths: string[], ctx: RowContext): void {
  for (const path of paths) if (!isPersonFieldPath(path, ctx)) throw badRequest(`unknown field: ${path}`);
}

/** `GET /v2/org/{org}/person`. */
export function listPersons(
  store: ChartHopStore,
  orgId: string,
  options: PersonListOptions,
): { data: Record<string, unknown>[]; next?: string } {
  const ctx = rowContext(store, orgId, effectiveDate(store, options.date));
  const query = options.q ? parseQuery(options.q) : undefined;
  checkPaths(
    [...(options.fields ?? []), ...(query ? queryFields(query) : []), ...(options.sort ?? []).map((s) => s.replace(/^-/, ''))],
    ctx,
  );
  // The org's people come sorted by id from the store's index; asked by id, only those are read.
  let rows: readonly ChartHopPerson[] = options.ids
    ? [...new Set(options.ids)]
        .map((id) => store.person(id))
        .filter((p) => p?.orgId === orgId)
        .map((p) => p as ChartHopPerson)
        .sort(byId)
    : store.orgPersons(orgId);
  if (!options.includeAll) rows = rows.filter((p) => ctx.views.byOccupant.has(p.id));
  if (query) rows = rows.filter((person) => evaluateQuery(query, (field) => resolvePerson(person, field.split('.'), ctx)));
  const sorted = options.sort && options.sort.length > 0;
  if (sorted)
    rows = sortRows(
      [...rows],
      options.sort ?? [],
      (p, path) => resolvePerson(p, path, ctx),
      (p) => p.id,
    );
  const { page, next } = pageRows(rows, (p) => p.id, options.from, options.limit, !sorted, options.pageFault);
  const data = page.map((person) => answerPerson(person, ctx, options.fields, options.shape ?? 'flat'));
  return next === undefined ? { data } : { data, next };
}

function requirePerson(store: ChartHopStore, orgId: string, personId: string): ChartHopPerson {
  const person = store.person(personId);
  if (person?.orgId !== orgId) throw notFound(`person ${personId} not found`);
  return person;
}

/** `GET /v2/org/{org}/person/{personId}` (former and never-placed people too). */
export function getPerson(
  store: ChartHopStore,
  orgId: string,
  personId: string,
  options: ReadOptions & { shape?: PeopleAnswerShape },
): Record<string, unknown> {
  const ctx = rowContext(store, orgId, effectiveDate(store, options.date));
  checkPaths(options.fields ?? [], ctx);
  const person = requirePerson(store, orgId, personId);
  return answerPerson(person, ctx, options.fields, options.shape ?? 'flat');
}

/** `POST /v2/org/{org}/person`: a person in no job yet (event `person.create`). */
export function createPerson(store: ChartHopStore, orgId: string, actor: Actor, body: unknown): Record<string, unknown> {
  const base = blankPerson(store.newId(), orgId, store.nowIso());
  const person = applyPersonWrite(store, orgId, base, body, store.customFields(orgId));
  store.addPerson(person);
  emitEvent(store, orgId, actor.userId, { entityType: 'PERSON', type: 'create', entityId: person.id, personId: person.id });
  return renderPerson(person, rowContext(store, orgId, store.today()));
}

/** `PATCH /v2/org/{org}/person/{personId}` (event `person.update`). */
export function updatePerson(store: ChartHopStore, orgId: string, actor: Actor, personId: string, body: unknown): Record<string, unknown> {
  const current = requirePerson(store, orgId, personId);
  const next = applyPersonWrite(store, orgId, current, body, store.customFields(orgId));
  next.updateAt = store.nowIso();
  store.updatePerson(current, next);
  emitEvent(store, orgId, actor.userId, { entityType: 'PERSON', type: 'update', entityId: personId, personId });
  return renderPerson(current, rowContext(store, orgId, store.today()));
}
