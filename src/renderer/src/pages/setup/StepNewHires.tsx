import type { ProfileSettings } from '../../../../shared/settings/schema.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSecretsStore } from '../../stores/useSecretsStore.ts';
import { useWebhookStore } from '../../stores/useWebhookStore.ts';
import { LeverWebhookSteps } from '../webhook/LeverWebhookSteps.tsx';
import { TunnelSettingsForm } from '../webhook/TunnelSettingsForm.tsx';
import { WebhookEndpoint } from '../webhook/WebhookEndpoint.tsx';
import { TestDeliveryButton } from '../webhook/TestDeliveryButton.tsx';
import { WebhookLiveStatus } from '../webhook/WebhookLiveStatus.tsx';
import { SecretField } from './SecretField.tsx';

/** Step 5's content: the webhook URL and secret, the tunnel, the Lever-side steps, the signature token and the live status. */
export function StepNewHires({ settings }: { settings: ProfileSettings }) {
  const status = useWebhookStore((s) => s.status);
  const loadError = useWebhookStore((s) => s.loadError);
  const statuses = useSecretsStore((s) => s.statuses);
  const sandbox = settings.kind === 'sandbox';

  return (
    <>
      <p>
        New hires always flow from Lever into ChartHop, whichever source of truth you chose. Lever calls ReqBridge’s webhook when a
        candidate is marked Hired; ReqBridge checks the signature, then creates the person and a pending hire in the job’s ChartHop record.
      </p>
      {loadError && !status && <ErrorNote error={loadError} />}
      {!status && !loadError && <p className="loading">Starting the webhook listener…</p>}
      {status && <WebhookEndpoint status={status} sandbox={sandbox} />}
      <TunnelSettingsForm key={settings.id} settings={settings.webhook} />
      {settings.webhook.tunnel === 'ngrok' && (
        <SecretField
          name="ngrokAuthtoken"
          status={statuses.ngrokAuthtoken}
          hint="From the ngrok dashboard → Your Authtoken. Kept in this computer’s keychain."
        />
      )}
      <section className="subsection" aria-labelledby="lever-steps-title">
        <h3 id="lever-steps-title" className="subsection-title">
          In Lever
        </h3>
        <LeverWebhookSteps />
        <SecretField
          name="leverWebhookSignatureToken"
          status={statuses.leverWebhookSignatureToken}
          hint="Lever shows it on the webhook once it is added. ReqBridge uses it to check that each delivery really comes from Lever."
        />
      </section>
      <section className="subsection" aria-labelledby="live-title">
        <h3 id="live-title" className="subsection-title">
          Live status
        </h3>
        <WebhookLiveStatus />
        {status && <TestDeliveryButton status={status} />}
      </section>
    </>
  );
}
