/**
 * Turning mapped Lever changes into requisition bodies: a complete create
 * body, and a read-merge-write update (Lever's PUT replaces the record, so
 * every field not being changed is sent back as read).
 */
import type { LeverRequisition } from '../lever/schemas.ts';
import type { LeverRequisitionInput } from '../lever/requisitions.ts';
import { requisitionInputOf } from '../lever/requisitions.ts';
import type { FieldKey } from './fields.ts';
import type { LeverChanges } from './outbound-map.ts';
import { LEVER_WRITE_KEYS } from './outbound-map.ts';

/** The changes of the listed fields only. */
export function pickChanges(write: LeverChanges, keys: Iterable<FieldKey>): LeverChanges {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const target = LEVER_WRITE_KEYS[key];
    if (target in write) out[target] = write[target];
  }
  return out as LeverChanges;
}

function band(comp: LeverChanges['compensation'], currentMin: number | null): LeverRequisitionInput['compensationBand'] {
  if (!comp) return null;
  // ChartHop's base is the band's maximum; keep Lever's minimum when it still fits under it.
  const min = currentMin !== null && Number.isFinite(currentMin) ? Math.min(currentMin, comp.max) : comp.max;
  return { currency: comp.currency, interval: comp.interval, min, max: comp.max };
}

/** A create body: every mapped field, one headcount (one ChartHop job is one seat). */
export function createInput(write: LeverChanges): LeverRequisitionInput {
  const input: LeverRequisitionInput = {
    requisitionCode: write.requisitionCode ?? '',
    name: write.name ?? '',
    headcountTotal: 1,
    status: write.status ?? 'open',
    employmentStatus: write.employmentStatus ?? null,
    department: write.department ?? null,
    team: write.team ?? null,
    location: write.location ?? null,
    hiringManager: write.hiringManager ?? null,
    owner: write.owner ?? null,
    compensationBand: band(write.compensation ?? null, null),
  };
  // Stryker disable next-line ConditionalExpression: a confidentiality key holding undefined is left out of the JSON body and reads as not confidential
  if (write.confidentiality) input.confidentiality = write.confidentiality;
  return input;
}

function num(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** The full PUT body: the requisition as read, with `changes` merged in. */
export function mergedInput(current: LeverRequisition, changes: LeverChanges): LeverRequisitionInput {
  const input = requisitionInputOf(current);
  const currentBand = current.compensationBand;
  if (currentBand) {
    const min = num(currentBand.min);
    const max = num(currentBand.max);
    input.compensationBand =
      min !== null && max !== null
        ? { currency: currentBand.currency, interval: currentBand.interval ?? 'per-year-salary', min, max }
        : null;
  }
  const { compensation, ...plain } = changes;
  Object.assign(input, plain);
  if (compensation !== undefined) input.compensationBand = band(compensation, num(currentBand?.min));
  return input;
}
