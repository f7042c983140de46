/**
 * The ChartHop writes of a hire, each safe to repeat: the person (found again
 * by email, and recognised as ReqBridge's by a LEVER contact holding the
 * opportunity id), the HIRE change through `change/sync/hire` (created only if
 * absent), and the job's recruiting status. The ledger records each step.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import { personLeverIds } from '../charthop/identity.ts';
import type { ChartHopPerson } from '../charthop/schemas.ts';
import { isHttpFailure } from '../http/errors.ts';
import type { Logger } from '../logging/logger.ts';
import { addressFromLocation, phoneContacts, splitName } from './contact-info.ts';
import type { ChartHopContactInput } from './contact-info.ts';
import type { HireFacts } from './lever-facts.ts';

/** The contact type ChartHop keeps Lever ids under (charthop-api.md §4.2 external-system ids). */
export const LEVER_CONTACT_TYPE = 'LEVER';

/**
 * True when the person carries ReqBridge's mark for this opportunity (a LEVER contact holding its
 * id, in any documented shape). False when the mark is absent or the contacts cannot be read.
 */
export function isPersonOf(person: ChartHopPerson, opportunityId: string): boolean {
  const marks = personLeverIds(person);
  return marks.readable && marks.value.includes(opportunityId);
}

/** A person's display name. */
export function personName(person: ChartHopPerson): string {
  const name = [person.name?.first, person.name?.last].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
  return name || person.id;
}

/** The create body of a new hire: name, emails (home), phones, an address when derivable, and the Lever mark. */
export function personBody(facts: HireFacts): Record<string, unknown> {
  const [localPart] = (facts.emails[0] ?? 'Candidate').split('@');
  // Stryker disable next-line StringLiteral: split() always yields a first part, so this fallback only satisfies the type checker
  const name = splitName(facts.name) ?? { last: localPart ?? 'Candidate' };
  const contacts: ChartHopContactInput[] = [
    ...facts.emails.map((value): ChartHopContactInput => ({ type: 'HOME_EMAIL', format: 'EMAIL', value })),
    ...phoneContacts(facts.phones),
    { type: LEVER_CONTACT_TYPE, format: 'ID', value: facts.opportunityId },
  ];
  const address = addressFromLocation(facts.location);
  return { name, contacts, ...(address ? { address } : {}) };
}

/** Whether ChartHop still holds an active HIRE of `personId` into `jobId` (it is gone once someone removes it). */
export async function hireStillActive(charthop: ChartHopClient, jobId: string, personId: string): Promise<boolean> {
  for await (const change of charthop.orgs.changes({ jobId, personId })) {
    const active = (change.status ?? 'ACTIVE').toUpperCase() === 'ACTIVE';
    if (active && change.type.toUpperCase() === 'HIRE' && change.personId === personId) return true;
  }
  return false;
}

/**
 * Creates the hire's person and answers its id straight from the create (no read in between, so
 * the caller records it before anything else can fail). A 409 (someone created a person with these
 * emails meanwhile, e.g. another ReqBridge process) is settled by looking the person up: ours is
 * reused; a stranger's is reported by returning it as `taken`.
 */
export async function createPerson(charthop: ChartHopClient, facts: HireFacts): Promise<{ personId: string } | { taken: ChartHopPerson }> {
  try {
    return { personId: (await charthop.people.create(personBody(facts))).id };
  } catch (error) {
    if (!(isHttpFailure(error, 'bad_request') && error.status === 409)) throw error;
    const found = await charthop.people.findByEmail(facts.emails);
    if (!found) throw error;
    return isPersonOf(found, facts.opportunityId) ? { personId: found.id } : { taken: found };
  }
}

/** Sets the job to Pending, then writes the offered compensation (best effort: a refusal is reported, not fatal). */
export async function markJobPending(charthop: ChartHopClient, jobId: string, facts: HireFacts, logger: Logger): Promise<string | null> {
  await charthop.jobs.update(jobId, { recruit: 'Pending' });
  const offer = facts.offer;
  if (!offer) return null;
  const comp: Record<string, unknown> = {};
  if (offer.salary !== null && offer.salary >= 0) {
    comp['base'] = offer.salary;
    if (offer.currency) comp['currency'] = offer.currency;
  }
  if (offer.equity !== null) comp['grantShares'] = offer.equity;
  if (Object.keys(comp).length === 0) return null;
  try {
    await charthop.jobs.update(jobId, comp);
    return null;
  } catch (error) {
    if (!isHttpFailure(error, 'bad_request', 'forbidden')) throw error;
    logger.warn(`Hire of opportunity ${facts.opportunityId}: ChartHop refused the offered compensation on job ${jobId}`, error);
    return `ChartHop refused the offered compensation (${error.serverMessage ?? error.message}); set it on the job by hand.`;
  }
}
