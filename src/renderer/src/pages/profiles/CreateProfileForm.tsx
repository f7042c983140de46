import { useState } from 'react';
import { profileNameProblem } from '../../../../shared/settings/field-rules.ts';
import { FieldProblem, problemProps } from '../../components/FieldProblem.tsx';

/** A one-field form to create a client profile; a name over the limit says so as it is typed. */
export function CreateProfileForm({ busy, onCreate }: { busy: boolean; onCreate: (name: string) => Promise<boolean> }) {
  const [name, setName] = useState('');
  // Blank only disables Create; a name too long is said beside the field as it is typed.
  const problem = name.trim() ? profileNameProblem(name) : null;
  return (
    <form
      className="create-form"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (trimmed && !problem) void onCreate(trimmed).then((ok) => ok && setName(''));
      }}
    >
      <label htmlFor="new-profile-name">New profile</label>
      <input
        id="new-profile-name"
        className="input"
        value={name}
        placeholder="Client name, e.g. Acme Corp"
        {...problemProps('new-profile-name', problem)}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={busy || !name.trim() || problem !== null}>
        Create profile
      </button>
      <FieldProblem id="new-profile-name" problem={problem} />
    </form>
  );
}
