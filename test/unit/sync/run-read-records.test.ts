// How ChartHop job rows become the engine's records (trimmed values, managers given as objects or
// ids, and whether the job's identity could be read at all).
import { describe, expect, it } from 'vitest';
import type { ChartHopRow } from '../../../src/main/core/charthop/schemas.ts';
import { naturalKeyOf } from '../../../src/main/core/sync/journal.ts';
import { jobFromRow } from '../../../src/main/core/sync/readers.ts';

const row = (fields: Record<string, unknown>): ChartHopRow => ({ id: 'job-1', ...fields }) as ChartHopRow;

const NO_REQ = 'it holds no "req" field (the answer did not project the field asked for)';
const NO_LEVER_REQ_ID = 'it holds no "leverReqId" field (the answer did not project the field asked for)';

describe('a ChartHop job row read for a plan', () => {
  it('trims every text, reads blank text as empty, and takes a manager given as an object or as an id', () => {
    expect(
      jobFromRow(
        row({
          title: '  Staff Engineer ',
          open: 'OPEN',
          recruit: ' active ',
          req: ' ENG-7 ',
          leverReqId: 'lr-7',
          sensitive: '   ',
          employment: 'FULL',
          'department.name': ' Engineering ',
          'team.name': 'Platform',
          'location.name': 'New York',
          hireMgr: { id: ' p-grace ' },
          'hireMgr.contact.workEmail': ' grace@acme.test ',
          recruiter: 'p-rick',
          base: 150_000,
          currency: 'USD',
        }),
      ),
    ).toEqual({
      id: 'job-1',
      title: 'Staff Engineer',
      open: true,
      recruit: 'Active',
      req: 'ENG-7',
      leverReqId: 'lr-7',
      sensitive: null,
      employment: 'FULL',
      department: 'Engineering',
      team: 'Platform',
      location: 'New York',
      hiringManager: { id: 'p-grace', email: 'grace@acme.test' },
      recruiter: { id: 'p-rick', email: null },
      baseComp: { amount: 150_000, currency: 'USD', interval: 'YEARLY' },
    });
  });

  it('a row that ignored the projection but shows both codes identifies its job', () => {
    const job = jobFromRow(row({ title: 'Engineer', req: 'ENG-1', leverReqId: 'lr-1' }));
    expect([job.req, job.leverReqId, job.identityUnreadable]).toEqual(['ENG-1', 'lr-1', undefined]);
  });

  it('a projected row that leaves the codes out has none: absence there means empty, not unreadable', () => {
    const job = jobFromRow(row({ title: 'Engineer', 'team.name': 'Platform' }));
    expect([job.req, job.leverReqId, job.identityUnreadable]).toEqual([null, null, undefined]);
  });

  it('a row that ignored the projection and shows neither code says why for both', () => {
    expect(jobFromRow(row({ title: 'Engineer' })).identityUnreadable).toBe(`${NO_REQ}; ${NO_LEVER_REQ_ID}`);
  });

  it('a row that ignored the projection and shows only the requisition code says why for the Lever Req ID alone', () => {
    const job = jobFromRow(row({ title: 'Engineer', req: 'ENG-1' }));
    expect([job.req, job.leverReqId, job.identityUnreadable]).toEqual(['ENG-1', null, NO_LEVER_REQ_ID]);
  });
});

describe('the key a crashed write is looked up by', () => {
  it('is the ChartHop job for an update of a job', () => {
    expect(naturalKeyOf({ kind: 'charthop.update', jobId: 'job-9', requisitionId: 'lr-9', code: 'ENG-9', body: {}, synced: {} })).toBe(
      'charthop:job:job-9',
    );
  });
});
