/**
 * The daily run against the embedded Sandbox with the real jobs (engine, metrics job, hires
 * catch-up) and a fake scheduler clock: failures that happen before a run starts are recorded in
 * the profile's run log with `run:finished`, a step's own failed run is not recorded twice, and
 * the new-hire catch-up runs only for profiles whose new-hire flow is set up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src/shared/api/sync-views.ts';
import { scheduledJobsFor } from '../../../src/main/core/background.ts';
import type { Core } from '../../../src/main/core/bootstrap.ts';
import { createScheduleService } from '../../../src/main/core/schedule/schedule-service.ts';
import type { SchedulerClock } from '../../../src/main/core/schedule/timers.ts';
import type { EmbeddedSandbox } from '../../../src/main/host/embedded-sandbox.ts';
import { createManualSchedulerClock } from '../../support/manual-scheduler-clock.ts';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import { valueOf } from '../../support/test-core.ts';

const HOUR = 3_600_000;

let t: SandboxCore;
let embedded: EmbeddedSandbox;
let core: Core;

beforeAll(async () => {
  t = await startSandboxCore({ lever: { rateLimit: false } });
  ({ embedded, core } = t);
  valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { options: { runDaily: false } } }));
});
afterAll(async () => {
  await t.dispose();
});

/** A client profile on the sandbox's servers with the given secrets (none unless said). */
async function clientProfile(
  name: string,
  options: { leverKey?: string; signatureToken?: boolean; reconciliation?: boolean },
): Promise<string> {
  const { leverBaseUrl, charthopBaseUrl, charthopOrg } = embedded.runtime.endpoints;
  const profile = valueOf(await t.api.invoke('profiles:create', { name }));
  valueOf(
    await t.api.invoke('settings:update', {
      profileId: profile.id,
      patch: {
        lever: { environment: 'custom', baseUrl: leverBaseUrl },
        charthop: { baseUrl: charthopBaseUrl, org: charthopOrg },
        options: { runDaily: true, reconciliation: options.reconciliation ?? false },
      },
    }),
  );
  valueOf(
    await t.api.invoke('secrets:set', { profileId: profile.id, name: 'charthopToken', value: embedded.runtime.secrets.charthopToken! }),
  );
  if (options.leverKey) valueOf(await t.api.invoke('secrets:set', { profileId: profile.id, name: 'leverApiKey', value: options.leverKey }));
  if (options.signatureToken)
    valueOf(
      await t.api.invoke('secrets:set', { profileId: profile.id, name: 'leverWebhookSignatureToken', value: 'signature-token-from-lever' }),
    );
  return profile.id;
}

function scheduleWith(clock: SchedulerClock) {
  const deps = core.service.deps;
  return createScheduleService({
    clock,
    settings: deps.settings,
    stateDbs: deps.stateDbs,
    logger: deps.logger,
    events: deps.events,
    redactor: deps.redactor,
    jobs: scheduledJobsFor(core, clock),
  });
}

/** Every `run:finished` of `profileId` from now on. */
function finishedRuns(profileId: string): { runs: RunSummary[]; stop: () => void } {
  const runs: RunSummary[] = [];
  const stop = core.events.on('run:finished', (run) => {
    if (run.profileId === profileId) runs.push(run);
  });
  return { runs, stop };
}

async function runsOf(profileId: string): Promise<RunSummary[]> {
  return valueOf(await t.api.invoke('runs:list', { profileId, limit: 50 }));
}

describe('daily run failures are recorded in the run log', () => {
  it('a Run Daily profile with no Lever key: the daily time passes → failed runs naming the missing key, each with run:finished; not repeated the same day', async () => {
    const acme = await clientProfile('Acme No Key', { signatureToken: true, reconciliation: true });
    const finished = finishedRuns(acme);
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 5, 0));
    const service = scheduleWith(clock);
    try {
      service.start();
      expect(await runsOf(acme)).toEqual([]);
      clock.advance(2 * HOUR); // past 06:00
      await waitUntil(() => finished.runs.length >= 3, 'three failed runs');

      const runs = await runsOf(acme);
      expect(runs.map((r) => `${r.direction}:${r.trigger}:${r.status}`).sort()).toEqual([
        'hires:schedule:failed',
        'metrics:schedule:failed',
        'reconcile:schedule:failed',
      ]);
      for (const run of runs) {
        expect(run.error).toMatch(/^The daily run could not .*Lever API key/);
        expect(run.error).toMatch(/Setup/); // what to do
        expect(run.error).not.toContain(embedded.runtime.secrets.charthopToken);
      }
      expect(runs.find((r) => r.direction === 'reconcile')?.error).toContain('has no Lever API key');
      expect(finished.runs.map((r) => r.id).sort()).toEqual(runs.map((r) => r.id).sort());
      expect(finished.runs.every((r) => r.status === 'failed')).toBe(true);

      // A failed daily run is still that day's run: not repeated later that day, nor after a restart.
      clock.advance(3 * HOUR);
      service.stop();
      const again = scheduleWith(clock);
      again.start();
      await flush();
      again.stop();
      expect(await runsOf(acme)).toHaveLength(3);
    } finally {
      service.stop();
      finished.stop();
    }
  });

  it('a step that records its own failed run (a rejected Lever key) is not recorded a second time', async () => {
    const globex = await clientProfile('Globex Bad Key', { leverKey: 'not-the-real-lever-key-0000', reconciliation: true });
    const finished = finishedRuns(globex);
    try {
      const [outcome] = await scheduleWith(createManualSchedulerClock(new Date(2026, 2, 1, 7, 0))).runDue({ only: globex });
      const runs = await runsOf(globex);
      const reconciles = runs.filter((r) => r.direction === 'reconcile');
      expect(reconciles).toHaveLength(1);
      expect(reconciles[0]).toMatchObject({ trigger: 'schedule', status: 'failed' });
      // The engine's own sentence, not the daily run's "could not start" record.
      expect(reconciles[0]?.error).not.toMatch(/^The daily run could not/);
      expect(finished.runs.filter((r) => r.direction === 'reconcile').map((r) => r.id)).toEqual([reconciles[0]?.id]);
      expect(outcome?.steps.find((s) => s.step === 'reconcile')).toEqual({
        step: 'reconcile',
        ok: false,
        error: reconciles[0]?.error,
        skipped: null,
      });
      // No signature token: no catch-up, so no catch-up failure either.
      expect(runs.some((r) => r.direction === 'hires')).toBe(false);
    } finally {
      finished.stop();
    }
  });
});

describe('the daily new-hire catch-up', () => {
  it('does not run for a client profile without the signature token (it says so), and runs for one with it', async () => {
    const leverKey = embedded.runtime.secrets.leverApiKey!;
    const bare = await clientProfile('Outbound Only', { leverKey });
    const configured = await clientProfile('New Hires Set Up', { leverKey, signatureToken: true });
    const lever = embedded.sandbox.control.lever;
    const catchUpPolls = () => lever.requestLog().filter((e) => e.query.includes('archived_at_start'));
    const clock = createManualSchedulerClock(new Date(2026, 2, 1, 7, 0));

    lever.clearRequestLog();
    const [skipped] = await scheduleWith(clock).runDue({ only: bare });
    expect(skipped?.steps.find((s) => s.step === 'hires')).toEqual({
      step: 'hires',
      ok: true,
      error: null,
      skipped: expect.stringMatching(/catch-up was skipped because the new-hire flow is not set up/),
    });
    expect(catchUpPolls()).toEqual([]);
    expect(valueOf(await t.api.invoke('hires:list', { profileId: bare }))).toEqual([]);

    const [ran] = await scheduleWith(clock).runDue({ only: configured });
    expect(ran?.steps.find((s) => s.step === 'hires')).toEqual({ step: 'hires', ok: true, error: null, skipped: null });
    expect(catchUpPolls().length).toBeGreaterThan(0);
    const hires = valueOf(await t.api.invoke('hires:list', { profileId: configured }));
    expect(hires.length).toBeGreaterThan(0);
    expect(hires.every((h) => h.source === 'catch-up')).toBe(true);
  });
});

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((r) => setImmediate(r));
};

/** Poll a condition (the timer's daily run is not awaited) for at most 20 s. */
async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
