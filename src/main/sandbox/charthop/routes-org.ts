// HTTP routes for orgs, the current user, custom fields and the events feed.
import { json, route } from '../http/index.ts';
import type { Route } from '../http/index.ts';
import { createField, getField, listFields } from './custom-fields.ts';
import { notFound } from './errors.ts';
import { listEvents, parseEventFrom } from './events.ts';
import { grantOf, handle, orgRequest, param } from './http-context.ts';
import { pageRows, parseLimit } from './pagination.ts';
import { optional } from './routes-jobs.ts';
import type { ChartHopStore } from './store.ts';

/** Org discovery and `GET /v1/user/me`. */
export function orgRoutes(store: ChartHopStore): Route[] {
  return [
    route(
      'GET',
      '/v1/user/me',
      handle((req) => {
        const grant = grantOf(store, req);
        return json({
          id: grant.userId,
          type: 'APP',
          name: grant.name,
          status: 'NORMAL',
          orgs: grant.orgIds.map((orgId) => ({ orgId, access: grant.access })),
        });
      }),
    ),
    route(
      'GET',
      '/v1/org',
      handle((req) => {
        const grant = grantOf(store, req);
        const orgs = store.state.orgs.filter((o) => grant.orgIds.includes(o.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
        const { page, next } = pageRows(orgs, (o) => o.id, param(req.query, 'from'), parseLimit(req.query.get('limit')), true);
        const data = page.map((o) => structuredClone(o));
        return json(next === undefined ? { data } : { data, next });
      }),
    ),
    route(
      'GET',
      '/v1/org/slug/:org',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        if (org.slug !== req.params.org) throw notFound('org not found');
        return json(structuredClone(org));
      }),
    ),
    route(
      'GET',
      '/v1/org/:org',
      handle((req) => json(structuredClone(orgRequest(store, req, 'read').org))),
    ),
  ];
}

/** Custom-field routes. */
export function fieldRoutes(store: ChartHopStore): Route[] {
  return [
    route(
      'GET',
      '/v1/org/:org/field',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        const q = req.query;
        return json(
          listFields(store, org.id, {
            ...optional('builtin', param(q, 'builtin')),
            ...optional('entityType', param(q, 'entityType')),
            ...optional('from', param(q, 'from')),
            ...optional('pageFault', req.pageFault),
            limit: parseLimit(q.get('limit')),
          }),
        );
      }),
    ),
    route(
      'POST',
      '/v1/org/:org/field',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'admin');
        return json(createField(store, org.id, actor, req.body), 201);
      }),
    ),
    route(
      'GET',
      '/v1/org/:org/field/:fieldId',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        return json(getField(store, org.id, req.params.fieldId ?? ''));
      }),
    ),
  ];
}

/** The events feed. */
export function eventRoutes(store: ChartHopStore): Route[] {
  return [
    route(
      'GET',
      '/v1/org/:org/event',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        const q = req.query;
        return json(
          listEvents(store, org.id, {
            ...optional('from', parseEventFrom(q.get('from'))),
            ...optional('code', param(q, 'code')),
            ...optional('entityType', param(q, 'entityType')),
            ...optional('entityId', param(q, 'entityId')),
            ...optional('userId', param(q, 'userId')),
            limit: parseLimit(q.get('limit')),
          }),
        );
      }),
    ),
    route(
      'GET',
      '/v1/org/:org/event/:eventId',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        const event = store.event(req.params.eventId ?? '');
        if (event?.orgId !== org.id) throw notFound(`event ${req.params.eventId ?? ''} not found`);
        return json(structuredClone(event));
      }),
    ),
  ];
}
