/**
 * The candidate-metrics job of a profile, as the daily run and the "Pull
 * metrics" action start it: reads the links, pulls and writes the metrics to
 * the ChartHop fields the profile names (`metricFields`: the built-in `apply*`
 * fields unless custom ones are set), and records a run whose items show each
 * job's numbers before → after, how they were computed and which ChartHop
 * field each number is kept in.
 */
import type { FieldDiff, RunSummary, RunTrigger } from '../../../shared/api/sync-views.ts';
import { AppError } from '../errors.ts';
import { errorDetailsOf, httpFailureBehind } from '../http/error-details.ts';
import { profileClientsFor } from '../clients/profile-clients.ts';
import type { ServiceDeps } from '../service/service-deps.ts';
import { createLinksStore } from '../sync/links-store.ts';
import { createRunLog } from '../sync/run-log.ts';
import type { NewRunItem } from '../sync/run-log.ts';
import { createProgressReporter } from '../sync/progress.ts';
import type { CandidateMetrics } from './compute-metrics.ts';
import type { JobMetricsResult, MetricFieldCodes } from './run-metrics.ts';
import { runCandidateMetrics } from './run-metrics.ts';
import { plural } from '../../../shared/text/wording.ts';

/** How a run item's diff labels each number (built per call so mutation runs can reach the texts). */
function diffLabels(): Record<keyof CandidateMetrics, string> {
  return {
    active: 'Candidates (active)',
    interview: 'Interviews (active)',
    activeOffers: 'Offers (active)',
    totalOffers: 'Offers (total)',
  };
}

/** How the run log's explanation names each number beside its ChartHop field. */
function inWords(): Record<keyof CandidateMetrics, string> {
  return {
    active: 'active candidates',
    interview: 'interviews',
    activeOffers: 'active offers',
    totalOffers: 'total offers',
  };
}

/**
 * "In ChartHop: active candidates in applyActive (written), interviews in applyInterview, …": the field
 * each number is kept in, which of them this run wrote, and whether all four were already up to date.
 */
export function describeMetricFields(fields: MetricFieldCodes, written: ReadonlyArray<keyof CandidateMetrics>, upToDate: boolean): string {
  const words = inWords();
  const keys = Object.keys(words) as Array<keyof CandidateMetrics>;
  const parts = keys.map((key) => `${words[key]} in ${fields[key]}${written.includes(key) ? ' (written)' : ''}`);
  return `In ChartHop: ${parts.join(', ')}${upToDate ? ' (all already up to date)' : ''}.`;
}

/** The run-log item of a linked job ChartHop no longer has: nothing is written, and the row says why and what to do. */
function missingJobItem(job: JobMetricsResult): NewRunItem {
  return {
    recordKey: job.jobId,
    title: job.code,
    action: 'skip',
    outcome: 'skipped',
    reason: 'metrics_job_missing',
    reasonText: `The linked ChartHop job ${job.jobId} no longer exists, so no numbers were written. Run a sync to settle the link; its plan shows what happens to requisition ${job.code}.`,
    diff: [],
    error: null,
    jobId: job.jobId,
    requisitionId: job.requisitionId,
    requisitionCode: job.code,
  };
}

/** Pull a profile's candidate metrics and record the run. */
export async function runMetricsJob(
  deps: Pick<
    ServiceDeps,
    'settings' | 'secrets' | 'stateDbs' | 'clock' | 'logger' | 'events' | 'env' | 'environmentProfileId' | 'sandbox' | 'redactor'
  >,
  profileId: string,
  trigger: RunTrigger,
): Promise<RunSummary> {
  const profile = deps.settings.get(profileId);
  const state = deps.stateDbs.forProfile(profileId);
  const log = createRunLog(state, profileId, deps.redactor.redact);
  const links = createLinksStore(state).all();
  const clients = await profileClientsFor(deps, profileId);
  if (!clients.lever || !clients.charthop) {
    throw new AppError(
      'metrics.no_credentials',
      `Candidate metrics need both the Lever API key and the ChartHop token of "${profile.name}". Set them in Setup → Connect.`,
    );
  }
  const runId = log.start(trigger, 'metrics', deps.clock.now());
  try {
    const progress = createProgressReporter(
      { profileId, runId },
      (p) => deps.events.emit('run:progress', p),
      () => deps.clock.now().getTime(),
    );
    const result = await runCandidateMetrics({
      lever: clients.lever,
      charthop: clients.charthop,
      links: links.map((l) => ({ jobId: l.jobId, requisitionId: l.requisitionId })),
      fields: profile.metricFields,
      onProgress: (phase, done, total) => (done === 0 ? progress.phase(phase, total) : progress.done(done, total)),
    });
    const labels = diffLabels();
    for (const job of result.jobs) {
      // All four numbers, unchanged ones with before = after, so the run detail shows them all.
      const diff: FieldDiff[] = (Object.keys(labels) as Array<keyof CandidateMetrics>).map((key) => ({
        field: key,
        label: labels[key],
        before: job.previous[key] === null || job.previous[key] === undefined ? null : String(job.previous[key]),
        after: String(job.metrics[key]),
      }));
      const written = job.written ? diff.filter((d) => d.before !== d.after).map((d) => d.field as keyof CandidateMetrics) : [];
      if (!job.jobFound) {
        log.addItem(runId, missingJobItem(job));
        continue;
      }
      log.addItem(runId, {
        recordKey: job.jobId,
        title: job.title ? `${job.title} (${job.code})` : job.code,
        action: job.written ? 'update' : 'skip',
        outcome: job.written ? 'applied' : 'skipped',
        reason: job.written ? 'metrics_changed' : 'metrics_unchanged',
        reasonText: `${job.explanation}${result.confidentialNote ? ' Only non-confidential candidates are counted.' : ''}${job.daysOpen !== null ? ` The job has been open ${plural(job.daysOpen, 'day')}.` : ''} ${describeMetricFields(
          profile.metricFields,
          written,
          diff.every((d) => d.before === d.after),
        )}`,
        diff,
        error: null,
        jobId: job.jobId,
        requisitionId: job.requisitionId,
        requisitionCode: job.code,
      });
    }
    const missing = result.missingRequisitions.length
      ? `${result.missingRequisitions.length} linked requisition(s) no longer exist in Lever; run a sync to settle them.`
      : null;
    const missingJobs = result.jobs.filter((job) => !job.jobFound).length;
    const gone = missingJobs ? `${missingJobs} linked ChartHop job(s) no longer exist; run a sync to settle them.` : null;
    const error = [missing, gone, result.confidentialNote ?? null].filter((text): text is string => text !== null).join(' ') || null;
    const summary = log.finish(runId, { status: 'succeeded', at: deps.clock.now(), error });
    deps.events.emit('run:finished', summary);
    return summary;
  } catch (error) {
    const message =
      error instanceof AppError ? error.message : 'Pulling candidate metrics failed unexpectedly; the details are in the log.';
    if (!(error instanceof AppError)) deps.logger.error('Candidate metrics failed', error);
    const errorDetails = httpFailureBehind(error) ? errorDetailsOf(error, deps.clock.now(), (text) => deps.redactor.redact(text)) : null;
    const summary = log.finish(runId, { status: 'failed', at: deps.clock.now(), error: message, errorDetails });
    deps.events.emit('run:finished', summary);
    return summary;
  }
}
