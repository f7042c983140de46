import { directionAdvice, directionOf } from '../../../../shared/settings/options.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { CONNECTION_SECRETS, directionReady, orgReady, secretsReady } from '../../lib/attention.ts';
import { SECRET_LABELS } from '../../../../shared/secrets/names.ts';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';
import { useSecretsStore } from '../../stores/useSecretsStore.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import { SecretField } from './SecretField.tsx';
import { Step } from './Step.tsx';
import { StepApiKey } from './StepApiKey.tsx';

/** Setup: a vertical stepper that mirrors the vendor guide, each step done or needing attention. */
export function SetupPage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const settings = useSettingsStore((s) => s.saved);
  const loadError = useSettingsStore((s) => s.loadError);
  const statuses = useSecretsStore((s) => s.statuses);
  const secretsError = useSecretsStore((s) => s.loadError);
  const navigate = useRouteStore((s) => s.navigate);

  if (loadError) return <div className="page"><ErrorNote error={loadError} /></div>;
  if (!settings) return <div className="page"><p className="loading">Loading the setup…</p></div>;

  const keySet = statuses.leverApiKey?.set === true;
  const connected = secretsReady(statuses) && orgReady(settings);
  const flowReady = directionReady(settings);
  const direction = directionOf(settings.sourceOfTruth);
  const notConnected = [
    ...CONNECTION_SECRETS.filter((name) => statuses[name]?.set === false).map((name) => `the ${SECRET_LABELS[name]}`),
    ...(orgReady(settings) ? [] : ['the ChartHop org']),
  ];
  const missing = directionAdvice(settings.sourceOfTruth, settings.options).filter((a) => a.kind === 'required' && !a.met);

  return (
    <div className="page">
      <p className="page-intro">
        Set up <strong>{profile?.name}</strong> in the order of ChartHop’s Lever Requisitions guide. Each step says whether it is done.
      </p>
      <ol className="stepper">
        <Step number={1} title="Create the Lever API key" state={keySet ? 'done' : 'attention'} stateLabel={keySet ? 'Done — key saved' : 'Needs attention'}>
          <StepApiKey />
        </Step>

        <Step number={2} title="Connect" state={connected ? 'done' : 'attention'}>
          {notConnected.length > 0 && <p className="note note-warn">Still missing: {notConnected.join(' and ')}.</p>}
          <ConnectionForm key={settings.id} settings={settings} />
          <section className="subsection" aria-labelledby="secrets-title">
            <h3 id="secrets-title" className="subsection-title">Keys</h3>
            <p className="field-hint">Stored in this computer’s keychain, never in the settings file or an export. After saving, ReqBridge shows only the last four characters.</p>
            <ErrorNote error={secretsError} />
            <SecretField name="leverApiKey" status={statuses.leverApiKey} hint="The key from step 1 (Lever → Settings → Integrations and API → API Credentials)." />
            <SecretField name="charthopToken" status={statuses.charthopToken} hint="The API token of the app installed in ChartHop (Settings → Apps), used as a Bearer token." />
          </section>
        </Step>

        <Step number={3} title="Check connection" state="later" stateLabel="Arrives with the connection doctor">
          <p>
            The connection doctor arrives in a later release. It will call Lever and ChartHop with the keys above and list each check — key valid,
            write permissions, org found, fields present — in green, amber or red, each with its fix.
          </p>
        </Step>

        <Step number={4} title="Requisition data flow" state={flowReady ? 'done' : 'attention'}>
          <p>
            Source of truth: <strong>{settings.sourceOfTruth === 'charthop' ? 'ChartHop' : 'Lever'}</strong> —{' '}
            {direction === 'outbound' ? 'an outbound flow: ChartHop open jobs become Lever requisitions.' : 'an inbound flow: Lever requisitions become ChartHop open jobs.'}
          </p>
          {missing.length > 0 && (
            <p className="note note-warn">This direction requires {missing.map((a) => a.label).join(' and ')}, which is off. Turn it on in Options.</p>
          )}
          <button type="button" className="button" onClick={() => navigate('options')}>Open Options</button>
        </Step>

        <Step number={5} title="New-hire data flow" state="later" stateLabel="Arrives with the webhook listener">
          <p>
            The new-hire webhook arrives in a later release. ReqBridge will then show the webhook address and secret to paste into Lever
            (Settings → Integrations and API → Webhooks → Candidate Hire), take back the signature token Lever shows, and verify the connection live.
            New hires always flow from Lever into ChartHop, whichever source of truth you chose.
          </p>
        </Step>
      </ol>
    </div>
  );
}
