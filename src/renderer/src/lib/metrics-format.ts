/**
 * The four candidate numbers of a metrics run's item, before → after. The run
 * log's diff carries only the numbers that changed; the unchanged ones are read
 * from the item's explanation ("From 1 posting: 12 active candidates …"), which
 * the metrics job writes in a fixed form. What cannot be read shows as unknown.
 */
import type { RunItemView } from '../../../shared/api/sync-views.ts';

/** One of the four numbers as the run detail shows it. */
export interface MetricNumber {
  field: 'active' | 'interview' | 'activeOffers' | 'totalOffers';
  label: string;
  /** Null when ChartHop had no value (or, for an unchanged number, when it could not be read). */
  before: string | null;
  after: string | null;
  changed: boolean;
}

const FIELDS: ReadonlyArray<{ field: MetricNumber['field']; label: string; pattern: RegExp }> = [
  { field: 'active', label: 'Candidates (active)', pattern: /(\d+) active candidates?/ },
  { field: 'interview', label: 'Interviews (active)', pattern: /(\d+) of them in interview stages?/ },
  { field: 'activeOffers', label: 'Offers (active)', pattern: /(\d+) with an offer out/ },
  { field: 'totalOffers', label: 'Offers (total)', pattern: /(\d+) candidates? ever extended an offer/ },
];

function fromExplanation(text: string, pattern: RegExp): string | null {
  if (/every count is 0/.test(text)) return '0';
  return pattern.exec(text)?.[1] ?? null;
}

/** The four numbers of a metrics item, in a fixed order, changed ones from the diff. */
export function metricNumbers(item: Pick<RunItemView, 'diff' | 'reasonText'>): MetricNumber[] {
  return FIELDS.map(({ field, label, pattern }) => {
    const diff = item.diff.find((entry) => entry.field === field);
    if (diff) return { field, label: diff.label || label, before: diff.before, after: diff.after, changed: diff.before !== diff.after };
    const value = fromExplanation(item.reasonText, pattern);
    return { field, label, before: value, after: value, changed: false };
  });
}

/** The days the job has been open, when the explanation says it. */
export function daysOpen(reasonText: string): number | null {
  const match = /open (\d+) days?/.exec(reasonText);
  return match?.[1] ? Number(match[1]) : null;
}
