// What the candidate metrics read from Lever, on a small hand-made pipeline in the fake Lever: every
// opportunity on the linked postings exactly once (active and archived, whatever the number of postings),
// none from other postings, offers only for candidates that reached an offer stage and in the order they
// were made, and the note a key without confidential access gets, word for word. Lever's other documented
// shapes (a requisition without postings, an expanded or missing stage, several applications) are served
// as the fake's canned answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { LeverApiKey, LeverOpportunitySeed } from '../../../src/main/sandbox/lever/state.ts';
import { createLeverClient } from '../../../src/main/core/lever/client.ts';
import { createLimiterRegistry } from '../../../src/main/core/http/limiter-registry.ts';
import type { MetricOpportunity } from '../../../src/main/core/metrics/compute-metrics.ts';
import { readPipeline } from '../../../src/main/core/metrics/read-pipeline.ts';

const logger = { debug() {}, info() {}, warn() {}, error() {} };
const WITHDREW = '63dd55b2-a99f-4e7b-985f-22c7bf80ab43';
const SCREEN = '2b2f6c1e-1a57-4d3c-9e0a-5d1a8c0f0a01';
const T0 = Date.UTC(2026, 0, 5);

/** REQ-1 has one posting, REQ-2 thirty-nine: forty linked postings, exactly one listing batch. */
const Q_POSTINGS = Array.from({ length: 39 }, (_, i) => `q-${String(i + 1).padStart(2, '0')}`);
const LINKS = [
  { jobId: 'job-1', requisitionId: 'r-1' },
  { jobId: 'job-2', requisitionId: 'r-2' },
];

const OPPORTUNITIES: LeverOpportunitySeed[] = [
  { id: 'o-new', name: 'New applicant', stage: 'applicant-new', application: { posting: 'p-1' } },
  { id: 'o-screen', name: 'Screened', stage: SCREEN, application: { posting: 'q-07' }, stageChanges: [] },
  {
    id: 'o-offer',
    name: 'Offer out',
    stage: 'offer',
    application: { posting: 'p-1' },
    offers: [
      { fields: [], status: 'denied', createdAt: T0 },
      { fields: [], status: 'sent', createdAt: T0 + 2000 },
      { fields: [], status: 'approved', createdAt: T0 + 1000 },
    ],
  },
  {
    id: 'o-past-offer',
    name: 'Declined and moved back',
    stage: 'applicant-new',
    application: { posting: 'q-39' },
    stageChanges: [
      { toStageId: 'applicant-new', toStageIndex: 3, updatedAt: T0, userId: null },
      { toStageId: 'offer', toStageIndex: 6, updatedAt: T0 + 1000, userId: null },
      { toStageId: 'applicant-new', toStageIndex: 3, updatedAt: T0 + 2000, userId: null },
    ],
    offers: [{ fields: [], status: 'denied', createdAt: T0 + 1500 }],
  },
  { id: 'o-withdrew', name: 'Withdrew', application: { posting: 'p-1' }, archived: { reason: WITHDREW, archivedAt: T0 } },
  // Lever may answer an archive without its reason: the opportunity is archived all the same.
  {
    id: 'o-archived-no-reason',
    name: 'Archived without a reason',
    application: { posting: 'q-01' },
    archived: { reason: null as unknown as string, archivedAt: T0 },
  },
  { id: 'o-elsewhere', name: 'On an unlinked posting', application: { posting: 'p-other' } },
  {
    id: 'o-elsewhere-archived',
    name: 'Archived elsewhere',
    application: { posting: 'p-other' },
    archived: { reason: WITHDREW, archivedAt: T0 },
  },
];

const opportunity = (id: string, postingId: string, archived: boolean, stageId: string, offerStatuses: string[]): MetricOpportunity => ({
  id,
  postingId,
  archived,
  stageId,
  hiredForRequisitionId: null,
  offerStatuses,
});

let sandbox: Sandbox;
let keys: LeverApiKey[];

beforeAll(async () => {
  sandbox = await startSandbox({ lever: { rateLimit: false } });
  keys = sandbox.control.lever.state().keys;
  sandbox.control.lever.seed({
    keys,
    requisitions: [
      { id: 'r-1', requisitionCode: 'REQ-1', name: 'Backend engineer', headcountTotal: 1 },
      { id: 'r-2', requisitionCode: 'REQ-2', name: 'Designer', headcountTotal: 2 },
      { id: 'r-other', requisitionCode: 'REQ-9', name: 'Not linked', headcountTotal: 1 },
    ],
    postings: [
      { id: 'p-1', text: 'Backend engineer', requisitionCodes: ['REQ-1'] },
      ...Q_POSTINGS.map((id) => ({ id, text: `Designer ${id}`, requisitionCodes: ['REQ-2'] })),
      { id: 'p-other', text: 'Not linked', requisitionCodes: ['REQ-9'] },
    ],
    opportunities: OPPORTUNITIES,
  });
});
afterAll(() => sandbox.close());

function lever(apiKey: string) {
  const registry = createLimiterRegistry();
  return createLeverClient({ baseUrl: sandbox.lever.url, apiKey, limiter: registry.get('lever', sandbox.lever.url, apiKey), logger });
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

describe('reading the pipeline the candidate metrics count', () => {
  it('reads every opportunity of the forty linked postings once, active and archived, with its offers in the order they were made', async () => {
    sandbox.control.lever.clearRequestLog();
    const pipeline = await readPipeline(lever(sandbox.credentials.leverKeys.full), LINKS);

    expect(pipeline.requisitions).toEqual([
      { id: 'r-1', code: 'REQ-1', jobId: 'job-1', postingIds: ['p-1'] },
      { id: 'r-2', code: 'REQ-2', jobId: 'job-2', postingIds: Q_POSTINGS },
    ]);
    expect(pipeline.missingRequisitions).toEqual([]);
    expect(pipeline.confidentialNote).toBeUndefined();
    expect([...pipeline.opportunities].sort(byId)).toEqual([
      opportunity('o-archived-no-reason', 'q-01', true, 'applicant-new', []),
      opportunity('o-new', 'p-1', false, 'applicant-new', []),
      opportunity('o-offer', 'p-1', false, 'offer', ['denied', 'approved', 'sent']),
      opportunity('o-past-offer', 'q-39', false, 'applicant-new', ['denied']),
      opportunity('o-screen', 'q-07', false, SCREEN, []),
      opportunity('o-withdrew', 'p-1', true, 'applicant-new', []),
    ]);

    // One listing of the current and one of the archived opportunities for the forty postings; offers
    // only of the two candidates that are or were at the offer stage.
    const calls = sandbox.control.lever
      .requestLog()
      .filter((e) => e.path.startsWith('/v1/opportunities'))
      .map((e) => {
        const query = new URLSearchParams(e.query);
        return e.path === '/v1/opportunities'
          ? `list posting_id=${query.getAll('posting_id').length} archived_posting_id=${query.getAll('archived_posting_id').length}`
          : e.path;
      });
    expect(calls.sort()).toEqual([
      '/v1/opportunities/o-offer/offers',
      '/v1/opportunities/o-past-offer/offers',
      'list posting_id=0 archived_posting_id=40',
      'list posting_id=40 archived_posting_id=0',
    ]);
  });

  it('with a key that may not read confidential data, says the counts are of non-confidential records only', async () => {
    const noConfidential = sandbox.credentials.leverKeys.noConfidential;
    const all = await readPipeline(lever(noConfidential), LINKS);
    expect(all.confidentialNote).toBe(
      'The Lever API key has no access to confidential data, so these metrics count only non-confidential postings and opportunities. Allow confidential access for the key in Lever → Settings → Integrations and API → API credentials to count them all.',
    );

    const withGone = await readPipeline(lever(noConfidential), [...LINKS, { jobId: 'job-3', requisitionId: 'r-gone' }]);
    expect(withGone.missingRequisitions).toEqual([]);
    expect(withGone.confidentialNote).toBe(
      'The Lever API key has no access to confidential data, so these metrics count only non-confidential postings and opportunities. 1 linked requisition(s) were not in that listing (confidential, or deleted in Lever), so their jobs got no metrics. Allow confidential access for the key in Lever → Settings → Integrations and API → API credentials to count them all.',
    );
  });

  it('a requisition Lever lists without postings has none, and no opportunity listing is read for it', async () => {
    sandbox.control.lever.setFault({
      method: 'GET',
      path: '/v1/requisitions',
      times: 1,
      action: {
        kind: 'status',
        status: 200,
        body: {
          data: [{ id: 'r-1', requisitionCode: 'REQ-1', name: 'Backend engineer', status: 'open', headcountTotal: 1, createdAt: T0 }],
          hasNext: false,
        },
      },
    });
    sandbox.control.lever.clearRequestLog();
    const pipeline = await readPipeline(lever(sandbox.credentials.leverKeys.full), [LINKS[0]!]);
    sandbox.control.lever.clearFaults();

    expect(pipeline.requisitions).toEqual([{ id: 'r-1', code: 'REQ-1', jobId: 'job-1', postingIds: [] }]);
    expect(pipeline.opportunities).toEqual([]);
    expect(sandbox.control.lever.requestLog().map((e) => e.path)).toEqual(['/v1/requisitions', '/v1/stages']);
  });

  it('reads a stage answered as an object or not at all, and counts an opportunity for the application on a linked posting', async () => {
    const hiredFor = { id: 'r-1', requisitionCode: 'REQ-1', hiringManagerOnHire: null };
    sandbox.control.lever.setFault({
      method: 'GET',
      path: '/v1/opportunities',
      times: 1,
      action: {
        kind: 'status',
        status: 200,
        body: {
          data: [
            { id: 'o-offer', createdAt: T0, stage: { id: 'offer', text: 'Offer' }, applications: [{ id: 'a-1', posting: 'p-1' }] },
            {
              id: 'o-new',
              createdAt: T0,
              stage: null,
              applications: [
                { id: 'a-2', posting: 'p-other' },
                { id: 'a-3', posting: 'p-1', requisitionForHire: hiredFor },
              ],
            },
            // No application on a linked posting: the first application (not its bare id) tells the posting.
            { id: 'o-screen', createdAt: T0, applications: ['a-4', { id: 'a-5', posting: 'p-other' }] },
            { id: 'o-elsewhere', createdAt: T0, stage: 'applicant-new', applications: null },
          ],
          hasNext: false,
        },
      },
    });
    const pipeline = await readPipeline(lever(sandbox.credentials.leverKeys.full), [LINKS[0]!]);
    sandbox.control.lever.clearFaults();

    expect([...pipeline.opportunities].sort(byId)).toEqual([
      { id: 'o-new', postingId: 'p-1', archived: false, stageId: null, hiredForRequisitionId: 'r-1', offerStatuses: [] },
      opportunity('o-offer', 'p-1', false, 'offer', ['denied', 'approved', 'sent']),
      { id: 'o-screen', postingId: 'p-other', archived: false, stageId: null, hiredForRequisitionId: null, offerStatuses: [] },
      opportunity('o-withdrew', 'p-1', true, 'applicant-new', []),
    ]);
  });
});
