// Appends ChartHop records the way the fake's timeline expects them: a
// CREATE change per job, HIRE/DEPART changes for occupants, and persons.
import type { ChartHopChange, ChartHopChangeType, ChartHopContact, ChartHopJobData, ChartHopPerson } from '../charthop/state.ts';
import { isoTimeOf, msOfDate } from './dates.ts';
import type { DemoName } from './names.ts';
import type { World } from './world.ts';

function change(world: World, type: ChartHopChangeType, jobId: string, date: string, extra: Partial<ChartHopChange> = {}): ChartHopChange {
  const orgId = world.org?.id ?? '';
  // Recorded when it happened (or, for future-dated changes, a few days before today).
  const madeAt = isoTimeOf(Math.min(msOfDate(date) + 9 * 3_600_000, world.now - 3 * 86_400_000));
  const c: ChartHopChange = {
    id: world.chId('change'),
    orgId,
    jobId,
    type,
    date,
    status: 'ACTIVE',
    createId: world.tokens[0]?.userId ?? '',
    createAt: madeAt,
    updateAt: madeAt,
    ...extra,
  };
  world.changes.push(c);
  return c;
}

/** Adds a job effective `date`; returns its id. */
export function addJob(world: World, data: ChartHopJobData, date: string): string {
  const jobId = world.chId('job');
  change(world, 'CREATE', jobId, date, { job: data });
  return jobId;
}

/** Places `personId` in `jobId` from `date` (future dates make an announced hire). */
export function addHire(world: World, jobId: string, personId: string, date: string, note?: string): void {
  change(world, 'HIRE', jobId, date, { personId, ...(note ? { note } : {}) });
}

/** Ends `personId`'s time in `jobId` on `date`. */
export function addDepart(world: World, jobId: string, personId: string, date: string): void {
  change(world, 'DEPART', jobId, date, { personId, departType: 'VOLUNTARY' });
}

/** Contact details of a new person. */
export interface PersonContacts {
  workEmail?: string;
  homeEmail?: string;
  mobilePhone?: string;
  country?: string;
}

/** Adds a person created on `date`; returns the person. */
export function addPerson(world: World, name: DemoName, contacts: PersonContacts, date: string): ChartHopPerson {
  const list: ChartHopContact[] = [];
  if (contacts.workEmail) list.push({ type: 'WORK_EMAIL', format: 'EMAIL', value: contacts.workEmail });
  if (contacts.homeEmail) list.push({ type: 'HOME_EMAIL', format: 'EMAIL', value: contacts.homeEmail });
  if (contacts.mobilePhone) list.push({ type: 'MOBILE_PHONE', format: 'PHONE', value: contacts.mobilePhone });
  const at = isoTimeOf(Math.min(msOfDate(date), world.now));
  const person: ChartHopPerson = {
    id: world.chId('person'),
    orgId: world.org?.id ?? '',
    name: { first: name.first, last: name.last },
    contacts: list,
    fields: {},
    createAt: at,
    updateAt: at,
    ...(contacts.country ? { address: { country: contacts.country } } : {}),
  };
  world.persons.push(person);
  return person;
}
