import { useEffect } from 'react';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useHomeStore } from '../../stores/useHomeStore.ts';
import { useProfilesStore } from '../../stores/useProfilesStore.ts';
import { ProfileCard } from './ProfileCard.tsx';
import { SchedulesBar } from './SchedulesBar.tsx';

/** Home: the schedules, then every profile at a glance, the selected one first. */
export function HomePage() {
  const view = useProfilesStore((s) => s.view);
  const loadError = useProfilesStore((s) => s.loadError);
  const selectedId = view?.selectedId ?? null;
  const profiles = view ? [...view.profiles].sort((a, b) => Number(b.id === selectedId) - Number(a.id === selectedId)) : [];
  const idsKey = profiles.map((profile) => profile.id).join('\n');

  useEffect(() => {
    if (idsKey) useHomeStore.getState().track(idsKey.split('\n'));
  }, [idsKey]);

  if (loadError)
    return (
      <div className="page">
        <ErrorNote error={loadError} />
      </div>
    );
  if (!view)
    return (
      <div className="page">
        <p className="loading">Loading the profiles…</p>
      </div>
    );

  return (
    <div className="page page-home">
      <SchedulesBar />
      {profiles.map((profile) => (
        <ProfileCard key={profile.id} profile={profile} selected={profile.id === selectedId} />
      ))}
    </div>
  );
}
