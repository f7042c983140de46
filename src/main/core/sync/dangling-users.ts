/**
 * Users a Lever requisition still names but Lever no longer has (neither active nor deactivated). Lever's
 * requisition update replaces the whole record, so such a reference makes every update of it fail until it
 * is repaired.
 */
import type { FieldKey } from './fields.ts';
import type { RequisitionRecord } from './model.ts';
import type { LeverChanges } from './outbound-map.ts';
import { LEVER_WRITE_KEYS } from './outbound-map.ts';

/** A hiring manager or owner reference to a user Lever no longer has. */
export interface DanglingUser {
  key: 'hiringManager' | 'recruiter';
  role: string;
  id: string;
}

/**
 * The repairs a PUT needs for users the requisition names but Lever no longer has: the job's user is written
 * in their place, or the reference is cleared when the job names nobody Lever has (`cleared`). `repaired`
 * holds the fields of both, which an update writes (and its row shows) whatever else changed.
 */
export function danglingRepairs(
  req: RequisitionRecord,
  usersById: ReadonlyMap<string, unknown>,
  write: LeverChanges,
): { cleared: DanglingUser[]; repaired: ReadonlySet<FieldKey> } {
  const dangling = danglingUsers(req, usersById);
  return {
    cleared: dangling.filter((d) => !(LEVER_WRITE_KEYS[d.key] in write)),
    repaired: new Set(dangling.map((d) => d.key)),
  };
}

/** The requisition's hiring manager and owner ids that name no Lever user (active or deactivated). */
export function danglingUsers(req: RequisitionRecord, usersById: ReadonlyMap<string, unknown>): DanglingUser[] {
  const out: DanglingUser[] = [];
  if (req.hiringManagerId && !usersById.has(req.hiringManagerId))
    out.push({ key: 'hiringManager', role: 'hiring manager', id: req.hiringManagerId });
  if (req.ownerId && !usersById.has(req.ownerId)) out.push({ key: 'recruiter', role: 'recruiter', id: req.ownerId });
  return out;
}
