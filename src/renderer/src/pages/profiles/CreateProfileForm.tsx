import { useState } from 'react';

/** A one-field form to create a client profile. */
export function CreateProfileForm({ busy, onCreate }: { busy: boolean; onCreate: (name: string) => Promise<boolean> }) {
  const [name, setName] = useState('');
  return (
    <form
      className="create-form"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (trimmed) void onCreate(trimmed).then((ok) => ok && setName(''));
      }}
    >
      <label htmlFor="new-profile-name">New profile</label>
      <input id="new-profile-name" className="input" value={name} placeholder="Client name, e.g. Acme Corp" maxLength={60} onChange={(event) => setName(event.target.value)} />
      <button type="submit" className="button button-primary" disabled={busy || !name.trim()}>Create profile</button>
    </form>
  );
}
