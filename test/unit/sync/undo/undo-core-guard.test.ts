// The undo's last check on a requisition before it writes: a field that no longer holds what the run
// wrote is named (so a consultant's later edit is never overwritten), while the same value in another
// letter case, with spaces around, or an empty value against a missing one counts as unchanged; and
// the row fails with a sentence that names the requisition and the fields.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/main/core/errors.ts';
import { assertUnchanged, changedKeys } from '../../../../src/main/core/sync/undo/undo-guard.ts';
import { leverRequisition } from './undo-support.ts';

const USD_150K = { currency: 'USD', interval: 'per-year-salary', max: 150_000 };

describe('which fields of a requisition changed since the run wrote them', () => {
  it('finds none when the requisition still holds every value the run wrote, whatever the letter case or spaces', () => {
    expect(
      changedKeys(leverRequisition(), {
        requisitionCode: 'ENG-7',
        name: ' engineer 7 ',
        status: 'OPEN',
        employmentStatus: 'full-time',
        department: 'engineering',
        team: 'Platform',
        location: 'New York',
        hiringManager: 'u-grace',
        owner: 'u-rick',
        confidentiality: 'non-confidential',
        compensation: { currency: 'usd', interval: 'per-year-salary', max: 150_000 },
      }),
    ).toEqual([]);
  });

  it('names each field edited since, in the order the run wrote them', () => {
    const edited = leverRequisition({ name: 'Staff Engineer 7', department: 'Sales', owner: 'u-nora', confidentiality: 'confidential' });
    expect(
      changedKeys(edited, {
        owner: 'u-rick',
        name: 'Engineer 7',
        team: 'Platform',
        department: 'Engineering',
        confidentiality: 'non-confidential',
      }),
    ).toEqual(['owner', 'name', 'department', 'confidentiality']);
    expect(changedKeys(leverRequisition({ confidentiality: 'confidential' }), { confidentiality: 'confidential' })).toEqual([]);
  });

  it('treats a field the run left empty as unchanged while it is still empty, however each side spells empty', () => {
    const empty = leverRequisition({ team: null, location: null, department: null });
    // A created requisition's recorded values leave out what the run did not set (undefined), Lever answers null.
    expect(changedKeys(empty, { team: undefined, location: null, department: '' })).toEqual([]);
    expect(changedKeys(empty, { team: 'Platform' })).toEqual(['team']);
    expect(changedKeys(leverRequisition(), { team: null, location: undefined })).toEqual(['team', 'location']);
  });

  it('sees a compensation changed when the band maximum or its currency differs, or a band appeared or went', () => {
    expect(changedKeys(leverRequisition(), { compensation: USD_150K })).toEqual([]);
    const band = (max: number | null, currency = 'USD') => ({
      compensationBand: { currency, interval: 'per-year-salary', min: 100_000, max },
    });
    expect(changedKeys(leverRequisition(band(160_000)), { compensation: USD_150K })).toEqual(['compensation']);
    expect(changedKeys(leverRequisition(band(150_000, 'EUR')), { compensation: USD_150K })).toEqual(['compensation']);
    expect(changedKeys(leverRequisition({ compensationBand: null }), { compensation: USD_150K })).toEqual(['compensation']);
    // The run cleared the band: still none, or a band without a maximum, is unchanged; a band with a maximum is an edit.
    expect(changedKeys(leverRequisition({ compensationBand: null }), { compensation: null })).toEqual([]);
    expect(changedKeys(leverRequisition(band(null)), { compensation: null })).toEqual([]);
    expect(changedKeys(leverRequisition(band(null)), { compensation: undefined })).toEqual([]);
    expect(changedKeys(leverRequisition(), { compensation: null })).toEqual(['compensation']);
  });
});

describe('the last check before an undo writes a requisition', () => {
  it('lets the write go ahead when nothing changed', () => {
    expect(() => assertUnchanged(leverRequisition(), { department: 'Engineering', compensation: USD_150K })).not.toThrow();
  });

  it('fails the row with a sentence naming the requisition and every changed field', () => {
    const edited = leverRequisition({ department: 'Marketing', location: 'Remote' });
    let error: unknown;
    try {
      assertUnchanged(edited, { department: 'Engineering', location: 'New York', team: 'Platform' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'undo.changed_since',
      message:
        'The requisition ENG-7 changed since the undo was planned (department, location), so nothing was written to it. Plan the undo again to see the values now.',
    });
  });
});
