import { useState } from 'react';
import type { ProfileSummary } from '../../../../shared/api/views.ts';
import { UiError, toUiError } from '../../bridge/ui-error.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { openProfilePage, selectProfile } from '../../lib/app-actions.ts';
import { reservedProfileNameProblem } from '../../../../shared/settings/schema.ts';
import { downloadText, freeName } from '../../lib/download.ts';
import { useProfilesStore } from '../../stores/useProfilesStore.ts';
import { CreateProfileForm } from './CreateProfileForm.tsx';
import { ImportProfileButton, foreignHostsInFile } from './ImportProfileButton.tsx';
import type { ForeignHost } from '../../../../shared/settings/url-policy.ts';
import type { ProfileRowActions } from './ProfileRow.tsx';
import { ProfileRow } from './ProfileRow.tsx';
import { ThisComputer } from './ThisComputer.tsx';

/** Profiles: one per client; create, rename, duplicate, delete, export and import, switch. */
export function ProfilesPage() {
  const view = useProfilesStore((s) => s.view);
  const store = useProfilesStore.getState();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState('');
  const [deleting, setDeleting] = useState<ProfileSummary | null>(null);
  const [importing, setImporting] = useState<{ json: string; name: string | undefined; hosts: ForeignHost[] } | null>(null);

  if (!view)
    return (
      <div className="page">
        <p className="loading">Loading the profiles…</p>
      </div>
    );
  const names = view.profiles.map((profile) => profile.name);

  async function run(action: () => Promise<string>): Promise<boolean> {
    setBusy(true);
    try {
      setNotice(await action());
      setError(null);
      return true;
    } catch (thrown) {
      setError(toUiError(thrown));
      setNotice('');
      return false;
    } finally {
      setBusy(false);
    }
  }

  const actions: ProfileRowActions = {
    onSelect: (profile) =>
      void run(async () => {
        const outcome = await selectProfile(profile.id, { rethrow: true });
        return outcome === 'selected' ? `Now using “${profile.name}”.` : '';
      }),
    onRename: (profile, name) =>
      run(async () => {
        const renamed = await store.rename(profile.id, name);
        return `Renamed “${profile.name}” to “${renamed.name}”.`;
      }),
    onDuplicate: (profile) =>
      void run(async () => {
        const copy = await store.create(freeName(`${profile.name} copy`, names, 'copy'), profile.id);
        return `Created “${copy.name}” with the settings of “${profile.name}”. Keys are not copied: paste them in Setup after switching to it.`;
      }),
    onExport: (profile) =>
      void run(async () => {
        const file = await store.exportProfile(profile.id);
        downloadText(file.fileName, file.json);
        return `Exported “${profile.name}” to ${file.fileName}. The file holds settings only, never keys.`;
      }),
    onDelete: (profile) => setDeleting(profile),
  };

  /** A new profile is for setting up: it becomes the current one and Setup opens (the Sandbox's name is refused first). */
  async function createAndSetUp(name: string): Promise<boolean> {
    const reserved = reservedProfileNameProblem(name);
    if (reserved) {
      setError(new UiError({ code: 'profiles.name_reserved', message: reserved }));
      setNotice('');
      return false;
    }
    const made: { profile?: ProfileSummary } = {};
    const ok = await run(async () => {
      made.profile = await store.create(freeName(name, names, 'new'));
      return `Created “${made.profile.name}”.`;
    });
    if (made.profile) await openProfilePage(made.profile.id, 'setup');
    return ok;
  }

  function importFile(json: string, name: string | undefined, allowHosts: string[] = []): Promise<boolean> {
    return run(async () => {
      const imported = await store.importProfile(json, name ? freeName(name, names, 'imported') : undefined, allowHosts);
      return `Imported “${imported.name}” as a new profile. Keys are never in an export: paste them in Setup after switching to it.`;
    });
  }

  async function startImport(json: string, name: string | undefined): Promise<boolean> {
    const hosts = foreignHostsInFile(json);
    // A file naming other hosts could send this client's keys or deliveries elsewhere: ask first.
    if (hosts.length > 0) {
      setImporting({ json, name, hosts });
      return true;
    }
    return importFile(json, name);
  }

  async function confirmImport() {
    if (!importing) return;
    const ok = await importFile(importing.json, importing.name, [...new Set(importing.hosts.map((h) => h.host))]);
    if (ok) setImporting(null);
  }

  async function confirmDelete() {
    const profile = deleting;
    if (!profile) return;
    const ok = await run(async () => {
      await store.remove(profile.id);
      return `Deleted “${profile.name}”.`;
    });
    if (ok) setDeleting(null);
  }

  return (
    <div className="page">
      <p className="page-intro">
        One profile per client. Each keeps its own connection, options, keys and run history. The Sandbox is built in for rehearsals.
      </p>
      <div className="profiles-toolbar">
        <CreateProfileForm busy={busy} onCreate={createAndSetUp} />
        <ImportProfileButton
          busy={busy}
          onImport={startImport}
          onInvalid={(message) => setError(new UiError({ code: 'profiles.import_unreadable', message }))}
        />
      </div>
      <p className="notice" role="status" data-testid="profiles-notice">
        {notice}
      </p>
      {!deleting && !importing && <ErrorNote error={error} onDismiss={() => setError(null)} />}
      <ul className="profile-list" aria-label="Profiles">
        {view.profiles.map((profile) => (
          <ProfileRow key={profile.id} profile={profile} selected={profile.id === view.selectedId} busy={busy} actions={actions} />
        ))}
      </ul>
      <ThisComputer />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete profile"
        danger
        busy={busy}
        onCancel={() => {
          setDeleting(null);
          setError(null);
        }}
        onConfirm={() => void confirmDelete()}
      >
        <p>
          This removes the profile’s settings from this computer, and its secrets and run history go too: the Lever key and ChartHop token
          saved in the keychain for it, and its sync database. It cannot be undone.
        </p>
        <p>To keep the configuration, cancel and Export it first (exports hold no keys).</p>
        {deleting && <ErrorNote error={error} />}
      </ConfirmDialog>
      <ConfirmDialog
        open={importing !== null}
        title="Import a profile that points at other hosts?"
        confirmLabel="Import with these hosts"
        busy={busy}
        onCancel={() => {
          setImporting(null);
          setError(null);
        }}
        onConfirm={() => void confirmImport()}
      >
        <p>
          This file sends requests to hosts that are not Lever’s or ChartHop’s own. Keys you enter for this profile, or Lever’s new-hire
          deliveries, would go there:
        </p>
        <ul data-testid="import-hosts">
          {importing?.hosts.map((h) => (
            <li key={h.field}>
              <code>{h.host}</code> ({h.field})
            </li>
          ))}
        </ul>
        <p>Import it only if you know and trust each of them (for example the client’s own proxy); otherwise cancel.</p>
        {importing && <ErrorNote error={error} />}
      </ConfirmDialog>
    </div>
  );
}
