// Check connection through the real service (the in-process contract client) on the embedded Sandbox:
// `doctor:progress` says check K of N with the check's title, in order, ending at N, an ETA after a
// few checks; `doctor:cancel` stops it — the checks not finished are "Not checked — cancelled", the
// progress stops where the cancel found it, and nothing changed in either system (the doctor only reads).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANCELLED_CHECK_DETAIL } from '../../../src/shared/api/doctor-views.ts';
import type { DoctorProgress } from '../../../src/shared/api/doctor-views.ts';
import { DOCTOR_CHECK_IDS } from '../../../src/main/core/doctor/types.ts';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import { valueOf } from '../../support/test-core.ts';

let t: SandboxCore;
beforeEach(async () => {
  t = await startSandboxCore();
});
afterEach(async () => {
  await t.dispose();
});

function listen(): DoctorProgress[] {
  const seen: DoctorProgress[] = [];
  t.api.on('doctor:progress', (p) => seen.push(p));
  return seen;
}

describe('Check connection progress', () => {
  it('reports check K of N with its title, one by one, ending at N, with an ETA after a few checks', async () => {
    const seen = listen();
    const report = valueOf(await t.api.invoke('doctor:run', { profileId: 'sandbox' }));
    expect(report.cancelled).toBe(false);
    const total = DOCTOR_CHECK_IDS.length;
    expect(report.checks).toHaveLength(total);

    expect(seen[0]).toEqual({ profileId: 'sandbox', phase: 'checking', done: 0, total, etaSeconds: null, current: null });
    // Every check counts once, in the order they finish: 1, 2, … N, each named.
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: total + 1 }, (_, i) => i));
    expect(seen.every((p) => p.total === total && p.profileId === 'sandbox' && p.phase === 'checking')).toBe(true);
    const titles = seen.slice(1).map((p) => p.current);
    expect([...titles].sort()).toEqual(report.checks.map((c) => c.title).sort());
    // The ETA waits for three checks; the last says 0.
    expect(seen.slice(0, 3).every((p) => p.etaSeconds === null)).toBe(true);
    expect(seen.slice(3).every((p) => typeof p.etaSeconds === 'number')).toBe(true);
    expect(seen.at(-1)?.etaSeconds).toBe(0);
  });

  it('cancel stops the checks: those not finished are "Not checked — cancelled", the progress stops there, nothing changed', async () => {
    const { lever, charthop } = t.embedded.sandbox.control;
    // Every Lever read takes a while, so the cancel lands among the Lever permission probes.
    lever.setFault({ method: 'GET', path: '/v1/:resource', action: { kind: 'delay', ms: 150 } });
    const before = { lever: lever.state(), persons: charthop.state().persons, changes: charthop.state().changes };
    const seen = listen();
    let cancelAnswer: Promise<{ cancelled: boolean }> | null = null;
    const finished: string[] = [];
    t.api.on('doctor:finished', (r) => finished.push(r.profileId));
    t.api.on('doctor:progress', (p) => {
      if (p.done >= 4 && !cancelAnswer) cancelAnswer = t.api.invoke('doctor:cancel', { profileId: 'sandbox' }).then(valueOf);
    });

    const started = Date.now();
    const report = valueOf(await t.api.invoke('doctor:run', { profileId: 'sandbox' }));
    expect(await cancelAnswer).toEqual({ cancelled: true });
    expect(report.cancelled).toBe(true);
    expect(finished).toEqual(['sandbox']);
    // Every check is in the report, in its order; the ones cut short say so.
    expect(report.checks.map((c) => c.id)).toEqual([...DOCTOR_CHECK_IDS]);
    const cut = report.checks.filter((c) => c.detail === CANCELLED_CHECK_DETAIL);
    const ran = report.checks.filter((c) => c.detail !== CANCELLED_CHECK_DETAIL);
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.every((c) => c.status === 'unverified')).toBe(true);
    // The data checks after the Lever probes never started.
    for (const id of ['users.match', 'lever.duplicate-teams', 'crosswalk.departments', 'crosswalk.locations']) {
      expect(cut.map((c) => c.id)).toContain(id);
    }
    // The progress counted only the checks that finished, and stopped there.
    const last = seen.at(-1)!;
    expect(last.done).toBe(ran.length);
    expect(last.done).toBeLessThan(last.total);
    expect(
      seen
        .slice(1)
        .map((p) => p.current)
        .sort(),
    ).toEqual(ran.map((c) => c.title).sort());
    expect(ran.every((c) => c.detail !== CANCELLED_CHECK_DETAIL && !/cancel/i.test(c.detail))).toBe(true);
    expect(report.counts.unverified).toBeGreaterThanOrEqual(cut.length);
    // Cancelled soon, not after every slow probe (about 17 Lever reads × 150 ms).
    expect(Date.now() - started).toBeLessThan(2_500);

    // The doctor only reads and probes: nothing changed in either system.
    expect(lever.state()).toEqual(before.lever);
    expect(charthop.state().persons).toEqual(before.persons);
    expect(charthop.state().changes).toEqual(before.changes);

    // A cancel with nothing running says so; checking again gives the full report.
    expect(valueOf(await t.api.invoke('doctor:cancel', { profileId: 'sandbox' }))).toEqual({ cancelled: false });
    lever.clearFaults();
    const again = valueOf(await t.api.invoke('doctor:run', { profileId: 'sandbox' }));
    expect(again.cancelled).toBe(false);
    expect(again.checks.some((c) => c.detail === CANCELLED_CHECK_DETAIL)).toBe(false);
  });
});
