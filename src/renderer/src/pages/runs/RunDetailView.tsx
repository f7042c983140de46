import { useEffect, useState } from 'react';
import type { RunDetail } from '../../../../shared/api/sync-views.ts';
import { call } from '../../bridge/bridge.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { StatusPill } from '../../components/StatusPill.tsx';
import { downloadText } from '../../lib/download.ts';
import { capitalize } from '../../lib/wording.ts';
import { DIRECTION_LABELS, runCountsText, triggerText } from '../../lib/run-format.ts';
import { useReconcileStore } from '../../stores/useReconcileStore.ts';
import { useRunsStore } from '../../stores/useRunsStore.ts';
import { RunItemList } from './RunItemList.tsx';
import { FullTime, Took } from '../../components/Moment.tsx';

/** One run: what started it, how it ended, its items (filterable, each with its diff and error), and Export CSV / JSON. */
export function RunDetailView({ profileId, runId }: { profileId: string; runId: number }) {
  const open = useRunsStore((s) => s.open);
  const summary = useRunsStore((s) => s.runs?.find((run) => run.id === runId) ?? null);
  const [detail, setDetail] = useState<RunDetail | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);
  const [notice, setNotice] = useState('');

  const [attempt, setAttempt] = useState(0);
  // Reload when an undo sheet for this run closes (the run may now be undone).
  const sheetOpen = useReconcileStore((s) => s.phase !== 'closed');

  // Load once, again when the list says the run changed (it finished), and on Try again.
  const finishedAt = summary?.finishedAt ?? null;
  const status = summary?.status ?? null;
  useEffect(() => {
    let live = true;
    call('runs:get', { profileId, runId }).then(
      (loaded) => {
        if (!live) return;
        setDetail(loaded);
        setError(null);
      },
      (thrown: unknown) => {
        if (live) setError(toUiError(thrown));
      },
    );
    return () => {
      live = false;
    };
  }, [profileId, runId, finishedAt, status, attempt, sheetOpen]);

  async function exportAs(format: 'csv' | 'json') {
    setExporting(format);
    try {
      const file = await call('runs:export', { profileId, runId, format });
      downloadText(file.fileName, file.content, file.mimeType);
      setNotice(`Exported run ${runId} to ${file.fileName}.`);
      setError(null);
    } catch (thrown) {
      setError(toUiError(thrown));
    } finally {
      setExporting(null);
    }
  }

  return (
    <div className="page page-wide" data-testid="run-detail">
      <button type="button" className="link-button back-link" onClick={() => open(null)}>
        ← All runs
      </button>
      {detail ? (
        <header className="run-header">
          <h2 className="card-title">
            Run {detail.id} <StatusPill status={detail.status} />
          </h2>
          <p className="run-meta">
            {triggerText(detail)}
            {detail.trigger === 'reconcile' && detail.direction === 'reconcile'
              ? ' (ChartHop as truth)'
              : ` · ${DIRECTION_LABELS[detail.direction]}`}{' '}
            · started <FullTime iso={detail.startedAt} />
            {detail.finishedAt && (
              <>
                {' '}
                · took <Took startedAt={detail.startedAt} finishedAt={detail.finishedAt} />
              </>
            )}
          </p>
          <p className="run-counts" data-testid="run-counts">
            {capitalize(runCountsText(detail))}
          </p>
          <UndoFacts detail={detail} profileId={profileId} />
          {detail.direction === 'metrics' && (
            <p className="field-hint">
              For each linked job: active candidates, those in interview stages, active offers and all offers ever extended, counted from
              the opportunities on its Lever postings and written to the ChartHop job only when a number changed.
            </p>
          )}
          <ErrorNote alert={false} error={detail.error ? { message: detail.error, details: detail.errorDetails ?? null } : null} />
          <div className="run-export">
            <button type="button" className="button" disabled={exporting !== null} onClick={() => void exportAs('csv')}>
              Export CSV
            </button>
            <button type="button" className="button" disabled={exporting !== null} onClick={() => void exportAs('json')}>
              Export JSON
            </button>
            <span className="notice" role="status">
              {notice}
            </span>
          </div>
        </header>
      ) : (
        !error && <p className="loading">Loading run {runId}…</p>
      )}
      <ErrorNote error={error} onDismiss={detail ? () => setError(null) : undefined} />
      {!detail && error && (
        <button type="button" className="button" onClick={() => setAttempt(attempt + 1)}>
          Try again
        </button>
      )}
      {detail && (
        <RunItemList profileId={profileId} items={detail.items} direction={detail.direction} failed={detail.status === 'failed'} />
      )}
    </div>
  );
}

/** Which run an undo reversed, which undo reversed this run, or the button that opens this run's undo sheet. */
function UndoFacts({ detail, profileId }: { detail: RunDetail; profileId: string }) {
  const open = useRunsStore((s) => s.open);
  if (detail.kind === 'undo' && detail.undoes) {
    return (
      <p className="run-undo" data-testid="run-undo-of">
        Undo of{' '}
        <button type="button" className="link-button" onClick={() => open(detail.undoes ?? null)}>
          run {detail.undoes}
        </button>
        . An undo cannot be undone: run Sync now or Reconcile to bring records back in line.
      </p>
    );
  }
  if (detail.undoneBy) {
    return (
      <p className="run-undo" data-testid="run-undone-by">
        Undone by{' '}
        <button type="button" className="link-button" onClick={() => open(detail.undoneBy ?? null)}>
          run {detail.undoneBy}
        </button>
        .
      </p>
    );
  }
  if (detail.direction === 'metrics' || detail.direction === 'hires' || detail.status === 'running') return null;
  return (
    <p className="run-undo">
      <button type="button" className="button" onClick={() => void useReconcileStore.getState().openUndo(profileId, detail.id)}>
        Undo this run…
      </button>
    </p>
  );
}
