/**
 * Home's overview of every profile (not only the selected one): settings, key
 * statuses, the last runs, hires and the webhook status, each loaded and
 * refreshed on its own, plus the unmapped values named by the last sync run.
 */
import { create } from 'zustand';
import type { HireView, WebhookStatus } from '../../../shared/api/hires-views.ts';
import type { RunSummary } from '../../../shared/api/sync-views.ts';
import type { SecretName, SecretStatus } from '../../../shared/secrets/names.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import { call } from '../bridge/bridge.ts';
import type { UiError } from '../bridge/ui-error.ts';
import { toUiError } from '../bridge/ui-error.ts';
import { sideOfDirection } from '../lib/mapping-choice.ts';
import { isSyncRun } from '../lib/run-format.ts';
import type { UnmappedNote } from '../lib/unmapped.ts';
import { unmappedFromItems } from '../lib/unmapped.ts';

/** How many runs a card keeps: its chart shows the last 14. */
export const HOME_RUNS = 14;

/** What Home knows about one profile; null parts are still loading (or failed: see `errors`). */
export interface ProfileOverview {
  settings: ProfileSettings | null;
  statuses: Partial<Record<SecretName, SecretStatus>> | null;
  /** Newest first, at most HOME_RUNS. */
  runs: RunSummary[] | null;
  hires: HireView[] | null;
  webhook: WebhookStatus | null;
  /** Unmapped values named by the skipped items of the last sync run. */
  unmapped: UnmappedNote | null;
  errors: Partial<Record<OverviewPart, UiError>>;
}

/** A part of the overview that is loaded on its own. */
export type OverviewPart = 'settings' | 'statuses' | 'runs' | 'hires' | 'webhook';

type Loaded = { [K in OverviewPart]: NonNullable<ProfileOverview[K]> };

const LOADERS: { [K in OverviewPart]: (profileId: string) => Promise<Loaded[K]> } = {
  settings: (profileId) => call('settings:get', { profileId }),
  statuses: async (profileId) => Object.fromEntries((await call('secrets:status', { profileId })).map((status) => [status.name, status])),
  runs: (profileId) => call('runs:list', { profileId, limit: HOME_RUNS }),
  hires: (profileId) => call('hires:list', { profileId, limit: 200 }),
  webhook: (profileId) => call('webhook:status', { profileId }),
};

const PARTS = Object.keys(LOADERS) as OverviewPart[];

const EMPTY: ProfileOverview = { settings: null, statuses: null, runs: null, hires: null, webhook: null, unmapped: null, errors: {} };

interface HomeState {
  /** Profile ids Home shows, in its order. */
  tracked: string[];
  overviews: Record<string, ProfileOverview>;
  /** Show these profiles: forget the others and (re)load every part of each. */
  track: (profileIds: readonly string[]) => void;
  /** Re-read some parts of a tracked profile (after a push event). */
  refresh: (profileId: string, parts: readonly OverviewPart[]) => void;
  /** Take a pushed webhook status, when its profile is tracked. */
  applyWebhook: (status: WebhookStatus) => void;
}

/** Every profile's overview for Home. */
export const useHomeStore = create<HomeState>((set, get) => {
  // The latest request per profile and part, kept with the store: an older answer arriving late is dropped.
  const requests = new Map<string, number>();
  let sequence = 0;

  function patch(profileId: string, change: Partial<ProfileOverview>): void {
    const current = get().overviews[profileId];
    if (!current) return;
    set({ overviews: { ...get().overviews, [profileId]: { ...current, ...change } } });
  }

  async function readUnmapped(profileId: string, runs: readonly RunSummary[]): Promise<void> {
    const last = runs.find((run) => isSyncRun(run) && run.status !== 'running');
    const known = get().overviews[profileId]?.unmapped;
    if (!last || known?.runId === last.id) return;
    if (last.counts.skipped === 0) return patch(profileId, { unmapped: { source: 'run', runId: last.id, at: last.startedAt, values: [] } });
    try {
      const detail = await call('runs:get', { profileId, runId: last.id });
      const values = unmappedFromItems(detail.items, sideOfDirection(last.direction));
      patch(profileId, { unmapped: { source: 'run', runId: last.id, at: last.startedAt, values } });
    } catch {
      // Home then falls back to "the last run skipped N records" without naming the values.
    }
  }

  async function load<K extends OverviewPart>(profileId: string, part: K): Promise<void> {
    const key = `${profileId}\u0000${part}`;
    const id = ++sequence;
    requests.set(key, id);
    try {
      const value = await LOADERS[part](profileId);
      if (requests.get(key) !== id) return;
      const errors = { ...get().overviews[profileId]?.errors };
      delete errors[part];
      patch(profileId, { [part]: value, errors } as Partial<ProfileOverview>);
      if (part === 'runs') await readUnmapped(profileId, value as RunSummary[]);
    } catch (error) {
      if (requests.get(key) !== id) return;
      patch(profileId, { errors: { ...get().overviews[profileId]?.errors, [part]: toUiError(error) } });
    }
  }

  return {
    tracked: [],
    overviews: {},
    track: (profileIds) => {
      const overviews = Object.fromEntries(profileIds.map((id) => [id, get().overviews[id] ?? EMPTY]));
      set({ tracked: [...profileIds], overviews });
      for (const id of profileIds) for (const part of PARTS) void load(id, part);
    },
    refresh: (profileId, parts) => {
      if (!get().overviews[profileId]) return;
      for (const part of parts) void load(profileId, part);
    },
    applyWebhook: (status) => patch(status.profileId, { webhook: status }),
  };
});
