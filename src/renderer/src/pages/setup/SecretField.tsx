import { useRef, useState } from 'react';
import type { SecretName, SecretStatus } from '../../../../shared/secrets/names.ts';
import { SECRET_LABELS } from '../../../../shared/secrets/names.ts';
import { secretValueProblem } from '../../../../shared/settings/field-rules.ts';
import type { UiError } from '../../bridge/ui-error.ts';
import { toUiError } from '../../bridge/ui-error.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { maskedSecret } from '../../lib/format.ts';
import { selectedProfile, useProfilesStore } from '../../stores/useProfilesStore.ts';
import { useSecretsStore } from '../../stores/useSecretsStore.ts';
import { Ago } from '../../components/Moment.tsx';

const ENV_NAMES: Partial<Record<SecretName, string>> = { leverApiKey: 'REQBRIDGE_LEVER_KEY', charthopToken: 'REQBRIDGE_CHARTHOP_TOKEN' };

/** What clearing a secret stops, and where the value itself still lives (clearing never revokes it at the vendor). */
const CLEAR_CONSEQUENCES: Record<SecretName, string> = {
  leverApiKey:
    'Sync now, Reconcile… and the daily run stop until you paste a new one. The key stays in Lever: to revoke it, delete it there (Settings → Integrations and API).',
  charthopToken:
    'Sync now, Reconcile… and the daily run stop until you paste a new one. The token stays valid in ChartHop: to revoke it, remove it there (Settings → Apps).',
  leverWebhookSignatureToken:
    'Lever’s new-hire deliveries are refused, and the daily hire catch-up is skipped, until you paste it again. The token stays on the webhook in Lever.',
  ngrokAuthtoken:
    'The ngrok tunnel cannot start until you paste a new one, so Lever cannot reach the webhook. The authtoken stays valid in your ngrok account.',
};

/** A write-only secret: paste, Save or Clear (after saying what clearing stops); only its status (set, last 4, source, times) is shown. */
export function SecretField({ name, status, hint }: { name: SecretName; status: SecretStatus | undefined; hint: string }) {
  const save = useSecretsStore((s) => s.save);
  const clear = useSecretsStore((s) => s.clear);
  const profileName = useProfilesStore((s) => selectedProfile(s.view)?.name ?? 'this profile');
  const [confirming, setConfirming] = useState(false);
  // Uncontrolled on purpose: the pasted value never lands in React state or a DOM attribute.
  const inputRef = useRef<HTMLInputElement>(null);
  const [hasValue, setHasValue] = useState(false);
  // Only the sentence is kept (never the value): a paste longer than any key is refused beside the field.
  const [tooLong, setTooLong] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const id = `secret-${name}`;
  const fromEnvironment = status?.source === 'environment' || status?.source === 'sandbox';

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (thrown) {
      setError(toUiError(thrown));
    } finally {
      setBusy(false);
    }
  }

  function submit() {
    const input = inputRef.current;
    const value = input?.value.trim() ?? '';
    if (!input || !value || secretValueProblem(value)) return;
    void run(async () => {
      await save(name, value);
      input.value = '';
      setHasValue(false);
    });
  }

  return (
    <>
      <form
        className="secret"
        data-testid={id}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="secret-head">
          <label htmlFor={id} className="secret-label">
            {SECRET_LABELS[name]}
          </label>
          <SecretStatusLine status={status} />
        </div>
        <p className="field-hint">{hint}</p>
        <div className="secret-row">
          <input
            ref={inputRef}
            id={id}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={status?.set ? 'Paste a new value to replace it' : 'Paste it here'}
            disabled={busy}
            aria-invalid={tooLong ? true : undefined}
            aria-describedby={tooLong ? `${id}-problem` : undefined}
            onInput={(event) => {
              const value = event.currentTarget.value.trim();
              setHasValue(value.length > 0);
              setTooLong(value ? secretValueProblem(value) : null);
            }}
          />
          <button type="submit" className="button button-primary" disabled={!hasValue || tooLong !== null || busy}>
            Save
          </button>
          <button type="button" className="button" disabled={!status?.set || fromEnvironment || busy} onClick={() => setConfirming(true)}>
            Clear
          </button>
        </div>
        {tooLong && (
          <p className="field-problem" id={`${id}-problem`} data-testid={`${name}-field-problem`}>
            {tooLong}
          </p>
        )}
        {status?.source === 'environment' && (
          <p className="field-hint">
            This value comes from the {ENV_NAMES[name] ?? 'environment'} environment variable; unset it there to use the keychain.
          </p>
        )}
        {status?.source === 'sandbox' && (
          <p className="field-hint">The embedded Sandbox provides this value to match its fake servers; a value saved here is not used.</p>
        )}
        {status?.problem && (
          <p className="note note-warn" data-testid={`${name}-problem`}>
            {status.problem}
          </p>
        )}
        <ErrorNote error={error} onDismiss={() => setError(null)} />
      </form>
      {/* Outside the form, so the form's own label lookups find only its input. */}
      <ConfirmDialog
        open={confirming}
        title={`Remove the ${SECRET_LABELS[name]} of ${profileName}?`}
        confirmLabel={`Remove the ${SECRET_LABELS[name]}`}
        danger
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void run(() => clear(name));
        }}
      >
        <p>ReqBridge deletes it from this computer’s keychain. {CLEAR_CONSEQUENCES[name]}</p>
      </ConfirmDialog>
    </>
  );
}

/** "Set · •••• abcd · keychain · saved 2 minutes ago · not verified yet", or "Not set". */
function SecretStatusLine({ status }: { status: SecretStatus | undefined }) {
  if (!status) return <span className="secret-status">Checking…</span>;
  if (!status.set)
    return (
      <span className="secret-status secret-unset" data-testid={`${status.name}-status`}>
        Not set
      </span>
    );
  return (
    <span className="secret-status secret-set" data-testid={`${status.name}-status`}>
      <span className="chip chip-done">Set</span>
      <code className="secret-mask">{maskedSecret(status.last4)}</code>
      <span>
        {status.source === 'environment'
          ? 'from the environment'
          : status.source === 'sandbox'
            ? 'provided by the embedded sandbox'
            : 'in the keychain'}
      </span>
      {status.updatedAt && (
        <span>
          saved <Ago iso={status.updatedAt} />
        </span>
      )}
      <span>
        {status.verifiedAt ? (
          <>
            verified <Ago iso={status.verifiedAt} />
          </>
        ) : (
          'not verified yet'
        )}
      </span>
    </span>
  );
}
