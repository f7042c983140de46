/** What needs attention per section, derived from saved settings and secret statuses. */
import type { DoctorReport } from '../../../shared/api/doctor-views.ts';
import type { HireView, WebhookStatus } from '../../../shared/api/hires-views.ts';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import type { SecretName, SecretStatus } from '../../../shared/secrets/names.ts';
import { directionAdvice } from '../../../shared/settings/options.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { isSyncRun } from './run-format.ts';

/** A section's status dot: fine, needs attention, broken, or nothing to say yet. */
export type Attention = 'ok' | 'warn' | 'fail' | 'none';

/** The secrets the Connect step needs before anything can run. */
export const CONNECTION_SECRETS: readonly SecretName[] = ['leverApiKey', 'charthopToken'];

/** True when both connection secrets are set. */
export function secretsReady(statuses: Partial<Record<SecretName, SecretStatus>>): boolean {
  return CONNECTION_SECRETS.every((name) => statuses[name]?.set === true);
}

/** True when the profile names a ChartHop org (the Sandbox has one built in). */
export function orgReady(settings: ProfileSettings): boolean {
  return settings.charthop.org.trim().length > 0;
}

/** True when every requirement of the chosen direction is met. */
export function directionReady(settings: ProfileSettings): boolean {
  return directionAdvice(settings.sourceOfTruth, settings.options)
    .filter((advice) => advice.kind === 'required')
    .every((advice) => advice.met);
}

/**
 * The Setup section's dot, in step with Home's attention list: red when a connection secret or the org
 * is missing or the last connection check failed, amber when that check warned, green otherwise.
 * (A required option that is off is the Options section's dot.)
 */
export function setupAttention(
  settings: ProfileSettings | null,
  statuses: Partial<Record<SecretName, SecretStatus>>,
  statusesLoaded: boolean,
  report?: DoctorReport,
): Attention {
  if (!settings || !statusesLoaded) return 'none';
  if (!secretsReady(statuses) || !orgReady(settings) || (report && report.counts.fail > 0)) return 'fail';
  return report && report.counts.warn > 0 ? 'warn' : 'ok';
}

/**
 * The Runs section's dot, from the newest finished run (newest first in `runs`): red when it failed, amber
 * when it was partial or cancelled, or a sync that skipped records or left some needing a decision.
 */
export function runsAttention(runs: readonly RunSummary[] | null): Attention {
  const last = runs?.find((run) => run.status !== 'running');
  if (!last) return 'none';
  if (last.status === 'failed') return 'fail';
  if (last.status !== 'succeeded') return 'warn';
  return isSyncRun(last) && (last.counts.skipped > 0 || last.counts.attention > 0) ? 'warn' : 'ok';
}

/** The Hires section's dot: red when a hire failed or the tunnel is down, amber when a job was missing. */
export function hiresAttention(hires: readonly HireView[] | null, webhook: WebhookStatus | null): Attention {
  if (hires?.some((hire) => hire.decision === 'failed') || webhook?.tunnel.state === 'down') return 'fail';
  if (hires?.some((hire) => hire.decision === 'job_missing')) return 'warn';
  return 'none';
}

/** The Options section's dot: amber when a required option is off or changes are unsaved. */
export function optionsAttention(settings: ProfileSettings | null, dirty: boolean): Attention {
  if (!settings) return 'none';
  return dirty || !directionReady(settings) ? 'warn' : 'ok';
}
