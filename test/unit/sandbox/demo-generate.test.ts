import { afterEach, describe, expect, it, vi } from 'vitest';
import { listJobs } from '../../../src/main/sandbox/charthop/jobs.ts';
import { createChartHopStore } from '../../../src/main/sandbox/charthop/store.ts';
import { timelineProblem } from '../../../src/main/sandbox/charthop/timeline-write.ts';
import { DEMO_SMALL, generateDemoData } from '../../../src/main/sandbox/demo/index.ts';
import type { DemoData } from '../../../src/main/sandbox/demo/index.ts';

const NOW = Date.UTC(2026, 0, 15, 9);
const small = (): DemoData => generateDemoData({ ...DEMO_SMALL, now: NOW });
const emailsOf = (contacts: { type: string; value: string }[]) =>
  contacts.filter((c) => c.type.endsWith('EMAIL')).map((c) => c.value.toLowerCase());

function openJobs(data: DemoData, q: string): Record<string, unknown>[] {
  const store = createChartHopStore(data.charthop, () => NOW);
  return listJobs(store, data.credentials.orgId, {
    q,
    fields: ['id', 'recruit', 'req', 'hireMgr', 'recruiter', 'personId', 'upcoming.date'],
    limit: 10_000,
  }).data;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('demo data generator', () => {
  it('is deterministic for a seed, uses neither Math.random nor Date.now, and differs across seeds', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    const a = JSON.stringify(small());
    const b = JSON.stringify(small());
    expect(a).toBe(b);
    expect(JSON.stringify(generateDemoData({ ...DEMO_SMALL, seed: 43, now: NOW }))).not.toBe(a);
  });

  it('produces the requested sizes, from a handful up', () => {
    const tiny = generateDemoData({ seed: 1, jobs: 4, opportunities: 0, now: NOW });
    expect(tiny.facts.counts.jobs).toBe(4);
    const data = small();
    expect(data.facts.counts.jobs).toBe(40);
    expect(new Set(data.charthop.changes.filter((c) => c.type === 'CREATE').map((c) => c.jobId)).size).toBe(40);
    expect(data.lever.opportunities).toHaveLength(300);
    expect(() => generateDemoData({ seed: 1, jobs: 2, opportunities: 0 })).toThrow(RangeError);
  });

  it('writes consistent ChartHop timelines', () => {
    const data = generateDemoData({ seed: 9, jobs: 500, opportunities: 2000, now: NOW });
    const byJob = new Map<string, typeof data.charthop.changes>();
    for (const c of data.charthop.changes) byJob.set(c.jobId, [...(byJob.get(c.jobId) ?? []), c]);
    for (const list of byJob.values()) {
      list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      expect(timelineProblem(list)).toBeUndefined();
    }
  });

  it('matches managers and recruiters by email across systems, except the recorded mismatches', () => {
    const data = small();
    const { emailMismatches, emailCaseVariants } = data.facts;
    expect(new Set(emailMismatches.map((m) => m.kind))).toEqual(new Set(['different-local-part', 'different-domain', 'missing-in-lever']));
    expect(new Set(emailMismatches.map((m) => m.role))).toEqual(new Set(['manager', 'recruiter']));
    expect(emailCaseVariants.length).toBeGreaterThan(0);
    const leverEmails = new Set(data.lever.users?.map((u) => u.email.toLowerCase()));
    const mismatched = new Set(emailMismatches.map((m) => m.charthopPersonId));
    const persons = new Map(data.charthop.persons.map((p) => [p.id, p]));
    const roleHolders = new Set(
      openJobs(data, 'open:open || open:filled')
        .flatMap((j) => [j.hireMgr, j.recruiter])
        .filter((id): id is string => typeof id === 'string'),
    );
    expect(roleHolders.size).toBeGreaterThan(3);
    for (const id of roleHolders) {
      const email = emailsOf(persons.get(id)?.contacts ?? [])[0] ?? '';
      expect(leverEmails.has(email), `${email} in Lever`).toBe(!mismatched.has(id));
    }
    for (const m of emailMismatches) {
      expect(emailsOf(persons.get(m.charthopPersonId)?.contacts ?? [])).toEqual([m.charthopEmail]);
      if (m.kind === 'missing-in-lever') expect(data.lever.users?.some((u) => u.name === m.name)).toBe(false);
      else expect(data.lever.users?.find((u) => u.id === m.leverUserId)?.email).toBe(m.leverEmail);
    }
  });

  it('has one team name under two Lever departments, a single such team in ChartHop, and a Remote location', () => {
    const data = small();
    const { duplicatedTeam } = data.facts;
    const departments = new Set(data.lever.requisitions?.filter((r) => r.team === duplicatedTeam.name).map((r) => r.department));
    expect([...departments].sort()).toEqual([...duplicatedTeam.departments].sort());
    expect(data.lever.requisitions?.filter((r) => duplicatedTeam.requisitionCodes.includes(r.requisitionCode))).toHaveLength(2);
    expect(data.charthop.groups.filter((g) => g.type === 'TEAM' && g.name === duplicatedTeam.name)).toHaveLength(1);
    const remote = data.charthop.groups.find((g) => g.id === data.facts.remoteLocation.charthopGroupId);
    expect(remote).toMatchObject({ type: 'LOCATION', locationType: 'REMOTE', name: 'Remote' });
    expect(data.lever.requisitions?.some((r) => r.location === 'Remote')).toBe(true);
  });

  it('covers every recruiting status on open and filled jobs and every requisition status', () => {
    const data = small();
    const statuses = ['Active', 'Passive', 'Inactive', 'Offer', 'Pending', 'Closed'];
    for (const status of statuses) {
      expect(openJobs(data, `open:open && recruit=${status}`).length, `open ${status}`).toBeGreaterThan(0);
      expect(openJobs(data, `open:filled && recruit=${status}`).length, `filled ${status}`).toBeGreaterThan(0);
    }
    const reqStatuses = new Set(data.lever.requisitions?.map((r) => r.status));
    for (const status of ['draft', 'pending', 'rejected', 'onHold', 'open', 'closed'])
      expect(reqStatuses.has(status as never), status).toBe(true);
  });

  it('links postings to requisitions and spreads candidates over stages, offers and hires', () => {
    const data = small();
    const codes = new Set(data.lever.requisitions?.map((r) => r.requisitionCode));
    const linked = data.lever.postings?.filter((p) => (p.requisitionCodes ?? []).length > 0) ?? [];
    expect(linked.length).toBeGreaterThan(10);
    for (const p of linked) for (const code of p.requisitionCodes ?? []) expect(codes.has(code)).toBe(true);
    const opps = data.lever.opportunities ?? [];
    expect(new Set(opps.map((o) => o.stage)).size).toBe(data.lever.stages?.length);
    const hiredReason = data.lever.archiveReasons?.find((r) => r.type === 'hired')?.id;
    const hired = opps.filter((o) => o.archived?.reason === hiredReason);
    expect(hired.length).toBeGreaterThan(3);
    for (const o of hired) {
      const start = o.offers?.at(-1)?.fields.find((f) => f.identifier === 'anticipated_start_date')?.value;
      expect(typeof start).toBe('number');
      expect(o.application?.requisitionForHire?.requisitionCode).toMatch(/^[A-Z]+-\d{4}$/);
    }
  });

  it('ties hires to ChartHop: announced persons, hires to process, and the edge cases', () => {
    const data = small();
    const { hires } = data.facts;
    for (const list of Object.values(hires)) expect(list.length).toBeGreaterThan(0);
    const opps = new Map((data.lever.opportunities ?? []).map((o) => [o.id, o]));
    const personByEmail = new Map(data.charthop.persons.flatMap((p) => emailsOf(p.contacts).map((e) => [e, p] as const)));
    const pending = openJobs(data, 'open:open && recruit=Pending');
    for (const id of hires.alreadyInCharthop) {
      const opp = opps.get(id);
      const email = opp?.emails?.[0] ?? '';
      const person = personByEmail.get(email);
      const job = pending.find((j) => j.personId === person?.id);
      const start = opp?.offers?.at(-1)?.fields.find((f) => f.identifier === 'anticipated_start_date')?.value as number;
      expect(job?.['upcoming.date']).toEqual([new Date(start).toISOString().slice(0, 10)]);
    }
    for (const id of hires.toProcess) expect(personByEmail.has(opps.get(id)?.emails?.[0] ?? '')).toBe(false);
    for (const id of hires.withoutEmail) expect(opps.get(id)?.emails).toEqual([]);
    for (const id of hires.existingPerson) expect(personByEmail.has(opps.get(id)?.emails?.[0] ?? '')).toBe(true);
    const orphan = opps.get(hires.withoutJob[0] ?? '');
    const code = orphan?.application?.requisitionForHire?.requisitionCode;
    expect(openJobs(data, `req=${code ?? 'x'}`)).toEqual([]);
  });

  it('generates 10,000 jobs and 100,000 opportunities', () => {
    const data = generateDemoData({ seed: 3, jobs: 10_000, opportunities: 100_000, now: NOW });
    expect(data.facts.counts.jobs).toBe(10_000);
    expect(data.lever.opportunities).toHaveLength(100_000);
    expect(new Set(data.lever.opportunities?.map((o) => o.id)).size).toBe(100_000);
  }, 60_000);
});
