// The sentences a consultant reads on inbound rows: why a requisition is skipped (every unmapped value and
// problem, each once), how a job was found and what linking it updates, and what a status change does to the job.
import { describe, expect, it } from 'vitest';
import type { JobRecord, LinkRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { planInbound } from '../../../src/main/core/sync/plan-inbound.ts';
import { inboundCtx, job, leverSnapshot, link, linked, requisition } from './builders.ts';

const inboundLink = (id: string): LinkRecord => ({ ...link(id), syncedDirection: 'inbound' });
const rows = (jobs: JobRecord[], reqs: RequisitionRecord[], links: LinkRecord[] = []) =>
  planInbound({ jobs, lever: leverSnapshot(reqs), links, map: inboundCtx() }).rows.map((r) => [r.view.reason, r.view.reasonText]);

const fortnightly = { currency: 'USD', interval: 'per-fortnight', min: 100, max: 200 };

describe('inbound skip texts', () => {
  it('names a problem no mapping can fix on its own', () => {
    expect(rows([], [requisition('9', { compensationBand: fortnightly })])).toEqual([
      [
        'unmapped_value',
        'Skipped, so nothing is written wrongly: the compensation interval "per-fortnight" has no ChartHop equivalent. Add the value under Mappings, or fix it in Lever.',
      ],
    ]);
  });

  it('names the unmapped value and the problem together', () => {
    expect(rows([], [requisition('9', { department: 'Skunkworks', compensationBand: fortnightly })])).toEqual([
      [
        'unmapped_value',
        'Skipped, so nothing is written wrongly: no ChartHop counterpart for department "Skunkworks"; the compensation interval "per-fortnight" has no ChartHop equivalent. Add the value under Mappings, or fix it in Lever.',
      ],
    ]);
  });
});

describe('inbound texts of a found job', () => {
  it('says the job was matched by title and manager and which fields linking updates', () => {
    expect(
      rows([job('a', { req: null, title: 'Designer', recruit: 'Passive' })], [requisition('1', { code: 'LVR-1', name: 'Designer' })]),
    ).toEqual([
      [
        'title_manager_match_drifted',
        'Matched to the open job "Designer" with the same title and hiring manager: it will be linked instead of creating a new job, and Requisition code, Status updated from Lever.',
      ],
    ]);
  });

  it('says the job carries the Lever Req ID, and nothing more when nothing differs', () => {
    expect(rows([linked('1')], [requisition('1')])).toEqual([
      ['id_on_job', 'Matched to the job carrying its Lever Req ID: it will be linked instead of creating a new job.'],
    ]);
  });

  it('says the job carries the requisition code', () => {
    expect(rows([job('1')], [requisition('1')])).toEqual([
      ['code_matched', 'Matched to the job carrying its code ENG-1: it will be linked instead of creating a new job.'],
    ]);
    expect(rows([job('1')], [requisition('1', { name: 'Renamed' })])).toEqual([
      [
        'code_matched_drifted',
        'Matched to the job carrying its code ENG-1: it will be linked instead of creating a new job, and Title updated from Lever.',
      ],
    ]);
  });
});

describe('inbound texts of a linked job', () => {
  it('names the changed fields', () => {
    expect(rows([linked('1')], [requisition('1', { name: 'Renamed', location: 'Remote' })], [inboundLink('1')])).toEqual([
      ['fields_changed', 'Changed in Lever: Title, Location.'],
    ]);
  });

  it('says what the job becomes when only the status changed', () => {
    expect(rows([linked('1')], [requisition('1', { status: 'onHold' })], [inboundLink('1')])).toEqual([
      ['status_changed', 'The requisition is onHold in Lever: the job becomes Inactive.'],
    ]);
  });

  it('says what the job becomes and which other fields are updated', () => {
    const reqs = [requisition('1', { status: 'closed', name: 'Renamed', location: 'Remote' })];
    expect(rows([linked('1')], reqs, [inboundLink('1')])).toEqual([
      ['status_changed', 'The requisition is closed in Lever: the job becomes Inactive, and Title, Location updated.'],
    ]);
  });
});
