/** Filtering of a run's items on the run detail: by outcome, by reason, and by title or code. */
import type { RunItemView } from '../../../shared/api/sync-views.ts';

/** The run detail's filters. */
export interface RunItemFilter {
  outcome: RunItemView['outcome'] | 'all';
  reason: string;
  text: string;
}

/** No filter at all. */
export const NO_ITEM_FILTER: RunItemFilter = { outcome: 'all', reason: 'all', text: '' };

/** Items matching every filter; the text matches the title or the record key (requisition code or job id). */
export function filterItems(items: readonly RunItemView[], filter: RunItemFilter): RunItemView[] {
  const text = filter.text.trim().toLowerCase();
  return items.filter((item) => {
    if (filter.outcome !== 'all' && item.outcome !== filter.outcome) return false;
    if (filter.reason !== 'all' && item.reason !== filter.reason) return false;
    return !text || item.title.toLowerCase().includes(text) || item.recordKey.toLowerCase().includes(text);
  });
}

/** A reason code as words for the filter: `unmapped_value` → "Unmapped value". */
export function reasonLabel(reason: string): string {
  const words = reason.replace(/[_.-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : reason;
}

/** The distinct reasons of a run's items with their sentence and count, most frequent first. */
export function reasonsOf(items: readonly RunItemView[]): Array<{ reason: string; text: string; count: number }> {
  const byReason = new Map<string, { reason: string; text: string; count: number }>();
  for (const item of items) {
    const entry = byReason.get(item.reason) ?? { reason: item.reason, text: item.reasonText, count: 0 };
    entry.count += 1;
    byReason.set(item.reason, entry);
  }
  return [...byReason.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** How many items have each outcome. */
export function outcomeCounts(items: readonly RunItemView[]): Partial<Record<RunItemView['outcome'], number>> {
  const counts: Partial<Record<RunItemView['outcome'], number>> = {};
  for (const item of items) counts[item.outcome] = (counts[item.outcome] ?? 0) + 1;
  return counts;
}
