import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import { createLeverClient } from '../../../src/main/core/lever/client.ts';
import { createChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { BUILT_IN_METRIC_FIELDS, runCandidateMetrics } from '../../../src/main/core/metrics/run-metrics.ts';
import { expectedCandidateCounts } from '../../support/expected-metrics.ts';

const logger = { debug() {}, info() {}, warn() {}, error() {} };
let sandbox: Sandbox;
let links: Array<{ jobId: string; requisitionId: string; code: string }>;

beforeAll(async () => {
  sandbox = await startSandbox({ jobs: 40, opportunities: 400, lever: { rateLimit: false } });
  // Link each Lever requisition that has postings to an open ChartHop job, as a sync would have.
  const lever = sandbox.control.lever.state();
  const withPostings = lever.requisitions.filter((r) => lever.postings.some((p) => (p.requisitionCodes ?? []).includes(r.requisitionCode)));
  const openJobs = sandbox.control.charthop.jobs(sandbox.charthop.org).filter((j) => j.open === 'open');
  links = withPostings
    .slice(0, openJobs.length)
    .map((r, i) => ({ jobId: String(openJobs[i]!.id), requisitionId: r.id, code: r.requisitionCode }));
});
afterAll(() => sandbox.close());

/** The definitions, implemented again from the fake's raw state, independently of the reader. */
function expectedCounts() {
  return expectedCandidateCounts(sandbox.control.lever.state(), links);
}

function clients() {
  const registry = createLimiterRegistry();
  const lever = createLeverClient({
    baseUrl: sandbox.lever.url,
    apiKey: sandbox.credentials.leverKeys.full,
    limiter: registry.get('lever', sandbox.lever.url, 'k'),
    logger,
  });
  const charthop = createChartHopClient({
    baseUrl: sandbox.charthop.url,
    token: sandbox.credentials.charthopToken,
    org: sandbox.charthop.org,
    limiter: registry.get('charthop', sandbox.charthop.url, 't'),
    logger,
  });
  return { lever, charthop };
}

describe('candidate metrics against the sandbox', () => {
  it('writes to ChartHop exactly the counts computed independently from the opportunities, then writes nothing when nothing changed', async () => {
    expect(links.length).toBeGreaterThan(3);
    const expected = expectedCounts();
    // The demo pipeline exercises every bucket, so a wrong definition shows.
    for (const bucket of ['active', 'interview', 'activeOffers', 'totalOffers'] as const) {
      expect(
        [...expected.values()].some((c) => c[bucket] > 0),
        bucket,
      ).toBe(true);
    }

    sandbox.control.charthop.clearRequestLog();
    const first = await runCandidateMetrics({ ...clients(), links });
    expect(first.missingRequisitions).toEqual([]);
    // One write per job whose numbers changed, and the count says so.
    const writes = sandbox.control.charthop.requestLog().filter((e) => e.method !== 'GET');
    expect(first.written).toBeGreaterThan(0);
    expect(first.written).toBe(first.jobs.filter((j) => j.written).length);
    expect(writes).toHaveLength(first.written);
    const jobs = new Map(sandbox.control.charthop.jobs(sandbox.charthop.org).map((j) => [String(j.id), j as Record<string, unknown>]));
    for (const link of links) {
      const job = jobs.get(link.jobId)!;
      const fields = { ...(job.fields as Record<string, unknown> | undefined), ...job };
      const want = expected.get(link.jobId)!;
      expect({
        job: link.code,
        active: fields[BUILT_IN_METRIC_FIELDS.active],
        interview: fields[BUILT_IN_METRIC_FIELDS.interview],
        offer: fields[BUILT_IN_METRIC_FIELDS.activeOffers],
        total: fields[BUILT_IN_METRIC_FIELDS.totalOffers],
      }).toEqual({
        job: link.code,
        active: want.active,
        interview: want.interview,
        offer: want.activeOffers,
        total: want.totalOffers,
      });
    }
    expect(first.jobs.every((j) => j.explanation.length > 20)).toBe(true);

    sandbox.control.charthop.clearRequestLog();
    const second = await runCandidateMetrics({ ...clients(), links });
    expect(second.written).toBe(0);
    expect(sandbox.control.charthop.requestLog().filter((e) => e.method !== 'GET')).toEqual([]);
  });
});
