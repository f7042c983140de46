import { tunnelSentence, tunnelTone } from '../../lib/hire-format.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { useWebhookStore } from '../../stores/useWebhookStore.ts';
import { Ago } from '../../components/Moment.tsx';

/** The webhook's live status — tunnel, last delivery, last verification — following `webhook:changed` (errors are shown by the page). */
export function WebhookLiveStatus({ compact }: { compact?: boolean }) {
  const status = useWebhookStore((s) => s.status);
  const sandbox = useSettingsStore((s) => s.saved?.kind === 'sandbox');
  if (!status) return compact ? null : <p className="field-hint">No status yet.</p>;
  const tone = tunnelTone(status.tunnel, sandbox);
  const delivery = status.lastDeliveryAt ? <Ago iso={status.lastDeliveryAt} /> : 'none yet';
  const verification = status.lastVerificationAt ? (
    <span>
      connection verified <Ago iso={status.lastVerificationAt} />
    </span>
  ) : (
    `not verified yet — press Verify Connection in Lever, or Send a test delivery ${compact ? 'in Setup, step 5' : 'below'}`
  );
  if (compact) {
    return (
      <p className="webhook-line" aria-live="polite" data-testid="webhook-status-line">
        <span className={`dot dot-tone-${tone}`} aria-hidden="true" /> {tunnelSentence(status.tunnel, sandbox)} Last delivery: {delivery}.
        Lever: {verification}.
      </p>
    );
  }
  return (
    <dl className="facts live-status" aria-live="polite" data-testid="webhook-live-status">
      <dt>Tunnel</dt>
      <dd>
        <span className={`dot dot-tone-${tone}`} aria-hidden="true" /> {tunnelSentence(status.tunnel, sandbox)}
      </dd>
      <dt>Listener</dt>
      <dd>{status.localUrl ? 'Listening on this computer.' : 'Not listening.'}</dd>
      <dt>Last delivery</dt>
      <dd>{delivery}</dd>
      <dt>Verification</dt>
      <dd>{verification}</dd>
    </dl>
  );
}
