/** Read models of the new-hire flow, as the Hires page and the Setup step see them. */
import type { TaskProgress } from './progress-views.ts';

/**
 * The guide's rules as decisions, each recorded with its reason. `needs_attention`: a lookup that
 * decides "exists or create" could not read ChartHop's answer, so nothing was written until a person
 * checks by hand and replays.
 */
export type HireDecision =
  'created' | 'job_missing' | 'person_exists' | 'not_first_hire' | 'no_email' | 'not_hired' | 'needs_attention' | 'pending' | 'failed';

/** One delivery or catch-up find, with what was decided and written. */
export interface HireView {
  id: string;
  /** The profile the hire belongs to (events carry hires of every profile). */
  profileId: string;
  source: 'webhook' | 'catch-up' | 'replay';
  receivedAt: string;
  decidedAt: string | null;
  opportunityId: string;
  candidateName: string | null;
  jobId: string | null;
  jobTitle: string | null;
  decision: HireDecision;
  reason: string;
  personId: string | null;
  startDate: string | null;
}

/**
 * The ChartHop job a "Job missing" hire could go into: its Lever requisition and the open, unlinked jobs
 * with the same title and hiring manager. `one` offers Link now; `several` is never guessed; `linked`
 * means the requisition got a job since the decision (Replay processes it).
 */
export interface JobMatchView {
  hireId: string;
  requisition: { id: string; code: string; name: string } | null;
  candidates: Array<{ id: string; title: string }>;
  verdict: 'one' | 'several' | 'none' | 'linked';
  /** What to do, in a sentence naming the requisition. */
  advice: string;
}

/** The result of a catch-up poll. */
export interface CatchUpResult {
  /** Hired opportunities Lever listed since the checkpoint (0 when cancelled before the listing was read). */
  found: number;
  /** Hires processed, each to its decision. */
  processed: number;
  decisions: Partial<Record<HireDecision, number>>;
  /**
   * Stopped by `hires:cancel-catch-up`, between two hires: the ones not reached were not queued and the
   * checkpoint did not move, so the next catch-up finds them again.
   */
  cancelled: boolean;
}

/**
 * Progress of a catch-up, pushed as `catch-up:progress`: `reading` the hired opportunities from Lever
 * (`done` counts those read, `total` is 0), then `processing` hire `done` of `total`, with an ETA once a
 * few are processed and `current` the candidate last processed.
 */
export type CatchUpProgress = TaskProgress<'reading' | 'processing'>;

/** The end of a catch-up, whoever started it, pushed as `catch-up:finished`: its result, or why it failed. */
export interface CatchUpFinished {
  profileId: string;
  result: CatchUpResult | null;
  /** The failure as a sentence when the catch-up failed. */
  error: string | null;
}

/** The webhook endpoint as the Setup step shows it. */
export interface WebhookStatus {
  profileId: string;
  /** The full public URL to paste into Lever, when a tunnel or public URL is up. */
  publicUrl: string | null;
  /** The local listener's URL (never exposed to Lever directly). */
  localUrl: string | null;
  /** The secret path segment, as the guide's "Webhook Setup" secret key. */
  secret: string;
  tunnel: { provider: 'none' | 'ngrok' | 'localtunnel' | 'public-url'; state: 'off' | 'starting' | 'up' | 'down'; error: string | null };
  signatureTokenSet: boolean;
  lastDeliveryAt: string | null;
  lastVerificationAt: string | null;
}
