/**
 * The undo's last check before it writes: the requisition must still hold
 * what the run wrote. The plan checked it when it was computed; this checks
 * it again on the record as read just before the write, so an edit made while
 * the undo sheet was open is never overwritten.
 */
import { AppError } from '../../errors.ts';
import type { LeverRequisition } from '../../lever/schemas.ts';
import type { LeverChanges } from '../outbound-map.ts';
import { requisitionFromLever } from '../readers.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim().toLowerCase() : v === null || v === undefined ? '' : String(v));

/** The write keys of `expected` whose value the requisition no longer holds. */
export function changedKeys(current: LeverRequisition, expected: LeverChanges): string[] {
  const r = requisitionFromLever(current);
  const now: Record<string, unknown> = {
    requisitionCode: r.code, name: r.name, status: r.status, employmentStatus: r.employmentStatus, department: r.department, team: r.team,
    location: r.location, hiringManager: r.hiringManagerId, owner: r.ownerId, confidentiality: r.confidential ? 'confidential' : 'non-confidential',
  };
  const out: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'compensation') {
      const comp = value as LeverChanges['compensation'];
      const band = r.compensationBand;
      const same = comp === null || comp === undefined ? band === null || band.max === null : band !== null && band.max === comp.max && text(band.currency) === text(comp.currency);
      if (!same) out.push(key);
    } else if (text(now[key]) !== text(value)) {
      out.push(key);
    }
  }
  return out;
}

/** Throws, failing the row with a sentence, when the requisition changed since the undo was planned. */
export function assertUnchanged(current: LeverRequisition, expected: LeverChanges): void {
  const changed = changedKeys(current, expected);
  if (changed.length > 0) {
    throw new AppError('undo.changed_since', `The requisition ${current.requisitionCode} changed since the undo was planned (${changed.join(', ')}), so nothing was written to it. Plan the undo again to see the values now.`);
  }
}
