import type { ReactNode } from 'react';
import type { ScheduleStatus } from '../../../../shared/api/domains/schedule.ts';
import type { WebhookStatus } from '../../../../shared/api/hires-views.ts';
import type { RunSummary } from '../../../../shared/api/sync-views.ts';
import type { SecretName, SecretStatus } from '../../../../shared/secrets/names.ts';
import { SECRET_LABELS } from '../../../../shared/secrets/names.ts';
import { OPTION_INFO, OPTION_KEYS, directionOf } from '../../../../shared/settings/options.ts';
import type { ProfileSettings } from '../../../../shared/settings/schema.ts';
import { leverBaseUrl } from '../../../../shared/settings/schema.ts';
import { StatusPill } from '../../components/StatusPill.tsx';
import { CONNECTION_SECRETS } from '../../lib/attention.ts';
import { fullTime, maskedSecret, timeAgo } from '../../lib/format.ts';
import { tunnelSentence, webhookAddress } from '../../lib/hire-format.ts';
import { nextRunText } from '../../lib/next-run.ts';
import { countsSentence } from '../../lib/run-format.ts';

/** One term and its description in the profile card. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Props of the profile card's facts. */
export interface ProfileFactsProps {
  settings: ProfileSettings;
  statuses: Partial<Record<SecretName, SecretStatus>>;
  lastRun: RunSummary | null;
  webhook: WebhookStatus | null;
  /** Why the webhook status could not be read, when it could not. */
  webhookError: string | null;
  schedule: ScheduleStatus | null;
}

/** The profile card's facts: where the systems are, direction, options, keys, last and next run, webhook. */
export function ProfileFacts({ settings, statuses, lastRun, webhook, webhookError, schedule }: ProfileFactsProps) {
  const direction = directionOf(settings.sourceOfTruth);
  const optionsOn = OPTION_KEYS.filter((key) => settings.options[key]).map((key) => OPTION_INFO[key].label);
  const address = webhook ? webhookAddress(webhook, settings.kind === 'sandbox') : null;
  return (
    <dl className="facts">
      <Fact term="Lever"><code>{leverBaseUrl(settings)}</code></Fact>
      <Fact term="ChartHop">
        <code>{settings.charthop.baseUrl}</code> · org {settings.charthop.org ? <strong>{settings.charthop.org}</strong> : <em>not set</em>}
      </Fact>
      <Fact term="Direction">
        {direction === 'outbound' ? 'Outbound — ChartHop is the source of truth; open jobs flow to Lever.' : 'Inbound — Lever is the source of truth; requisitions flow to ChartHop.'}
      </Fact>
      <Fact term="Options on">{optionsOn.length ? optionsOn.join(', ') : 'None'}</Fact>
      {CONNECTION_SECRETS.map((name) => (
        <Fact key={name} term={SECRET_LABELS[name]}>
          {!statuses[name] ? 'Checking…' : statuses[name].set ? <code>{maskedSecret(statuses[name].last4)}</code> : <span className="text-warn">Not set</span>}
        </Fact>
      ))}
      <Fact term="Last run">
        {lastRun ? (
          <span data-testid="home-last-run">
            <StatusPill status={lastRun.status} /> <span title={fullTime(lastRun.startedAt)}>{timeAgo(lastRun.startedAt)}</span> — {countsSentence(lastRun.counts)}
          </span>
        ) : (
          'None yet'
        )}
      </Fact>
      <Fact term="Next run">
        {nextRunText(settings, schedule)}
      </Fact>
      <Fact term="New-hire webhook">
        {!webhook ? (
          webhookError ?? 'Checking…'
        ) : (
          <>
            {address ? 'Ready for Lever' : 'No public URL yet'} · {tunnelSentence(webhook.tunnel, settings.kind === 'sandbox')}{' '}
            {webhook.lastDeliveryAt ? <>Last delivery <span title={fullTime(webhook.lastDeliveryAt)}>{timeAgo(webhook.lastDeliveryAt)}</span>.</> : 'No delivery yet.'}
          </>
        )}
      </Fact>
    </dl>
  );
}
