// Lever opportunities: first the hires other data depends on (announced
// ChartHop hires, hires still to process, the edge cases), then ordinary
// candidates spread over postings and stages, some archived, some with
// offers (a few with two offer versions), a few contacts with two candidacies.
import { DEFAULT_ARCHIVE_REASONS, DEFAULT_OFFER_FIELDS, DEFAULT_STAGES } from '../lever/index.ts';
import type { LeverOffer, LeverOfferStatus, LeverOpportunity, LeverOpportunitySeed, LeverPosting, SeedOf } from '../lever/index.ts';
import { SOURCES } from './catalog.ts';
import { DAY, msOfDate } from './dates.ts';
import type { PlannedHire } from './jobs.ts';
import type { DemoName } from './names.ts';
import { createWeightedIndex } from './random.ts';
import type { PlannedRequisition } from './requisitions.ts';
import type { World } from './world.ts';

type PostingSeed = SeedOf<LeverPosting, 'id' | 'text'>;

interface Slot {
  plan: PlannedRequisition;
  posting: PostingSeed;
}

const HIRED_REASON = DEFAULT_ARCHIVE_REASONS.find((r) => r.type === 'hired')?.id ?? 'hired';
const NON_HIRED = DEFAULT_ARCHIVE_REASONS.filter((r) => r.type === 'non-hired' && r.status === 'active').map((r) => r.id);
const STAGE_WEIGHTS = [8, 5, 4, 35, 20, 14, 4];
const ORIGINS: { value: LeverOpportunity['origin']; weight: number }[] = [
  { value: 'applied', weight: 60 },
  { value: 'sourced', weight: 25 },
  { value: 'referred', weight: 10 },
  { value: 'agency', weight: 3 },
  { value: 'university', weight: 2 },
];
const OPEN_OFFER_STATUSES: LeverOfferStatus[] = ['draft', 'approval-sent', 'approved', 'sent', 'sent-manually', 'opened'];

function stageIndex(id: string): number {
  return DEFAULT_STAGES.findIndex((s) => s.id === id);
}

function stagePath(world: World, origin: LeverOpportunity['origin'], target: number, createdAt: number): LeverOpportunity['stageChanges'] {
  const start = origin === 'sourced' ? 0 : Math.min(3, target);
  const changes: LeverOpportunity['stageChanges'] = [];
  let at = createdAt;
  for (let i = Math.min(start, target); i <= target; i += 1) {
    if (i > start && world.r.chance(0.3)) continue;
    changes.push({
      toStageId: DEFAULT_STAGES[i]?.id ?? 'applicant-new',
      toStageIndex: i,
      updatedAt: Math.min(at, world.now),
      userId: null,
    });
    at += world.r.int(1, 6) * DAY;
  }
  return changes;
}

function offerFields(
  title: string,
  posting: PostingSeed,
  plan: PlannedRequisition,
  name: string,
  salary: number,
  currency: string,
  start: number,
): LeverOffer['fields'] {
  const f = DEFAULT_OFFER_FIELDS;
  return [
    { text: 'Job posting', identifier: f.posting, value: posting.text },
    { text: 'Job title', identifier: f.jobTitle, value: title },
    { text: 'Requisition', identifier: f.requisition, value: plan.req?.requisitionCode ?? null },
    { text: 'Candidate name', identifier: f.candidateName, value: name },
    { text: 'Offered compensation amount', identifier: f.salary, value: salary },
    { text: 'Compensation currency', identifier: f.currency, value: currency },
    { text: 'Type of earnings', identifier: f.salaryInterval, value: 'per-year-salary' },
    { text: 'Anticipated start date', identifier: f.startDate, value: start },
    { text: 'Offered equity', identifier: f.equity, value: 1000 * (1 + (salary % 7)) },
  ];
}

function offer(
  world: World,
  slot: Slot,
  name: string,
  status: LeverOfferStatus,
  createdAt: number,
  start: number,
): SeedOf<LeverOffer, 'fields'> {
  const band = slot.plan.req?.compensationBand;
  const salary = band ? band.max : 100_000;
  const sent = status !== 'draft' && status !== 'approval-sent';
  return {
    id: world.r.uuid(),
    posting: slot.posting.id,
    createdAt,
    status,
    creator: slot.posting.owner ?? null,
    fields: offerFields(slot.posting.text, slot.posting, slot.plan, name, salary, band?.currency ?? 'USD', start),
    approved: status !== 'draft' && status !== 'approval-sent' && status !== 'denied',
    approvedAt: sent ? createdAt + DAY : null,
    sentAt: sent ? createdAt + 2 * DAY : null,
    signedDocument:
      status === 'signed'
        ? { fileName: 'offer-signed.pdf', uploadedAt: createdAt + 3 * DAY, downloadUrl: 'https://hire.lever.co/offers/signed.pdf' }
        : null,
  };
}

interface OppInput {
  slot: Slot;
  name: DemoName;
  emails: string[];
  phone?: string;
  origin: LeverOpportunity['origin'];
  stage: number;
  createdAt: number;
  contact?: string;
}

function opportunity(world: World, input: OppInput): LeverOpportunitySeed {
  const { slot, name } = input;
  const full = `${name.first} ${name.last}`;
  const stageChanges = stagePath(world, input.origin, input.stage, input.createdAt);
  const last = stageChanges[stageChanges.length - 1]?.updatedAt ?? input.createdAt;
  const cats = slot.posting.categories;
  return {
    id: world.r.uuid(),
    name: full,
    contact: input.contact ?? world.r.uuid(),
    headline: '',
    stage: DEFAULT_STAGES[input.stage]?.id ?? 'applicant-new',
    confidentiality: slot.posting.confidentiality ?? 'non-confidential',
    location: cats?.location ?? null,
    emails: input.emails,
    phones: input.phone ? [{ type: 'mobile', value: input.phone }] : [],
    links: [],
    tags: [slot.posting.text, cats?.department, cats?.team, cats?.location, cats?.commitment].filter(
      (t): t is string => typeof t === 'string',
    ),
    sources: [world.r.pick(SOURCES)],
    origin: input.origin,
    archived: null,
    stageChanges,
    owner: slot.posting.owner ?? null,
    followers: slot.posting.followers ?? [],
    createdAt: input.createdAt,
    updatedAt: last,
    lastInteractionAt: last,
    lastAdvancedAt: last,
    application: {
      posting: slot.posting.id,
      type: input.origin === 'referred' ? 'referral' : input.origin === 'agency' ? 'agency' : 'posting',
      createdAt: input.createdAt,
      requisitionForHire: null,
    },
  };
}

function hiredOpportunity(world: World, slot: Slot, hire: PlannedHire): LeverOpportunitySeed {
  const start = msOfDate(hire.startDate);
  const archivedAt = hire.kind === 'historical' ? start - 14 * DAY : world.now - world.r.int(1, 10) * DAY;
  const createdAt = archivedAt - world.r.int(20, 60) * DAY;
  const opp = opportunity(world, {
    slot,
    name: hire.name,
    emails: hire.email ? [hire.email] : [],
    phone: hire.phone,
    origin: 'applied',
    stage: stageIndex('offer'),
    createdAt,
  });
  const req = slot.plan.req;
  opp.archived = { reason: HIRED_REASON, archivedAt };
  opp.updatedAt = archivedAt;
  opp.offers = [offer(world, slot, opp.name, 'signed', archivedAt - 7 * DAY, start)];
  if (opp.application && req)
    opp.application.requisitionForHire = {
      id: req.id,
      requisitionCode: req.requisitionCode,
      hiringManagerOnHire: req.hiringManager ?? null,
    };
  return opp;
}

/** Generates `target` opportunities (more if the required hires need it). */
export function buildOpportunities(world: World, plans: PlannedRequisition[], target: number): void {
  const slots: Slot[] = plans.flatMap((plan) => plan.postings.map((posting) => ({ plan, posting })));
  const out = world.lever.opportunities;
  const hires = world.facts.hires;
  for (const slot of slots) {
    const job = slot.plan.job;
    if (job?.hire && slot.posting === slot.plan.postings[0]) {
      const opp = hiredOpportunity(world, slot, job.hire);
      out.push(opp);
      const kind = job.hire.kind;
      if (kind !== 'historical') hires[kind].push(opp.id);
    } else if (job?.offerOut) {
      const opp = opportunity(world, {
        slot,
        ...candidate(world),
        origin: 'applied',
        stage: stageIndex('offer'),
        createdAt: world.now - world.r.int(20, 50) * DAY,
      });
      opp.offers = [
        offer(
          world,
          slot,
          opp.name,
          world.r.pick(['sent', 'opened', 'approved'] as const),
          world.now - world.r.int(2, 9) * DAY,
          world.now + world.r.int(20, 60) * DAY,
        ),
      ];
      out.push(opp);
    } else if (slot.plan.evergreen && hires.withoutJob.length === 0) {
      const name = world.names.name();
      const opp = hiredOpportunity(world, slot, {
        kind: 'toProcess',
        name,
        email: world.names.personalEmail(name),
        phone: world.names.phone('US'),
        startDate: isoIn(world, 21),
      });
      out.push(opp);
      hires.withoutJob.push(opp.id);
    }
  }
  const pickSlot = createWeightedIndex(
    slots.map((s) => (({ published: 10, internal: 4, closed: 2 }) as Record<string, number>)[s.posting.state ?? ''] ?? 0.2),
    world.r,
  );
  const pickStage = createWeightedIndex(STAGE_WEIGHTS, world.r);
  const pickOrigin = createWeightedIndex(
    ORIGINS.map((o) => o.weight),
    world.r,
  );
  for (let n = out.length; n < target; n += 1) {
    const slot = slots[pickSlot()] as Slot;
    const origin = ORIGINS[pickOrigin()]?.value ?? 'applied';
    const previous =
      out.length > 0 && world.r.chance(0.03) ? out[out.length - 1 - world.r.int(0, Math.min(50, out.length - 1))] : undefined;
    const who =
      previous && previous.emails && previous.emails.length > 0 && previous.contact
        ? { name: splitName(previous.name), emails: previous.emails, contact: previous.contact, phone: previous.phones?.[0]?.value }
        : candidate(world);
    const opened = slot.posting.createdAt ?? world.now - 90 * DAY;
    const createdAt = opened + Math.floor(world.r.next() * Math.max(DAY, world.now - opened - DAY));
    const stage = pickStage();
    const opp = opportunity(world, { slot, ...who, origin, stage, createdAt });
    if (world.r.chance(slot.posting.state === 'closed' ? 0.85 : 0.25)) {
      opp.archived = {
        reason: world.r.pick(NON_HIRED),
        archivedAt: Math.min(world.now - DAY, (opp.updatedAt ?? createdAt) + world.r.int(1, 20) * DAY),
      };
    }
    if (DEFAULT_STAGES[stage]?.id === 'offer') {
      const first = world.now - world.r.int(3, 30) * DAY;
      const status = opp.archived ? 'denied' : world.r.pick(OPEN_OFFER_STATUSES);
      opp.offers = [offer(world, slot, opp.name, status, first, world.now + world.r.int(15, 60) * DAY)];
      if (world.r.chance(0.2)) opp.offers.unshift(offer(world, slot, opp.name, 'denied', first - 5 * DAY, world.now + 10 * DAY));
    }
    out.push(opp);
  }
}

function isoIn(world: World, days: number): string {
  return new Date(world.now + days * DAY).toISOString().slice(0, 10);
}

function candidate(world: World): { name: DemoName; emails: string[]; phone: string } {
  const name = world.names.name();
  return { name, emails: [world.names.personalEmail(name)], phone: world.names.phone('US') };
}

function splitName(full: string): DemoName {
  const space = full.indexOf(' ');
  return { first: full.slice(0, space), last: full.slice(space + 1) };
}
