// Outbound rows for jobs without a requisition in Lever: what a create writes and writes back, what the
// consultant reads on it, a linked requisition gone from Lever (flagged by Sync, recreated by Reconcile),
// and a job skipped because a value has no Lever counterpart, with the whole sentence saying why.
import { describe, expect, it } from 'vitest';
import { generatedRequisitionCode } from '../../../src/main/core/sync/codes.ts';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { planOutbound } from '../../../src/main/core/sync/plan-outbound.ts';
import { job, leverSnapshot, link, outboundCtx } from './builders.ts';

const plan = (jobs: JobRecord[], reqs: RequisitionRecord[] = [], links: LinkRecord[] = [], mode: 'sync' | 'reconcile' = 'sync') =>
  planOutbound({ mode, jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() });

describe('a job without a requisition', () => {
  it('gets one under its own code, and nothing is written back to the job', () => {
    const [created] = plan([job('1', { recruit: 'Offer' })]).rows;
    expect(created?.view).toMatchObject({ action: 'create', reason: 'job_active_unlinked', requisitionCode: 'ENG-1' });
    expect(created?.view.reasonText).toBe('Open Offer job with no Lever requisition: a requisition ENG-1 will be created.');
    expect(created?.op).toMatchObject({ kind: 'lever.create', code: 'ENG-1' });
    expect(created?.op?.kind === 'lever.create' && created.op.writeBack).toEqual({});
  });

  it('without a code (or with only spaces) gets a generated one, written back to the job, and the row says so', () => {
    for (const req of [null, '   ']) {
      const code = generatedRequisitionCode('1');
      const [created] = plan([job('1', { req })]).rows;
      expect(created?.view).toMatchObject({ action: 'create', requisitionCode: code });
      expect(created?.view.reasonText).toBe(
        `Open Active job with no Lever requisition: a requisition ${code} will be created (code generated and written back to the job).`,
      );
      expect(created?.op).toMatchObject({ kind: 'lever.create', code, writeBack: { req: code } });
    }
  });
});

describe('a linked requisition no longer in Lever', () => {
  it('is flagged by Sync, naming the code it had', () => {
    const [flagged] = plan([job('1')], [], [link('1')]).rows;
    expect(flagged?.view).toMatchObject({ action: 'needs_attention', reason: 'requisition_missing', requisitionId: 'r-1' });
    expect(flagged?.view.reasonText).toBe(
      'The linked requisition ENG-1 is no longer in Lever (deleted there?). Run Reconcile to create it again.',
    );
    expect(flagged?.op).toBeNull();
  });

  it('is flagged in a plain sentence when the link kept no code', () => {
    const [flagged] = plan([job('1')], [], [link('1', { requisitionCode: null })]).rows;
    expect(flagged?.view.reasonText).toBe(
      'The linked requisition is no longer in Lever (deleted there?). Run Reconcile to create it again.',
    );
  });

  it('is created again by Reconcile from the ChartHop job', () => {
    const [created] = plan([job('1')], [], [link('1')], 'reconcile').rows;
    expect(created?.view).toMatchObject({ action: 'create', reason: 'requisition_missing' });
    expect(created?.view.reasonText).toBe(
      'The linked requisition ENG-1 is no longer in Lever: it will be created again from the ChartHop job.',
    );
    expect(created?.op).toMatchObject({ kind: 'lever.create', code: 'ENG-1' });
  });
});

describe('a job skipped for a value Lever has no counterpart for', () => {
  const fortnightly = { amount: 5_000, currency: 'USD', interval: 'FORTNIGHTLY' };

  it('names the pay interval, and offers no mapping for it (a mapping cannot fix it)', () => {
    const out = plan([job('1', { baseComp: fortnightly })]);
    expect(out.rows.map((r) => r.view)).toEqual([
      {
        id: 'job:1',
        title: 'Engineer 1',
        jobId: '1',
        requisitionId: null,
        requisitionCode: 'ENG-1',
        action: 'skip',
        reason: 'unmapped_value',
        reasonText:
          'Skipped, so nothing is written wrongly: the pay interval FORTNIGHTLY has no Lever equivalent. Add the value under Mappings, or fix it in ChartHop.',
        diff: [],
      },
    ]);
    expect(out.rows[0]?.op).toBeNull();
    expect(out.unmapped).toEqual([]);
  });

  it('names every missing counterpart and every problem, one after another', () => {
    const stranger = { id: 'p-x', email: 'x@acme.example' };
    const [skipped] = plan([job('1', { hiringManager: stranger, baseComp: fortnightly })]).rows;
    expect(skipped?.view.reasonText).toBe(
      'Skipped, so nothing is written wrongly: no counterpart for user "x@acme.example"; the pay interval FORTNIGHTLY has no Lever equivalent. Add the value under Mappings, or fix it in ChartHop.',
    );
    expect(skipped?.view.unmapped).toEqual([{ kind: 'user', value: 'x@acme.example', from: 'charthop' }]);
  });
});
