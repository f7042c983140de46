import { useState } from 'react';
import type { WebhookStatus } from '../../../../shared/api/hires-views.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSecretsStore } from '../../stores/useSecretsStore.ts';
import { useWebhookStore } from '../../stores/useWebhookStore.ts';

const IDLE_HINT =
  'Sends this computer’s listener a signed ping, as Lever’s Verify Connection does. It checks the signature token and creates no one.';

/** Why a test delivery cannot be sent yet, or null when it can. */
export function testDeliveryBlocker(status: WebhookStatus): string | null {
  if (!status.localUrl)
    return 'The listener is not running: choose how Lever reaches this computer above and save, then send a test delivery.';
  if (!status.signatureTokenSet) return 'Save the Lever webhook signature token first: the test delivery is signed with it.';
  return null;
}

/**
 * "Send a test delivery": a ping signed like Lever's Verify Connection, posted to this profile's own listener.
 * It verifies the connection (the step turns to "connection verified") and is never a hire.
 */
export function TestDeliveryButton({ status }: { status: WebhookStatus }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState('');
  const blocker = testDeliveryBlocker(status);

  async function send() {
    setBusy(true);
    setNotice('');
    try {
      await useWebhookStore.getState().testDelivery();
      // The signature token is now verified too: its chip says so.
      void useSecretsStore.getState().load(status.profileId);
      setError(null);
      setNotice('Test delivery received and its signature checked: the connection is verified. No one was created in ChartHop.');
    } catch (thrown) {
      setError(toUiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="test-delivery" data-testid="test-delivery">
      <div className="form-actions">
        <button type="button" className="button" disabled={busy || blocker !== null} onClick={() => void send()}>
          {busy ? 'Sending a test delivery…' : 'Send a test delivery'}
        </button>
        <span className="form-state" role="status">
          {notice}
        </span>
      </div>
      <p className="field-hint">{blocker ?? IDLE_HINT}</p>
      <ErrorNote error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
