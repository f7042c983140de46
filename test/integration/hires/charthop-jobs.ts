// ChartHop jobs read and edited through the fake ChartHop's API as a client's admin would, and the
// demo's "without job" hire made against a requisition shaped like one of them: the set-up of the
// "Job missing" and Link now tests.
import { expect } from 'vitest';
import type { Sandbox } from '../../../src/main/sandbox/start-sandbox.ts';
import type { HireView } from '../../../src/shared/api/hires-views.ts';
import { valueOf } from '../../support/test-core.ts';
import type { HiresWorld } from './support.ts';
import { hiresOf, PROFILE } from './support.ts';

/** A ChartHop job with the fields the job match reads. */
export interface JobRow {
  id: string;
  title: string;
  open: string;
  req: string | null;
  leverReqId: string | null;
  hireMgr: string | null;
  'hireMgr.contact.workEmail': string | null;
}

/** ChartHop jobs through its API, as a client's admin reads them. */
export async function charthopJobs(sandbox: Sandbox): Promise<JobRow[]> {
  const { url, org } = sandbox.charthop;
  const fields = 'id,title,open,req,leverReqId,hireMgr,hireMgr.contact.workEmail';
  const answer = await fetch(`${url}/v2/org/${org}/job?fields=${fields}&limit=200`, {
    headers: { authorization: `Bearer ${sandbox.credentials.charthopToken}` },
  });
  return ((await answer.json()) as { data: JobRow[] }).data;
}

/** Edits a ChartHop job through its API; ChartHop must accept the edit. */
export async function patchJob(sandbox: Sandbox, jobId: string, body: Record<string, unknown>): Promise<void> {
  const { url, org } = sandbox.charthop;
  const answer = await fetch(`${url}/v2/org/${org}/job/${jobId}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${sandbox.credentials.charthopToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(answer.status).toBeLessThan(300);
}

/** An open job with no requisition code and no Lever Req ID, managed by Nora Edwards (the demo's first-sync jobs). */
export async function unlinkedJob(sandbox: Sandbox): Promise<JobRow> {
  const job = (await charthopJobs(sandbox)).find(
    (j) => j.open === 'open' && !j.req && !j.leverReqId && j['hireMgr.contact.workEmail'] === 'nora.edwards@northwind.example',
  );
  if (!job) throw new Error('the demo has no unlinked open job managed by Nora Edwards');
  return job;
}

/** The decision on the demo's "without job" hire, with the ids of its opportunity and requisition. */
export interface HireWithoutJob {
  /** The newest decision's view (undefined when nothing was decided). */
  row: HireView | undefined;
  opportunityId: string;
  requisitionId: string;
  /** The requisition's code in Lever. */
  code: string;
}

/**
 * Hires the demo's "without job" candidate once its Lever requisition is named `name` and managed by
 * `managerId` (default: Nora Edwards, whose ChartHop email is mapped to her Lever one), and waits for
 * the decision.
 */
export async function hireWithoutJob(world: HiresWorld, name: string, managerId?: string): Promise<HireWithoutJob> {
  const state = world.sandbox.control.lever.state();
  const opportunityId = world.sandbox.facts.hires.withoutJob[0]!;
  const requisitionId = state.opportunities.find((o) => o.id === opportunityId)!.application!.requisitionForHire!.id;
  const nora = state.users.find((u) => u.email === 'nedwards@northwind.example')!;
  const requisition = state.requisitions.find((r) => r.id === requisitionId)!;
  Object.assign(requisition, { name, hiringManager: managerId ?? nora.id });
  world.sandbox.control.lever.seed(state);
  // The ChartHop manager's email differs from Lever's: mapped, as a consultant would.
  valueOf(
    await world.main.api.invoke('settings:update', {
      profileId: PROFILE,
      patch: { mappings: { users: { 'nora.edwards@northwind.example': nora.email } } },
    }),
  );
  await world.sandbox.control.lever.hireOpportunity(opportunityId, { startDate: Date.UTC(2026, 11, 14) });
  await world.main.core.hires.drain(PROFILE);
  const [row] = await hiresOf(world.main.api, opportunityId);
  return { row, opportunityId, requisitionId, code: requisition.requisitionCode };
}
