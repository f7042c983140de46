/** What the UI does when the engine's process stopped: the notice, and the views that the restart changed. */
import type { EngineNotice } from '../../../shared/api/domains/core.ts';
import { useEngineStore } from '../stores/useEngineStore.ts';
import { useProfilesStore } from '../stores/useProfilesStore.ts';
import { useRunsStore } from '../stores/useRunsStore.ts';
import { useScheduleStore } from '../stores/useScheduleStore.ts';
import { useSyncStore } from '../stores/useSyncStore.ts';

/** `app:core-restarted`: show the notice; the runs that were going ended (marked interrupted), so reload what shows them. */
export async function onEngineRestarted(notice: EngineNotice): Promise<void> {
  useEngineStore.getState().onRestarted(notice);
  useSyncStore.getState().onEngineRestarted();
  const runs = useRunsStore.getState();
  await Promise.all([useProfilesStore.getState().load(), useScheduleStore.getState().load(), runs.profileId ? runs.refresh() : undefined]);
}

/** `app:core-stopped`: the engine stays down; the notice says what to do. */
export function onEngineStopped(notice: EngineNotice): void {
  useEngineStore.getState().onStopped(notice);
}
