import { useState } from 'react';
import type { ProfileSettings } from '../../../../shared/settings/schema.ts';
import { CHARTHOP_DEFAULT_BASE_URL, LEVER_BASE_URLS } from '../../../../shared/settings/schema.ts';
import { charthopBaseUrlProblem, charthopOrgProblem, leverBaseUrlProblem, URL_EXAMPLES } from '../../../../shared/settings/field-rules.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FieldProblem, focusFirstProblem, problemProps } from '../../components/FieldProblem.tsx';
import { useSettingsSave } from '../../lib/use-settings-save.ts';
import { useUnsavedForm } from '../../stores/useUnsavedStore.ts';
import { useSecretsStore } from '../../stores/useSecretsStore.ts';
import { changedVendorHosts, hostChangeMessage } from '../../../../shared/settings/url-policy.ts';

type LeverEnvironment = ProfileSettings['lever']['environment'];

const ENVIRONMENTS: ReadonlyArray<{ value: LeverEnvironment; label: string; url: string }> = [
  { value: 'production', label: 'Production', url: LEVER_BASE_URLS.production },
  { value: 'sandbox', label: 'Lever sandbox', url: LEVER_BASE_URLS.sandbox },
  { value: 'eu', label: 'EU', url: LEVER_BASE_URLS.eu },
  { value: 'custom', label: 'Custom URL', url: '' },
];

/** Step 2's connection part: Lever environment, ChartHop base URL and org, saved through `settings:update`. */
export function ConnectionForm({ settings }: { settings: ProfileSettings }) {
  const [environment, setEnvironment] = useState<LeverEnvironment>(settings.lever.environment);
  const [customUrl, setCustomUrl] = useState(settings.lever.environment === 'custom' ? settings.lever.baseUrl : '');
  const [baseUrl, setBaseUrl] = useState(settings.charthop.baseUrl);
  const [org, setOrg] = useState(settings.charthop.org);
  const [checked, setChecked] = useState(false);
  // The sentence saying which keys the last save removed (shown until the next edit).
  const [removedNote, setRemovedNote] = useState<string | null>(null);
  const { busy, error, saved: savedNote, save: saveSettings, edited } = useSettingsSave();
  const readOnly = settings.kind === 'sandbox';

  const current = {
    environment: settings.lever.environment,
    customUrl: settings.lever.environment === 'custom' ? settings.lever.baseUrl : '',
    baseUrl: settings.charthop.baseUrl,
    org: settings.charthop.org,
  };
  const dirty =
    environment !== current.environment ||
    (environment === 'custom' && customUrl !== current.customUrl) ||
    baseUrl !== current.baseUrl ||
    org !== current.org;
  useUnsavedForm('setup-connection', 'the connection settings in Setup', dirty && !readOnly);
  const statuses = useSecretsStore((s) => s.statuses);
  const stored = (name: keyof typeof statuses) => statuses[name]?.set === true && statuses[name]?.source === 'keychain';
  // Keys never follow a profile to a new API host: say so before the save removes them.
  const moved = changedVendorHosts(settings, {
    lever: environment === 'custom' ? { environment, baseUrl: customUrl } : { environment },
    charthop: { baseUrl },
  });
  const losing = {
    lever: moved.lever && (stored('leverApiKey') || stored('leverWebhookSignatureToken')),
    charthop: moved.charthop && stored('charthopToken'),
  };
  const hostWarning = readOnly || !dirty ? null : hostChangeMessage(losing, 'before');

  // Checked with the rules main saves with, shown beside each field once Save was pressed, then as typed.
  const problems = {
    customUrl: environment === 'custom' ? leverBaseUrlProblem(customUrl) : null,
    baseUrl: charthopBaseUrlProblem(baseUrl),
    org: charthopOrgProblem(org),
  };
  const shown = (field: keyof typeof problems): string | null => (checked ? problems[field] : null);

  async function save() {
    setChecked(true);
    if (
      focusFirstProblem([
        ['lever-custom-url', problems.customUrl],
        ['charthop-base-url', problems.baseUrl],
        ['charthop-org', problems.org],
      ])
    )
      return;
    const lever = environment === 'custom' ? ({ environment, baseUrl: customUrl.trim() } as const) : { environment };
    const removing = hostWarning ? hostChangeMessage(losing, 'after') : null;
    await saveSettings({ lever, charthop: { baseUrl: baseUrl.trim(), org: org.trim() } });
    setRemovedNote(removing);
  }

  const edit =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      edited();
      setRemovedNote(null);
    };

  return (
    <form
      className="subsection"
      aria-labelledby="connection-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id="connection-title" className="subsection-title">
        Where the two systems are
      </h3>
      {readOnly && (
        <p className="note note-info">
          The Sandbox profile talks to ReqBridge’s built-in fake Lever and ChartHop, so its addresses are fixed. Create a client profile
          (Profiles) to connect to real systems.
        </p>
      )}
      <fieldset className="radio-row" disabled={readOnly}>
        <legend>Lever environment</legend>
        {ENVIRONMENTS.map((option) => (
          <label key={option.value} className="radio-pill">
            <input
              type="radio"
              name="lever-environment"
              value={option.value}
              checked={environment === option.value}
              onChange={() => edit(setEnvironment)(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </fieldset>
      {environment === 'custom' ? (
        <div className="field">
          <label htmlFor="lever-custom-url">Lever API base URL</label>
          <input
            id="lever-custom-url"
            className="input"
            type="url"
            value={customUrl}
            placeholder={URL_EXAMPLES.lever}
            disabled={readOnly}
            {...problemProps('lever-custom-url', shown('customUrl'))}
            onChange={(event) => edit(setCustomUrl)(event.target.value)}
          />
          <FieldProblem id="lever-custom-url" problem={shown('customUrl')} />
        </div>
      ) : (
        <p className="field-hint">
          API address: <code>{ENVIRONMENTS.find((option) => option.value === environment)?.url}</code>
        </p>
      )}
      <div className="field-pair">
        <div className="field">
          <label htmlFor="charthop-base-url">ChartHop base URL</label>
          <input
            id="charthop-base-url"
            className="input"
            type="url"
            value={baseUrl}
            placeholder={CHARTHOP_DEFAULT_BASE_URL}
            disabled={readOnly}
            {...problemProps('charthop-base-url', shown('baseUrl'))}
            onChange={(event) => edit(setBaseUrl)(event.target.value)}
          />
          <FieldProblem id="charthop-base-url" problem={shown('baseUrl')} />
        </div>
        <div className="field">
          <label htmlFor="charthop-org">ChartHop org (id or slug)</label>
          <input
            id="charthop-org"
            className="input"
            value={org}
            placeholder="acme"
            disabled={readOnly}
            {...problemProps('charthop-org', shown('org'), 'charthop-org-hint')}
            onChange={(event) => edit(setOrg)(event.target.value)}
          />
          <p className="field-hint" id="charthop-org-hint">
            The slug is the part after app.charthop.com/ in the client’s ChartHop address.
          </p>
          <FieldProblem id="charthop-org" problem={shown('org')} />
        </div>
      </div>
      {hostWarning && (
        <p className="note note-warn" data-testid="host-change-warning">
          {hostWarning}
        </p>
      )}
      {savedNote && removedNote && (
        <p className="note note-warn" role="status" data-testid="host-change-done">
          {removedNote}
        </p>
      )}
      <ErrorNote error={error} />
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!dirty || busy}>
            Save connection
          </button>
          <span className="form-state" role="status">
            {dirty ? 'Unsaved changes' : savedNote ? 'Saved' : ''}
          </span>
        </div>
      )}
    </form>
  );
}
