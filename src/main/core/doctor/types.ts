/**
 * The pre-flight "doctor" report: the vendor guide's "Set up the API
 * connection" step, automated. Plain data, no secrets — the lead copies this
 * shape into the shared contract for the Setup page and `reqbridge doctor`.
 */
import type { ChartHopClient } from '../charthop/client.ts';
import type { LeverClient } from '../lever/client.ts';
import type { Logger } from '../logging/logger.ts';
import type { ProfileSettings } from '../../../shared/settings/schema.ts';
import type { WebhookStatus } from '../../../shared/api/hires-views.ts';
import type { DoctorProgress, DoctorReport } from '../../../shared/api/doctor-views.ts';
import type { ApiShapeReport } from '../../../shared/api/shape-views.ts';

export type { DoctorCheck, DoctorProgress, DoctorReport, DoctorStatus } from '../../../shared/api/doctor-views.ts';

/** What the doctor needs: the profile and a client per vendor (null when its credential is not set). */
export interface DoctorDeps {
  profile: ProfileSettings;
  /** Null when the profile has no Lever API key. */
  lever: LeverClient | null;
  /** Null when the profile has no ChartHop token (or no org). */
  charthop: ChartHopClient | null;
  logger?: Logger;
  now?: () => Date;
  /** The profile's new-hire webhook endpoint, when the host runs it (null: not readable here). */
  webhook?: WebhookStatus | null;
  /**
   * Stops the checks: those not finished by then are reported "Not checked — cancelled". Build the
   * clients with the same signal, so a probe under way is dropped at once.
   */
  signal?: AbortSignal;
  /** Receives `doctor:progress`: check K of N finished, with its title. */
  onProgress?: (progress: DoctorProgress) => void;
  /** The profile's API shape record, read once every other check has talked to both systems (null: not kept here). */
  shapes?: () => ApiShapeReport | null;
  /** Masks secrets in the finished report (the core's redactor): a check's detail can quote a vendor's text. */
  redact?: (report: DoctorReport) => DoctorReport;
}

/** The ids of every check, in report order. */
export const DOCTOR_CHECK_IDS = [
  'lever.key',
  'lever.read',
  'lever.create-requisitions',
  'lever.delete-requisitions',
  'lever.update-posting',
  'lever.update-requisition-fields',
  'lever.confidential',
  'charthop.token',
  'charthop.org',
  'charthop.write',
  'charthop.metric-fields',
  'identity.lookups',
  'api.shapes',
  'users.match',
  'lever.duplicate-teams',
  'crosswalk.departments',
  'crosswalk.locations',
  'options.valid',
  'options.direction',
  'webhook.hire',
] as const;

/** One of the check ids. */
export type DoctorCheckId = (typeof DOCTOR_CHECK_IDS)[number];
