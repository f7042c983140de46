/**
 * Plays the vendor's side in e2e tests through the embedded Sandbox's control
 * surface (`/__sandbox/…` with the `x-sandbox-control` header), which the host
 * opens when started with `--sandbox-control-token` and describes in its `--json` line.
 */
import type { APIRequestContext } from '@playwright/test';
import type { HostInfo, SandboxInfo } from './host-fixture.ts';

/** The fake Lever's state, as far as these tests read it. */
export interface LeverStateView {
  opportunities: Array<{
    id: string;
    name: string;
    archived: { reason: string } | null;
    application: { posting: string | null } | null;
    emails: string[];
  }>;
  archiveReasons: Array<{ id: string; type: string }>;
  webhooks: Array<{ id: string; event: string; url: string }>;
}

/** The sandbox part of the host's line, or a clear failure when the host did not print it. */
export function sandboxOf(host: HostInfo): SandboxInfo {
  if (!host.sandbox) throw new Error('The host did not print its sandbox URLs: it needs --sandbox-control-token (src/main/host/main.ts).');
  return host.sandbox;
}

function controlUrl(base: string, path: string): string {
  return `${base.replace(/\/v1\/?$/, '')}/__sandbox${path}`;
}

async function send<T>(
  request: APIRequestContext,
  sandbox: SandboxInfo,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(url, {
    method,
    headers: { 'x-sandbox-control': sandbox.controlToken },
    ...(data === undefined ? {} : { data }),
  });
  if (!response.ok()) throw new Error(`${method} ${url} answered ${response.status()}: ${await response.text()}`);
  const body = (await response.json()) as { data: T };
  return body.data;
}

/** The fake Lever's whole state. */
export function leverState(request: APIRequestContext, sandbox: SandboxInfo): Promise<LeverStateView> {
  return send(request, sandbox, 'GET', controlUrl(sandbox.leverUrl, '/state'));
}

/** Mark an opportunity hired in the fake Lever (fires Candidate Hire to every registered webhook). */
export function hireOpportunity(
  request: APIRequestContext,
  sandbox: SandboxInfo,
  opportunityId: string,
  offer?: { startDate?: number; salary?: number; currency?: string },
): Promise<{ opportunityId: string; webhooks: number }> {
  return send(
    request,
    sandbox,
    'POST',
    controlUrl(sandbox.leverUrl, `/opportunities/${encodeURIComponent(opportunityId)}/hire`),
    offer ?? {},
  );
}

/** A fault rule of the fakes: `path` may hold `:params`; without `times` it fires on every matching call. */
export interface FaultRule {
  method?: string;
  path: string;
  times?: number;
  action: { kind: 'delay'; ms: number } | { kind: 'status'; status: number };
}

/** Add a fault rule to the fake Lever (e.g. a delay on every requisition write). */
export function leverFault(request: APIRequestContext, sandbox: SandboxInfo, rule: FaultRule): Promise<{ id: string }> {
  return send(request, sandbox, 'POST', controlUrl(sandbox.leverUrl, '/faults'), rule);
}

/** Add a fault rule to the fake ChartHop (paths start with `/v1/org/:org/…` or `/v2/org/:org/…`). */
export function charthopFault(request: APIRequestContext, sandbox: SandboxInfo, rule: FaultRule): Promise<{ id: string }> {
  return send(request, sandbox, 'POST', controlUrl(sandbox.charthopUrl, '/faults'), rule);
}

/** Slow down every write of a sync on both fakes, and the first read, so a run's progress can be watched. */
export async function slowSyncWrites(request: APIRequestContext, sandbox: SandboxInfo, ms: number): Promise<void> {
  await leverFault(request, sandbox, { method: 'GET', path: '/v1/requisitions', times: 1, action: { kind: 'delay', ms } });
  await leverFault(request, sandbox, { method: 'POST', path: '/v1/requisitions', action: { kind: 'delay', ms } });
  await leverFault(request, sandbox, { method: 'PUT', path: '/v1/requisitions/:id', action: { kind: 'delay', ms } });
  await charthopFault(request, sandbox, { method: 'PATCH', path: '/v2/org/:org/job/:jobId', action: { kind: 'delay', ms } });
  await charthopFault(request, sandbox, { method: 'POST', path: '/v2/org/:org/job', action: { kind: 'delay', ms } });
}

/** One call as a fake saw it (its request log); `requestId` is the `x-request-id` it answered with. */
export interface RequestLogEntryView {
  method: string;
  path: string;
  status: number;
  requestId?: string;
  fault?: string;
}

/** The fake ChartHop's request log, optionally only the calls it answered with `status`. */
export function charthopLog(request: APIRequestContext, sandbox: SandboxInfo, status?: number): Promise<RequestLogEntryView[]> {
  return send(request, sandbox, 'GET', controlUrl(sandbox.charthopUrl, `/log${status === undefined ? '' : `?status=${status}`}`));
}

/** Remove every fault rule from both fakes. */
export async function clearFaults(request: APIRequestContext, sandbox: SandboxInfo): Promise<void> {
  for (const base of [sandbox.leverUrl, sandbox.charthopUrl]) {
    const response = await request.fetch(controlUrl(base, '/faults'), {
      method: 'DELETE',
      headers: { 'x-sandbox-control': sandbox.controlToken },
    });
    if (!response.ok()) throw new Error(`DELETE faults answered ${response.status()}: ${await response.text()}`);
  }
}

/** The fake ChartHop's state, as far as these tests read it. */
interface CharthopStateView {
  tokens: Array<{ token: string; access: string }>;
  changes: Array<{ jobId: string; type: string }>;
}

/**
 * Delete every job in the fake ChartHop through its API (as a client's admin would), so the next
 * outbound sync would close or delete every linked requisition; returns how many were deleted.
 */
export async function deleteCharthopJobs(request: APIRequestContext, sandbox: SandboxInfo): Promise<number> {
  const state = await send<CharthopStateView>(request, sandbox, 'GET', controlUrl(sandbox.charthopUrl, '/state'));
  const owner = state.tokens.find((grant) => grant.access === 'OWNER');
  if (!owner) throw new Error('The fake ChartHop has no OWNER token to delete jobs with.');
  const jobIds = [...new Set(state.changes.filter((change) => change.type === 'CREATE').map((change) => change.jobId))];
  let deleted = 0;
  for (const jobId of jobIds) {
    const url = `${sandbox.charthopUrl.replace(/\/$/, '')}/v2/org/${encodeURIComponent(sandbox.org)}/job/${encodeURIComponent(jobId)}`;
    const response = await request.fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${owner.token}` } });
    if (response.ok()) deleted += 1;
  }
  return deleted;
}

/** Edit the fake Lever's whole state in place (read, change, write back), as a Lever admin's edits would. */
export async function editLeverState(
  request: APIRequestContext,
  sandbox: SandboxInfo,
  edit: (state: Record<string, unknown>) => void,
): Promise<void> {
  const state = await send<Record<string, unknown>>(request, sandbox, 'GET', controlUrl(sandbox.leverUrl, '/state'));
  edit(state);
  const response = await request.fetch(controlUrl(sandbox.leverUrl, '/state'), {
    method: 'PUT',
    headers: { 'x-sandbox-control': sandbox.controlToken },
    data: state,
  });
  if (!response.ok()) throw new Error(`PUT the fake Lever's state answered ${response.status()}: ${await response.text()}`);
}

/** ChartHop jobs as the API answers a projected listing (`fields`, `id` included), read with the org owner's token. */
export async function charthopJobRows(
  request: APIRequestContext,
  sandbox: SandboxInfo,
  fields: readonly string[],
): Promise<Array<Record<string, unknown> & { id: string }>> {
  const state = await send<CharthopStateView>(request, sandbox, 'GET', controlUrl(sandbox.charthopUrl, '/state'));
  const owner = state.tokens.find((grant) => grant.access === 'OWNER');
  if (!owner) throw new Error('The fake ChartHop has no OWNER token to read jobs with.');
  const url = `${sandbox.charthopUrl.replace(/\/$/, '')}/v2/org/${encodeURIComponent(sandbox.org)}/job?limit=200&fields=${['id', ...fields].join(',')}`;
  const response = await request.fetch(url, { headers: { authorization: `Bearer ${owner.token}` } });
  if (!response.ok()) throw new Error(`GET ${url} answered ${response.status()}`);
  return ((await response.json()) as { data: Array<Record<string, unknown> & { id: string }> }).data;
}
