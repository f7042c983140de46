// What a metrics run records for the consultant, on the real core and the Sandbox: per job its title, whether
// it was written, each number labelled with its before → after (empty when the field was cleared in ChartHop),
// the sentence saying which ChartHop fields this run wrote; for the run, the note of a key without confidential
// access, linked requisitions Lever lost, a plain sentence (and the details logged) when something unexpected
// breaks, and the refusal of a profile without credentials or with a wrong metric field. With ChartHop's own
// fields a run does not need the org's field definitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxCore } from '../../support/sandbox-core.ts';
import { startSandboxCore } from '../../support/sandbox-core.ts';
import { valueOf } from '../../support/test-core.ts';
import type { LogRecord } from '../../../src/main/core/logging/logger.ts';
import { runMetricsJob } from '../../../src/main/core/metrics/metrics-job.ts';
import { createLinksStore } from '../../../src/main/core/sync/links-store.ts';
import type { RunDetail } from '../../../src/shared/api/sync-views.ts';
import { sandboxChartHopClient } from './sandbox-charthop-client.ts';

type Item = RunDetail['items'][number];

const records: LogRecord[] = [];
let t: SandboxCore;

beforeAll(async () => {
  t = await startSandboxCore({ lever: { rateLimit: false } }, (record) => records.push(record));
  valueOf(await t.api.invoke('sync:run', { profileId: 'sandbox' }));
  valueOf(await t.api.invoke('metrics:run', { profileId: 'sandbox' }));
});
afterAll(async () => {
  await t.dispose();
});

async function runMetrics() {
  const run = valueOf(await t.api.invoke('metrics:run', { profileId: 'sandbox' }));
  const detail = valueOf(await t.api.invoke('runs:get', { profileId: 'sandbox', runId: run.id }));
  return { run, items: detail.items };
}

const charthop = () => sandboxChartHopClient(t.embedded.sandbox);

function chartHopJob(jobId: string): { title: string; daysOpen: number } {
  const { sandbox } = t.embedded;
  const job = sandbox.control.charthop.jobs(sandbox.charthop.org).find((j) => String(j.id) === jobId)!;
  return { title: String(job.title), daysOpen: job.daysOpen as number };
}

/** The Lever requisition a job is linked to (as the sync recorded it), with its code. */
function linkOf(jobId: string, lever = t.embedded.sandbox.control.lever.state()): { requisitionId: string; code: string } {
  const link = createLinksStore(t.core.service.deps.stateDbs.forProfile('sandbox'))
    .all()
    .find((l) => l.jobId === jobId)!;
  const requisition = lever.requisitions.find((r) => r.id === link.requisitionId)!;
  return { requisitionId: link.requisitionId, code: requisition.requisitionCode };
}

/** The items of linked jobs whose requisition has no posting in Lever (all four numbers are 0), by job id. */
function jobsWithoutPostings(items: readonly Item[]): Item[] {
  const lever = t.embedded.sandbox.control.lever.state();
  return items
    .filter((item) => !lever.postings.some((p) => p.requisitionCodes.includes(linkOf(item.recordKey, lever).code)))
    .sort((a, b) => (a.recordKey < b.recordKey ? -1 : 1));
}

const NO_POSTINGS = 'No postings are linked to this requisition, so every count is 0.';
const zeroDiff = (before: { active: string | null; others: string | null }) => [
  { field: 'active', label: 'Candidates (active)', before: before.active, after: '0' },
  { field: 'interview', label: 'Interviews (active)', before: before.others, after: '0' },
  { field: 'activeOffers', label: 'Offers (active)', before: before.others, after: '0' },
  { field: 'totalOffers', label: 'Offers (total)', before: before.others, after: '0' },
];

/** Sets the full key's "allow access to confidential data" in the fake Lever. */
function setConfidentialAccess(allowed: boolean): void {
  const { sandbox } = t.embedded;
  const state = sandbox.control.lever.state();
  state.keys.find((k) => k.secret === sandbox.credentials.leverKeys.full)!.confidentialAccess = allowed;
  sandbox.control.lever.seed(state);
}

describe('the record of a metrics run', () => {
  it('a number edited in ChartHop is written back alone: the job says which field was written, the others that nothing changed', async () => {
    const [edited, untouched] = jobsWithoutPostings((await runMetrics()).items);
    expect(untouched).toBeDefined();
    await charthop().jobs.update(edited!.recordKey, { applyActive: 7 });

    const { run, items } = await runMetrics();
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    expect(run.counts.updated).toBe(1);
    const job = chartHopJob(edited!.recordKey);
    expect(items.find((i) => i.recordKey === edited!.recordKey)).toMatchObject({
      title: `${job.title} (${linkOf(edited!.recordKey).code})`,
      action: 'update',
      outcome: 'applied',
      reason: 'metrics_changed',
      reasonText: `${NO_POSTINGS} The job has been open ${job.daysOpen} days. In ChartHop: active candidates in applyActive (written), interviews in applyInterview, active offers in applyOffer, total offers in applyTotalOffer.`,
      diff: zeroDiff({ active: '7', others: '0' }),
    });
    const other = chartHopJob(untouched!.recordKey);
    expect(items.find((i) => i.recordKey === untouched!.recordKey)).toMatchObject({
      title: `${other.title} (${linkOf(untouched!.recordKey).code})`,
      action: 'skip',
      outcome: 'skipped',
      reason: 'metrics_unchanged',
      reasonText: `${NO_POSTINGS} The job has been open ${other.daysOpen} days. In ChartHop: active candidates in applyActive, interviews in applyInterview, active offers in applyOffer, total offers in applyTotalOffer (all already up to date).`,
      diff: zeroDiff({ active: '0', others: '0' }),
    });
  });

  it('a number cleared in ChartHop shows as empty before the run and is written back', async () => {
    const [cleared] = jobsWithoutPostings((await runMetrics()).items);
    await charthop().jobs.update(cleared!.recordKey, { applyActive: null });

    const { items } = await runMetrics();
    expect(items.find((i) => i.recordKey === cleared!.recordKey)).toMatchObject({
      outcome: 'applied',
      diff: zeroDiff({ active: null, others: '0' }),
    });
  });

  it("with ChartHop's own fields, a run does not read the org's field definitions: it succeeds while that listing fails", async () => {
    const { sandbox } = t.embedded;
    const fault = sandbox.control.charthop.setFault({ method: 'GET', path: '/v1/org/:org/field', action: { kind: 'status', status: 403 } });
    try {
      const { run } = await runMetrics();
      expect(run).toMatchObject({ status: 'succeeded', error: null });
    } finally {
      sandbox.control.charthop.clearFault(fault.id);
    }
  });

  it('with a Lever key that may not read confidential data, the run and every job say only non-confidential candidates are counted', async () => {
    setConfidentialAccess(false);
    try {
      const { run, items } = await runMetrics();
      expect(run).toMatchObject({
        status: 'succeeded',
        error:
          'The Lever API key has no access to confidential data, so these metrics count only non-confidential postings and opportunities. Allow confidential access for the key in Lever → Settings → Integrations and API → API credentials to count them all.',
      });
      const [first] = jobsWithoutPostings(items);
      expect(first!.reasonText).toBe(
        `${NO_POSTINGS} Only non-confidential candidates are counted. The job has been open ${chartHopJob(first!.recordKey).daysOpen} days. In ChartHop: active candidates in applyActive, interviews in applyInterview, active offers in applyOffer, total offers in applyTotalOffer (all already up to date).`,
      );
    } finally {
      setConfidentialAccess(true);
    }
  });

  it('a linked requisition deleted in Lever is reported with what to do, the other jobs still get their numbers', async () => {
    const { sandbox } = t.embedded;
    const before = await runMetrics();
    const gone = before.items[0]!;
    const goneRequisition = linkOf(gone.recordKey).requisitionId;
    const state = sandbox.control.lever.state();
    sandbox.control.lever.seed({ ...state, requisitions: state.requisitions.filter((r) => r.id !== goneRequisition) });

    const { run, items } = await runMetrics();
    expect(run).toMatchObject({
      status: 'succeeded',
      error: '1 linked requisition(s) no longer exist in Lever; run a sync to settle them.',
    });
    expect(items.map((i) => i.recordKey).sort()).toEqual(
      before.items
        .filter((i) => i !== gone)
        .map((i) => i.recordKey)
        .sort(),
    );
  });

  it('a linked job deleted in ChartHop is not written, and its row and the run say so and what to do', async () => {
    const [deleted] = jobsWithoutPostings((await runMetrics()).items);
    const code = linkOf(deleted!.recordKey).code;
    expect(await charthop().jobs.delete(deleted!.recordKey)).toEqual({ deleted: true });

    const { run, items } = await runMetrics();
    expect(run.counts.updated).toBe(0);
    // (A requisition an earlier case deleted in Lever is reported in the same note.)
    expect(run.error).toContain(' 1 linked ChartHop job(s) no longer exist; run a sync to settle them.');
    expect(items.find((i) => i.recordKey === deleted!.recordKey)).toMatchObject({
      title: code,
      action: 'skip',
      outcome: 'skipped',
      reason: 'metrics_job_missing',
      reasonText: `The linked ChartHop job ${deleted!.recordKey} no longer exists, so no numbers were written. Run a sync to settle the link; its plan shows what happens to requisition ${code}.`,
      diff: [],
    });
    expect(items.filter((i) => i.reason === 'metrics_job_missing')).toHaveLength(1);
  });

  it('a metric field ChartHop does not have fails the run with the whole reason, and is not logged as unexpected', async () => {
    valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { metricFields: { active: 'candidatesPipeline' } } }));
    try {
      records.length = 0;
      const run = valueOf(await t.api.invoke('metrics:run', { profileId: 'sandbox' }));
      expect(run).toMatchObject({
        status: 'failed',
        error:
          'Candidate metrics were not written: Active candidates → candidatesPipeline: ChartHop has no field with the code candidatesPipeline. Create the field in ChartHop as a number field on jobs, or correct its code in Options → Candidate metrics in ChartHop ("Use the built-in fields" goes back to ChartHop\'s own fields).',
      });
      expect(records.filter((r) => r.level === 'error')).toEqual([]);
    } finally {
      valueOf(await t.api.invoke('settings:update', { profileId: 'sandbox', patch: { metricFields: { active: 'applyActive' } } }));
    }
  });

  it('a run broken by something unexpected inside ReqBridge fails with a plain sentence and logs the details', async () => {
    const { deps } = t.core.service;
    // A clock that fails on its second reading: the run has started, and breaks while it reports progress.
    let readings = 0;
    const clock = {
      now: (): Date => {
        readings += 1;
        if (readings === 2) throw new Error('the clock stopped here');
        return deps.clock.now();
      },
    };
    records.length = 0;
    const run = await runMetricsJob({ ...deps, clock }, 'sandbox', 'manual');
    expect(run).toMatchObject({
      status: 'failed',
      error: 'Pulling candidate metrics failed unexpectedly; the details are in the log.',
      errorDetails: null,
    });
    expect(records.filter((r) => r.level === 'error').map((r) => r.message)).toEqual([
      'Candidate metrics failed Error: the clock stopped here',
    ]);
  });

  it('a profile without its Lever key and ChartHop token is refused, saying what to set', async () => {
    const acme = valueOf(await t.api.invoke('profiles:create', { name: 'Acme' }));
    expect(await t.api.invoke('metrics:run', { profileId: acme.id })).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'metrics.no_credentials',
        message: 'Candidate metrics need both the Lever API key and the ChartHop token of "Acme". Set them in Setup → Connect.',
      }),
    });
  });
});
