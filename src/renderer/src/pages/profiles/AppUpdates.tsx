import { useEffect, useId, useState } from 'react';
import type { UpdateStatus } from '../../../../shared/api/domains/updates.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useUpdatesStore } from '../../stores/useUpdatesStore.ts';

/** A failed check or download: the sentence, and its (redacted) details one click away. */
function UpdateFailure({ message, details }: { message: string; details: string }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <div className="note note-error" role="alert">
      <p>{message}</p>
      <div className="note-actions">
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide details' : 'Details'}
        </button>
      </div>
      {open && (
        <p className="note-details" id={detailsId} data-testid="update-error-details">
          {details}
        </p>
      )}
    </div>
  );
}

/** What the panel says for each phase, and which button it offers. */
function UpdateBody({ status, busy }: { status: UpdateStatus; busy: boolean }) {
  const store = useUpdatesStore.getState();
  const checkButton = (label: string) => (
    <button type="button" className="button button-small" disabled={busy} onClick={() => void store.check()}>
      {label}
    </button>
  );
  switch (status.phase) {
    case 'unsupported':
      return (
        <p className="text-muted">
          Updates come with the installed app. This copy (a development run, or ReqBridge in a browser) does not update itself; install
          ReqBridge from the Releases page to get updates.
        </p>
      );
    case 'no-feed':
      return <p className="text-muted">{status.message}</p>;
    case 'idle':
      return checkButton('Check for updates');
    case 'checking':
      return (
        <p className="form-state" role="status">
          Checking for updates…
        </p>
      );
    case 'not-available':
      return (
        <>
          <p role="status">You have the latest version.</p>
          {checkButton('Check again')}
        </>
      );
    case 'available':
      return <p role="status">ReqBridge {status.next} is available; downloading it…</p>;
    case 'downloading':
      return (
        <ProgressBar
          label={`Downloading ReqBridge ${status.next}`}
          value={status.percent}
          max={100}
          detail={`${status.percent}%`}
          compact
        />
      );
    case 'downloaded':
      return (
        <>
          <p role="status">ReqBridge {status.next} is downloaded. Restart to update; the app closes and opens again on the new version.</p>
          <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void store.restart()}>
            Restart to update
          </button>
        </>
      );
    case 'error':
      return (
        <>
          <UpdateFailure message={status.message} details={status.details} />
          {checkButton('Try again')}
        </>
      );
  }
}

/** This computer's "Updates": the running version, Check for updates, the download's progress and Restart to update. */
export function AppUpdates() {
  const status = useUpdatesStore((s) => s.status);
  const error = useUpdatesStore((s) => s.error);
  const busy = useUpdatesStore((s) => s.busy);

  useEffect(() => {
    void useUpdatesStore.getState().load();
  }, []);

  return (
    <div className="computer-updates" data-testid="app-updates">
      <h3 className="card-section-title">Updates</h3>
      {status && (
        <p>
          This is ReqBridge <strong data-testid="app-version">{status.version}</strong>.
        </p>
      )}
      {status && <UpdateBody status={status} busy={busy} />}
      <ErrorNote error={error} />
    </div>
  );
}
