import { useState } from 'react';
import { call } from '../../bridge/bridge.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { downloadText } from '../../lib/download.ts';

/** Home's "Hand-over report": downloads the profile's report, one HTML file with no secret in it, to print or save as PDF. */
export function HandoverReportButton({ profileId }: { profileId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState('');

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const file = await call('report:create', { profileId });
      downloadText(file.fileName, file.content, file.mimeType);
      setNotice(`Saved ${file.fileName}: open it in a browser to print it or save it as PDF.`);
    } catch (thrown) {
      setError(toUiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        title="One HTML file for the client's admin: setup, checks, mappings, webhook, schedule, last runs and what is left to do. It holds no key or token."
        onClick={() => void download()}
      >
        {busy ? 'Preparing the report…' : 'Hand-over report'}
      </button>
      <span className="visually-hidden" role="status">
        {notice}
      </span>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </>
  );
}
