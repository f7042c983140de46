import type { ReactNode } from 'react';
import { OPTION_INFO, OPTION_KEYS, directionAdvice, directionOf } from '../../../shared/settings/options.ts';
import { leverBaseUrl } from '../../../shared/settings/schema.ts';
import { SECRET_LABELS } from '../../../shared/secrets/names.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { CONNECTION_SECRETS } from '../lib/attention.ts';
import { maskedSecret } from '../lib/format.ts';
import type { Route } from '../lib/routes.ts';
import { selectedProfile, useProfilesStore } from '../stores/useProfilesStore.ts';
import { useRouteStore } from '../stores/useRouteStore.ts';
import { useSecretsStore } from '../stores/useSecretsStore.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';

/** One term and its description in the profile card. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface AttentionItem {
  text: string;
  action: string;
  route: Route;
}

/** Home: the current profile at a glance — connection, direction, options, keys — and what needs doing. */
export function HomePage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const settings = useSettingsStore((s) => s.saved);
  const loadError = useSettingsStore((s) => s.loadError);
  const statuses = useSecretsStore((s) => s.statuses);
  const navigate = useRouteStore((s) => s.navigate);

  if (loadError) return <div className="page"><ErrorNote error={loadError} /></div>;
  if (!settings || !profile) return <div className="page"><p className="loading">Loading the profile…</p></div>;

  const direction = directionOf(settings.sourceOfTruth);
  const optionsOn = OPTION_KEYS.filter((key) => settings.options[key]).map((key) => OPTION_INFO[key].label);
  const attention: AttentionItem[] = [];
  for (const name of CONNECTION_SECRETS) {
    if (statuses[name] && !statuses[name].set) attention.push({ text: `The ${SECRET_LABELS[name]} is not set.`, action: 'Paste it in Setup', route: 'setup' });
  }
  if (!settings.charthop.org.trim()) attention.push({ text: 'No ChartHop org is named.', action: 'Enter it in Setup', route: 'setup' });
  for (const advice of directionAdvice(settings.sourceOfTruth, settings.options)) {
    if (advice.kind === 'required' && !advice.met) attention.push({ text: `${advice.label} is required for the ${direction} flow and is off.`, action: 'Turn it on in Options', route: 'options' });
  }

  return (
    <div className="page">
      <article className="card profile-card" aria-labelledby="home-profile-title">
        <header className="card-header">
          <h2 id="home-profile-title" className="card-title">{profile.name}</h2>
          <EnvironmentBadge environment={profile.environment} />
        </header>
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
          <Fact term="Last run">None yet</Fact>
          <Fact term="Next run">
            {settings.options.runDaily ? `Daily at ${settings.dailyRunTime}, once the scheduler arrives with the sync engine` : 'No daily run: Run Daily is off'}
          </Fact>
          <Fact term="New-hire webhook">Arrives with the webhook listener</Fact>
        </dl>
        {attention.length > 0 ? (
          <section className="attention" aria-labelledby="attention-title">
            <h3 id="attention-title" className="subsection-title">Needs attention</h3>
            <ul className="attention-list">
              {attention.map((item) => (
                <li key={item.text}>
                  <span>{item.text}</span>
                  <button type="button" className="link-button" onClick={() => navigate(item.route)}>{item.action}</button>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          <p className="advice-ok">Setup is complete for this profile.</p>
        )}
      </article>
      <EmptyState title="No runs yet">
        <p>
          Runs will be charted here — records written and failures for each of the last 14 — once the sync engine arrives and you press
          Sync now or Run Daily runs. {profile.kind === 'sandbox' ? 'The Sandbox profile is the place to try it first.' : 'Try it on the Sandbox profile first.'}
        </p>
      </EmptyState>
    </div>
  );
}
