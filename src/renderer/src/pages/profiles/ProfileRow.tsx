import { useState } from 'react';
import type { ProfileSummary } from '../../../../shared/api/views.ts';
import { EnvironmentBadge } from '../../components/EnvironmentBadge.tsx';
import { FieldProblem, problemProps } from '../../components/FieldProblem.tsx';
import { profileNameProblem } from '../../../../shared/settings/field-rules.ts';

/** What a row can ask the Profiles page to do. */
export interface ProfileRowActions {
  onSelect: (profile: ProfileSummary) => void;
  onRename: (profile: ProfileSummary, name: string) => Promise<boolean>;
  onDuplicate: (profile: ProfileSummary) => void;
  onExport: (profile: ProfileSummary) => void;
  onDelete: (profile: ProfileSummary) => void;
}

/** One profile in the list: name, environment, and its actions (rename inline). */
export function ProfileRow({
  profile,
  selected,
  busy,
  actions,
}: {
  profile: ProfileSummary;
  selected: boolean;
  busy: boolean;
  actions: ProfileRowActions;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(profile.name);
  const builtIn = profile.kind === 'sandbox';
  const renameId = `rename-${profile.id}`;
  // Said as it is typed, with the rule main renames with.
  const problem = profileNameProblem(name);

  return (
    <li
      className={selected ? 'profile-row profile-row-selected' : 'profile-row'}
      data-testid={`profile-${profile.id}`}
      aria-label={profile.name}
    >
      <div className="profile-main">
        {editing ? (
          <form
            className="rename-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (!problem) void actions.onRename(profile, name.trim()).then((ok) => ok && setEditing(false));
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setEditing(false);
            }}
          >
            <label htmlFor={renameId} className="visually-hidden">
              New name for {profile.name}
            </label>
            <input
              id={renameId}
              className="input"
              value={name}
              autoFocus
              {...problemProps(renameId, problem)}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="button button-primary button-small" disabled={busy || problem !== null}>
              Save name
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <FieldProblem id={renameId} problem={problem} />
          </form>
        ) : (
          <>
            <span className="profile-name">{profile.name}</span>
            <EnvironmentBadge environment={profile.environment} configured={profile.configured} />
            {selected && <span className="chip chip-current">In use</span>}
          </>
        )}
      </div>
      {builtIn && <p className="profile-note">Built in: rehearse against the fake Lever and ChartHop. It cannot be renamed or deleted.</p>}
      <div className="profile-actions">
        {!selected && (
          <button type="button" className="button button-small" disabled={busy} onClick={() => actions.onSelect(profile)}>
            Use this profile
          </button>
        )}
        {!builtIn && !editing && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => {
              setName(profile.name);
              setEditing(true);
            }}
          >
            Rename
          </button>
        )}
        <button type="button" className="button button-small" disabled={busy} onClick={() => actions.onDuplicate(profile)}>
          Duplicate
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={() => actions.onExport(profile)}>
          Export
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          disabled={busy || builtIn}
          title={builtIn ? 'The Sandbox profile is built in and cannot be deleted.' : undefined}
          onClick={() => actions.onDelete(profile)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
