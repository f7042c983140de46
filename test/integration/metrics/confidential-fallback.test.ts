import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { LeverState } from '../../../src/main/sandbox/lever/state.ts';
import { createLeverClient } from '../../../src/main/core/lever/client.ts';
import { createChartHopClient } from '../../../src/main/core/charthop/client.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import { computeMetrics } from '../../../src/main/core/metrics/compute-metrics.ts';
import { readPipeline } from '../../../src/main/core/metrics/read-pipeline.ts';
import { BUILT_IN_METRIC_FIELDS, runCandidateMetrics } from '../../../src/main/core/metrics/run-metrics.ts';
import { expectedCandidateCounts } from '../../support/expected-metrics.ts';

type Link = { jobId: string; requisitionId: string; code: string };
type Counts = { active: number; interview: number; activeOffers: number; totalOffers: number };

const logger = { debug() {}, info() {}, warn() {}, error() {} };
let sandbox: Sandbox;
let links: Link[];
/** The linked requisition made confidential, with its postings and their candidates. */
let hidden: Link;
let visible: Link[];

beforeAll(async () => {
  sandbox = await startSandbox({ jobs: 40, opportunities: 400, lever: { rateLimit: false } });
  const state = sandbox.control.lever.state();
  const postingsOf = (code: string) => state.postings.filter((p) => p.requisitionCodes.includes(code)).map((p) => p.id);
  const withPostings = state.requisitions.filter((r) => postingsOf(r.requisitionCode).length > 0);
  const openJobs = sandbox.control.charthop.jobs(sandbox.charthop.org).filter((j) => j.open === 'open');
  links = withPostings
    .slice(0, openJobs.length)
    .map((r, i) => ({ jobId: String(openJobs[i]!.id), requisitionId: r.id, code: r.requisitionCode }));

  // The demo world has no confidential records: make the linked requisition with the most
  // active candidates confidential, as Lever would have it — its postings and candidates too.
  const activeOn = (code: string) =>
    state.opportunities.filter((o) => !o.archived && postingsOf(code).includes(o.application?.posting ?? '')).length;
  hidden = [...links].sort((a, b) => activeOn(b.code) - activeOn(a.code))[0]!;
  visible = links.filter((l) => l !== hidden);
  const hiddenPostings = new Set(postingsOf(hidden.code));
  for (const r of state.requisitions) if (r.id === hidden.requisitionId) r.confidentiality = 'confidential';
  for (const p of state.postings) if (hiddenPostings.has(p.id)) p.confidentiality = 'confidential';
  for (const o of state.opportunities) if (hiddenPostings.has(o.application?.posting ?? '')) o.confidentiality = 'confidential';
  sandbox.control.lever.seed(state);
});
afterAll(() => sandbox.close());

/** The metric definitions, implemented again from the fake's raw state, as a key without confidential access sees it. */
function expectedCounts(state: LeverState, shown: readonly Link[]): Map<string, Counts> {
  return expectedCandidateCounts(state, shown, { nonConfidentialOnly: true });
}

function clients(apiKey: string) {
  const registry = createLimiterRegistry();
  const lever = createLeverClient({ baseUrl: sandbox.lever.url, apiKey, limiter: registry.get('lever', sandbox.lever.url, 'k'), logger });
  const charthop = createChartHopClient({
    baseUrl: sandbox.charthop.url,
    token: sandbox.credentials.charthopToken,
    org: sandbox.charthop.org,
    limiter: registry.get('charthop', sandbox.charthop.url, 't'),
    logger,
  });
  return { lever, charthop };
}

const metricFields = (job: Record<string, unknown>) => {
  const fields = { ...(job.fields as Record<string, unknown> | undefined), ...job };
  return {
    active: fields[BUILT_IN_METRIC_FIELDS.active],
    interview: fields[BUILT_IN_METRIC_FIELDS.interview],
    activeOffers: fields[BUILT_IN_METRIC_FIELDS.activeOffers],
    totalOffers: fields[BUILT_IN_METRIC_FIELDS.totalOffers],
  };
};

describe('candidate metrics with a Lever key that has no confidential access', () => {
  it('reads the pipeline from the non-confidential records only, says so, and counts exactly those', async () => {
    const state = sandbox.control.lever.state();
    expect(state.keys.find((k) => k.secret === sandbox.credentials.leverKeys.noConfidential)?.confidentialAccess).toBe(false);
    expect(links.length).toBeGreaterThan(3);
    const expected = expectedCounts(state, links);
    expect([...expected.keys()].sort()).toEqual(visible.map((l) => l.jobId).sort());
    for (const bucket of ['active', 'interview', 'activeOffers', 'totalOffers'] as const) {
      expect(
        [...expected.values()].some((c) => c[bucket] > 0),
        bucket,
      ).toBe(true);
    }

    sandbox.control.lever.clearRequestLog();
    const pipeline = await readPipeline(clients(sandbox.credentials.leverKeys.noConfidential).lever, links);

    expect(pipeline.confidentialNote).toMatch(/no access to confidential data.*count only non-confidential postings and opportunities/);
    expect(pipeline.confidentialNote).toContain('1 linked requisition(s) were not in that listing');
    // Hidden is not deleted: nothing tells the user to settle it with a sync.
    expect(pipeline.missingRequisitions).toEqual([]);
    expect(pipeline.requisitions.map((r) => r.id).sort()).toEqual(visible.map((l) => l.requisitionId).sort());
    expect(
      pipeline.opportunities.every((o) => state.opportunities.find((x) => x.id === o.id)?.confidentiality === 'non-confidential'),
    ).toBe(true);

    const computed = computeMetrics(pipeline.requisitions, pipeline.opportunities, pipeline.stageNames);
    expect(new Map(computed.map((c) => [c.jobId, c.metrics]))).toEqual(expected);

    // One refused `confidentiality=all` listing, then only non-confidential listings.
    const log = sandbox.control.lever.requestLog();
    expect(log.filter((e) => e.status === 403).map((e) => `${e.path}?${e.query}`)).toEqual([
      expect.stringMatching(/^\/v1\/requisitions\?.*confidentiality=all/),
    ]);
    expect(log.filter((e) => e.status !== 403 && e.query.includes('confidentiality='))).toEqual([]);
  });

  it('a metrics run succeeds, writes the non-confidential counts and leaves the hidden job alone', async () => {
    const expected = expectedCounts(sandbox.control.lever.state(), links);
    const before = new Map(
      sandbox.control.charthop.jobs(sandbox.charthop.org).map((j) => [String(j.id), metricFields(j as Record<string, unknown>)]),
    );

    const run = await runCandidateMetrics({ ...clients(sandbox.credentials.leverKeys.noConfidential), links });
    expect(run.missingRequisitions).toEqual([]);
    expect(run.confidentialNote).toMatch(/no access to confidential data/);
    expect(run.jobs.map((j) => j.jobId).sort()).toEqual(visible.map((l) => l.jobId).sort());
    const jobs = new Map(sandbox.control.charthop.jobs(sandbox.charthop.org).map((j) => [String(j.id), j as Record<string, unknown>]));
    for (const link of visible)
      expect({ job: link.code, ...metricFields(jobs.get(link.jobId)!) }).toEqual({ job: link.code, ...expected.get(link.jobId) });
    expect(metricFields(jobs.get(hidden.jobId)!)).toEqual(before.get(hidden.jobId));
  });

  it('with confidential access the same links read everything, with no note', async () => {
    const state = sandbox.control.lever.state();
    const pipeline = await readPipeline(clients(sandbox.credentials.leverKeys.full).lever, links);
    expect(pipeline.confidentialNote).toBeUndefined();
    expect(pipeline.requisitions.map((r) => r.id).sort()).toEqual(links.map((l) => l.requisitionId).sort());
    const confidentialRead = pipeline.opportunities.filter(
      (o) => state.opportunities.find((x) => x.id === o.id)?.confidentiality === 'confidential',
    );
    expect(confidentialRead.length).toBeGreaterThan(0);
  });
});
