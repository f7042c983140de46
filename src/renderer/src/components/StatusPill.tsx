import type { RunStatus } from '../../../shared/api/sync-views.ts';
import { STATUS_LABELS } from '../lib/run-format.ts';

/** A run's status as a coloured pill whose text says it too. */
export function StatusPill({ status }: { status: RunStatus }) {
  return <span className={`pill pill-${status}`}>{STATUS_LABELS[status]}</span>;
}
