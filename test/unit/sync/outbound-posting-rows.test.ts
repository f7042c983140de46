// Outbound rows of a linked requisition with postings: the postings follow the department, team and
// location the row writes (or that an unconfirmed earlier sync wrote), the row says how many postings
// follow which fields, and a requisition without postings gets no posting work at all.
import { describe, expect, it } from 'vitest';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { planOutbound } from '../../../src/main/core/sync/plan-outbound.ts';
import { leverSnapshot, link, linked, outboundCtx, requisition } from './builders.ts';

const plan = (jobs: JobRecord[], reqs: RequisitionRecord[], links: LinkRecord[]) =>
  planOutbound({ mode: 'sync', jobs, jobIds: null, lever: leverSnapshot(reqs), links, map: outboundCtx() });
/** A link whose last sync wrote `department` but was never confirmed as done. */
const unconfirmed = (id: string, department: string) => link(id, { synced: { ...link(id).synced, department } });

describe('postings following their requisition', () => {
  it('one posting follows a changed department, and the row says so in the singular', () => {
    const [row] = plan([linked('1', { department: 'Sales' })], [requisition('1', { postings: ['p1'] })], [link('1')]).rows;
    expect(row?.view.reasonText).toBe('Changed in ChartHop since the last sync: Department. Its 1 linked posting follows (Department).');
    expect(row?.op).toMatchObject({ changes: { department: 'Sales' }, postings: { department: 'Sales' } });
  });

  it('two postings follow a changed department and location, and the row says so in the plural', () => {
    const [row] = plan(
      [linked('1', { department: 'Sales', location: 'Remote' })],
      [requisition('1', { postings: ['p1', 'p2'] })],
      [link('1')],
    ).rows;
    expect(row?.view.reasonText).toBe(
      'Changed in ChartHop since the last sync: Department, Location. Its 2 linked postings follow (Department, Location).',
    );
    expect(row?.op).toMatchObject({ postings: { department: 'Sales', location: 'Remote' } });
  });

  it('a requisition without postings gets no posting work and no word about postings', () => {
    const [row] = plan([linked('1', { department: 'Sales' })], [requisition('1')], [link('1')]).rows;
    expect(row?.view.reasonText).toBe('Changed in ChartHop since the last sync: Department.');
    expect(row?.op).not.toHaveProperty('postings');
  });

  it('a requisition already in line whose last sync was not confirmed has its postings checked, writing nothing else', () => {
    const out = plan(
      [linked('1', { department: 'Sales' })],
      [requisition('1', { department: 'Sales', postings: ['p1'] })],
      [unconfirmed('1', 'Engineering')],
    );
    expect(out.rows.map((r) => [r.view.action, r.view.reason, r.view.reasonText, r.view.diff])).toEqual([
      [
        'update',
        'postings_follow',
        'The requisition already matches ChartHop, but the last sync of it was not confirmed. Its 1 linked posting follows (Department). They are checked and written only where they differ.',
        [],
      ],
    ]);
    expect(out.rows[0]?.op).toMatchObject({ changes: {}, writeBack: null, postings: { department: 'Sales' } });
  });

  it('an unconfirmed department rides along with a field changed since: the row is that update, and the postings follow', () => {
    const out = plan(
      [linked('1', { department: 'Sales', title: 'Staff Engineer' })],
      [requisition('1', { department: 'Sales', postings: ['p1'] })],
      [unconfirmed('1', 'Engineering')],
    );
    expect(out.rows.map((r) => [r.view.action, r.view.reason, r.view.reasonText])).toEqual([
      ['update', 'fields_changed', 'Changed in ChartHop since the last sync: Title. Its 1 linked posting follows (Department).'],
    ]);
    expect(out.rows[0]?.op).toMatchObject({ changes: { name: 'Staff Engineer' }, postings: { department: 'Sales' } });
  });
});
