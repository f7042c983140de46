/** Home's "Needs attention" list: what is missing or wrong for the profile, each with where to fix it. */
import type { DoctorReport } from '../../../shared/api/doctor-views.ts';
import type { HireView, WebhookStatus } from '../../../shared/api/hires-views.ts';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import { SECRET_LABELS } from '../../../shared/secrets/names.ts';
import type { SecretName, SecretStatus } from '../../../shared/secrets/names.ts';
import { directionAdvice, directionOf } from '../../../shared/settings/options.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { CONNECTION_SECRETS } from './attention.ts';
import type { Route } from './routes.ts';

/** One item: the problem in a sentence, the action's label, and the page that fixes it. */
export interface AttentionItem {
  text: string;
  action: string;
  route: Route;
  tone: 'warn' | 'fail';
  /** The run to open on the Runs page, when the item is about one. */
  runId?: number;
}

/** Everything Home knows about the profile. */
export interface AttentionInputs {
  settings: ProfileSettings;
  statuses: Partial<Record<SecretName, SecretStatus>>;
  report: DoctorReport | undefined;
  hires: readonly HireView[] | null;
  webhook: WebhookStatus | null;
  lastRun: RunSummary | null;
}

/** The attention items, failures first. */
export function attentionItems({ settings, statuses, report, hires, webhook, lastRun }: AttentionInputs): AttentionItem[] {
  const items: AttentionItem[] = [];
  const direction = directionOf(settings.sourceOfTruth);
  for (const name of CONNECTION_SECRETS) {
    if (statuses[name] && !statuses[name].set) items.push({ text: `The ${SECRET_LABELS[name]} is not set.`, action: 'Paste it in Setup', route: 'setup', tone: 'fail' });
  }
  if (!settings.charthop.org.trim()) items.push({ text: 'No ChartHop org is named.', action: 'Enter it in Setup', route: 'setup', tone: 'fail' });
  for (const advice of directionAdvice(settings.sourceOfTruth, settings.options)) {
    if (advice.kind === 'required' && !advice.met) items.push({ text: `${advice.label} is required for the ${direction} flow and is off.`, action: 'Turn it on in Options', route: 'options', tone: 'warn' });
  }
  for (const check of report?.checks ?? []) {
    if (check.status !== 'fail' && check.status !== 'warn') continue;
    const prefix = check.id.startsWith('crosswalk.') ? 'Unmapped values' : check.status === 'fail' ? 'Check connection failed' : 'Check connection warns';
    items.push({ text: `${prefix} — ${check.title}: ${check.detail}`, action: 'See the report in Setup', route: 'setup', tone: check.status });
  }
  if (lastRun && (lastRun.status === 'failed' || lastRun.status === 'partial')) {
    items.push({ text: `The last run ${lastRun.status === 'failed' ? 'failed' : `failed for ${lastRun.counts.failed} records`}.${lastRun.error ? ` ${lastRun.error}` : ''}`, action: 'Open the run', route: 'runs', tone: 'fail', runId: lastRun.id });
  }
  if (lastRun && lastRun.counts.attention > 0) {
    items.push({ text: `${lastRun.counts.attention} records of the last run need your decision (for example an ambiguous match).`, action: 'Open the run', route: 'runs', tone: 'warn', runId: lastRun.id });
  }
  if (lastRun && lastRun.counts.skipped > 0) {
    items.push({ text: `The last run skipped ${lastRun.counts.skipped} records, for example because of unmapped values.`, action: 'Open the run', route: 'runs', tone: 'warn', runId: lastRun.id });
  }
  const failed = hires?.filter((hire) => hire.decision === 'failed').length ?? 0;
  if (failed > 0) items.push({ text: `${failed} ${failed === 1 ? 'hire' : 'hires'} failed to process.`, action: 'Open Hires', route: 'hires', tone: 'fail' });
  const jobMissing = hires?.filter((hire) => hire.decision === 'job_missing').length ?? 0;
  if (jobMissing > 0) items.push({ text: `${jobMissing} ${jobMissing === 1 ? 'hire was' : 'hires were'} not processed: the job is not in ChartHop.`, action: 'Open Hires', route: 'hires', tone: 'warn' });
  if (webhook?.tunnel.state === 'down') items.push({ text: `The webhook tunnel is down${webhook.tunnel.error ? `: ${webhook.tunnel.error}` : '.'}`, action: 'Check it in Setup', route: 'setup', tone: 'fail' });
  return items.sort((a, b) => (a.tone === b.tone ? 0 : a.tone === 'fail' ? -1 : 1));
}
