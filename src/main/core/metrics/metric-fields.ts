/**
 * The ChartHop job fields a profile's candidate metrics go to (its
 * `metricFields`: the built-in `apply*` fields or custom ones), checked against
 * the org's field definitions: each exists, belongs to jobs and holds a number.
 * The doctor reports what this finds; a metrics run with custom fields refuses
 * to write when one is wrong, before reading anything from Lever.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import type { ChartHopField } from '../charthop/schemas.ts';
import { AppError } from '../errors.ts';
import type { MetricFieldCodes, MetricKey } from '../../../shared/settings/schema.ts';
import { METRIC_KEYS, METRIC_LABELS } from '../../../shared/settings/schema.ts';

/** What to do about a wrong metric field, in one line (with where a consultant edits the field codes). */
export function metricFieldsFix(): string {
  const setting = 'Options → Candidate metrics in ChartHop';
  return `Create the field in ChartHop as a number field on jobs, or correct its code in ${setting} ("Use the built-in fields" goes back to ChartHop's own fields).`;
}

/** One metric's field as found in ChartHop. */
export interface MetricFieldStatus {
  key: MetricKey;
  /** The configured code. */
  code: string;
  /** The org's definition of that code, or null when ChartHop has none. */
  field: ChartHopField | null;
  /** Why the numbers cannot go there (a sentence fragment), or null when they can. */
  problem: string | null;
}

/** Looks the four codes up among the org's field definitions (built-in and custom; codes compare without case). */
export async function inspectMetricFields(charthop: ChartHopClient, fields: MetricFieldCodes): Promise<MetricFieldStatus[]> {
  // Field types that hold a count.
  const numberTypes = new Set(['INTEGER', 'DECIMAL', 'NUMBER']);
  const byCode = new Map<string, ChartHopField>();
  for await (const field of charthop.orgs.fields({ builtin: 'all' })) byCode.set(field.name.toLowerCase(), field);
  return METRIC_KEYS.map((key) => {
    const code = fields[key];
    const field = byCode.get(code.toLowerCase()) ?? null;
    let problem: string | null = null;
    if (!field) problem = `ChartHop has no field with the code ${code}`;
    else if (field.entityType?.toUpperCase() === 'PERSON') problem = `${field.name} is a field of people, not of jobs`;
    else if (!numberTypes.has(field.type.toUpperCase())) problem = `${field.name} is a ${field.type} field, not a number field`;
    return { key, code, field, problem };
  });
}

/** "Active candidates → candidatesActive: ChartHop has no field with the code candidatesActive", one per wrong field. */
export function describeMetricFieldProblems(statuses: readonly MetricFieldStatus[]): string[] {
  return statuses.filter((s) => s.problem !== null).map((s) => `${METRIC_LABELS[s.key]} → ${s.code}: ${s.problem}`);
}

/** Throws `metrics.fields_invalid` (nothing written) when a configured field is missing or cannot hold the number. */
export async function assertMetricFieldsUsable(charthop: ChartHopClient, fields: MetricFieldCodes): Promise<void> {
  const problems = describeMetricFieldProblems(await inspectMetricFields(charthop, fields));
  if (problems.length > 0) {
    throw new AppError('metrics.fields_invalid', `Candidate metrics were not written: ${problems.join('; ')}. ${metricFieldsFix()}`);
  }
}
