// Why an outbound update row exists, as the Reconcile sheet and the run log tell it: a status moved in
// ChartHop, Lever-side edits that will be overwritten, changes on both sides, or sides that simply differ.
// The consultant decides from these sentences, so each is pinned whole.
import { describe, expect, it } from 'vitest';
import type { FieldKey, FieldValues } from '../../../src/main/core/sync/fields.ts';
import { fieldHistory, outboundUpdateReason } from '../../../src/main/core/sync/update-reasons.ts';

type Input = Parameters<typeof outboundUpdateReason>[0];

/** The reason for `keys`, from ChartHop's (`desired`), Lever's (`current`) and the last synced values. */
function reason(
  mode: Input['mode'],
  keys: FieldKey[],
  values: { desired: FieldValues; current: FieldValues; last: FieldValues | null },
  status: { after?: string | null; recruit?: string | null } = {},
): ReturnType<typeof outboundUpdateReason> {
  return outboundUpdateReason({
    mode,
    keys,
    statusAfter: status.after ?? null,
    recruit: status.recruit ?? null,
    history: fieldHistory(values.desired, values.current, values.last),
  });
}

describe('why an outbound update row exists', () => {
  it('says the requisition goes on hold when the job stopped recruiting in ChartHop, with the other fields updated', () => {
    const never = { desired: { status: 'onHold', title: 'B' }, current: { status: 'open', title: 'A' }, last: null };
    expect(reason('sync', ['status', 'title'], never, { after: 'onHold', recruit: 'Passive' })).toEqual({
      reason: 'job_on_hold',
      reasonText: 'The job is Passive in ChartHop: the requisition goes on hold, and Title updated.',
    });
    expect(reason('sync', ['status'], never, { after: 'onHold' })).toEqual({
      reason: 'job_on_hold',
      reasonText: 'The job is not recruiting in ChartHop: the requisition goes on hold.',
    });
  });

  it('says the requisition reopens when the job recruits again in ChartHop', () => {
    const values = { desired: { status: 'open' }, current: { status: 'onHold' }, last: { status: 'onHold' } };
    expect(reason('reconcile', ['status'], values, { after: 'open', recruit: 'Offer' })).toEqual({
      reason: 'job_reopened',
      reasonText: 'The job is Offer again in ChartHop: the requisition reopens.',
    });
    expect(reason('sync', ['status'], { ...values, last: null }, { after: 'open' })).toEqual({
      reason: 'job_reopened',
      reasonText: 'The job is recruiting again in ChartHop: the requisition reopens.',
    });
  });

  it('does not blame ChartHop for a status edited in Lever: Reconcile repairs it as a Lever-side edit', () => {
    const values = { desired: { status: 'open' }, current: { status: 'onHold' }, last: { status: 'open' } };
    expect(reason('reconcile', ['status'], values, { after: 'open', recruit: 'Active' })).toEqual({
      reason: 'fields_drifted',
      reasonText: "Lever-side edits to Status will be overwritten with ChartHop's values (ChartHop owns these fields).",
    });
  });

  it('does not claim a status change in ChartHop when Reconcile has no record of the last sync', () => {
    const values = { desired: { status: 'open' }, current: { status: 'onHold' }, last: null };
    expect(reason('reconcile', ['status'], values, { after: 'open', recruit: 'Active' })).toEqual({
      reason: 'fields_drifted',
      reasonText: 'Lever differs from ChartHop in Status: Lever will be repaired.',
    });
  });

  it('tells a plain field change apart from a status change', () => {
    const values = { desired: { title: 'B' }, current: { title: 'A' }, last: { title: 'A' } };
    expect(reason('sync', ['title'], values, { after: 'open', recruit: 'Active' })).toEqual({
      reason: 'fields_changed',
      reasonText: 'Changed in ChartHop since the last sync: Title.',
    });
  });

  it('in Reconcile, calls fields changed only in ChartHop a ChartHop change, not a Lever edit', () => {
    const values = {
      desired: { title: 'B', team: 'Core' },
      current: { title: 'A', team: 'Platform' },
      last: { title: 'A', team: 'Platform' },
    };
    expect(reason('reconcile', ['title', 'team'], values)).toEqual({
      reason: 'fields_changed',
      reasonText: 'Changed in ChartHop since the last sync: Title, Team.',
    });
  });

  it('names the fields changed on both sides as conflicts, and the Lever-only edits apart', () => {
    // Title: changed on both sides; team: edited in Lever only; location: changed in ChartHop only.
    const values = {
      desired: { title: 'B', team: 'Platform', location: 'Berlin' },
      current: { title: 'C', team: 'Core', location: 'New York' },
      last: { title: 'A', team: 'Platform', location: 'New York' },
    };
    expect(reason('reconcile', ['title', 'team', 'location'], values)).toEqual({
      reason: 'fields_conflict',
      reasonText:
        "Changed in both systems since the last sync (Title): ChartHop's values win. Lever-side edits to Team will be overwritten.",
    });
    expect(reason('reconcile', ['title', 'location'], values)).toEqual({
      reason: 'fields_conflict',
      reasonText: "Changed in both systems since the last sync (Title): ChartHop's values win.",
    });
  });

  it('names the Lever-side edits that will be overwritten, and the fields that differ besides', () => {
    // Title: edited in Lever only; location: changed in ChartHop only; team: never synced.
    const values = {
      desired: { title: 'A', team: 'Platform', location: 'Berlin' },
      current: { title: 'C', team: 'Core', location: 'New York' },
      last: { title: 'A', location: 'New York' },
    };
    expect(reason('reconcile', ['title', 'team', 'location'], values)).toEqual({
      reason: 'fields_drifted',
      reasonText:
        "Lever-side edits to Title will be overwritten with ChartHop's values (ChartHop owns these fields). Also differs: Team, Location.",
    });
  });

  it('without a record of the last sync, says Lever differs in every listed field and will be repaired', () => {
    const values = { desired: { title: 'B', team: 'Core' }, current: { title: 'A', team: 'Platform' }, last: null };
    expect(reason('reconcile', ['title', 'team'], values)).toEqual({
      reason: 'fields_drifted',
      reasonText: 'Lever differs from ChartHop in Title, Team: Lever will be repaired.',
    });
  });
});
