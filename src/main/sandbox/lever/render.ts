import type { LeverStore } from './store.ts';
import type { LeverOpportunity, LeverPosting, LeverRequisition, LeverUser, LeverWebhook } from './state.ts';

/** The ids of the postings that list a requisition code, oldest first. */
export type PostingIdsOf = (code: string) => string[];

/** Posting ids per requisition code, from the postings' `requisitionCodes` (the link lives on postings; indexed by code). */
export function postingIndex(store: LeverStore): PostingIdsOf {
  return (code) => store.postings.withKey(code).map((p) => p.id);
}

/** A requisition in its GET shape: adds `postings` (derived) and `headcountInfinite`. */
export function renderRequisition(r: LeverRequisition, postingIdsOf: PostingIdsOf): Record<string, unknown> {
  return {
    id: r.id,
    requisitionCode: r.requisitionCode,
    name: r.name,
    backfill: r.backfill,
    confidentiality: r.confidentiality,
    status: r.status,
    headcountTotal: r.headcountTotal,
    headcountHired: r.headcountHired,
    headcountInfinite: r.headcountTotal === 'unlimited',
    creator: r.creator,
    owner: r.owner,
    hiringManager: r.hiringManager,
    employmentStatus: r.employmentStatus,
    location: r.location,
    department: r.department,
    team: r.team,
    internalNotes: r.internalNotes,
    compensationBand: r.compensationBand,
    postings: postingIdsOf(r.requisitionCode),
    offerIds: [...r.offerIds],
    approval: r.approval,
    customFields: r.customFields,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    closedAt: r.closedAt,
    timeToFillStartAt: r.timeToFillStartAt,
    timeToFillEndAt: r.timeToFillEndAt,
  };
}

/** A requisition as a drifted API would answer it: a renamed field, a number as a string, extra nesting. */
export function driftRequisition(rendered: Record<string, unknown>): Record<string, unknown> {
  const { team, location, headcountTotal, ...rest } = rendered;
  return {
    ...rest,
    teamName: team,
    location: location === null || location === undefined ? null : { name: location },
    headcountTotal: typeof headcountTotal === 'number' ? String(headcountTotal) : headcountTotal,
  };
}

/**
 * The internal document real Lever returned on requisition POST/PUT (§7.3, observed July 2026);
 * served when `writeResponseShape: 'internal'` so clients prove they re-GET after writes.
 */
export function renderRequisitionInternal(r: LeverRequisition, postingIdsOf: PostingIdsOf, accountId: string): Record<string, unknown> {
  return {
    id: r.id,
    accountId,
    requisitionCode: r.requisitionCode,
    name: r.name,
    backfill: r.backfill,
    status: r.status,
    internalNotes: r.internalNotes,
    headcountTotal: r.headcountTotal,
    headcountHired: r.headcountHired,
    headcountInfinite: r.headcountTotal === 'unlimited',
    employmentStatus: r.employmentStatus,
    location: r.location,
    team: r.team,
    customFields: r.customFields,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    creatorUserId: r.creator,
    ownerUserId: r.owner,
    hasConfidentialPosting: r.confidentiality === 'confidential',
    postingIds: postingIdsOf(r.requisitionCode),
    reservedOfferIds: [...r.offerIds],
    stateHistory: [{ beginAt: r.updatedAt, status: r.status, attribution: { timestamp: r.updatedAt, service: 'data-api' } }],
    search: { nameCodeTokens: [...r.name.toLowerCase().split(/\s+/).filter(Boolean), r.requisitionCode.toLowerCase()] },
  };
}

/** A posting in its GET shape; lists omit `content` and `followers` unless `include`d (§1.5). */
export function renderPosting(p: LeverPosting, include: ReadonlySet<string> | 'all'): Record<string, unknown> {
  const urls =
    p.state === 'draft'
      ? null
      : {
          list: 'https://jobs.lever.co/sandbox',
          show: `https://jobs.lever.co/sandbox/${p.id}`,
          apply: `https://jobs.lever.co/sandbox/${p.id}/apply`,
        };
  const out: Record<string, unknown> = {
    id: p.id,
    text: p.text,
    state: p.state,
    distributionChannels: p.distributionChannels,
    confidentiality: p.confidentiality,
    user: p.user,
    owner: p.owner,
    hiringManager: p.hiringManager,
    categories: p.categories,
    tags: p.tags,
    country: p.country,
    reqCode: p.reqCode,
    requisitionCodes: p.requisitionCodes,
    salaryRange: p.salaryRange,
    workplaceType: p.workplaceType,
    urls,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
  if (include === 'all' || include.has('content')) out['content'] = p.content;
  if (include === 'all' || include.has('followers')) out['followers'] = p.followers;
  return out;
}

/** A user in its GET shape. */
export function renderUser(u: LeverUser): Record<string, unknown> {
  return { ...u, linkedContactIds: null };
}

/** A webhook as list/get show it: never the signature token (§12.4). */
export function renderWebhook(w: LeverWebhook): Record<string, unknown> {
  return {
    id: w.id,
    event: w.event,
    url: w.url,
    configuration: { conditions: w.configuration.conditions },
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

/** The application of an opportunity in its GET shape (posting owner/HM copied from the posting). */
export function renderApplication(o: LeverOpportunity, store: LeverStore): Record<string, unknown> | undefined {
  const a = o.application;
  if (!a) return undefined;
  const posting = a.posting ? store.postings.get(a.posting) : undefined;
  return {
    id: a.id,
    type: a.type,
    candidateId: o.id,
    opportunityId: o.id,
    posting: a.posting,
    postingOwner: posting?.owner ?? null,
    postingHiringManager: posting?.hiringManager ?? null,
    user: a.user,
    name: a.name,
    email: a.email,
    phone: a.phone,
    company: a.company,
    links: [],
    comments: null,
    customQuestions: [],
    createdAt: a.createdAt,
    archived: o.archived,
    requisitionForHire: a.requisitionForHire,
  };
}

/** The contact behind an opportunity: note `location` is an object here, a string on the opportunity (§10.4). */
export function renderContact(o: LeverOpportunity): Record<string, unknown> {
  return {
    id: o.contact,
    name: o.name,
    headline: o.headline,
    isAnonymized: o.isAnonymized,
    location: o.location === null ? null : { name: o.location },
    emails: o.emails,
    phones: o.phones,
    dataProtection: null,
  };
}

/**
 * An opportunity in its GET shape; `expand` replaces ids by objects for applications, stage,
 * owner, followers, sourcedBy and contact.
 */
export function renderOpportunity(o: LeverOpportunity, store: LeverStore, expand: ReadonlySet<string>): Record<string, unknown> {
  const user = (id: string | null): unknown =>
    id === null ? null : store.users.get(id) ? renderUser(store.users.get(id) as LeverUser) : id;
  const app = renderApplication(o, store);
  const posting = o.application?.posting ? store.postings.get(o.application.posting) : undefined;
  return {
    id: o.id,
    name: o.name,
    headline: o.headline,
    contact: expand.has('contact') ? renderContact(o) : o.contact,
    stage: expand.has('stage') ? (store.stages.find((s) => s.id === o.stage) ?? o.stage) : o.stage,
    confidentiality: o.confidentiality,
    location: o.location,
    opportunityLocation: posting?.categories.location ?? null,
    emails: o.emails,
    phones: o.phones,
    links: o.links,
    tags: o.tags,
    sources: o.sources,
    origin: o.origin,
    archived: o.archived,
    stageChanges: o.stageChanges,
    sourcedBy: expand.has('sourcedBy') ? user(o.sourcedBy) : o.sourcedBy,
    owner: expand.has('owner') ? user(o.owner) : o.owner,
    followers: expand.has('followers') ? o.followers.map(user) : o.followers,
    applications: app ? [expand.has('applications') ? app : app['id']] : [],
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    lastInteractionAt: o.lastInteractionAt,
    lastAdvancedAt: o.lastAdvancedAt,
    snoozedUntil: o.snoozedUntil,
    urls: { list: 'https://hire.lever.co/candidates', show: `https://hire.lever.co/candidates/${o.id}` },
    isAnonymized: o.isAnonymized,
    dataProtection: null,
  };
}
