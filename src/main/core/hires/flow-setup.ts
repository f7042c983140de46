/**
 * Whether a profile's new-hire flow is set up — the one condition for catching
 * up hires without a click (at app start and in the daily run): Lever's
 * webhook signature token is saved. The Sandbox's comes with the embedded
 * sandbox, so its daily run catches up the demo hires; a client profile used
 * only for the requisition flow never gets ChartHop people created for old
 * Lever hires behind the consultant's back.
 */
import { AppError } from '../errors.ts';
import type { SecretsService } from '../secrets/secrets-service.ts';

/** Why the daily catch-up did not run for a profile whose flow is not set up. */
export const NEW_HIRE_FLOW_NOT_SET_UP =
  'The new-hire catch-up was skipped because the new-hire flow is not set up (no Lever webhook signature token is saved). Save the token under Setup → New-hire data flow to catch up hires daily.';

/**
 * True when the profile's Lever webhook signature token is saved (keychain, environment or
 * sandbox). A keychain that cannot be read is an error, not "not set up", so it is reported.
 */
export async function newHireFlowSetUp(secrets: Pick<SecretsService, 'status'>, profileId: string): Promise<boolean> {
  const token = (await secrets.status(profileId)).find((s) => s.name === 'leverWebhookSignatureToken');
  if (token?.set) return true;
  if (token?.problem)
    throw new AppError('hires.secrets_unreadable', `The new-hire flow's signature token could not be read: ${token.problem}`);
  return false;
}
