import { randomUuid } from '../http/index.ts';
import type { Clock, Random } from '../http/index.ts';
import type {
  LeverApiKey,
  LeverApplication,
  LeverArchiveReason,
  LeverOffer,
  LeverOpportunity,
  LeverOpportunitySeed,
  LeverPosting,
  LeverRequisition,
  LeverRequisitionField,
  LeverSeed,
  LeverStage,
  LeverState,
  LeverUser,
  LeverWebhook,
} from './state.ts';

/** Lever's built-in stages (slug ids) plus two custom interview stages (UUIDs), in pipeline order. */
export const DEFAULT_STAGES: readonly LeverStage[] = [
  { id: 'lead-new', text: 'New lead' },
  { id: 'lead-reached-out', text: 'Reached out' },
  { id: 'lead-responded', text: 'Responded' },
  { id: 'applicant-new', text: 'New applicant' },
  { id: '2b2f6c1e-1a57-4d3c-9e0a-5d1a8c0f0a01', text: 'Phone screen' },
  { id: '2b2f6c1e-1a57-4d3c-9e0a-5d1a8c0f0a02', text: 'On-site interview' },
  { id: 'offer', text: 'Offer' },
];

/** Default archive reasons; exactly one of `type: 'hired'` ("Hired"). */
export const DEFAULT_ARCHIVE_REASONS: readonly LeverArchiveReason[] = [
  { id: '63dd55b2-a99f-4e7b-985f-22c7bf80ab42', text: 'Hired', status: 'active', type: 'hired' },
  { id: '63dd55b2-a99f-4e7b-985f-22c7bf80ab43', text: 'Withdrew', status: 'active', type: 'non-hired' },
  { id: '63dd55b2-a99f-4e7b-985f-22c7bf80ab44', text: 'Underqualified', status: 'active', type: 'non-hired' },
  { id: '63dd55b2-a99f-4e7b-985f-22c7bf80ab45', text: 'Position filled', status: 'active', type: 'non-hired' },
  { id: '63dd55b2-a99f-4e7b-985f-22c7bf80ab46', text: 'Timing', status: 'inactive', type: 'non-hired' },
];

/** All six opportunity origins: the default condition of a new webhook. */
export const ALL_ORIGINS: LeverWebhook['configuration']['conditions']['origins'] = [
  'applied',
  'sourced',
  'referred',
  'university',
  'internal',
  'agency',
];

/** Fills a seed's defaults (ids from the seeded RNG, timestamps from the clock) into a full state. */
export function normaliseSeed(seed: LeverSeed, clock: Clock, random: Random): LeverState {
  const now = clock();
  const uuid = (): string => randomUuid(random);
  return {
    keys: (seed.keys ?? []).map((k): LeverApiKey => ({ name: k.id, permissions: [], confidentialAccess: false, ...k })),
    users: (seed.users ?? []).map((u): LeverUser => ({
      username: u.email.split('@')[0] ?? u.email,
      accessRole: 'team member',
      photo: null,
      createdAt: now,
      deactivatedAt: null,
      externalDirectoryId: null,
      jobTitle: null,
      managerId: null,
      ...u,
    })),
    requisitionFields: (seed.requisitionFields ?? []).map((f): LeverRequisitionField => ({
      isRequired: false,
      createdAt: now,
      updatedAt: now,
      ...f,
    })),
    requisitions: (seed.requisitions ?? []).map((r): LeverRequisition => {
      const createdAt = r.createdAt ?? now;
      return {
        id: uuid(),
        backfill: false,
        confidentiality: 'non-confidential',
        status: 'open',
        headcountHired: 0,
        creator: null,
        owner: null,
        hiringManager: null,
        employmentStatus: null,
        location: null,
        department: null,
        team: null,
        internalNotes: '',
        compensationBand: null,
        offerIds: [],
        approval: { steps: [] },
        customFields: {},
        updatedAt: createdAt,
        closedAt: r.status === 'closed' ? (r.updatedAt ?? createdAt) : null,
        timeToFillStartAt: null,
        timeToFillEndAt: null,
        ...r,
        createdAt,
      };
    }),
    postings: (seed.postings ?? []).map((p): LeverPosting => {
      const createdAt = p.createdAt ?? now;
      const state = p.state ?? 'published';
      const categories = {
        team: null,
        department: null,
        location: null,
        commitment: null,
        level: null,
        allLocations: [],
        ...(p.categories ?? {}),
      };
      if (categories.allLocations.length === 0 && categories.location) categories.allLocations = [categories.location];
      return {
        state,
        distributionChannels: state === 'published' ? ['public', 'internal'] : null,
        confidentiality: 'non-confidential',
        user: null,
        owner: null,
        hiringManager: null,
        followers: [],
        tags: [],
        content: { description: '', descriptionHtml: '', lists: [], closing: '', closingHtml: '' },
        country: null,
        reqCode: null,
        requisitionCodes: [],
        salaryRange: null,
        workplaceType: 'unspecified',
        updatedAt: createdAt,
        ...p,
        categories,
        createdAt,
      };
    }),
    stages: seed.stages ? seed.stages.map((s) => ({ ...s })) : DEFAULT_STAGES.map((s) => ({ ...s })),
    archiveReasons: seed.archiveReasons
      ? seed.archiveReasons.map((a): LeverArchiveReason => ({ status: 'active', ...a }))
      : DEFAULT_ARCHIVE_REASONS.map((a) => ({ ...a })),
    opportunities: (seed.opportunities ?? []).map((o) => normaliseOpportunity(o, now, uuid)),
    webhooks: (seed.webhooks ?? []).map((w): LeverWebhook => ({
      id: uuid(),
      configuration: { conditions: { origins: [...ALL_ORIGINS] } },
      createdAt: now,
      updatedAt: now,
      ...w,
    })),
  };
}

/** Fills one opportunity's defaults, including its application and offers. */
export function normaliseOpportunity(o: LeverOpportunitySeed, now: number, uuid: () => string): LeverOpportunity {
  const createdAt = o.createdAt ?? now;
  const stage = o.stage ?? 'applicant-new';
  const { application: appSeed, offers: offerSeeds, ...rest } = o;
  const application: LeverApplication | null =
    appSeed === null || appSeed === undefined
      ? null
      : {
          id: uuid(),
          type: 'posting',
          user: null,
          name: o.name,
          email: o.emails?.[0] ?? null,
          phone: o.phones?.[0]?.value ?? null,
          company: null,
          createdAt,
          requisitionForHire: null,
          ...appSeed,
        };
  const offers = (offerSeeds ?? []).map((f): LeverOffer => ({
    id: uuid(),
    posting: application?.posting ?? null,
    createdAt: now,
    status: 'draft',
    creator: null,
    approved: false,
    approvedAt: null,
    sentAt: null,
    sentDocument: null,
    signedDocument: null,
    ...f,
  }));
  return {
    headline: '',
    contact: uuid(),
    stage,
    confidentiality: 'non-confidential',
    location: null,
    emails: [],
    phones: [],
    links: [],
    tags: [],
    sources: [],
    origin: 'applied',
    archived: null,
    stageChanges: [{ toStageId: stage, toStageIndex: 0, updatedAt: createdAt, userId: null }],
    sourcedBy: null,
    owner: null,
    followers: [],
    updatedAt: createdAt,
    lastInteractionAt: createdAt,
    lastAdvancedAt: createdAt,
    snoozedUntil: null,
    isAnonymized: false,
    ...rest,
    createdAt,
    application,
    offers,
  };
}
