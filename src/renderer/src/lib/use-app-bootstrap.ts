/** Wires the stores to the contract: first load, push events, and reloads when the profile changes. */
import { useEffect } from 'react';
import { subscribe } from '../bridge/bridge.ts';
import { followNavigate, openRun } from './app-actions.ts';
import { onEngineRestarted, onEngineStopped } from './engine-events.ts';
import { useDoctorStore } from '../stores/useDoctorStore.ts';
import { useHiresStore } from '../stores/useHiresStore.ts';
import { useHomeStore } from '../stores/useHomeStore.ts';
import { usePreferencesStore } from '../stores/usePreferencesStore.ts';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useRunsStore } from '../stores/useRunsStore.ts';
import { useScheduleStore } from '../stores/useScheduleStore.ts';
import { watchHash } from '../stores/useRouteStore.ts';
import { useSecretsStore } from '../stores/useSecretsStore.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';
import { useUpdatesStore } from '../stores/useUpdatesStore.ts';
import { useWebhookStore } from '../stores/useWebhookStore.ts';

/** Load profiles and each one's last Check connection, follow push events, and load the selected profile's settings, secrets, runs, hires and webhook. */
export function useAppBootstrap(): void {
  const selectedId = useProfilesStore((s) => s.view?.selectedId ?? null);
  const profileIds = useProfilesStore((s) => s.view?.profiles.map((profile) => profile.id).join('\n') ?? '');

  useEffect(() => {
    void useProfilesStore.getState().load();
    void useScheduleStore.getState().load();
    const home = () => useHomeStore.getState();
    const stops = [
      watchHash({
        openRun: (run) => void openRun(run.profileId, run.runId),
        closeRun: () => useRunsStore.setState({ openRunId: null }),
        isOpen: (run) => useRunsStore.getState().profileId === run.profileId && useRunsStore.getState().openRunId === run.runId,
      }),
      subscribe('profiles:changed', (view) => useProfilesStore.getState().apply(view)),
      subscribe('settings:changed', ({ profileId }) => {
        // The switcher's environment badge derives from the settings.
        void useProfilesStore.getState().load();
        if (useSettingsStore.getState().profileId === profileId) void useSettingsStore.getState().refresh();
        void useScheduleStore.getState().load();
        home().refresh(profileId, ['settings', 'webhook']);
      }),
      subscribe('secrets:changed', ({ profileId }) => {
        if (useSecretsStore.getState().profileId === profileId) void useSecretsStore.getState().load(profileId);
        if (useWebhookStore.getState().profileId === profileId) void useWebhookStore.getState().load(profileId);
        home().refresh(profileId, ['statuses', 'webhook']);
      }),
      subscribe('app:navigate', ({ route }) => followNavigate(route)),
      subscribe('app:core-restarted', (notice) => void onEngineRestarted(notice)),
      subscribe('app:core-stopped', onEngineStopped),
      subscribe('doctor:progress', (progress) => useDoctorStore.getState().onProgress(progress)),
      subscribe('doctor:finished', (report) => useDoctorStore.getState().receive(report)),
      subscribe('run:progress', (progress) => useSyncStore.getState().onProgress(progress)),
      subscribe('run:finished', (run) => {
        useSyncStore.getState().onFinished(run);
        useRunsStore.getState().upsert(run);
        if (useRunsStore.getState().profileId === run.profileId) void useRunsStore.getState().refresh();
        home().refresh(run.profileId, ['runs']);
      }),
      // The hire says its profile: update that profile's list in place and its Home card.
      subscribe('hire:received', (hire) => {
        useHiresStore.getState().upsert(hire, hire.profileId);
        if (home().tracked.includes(hire.profileId)) home().refresh(hire.profileId, ['hires']);
      }),
      subscribe('catch-up:progress', (progress) => useHiresStore.getState().onProgress(progress)),
      subscribe('catch-up:finished', (finished) => useHiresStore.getState().onFinished(finished)),
      subscribe('webhook:changed', (status) => {
        useWebhookStore.getState().apply(status);
        home().applyWebhook(status);
      }),
      subscribe('schedule:changed', (status) => useScheduleStore.getState().apply(status)),
      subscribe('preferences:changed', (preferences) => usePreferencesStore.getState().apply(preferences)),
      subscribe('updates:changed', (status) => useUpdatesStore.getState().apply(status)),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  // Each profile's last Check connection, as stored: Setup step 3, the rail's dot and Home's attention items.
  useEffect(() => {
    for (const profileId of profileIds.split('\n').filter(Boolean)) void useDoctorStore.getState().loadLast(profileId);
  }, [profileIds]);

  useEffect(() => {
    if (!selectedId) return;
    void useSettingsStore.getState().load(selectedId);
    void useSecretsStore.getState().load(selectedId);
    void useRunsStore.getState().load(selectedId);
    void useHiresStore.getState().load(selectedId);
    void useWebhookStore.getState().load(selectedId);
  }, [selectedId]);
}
