import { json, noContent, randomUuid, route } from '../http/index.ts';
import type { Route, SandboxRequest } from '../http/index.ts';
import { requireConfidentialAccess, requirePermission } from './auth.ts';
import type { LeverContext } from './context.ts';
import { paginate } from './pagination.ts';
import { badRequest, bodyObject, confidentialityFilter, inRange, many, msParam, notFound } from './query.ts';
import { driftRequisition, postingIndex, renderRequisition, renderRequisitionInternal } from './render.ts';
import type { LeverRequisition } from './state.ts';
import { compareKeyed } from './store.ts';
import { validateRequisitionBody } from './validate.ts';

/** The sandbox's Lever account id (shown only in the internal write shape). */
export const SANDBOX_ACCOUNT_ID = '5a1d0b7e-0000-4000-8000-00000000a11c';

/**
 * `/requisitions` routes (§7). Permissions: reads need "Read requisitions"; POST needs "Create
 * requisitions"; DELETE "Delete requisitions". PUT also needs "Create requisitions": the vendor
 * guide's key has no separate "update requisitions" permission yet ChartHop's integration updates
 * requisitions with exactly that key, so Lever's create permission must cover updates.
 */
export function requisitionRoutes(ctx: LeverContext): Route[] {
  const readShape = (rendered: Record<string, unknown>): Record<string, unknown> =>
    ctx.behaviour.requisitionShape === 'drifted' ? driftRequisition(rendered) : rendered;
  const base = '/v1/requisitions';
  const writeResponse = (r: LeverRequisition, status: number): ReturnType<typeof json> => {
    const index = postingIndex(ctx.store);
    const data =
      ctx.behaviour.writeResponseShape === 'internal'
        ? renderRequisitionInternal(r, index, SANDBOX_ACCOUNT_ID)
        : renderRequisition(r, index);
    return json({ data }, status);
  };
  const find = (req: SandboxRequest): LeverRequisition => {
    const r = ctx.store.requisitions.get(req.params['id'] ?? '');
    if (!r) throw notFound('requisition');
    return r;
  };
  const codeTaken = (code: string, exceptId?: string): boolean => {
    if (!ctx.behaviour.uniqueRequisitionCodes) return false;
    return ctx.store.requisitions.withKey(code).some((r) => r.id !== exceptId);
  };

  return [
    route('GET', base, (req) => {
      const key = requirePermission(ctx, req, 'Read requisitions');
      const codes = many(req, 'requisition_code');
      const statuses = many(req, 'status');
      const start = msParam(req, 'created_at_start');
      const end = msParam(req, 'created_at_end');
      const conf = confidentialityFilter(req, key);
      const index = postingIndex(ctx.store);
      // Asked by code: only those codes' requisitions are walked (the code index), in list order.
      const source =
        codes.length === 0
          ? ctx.store.requisitions.sorted()
          : [...new Set(codes)].flatMap((code) => ctx.store.requisitions.withKey(code)).sort(compareKeyed);
      return json(
        paginate(
          req,
          source,
          (r) =>
            (codes.length === 0 || codes.includes(r.requisitionCode)) &&
            (statuses.length === 0 || statuses.includes(r.status)) &&
            inRange(r.createdAt, start, end) &&
            conf(r.confidentiality),
          (r) => readShape(renderRequisition(r, index)),
          ctx.behaviour.defaultPageSize,
        ),
      );
    }),
    route('GET', `${base}/:id`, (req) => {
      const key = requirePermission(ctx, req, 'Read requisitions');
      const r = find(req);
      if (r.confidentiality === 'confidential') requireConfidentialAccess(key);
      return json({ data: readShape(renderRequisition(r, postingIndex(ctx.store))) });
    }),
    route('POST', base, (req) => {
      const key = requirePermission(ctx, req, 'Create requisitions');
      const w = validateRequisitionBody(bodyObject(req.body), ctx.store);
      if (w.confidentiality === 'confidential') requireConfidentialAccess(key);
      if (codeTaken(w.requisitionCode)) throw badRequest(`A requisition with code "${w.requisitionCode}" already exists`);
      const now = ctx.clock();
      const createdAt = w.createdAt ?? now;
      const r: LeverRequisition = {
        ...w,
        id: randomUuid(ctx.random),
        confidentiality: w.confidentiality ?? 'non-confidential',
        headcountHired: 0,
        creator: null,
        offerIds: [],
        approval: { steps: [] },
        createdAt,
        updatedAt: now,
        closedAt: w.status === 'closed' ? now : null,
      };
      ctx.store.requisitions.set(r);
      return writeResponse(r, 201);
    }),
    route('PUT', `${base}/:id`, (req) => {
      const key = requirePermission(ctx, req, 'Create requisitions');
      const old = find(req);
      if (old.confidentiality === 'confidential') requireConfidentialAccess(key);
      const w = validateRequisitionBody(bodyObject(req.body), ctx.store);
      if (codeTaken(w.requisitionCode, old.id)) throw badRequest(`A requisition with code "${w.requisitionCode}" already exists`);
      const now = ctx.clock();
      // Confidentiality is fixed at creation (like postings'): a different value in the body is ignored.
      const r: LeverRequisition = {
        ...w,
        id: old.id,
        confidentiality: old.confidentiality,
        headcountHired: old.headcountHired,
        creator: old.creator,
        offerIds: old.offerIds,
        approval: old.approval,
        createdAt: w.createdAt ?? old.createdAt,
        updatedAt: now,
        closedAt: w.status === 'closed' ? (old.closedAt ?? now) : null,
      };
      if (r.requisitionCode !== old.requisitionCode) renameCode(ctx, old.requisitionCode, r.requisitionCode);
      ctx.store.requisitions.set(r);
      return writeResponse(r, 200);
    }),
    route('DELETE', `${base}/:id`, (req) => {
      requirePermission(ctx, req, 'Delete requisitions');
      const r = find(req);
      ctx.store.requisitions.delete(r.id);
      const stillUsed = ctx.store.requisitions.withKey(r.requisitionCode).length > 0;
      if (!stillUsed) renameCode(ctx, r.requisitionCode, undefined);
      return noContent();
    }),
  ];
}

/**
 * Postings link requisitions by code; Lever links by id internally, so a code change follows into
 * the postings' `requisitionCodes` and a deleted requisition disappears from them.
 */
function renameCode(ctx: LeverContext, from: string, to: string | undefined): void {
  for (const p of [...ctx.store.postings.withKey(from)]) {
    const codes = p.requisitionCodes.filter((c) => c !== from);
    if (to !== undefined && !codes.includes(to)) codes.push(to);
    ctx.store.postings.set({ ...p, requisitionCodes: codes });
  }
}
