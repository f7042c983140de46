// The Lever bodies a run writes: a create body fills what the row leaves out with blanks and an open
// status; an update keeps Lever's band minimum only while it fits under ChartHop's base (the band's
// maximum), and sends back a band read without an interval as a yearly salary; an update of a few fields
// sends every other field back as read, and a band Lever stored without a minimum is not invented into one.
import { describe, expect, it } from 'vitest';
import type { LeverRequisition } from '../../../src/main/core/lever/schemas.ts';
import { createInput, mergedInput, pickChanges } from '../../../src/main/core/sync/lever-writes.ts';

/** A requisition as read from Lever, with a USD yearly band `min`–`max`. */
function read(band: LeverRequisition['compensationBand']): LeverRequisition {
  return {
    id: 'lr-1',
    requisitionCode: 'ENG-1',
    name: 'Engineer',
    status: 'open',
    headcountTotal: 1,
    createdAt: 0,
    compensationBand: band,
  };
}

const usd = (min: number | null, max: number) => ({ currency: 'USD', interval: 'per-year-salary', min, max });

describe('the create body', () => {
  it('sends an empty code and name and an open status when the row carries none', () => {
    expect(createInput({})).toEqual({
      requisitionCode: '',
      name: '',
      headcountTotal: 1,
      status: 'open',
      employmentStatus: null,
      department: null,
      team: null,
      location: null,
      hiringManager: null,
      owner: null,
      compensationBand: null,
    });
  });
});

describe('the band a create writes', () => {
  it("is ChartHop's base as both minimum and maximum", () => {
    expect(createInput({ compensation: { currency: 'USD', interval: 'per-year-salary', max: 150_000 } }).compensationBand).toEqual(
      usd(150_000, 150_000),
    );
  });
});

describe('the band an update writes', () => {
  const base = { currency: 'USD', interval: 'per-year-salary', max: 150_000 };

  it("keeps Lever's minimum when it is under the new base", () => {
    expect(mergedInput(read(usd(120_000, 140_000)), { compensation: base }).compensationBand).toEqual(usd(120_000, 150_000));
  });

  it("keeps Lever's minimum when it equals the new base", () => {
    expect(mergedInput(read(usd(150_000, 160_000)), { compensation: base }).compensationBand).toEqual(usd(150_000, 150_000));
  });

  it('raises nothing above the base: a minimum over it becomes the base', () => {
    expect(mergedInput(read(usd(160_000, 180_000)), { compensation: base }).compensationBand).toEqual(usd(150_000, 150_000));
  });

  it('sends an untouched band read without an interval back as a yearly salary', () => {
    const input = mergedInput(read({ currency: 'EUR', min: '90000', max: 110_000 }), { name: 'Staff Engineer' });
    expect(input.compensationBand).toEqual({ currency: 'EUR', interval: 'per-year-salary', min: 90_000, max: 110_000 });
  });
});

describe('an update of some fields of a requisition', () => {
  it('sends back the title as read when the changes carry a new team but no title', () => {
    const changes = pickChanges({ team: 'Data' }, ['title', 'team']);
    const input = mergedInput(read(null), changes);
    expect([input.name, input.team]).toEqual(['Engineer', 'Data']);
  });

  it('drops a band Lever stored without a minimum rather than sending a minimum of 0', () => {
    expect(
      mergedInput(read({ currency: 'USD', interval: 'per-year-salary', min: null, max: 110_000 }), { name: 'Engineer II' })
        .compensationBand,
    ).toBeNull();
  });
});
