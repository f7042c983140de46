import { useState } from 'react';
import type { UiError } from '../bridge/ui-error.ts';

/** An error as a sentence with its next step; the code is one click away, never a raw dump. */
export function ErrorNote({ error, onDismiss }: { error: UiError | null; onDismiss?: () => void }) {
  const [open, setOpen] = useState(false);
  if (!error) return null;
  return (
    <div className="note note-error" role="alert">
      <p>{error.message}</p>
      <div className="note-actions">
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide details' : 'Details'}
        </button>
        {onDismiss && (
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
      {open && <p className="note-details">Error code: <code>{error.code}</code></p>}
    </div>
  );
}
