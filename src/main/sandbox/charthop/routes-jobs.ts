// HTTP routes for jobs (`/v2/org/{org}/job…`) and changes (`/v1/org/{org}/change…`).
// Status codes: POST → 201 with the object, PATCH → 200 with the object,
// DELETE → 204 (the spec declares 202 for some of these; the reference's
// guidance for a fake is 201/200/204 and clients must accept any 2xx).
import { json, noContent, route } from '../http/index.ts';
import type { Route } from '../http/index.ts';
import { amendChange, cancelChange, createChange, getChange, listChanges } from './changes.ts';
import { handle, listParam, orgRequest, param } from './http-context.ts';
import { createJob, deleteJob, getJob, listJobs, updateJob } from './jobs.ts';
import { parseLimit } from './pagination.ts';
import type { ChartHopStore } from './store.ts';

/** Job routes. */
export function jobRoutes(store: ChartHopStore): Route[] {
  return [
    route(
      'GET',
      '/v2/org/:org/job',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        const q = req.query;
        return json(
          listJobs(store, org.id, {
            ...optional('q', param(q, 'q')),
            ...optional('date', param(q, 'date')),
            ...optional('from', param(q, 'from')),
            ...optional('fields', listParam(q, 'fields')),
            ...optional('ids', listParam(q, 'ids')),
            ...optional('sort', listParam(q, 'sort')),
            ...optional('pageFault', req.pageFault),
            limit: parseLimit(q.get('limit')),
          }),
        );
      }),
    ),
    route(
      'POST',
      '/v2/org/:org/job',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writeJobs');
        return json(createJob(store, org.id, actor, req.body, param(req.query, 'date')), 201);
      }),
    ),
    route(
      'GET',
      '/v2/org/:org/job/:jobId',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        return json(
          getJob(store, org.id, req.params.jobId ?? '', {
            ...optional('date', param(req.query, 'date')),
            ...optional('fields', listParam(req.query, 'fields')),
          }),
        );
      }),
    ),
    route(
      'PATCH',
      '/v2/org/:org/job/:jobId',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writeJobs');
        return json(updateJob(store, org.id, actor, req.params.jobId ?? '', req.body, param(req.query, 'date')));
      }),
    ),
    route(
      'DELETE',
      '/v2/org/:org/job/:jobId',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writeJobs');
        deleteJob(store, org.id, actor, req.params.jobId ?? '', param(req.query, 'date'));
        return noContent();
      }),
    ),
  ];
}

/** Change API routes. */
export function changeRoutes(store: ChartHopStore): Route[] {
  return [
    route(
      'GET',
      '/v1/org/:org/change',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        const q = req.query;
        return json(
          listChanges(store, org.id, {
            ...optional('jobId', param(q, 'jobId')),
            ...optional('personId', param(q, 'personId')),
            ...optional('type', param(q, 'type')),
            ...optional('date', param(q, 'date')),
            ...optional('endDate', param(q, 'endDate') ?? param(q, 'untilDate')),
            ...optional('status', param(q, 'status')),
            ...optional('from', param(q, 'from')),
            desc: q.get('desc') === 'true',
            ...optional('pageFault', req.pageFault),
            limit: parseLimit(q.get('limit')),
          }),
        );
      }),
    ),
    route(
      'POST',
      '/v1/org/:org/change/sync/:type',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writeJobs');
        const { change, created } = createChange(store, org.id, actor, req.params.type ?? '', req.body, true);
        return json(change, created ? 201 : 200);
      }),
    ),
    route(
      'POST',
      '/v1/org/:org/change/:type',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writeJobs');
        return json(createChange(store, org.id, actor, req.params.type ?? '', req.body).change, 201);
      }),
    ),
    route(
      'GET',
      '/v1/org/:org/change/:changeId',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        return json(getChange(store, org.id, req.params.changeId ?? ''));
      }),
    ),
    route(
      'PATCH',
      '/v1/org/:org/change/:changeId',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writeJobs');
        return json(amendChange(store, org.id, actor, req.params.changeId ?? '', req.body));
      }),
    ),
    route(
      'DELETE',
      '/v1/org/:org/change/:changeId',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writeJobs');
        cancelChange(store, org.id, actor, req.params.changeId ?? '');
        return noContent();
      }),
    ),
  ];
}

/** `{ [key]: value }` when value is defined, else `{}` (keeps optional options absent). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
