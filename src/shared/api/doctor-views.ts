/** The connection doctor's report: the guide's "Set up the API connection" step, checked. */
import type { MappableValue } from './mapping-views.ts';
import type { TaskProgress } from './progress-views.ts';

/**
 * How a check came out. `warn`: works, but something will go wrong for some records;
 * `unverified`: could not be proven either way (said honestly rather than guessed).
 */
export type DoctorStatus = 'pass' | 'warn' | 'fail' | 'unverified';

/** One row of the report. */
export interface DoctorCheck {
  /** Stable id, e.g. `lever.delete-requisitions`. */
  id: string;
  title: string;
  status: DoctorStatus;
  /** What was found, in a sentence or two. */
  detail: string;
  /** One line saying what to do; null when there is nothing to do. */
  fix: string | null;
  /** The offending values (unmatched emails, unmapped departments…), when there is a list. */
  items?: string[];
  /** Beside `items`, index for index: the value a mapping can fix (Map… in Check connection), or null for an item no mapping fixes. */
  mappable?: Array<MappableValue | null>;
}

/** The whole report. */
export interface DoctorReport {
  profileId: string;
  startedAt: string;
  finishedAt: string;
  /** False when any check failed (the CLI exits non-zero). */
  ok: boolean;
  counts: Record<DoctorStatus, number>;
  checks: DoctorCheck[];
  /** Stopped by `doctor:cancel`: the checks not run are `unverified` with {@link CANCELLED_CHECK_DETAIL}. */
  cancelled: boolean;
}

/** The detail of a check that a cancel stopped before it finished. */
export const CANCELLED_CHECK_DETAIL = 'Not checked — cancelled.';

/**
 * Progress of Check connection, pushed as `doctor:progress`: check `done` of `total` finished,
 * `current` its title, with an ETA once a few are done.
 */
export type DoctorProgress = TaskProgress<'checking'>;
