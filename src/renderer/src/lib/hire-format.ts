/** Words for the new-hire flow: decisions, sources, tunnel states and the catch-up. */
import type { CatchUpProgress, CatchUpResult, HireDecision, WebhookStatus } from '../../../shared/api/hires-views.ts';
import type { StepState } from '../components/StepStatus.tsx';
import { progressDetail } from './run-format.ts';
import { listAnd } from './wording.ts';

/** A decision chip's text. */
export const DECISION_LABELS: Record<HireDecision, string> = {
  created: 'Created',
  job_missing: 'Job missing',
  person_exists: 'Person exists',
  not_first_hire: 'Not the first hire',
  no_email: 'No email',
  not_hired: 'Not hired',
  needs_attention: 'Needs attention',
  pending: 'Processing',
  failed: 'Failed',
};

/** A decision chip's tone: green written, amber not processed by a rule, red failed, grey waiting. */
export const DECISION_TONES: Record<HireDecision, 'ok' | 'warn' | 'fail' | 'neutral'> = {
  created: 'ok',
  job_missing: 'warn',
  person_exists: 'warn',
  not_first_hire: 'warn',
  no_email: 'warn',
  not_hired: 'neutral',
  needs_attention: 'warn',
  pending: 'neutral',
  failed: 'fail',
};

/** What to do about each decision, as the detail view suggests it. */
export const DECISION_NEXT_STEPS: Record<HireDecision, string> = {
  created: 'Nothing to do: the person and the pending hire are in ChartHop.',
  job_missing: 'Sync the requisition to a ChartHop job (Sync now or Reconcile…), then press Replay.',
  person_exists: 'The guide does not support internal transfers or re-hires: move the person in ChartHop by hand.',
  not_first_hire: 'Only the first hire of a job is processed. Remove the earlier hire in ChartHop, then press Replay.',
  no_email: 'Add an email to the candidate in Lever, then press Replay.',
  not_hired: 'Lever no longer shows the candidate as hired; nothing was written.',
  needs_attention:
    'ReqBridge could not tell whether the person or job already exists, so it wrote nothing. Check in ChartHop by hand, then press Replay.',
  pending: 'ReqBridge is processing this hire.',
  failed: 'Read the reason, fix its cause, then press Replay.',
};

/**
 * The next step of a decision for the profile's direction: outbound, a sync never creates ChartHop jobs from Lever,
 * so a "Job missing" hire needs its job linked (the detail looks for it), not a sync.
 */
export function nextStepOf(decision: HireDecision, direction: 'outbound' | 'inbound'): string {
  if (decision === 'job_missing' && direction === 'outbound') {
    return 'Link the requisition to its ChartHop job (below), or put the requisition code in the job’s Requisition ID field in ChartHop; then press Replay.';
  }
  return DECISION_NEXT_STEPS[decision];
}

/** The colour of the tunnel's dot: red when down, green when up (or not needed), grey otherwise. */
export function tunnelTone(tunnel: WebhookStatus['tunnel'], sandbox: boolean): 'ok' | 'fail' | 'neutral' {
  if (tunnel.state === 'down') return 'fail';
  return tunnel.state === 'up' || (tunnel.provider === 'none' && sandbox) ? 'ok' : 'neutral';
}

/** Where a hire came from. */
export const SOURCE_LABELS: Record<'webhook' | 'catch-up' | 'replay', string> = {
  webhook: 'Webhook',
  'catch-up': 'Catch-up',
  replay: 'Replay',
};

/** Tunnel providers as the settings form names them. */
export const PROVIDER_LABELS: Record<WebhookStatus['tunnel']['provider'], string> = {
  none: 'None',
  ngrok: 'ngrok',
  localtunnel: 'localtunnel',
  'public-url': 'My own public URL',
};

/** The tunnel's state in a sentence (the Sandbox's fake Lever runs on this computer and needs none). */
export function tunnelSentence(tunnel: WebhookStatus['tunnel'], sandbox = false): string {
  if (tunnel.provider === 'none')
    return sandbox
      ? 'No tunnel needed: the Sandbox’s fake Lever calls this computer directly.'
      : 'No tunnel: Lever cannot reach this computer from the internet.';
  const name = PROVIDER_LABELS[tunnel.provider];
  switch (tunnel.state) {
    case 'up':
      return `${name} is up.`;
    case 'starting':
      return `${name} is starting…`;
    case 'down':
      return `${name} is down${tunnel.error ? `: ${tunnel.error}` : '.'} ReqBridge keeps retrying.`;
    default:
      return `${name} is off.`;
  }
}

/** The webhook address Lever should call: the public one, or the local one for the Sandbox's fake Lever on this computer. */
export function webhookAddress(status: WebhookStatus, sandbox: boolean): string | null {
  return status.publicUrl ?? (sandbox ? status.localUrl : null);
}

/** Setup step 5's chip: done once Lever has an address to call and ReqBridge has the signature token to check it. */
export function webhookStep(status: WebhookStatus | null, sandbox: boolean): { state: StepState; label: string } {
  if (!status) return { state: 'attention', label: 'Needs attention' };
  if (!webhookAddress(status, sandbox)) return { state: 'attention', label: 'Needs attention — no public URL' };
  if (!status.signatureTokenSet) return { state: 'attention', label: 'Needs attention — no signature token' };
  return { state: 'done', label: status.lastVerificationAt ? 'Done — connection verified' : 'Done — waiting for Verify Connection' };
}

/** The catch-up's phase while it is going. */
export const CATCH_UP_PHASE_LABELS: Record<CatchUpProgress['phase'], string> = {
  reading: 'Reading hired opportunities from Lever',
  processing: 'Processing new hires',
};

/** A catch-up's progress bar detail: "12 read so far", then "3 of 7 hires · about 4 s left". */
export function catchUpProgressDetail(progress: CatchUpProgress): string {
  if (progress.phase === 'reading') return progress.done > 0 ? `${progress.done} read so far` : '';
  return progressDetail(progress, progress.total === 1 ? 'hire' : 'hires');
}

/** "2 created, 1 job missing": a catch-up's decisions, in the chips' words. */
export function catchUpDecisions(result: CatchUpResult): string {
  return listAnd(
    Object.entries(result.decisions)
      .filter(([, count]) => count)
      .map(([decision, count]) => `${count} ${DECISION_LABELS[decision as HireDecision].toLowerCase()}`),
  );
}

/** What a catch-up did, in a sentence (a cancelled one says how far it got and that the rest is not lost). */
export function catchUpSentence(result: CatchUpResult): string {
  const decisions = catchUpDecisions(result);
  const processed = `${result.processed} processed${decisions ? ` (${decisions})` : ''}`;
  if (!result.cancelled) return `Catch-up looked at Lever’s hires since the last check: ${result.found} found, ${processed}.`;
  if (result.found === 0 && result.processed === 0)
    return 'Catch-up cancelled while reading Lever: nothing was processed. The next catch-up looks again.';
  return `Catch-up cancelled: ${result.found} found, ${processed} before it stopped. Nothing was left half-done; the others are found again by the next catch-up.`;
}
