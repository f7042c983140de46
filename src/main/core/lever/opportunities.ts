/**
 * Lever opportunities and what hangs off them (lever-api.md §10): list with
 * the filters the engine needs, get with `expand`, applications, offers,
 * contacts, stages and archive reasons. All read-only.
 */
import type { LeverApi } from './api.ts';
import { seg } from './api.ts';
import { applicationSchema, archiveReasonSchema, contactSchema, offerSchema, opportunitySchema, stageSchema } from './schemas.ts';
import type { LeverApplication, LeverArchiveReason, LeverContact, LeverOffer, LeverOpportunity, LeverStage } from './schemas.ts';

/** Filters of `GET /opportunities` (repeatable ones OR together). */
export interface OpportunityFilter {
  /** Currently applied to the posting (not archived from it). */
  postingId?: string | string[];
  /** Archived from the posting. */
  archivedPostingId?: string | string[];
  stageId?: string | string[];
  /** true/false; omitted = both. */
  archived?: boolean;
  archiveReasonId?: string | string[];
  /** Exact match on the canonical address; must be a valid email or Lever answers 400. */
  email?: string | string[];
  tag?: string | string[];
  createdAtStart?: number;
  createdAtEnd?: number;
  updatedAtStart?: number;
  updatedAtEnd?: number;
  archivedAtStart?: number;
  archivedAtEnd?: number;
  confidentiality?: 'confidential' | 'non-confidential' | 'all';
  /** Replace ids by objects: applications, stage, owner, followers, sourcedBy, contact. */
  expand?: string[];
}

/** Opportunity-side operations. */
export function opportunityOperations(api: LeverApi) {
  return {
    /** Every opportunity matching `filter`. */
    list: (filter: OpportunityFilter = {}): AsyncGenerator<LeverOpportunity, void, undefined> =>
      api.list(opportunitySchema, '/opportunities', '/opportunities', {
        posting_id: filter.postingId,
        archived_posting_id: filter.archivedPostingId,
        stage_id: filter.stageId,
        archived: filter.archived,
        archive_reason_id: filter.archiveReasonId,
        email: filter.email,
        tag: filter.tag,
        created_at_start: filter.createdAtStart,
        created_at_end: filter.createdAtEnd,
        updated_at_start: filter.updatedAtStart,
        updated_at_end: filter.updatedAtEnd,
        archived_at_start: filter.archivedAtStart,
        archived_at_end: filter.archivedAtEnd,
        confidentiality: filter.confidentiality,
        expand: filter.expand,
      }),
    /** One opportunity; `expand` e.g. `['applications', 'contact']`. */
    get: (id: string, options: { expand?: string[] } = {}): Promise<LeverOpportunity> =>
      api.getOne(opportunitySchema, `/opportunities/${seg(id)}`, '/opportunities/:id', { expand: options.expand }),
    /** The opportunity's offers (an opportunity may hold several versions; newest last). */
    offers: (opportunityId: string): AsyncGenerator<LeverOffer, void, undefined> =>
      api.list(offerSchema, `/opportunities/${seg(opportunityId)}/offers`, '/opportunities/:id/offers'),
    /** The opportunity's applications (at most one in practice). */
    applications: (opportunityId: string): AsyncGenerator<LeverApplication, void, undefined> =>
      api.list(applicationSchema, `/opportunities/${seg(opportunityId)}/applications`, '/opportunities/:id/applications'),
    /** A contact (the person behind opportunities). */
    contact: (contactId: string): Promise<LeverContact> => api.getOne(contactSchema, `/contacts/${seg(contactId)}`, '/contacts/:id'),
    /** Pipeline stages in order. */
    stages: (): AsyncGenerator<LeverStage, void, undefined> => api.list(stageSchema, '/stages', '/stages'),
    /** Archive reasons; hires use a reason of `type: 'hired'`. */
    archiveReasons: (filter: { type?: 'hired' | 'non-hired' } = {}): AsyncGenerator<LeverArchiveReason, void, undefined> =>
      api.list(archiveReasonSchema, '/archive_reasons', '/archive_reasons', { type: filter.type }),
  };
}
