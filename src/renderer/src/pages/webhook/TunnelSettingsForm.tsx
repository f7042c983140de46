import { useState } from 'react';
import type { ProfileSettings } from '../../../../shared/settings/schema.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PROVIDER_LABELS } from '../../lib/hire-format.ts';
import { useSettingsSave } from '../../lib/use-settings-save.ts';
import { useUnsavedForm } from '../../stores/useUnsavedStore.ts';
import { URL_EXAMPLES, localtunnelHostProblem, publicUrlProblem } from '../../../../shared/settings/field-rules.ts';
import { FieldProblem, focusFirstProblem, problemProps } from '../../components/FieldProblem.tsx';
import { LocaltunnelWarning } from './LocaltunnelWarning.tsx';

type WebhookSettings = ProfileSettings['webhook'];
type Provider = WebhookSettings['tunnel'];

const PROVIDERS: ReadonlyArray<{ value: Provider; text: string }> = [
  { value: 'none', text: 'Only this computer can reach the webhook (enough for the Sandbox).' },
  {
    value: 'ngrok',
    text: 'Recommended. An ngrok tunnel, encrypted all the way to this computer; needs an ngrok authtoken (kept in the keychain).',
  },
  {
    value: 'localtunnel',
    text: 'Not recommended for a client’s data: the hop from the localtunnel server to this computer is unencrypted.',
  },
  {
    value: 'public-url',
    text: 'Recommended when the client has one. Their own HTTPS address (a reverse proxy) that forwards to ReqBridge.',
  },
];

/** Which tunnel carries Lever's deliveries to this computer, saved in the profile's `webhook` settings. */
export function TunnelSettingsForm({ settings }: { settings: WebhookSettings }) {
  const [draft, setDraft] = useState<WebhookSettings>(settings);
  // Checked with the rules main saves with, beside each field once Save was pressed, then as typed.
  const [checked, setChecked] = useState(false);
  const { busy, error, saved, save: saveSettings, edited, dismissError } = useSettingsSave();
  // Follow saved changes (ours or another window's) unless the consultant is mid-edit.
  const incoming = JSON.stringify(settings);
  const [basis, setBasis] = useState(incoming);
  const dirty = JSON.stringify(draft) !== basis;
  useUnsavedForm('webhook-tunnel', 'the tunnel settings in Setup', dirty);
  if (incoming !== basis) {
    setBasis(incoming);
    if (!dirty || JSON.stringify(draft) === incoming) setDraft(settings);
  }
  const edit = (patch: Partial<WebhookSettings>) => {
    setDraft({ ...draft, ...patch });
    edited();
  };
  const problems = {
    publicUrl: draft.tunnel === 'public-url' ? publicUrlProblem(draft.publicUrl) : null,
    localtunnelHost: draft.tunnel === 'localtunnel' ? localtunnelHostProblem(draft.localtunnelHost) : null,
  };
  const shown = (field: keyof typeof problems): string | null => (checked ? problems[field] : null);

  async function save() {
    setChecked(true);
    if (
      focusFirstProblem([
        ['lt-host', problems.localtunnelHost],
        ['public-url', problems.publicUrl],
      ])
    )
      return;
    await saveSettings({ webhook: { ...draft, publicUrl: draft.publicUrl.trim(), localtunnelHost: draft.localtunnelHost.trim() } });
  }

  return (
    <form
      className="subsection"
      aria-labelledby="tunnel-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 id="tunnel-title" className="subsection-title">
        How Lever reaches this computer
      </h3>
      <p className="field-hint" data-testid="tunnel-advice">
        Use ngrok or the client’s own HTTPS address: each new-hire delivery carries a candidate’s name, contact details and salary, and with
        those two it stays encrypted from Lever to this computer. localtunnel’s client talks to its server over plain TCP, so anyone on the
        way can read the deliveries and the webhook’s secret path.
      </p>
      <fieldset className="tunnel-choices">
        <legend className="visually-hidden">Tunnel provider</legend>
        {PROVIDERS.map((provider) => (
          <label key={provider.value} className="tunnel-choice">
            <input
              type="radio"
              name="tunnel-provider"
              value={provider.value}
              checked={draft.tunnel === provider.value}
              onChange={() => edit({ tunnel: provider.value })}
            />
            <span>
              <strong>{PROVIDER_LABELS[provider.value]}</strong> <span className="field-hint">{provider.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {draft.tunnel === 'localtunnel' && <LocaltunnelWarning />}
      {draft.tunnel === 'localtunnel' && (
        <div className="field-pair">
          <div className="field">
            <label htmlFor="lt-host">localtunnel server</label>
            <input
              id="lt-host"
              className="input"
              type="url"
              placeholder={URL_EXAMPLES.localtunnel}
              value={draft.localtunnelHost}
              {...problemProps('lt-host', shown('localtunnelHost'))}
              onChange={(event) => edit({ localtunnelHost: event.target.value })}
            />
            <FieldProblem id="lt-host" problem={shown('localtunnelHost')} />
          </div>
          <div className="field">
            <label htmlFor="lt-subdomain">Subdomain (optional)</label>
            <input
              id="lt-subdomain"
              className="input"
              placeholder="acme-reqbridge"
              value={draft.localtunnelSubdomain}
              onChange={(event) => edit({ localtunnelSubdomain: event.target.value })}
            />
          </div>
        </div>
      )}
      {draft.tunnel === 'public-url' && (
        <div className="field field-inline">
          <label htmlFor="public-url">Public address</label>
          <input
            id="public-url"
            className="input"
            type="url"
            placeholder={URL_EXAMPLES.publicUrl}
            value={draft.publicUrl}
            {...problemProps('public-url', shown('publicUrl'), 'public-url-hint')}
            onChange={(event) => edit({ publicUrl: event.target.value })}
          />
          <p className="field-hint" id="public-url-hint">
            ReqBridge adds the path <code>/webhooks/lever/&lt;secret&gt;</code>; forward it to this computer’s listener.
          </p>
          <FieldProblem id="public-url" problem={shown('publicUrl')} />
        </div>
      )}
      <ErrorNote error={error} onDismiss={dismissError} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!dirty || busy}>
          Save tunnel
        </button>
        <span className="form-state" role="status">
          {dirty ? 'Unsaved changes' : saved ? 'Saved' : ''}
        </span>
      </div>
    </form>
  );
}
