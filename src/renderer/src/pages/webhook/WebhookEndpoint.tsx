import { useState } from 'react';
import type { WebhookStatus } from '../../../../shared/api/hires-views.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { webhookAddress } from '../../lib/hire-format.ts';
import { useWebhookStore } from '../../stores/useWebhookStore.ts';
import { LocaltunnelWarning } from './LocaltunnelWarning.tsx';

/** The webhook URL and secret to paste into Lever, each with a copy button; or what is missing for a public URL. */
export function WebhookEndpoint({ status, sandbox }: { status: WebhookStatus; sandbox: boolean }) {
  const [rotating, setRotating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const address = webhookAddress(status, sandbox);

  async function rotate() {
    setBusy(true);
    try {
      await useWebhookStore.getState().rotate();
      setError(null);
    } catch (thrown) {
      setError(toUiError(thrown));
    } finally {
      setBusy(false);
      setRotating(false);
    }
  }

  return (
    <div className="endpoint" data-testid="webhook-endpoint">
      <div className="endpoint-row">
        <span className="endpoint-label" id="webhook-url-label">
          Webhook URL
        </span>
        {address ? (
          <>
            <code className="endpoint-value" aria-labelledby="webhook-url-label" data-testid="webhook-url">
              {address}
            </code>
            <CopyButton value={address} label="webhook URL" />
          </>
        ) : (
          <span className="text-warn" data-testid="webhook-url-missing">
            No public address yet
          </span>
        )}
      </div>
      {status.tunnel.provider === 'localtunnel' && <LocaltunnelWarning />}
      {!status.publicUrl && sandbox && address && (
        <p className="field-hint">
          The Sandbox’s fake Lever runs on this computer, so it calls this local address directly; no tunnel is needed.
        </p>
      )}
      {!address && (
        <p className="note note-warn">
          Lever calls the webhook from the internet, so this computer needs a public address. Choose a tunnel below — ngrok, localtunnel, or
          your own public URL in front of ReqBridge — and save; the full URL then appears here.
        </p>
      )}
      <div className="endpoint-row">
        <span className="endpoint-label" id="webhook-secret-label">
          Secret key
        </span>
        <code className="endpoint-value" aria-labelledby="webhook-secret-label" data-testid="webhook-secret">
          {status.secret}
        </code>
        <CopyButton value={status.secret} label="webhook secret" />
        <button type="button" className="button button-small button-quiet" disabled={busy} onClick={() => setRotating(true)}>
          New secret…
        </button>
      </div>
      <p className="field-hint">
        The secret is the last part of the URL (the guide’s “Webhook Setup” secret key). Only requests to that exact path are accepted.
      </p>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
      <ConfirmDialog
        open={rotating}
        title="Make a new webhook secret?"
        confirmLabel="Make a new secret"
        danger
        busy={busy}
        onCancel={() => setRotating(false)}
        onConfirm={() => void rotate()}
      >
        <p>
          The current URL stops working at once. Lever’s deliveries fail until you paste the new URL into Lever’s Candidate Hire webhook.
          Hires missed meanwhile are found by Catch up now.
        </p>
      </ConfirmDialog>
    </div>
  );
}
