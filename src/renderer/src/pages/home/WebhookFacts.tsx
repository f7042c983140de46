import type { WebhookStatus } from '../../../../shared/api/hires-views.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { tunnelSentence, tunnelTone, webhookAddress } from '../../lib/hire-format.ts';
import { Fact } from './Fact.tsx';
import { Ago } from '../../components/Moment.tsx';

function When({ iso, none }: { iso: string | null; none: string }) {
  return iso ? <Ago iso={iso} /> : <span className="text-muted">{none}</span>;
}

/** A card's new-hire webhook: tunnel state, whether Lever has an address, last delivery and last verification. */
export function WebhookFacts({
  webhook,
  error,
  sandbox,
  titleId,
}: {
  webhook: WebhookStatus | null;
  error: UiError | undefined;
  sandbox: boolean;
  titleId: string;
}) {
  return (
    <section className="card-section" aria-labelledby={titleId} data-testid="home-webhook">
      <h3 id={titleId} className="card-section-title">
        New-hire webhook
      </h3>
      {!webhook ? (
        <p className={error ? 'text-warn' : 'loading'}>{error ? error.message : 'Checking the webhook…'}</p>
      ) : (
        <dl className="facts">
          <Fact term="Tunnel" testId="home-webhook-tunnel">
            <span className={`dot dot-tone-${tunnelTone(webhook.tunnel, sandbox)}`} aria-hidden="true" />{' '}
            {tunnelSentence(webhook.tunnel, sandbox)}
          </Fact>
          <Fact term="Address">
            {webhookAddress(webhook, sandbox) ? 'Ready for Lever' : <span className="text-warn">No public URL yet</span>}
          </Fact>
          <Fact term="Last delivery" testId="home-webhook-last-delivery">
            <When iso={webhook.lastDeliveryAt} none="None yet" />
          </Fact>
          <Fact term="Last verification">
            <When iso={webhook.lastVerificationAt} none="Not yet" />
          </Fact>
        </dl>
      )}
    </section>
  );
}
