// Jobs: list/search (`q`, `fields=`, `ids`, `sort`, cursor, `date=` as-of),
// get, create, update and delete. Writes are effective-dated changes on the
// job's timeline (default date: today by the injected clock).
import type { PageFault } from '../http/index.ts';
import { isDateString } from './dates.ts';
import { badRequest, notFound } from './errors.ts';
import { parseJobCreate, parseJobWrite } from './job-input.ts';
import { pageRows } from './pagination.ts';
import { evaluateQuery, parseQuery, queryFields } from './query.ts';
import { renderJob } from './render.ts';
import { isJobFieldPath, projectRow, renderValue, resolveJob } from './rows.ts';
import type { RowContext } from './rows.ts';
import type { ChartHopStore } from './store.ts';
import type { ChartHopJobView } from './timeline.ts';
import { appendChange, checkMayEditJob } from './timeline-write.ts';
import type { Actor } from './timeline-write.ts';

/** Read options shared by list and get. */
export interface ReadOptions {
  /** As-of date (YYYY-MM-DD); default today. */
  date?: string;
  /** Field paths for a flat projection. */
  fields?: string[];
}

/** Options of the job list. */
export interface JobListOptions extends ReadOptions {
  q?: string;
  ids?: string[];
  sort?: string[];
  from?: string;
  limit: number;
  /** A pageRepeat/pageSkip fault from the kit. */
  pageFault?: PageFault;
}

/** The as-of date of a read or write, validated. */
export function effectiveDate(store: ChartHopStore, date: string | undefined): string {
  if (date === undefined || date === '') return store.today();
  if (!isDateString(date)) throw badRequest(`invalid date: ${date} (expected YYYY-MM-DD)`);
  return date;
}

/** The row context for reads of `orgId` as of `asOf`. */
export function rowContext(store: ChartHopStore, orgId: string, asOf: string): RowContext {
  return { store, orgId, asOf, views: store.views(orgId, asOf), customFields: store.customFields(orgId) };
}

function checkFieldPaths(paths: readonly string[], ctx: RowContext, known: (path: string, ctx: RowContext) => boolean): void {
  for (const path of paths) if (!known(path, ctx)) throw badRequest(`unknown field: ${path}`);
}

/** Sorts rows by `sort` keys (`-` prefix = descending), ties by id. */
export function sortRows<T>(
  rows: T[],
  keys: readonly string[],
  resolve: (row: T, path: string[]) => unknown,
  idOf: (row: T) => string,
): T[] {
  const specs = keys.map((k) => ({ desc: k.startsWith('-'), path: k.replace(/^-/, '').split('.') }));
  const keyed = rows.map((row) => ({ row, values: specs.map((s) => renderValue(resolve(row, s.path))) }));
  keyed.sort((a, b) => {
    for (const [i, spec] of specs.entries()) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const cmp = (x as number | string) < (y as number | string) ? -1 : 1;
      return spec.desc ? -cmp : cmp;
    }
    return idOf(a.row) < idOf(b.row) ? -1 : 1;
  });
  return keyed.map((k) => k.row);
}

/** `GET /v2/org/{org}/job`. */
export function listJobs(store: ChartHopStore, orgId: string, options: JobListOptions): { data: Record<string, unknown>[]; next?: string } {
  const ctx = rowContext(store, orgId, effectiveDate(store, options.date));
  const query = options.q ? parseQuery(options.q) : undefined;
  checkFieldPaths(
    [...(options.fields ?? []), ...(query ? queryFields(query) : []), ...(options.sort ?? []).map((s) => s.replace(/^-/, ''))],
    ctx,
    isJobFieldPath,
  );
  // Jobs as of the date, sorted by id (kept current on writes); asked by id, only those are read.
  let rows: ChartHopJobView[] = ctx.views.list;
  if (options.ids) {
    rows = [...new Set(options.ids)]
      .map((id) => ctx.views.byId.get(id))
      .filter((v) => v !== undefined)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  if (query) rows = rows.filter((view) => evaluateQuery(query, (field) => resolveJob(view, field.split('.'), ctx)));
  const sorted = options.sort && options.sort.length > 0;
  if (sorted)
    rows = sortRows(
      rows,
      options.sort ?? [],
      (v, p) => resolveJob(v, p, ctx),
      (v) => v.id,
    );
  const { page, next } = pageRows(rows, (v) => v.id, options.from, options.limit, !sorted, options.pageFault);
  const fields = options.fields;
  const data = page.map((view) => (fields ? projectRow((p) => resolveJob(view, p, ctx), fields) : renderJob(view, ctx)));
  return next === undefined ? { data } : { data, next };
}

/** `GET /v2/org/{org}/job/{jobId}`; 404 when the job does not exist on that date. */
export function getJob(store: ChartHopStore, orgId: string, jobId: string, options: ReadOptions): Record<string, unknown> {
  const ctx = rowContext(store, orgId, effectiveDate(store, options.date));
  checkFieldPaths(options.fields ?? [], ctx, isJobFieldPath);
  const view = ctx.views.byId.get(jobId);
  if (!view) throw notFound(`job ${jobId} not found`);
  return options.fields ? projectRow((p) => resolveJob(view, p, ctx), options.fields) : renderJob(view, ctx);
}

function readBack(store: ChartHopStore, orgId: string, jobId: string, date: string): Record<string, unknown> {
  const ctx = rowContext(store, orgId, date);
  const view = ctx.views.byId.get(jobId);
  return view ? renderJob(view, ctx) : { id: jobId, jobId };
}

/** `POST /v2/org/{org}/job`: creates the job effective `date`; returns it as of that date. */
export function createJob(store: ChartHopStore, orgId: string, actor: Actor, body: unknown, date?: string): Record<string, unknown> {
  const at = effectiveDate(store, date);
  const data = parseJobCreate(body, { store, orgId, date: at, customFields: store.customFields(orgId) });
  const change = appendChange(store, orgId, actor, 'CREATE', store.newId(), at, { job: data });
  return readBack(store, orgId, change.jobId, at);
}

function requireJob(store: ChartHopStore, orgId: string, jobId: string, date: string): ChartHopJobView {
  const view = store.views(orgId, date).byId.get(jobId);
  if (!view) throw notFound(`job ${jobId} not found on ${date}`);
  return view;
}

/** `PATCH /v2/org/{org}/job/{jobId}`: an UPDATE change effective `date`. */
export function updateJob(
  store: ChartHopStore,
  orgId: string,
  actor: Actor,
  jobId: string,
  body: unknown,
  date?: string,
): Record<string, unknown> {
  const at = effectiveDate(store, date);
  const current = requireJob(store, orgId, jobId, at);
  checkMayEditJob(store, actor, orgId, jobId, at);
  const patch = parseJobWrite(body, { store, orgId, date: at, customFields: store.customFields(orgId), jobId }, current.data);
  appendChange(store, orgId, actor, 'UPDATE', jobId, at, { update: patch });
  return readBack(store, orgId, jobId, at);
}

/** `DELETE /v2/org/{org}/job/{jobId}`: a DELETE change effective `date` (409 while filled). */
export function deleteJob(store: ChartHopStore, orgId: string, actor: Actor, jobId: string, date?: string): void {
  const at = effectiveDate(store, date);
  requireJob(store, orgId, jobId, at);
  checkMayEditJob(store, actor, orgId, jobId, at);
  appendChange(store, orgId, actor, 'DELETE', jobId, at);
}
