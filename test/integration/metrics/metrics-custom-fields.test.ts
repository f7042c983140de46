// Candidate metrics written to custom ChartHop fields chosen in the profile (`metricFields`), through the
// real core on the embedded Sandbox: the numbers land in the custom fields and the built-in apply* fields
// are left alone, a rerun writes nothing, and a custom field ChartHop does not have stops the run
// before anything is written, saying what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import { CUSTOM_METRIC_FIELDS, CUSTOM_METRIC_FIELD_SPECS, declareCustomFields } from '../../support/charthop-fields.ts';
import { valueOf } from '../../support/test-core.ts';
import { BUILT_IN_METRIC_FIELDS, METRIC_KEYS } from '../../../src/shared/settings/schema.ts';

let t: SandboxCore;

beforeAll(async () => {
  t = await startSandboxCore({ lever: { rateLimit: false } });
  const { sandbox } = t.embedded;
  await declareCustomFields(sandbox.charthop, sandbox.credentials.charthopToken, CUSTOM_METRIC_FIELD_SPECS);
});
afterAll(async () => {
  await t.dispose();
});

type Job = Record<string, unknown> & { fields?: Record<string, unknown> };

function jobs(): Map<string, Job> {
  const { sandbox } = t.embedded;
  return new Map(sandbox.control.charthop.jobs(sandbox.charthop.org).map((j) => [String(j.id), j as Job]));
}

/** A job's value of a field code, built-in (top level) or custom (under `fields`). */
function fieldValue(job: Job, code: string): unknown {
  return job[code] ?? job.fields?.[code];
}

/** Every job's built-in metric values, to prove they are not touched. */
function builtInValues(): Record<string, unknown[]> {
  return Object.fromEntries([...jobs()].map(([id, job]) => [id, METRIC_KEYS.map((key) => fieldValue(job, BUILT_IN_METRIC_FIELDS[key]))]));
}

describe('candidate metrics in custom ChartHop fields', () => {
  it("writes the numbers to the profile's custom fields, not to applyActive and the other built-in fields, says so in the run log, and a rerun writes nothing", async () => {
    const { api } = t;
    const { sandbox } = t.embedded;
    const saved = valueOf(
      await api.invoke('settings:update', { profileId: 'sandbox', patch: { metricFields: { ...CUSTOM_METRIC_FIELDS } } }),
    );
    expect(saved.metricFields).toEqual(CUSTOM_METRIC_FIELDS);
    const sync = valueOf(await api.invoke('sync:run', { profileId: 'sandbox' }));
    expect(['succeeded', 'partial']).toContain(sync.status);

    const builtInBefore = builtInValues();
    // The demo jobs carry built-in numbers already, so a write to them would show.
    expect(Object.values(builtInBefore).some((values) => values.some((v) => typeof v === 'number'))).toBe(true);
    const first = valueOf(await api.invoke('metrics:run', { profileId: 'sandbox' }));
    expect(first).toMatchObject({ direction: 'metrics', status: 'succeeded', error: null });
    const detail = valueOf(await api.invoke('runs:get', { profileId: 'sandbox', runId: first.id }));
    const written = detail.items.filter((i) => i.outcome === 'applied');
    // No job had the custom fields yet: every linked job is written, all four numbers.
    expect(detail.items.length).toBeGreaterThan(0);
    expect(written).toHaveLength(detail.items.length);

    const after = jobs();
    for (const item of written) {
      const job = after.get(item.recordKey)!;
      for (const key of METRIC_KEYS) {
        const diff = item.diff.find((d) => d.field === key);
        expect(diff?.before, `${item.title} ${key} before`).toBeNull();
        expect(job.fields?.[CUSTOM_METRIC_FIELDS[key]], `${item.title} ${key}`).toBe(Number(diff?.after));
      }
      expect(item.reasonText).toContain(
        `In ChartHop: active candidates in ${CUSTOM_METRIC_FIELDS.active} (written), interviews in ${CUSTOM_METRIC_FIELDS.interview} (written), active offers in ${CUSTOM_METRIC_FIELDS.activeOffers} (written), total offers in ${CUSTOM_METRIC_FIELDS.totalOffers} (written).`,
      );
      expect(item.reasonText).not.toContain('applyActive');
    }
    expect(builtInValues()).toEqual(builtInBefore);

    sandbox.control.charthop.clearRequestLog();
    const second = valueOf(await api.invoke('metrics:run', { profileId: 'sandbox' }));
    expect(second).toMatchObject({ status: 'succeeded' });
    expect(second.counts.updated).toBe(0);
    expect(sandbox.control.charthop.requestLog().filter((e) => e.method !== 'GET')).toEqual([]);
    const again = valueOf(await api.invoke('runs:get', { profileId: 'sandbox', runId: second.id }));
    expect(
      again.items.every((i) => i.reasonText.includes(`total offers in ${CUSTOM_METRIC_FIELDS.totalOffers} (all already up to date).`)),
    ).toBe(true);
  });

  it('a custom field ChartHop does not have fails the run with what to do, and writes nothing', async () => {
    const { api } = t;
    const { sandbox } = t.embedded;
    valueOf(await api.invoke('settings:update', { profileId: 'sandbox', patch: { metricFields: { active: 'candidatesPipeline' } } }));
    const before = jobs();
    sandbox.control.charthop.clearRequestLog();
    sandbox.control.lever.clearRequestLog();
    const run = valueOf(await api.invoke('metrics:run', { profileId: 'sandbox' }));
    expect(run.status).toBe('failed');
    expect(run.error).toContain('Active candidates → candidatesPipeline: ChartHop has no field with the code candidatesPipeline');
    expect(run.error).toContain(
      'Create the field in ChartHop as a number field on jobs, or correct its code in Options → Candidate metrics in ChartHop',
    );
    expect(sandbox.control.charthop.requestLog().filter((e) => e.method !== 'GET')).toEqual([]);
    // Stopped before reading Lever.
    expect(sandbox.control.lever.requestLog()).toEqual([]);
    expect(jobs()).toEqual(before);
  });
});
