/**
 * The Runs list's filters as a SQL condition on `runs`, so a filtered list reaches past the newest
 * runs it would show unfiltered. Every value goes in as a parameter; LIKE wildcards typed by the
 * consultant are escaped, so "50%" finds "50%", not everything.
 */
import type { RunListFilter, RunListKind } from '../../../shared/api/run-filter.ts';

/** A WHERE condition (without the keyword; "1" when nothing filters) and its parameters in order. */
export interface SqlCondition {
  where: string;
  params: Array<string | number>;
}

const KIND_CONDITIONS: Record<RunListKind, string> = {
  sync: "kind = 'sync' AND direction IN ('outbound', 'inbound')",
  reconcile: "kind = 'sync' AND direction = 'reconcile'",
  undo: "kind = 'undo'",
  metrics: "kind = 'sync' AND direction = 'metrics'",
  hires: "kind = 'sync' AND direction = 'hires'",
};

/** `text` for a LIKE pattern that matches it anywhere, with `%`, `_` and the escape character taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The condition for `filter` on the `runs` table (its items are looked up through `run_items`). */
export function runFilterCondition(filter: RunListFilter | undefined): SqlCondition {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  if (filter?.kind) parts.push(`(${KIND_CONDITIONS[filter.kind]})`);
  if (filter?.trigger) {
    parts.push('trigger = ?');
    params.push(filter.trigger);
  }
  if (filter?.status) {
    parts.push('status = ?');
    params.push(filter.status);
  }
  const search = filter?.search?.trim() ?? '';
  if (search) {
    const like = containing(search);
    const number = /^#?\d+$/.test(search) ? Number(search.replace('#', '')) : -1;
    parts.push(`(id = ? OR error LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM run_items i WHERE i.run_id = runs.id
      AND (i.title LIKE ? ESCAPE '\\' OR i.record_key LIKE ? ESCAPE '\\' OR i.requisition_code LIKE ? ESCAPE '\\')))`);
    params.push(number, like, like, like, like);
  }
  return { where: parts.length > 0 ? parts.join(' AND ') : '1', params };
}
