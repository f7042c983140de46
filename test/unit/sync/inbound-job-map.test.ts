// What a Lever requisition writes to its ChartHop job (Reverse Sync): which fields a create writes and an
// update clears, how free-text groups, employment types, pay intervals and users resolve, what is
// reported unmapped, and how a job's current values read. A wrong answer here writes a wrong value to
// the client's ChartHop job, or skips a record that should sync.
import { describe, expect, it } from 'vitest';
import { currentJob, desiredJob, indexGroups } from '../../../src/main/core/sync/inbound-map.ts';
import type { GroupRecord, RequisitionRecord } from '../../../src/main/core/sync/model.ts';
import { GROUPS, USERS, inboundCtx, job, requisition } from './builders.ts';

/** A requisition with nothing but its code, title and status (non-confidential, no groups, no people, no pay). */
function bare(extra: Partial<RequisitionRecord> = {}): RequisitionRecord {
  return requisition('1', {
    employmentStatus: null,
    department: null,
    team: null,
    location: null,
    hiringManagerId: null,
    ownerId: null,
    compensationBand: null,
    ...extra,
  });
}

const group = (id: string, name: string, kind: GroupRecord['kind']): GroupRecord => ({
  id,
  name,
  kind,
  aliases: [],
  parentId: null,
  remote: false,
});

describe('inbound map: which fields a job gets', () => {
  it('writes the trimmed requisition code and title', () => {
    const mapped = desiredJob(bare({ code: ' ENG-1 ', name: '  Engineer 1 ' }), inboundCtx(), 'create');
    expect(mapped).toEqual({
      ok: true,
      values: { code: 'ENG-1', title: 'Engineer 1', status: 'Active' },
      write: { code: { req: 'ENG-1' }, title: { title: 'Engineer 1' }, status: { recruit: 'Active' } },
      warnings: [],
    });
  });

  it('on create, leaves out the confidentiality of an ordinary requisition and every field it has no value for', () => {
    // Nothing to clear on a new job: writing nulls would only add noise to the plan.
    expect(desiredJob(bare(), inboundCtx({ remoteDefault: false }), 'create')).toEqual({
      ok: true,
      values: { code: 'ENG-1', title: 'Engineer 1', status: 'Active' },
      write: { code: { req: 'ENG-1' }, title: { title: 'Engineer 1' }, status: { recruit: 'Active' } },
      warnings: [],
    });
  });

  it('on update, clears the confidentiality, employment type, department, team and location Lever no longer has', () => {
    const secret = job('1', { sensitive: 'HIGH' });
    expect(desiredJob(bare(), inboundCtx({ remoteDefault: false }), 'update', secret)).toEqual({
      ok: true,
      values: {
        code: 'ENG-1',
        title: 'Engineer 1',
        status: 'Active',
        confidential: 'no',
        employment: null,
        department: null,
        team: null,
        location: null,
      },
      write: {
        code: { req: 'ENG-1' },
        title: { title: 'Engineer 1' },
        status: { recruit: 'Active' },
        confidential: { sensitive: null },
        employment: { employment: null },
        department: { department: null },
        team: { team: null },
        location: { location: null },
      },
      warnings: [],
    });
  });
});

describe('inbound map: resolving Lever values', () => {
  it('reads a Lever employment type whatever its spacing and case', () => {
    const mapped = desiredJob(bare({ employmentStatus: ' Full-Time ' }), inboundCtx(), 'create');
    expect(mapped.ok && mapped.write.employment).toEqual({ employment: 'FULL' });
  });

  it('keeps the standard ChartHop employment type when the profile also maps another one to the same Lever type', () => {
    const both = inboundCtx({ mappings: { employmentTypes: { CONTRACT: 'full-time', FULL: 'full-time' } } });
    const standard = desiredJob(bare({ employmentStatus: 'full-time' }), both, 'create');
    expect(standard.ok && standard.write.employment).toEqual({ employment: 'FULL' });
    const onlyContract = inboundCtx({ mappings: { employmentTypes: { CONTRACT: 'full-time' } } });
    const mapped = desiredJob(bare({ employmentStatus: 'full-time' }), onlyContract, 'create');
    expect(mapped.ok && mapped.write.employment).toEqual({ employment: 'CONTRACT' });
  });

  it('resolves a team name that exists once in ChartHop under another department, and warns that the two disagree', () => {
    const mapped = desiredJob(bare({ department: 'Sales', team: 'Platform' }), inboundCtx(), 'create');
    expect(mapped.ok && mapped.write).toMatchObject({ department: { department: 'd-sales' }, team: { team: 't-platform' } });
    expect(mapped.ok && mapped.warnings).toEqual([
      'Lever\'s team "Platform" is ChartHop\'s team "Platform", which belongs to "Engineering", not to "Sales": the job gets both as they are. Check the requisition\'s department and team in Lever.',
    ]);
    // The disagreement quotes Lever's team as trimmed; the spacing has its own warning.
    const padded = desiredJob(bare({ department: 'Sales', team: '  Platform ' }), inboundCtx(), 'create');
    expect(padded.ok && padded.warnings).toEqual([
      'Lever\'s team "  Platform " matched ChartHop\'s "Platform" only once spaces or Unicode accents were normalised; fix the spelling in one system to make it exact.',
      'Lever\'s team "Platform" is ChartHop\'s team "Platform", which belongs to "Engineering", not to "Sales": the job gets both as they are. Check the requisition\'s department and team in Lever.',
    ]);
    const agreeing = desiredJob(bare({ department: 'Engineering', team: 'Platform' }), inboundCtx(), 'create');
    expect(agreeing.ok && agreeing.warnings).toEqual([]);
    const noDepartment = desiredJob(bare({ team: 'Platform' }), inboundCtx(), 'create');
    expect(noDepartment.ok && noDepartment.warnings).toEqual([]);
    // The team's own department is not among the groups ReqBridge read (archived, for example).
    const ctx = inboundCtx();
    const orphan = { ...GROUPS.find((g) => g.id === 't-platform')!, parentId: 'd-archived' };
    ctx.groups = indexGroups(GROUPS.map((g) => (g.id === 't-platform' ? orphan : g)));
    const unnamed = desiredJob(bare({ department: 'Sales', team: 'Platform' }), ctx, 'create');
    expect(unnamed.ok && unnamed.warnings).toEqual([
      'Lever\'s team "Platform" is ChartHop\'s team "Platform", which belongs to another department, not to "Sales": the job gets both as they are. Check the requisition\'s department and team in Lever.',
    ]);
  });

  it('reports unmapped and ambiguous groups by their trimmed Lever names', () => {
    expect(desiredJob(bare({ department: ' Skunkworks ', team: ' Operations ' }), inboundCtx(), 'create')).toEqual({
      ok: false,
      misses: [
        { kind: 'department', value: 'Skunkworks' },
        { kind: 'team', value: 'Operations (matches 2 ChartHop teams)' },
      ],
      problems: [],
    });
  });

  it('does not treat words run together as the same name', () => {
    expect(desiredJob(bare({ location: 'NewYork' }), inboundCtx(), 'create')).toEqual({
      ok: false,
      misses: [{ kind: 'location', value: 'NewYork' }],
      problems: [],
    });
  });

  it('matches an alias or a profile mapping as typed, without a spelling warning', () => {
    const alias = desiredJob(bare({ department: 'R&D' }), inboundCtx(), 'create');
    expect(alias.ok && [alias.write.department, alias.warnings]).toEqual([{ department: 'd-eng' }, []]);
    const mappedCtx = inboundCtx({ mappings: { departments: { Engineering: 'Skunkworks' } } });
    const mapped = desiredJob(bare({ department: 'Skunkworks' }), mappedCtx, 'create');
    expect(mapped.ok && [mapped.write.department, mapped.warnings]).toEqual([{ department: 'd-eng' }, []]);
  });

  it('warns when a name matched only once its spaces were normalised', () => {
    const mapped = desiredJob(bare({ location: 'New  York' }), inboundCtx(), 'create');
    expect(mapped.ok && [mapped.write.location, mapped.warnings]).toEqual([
      { location: 'l-ny' },
      [
        'Lever\'s location "New  York" matched ChartHop\'s "New York" only once spaces or Unicode accents were normalised; fix the spelling in one system to make it exact.',
      ],
    ]);
  });

  it('matches a name written in capitals with the capital sharp s (ẞ) to its lower-case spelling, without a warning', () => {
    // "GIEẞEN" and "Gießen" differ only by letter case; upper-casing "ß" would turn it into "SS" instead.
    const ctx = { ...inboundCtx(), groups: indexGroups([...GROUPS, group('l-giessen', 'GIEẞEN', 'location')]) };
    const mapped = desiredJob(bare({ location: 'Gießen' }), ctx, 'create');
    expect(mapped.ok && [mapped.write.location, mapped.warnings]).toEqual([{ location: 'l-giessen' }, []]);
  });

  it('maps a Lever user whose email carries stray spaces and capitals to the ChartHop person', () => {
    const ctx = { ...inboundCtx(), usersById: new Map([['u-grace', { ...USERS[0]!, email: ' Grace@Acme.example ' }]]) };
    const mapped = desiredJob(bare({ hiringManagerId: 'u-grace' }), ctx, 'create');
    expect(mapped.ok && [mapped.values.hiringManager, mapped.write.hiringManager]).toEqual(['grace@acme.example', { hireMgr: 'p-grace' }]);
  });
});

describe('inbound map: compensation', () => {
  const band = (interval: string | null): RequisitionRecord['compensationBand'] => ({ currency: 'usd', interval, min: 5000, max: 6000 });

  it('reads a pay interval whatever its spacing and case, and a band without one as yearly', () => {
    const monthly = desiredJob(bare({ compensationBand: band(' Per-Month-Salary ') }), inboundCtx(), 'create');
    expect(monthly.ok && [monthly.values.compensation, monthly.write.compensation]).toEqual([
      '6000 USD per month',
      { baseComp: { interval: 'MONTHLY', pay: { amount: 6000, currency: 'USD' } } },
    ]);
    const yearly = desiredJob(bare({ compensationBand: band(null) }), inboundCtx(), 'create');
    expect(yearly.ok && yearly.values.compensation).toBe('6000 USD per year');
  });

  it('skips a requisition whose pay interval has no ChartHop equivalent, saying which', () => {
    expect(desiredJob(bare({ compensationBand: band('per-fortnight') }), inboundCtx(), 'create')).toEqual({
      ok: false,
      misses: [],
      problems: ['the compensation interval "per-fortnight" has no ChartHop equivalent'],
    });
  });
});

describe('what a ChartHop job holds now', () => {
  it('shows people by their lower-case email, or by id when they have none', () => {
    const values = currentJob(
      job('1', { hiringManager: { id: 'p-grace', email: 'Grace@Acme.example' }, recruiter: { id: 'p-x', email: null } }),
    );
    expect([values.hiringManager, values.recruiter, values.confidential]).toEqual(['grace@acme.example', 'ChartHop person p-x', 'no']);
  });
});
