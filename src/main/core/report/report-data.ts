/**
 * Everything the hand-over report says about a profile, gathered from the
 * core's own state: settings, the last Check connection, the webhook and
 * schedule, the last runs, what needs attention, the unmapped values. Secrets
 * are read only as "set or not": no value, and not even the last four
 * characters, ever reaches the report.
 */
import type { DoctorReport } from '../../../shared/api/doctor-views.ts';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import type { SecretName } from '../../../shared/secrets/names.ts';
import { SECRET_NAMES } from '../../../shared/secrets/names.ts';
import type { DirectionAdvice } from '../../../shared/settings/options.ts';
import { directionAdvice } from '../../../shared/settings/options.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { ServiceDeps } from '../service/service-deps.ts';
import { scheduleStatus } from '../service/schedule-handlers.ts';
import { createRunLog } from '../sync/run-log.ts';
import type { LastUnmapped } from './report-facts.ts';
import { lastDoctorReport, lastUnmapped } from './report-facts.ts';

/** A record that waits for a person's decision. */
export interface PendingItem {
  source: string;
  title: string;
  detail: string;
}

/** The webhook as the report shows it: never the secret path. */
export interface ReportWebhook {
  provider: string;
  /** The public URL with its secret path replaced, or null when none is up or configured. */
  url: string | null;
  signatureTokenSet: boolean;
  verifiedAt: string | null;
  lastDeliveryAt: string | null;
}

/** The report's content. */
export interface ReportData {
  generatedAt: string;
  profile: ProfileSettings;
  advice: DirectionAdvice[];
  secretsSet: Record<SecretName, boolean>;
  doctor: DoctorReport | null;
  webhook: ReportWebhook | null;
  schedule: { hostRunsSchedules: boolean; paused: boolean; nextRunAt: string | null };
  runs: RunSummary[];
  pending: PendingItem[];
  unmapped: LastUnmapped | null;
}

const PROVIDERS: Record<string, string> = {
  none: 'No tunnel',
  ngrok: 'ngrok',
  localtunnel: 'localtunnel',
  'public-url': 'A public URL the client runs',
};

/** The URL with the secret path segment replaced (the guide's secret key for Lever's webhook). */
export function redactedWebhookUrl(url: string, secret: string): string {
  const marked = secret ? url.split(secret).join('[secret]') : url;
  return marked.replace(/\/webhooks\/lever\/[^/?#]+/, '/webhooks/lever/[secret]');
}

/** Gathers the report of one profile. */
export async function gatherReport(
  deps: Pick<ServiceDeps, 'settings' | 'secrets' | 'stateDbs' | 'hires' | 'schedule' | 'clock' | 'redactor'>,
  profileId: string,
): Promise<ReportData> {
  const profile = deps.settings.get(profileId);
  const state = deps.stateDbs.forProfile(profileId);
  const runLog = createRunLog(state, profileId, deps.redactor.redact);
  const statuses = await deps.secrets.status(profileId).catch(() => []);
  const secretsSet = Object.fromEntries(SECRET_NAMES.map((n) => [n, statuses.some((s) => s.name === n && s.set)])) as Record<
    SecretName,
    boolean
  >;
  const status = await deps.hires.status(profileId).catch(() => null);
  const webhook: ReportWebhook | null = status && {
    provider: PROVIDERS[status.tunnel.provider] ?? status.tunnel.provider,
    url: status.publicUrl ? redactedWebhookUrl(status.publicUrl, status.secret) : null,
    signatureTokenSet: status.signatureTokenSet,
    verifiedAt: status.lastVerificationAt,
    lastDeliveryAt: status.lastDeliveryAt,
  };
  const schedule = scheduleStatus(deps);
  const runs = runLog.list(10);
  const pending: PendingItem[] = [];
  const lastSync = runs.find(
    (r) => r.status !== 'running' && (r.direction === 'outbound' || r.direction === 'inbound' || r.direction === 'reconcile'),
  );
  if (lastSync) {
    for (const item of runLog.items(lastSync.id).filter((i) => i.outcome === 'attention')) {
      pending.push({
        source: `Run ${lastSync.id}`,
        title: `${item.requisitionCode ? `${item.requisitionCode} ` : ''}${item.title}`,
        detail: item.reasonText,
      });
    }
  }
  for (const hire of deps.hires.list(profileId, 500)) {
    if (hire.decision === 'needs_attention' || hire.decision === 'failed') {
      pending.push({ source: 'New hire', title: hire.candidateName ?? `Opportunity ${hire.opportunityId}`, detail: hire.reason });
    }
  }
  return {
    generatedAt: deps.clock.now().toISOString(),
    profile,
    advice: directionAdvice(profile.sourceOfTruth, profile.options),
    secretsSet,
    doctor: lastDoctorReport(state),
    webhook,
    schedule: {
      hostRunsSchedules: schedule.active,
      paused: schedule.paused,
      nextRunAt: schedule.nextRuns.find((n) => n.profileId === profileId)?.at ?? null,
    },
    runs,
    pending,
    unmapped: lastUnmapped(state),
  };
}
