import type { RunSummary } from '../../../../shared/api/sync-views.ts';
import { StatusPill } from '../../components/StatusPill.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { fullTime, timeAgo } from '../../lib/format.ts';
import { DIRECTION_LABELS, triggerText } from '../../lib/run-format.ts';
import { useRunsStore } from '../../stores/useRunsStore.ts';
import { Took } from '../../components/Moment.tsx';

/** Every record of a run: the sum of its counts. */
export function totalRecords(run: RunSummary): number {
  return Object.values(run.counts).reduce((sum, n) => sum + n, 0);
}

/** The run history: when, trigger, direction, status, every count and duration; each row opens the run. */
export function RunsTable({ runs }: { runs: readonly RunSummary[] }) {
  const open = useRunsStore((s) => s.open);
  return (
    <TableScroll label="Runs, newest first">
      <table className="data-table runs-table" data-testid="runs-table">
        <caption className="visually-hidden">Runs, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Trigger</th>
            <th scope="col">Direction</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Created
            </th>
            <th scope="col" className="num">
              Updated
            </th>
            <th scope="col" className="num">
              Linked
            </th>
            <th scope="col" className="num" title="Closed or deleted requisitions">
              Closed
            </th>
            <th scope="col" className="num">
              Failed
            </th>
            <th scope="col" className="num" title="Records left as they were, each with its reason (for example an unmapped value)">
              Skipped
            </th>
            <th scope="col" className="num" title="Records that need your decision">
              Attention
            </th>
            <th scope="col" className="num" title="Records not written because the run was cancelled or stopped first">
              Cancelled
            </th>
            <th scope="col" className="num" title="Every record of the run">
              Total
            </th>
            <th scope="col" className="num">
              Took
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-run-id={run.id} className={run.status === 'failed' ? 'row-failed' : undefined}>
              <td className="nowrap">
                <button
                  type="button"
                  className="link-button"
                  title={fullTime(run.startedAt)}
                  onClick={() => open(run.id)}
                  aria-label={`Open run ${run.id}, ${timeAgo(run.startedAt)}`}
                >
                  <time dateTime={run.startedAt}>{timeAgo(run.startedAt)}</time>
                </button>
              </td>
              <td className="nowrap">{triggerText(run)}</td>
              <td>
                {run.kind === 'undo' && run.undoes ? (
                  <button type="button" className="link-button" data-testid="runs-undo-of" onClick={() => open(run.undoes ?? null)}>
                    Undo of run {run.undoes}
                  </button>
                ) : (
                  DIRECTION_LABELS[run.direction]
                )}
              </td>
              <td>
                <StatusPill status={run.status} />
              </td>
              <td className="num">{run.counts.created}</td>
              <td className="num">{run.counts.updated}</td>
              <td className="num">{run.counts.linked}</td>
              <td className="num">{run.counts.closed + run.counts.deleted}</td>
              <td className={run.counts.failed > 0 ? 'num text-danger' : 'num'}>{run.counts.failed}</td>
              <td className="num">{run.counts.skipped}</td>
              <td className={run.counts.attention > 0 ? 'num text-warn' : 'num'}>{run.counts.attention}</td>
              <td className="num" data-testid="runs-cancelled">
                {run.counts.cancelled}
              </td>
              <td className="num" data-testid="runs-total">
                {totalRecords(run)}
              </td>
              <td className="num">{run.status === 'running' ? '…' : <Took startedAt={run.startedAt} finishedAt={run.finishedAt} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
