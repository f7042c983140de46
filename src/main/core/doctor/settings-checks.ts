/**
 * Checks of the profile itself: the options are a valid combination (the
 * guide's exclusivity rules), the chosen direction's requirements are met
 * (required → fail, recommended → warn), and the new-hire webhook (signature
 * token saved, reachable from Lever, and whether Lever has called it).
 */
import type { WebhookStatus } from '../../../shared/api/hires-views.ts';
import { directionAdvice, directionOf, findOptionConflicts } from '../../../shared/settings/options.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { DoctorCheck } from './types.ts';
import { listAnd } from '../../../shared/text/wording.ts';

/** The options check and the direction check. */
export function settingsChecks(profile: ProfileSettings): DoctorCheck[] {
  const conflicts = findOptionConflicts(profile.options);
  const valid: DoctorCheck =
    conflicts.length > 0
      ? {
          id: 'options.valid',
          title: 'Options are a valid combination',
          status: 'fail',
          detail: conflicts.map((c) => c.message).join(' '),
          fix: conflicts[0]?.message ?? null,
          items: conflicts.map((c) => c.message),
        }
      : {
          id: 'options.valid',
          title: 'Options are a valid combination',
          status: 'pass',
          detail: 'No two options that exclude each other are on.',
          fix: null,
        };

  const direction = directionOf(profile.sourceOfTruth);
  const title = `Requirements of the ${direction === 'outbound' ? 'outbound flow (ChartHop → Lever)' : 'inbound flow (Lever → ChartHop)'}`;
  const advice = directionAdvice(profile.sourceOfTruth, profile.options);
  const required = advice.filter((a) => a.kind === 'required' && !a.met).map((a) => a.label);
  const recommended = advice.filter((a) => a.kind === 'recommended' && !a.met).map((a) => a.label);
  const source = profile.sourceOfTruth === 'charthop' ? 'ChartHop' : 'Lever';
  let directionCheck: DoctorCheck;
  if (required.length > 0) {
    directionCheck = {
      id: 'options.direction',
      title,
      status: 'fail',
      items: required,
      detail: `With ${source} as the source of truth, ${listAnd(required)} must be on.`,
      fix: `Turn on ${listAnd(required)} on the Options page, or change the source of truth.`,
    };
  } else if (recommended.length > 0) {
    directionCheck = {
      id: 'options.direction',
      title,
      status: 'warn',
      items: recommended,
      detail: `Every required option is on; ${listAnd(recommended)} ${recommended.length > 1 ? 'are' : 'is'} recommended for this direction.`,
      fix: `Consider turning on ${listAnd(recommended)} on the Options page.`,
    };
  } else {
    directionCheck = {
      id: 'options.direction',
      title,
      status: 'pass',
      detail: `Every required and recommended option for ${source} as the source of truth is on.`,
      fix: null,
    };
  }
  return [valid, directionCheck];
}

/** The new-hire webhook check: not verifiable until the hires feature lands. */
/** The new-hire webhook check; `sandbox`: the embedded fake Lever calls the local listener directly. */
export function webhookCheck(webhook: WebhookStatus | null | undefined, sandbox = false): DoctorCheck {
  const base = { id: 'webhook.hire', title: 'New-hire webhook configured' };
  if (!webhook) return { ...base, status: 'unverified', detail: 'The webhook endpoint could not be read in this host.', fix: null };
  if (!webhook.signatureTokenSet) {
    return {
      ...base,
      status: 'warn',
      detail: "Lever's webhook signature token is not saved, so deliveries cannot be verified and are refused.",
      fix: 'In Lever, add the Candidate Hire webhook, copy its signature token, and paste it in Setup → New-hire data flow.',
    };
  }
  const url = webhook.publicUrl ?? (sandbox ? webhook.localUrl : null);
  if (!url) {
    const tunnelDown = webhook.tunnel.state === 'down' && webhook.tunnel.error ? ` The tunnel is down: ${webhook.tunnel.error}` : '';
    return {
      ...base,
      status: 'warn',
      detail: `Lever cannot reach this computer: there is no public webhook URL.${tunnelDown}`,
      fix: 'Choose a tunnel (ngrok or localtunnel) or enter your own public URL in Setup → New-hire data flow.',
    };
  }
  const last = [
    webhook.lastVerificationAt ? `verified ${webhook.lastVerificationAt}` : null,
    webhook.lastDeliveryAt ? `last delivery ${webhook.lastDeliveryAt}` : null,
  ].filter(Boolean);
  if (last.length === 0) {
    return {
      ...base,
      status: 'unverified',
      detail: `The webhook is set up at ${url}, but Lever has not called it yet.`,
      fix: 'In Lever → Settings → Integrations and API → Webhooks, press Verify Connection on the Candidate Hire webhook.',
    };
  }
  return { ...base, status: 'pass', detail: `Lever reaches the webhook at ${url}: ${last.join('; ')}.`, fix: null };
}
