import { Fragment, useState } from 'react';
import type { ErrorFactsInput } from '../lib/error-details.ts';
import { errorFactRows, errorFactsText } from '../lib/error-details.ts';

/**
 * The facts behind an error — code, HTTP status, which call, request id, attempts, time, each only
 * when known — as a small definition list in a group labelled "Error details", with a "Copy
 * details" button that puts them on the clipboard as plain text; a refused clipboard says how to
 * copy them by hand.
 */
export function ErrorFacts({ id, error }: { id: string; error: ErrorFactsInput }) {
  const [copy, setCopy] = useState<'idle' | 'copied' | 'refused'>('idle');
  const rows = errorFactRows(error);

  function copyDetails() {
    const text = errorFactsText(error);
    let writing: Promise<void>;
    try {
      writing = navigator.clipboard.writeText(text);
    } catch {
      writing = Promise.reject(new Error('no clipboard'));
    }
    writing.then(
      () => setCopy('copied'),
      () => setCopy('refused'),
    );
  }

  return (
    <div className="note-details error-facts" id={id} role="group" aria-label="Error details" data-testid="error-details">
      {rows.length > 0 ? (
        <dl className="error-facts-list">
          {rows.map((row) => (
            <Fragment key={row.key}>
              <dt>{row.label}</dt>
              <dd data-fact={row.key}>
                {row.key === 'code' || row.key === 'requestId' || row.key === 'call' ? <code>{row.shown}</code> : row.shown}
              </dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p>No further details were recorded.</p>
      )}
      <div className="error-facts-actions">
        <button type="button" className="button button-small" onClick={copyDetails}>
          Copy details
        </button>
        <span role="status" className="error-facts-status">
          {copy === 'copied'
            ? 'Details copied.'
            : copy === 'refused'
              ? 'The clipboard refused the copy: select the details above and copy them by hand.'
              : ''}
        </span>
      </div>
    </div>
  );
}
