import { useState } from 'react';
import type { HireView } from '../../../../shared/api/hires-views.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { directionOf } from '../../../../shared/settings/options.ts';
import { SOURCE_LABELS, nextStepOf } from '../../lib/hire-format.ts';
import { useHiresStore } from '../../stores/useHiresStore.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { JobMatchPanel } from './JobMatchPanel.tsx';
import { FullTime } from '../../components/Moment.tsx';

/** One hire: where it came from, what was found and written, what to do next, and Replay. */
export function HireDetail({ hire }: { hire: HireView }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState('');
  const sourceOfTruth = useSettingsStore((s) => s.saved?.sourceOfTruth ?? null);
  const direction = sourceOfTruth ? directionOf(sourceOfTruth) : 'inbound';

  async function replay() {
    setBusy(true);
    try {
      const again = await useHiresStore.getState().replay(hire.id);
      setNotice(`Replayed: ${again.reason}`);
      setError(null);
    } catch (thrown) {
      setError(toUiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="hire-detail" data-testid="hire-detail">
      <dl className="facts">
        <dt>Source</dt>
        <dd>
          {SOURCE_LABELS[hire.source]}, received <FullTime iso={hire.receivedAt} />
          {hire.decidedAt && (
            <>
              , decided <FullTime iso={hire.decidedAt} />
            </>
          )}
        </dd>
        <dt>Lever opportunity</dt>
        <dd>
          <code>{hire.opportunityId}</code>
          {hire.candidateName && ` — ${hire.candidateName}`}
        </dd>
        <dt>ChartHop job</dt>
        <dd>
          {hire.jobId ? (
            <>
              <code>{hire.jobId}</code>
              {hire.jobTitle && ` — ${hire.jobTitle}`}
            </>
          ) : (
            'None found for the requisition'
          )}
        </dd>
        <dt>Written to ChartHop</dt>
        <dd>
          {hire.personId ? (
            <>
              Person <code>{hire.personId}</code>, pending hire{hire.startDate ? ` starting ${hire.startDate}` : ''}; job set to Pending.
            </>
          ) : (
            'Nothing.'
          )}
        </dd>
        <dt>Reason</dt>
        <dd>{hire.reason}</dd>
        <dt>Next step</dt>
        <dd>{nextStepOf(hire.decision, direction)}</dd>
      </dl>
      {hire.decision === 'job_missing' && direction === 'outbound' && (
        <JobMatchPanel hire={hire} onLinked={(linked) => setNotice(`Linked and replayed: ${linked.reason}`)} />
      )}
      <div className="form-actions">
        <button type="button" className="button" disabled={busy || hire.decision === 'pending'} onClick={() => void replay()}>
          {busy ? 'Replaying…' : 'Replay'}
        </button>
        <span className="form-state" role="status">
          {notice}
        </span>
      </div>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
