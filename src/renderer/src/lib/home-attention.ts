/** Home's "Needs attention" list: what is missing or wrong for a profile, each with where to fix it. */
import type { DoctorReport } from '../../../shared/api/doctor-views.ts';
import type { MappableValue } from '../../../shared/api/mapping-views.ts';
import { isMappableValue } from '../../../shared/settings/mapping-edits.ts';
import type { HireDecision, HireView, WebhookStatus } from '../../../shared/api/hires-views.ts';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import { SECRET_LABELS } from '../../../shared/secrets/names.ts';
import type { SecretName, SecretStatus } from '../../../shared/secrets/names.ts';
import { directionAdvice, directionOf } from '../../../shared/settings/options.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { CONNECTION_SECRETS } from './attention.ts';
import type { Route } from './routes.ts';
import { isSyncRun } from './run-format.ts';
import type { UnmappedNote } from './unmapped.ts';
import { unmappedList } from './unmapped.ts';
import { plural } from './wording.ts';

/** One item: the problem in a sentence, the action's label, and the page that fixes it. */
export interface AttentionItem {
  text: string;
  action: string;
  route: Route;
  tone: 'warn' | 'fail';
  /** The run to open on the Runs page, when the item is about one. */
  runId?: number;
  /** Unmapped values the item names that a mapping fixes (each gets Map… on Home). */
  values?: MappableValue[];
}

/** The values of a list a mapping can fix: those that say which system they come from. */
export function mappableValues(
  values: ReadonlyArray<{ kind: MappableValue['kind']; value: string; from?: MappableValue['from'] } | null>,
): MappableValue[] {
  return values.flatMap((v) => (v?.from && isMappableValue(v.kind, v.value) ? [{ kind: v.kind, value: v.value, from: v.from }] : []));
}

/** The item with its mappable values, when it names any. */
function withValues(item: AttentionItem, values: MappableValue[]): AttentionItem {
  return values.length > 0 ? { ...item, values } : item;
}

/** Everything Home knows about a profile. */
export interface AttentionInputs {
  settings: ProfileSettings;
  /** Null while loading: no item about keys until they are known. */
  statuses: Partial<Record<SecretName, SecretStatus>> | null;
  report: DoctorReport | undefined;
  hires: readonly HireView[] | null;
  webhook: WebhookStatus | null;
  /** Newest first. */
  runs: readonly RunSummary[] | null;
  /** Unmapped values of the last plan or sync run, the newer of the two. */
  unmapped: UnmappedNote | null;
}

/** Hire decisions that need the consultant, with the sentence Home says about them. */
const HIRE_PROBLEMS: ReadonlyArray<{ decision: HireDecision; tone: 'warn' | 'fail'; text: (n: number) => string }> = [
  { decision: 'failed', tone: 'fail', text: (n) => `${plural(n, 'hire')} failed to process.` },
  {
    decision: 'needs_attention',
    tone: 'warn',
    text: (n) =>
      `${plural(n, 'hire was', 'hires were')} not processed: ReqBridge could not tell whether the person already exists in ChartHop.`,
  },
  {
    decision: 'job_missing',
    tone: 'warn',
    text: (n) => `${plural(n, 'hire was', 'hires were')} not processed: no ChartHop job is linked to the requisition.`,
  },
  {
    decision: 'no_email',
    tone: 'warn',
    text: (n) => `${plural(n, 'hire was', 'hires were')} not processed: no email on the candidate in Lever.`,
  },
];

/**
 * One hire per candidate: the newest row of each opportunity (the list is newest first). A candidate delivered
 * by the webhook and found again by a catch-up, or replayed before replays reused their row, counts once.
 */
export function latestPerCandidate(hires: readonly HireView[]): HireView[] {
  const seen = new Set<string>();
  return hires.filter((hire) => {
    const key = hire.opportunityId || `row:${hire.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function runItems(runs: readonly RunSummary[] | null, unmapped: UnmappedNote | null): AttentionItem[] {
  const items: AttentionItem[] = [];
  const lastSync = runs?.find((run) => isSyncRun(run) && run.status !== 'running') ?? null;
  const lastMetrics = runs?.find((run) => run.direction === 'metrics' && run.status !== 'running') ?? null;
  if (lastSync && (lastSync.status === 'failed' || lastSync.status === 'partial')) {
    const what = lastSync.status === 'failed' ? 'failed' : `failed for ${plural(lastSync.counts.failed, 'record')}`;
    items.push({
      text: `The last sync ${what}.${lastSync.error ? ` ${lastSync.error}` : ''}`,
      action: 'Open the run',
      route: 'runs',
      tone: 'fail',
      runId: lastSync.id,
    });
  }
  if (lastSync && lastSync.counts.attention > 0) {
    items.push({
      text: `${plural(lastSync.counts.attention, 'record')} of the last sync ${lastSync.counts.attention === 1 ? 'needs' : 'need'} your decision (for example an ambiguous match).`,
      action: 'Open the run',
      route: 'runs',
      tone: 'warn',
      runId: lastSync.id,
    });
  }
  const values = unmapped?.values ?? [];
  if (values.length > 0) {
    const where = unmapped?.source === 'plan' ? 'the last Reconcile plan' : 'the last sync';
    const text = `Unmapped values skipped records in ${where}: ${unmappedList(values)}.`;
    const item: AttentionItem = { text, action: 'Map them in Setup', route: 'setup', tone: 'warn' };
    items.push(withValues(item, mappableValues(values)));
  } else if (lastSync && lastSync.counts.skipped > 0 && unmapped?.runId !== lastSync.id) {
    items.push({
      text: `The last sync skipped ${plural(lastSync.counts.skipped, 'record')}, for example because of unmapped values.`,
      action: 'Open the run',
      route: 'runs',
      tone: 'warn',
      runId: lastSync.id,
    });
  }
  if (lastMetrics?.status === 'failed') {
    items.push({
      text: `Pulling candidate metrics failed.${lastMetrics.error ? ` ${lastMetrics.error}` : ''}`,
      action: 'Open the run',
      route: 'runs',
      tone: 'fail',
      runId: lastMetrics.id,
    });
  }
  return items;
}

/** The attention items, failures first. */
export function attentionItems({ settings, statuses, report, hires, webhook, runs, unmapped }: AttentionInputs): AttentionItem[] {
  const items: AttentionItem[] = [];
  const direction = directionOf(settings.sourceOfTruth);
  for (const name of CONNECTION_SECRETS) {
    if (statuses?.[name] && !statuses[name].set)
      items.push({ text: `The ${SECRET_LABELS[name]} is not set.`, action: 'Paste it in Setup', route: 'setup', tone: 'fail' });
  }
  if (!settings.charthop.org.trim())
    items.push({ text: 'No ChartHop org is named.', action: 'Enter it in Setup', route: 'setup', tone: 'fail' });
  for (const advice of directionAdvice(settings.sourceOfTruth, settings.options)) {
    if (advice.kind === 'required' && !advice.met)
      items.push({
        text: `${advice.label} is required for the ${direction} flow and is off.`,
        action: 'Turn it on in Options',
        route: 'options',
        tone: 'warn',
      });
  }
  for (const check of report?.checks ?? []) {
    if (check.status !== 'fail' && check.status !== 'warn') continue;
    const prefix = check.id.startsWith('crosswalk.')
      ? 'Unmapped values'
      : check.status === 'fail'
        ? 'Check connection failed'
        : 'Check connection warns';
    const text = `${prefix} — ${check.title}: ${check.detail}`;
    const item: AttentionItem = { text, action: 'See the report in Setup', route: 'setup', tone: check.status };
    items.push(withValues(item, mappableValues(check.mappable ?? [])));
  }
  items.push(...runItems(runs, unmapped));
  const candidates = latestPerCandidate(hires ?? []);
  for (const problem of HIRE_PROBLEMS) {
    const count = candidates.filter((hire) => hire.decision === problem.decision).length;
    if (count > 0) items.push({ text: problem.text(count), action: 'Open Hires', route: 'hires', tone: problem.tone });
  }
  if (webhook?.tunnel.state === 'down')
    items.push({
      text: `The webhook tunnel is down${webhook.tunnel.error ? `: ${webhook.tunnel.error}` : '.'}`,
      action: 'Check it in Setup',
      route: 'setup',
      tone: 'fail',
    });
  return items.sort((a, b) => (a.tone === b.tone ? 0 : a.tone === 'fail' ? -1 : 1));
}

/** The newer of the last Reconcile plan's unmapped values (this session) and the last sync run's. */
export function newerUnmapped(
  plan: { at: string; values: UnmappedNote['values'] } | undefined,
  run: UnmappedNote | null,
): UnmappedNote | null {
  if (!plan) return run;
  if (run && run.at > plan.at) return run;
  return { source: 'plan', runId: null, at: plan.at, values: plan.values };
}
