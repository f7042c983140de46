/**
 * Pulls candidate metrics for every linked requisition and writes them to the
 * ChartHop job — the built-in fields or the profile's custom ones — only where
 * a value changed. A second run with no pipeline change writes nothing. With
 * custom fields, a field ChartHop does not have (or that holds no number)
 * stops the run before Lever is read or anything is written
 * (`metrics.fields_invalid`).
 */
import type { ChartHopClient } from '../charthop/client.ts';
import type { LeverClient } from '../lever/client.ts';
import type { MetricFieldCodes } from '../../../shared/settings/schema.ts';
import { BUILT_IN_METRIC_FIELDS, usesBuiltInMetricFields } from '../../../shared/settings/schema.ts';
import type { CandidateMetrics, RequisitionMetrics } from './compute-metrics.ts';
import { computeMetrics } from './compute-metrics.ts';
import { assertMetricFieldsUsable } from './metric-fields.ts';
import type { MetricLink } from './read-pipeline.ts';
import { readPipeline } from './read-pipeline.ts';

/** The ChartHop job field codes the four numbers go to (a profile's `metricFields`). */
export type { MetricFieldCodes };
/** ChartHop's built-in candidate metric fields (charthop-api.md §3.3), the default of `metricFields`. */
export { BUILT_IN_METRIC_FIELDS };

/** What happened to one job's metrics. */
export interface JobMetricsResult extends RequisitionMetrics {
  previous: Partial<Record<keyof CandidateMetrics, number | null>>;
  written: boolean;
  /** False when the linked ChartHop job no longer exists: nothing is written to it. */
  jobFound: boolean;
  daysOpen: number | null;
  /** The ChartHop job's title, for the run log. */
  title: string | null;
}

/** The outcome of a metrics pull. */
export interface MetricsRunResult {
  jobs: JobMetricsResult[];
  written: number;
  /** Linked requisitions Lever no longer has. */
  missingRequisitions: string[];
  /** Set when the key cannot see confidential data, so only non-confidential candidates were counted: what that means and how to fix it. */
  confidentialNote?: string;
}

/** A metric field's value as ChartHop answers it (a number, or a number in a string) as a number; null when it holds none. */
export function metricNumber(value: unknown): number | null {
  return typeof value === 'number'
    ? value
    : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
      ? Number(value)
      : null;
}

/** Compute and write the metrics of the linked jobs. */
export async function runCandidateMetrics(deps: {
  lever: LeverClient;
  charthop: ChartHopClient;
  links: readonly MetricLink[];
  fields?: MetricFieldCodes;
  signal?: AbortSignal;
  /** Called when reading is done and after each job is written or found unchanged. */
  onProgress?: (phase: 'reading' | 'applying', done: number, total: number) => void;
}): Promise<MetricsRunResult> {
  const fields = deps.fields ?? BUILT_IN_METRIC_FIELDS;
  const keys: Array<keyof CandidateMetrics> = ['active', 'interview', 'activeOffers', 'totalOffers'];
  deps.onProgress?.('reading', 0, 0);
  // Custom fields are proven to exist (and to hold numbers) before Lever is read or anything written.
  if (!usesBuiltInMetricFields(fields)) await assertMetricFieldsUsable(deps.charthop, fields);
  const pipeline = await readPipeline(deps.lever, deps.links);
  const computed = computeMetrics(pipeline.requisitions, pipeline.opportunities, pipeline.stageNames);
  const current = new Map<string, Record<string, unknown>>();
  const jobIds = computed.map((c) => c.jobId);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut only; with no linked job there is nothing to look up in the rows
  if (jobIds.length > 0) {
    for await (const row of deps.charthop.jobs.rows({ ids: jobIds, fields: [...keys.map((k) => fields[k]), 'daysOpen', 'title'] }))
      current.set(row.id, row);
  }
  const jobs: JobMetricsResult[] = [];
  let written = 0;
  deps.onProgress?.('applying', 0, computed.length);
  for (const result of computed) {
    deps.signal?.throwIfAborted();
    const row = current.get(result.jobId) ?? {};
    const previous = Object.fromEntries(keys.map((k) => [k, metricNumber(row[fields[k]])])) as JobMetricsResult['previous'];
    const changes = Object.fromEntries(keys.filter((k) => previous[k] !== result.metrics[k]).map((k) => [fields[k], result.metrics[k]]));
    const changed = Object.keys(changes).length > 0 && current.has(result.jobId);
    if (changed) {
      await deps.charthop.jobs.update(result.jobId, changes);
      written += 1;
    }
    jobs.push({
      ...result,
      previous,
      written: changed,
      jobFound: current.has(result.jobId),
      daysOpen: metricNumber(row.daysOpen),
      title: typeof row.title === 'string' ? row.title : null,
    });
    deps.onProgress?.('applying', jobs.length, computed.length);
  }
  return {
    jobs,
    written,
    missingRequisitions: pipeline.missingRequisitions,
    ...(pipeline.confidentialNote ? { confidentialNote: pipeline.confidentialNote } : {}),
  };
}
