import { directionAdvice, directionOf } from '../../../../shared/settings/options.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { doctorStep } from '../../lib/doctor-summary.ts';
import { webhookStep } from '../../lib/hire-format.ts';
import { useDoctorStore } from '../../stores/useDoctorStore.ts';
import { useWebhookStore } from '../../stores/useWebhookStore.ts';
import { directionReady, orgReady, secretsReady } from '../../lib/attention.ts';
import { connectionGaps } from '../../lib/setup-gaps.ts';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { useRouteStore } from '../../stores/useRouteStore.ts';
import { useSecretsStore } from '../../stores/useSecretsStore.ts';
import { useSettingsStore } from '../../stores/useSettingsStore.ts';
import { ConnectionForm } from './ConnectionForm.tsx';
import { MappingsEditor } from './MappingsEditor.tsx';
import { SecretField } from './SecretField.tsx';
import { Step } from './Step.tsx';
import { StepApiKey } from './StepApiKey.tsx';
import { StepCheckConnection } from './StepCheckConnection.tsx';
import { ApiShapes } from './ApiShapes.tsx';
import { StepNewHires } from './StepNewHires.tsx';
import { listAnd } from '../../lib/wording.ts';

/** Setup: a vertical stepper that mirrors the vendor guide, each step done or needing attention. */
export function SetupPage() {
  const profile = useProfilesStore((s) => selectedProfile(s.view));
  const settings = useSettingsStore((s) => s.saved);
  const loadError = useSettingsStore((s) => s.loadError);
  const statuses = useSecretsStore((s) => s.statuses);
  const secretsError = useSecretsStore((s) => s.loadError);
  const navigate = useRouteStore((s) => s.navigate);
  const report = useDoctorStore((s) => (settings ? s.reports[settings.id] : undefined));
  const webhook = useWebhookStore((s) => s.status);

  if (loadError)
    return (
      <div className="page">
        <ErrorNote error={loadError} />
      </div>
    );
  if (!settings)
    return (
      <div className="page">
        <p className="loading">Loading the setup…</p>
      </div>
    );

  const keySet = statuses.leverApiKey?.set === true;
  const connected = secretsReady(statuses) && orgReady(settings);
  const flowReady = directionReady(settings);
  const direction = directionOf(settings.sourceOfTruth);
  const notConnected = connectionGaps(settings, statuses);
  const doctor = doctorStep(report);
  const hires = webhookStep(webhook, settings.kind === 'sandbox');
  const missing = directionAdvice(settings.sourceOfTruth, settings.options).filter((a) => a.kind === 'required' && !a.met);

  return (
    <div className="page">
      <p className="page-intro">
        Set up <strong>{profile?.name}</strong> in the order of ChartHop’s Lever Requisitions guide. Each step says whether it is done.
      </p>
      <ol className="stepper">
        <Step
          number={1}
          title="Create the Lever API key"
          state={keySet ? 'done' : 'attention'}
          stateLabel={keySet ? 'Done — key saved' : 'Needs attention'}
        >
          <StepApiKey />
        </Step>

        <Step number={2} title="Connect" state={connected ? 'done' : 'attention'}>
          {notConnected.length > 0 && <p className="note note-warn">Still missing: {listAnd(notConnected)}.</p>}
          <ConnectionForm key={settings.id} settings={settings} />
          <section className="subsection" aria-labelledby="secrets-title">
            <h3 id="secrets-title" className="subsection-title">
              Keys
            </h3>
            <p className="field-hint">
              Stored in this computer’s keychain, never in the settings file or an export. After saving, ReqBridge shows only the last four
              characters.
            </p>
            <ErrorNote error={secretsError} />
            <SecretField
              name="leverApiKey"
              status={statuses.leverApiKey}
              hint="The key from step 1 (Lever → Settings → Integrations and API → API Credentials)."
            />
            <SecretField
              name="charthopToken"
              status={statuses.charthopToken}
              hint="The API token of the app installed in ChartHop (Settings → Apps), used as a Bearer token."
            />
          </section>
        </Step>

        <Step number={3} title="Check connection" state={doctor.state} stateLabel={doctor.label}>
          <StepCheckConnection profileId={settings.id} />
          <ApiShapes key={settings.id} profileId={settings.id} />
        </Step>

        <Step number={4} title="Requisition data flow" state={flowReady ? 'done' : 'attention'}>
          <p>
            Source of truth: <strong>{settings.sourceOfTruth === 'charthop' ? 'ChartHop' : 'Lever'}</strong> —{' '}
            {direction === 'outbound'
              ? 'an outbound flow: ChartHop open jobs become Lever requisitions.'
              : 'an inbound flow: Lever requisitions become ChartHop open jobs.'}
          </p>
          {missing.length > 0 && (
            <p className="note note-warn">
              This direction requires {listAnd(missing.map((a) => a.label))}, which {missing.length === 1 ? 'is' : 'are'} off. Turn it on in
              Options.
            </p>
          )}
          <button type="button" className="button" onClick={() => navigate('options')}>
            Open Options
          </button>
          <MappingsEditor key={settings.id} settings={settings} />
        </Step>

        <Step number={5} title="New-hire data flow" state={hires.state} stateLabel={hires.label}>
          <StepNewHires settings={settings} />
        </Step>
      </ol>
    </div>
  );
}
