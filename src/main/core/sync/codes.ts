/**
 * Requisition codes ReqBridge generates for jobs that have none. The code is
 * derived from the job id alone, so a retry after a crash looks for the same
 * code in Lever and finds the requisition instead of creating a second one.
 */
import { createHash } from 'node:crypto';

/** Prefix of generated codes, so they are recognisable in Lever. */
export const GENERATED_CODE_PREFIX = 'RB-';

/** The generated requisition code of a ChartHop job: `RB-` + 10 hex digits of SHA-256(job id). */
export function generatedRequisitionCode(jobId: string): string {
  return `${GENERATED_CODE_PREFIX}${createHash('sha256').update(jobId).digest('hex').slice(0, 10).toUpperCase()}`;
}
