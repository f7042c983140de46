// The pure field maps, both directions: values, crosswalks, unmapped values, the Remote default,
// the status map and what an update leaves alone.
import { describe, expect, it } from 'vitest';
import { generatedRequisitionCode } from '../../../src/main/core/sync/codes.ts';
import { createCrosswalk, tallyUnmapped } from '../../../src/main/core/sync/crosswalk.ts';
import { compDisplay, diffValues, sameValue } from '../../../src/main/core/sync/fields.ts';
import { chartHopBody, currentJob, desiredJob } from '../../../src/main/core/sync/inbound-map.ts';
import { currentRequisition, desiredRequisition } from '../../../src/main/core/sync/outbound-map.ts';
import { leverStatusFor, recruitStatusFor, wantsRequisition } from '../../../src/main/core/sync/status-map.ts';
import { USERS, inboundCtx, job, outboundCtx, requisition } from './builders.ts';

describe('outbound map (ChartHop job → Lever requisition)', () => {
  it('maps every field of a new requisition', () => {
    const mapped = desiredRequisition(
      job('1', { sensitive: 'HIGH', employment: 'CONTRACT', baseComp: { amount: 90_000, currency: 'eur', interval: 'MONTHLY' } }),
      outboundCtx(),
      'create',
    );
    expect(mapped).toEqual({
      ok: true,
      values: {
        code: 'ENG-1',
        title: 'Engineer 1',
        status: 'open',
        confidential: 'yes',
        employment: 'contractor',
        department: 'Engineering',
        team: 'Platform',
        location: 'New York',
        hiringManager: 'grace@acme.example',
        recruiter: 'rick@acme.example',
        compensation: '90000 EUR per month',
      },
      write: {
        requisitionCode: 'ENG-1',
        name: 'Engineer 1',
        status: 'open',
        confidentiality: 'confidential',
        employmentStatus: 'contractor',
        department: 'Engineering',
        team: 'Platform',
        location: 'New York',
        hiringManager: 'u-grace',
        owner: 'u-rick',
        compensation: { currency: 'EUR', interval: 'per-month-salary', max: 90_000 },
      },
      warnings: [],
    });
  });

  it('generates a deterministic code for a job without one, only on create', () => {
    const a = desiredRequisition(job('7', { req: null }), outboundCtx(), 'create');
    expect(a.ok && a.values.code).toBe(generatedRequisitionCode('7'));
    expect(generatedRequisitionCode('7')).toBe(generatedRequisitionCode('7'));
    expect(generatedRequisitionCode('7')).not.toBe(generatedRequisitionCode('8'));
    expect(generatedRequisitionCode('7')).toMatch(/^RB-[0-9A-F]{10}$/);
    const b = desiredRequisition(job('7', { req: null }), outboundCtx(), 'update');
    expect(b.ok && 'code' in b.values).toBe(false);
  });

  it('applies the Remote default to new requisitions without a location, only when the option is on', () => {
    const noLocation = job('1', { location: null });
    const on = desiredRequisition(noLocation, outboundCtx({ remoteDefault: true }), 'create');
    const off = desiredRequisition(noLocation, outboundCtx({ remoteDefault: false }), 'create');
    expect(on.ok && on.write.location).toBe('Remote');
    expect(off.ok && off.write.location).toBeNull();
    // An update does not move an existing requisition to Remote, nor clear it.
    const update = desiredRequisition(noLocation, outboundCtx({ remoteDefault: true }), 'update');
    expect(update.ok && 'location' in update.values).toBe(false);
  });

  it('on update, leaves confidentiality and an empty hiring manager, recruiter or compensation alone', () => {
    const mapped = desiredRequisition(
      job('1', { hiringManager: null, recruiter: null, baseComp: null, sensitive: 'HIGH' }),
      outboundCtx(),
      'update',
    );
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    for (const key of ['confidential', 'hiringManager', 'recruiter', 'compensation'] as const) expect(key in mapped.values).toBe(false);
  });

  it('reports unmapped users and employment types, and maps them through the profile crosswalk', () => {
    const nora = job('1', { hiringManager: { id: 'p-nora', email: 'Nora.Edwards@acme.example' }, employment: 'EXPAT' });
    expect(desiredRequisition(nora, outboundCtx(), 'create')).toEqual({
      ok: false,
      problems: [],
      misses: [
        { kind: 'employment', value: 'EXPAT' },
        { kind: 'user', value: 'nora.edwards@acme.example' },
      ],
    });
    const mapped = desiredRequisition(
      nora,
      outboundCtx({
        mappings: { users: { 'nora.edwards@acme.example': 'NEdwards@acme.example' }, employmentTypes: { expat: 'full-time' } },
      }),
      'create',
    );
    expect(mapped.ok && mapped.write).toMatchObject({ hiringManager: 'u-nora', employmentStatus: 'full-time' });
    const renamed = desiredRequisition(job('1'), outboundCtx({ mappings: { departments: { engineering: 'R&D' } } }), 'create');
    expect(renamed.ok && renamed.write.department).toBe('R&D');
    const noEmail = desiredRequisition(job('1', { recruiter: { id: 'p-x', email: null } }), outboundCtx(), 'create');
    expect(noEmail).toMatchObject({ ok: false, misses: [{ kind: 'user', value: 'ChartHop person p-x (no work email)' }] });
  });

  it('shows a Lever requisition in the same display vocabulary (no diff for the requisition it produced)', () => {
    const current = currentRequisition(requisition('1', { name: 'Engineer 1  ' }), new Map(USERS.map((u) => [u.id, u])));
    const desired = desiredRequisition(job('1'), outboundCtx(), 'update');
    expect(desired.ok && diffValues(current, desired.values)).toEqual([]);
    expect(currentRequisition(requisition('1', { hiringManagerId: 'u-gone' }), new Map()).hiringManager).toBe('Lever user u-gone');
  });
});

describe('inbound map (Lever requisition → ChartHop job)', () => {
  it('maps every field of a new job, resolving groups by alias and people by email', () => {
    const req = requisition('1', {
      department: 'R&D',
      location: 'nyc',
      confidential: true,
      employmentStatus: 'intern',
      compensationBand: { currency: 'usd', interval: 'per-hour-wage', min: 20, max: 30 },
    });
    const mapped = desiredJob(req, inboundCtx(), 'create');
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.values).toEqual({
      code: 'ENG-1',
      title: 'Engineer 1',
      status: 'Active',
      confidential: 'yes',
      employment: 'INTERN',
      department: 'Engineering',
      team: 'Platform',
      location: 'New York',
      hiringManager: 'grace@acme.example',
      recruiter: 'rick@acme.example',
      compensation: '30 USD per hour',
    });
    expect(chartHopBody(mapped.write, Object.keys(mapped.write) as (keyof typeof mapped.write)[])).toEqual({
      req: 'ENG-1',
      title: 'Engineer 1',
      recruit: 'Active',
      sensitive: 'HIGH',
      employment: 'INTERN',
      department: 'd-eng',
      team: 't-platform',
      location: 'l-ny',
      hireMgr: 'p-grace',
      recruiter: 'p-rick',
      baseComp: { interval: 'HOURLY', pay: { amount: 30, currency: 'USD' } },
    });
  });

  it('resolves a team name used under two departments through the department, and reports it otherwise', () => {
    const sales = desiredJob(requisition('1', { department: 'Sales', team: 'Operations' }), inboundCtx(), 'create');
    expect(sales.ok && sales.write.team).toEqual({ team: 't-ops-sales' });
    const unknown = desiredJob(requisition('1', { department: null, team: 'Operations' }), inboundCtx(), 'create');
    expect(unknown).toMatchObject({ ok: false, misses: [{ kind: 'team', value: 'Operations (matches 2 ChartHop teams)' }] });
  });

  it('maps users and values through the crosswalk in reverse, and reports what has no counterpart', () => {
    const req = requisition('1', { hiringManagerId: 'u-nora', department: 'Skunkworks', employmentStatus: 'Exempt Full-Time' });
    expect(desiredJob(req, inboundCtx(), 'create')).toMatchObject({
      ok: false,
      misses: [
        { kind: 'employment', value: 'Exempt Full-Time' },
        { kind: 'department', value: 'Skunkworks' },
        { kind: 'user', value: 'nedwards@acme.example' },
      ],
    });
    const mapped = desiredJob(
      req,
      inboundCtx({
        mappings: {
          users: { 'nora.edwards@acme.example': 'nedwards@acme.example' },
          departments: { Engineering: 'skunkworks' },
          employmentTypes: { FULL: 'Exempt Full-Time' },
        },
      }),
      'create',
    );
    expect(mapped.ok && mapped.write).toMatchObject({
      hiringManager: { hireMgr: 'p-nora' },
      department: { department: 'd-eng' },
      employment: { employment: 'FULL' },
    });
  });

  it('applies the Remote default to new jobs only, and only with the option on', () => {
    const req = requisition('1', { location: null });
    const on = desiredJob(req, inboundCtx({ remoteDefault: true }), 'create');
    expect(on.ok && on.write.location).toEqual({ location: 'l-remote' });
    const off = desiredJob(req, inboundCtx(), 'create');
    expect(off.ok && 'location' in off.write).toBe(false);
    const update = desiredJob(req, inboundCtx({ remoteDefault: true }), 'update', job('1'));
    expect(update.ok && 'location' in update.write).toBe(false);
  });

  it('does not change the recruiting status of a filled job or one with an announced hire', () => {
    const closed = requisition('1', { status: 'closed' });
    for (const current of [job('1', { recruit: 'Pending' }), job('1', { open: false })]) {
      const mapped = desiredJob(closed, inboundCtx(), 'update', current);
      expect(mapped.ok && 'status' in mapped.values).toBe(false);
    }
    const active = desiredJob(closed, inboundCtx(), 'update', job('1'));
    expect(active.ok && active.values.status).toBe('Inactive');
    // A ChartHop status that already means the requisition's status is kept (Offer is open, Passive on hold).
    const offer = desiredJob(requisition('1'), inboundCtx(), 'update', job('1', { recruit: 'Offer' }));
    expect(offer.ok && offer.values.status).toBe('Offer');
    const passive = desiredJob(requisition('1', { status: 'onHold' }), inboundCtx(), 'update', job('1', { recruit: 'Passive' }));
    expect(passive.ok && passive.values.status).toBe('Passive');
    const reopened = desiredJob(requisition('1'), inboundCtx(), 'update', job('1', { recruit: 'Passive' }));
    expect(reopened.ok && reopened.values.status).toBe('Active');
    const desired = desiredJob(requisition('1'), inboundCtx(), 'update', job('1'));
    expect(desired.ok && diffValues(currentJob(job('1')), desired.values)).toEqual([]);
  });
});

describe('status map, crosswalk and field helpers', () => {
  it('maps statuses as ChartHop documents them', () => {
    expect(['Active', 'Offer', 'Passive', 'Inactive', 'Closed', 'Pending'].map((r) => leverStatusFor(r as never, true))).toEqual([
      'open',
      'open',
      'onHold',
      'onHold',
      'closed',
      null,
    ]);
    expect(leverStatusFor('Active', false)).toBe('closed');
    expect(['open', 'onHold', 'draft', 'closed', 'pending'].map(recruitStatusFor)).toEqual([
      'Active',
      'Inactive',
      'Inactive',
      'Inactive',
      'Inactive',
    ]);
    expect(wantsRequisition('Offer', true)).toBe(true);
    expect(wantsRequisition('Passive', true)).toBe(false);
    expect(wantsRequisition('Active', false)).toBe(false);
  });

  it('looks crosswalk values up case-insensitively both ways and tallies unmapped values per record', () => {
    const cw = createCrosswalk({ departments: { Engineering: 'R&D', Research: 'R&D' } });
    expect(cw.toLever('department', ' ENGINEERING ')).toBe('R&D');
    expect(cw.toCharthop('department', 'r&d')).toEqual(['Engineering', 'Research']);
    expect(cw.toLever('team', 'Platform')).toBeUndefined();
    expect(
      tallyUnmapped([
        [
          { kind: 'user', value: 'a' },
          { kind: 'user', value: 'a' },
        ],
        [
          { kind: 'user', value: 'a' },
          { kind: 'department', value: 'X' },
        ],
      ]),
    ).toEqual([
      { kind: 'department', value: 'X', records: 1 },
      { kind: 'user', value: 'a', records: 2 },
    ]);
  });

  it('compares trimmed values, emails and enums without case, and formats compensation', () => {
    expect(sameValue('title', 'Engineer ', 'Engineer')).toBe(true);
    expect(sameValue('title', 'engineer', 'Engineer')).toBe(false);
    expect(sameValue('hiringManager', 'A@x.example', 'a@X.example')).toBe(true);
    expect(sameValue('location', '', null)).toBe(true);
    expect(compDisplay(100000.5, 'usd', 'YEARLY')).toBe('100000.5 USD per year');
    expect(diffValues({ title: 'A', team: 'T' }, { title: 'B', location: null })).toEqual([
      { field: 'title', label: 'Title', before: 'A', after: 'B' },
    ]);
  });
});
