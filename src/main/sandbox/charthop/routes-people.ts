// HTTP routes for people (`/v2/org/{org}/person…`) and groups
// (`/v2/org/{org}/group…`, both the per-type and the `?type=` forms).
import { httpError, json, route } from '../http/index.ts';
import type { Route } from '../http/index.ts';
import { createGroup, getGroup, listGroups, parseGroupType, updateGroup } from './groups.ts';
import { boolParam, handle, listParam, orgRequest, param } from './http-context.ts';
import { parseLimit } from './pagination.ts';
import type { PeopleAnswerShape } from './people-answer.ts';
import { createPerson, getPerson, listPersons, updatePerson } from './persons.ts';
import { optional } from './routes-jobs.ts';
import type { ChartHopStore } from './store.ts';

/** Person routes; `shape` says how people reads are answered (default flat rows as documented). */
export function personRoutes(store: ChartHopStore, shape: () => PeopleAnswerShape = () => 'flat'): Route[] {
  return [
    route(
      'GET',
      '/v2/org/:org/person',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        const q = req.query;
        return json(
          listPersons(store, org.id, {
            ...optional('q', param(q, 'q')),
            ...optional('date', param(q, 'date')),
            ...optional('from', param(q, 'from')),
            ...optional('fields', listParam(q, 'fields')),
            ...optional('ids', listParam(q, 'ids')),
            ...optional('sort', listParam(q, 'sort')),
            ...optional('includeAll', boolParam(q, 'includeAll')),
            ...optional('pageFault', req.pageFault),
            limit: parseLimit(q.get('limit')),
            shape: shape(),
          }),
        );
      }),
    ),
    route(
      'POST',
      '/v2/org/:org/person',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writePeople');
        return json(createPerson(store, org.id, actor, req.body), 201);
      }),
    ),
    route(
      'GET',
      '/v2/org/:org/person/:personId',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        return json(
          getPerson(store, org.id, req.params.personId ?? '', {
            ...optional('date', param(req.query, 'date')),
            ...optional('fields', listParam(req.query, 'fields')),
            shape: shape(),
          }),
        );
      }),
    ),
    route(
      'PATCH',
      '/v2/org/:org/person/:personId',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'writePeople');
        return json(updatePerson(store, org.id, actor, req.params.personId ?? '', req.body));
      }),
    ),
  ];
}

/** Group routes. */
export function groupRoutes(store: ChartHopStore): Route[] {
  const typeOf = (raw: string | undefined) => {
    const type = parseGroupType(raw ?? '');
    if (!type) throw httpError(400, `unknown group type: ${raw ?? ''} (expected department, team or location)`, 400);
    return type;
  };
  const list = (req: Parameters<Route['handler']>[0], orgId: string, type: ReturnType<typeof typeOf> | undefined) => {
    const q = req.query;
    return json(
      listGroups(store, orgId, {
        ...optional('type', type),
        ...optional('search', param(q, 'search')),
        ...optional('ids', listParam(q, 'ids')),
        ...optional('from', param(q, 'from')),
        ...optional('pageFault', req.pageFault),
        limit: parseLimit(q.get('limit')),
      }),
    );
  };
  return [
    route(
      'GET',
      '/v2/org/:org/group',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        const raw = param(req.query, 'type');
        return list(req, org.id, raw === undefined ? undefined : typeOf(raw));
      }),
    ),
    route(
      'GET',
      '/v2/org/:org/group/:typeOrId',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        const segment = req.params.typeOrId ?? '';
        const type = parseGroupType(segment);
        return type ? list(req, org.id, type) : json(structuredClone(getGroup(store, org.id, segment)));
      }),
    ),
    route(
      'POST',
      '/v2/org/:org/group/:type',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'admin');
        return json(createGroup(store, org.id, actor, typeOf(req.params.type), req.body), 201);
      }),
    ),
    route(
      'GET',
      '/v2/org/:org/group/:type/:groupId',
      handle((req) => {
        const { org } = orgRequest(store, req, 'read');
        return json(structuredClone(getGroup(store, org.id, req.params.groupId ?? '', typeOf(req.params.type))));
      }),
    ),
    route(
      'PATCH',
      '/v2/org/:org/group/:type/:groupId',
      handle((req) => {
        const { org, actor } = orgRequest(store, req, 'admin');
        return json(updateGroup(store, org.id, actor, req.params.groupId ?? '', typeOf(req.params.type), req.body));
      }),
    ),
  ];
}
