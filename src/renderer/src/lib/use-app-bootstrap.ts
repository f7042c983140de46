/** Wires the stores to the contract: first load, push events, and reloads when the profile changes. */
import { useEffect } from 'react';
import { subscribe } from '../bridge/bridge.ts';
import { parseRoute } from './routes.ts';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useRouteStore, watchHash } from '../stores/useRouteStore.ts';
import { useSecretsStore } from '../stores/useSecretsStore.ts';
import { useSettingsStore } from '../stores/useSettingsStore.ts';

/** Load profiles, follow push events, and load the selected profile's settings and secret statuses. */
export function useAppBootstrap(): void {
  const selectedId = useProfilesStore((s) => s.view?.selectedId ?? null);

  useEffect(() => {
    void useProfilesStore.getState().load();
    const stops = [
      watchHash(),
      subscribe('profiles:changed', (view) => useProfilesStore.getState().apply(view)),
      subscribe('settings:changed', ({ profileId }) => {
        // The switcher's environment badge derives from the settings.
        void useProfilesStore.getState().load();
        if (useSettingsStore.getState().profileId === profileId) void useSettingsStore.getState().refresh();
      }),
      subscribe('secrets:changed', ({ profileId }) => {
        if (useSecretsStore.getState().profileId === profileId) void useSecretsStore.getState().load(profileId);
      }),
      subscribe('app:navigate', ({ route }) => useRouteStore.getState().navigate(parseRoute(route))),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  useEffect(() => {
    if (!selectedId) return;
    void useSettingsStore.getState().load(selectedId);
    void useSecretsStore.getState().load(selectedId);
  }, [selectedId]);
}
