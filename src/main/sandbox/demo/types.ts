// Public types of the demo-data generator.
import type { ChartHopSeed } from '../charthop/state.ts';
import type { LeverSeed } from '../lever/index.ts';

/** Options of `generateDemoData`. */
export interface DemoDataOptions {
  /** PRNG seed: the same seed (and sizes and `now`) gives the same data. */
  seed: number;
  /** Number of ChartHop jobs (open and filled); at least 4. */
  jobs: number;
  /** Number of Lever opportunities (candidates); hires that other data depends on are always included. */
  opportunities: number;
  /** "Now" of the demo world, epoch ms; default {@link DEMO_DEFAULT_NOW}. Dates are spread around it. */
  now?: number;
  /** When set, a `candidateHired` webhook to this URL is registered in the Lever seed. */
  webhookUrl?: string;
}

/** Fixed default "now" so a call without `now` is still deterministic. */
export const DEMO_DEFAULT_NOW = Date.UTC(2026, 10, 2, 9, 0, 0);

/** Lever API keys of the demo: full permissions and reduced ones. */
export interface DemoLeverKeys {
  /** All read + Create/Delete requisitions, Update posting, Update requisition fields, webhooks; confidential access. */
  full: string;
  /** All read, no write permission. */
  readOnly: string;
  /** Full minus "Create requisitions". */
  noCreateRequisitions: string;
  /** Full permissions but without confidential access. */
  noConfidential: string;
}

/** Everything a client needs to talk to the demo servers. */
export interface DemoCredentials {
  leverKeys: DemoLeverKeys;
  /** ChartHop bearer token with OWNER access. */
  charthopToken: string;
  charthopTokens: { owner: string; recruitEditor: string; readOnly: string };
  /** ChartHop org slug (the org path segment; the id works too). */
  org: string;
  orgId: string;
  /** Signature token of the seeded `candidateHired` webhook (registered only with `webhookUrl`). */
  webhookSignatureToken: string;
}

/** A manager or recruiter whose email differs between the two systems (or who is missing from Lever). */
export interface DemoEmailMismatch {
  name: string;
  role: 'manager' | 'recruiter';
  charthopPersonId: string;
  charthopEmail: string;
  /** Absent when the person has no Lever user at all. */
  leverUserId?: string;
  leverEmail?: string;
  kind: 'different-local-part' | 'different-domain' | 'missing-in-lever';
}

/** Facts about the generated data that tests and demos can rely on. */
export interface DemoFacts {
  orgId: string;
  orgSlug: string;
  /** Deliberate email mismatches between ChartHop people and Lever users. */
  emailMismatches: DemoEmailMismatch[];
  /** Same address, different letter case (should still match when compared case-insensitively). */
  emailCaseVariants: { name: string; charthopEmail: string; leverEmail: string }[];
  duplicatedTeam: { name: string; departments: [string, string]; requisitionCodes: string[] };
  remoteLocation: { charthopGroupId: string; name: string };
  hires: {
    /** Hired in Lever and already a future-dated HIRE (announced person) in ChartHop. */
    alreadyInCharthop: string[];
    /** Hired in Lever, not yet in ChartHop: what a catch-up poll should process. */
    toProcess: string[];
    /** Hired, but the candidate has no email. */
    withoutEmail: string[];
    /** Hired, but the candidate's email belongs to an existing ChartHop person (internal transfer). */
    existingPerson: string[];
    /** Hired against a Lever-only requisition with no ChartHop job. */
    withoutJob: string[];
  };
  counts: {
    jobs: number;
    openJobs: number;
    filledJobs: number;
    persons: number;
    requisitions: number;
    postings: number;
    opportunities: number;
    leverUsers: number;
  };
  /**
   * The first Sync now's story (first-sync.ts): the Active jobs with no requisition code yet
   * (created), the ones skipped for the recruiter missing from Lever (created once the suggested
   * mapping is added), and that mapping.
   */
  firstSync: {
    codelessJobIds: string[];
    awaitingMappingJobIds: string[];
    suggestedMapping: { kind: 'user'; charthopValue: string; leverValue: string } | null;
  };
  /** Open jobs per recruiting status and requisitions per status. */
  recruitStatuses: Record<string, number>;
  requisitionStatuses: Record<string, number>;
}

/** What `generateDemoData` returns. */
export interface DemoData {
  lever: LeverSeed;
  charthop: ChartHopSeed;
  credentials: DemoCredentials;
  facts: DemoFacts;
}
