/**
 * What Lever says about a hire, re-fetched whatever the webhook body claimed
 * (the body is unsigned, reliability.md §1.1): is the opportunity archived with
 * a reason of type `hired`, against which requisition, on which offer terms,
 * and the candidate's name, emails, phones and location.
 */
import { isHttpFailure } from '../http/errors.ts';
import type { LeverClient } from '../lever/client.ts';
import type { LeverApplication, LeverContact, LeverOffer, LeverOpportunity } from '../lever/schemas.ts';
import { cleanEmails } from './contact-info.ts';
import type { OfferTerms } from './offer-terms.ts';
import { pickOffer, readOfferTerms } from './offer-terms.ts';

/** A hire as Lever shows it now. */
export interface HireFacts {
  opportunityId: string;
  hired: boolean;
  /** When it was archived as hired (ms), for the catch-up checkpoint. */
  hiredAt: number | null;
  name: string | null;
  emails: string[];
  phones: Array<{ type?: string | null; value: string }>;
  location: string | null;
  requisition: { id: string; code: string | null } | null;
  offer: OfferTerms | null;
}

/** The outcome of reading a hire: its facts, or "Lever has no such opportunity". */
export type HireLookup = { found: true; facts: HireFacts } | { found: false };

/** Caches the account's hired archive reasons for one batch of work. */
export interface HiredReasons {
  ids(): Promise<ReadonlySet<string>>;
}

/** Reads the archive reasons of type `hired` once per batch. */
export function hiredReasons(lever: LeverClient): HiredReasons {
  let cached: Promise<ReadonlySet<string>> | undefined;
  return {
    ids() {
      cached ??= (async () => {
        const out = new Set<string>();
        for await (const reason of lever.opportunities.archiveReasons({ type: 'hired' })) if (reason.type === 'hired') out.add(reason.id);
        return out;
      })();
      cached.catch(() => {
        cached = undefined;
      });
      return cached;
    },
  };
}

function applicationOf(opportunity: LeverOpportunity): LeverApplication | null {
  // Stryker disable next-line ArrayDeclaration: a stand-in list of strings holds no application object either, so the result is null all the same
  for (const app of opportunity.applications ?? []) if (typeof app === 'object') return app;
  return null;
}

async function contactOf(lever: LeverClient, opportunity: LeverOpportunity): Promise<LeverContact | null> {
  if (opportunity.contact && typeof opportunity.contact === 'object') return opportunity.contact;
  if (typeof opportunity.contact !== 'string') return null;
  try {
    return await lever.opportunities.contact(opportunity.contact);
  } catch (error) {
    // A contact the key cannot read is not fatal: the opportunity carries emails and phones too.
    if (isHttpFailure(error, 'not_found', 'forbidden')) return null;
    throw error;
  }
}

function locationOf(contact: LeverContact | null, opportunity: LeverOpportunity): string | null {
  const loc = contact?.location;
  if (typeof loc === 'string' && loc.trim()) return loc.trim();
  if (loc && typeof loc === 'object' && typeof loc.name === 'string' && loc.name.trim()) return loc.name.trim();
  return opportunity.location?.trim() || null;
}

async function offersOf(lever: LeverClient, opportunityId: string): Promise<LeverOffer[]> {
  const out: LeverOffer[] = [];
  for await (const offer of lever.opportunities.offers(opportunityId)) out.push(offer);
  return out;
}

/** Re-fetches an opportunity with its application, contact and offers. */
export async function readHire(lever: LeverClient, reasons: HiredReasons, opportunityId: string): Promise<HireLookup> {
  let opportunity: LeverOpportunity;
  try {
    opportunity = await lever.opportunities.get(opportunityId, { expand: ['applications', 'contact'] });
  } catch (error) {
    if (isHttpFailure(error, 'not_found')) return { found: false };
    throw error;
  }
  const hiredIds = await reasons.ids();
  const reason = opportunity.archived?.reason ?? null;
  const hired = reason !== null && hiredIds.has(reason);
  const application = applicationOf(opportunity);
  const contact = await contactOf(lever, opportunity);
  const offer = hired ? pickOffer(await offersOf(lever, opportunityId)) : null;
  const forHire = application?.requisitionForHire ?? null;
  return {
    found: true,
    facts: {
      opportunityId,
      hired,
      hiredAt: hired ? (opportunity.archived?.archivedAt ?? null) : null,
      name: contact?.name?.trim() || opportunity.name?.trim() || null,
      emails: cleanEmails(contact?.emails, opportunity.emails),
      phones: [...(contact?.phones ?? []), ...(opportunity.phones ?? [])],
      location: locationOf(contact, opportunity),
      requisition: forHire ? { id: forHire.id, code: forHire.requisitionCode ?? null } : null,
      offer: offer ? readOfferTerms(offer) : null,
    },
  };
}
