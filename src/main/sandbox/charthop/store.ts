// In-memory store of one fake ChartHop: the state arrays plus the indexes
// every request needs (by id, per org, per job its changes, per person its
// changes), the injected clock, the id factory and the job views per (org,
// as-of date), which a change re-folds for its one job (view-cache.ts).
import { isoDate, isoTimestamp } from './dates.ts';
import { createIdFactory } from './ids.ts';
import type { IdFactory } from './ids.ts';
import type {
  ChartHopChange,
  ChartHopEvent,
  ChartHopField,
  ChartHopGroup,
  ChartHopOrg,
  ChartHopPerson,
  ChartHopSeed,
  ChartHopState,
  ChartHopTokenGrant,
} from './state.ts';
import { emptyChartHopState } from './state.ts';
import { viewJob } from './timeline.ts';
import { createViewCache } from './view-cache.ts';
import type { JobViewSet } from './view-cache.ts';

export type { JobViewSet } from './view-cache.ts';

/** The store behind the fake ChartHop's domain functions. */
export interface ChartHopStore {
  /** The live state (mutated in place by the domain functions). */
  readonly state: ChartHopState;
  /**
   * A person write whose email another person of the org holds is a 409 (default true). The soak
   * turns it off: whether ChartHop refuses such a person is unverified, so no second person for one
   * hire must rest on ReqBridge's own lookups alone.
   */
  uniquePersonEmails: boolean;
  now(): number;
  setClock(clock: () => number): void;
  /** Today's date (UTC) by the injected clock. */
  today(): string;
  nowIso(): string;
  newId(): string;
  /** Replaces everything with a deep copy of `seed` (with `adopt`, `seed` itself, which the caller must not touch again). */
  load(seed: ChartHopSeed, adopt?: boolean): void;
  /** An org by id or slug. */
  org(ref: string): ChartHopOrg | undefined;
  token(token: string): ChartHopTokenGrant | undefined;
  group(id: string): ChartHopGroup | undefined;
  person(id: string): ChartHopPerson | undefined;
  change(id: string): ChartHopChange | undefined;
  /** A job's active and cancelled changes, sorted by effective date (stable). */
  jobChanges(jobId: string): readonly ChartHopChange[];
  /** The changes naming `personId` (hires, departures), in the order they were made. */
  personChanges(personId: string): readonly ChartHopChange[];
  /** The org's people (any state), sorted by id. */
  orgPersons(orgId: string): readonly ChartHopPerson[];
  /** Ids of the org's people with `email` (any letter case) among their email contacts. */
  personsWithEmail(orgId: string, email: string): ReadonlySet<string>;
  /** Replaces a stored person's contents by `next` in place (same object), keeping the indexes current. */
  updatePerson(current: ChartHopPerson, next: ChartHopPerson): void;
  event(id: string): ChartHopEvent | undefined;
  /** Ids of every job ever created in the org, sorted. */
  jobIds(orgId: string): readonly string[];
  customFields(orgId: string): ChartHopField[];
  addGroup(group: ChartHopGroup): void;
  addPerson(person: ChartHopPerson): void;
  addField(field: ChartHopField): void;
  addChange(change: ChartHopChange): void;
  /** Records an event with a fresh id and a strictly increasing `at`. */
  recordEvent(event: Omit<ChartHopEvent, 'id' | 'at'>): ChartHopEvent;
  /** Call after an in-place edit of a job's changes (date, status) so its views are re-folded. */
  touchJob(orgId: string, jobId: string): void;
  /** Every job of the org as of `asOf` (built once per date, then kept current by every change). */
  views(orgId: string, asOf: string): JobViewSet;
}

function insertSorted<T>(list: T[], item: T, keyOf: (item: T) => string): void {
  const key = keyOf(item);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  if (lo === list.length || keyOf(list[lo] as T) !== key) list.splice(lo, 0, item);
}

const itself = (id: string): string => id;
const idOf = (person: ChartHopPerson): string => person.id;

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** Creates a store seeded with `seed` (or empty; adopted rather than copied with `adopt`), reading time from `clock`. */
export function createChartHopStore(seed?: ChartHopSeed, clock: () => number = () => Date.now(), adopt = false): ChartHopStore {
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
  const changesByPerson = new Map<string, ChartHopChange[]>();
  const jobIdsByOrg = new Map<string, string[]>();
  const personsByOrg = new Map<string, ChartHopPerson[]>();
  const personsByEmail = new Map<string, Set<string>>();
  const events = new Map<string, ChartHopEvent>();
  const emailKeys = (person: ChartHopPerson): string[] =>
    person.contacts.filter((c) => c.format === 'EMAIL').map((c) => `${person.orgId}\n${c.value.toLowerCase()}`);
  const indexEmails = (person: ChartHopPerson): void => {
    for (const key of emailKeys(person)) {
      const ids = personsByEmail.get(key);
      if (ids) ids.add(person.id);
      else personsByEmail.set(key, new Set([person.id]));
    }
  };
  const unindexEmails = (person: ChartHopPerson): void => {
    for (const key of emailKeys(person)) {
      const ids = personsByEmail.get(key);
      ids?.delete(person.id);
      if (ids?.size === 0) personsByEmail.delete(key);
    }
  };
  const allIds = new Set<string>();
  const viewCache = createViewCache({
    jobIds: (orgId) => jobIdsByOrg.get(orgId) ?? [],
    view: (orgId, jobId, asOf) => viewJob(jobId, orgId, changesByJob.get(jobId) ?? [], asOf),
  });
  let lastEventAt = 0;

  function indexChange(change: ChartHopChange): void {
    changes.set(change.id, change);
    allIds.add(change.id);
    if (change.personId) listIn(changesByPerson, change.personId).push(change);
    let list = changesByJob.get(change.jobId);
    if (!list) {
      list = [];
      changesByJob.set(change.jobId, list);
      allIds.add(change.jobId);
      listIn(jobIdsByOrg, change.orgId).push(change.jobId);
    }
    // Keep the timeline sorted by date; same-date changes stay in the order made.
    let at = list.length;
    while (at > 0 && (list[at - 1] as ChartHopChange).date > change.date) at -= 1;
    list.splice(at, 0, change);
  }

  const store: ChartHopStore = {
    state,
    uniquePersonEmails: true,
    now: () => currentClock(),
    setClock(next) {
      currentClock = next;
      viewCache.clear();
    },
    today: () => isoDate(currentClock()),
    nowIso: () => isoTimestamp(currentClock()),
    newId: () => {
      const id = ids.next((candidate) => allIds.has(candidate));
      allIds.add(id);
      return id;
    },
    load(next, adoptNext = false) {
      const copy = adoptNext ? next : structuredClone(next);
      state.orgs = copy.orgs;
      state.tokens = copy.tokens;
      state.groups = copy.groups;
      state.persons = copy.persons;
      state.fields = copy.fields;
      state.changes = copy.changes;
      state.events = (copy.events ?? []).sort((a, b) => a.at - b.at);
      for (const map of [
        orgById,
        orgBySlug,
        tokens,
        groups,
        persons,
        changes,
        changesByJob,
        changesByPerson,
        jobIdsByOrg,
        personsByOrg,
        personsByEmail,
        events,
      ])
        map.clear();
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
        listIn(personsByOrg, person.orgId).push(person);
        indexEmails(person);
        allIds.add(person.id);
      }
      for (const list of personsByOrg.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const field of state.fields) allIds.add(field.id);
      for (const change of state.changes) indexChange(change);
      for (const list of jobIdsByOrg.values()) list.sort();
      for (const event of state.events) {
        events.set(event.id, event);
        allIds.add(event.id);
        lastEventAt = Math.max(lastEventAt, event.at);
      }
      viewCache.clear();
    },
    org: (ref) => orgById.get(ref) ?? orgBySlug.get(ref),
    token: (token) => tokens.get(token),
    group: (id) => groups.get(id),
    person: (id) => persons.get(id),
    change: (id) => changes.get(id),
    jobChanges: (jobId) => changesByJob.get(jobId) ?? [],
    personChanges: (personId) => changesByPerson.get(personId) ?? [],
    orgPersons: (orgId) => personsByOrg.get(orgId) ?? [],
    personsWithEmail: (orgId, email) => personsByEmail.get(`${orgId}\n${email.toLowerCase()}`) ?? new Set(),
    updatePerson(current, next) {
      unindexEmails(current);
      Object.assign(current, next);
      if (!next.address) delete current.address;
      indexEmails(current);
    },
    event: (id) => events.get(id),
    jobIds: (orgId) => jobIdsByOrg.get(orgId) ?? [],
    customFields: (orgId) => state.fields.filter((f) => f.orgId === orgId),
    addGroup(group) {
      state.groups.push(group);
      groups.set(group.id, group);
      allIds.add(group.id);
    },
    addPerson(person) {
      state.persons.push(person);
      persons.set(person.id, person);
      insertSorted(listIn(personsByOrg, person.orgId), person, idOf);
      indexEmails(person);
      allIds.add(person.id);
    },
    addField(field) {
      state.fields.push(field);
      allIds.add(field.id);
    },
    addChange(change) {
      const isNewJob = !changesByJob.has(change.jobId);
      state.changes.push(change);
      indexChange(change);
      if (isNewJob) {
        const orgJobs = jobIdsByOrg.get(change.orgId) as string[];
        orgJobs.pop();
        insertSorted(orgJobs, change.jobId, itself);
      }
      viewCache.refreshJob(change.orgId, change.jobId);
    },
    recordEvent(event) {
      lastEventAt = Math.max(currentClock(), lastEventAt + 1);
      const full: ChartHopEvent = { id: store.newId(), at: lastEventAt, ...event };
      state.events.push(full);
      events.set(full.id, full);
      return full;
    },
    touchJob(orgId, jobId) {
      viewCache.refreshJob(orgId, jobId);
    },
    views: (orgId, asOf) => viewCache.get(orgId, asOf),
  };
  if (seed) store.load(seed, adopt);
  return store;
}
