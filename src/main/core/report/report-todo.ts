/** What the client still has to do, read off the report's facts: each item one sentence with where to do it. */
import { optionLabel } from '../../../shared/settings/options.ts';
import type { ReportData } from './report-data.ts';

/** The open tasks, most important first. */
export function clientTasks(data: ReportData): string[] {
  const tasks: string[] = [];
  if (!data.secretsSet.leverApiKey) tasks.push('Paste the Lever API key under Setup → Connect.');
  if (!data.secretsSet.charthopToken) tasks.push('Enter the ChartHop API token and org under Setup → Connect.');
  for (const advice of data.advice) {
    if (!advice.met && advice.kind === 'required')
      tasks.push(`Turn on ${advice.label} under Options: the guide requires it for this direction.`);
  }
  if (!data.doctor) tasks.push('Run Check connection under Setup, and fix what it reports.');
  else {
    for (const check of data.doctor.checks) {
      if ((check.status === 'fail' || check.status === 'warn') && check.fix) tasks.push(`${check.title}: ${check.fix}`);
    }
  }
  if (!data.secretsSet.leverWebhookSignatureToken)
    tasks.push('Paste the signature token Lever shows for the webhook under Webhook, so new hires are accepted.');
  if (!data.webhook?.verifiedAt)
    tasks.push('In Lever → Settings → Integrations and API → Webhooks, press Verify connection on the candidate hired webhook.');
  const unmapped = data.unmapped?.values.length ?? 0;
  if (unmapped > 0)
    tasks.push(`Map the ${unmapped} unmapped value${unmapped === 1 ? '' : 's'} below under Setup → Mappings, or fix them in ChartHop.`);
  if (data.pending.length > 0)
    tasks.push(`Decide the ${data.pending.length} record${data.pending.length === 1 ? '' : 's'} that need attention (listed below).`);
  const lastFailed = data.runs.find((r) => r.status === 'failed' || r.status === 'partial');
  if (lastFailed && data.runs[0]?.id === lastFailed.id)
    tasks.push(
      `Open run ${lastFailed.id} in Runs: it ${lastFailed.status === 'failed' ? 'failed' : 'partly failed'}, and each item says why.`,
    );
  for (const advice of data.advice) {
    if (!advice.met && advice.kind === 'recommended')
      tasks.push(`Consider turning on ${advice.label} under Options (recommended for this direction).`);
  }
  if (data.profile.options.runDaily && !data.schedule.hostRunsSchedules) {
    tasks.push(
      `Keep ReqBridge running (Start at login), or schedule \`reqbridge daily --profile "${data.profile.name}"\`, so ${optionLabel('runDaily')} happens.`,
    );
  }
  return tasks;
}
