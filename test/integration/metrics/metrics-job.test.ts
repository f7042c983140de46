import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import type { EmbeddedSandbox } from '../../../src/main/host/embedded-sandbox.ts';
import { valueOf } from '../../support/test-core.ts';

let t: SandboxCore;
let embedded: EmbeddedSandbox;

beforeAll(async () => {
  t = await startSandboxCore({ lever: { rateLimit: false } });
  ({ embedded } = t);
});
afterAll(async () => {
  await t.dispose();
});

describe('candidate metrics as a recorded run', () => {
  it('after a sync links jobs, pulls their metrics into ChartHop, records each job with how it was computed, and a rerun writes nothing', async () => {
    const api = t.api;
    const sync = valueOf(await api.invoke('sync:run', { profileId: 'sandbox' }));
    expect(['succeeded', 'partial']).toContain(sync.status);

    const progress: string[] = [];
    const stop = api.on('run:progress', (p) => progress.push(`${p.phase}:${p.done}/${p.total}`));
    const first = valueOf(await api.invoke('metrics:run', { profileId: 'sandbox' }));
    stop();
    expect(progress[0]).toBe('reading:0/0');
    expect(progress.at(-1)).toMatch(/^applying:(\d+)\/\1$/);
    expect(first).toMatchObject({ direction: 'metrics', status: 'succeeded' });
    const detail = valueOf(await api.invoke('runs:get', { profileId: 'sandbox', runId: first.id }));
    expect(detail.items.length).toBeGreaterThan(0);
    const written = detail.items.filter((i) => i.outcome === 'applied');
    expect(written.length).toBeGreaterThan(0);
    const jobs = new Map(
      embedded.sandbox.control.charthop.jobs(embedded.sandbox.charthop.org).map((j) => [String(j.id), j as Record<string, unknown>]),
    );
    for (const item of written) {
      const job = jobs.get(item.recordKey)!;
      const value = (code: string) => (job[code] ?? (job.fields as Record<string, unknown> | undefined)?.[code]) as number;
      const after = Object.fromEntries(item.diff.map((d) => [d.field, Number(d.after)]));
      if ('active' in after) expect(value('applyActive')).toBe(after.active);
      if ('totalOffers' in after) expect(value('applyTotalOffer')).toBe(after.totalOffers);
      expect(item.reasonText).toMatch(/active candidates|No postings are linked/);
    }
    // Each job's days open, as the fake ChartHop has it (from the day the job opened to the Sandbox's today), is in its item.
    const withDaysOpen = detail.items.filter((item) => typeof jobs.get(item.recordKey)?.daysOpen === 'number');
    expect(withDaysOpen.length).toBeGreaterThan(0);
    for (const item of detail.items) {
      const daysOpen = jobs.get(item.recordKey)?.daysOpen;
      if (typeof daysOpen === 'number') expect(item.reasonText).toContain(`The job has been open ${daysOpen} days.`);
      else expect(item.reasonText).not.toContain('The job has been open');
    }

    embedded.sandbox.control.charthop.clearRequestLog();
    const second = valueOf(await api.invoke('metrics:run', { profileId: 'sandbox' }));
    expect(second.counts.updated).toBe(0);
    expect(embedded.sandbox.control.charthop.requestLog().filter((e) => e.method !== 'GET')).toEqual([]);
    const runs = valueOf(await api.invoke('runs:list', { profileId: 'sandbox' }));
    expect(runs.filter((r) => r.direction === 'metrics')).toHaveLength(2);
  });
});
