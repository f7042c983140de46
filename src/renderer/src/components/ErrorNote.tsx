import { useId, useState } from 'react';
import type { ApiErrorDetails } from '../../../shared/api/envelope.ts';
import { ErrorFacts } from './ErrorFacts.tsx';

/** What an error note shows: a UiError, or a run's recorded error (no code) with its details. */
export interface ErrorNoteError {
  message: string;
  code?: string | null;
  details?: ApiErrorDetails | null;
}

/**
 * An error as a sentence with its next step; the facts behind it (code, HTTP status, which call,
 * request id, attempts, time) are one click away under "Details", never a raw dump. `alert` (the
 * default) announces the note as it appears; a run's recorded error is content, not an alert.
 */
export function ErrorNote({ error, onDismiss, alert = true }: { error: ErrorNoteError | null; onDismiss?: () => void; alert?: boolean }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  if (!error) return null;
  const hasFacts = Boolean(error.code) || Boolean(error.details);
  return (
    <div className="note note-error" {...(alert ? { role: 'alert' } : {})}>
      <p>{error.message}</p>
      {(hasFacts || onDismiss) && (
        <div className="note-actions">
          {hasFacts && (
            <button
              type="button"
              className="link-button"
              aria-expanded={open}
              aria-controls={open ? detailsId : undefined}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide details' : 'Details'}
            </button>
          )}
          {onDismiss && (
            <button type="button" className="link-button" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {open && hasFacts && <ErrorFacts id={detailsId} error={error} />}
    </div>
  );
}
