// In-memory store of one fake ChartHop: the state arrays plus the indexes
// every request needs, the injected clock, the id factory and a cache of
// job views per (org, as-of date) that any mutation clears.
import { isoDate, isoTimestamp } from './dates.ts';
import { createIdFactory } from './ids.ts';
import type { IdFactory } from './ids.ts';
import type {
  ChartHopChange, ChartHopEvent, ChartHopField, ChartHopGroup, ChartHopOrg, ChartHopPerson,
  ChartHopSeed, ChartHopState, ChartHopTokenGrant,
} from './state.ts';
import { emptyChartHopState } from './state.ts';
import { viewJob } from './timeline.ts';
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

/** The store behind the fake ChartHop's domain functions. */
export interface ChartHopStore {
  /** The live state (mutated in place by the domain functions). */
  readonly state: ChartHopState;
  now(): number;
  setClock(clock: () => number): void;
  /** Today's date (UTC) by the injected clock. */
  today(): string;
  nowIso(): string;
  newId(): string;
  /** Replaces everything with a deep copy of `seed`. */
  load(seed: ChartHopSeed): void;
  /** An org by id or slug. */
  org(ref: string): ChartHopOrg | undefined;
  token(token: string): ChartHopTokenGrant | undefined;
  group(id: string): ChartHopGroup | undefined;
  person(id: string): ChartHopPerson | undefined;
  change(id: string): ChartHopChange | undefined;
  /** A job's active and cancelled changes, sorted by effective date (stable). */
  jobChanges(jobId: string): readonly ChartHopChange[];
  /** Ids of every job ever created in the org, sorted. */
  jobIds(orgId: string): readonly string[];
  customFields(orgId: string): ChartHopField[];
  addGroup(group: ChartHopGroup): void;
  addPerson(person: ChartHopPerson): void;
  addField(field: ChartHopField): void;
  addChange(change: ChartHopChange): void;
  /** Records an event with a fresh id and a strictly increasing `at`. */
  recordEvent(event: Omit<ChartHopEvent, 'id' | 'at'>): ChartHopEvent;
  /** Call after any in-place edit so cached views are rebuilt. */
  touch(): void;
  /** Every job of the org as of `asOf` (cached until the next mutation). */
  views(orgId: string, asOf: string): JobViewSet;
}

const MAX_CACHED_VIEW_SETS = 8;

function insertSorted(list: string[], id: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as string) < id) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== id) list.splice(lo, 0, id);
}

/** Creates a store seeded with `seed` (or empty), reading time from `clock`. */
export function createChartHopStore(seed?: ChartHopSeed, clock: () => number = () => Date.now()): ChartHopStore {
  let currentClock = clock;
  const ids: IdFactory = createIdFactory(() => currentClock());
  const state: ChartHopState = emptyChartHopState();
  const orgById = new Map<string, ChartHopOrg>();
  const orgBySlug = new Map<string, ChartHopOrg>();
  const tokens = new Map<string, ChartHopTokenGrant>();
  const groups = new Map<string, ChartHopGroup>();
  const persons = new Map<string, ChartHopPerson>();
  const changes = new Map<string, ChartHopChange>();
  const changesByJob = new Map<string, ChartHopChange[]>();
  const jobIdsByOrg = new Map<string, string[]>();
  const allIds = new Set<string>();
  let viewCache = new Map<string, JobViewSet>();
  let lastEventAt = 0;

  function indexChange(change: ChartHopChange): void {
    changes.set(change.id, change);
    allIds.add(change.id);
    let list = changesByJob.get(change.jobId);
    if (!list) {
      list = [];
      changesByJob.set(change.jobId, list);
      allIds.add(change.jobId);
      let orgJobs = jobIdsByOrg.get(change.orgId);
      if (!orgJobs) {
        orgJobs = [];
        jobIdsByOrg.set(change.orgId, orgJobs);
      }
      orgJobs.push(change.jobId);
    }
    // Keep the timeline sorted by date; same-date changes stay in the order made.
    let at = list.length;
    while (at > 0 && (list[at - 1] as ChartHopChange).date > change.date) at -= 1;
    list.splice(at, 0, change);
  }

  const store: ChartHopStore = {
    state,
    now: () => currentClock(),
    setClock(next) {
      currentClock = next;
      viewCache = new Map();
    },
    today: () => isoDate(currentClock()),
    nowIso: () => isoTimestamp(currentClock()),
    newId: () => {
      const id = ids.next((candidate) => allIds.has(candidate));
      allIds.add(id);
      return id;
    },
    load(next) {
      const copy = structuredClone(next);
      state.orgs = copy.orgs;
      state.tokens = copy.tokens;
      state.groups = copy.groups;
      state.persons = copy.persons;
      state.fields = copy.fields;
      state.changes = copy.changes;
      state.events = (copy.events ?? []).sort((a, b) => a.at - b.at);
      for (const map of [orgById, orgBySlug, tokens, groups, persons, changes, changesByJob, jobIdsByOrg]) map.clear();
      allIds.clear();
      for (const org of state.orgs) {
        orgById.set(org.id, org);
        orgBySlug.set(org.slug, org);
        allIds.add(org.id);
      }
      for (const grant of state.tokens) tokens.set(grant.token, grant);
      for (const group of state.groups) {
        groups.set(group.id, group);
        allIds.add(group.id);
      }
      for (const person of state.persons) {
        persons.set(person.id, person);
        allIds.add(person.id);
      }
      for (const field of state.fields) allIds.add(field.id);
      for (const change of state.changes) indexChange(change);
      for (const list of jobIdsByOrg.values()) list.sort();
      for (const event of state.events) {
        allIds.add(event.id);
        lastEventAt = Math.max(lastEventAt, event.at);
      }
      viewCache = new Map();
    },
    org: (ref) => orgById.get(ref) ?? orgBySlug.get(ref),
    token: (token) => tokens.get(token),
    group: (id) => groups.get(id),
    person: (id) => persons.get(id),
    change: (id) => changes.get(id),
    jobChanges: (jobId) => changesByJob.get(jobId) ?? [],
    jobIds: (orgId) => jobIdsByOrg.get(orgId) ?? [],
    customFields: (orgId) => state.fields.filter((f) => f.orgId === orgId),
    addGroup(group) {
      state.groups.push(group);
      groups.set(group.id, group);
      allIds.add(group.id);
      store.touch();
    },
    addPerson(person) {
      state.persons.push(person);
      persons.set(person.id, person);
      allIds.add(person.id);
      store.touch();
    },
    addField(field) {
      state.fields.push(field);
      allIds.add(field.id);
      store.touch();
    },
    addChange(change) {
      const isNewJob = !changesByJob.has(change.jobId);
      state.changes.push(change);
      indexChange(change);
      if (isNewJob) {
        const orgJobs = jobIdsByOrg.get(change.orgId) as string[];
        orgJobs.pop();
        insertSorted(orgJobs, change.jobId);
      }
      store.touch();
    },
    recordEvent(event) {
      lastEventAt = Math.max(currentClock(), lastEventAt + 1);
      const full: ChartHopEvent = { id: store.newId(), at: lastEventAt, ...event };
      state.events.push(full);
      return full;
    },
    touch() {
      viewCache = new Map();
    },
    views(orgId, asOf) {
      const key = `${orgId}|${asOf}`;
      const cached = viewCache.get(key);
      if (cached) return cached;
      const set: JobViewSet = { list: [], byId: new Map(), byOccupant: new Map(), byAnnounced: new Map() };
      for (const jobId of store.jobIds(orgId)) {
        const view = viewJob(jobId, orgId, store.jobChanges(jobId), asOf);
        if (!view) continue;
        set.list.push(view);
        set.byId.set(view.id, view);
        if (view.occupantId) set.byOccupant.set(view.occupantId, view);
        else if (view.personId) set.byAnnounced.set(view.personId, view);
      }
      // Bounded: a client reading many distinct `date=` values must not grow memory without end.
      if (viewCache.size >= MAX_CACHED_VIEW_SETS) viewCache.clear();
      viewCache.set(key, set);
      return set;
    },
  };
  if (seed) store.load(seed);
  return store;
}
