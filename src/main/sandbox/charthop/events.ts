// The events feed: every mutation records an event whose `code` is
// `entity.type[.subtype]` (job.create, change.create.hire, person.update, …).
// `at` is epoch milliseconds (the reference leaves ms vs s open; ms matches
// its composed webhook example) and strictly increasing, so the integer
// `from` cursor ("timestamp to start search at", inclusive) pages without
// duplicates or gaps.
import { badRequest } from './errors.ts';
import type { ChartHopEvent } from './state.ts';
import type { ChartHopStore } from './store.ts';

/** What a mutation reports about itself. */
export interface EventInput {
  entityType: ChartHopEvent['entityType'];
  type: ChartHopEvent['type'];
  subtype?: string;
  entityId: string;
  jobId?: string;
  personId?: string;
  date?: string;
  payload?: Record<string, unknown>;
}

/** Records an event for `orgId` made by `userId`. */
export function emitEvent(store: ChartHopStore, orgId: string, userId: string, input: EventInput): ChartHopEvent {
  const code = [input.entityType.toLowerCase(), input.type, input.subtype].filter(Boolean).join('.');
  const event: Omit<ChartHopEvent, 'id' | 'at'> = {
    orgId,
    userId,
    type: input.type,
    entityType: input.entityType,
    entityId: input.entityId,
    code,
  };
  if (input.subtype) event.subtype = input.subtype;
  if (input.jobId) event.jobId = input.jobId;
  if (input.personId) event.personId = input.personId;
  if (input.date) event.date = input.date;
  if (input.payload) event.payload = input.payload;
  return store.recordEvent(event);
}

/** Filters of `GET /v1/org/{org}/event`. */
export interface EventQuery {
  from?: number;
  limit: number;
  /** Comma-separated codes; a trailing `*` matches a prefix (`change.*`). */
  code?: string;
  entityType?: string;
  entityId?: string;
  userId?: string;
}

/** Parses the integer `from` of the events feed. */
export function parseEventFrom(raw: string | null): number | undefined {
  if (raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest('invalid from: expected an integer timestamp (epoch ms)');
  return n;
}

function codeMatcher(spec: string | undefined): (code: string) => boolean {
  if (!spec) return () => true;
  const patterns = spec
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  return (code) => patterns.some((p) => (p.endsWith('*') ? code.startsWith(p.slice(0, -1)) : code === p));
}

/** Events of an org in `at` order, without payloads (the list omits them). */
export function listEvents(
  store: ChartHopStore,
  orgId: string,
  query: EventQuery,
): { data: Omit<ChartHopEvent, 'payload'>[]; next?: string } {
  const matchCode = codeMatcher(query.code);
  const entityType = query.entityType?.toUpperCase();
  const data: Omit<ChartHopEvent, 'payload'>[] = [];
  const events = store.state.events;
  // Events are kept in `at` order: start at the first one at or after `from`.
  let start = 0;
  if (query.from !== undefined) {
    let hi = events.length;
    while (start < hi) {
      const mid = (start + hi) >>> 1;
      if ((events[mid] as ChartHopEvent).at < query.from) start = mid + 1;
      else hi = mid;
    }
  }
  for (let i = start; i < events.length; i += 1) {
    const event = events[i] as ChartHopEvent;
    if (event.orgId !== orgId) continue;
    if (!matchCode(event.code)) continue;
    if (entityType && event.entityType !== entityType) continue;
    if (query.entityId && event.entityId !== query.entityId) continue;
    if (query.userId && event.userId !== query.userId) continue;
    if (data.length === query.limit) return { data, next: String(event.at) };
    const { payload: _payload, ...rest } = event;
    data.push({ ...rest });
  }
  return { data };
}
