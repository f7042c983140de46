// Job views per (org, as-of date), kept up to date on a write instead of
// rebuilt: a job is the fold of its own changes only, so a change to one job
// re-folds that job in every cached date and patches the lists and lookups.
// Persons, groups and fields are not part of a view (rows resolve them at
// read time), so their writes leave the cache alone.
import type { ChartHopJobView } from './timeline.ts';

/** All jobs of an org as of one date, with lookups. */
export interface JobViewSet {
  /** Jobs that exist on that date, sorted by id. */
  list: ChartHopJobView[];
  byId: Map<string, ChartHopJobView>;
  /** Current occupant → job. */
  byOccupant: Map<string, ChartHopJobView>;
  /** Announced (future) hire → job. */
  byAnnounced: Map<string, ChartHopJobView>;
}

/** How the cache reads the store. */
export interface ViewSource {
  /** Ids of every job ever created in the org, sorted. */
  jobIds(orgId: string): readonly string[];
  /** The job as of `asOf`, or undefined when it does not exist then. */
  view(orgId: string, jobId: string, asOf: string): ChartHopJobView | undefined;
}

/** The cache of job view sets. */
export interface ViewCache {
  /** Every job of the org as of `asOf`: built once per date, then kept current. */
  get(orgId: string, asOf: string): JobViewSet;
  /** Re-folds one job in every cached date of its org (after any change to its timeline). */
  refreshJob(orgId: string, jobId: string): void;
  /** Drops everything (a new seed or clock). */
  clear(): void;
  /** How many (org, date) sets are cached. */
  readonly size: number;
}

/** At most this many dates are kept: a client reading many `date=` values must not grow memory without end. */
export const MAX_CACHED_VIEW_SETS = 8;

function index(set: JobViewSet, view: ChartHopJobView): void {
  set.byId.set(view.id, view);
  if (view.occupantId) set.byOccupant.set(view.occupantId, view);
  else if (view.personId) set.byAnnounced.set(view.personId, view);
}

function unindex(set: JobViewSet, view: ChartHopJobView): void {
  set.byId.delete(view.id);
  if (view.occupantId && set.byOccupant.get(view.occupantId) === view) set.byOccupant.delete(view.occupantId);
  else if (view.personId && set.byAnnounced.get(view.personId) === view) set.byAnnounced.delete(view.personId);
}

/** Where `id` is, or would be inserted, in a list sorted by id. */
function position(list: readonly ChartHopJobView[], id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as ChartHopJobView).id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Replaces (or adds, or removes) one job in a set. */
export function patchViewSet(set: JobViewSet, jobId: string, next: ChartHopJobView | undefined): void {
  const old = set.byId.get(jobId);
  if (old) unindex(set, old);
  const at = position(set.list, jobId);
  const present = set.list[at]?.id === jobId;
  if (next && present) set.list[at] = next;
  else if (next) set.list.splice(at, 0, next);
  else if (present) set.list.splice(at, 1);
  if (next) index(set, next);
}

/** A cache reading jobs from `source`. */
export function createViewCache(source: ViewSource): ViewCache {
  const sets = new Map<string, { orgId: string; asOf: string; set: JobViewSet }>();
  return {
    get(orgId, asOf) {
      const key = `${orgId}|${asOf}`;
      const cached = sets.get(key);
      if (cached) return cached.set;
      const set: JobViewSet = { list: [], byId: new Map(), byOccupant: new Map(), byAnnounced: new Map() };
      for (const jobId of source.jobIds(orgId)) {
        const view = source.view(orgId, jobId, asOf);
        if (!view) continue;
        set.list.push(view);
        index(set, view);
      }
      if (sets.size >= MAX_CACHED_VIEW_SETS) sets.clear();
      sets.set(key, { orgId, asOf, set });
      return set;
    },
    refreshJob(orgId, jobId) {
      for (const entry of sets.values()) if (entry.orgId === orgId) patchViewSet(entry.set, jobId, source.view(orgId, jobId, entry.asOf));
    },
    clear() {
      sets.clear();
    },
    get size() {
      return sets.size;
    },
  };
}
