// What a ChartHop job's requisition should hold in Lever, down to the spaces and empty fields: values are
// written trimmed, a new requisition states every field (empty ones as null) while an update leaves alone
// what ChartHop does not say, and a Lever requisition is shown in the same vocabulary as the job.
import { describe, expect, it } from 'vitest';
import { generatedRequisitionCode } from '../../../src/main/core/sync/codes.ts';
import { currentRequisition, desiredRequisition } from '../../../src/main/core/sync/outbound-map.ts';
import { job, outboundCtx, requisition } from './builders.ts';

/** A job with nothing but its id, code and title. */
const titleOnlyJob = () =>
  job('1', { employment: null, department: null, team: null, location: null, hiringManager: null, recruiter: null, baseComp: null });

describe('the requisition a job should have', () => {
  it('writes the code, title, employment, department, team and location without the spaces ChartHop kept around them', () => {
    const padded = job('1', {
      req: ' ENG-1 ',
      title: '  Staff Engineer ',
      employment: ' full ',
      department: ' Engineering ',
      team: ' Platform ',
      location: ' New York ',
    });
    const mapped = desiredRequisition(padded, outboundCtx(), 'update');
    expect(mapped).toEqual({
      ok: true,
      values: {
        code: 'ENG-1',
        title: 'Staff Engineer',
        status: 'open',
        employment: 'full-time',
        department: 'Engineering',
        team: 'Platform',
        location: 'New York',
        hiringManager: 'grace@acme.example',
        recruiter: 'rick@acme.example',
        compensation: '150000 USD per year',
      },
      write: {
        requisitionCode: 'ENG-1',
        name: 'Staff Engineer',
        status: 'open',
        employmentStatus: 'full-time',
        department: 'Engineering',
        team: 'Platform',
        location: 'New York',
        hiringManager: 'u-grace',
        owner: 'u-rick',
        compensation: { currency: 'USD', interval: 'per-year-salary', max: 150_000 },
      },
      warnings: [],
    });
  });

  it('a job whose code is only spaces gets the generated code on create, and no code on update', () => {
    const blank = job('7', { req: '   ' });
    const created = desiredRequisition(blank, outboundCtx(), 'create');
    expect(created.ok && created.values.code).toBe(generatedRequisitionCode('7'));
    expect(created.ok && created.write.requisitionCode).toBe(generatedRequisitionCode('7'));
    const updated = desiredRequisition(blank, outboundCtx(), 'update');
    expect(updated.ok && 'code' in updated.values).toBe(false);
    expect(updated.ok && 'requisitionCode' in updated.write).toBe(false);
  });

  it('a new requisition for a job with nothing but a title states every empty field as empty, and is not confidential', () => {
    const bare = titleOnlyJob();
    expect(desiredRequisition(bare, outboundCtx(), 'create')).toEqual({
      ok: true,
      values: {
        code: 'ENG-1',
        title: 'Engineer 1',
        status: 'open',
        confidential: 'no',
        employment: null,
        department: null,
        team: null,
        location: null,
        hiringManager: null,
        recruiter: null,
        compensation: null,
      },
      write: {
        requisitionCode: 'ENG-1',
        name: 'Engineer 1',
        status: 'open',
        confidentiality: 'non-confidential',
        employmentStatus: null,
        department: null,
        team: null,
        location: null,
        hiringManager: null,
        owner: null,
        compensation: null,
      },
      warnings: [],
    });
  });

  it('an update clears an emptied employment type, department, team and location, but leaves the people and pay alone', () => {
    const bare = titleOnlyJob();
    const mapped = desiredRequisition(bare, outboundCtx(), 'update');
    expect(mapped.ok && mapped.write).toEqual({
      requisitionCode: 'ENG-1',
      name: 'Engineer 1',
      status: 'open',
      employmentStatus: null,
      department: null,
      team: null,
      location: null,
    });
  });

  it("leaves Lever's status alone for a job whose recruiting status has no Lever counterpart (a hire announced)", () => {
    const mapped = desiredRequisition(job('1', { recruit: 'Pending' }), outboundCtx(), 'update');
    expect(mapped.ok && 'status' in mapped.values).toBe(false);
    expect(mapped.ok && 'status' in mapped.write).toBe(false);
  });

  it('does not write a pay interval Lever has no equivalent for, and says which one', () => {
    const fortnightly = job('1', { baseComp: { amount: 5_000, currency: 'USD', interval: 'FORTNIGHTLY' } });
    expect(desiredRequisition(fortnightly, outboundCtx(), 'update')).toEqual({
      ok: false,
      misses: [],
      problems: ['the pay interval FORTNIGHTLY has no Lever equivalent'],
    });
  });
});

describe('a Lever requisition as it is now', () => {
  it("names its hiring manager and owner by their Lever email in lower case, as ChartHop's people are named", () => {
    const users = new Map([
      ['u-grace', { id: 'u-grace', email: 'Grace@ACME.example', name: 'Grace' }],
      ['u-rick', { id: 'u-rick', email: 'RICK@acme.example', name: 'Rick' }],
    ]);
    const current = currentRequisition(requisition('1'), users);
    expect([current.hiringManager, current.recruiter]).toEqual(['grace@acme.example', 'rick@acme.example']);
  });
});
