import { json, noContent, route } from '../http/index.ts';
import type { Route, SandboxRequest } from '../http/index.ts';
import { requirePermission } from './auth.ts';
import type { LeverContext } from './context.ts';
import { badRequest, bodyObject, notFound } from './query.ts';
import type { LeverRequisitionField, LeverRequisitionFieldType } from './state.ts';

const TYPES: readonly LeverRequisitionFieldType[] = ['text', 'number', 'date', 'dropdown', 'object'];
const SUB_TYPES = ['text', 'number', 'date'];

/**
 * `/requisition_fields` (§8): the custom-field schema. The list has no `hasNext` (observed).
 * Writes need "Update requisition fields". Deleting a field also drops its values from requisitions.
 */
export function requisitionFieldRoutes(ctx: LeverContext): Route[] {
  const base = '/v1/requisition_fields';
  const find = (req: SandboxRequest): LeverRequisitionField => {
    const f = ctx.store.requisitionFields.get(req.params['id'] ?? '');
    if (!f) throw notFound('requisition field');
    return f;
  };
  return [
    route('GET', base, (req) => {
      requirePermission(ctx, req, 'Read requisition fields');
      return json({ data: [...ctx.store.requisitionFields.values()] });
    }),
    route('GET', `${base}/:id`, (req) => {
      requirePermission(ctx, req, 'Read requisition fields');
      return json({ data: find(req) });
    }),
    route('POST', base, (req) => {
      requirePermission(ctx, req, 'Update requisition fields');
      const body = bodyObject(req.body);
      const id = body['id'];
      if (typeof id !== 'string' || !/^[A-Za-z0-9_]+$/.test(id)) throw badRequest('id is required: letters, digits and underscores');
      if (ctx.store.requisitionFields.get(id)) throw badRequest(`A requisition field with id "${id}" already exists`);
      const now = ctx.clock();
      const field = { ...fieldDefinition(body), id, createdAt: now, updatedAt: now };
      ctx.store.requisitionFields.set(field);
      return json({ data: field }, 201);
    }),
    route('PUT', `${base}/:id`, (req) => {
      requirePermission(ctx, req, 'Update requisition fields');
      const old = find(req);
      const field = { ...fieldDefinition(bodyObject(req.body)), id: old.id, createdAt: old.createdAt, updatedAt: ctx.clock() };
      ctx.store.requisitionFields.set(field);
      return json({ data: field });
    }),
    route('DELETE', `${base}/:id`, (req) => {
      requirePermission(ctx, req, 'Update requisition fields');
      const f = find(req);
      ctx.store.requisitionFields.delete(f.id);
      for (const r of ctx.store.requisitions.values()) {
        if (!(f.id in r.customFields)) continue;
        const customFields = { ...r.customFields };
        delete customFields[f.id];
        ctx.store.requisitions.set({ ...r, customFields });
      }
      return noContent();
    }),
  ];
}

/** Validates a field definition: text, type, isRequired, dropdown `options`, object `subfields`. */
function fieldDefinition(body: Record<string, unknown>): Omit<LeverRequisitionField, 'id' | 'createdAt' | 'updatedAt'> {
  const { text, type, isRequired, options, subfields } = body;
  if (typeof text !== 'string' || text.trim() === '') throw badRequest('text is required');
  if (typeof type !== 'string' || !TYPES.includes(type as LeverRequisitionFieldType))
    throw badRequest(`type must be one of ${TYPES.join(', ')}`);
  if (isRequired !== undefined && typeof isRequired !== 'boolean') throw badRequest('isRequired must be a boolean');
  const out: Omit<LeverRequisitionField, 'id' | 'createdAt' | 'updatedAt'> = {
    text,
    type: type as LeverRequisitionFieldType,
    isRequired: isRequired ?? false,
  };
  if (type === 'dropdown') {
    if (
      !Array.isArray(options) ||
      options.length === 0 ||
      !options.every((o) => typeof o === 'object' && o !== null && typeof (o as { text?: unknown }).text === 'string')
    ) {
      throw badRequest('options must be a non-empty list of { text } for a dropdown field');
    }
    out.options = options.map((o) => ({ text: (o as { text: string }).text }));
  }
  if (type === 'object') {
    if (!Array.isArray(subfields) || subfields.length === 0) throw badRequest('subfields must be a non-empty list for an object field');
    out.subfields = subfields.map((s: unknown) => {
      const sub = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
      if (
        typeof sub['id'] !== 'string' ||
        typeof sub['text'] !== 'string' ||
        typeof sub['type'] !== 'string' ||
        !SUB_TYPES.includes(sub['type'])
      ) {
        throw badRequest('each subfield needs id, text and a type of text, number or date');
      }
      return { id: sub['id'], text: sub['text'], type: sub['type'] };
    });
  }
  return out;
}
