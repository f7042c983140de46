/**
 * "Send a test delivery" (Setup step 5): a ping signed with the profile's own
 * signature token, shaped like Lever's "Verify connection" delivery (signed,
 * no `data`), posted over HTTP to the profile's own listener. The listener
 * checks and records it like Lever's ping, so the step shows the connection
 * verified. A ping names no opportunity, so it is never processed as a hire.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors.ts';
import { leverSignature } from './delivery.ts';

/** How long the listener gets to answer, ms. */
const ANSWER_TIMEOUT_MS = 10_000;

/** The body of a test ping signed with `signatureToken` at `now`. */
export function testPingBody(signatureToken: string, now: Date): Record<string, unknown> {
  const token = randomUUID();
  const triggeredAt = now.getTime();
  return { token, triggeredAt, signature: leverSignature(signatureToken, token, triggeredAt), event: 'candidateHired' };
}

/** What each refusal of the listener means, as a sentence with the next step. */
function refusal(status: number): string {
  if (status === 503)
    return 'The listener could not read the signature token. Save the Lever webhook signature token in this step, then try again.';
  if (status === 401) return "The listener refused the test delivery's signature: the signature token changed meanwhile. Try again.";
  if (status === 404) return 'The listener no longer serves this webhook address (a new secret was made meanwhile). Try again.';
  return `The listener answered the test delivery with HTTP ${status}. The details are in the log; try again.`;
}

/**
 * Posts a ping signed with `signatureToken` to `url`, the listener's full local webhook URL (null while it is not
 * running); throws an AppError saying what to do when there is no listener or token, or the ping is not accepted.
 */
export async function sendTestDelivery(url: string | null, signatureToken: string | null, now: Date): Promise<void> {
  if (!url) {
    throw new AppError(
      'webhook.not_listening',
      "This profile's webhook listener is not running, so there is nothing to send a test delivery to. " +
        'Choose how Lever reaches this computer (a tunnel or your own public URL) and save; the listener starts with it.',
    );
  }
  const token = signatureToken?.trim();
  if (!token) {
    throw new AppError(
      'webhook.no_signature_token',
      'Save the Lever webhook signature token first: the test delivery is signed with it, as Lever signs its deliveries.',
    );
  }
  let status: number;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(testPingBody(token, now)),
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    status = response.status;
  } catch (error) {
    throw new AppError(
      'webhook.test_unreachable',
      "The test delivery did not reach this profile's webhook listener (it stopped or did not answer in time). " +
        'Save the tunnel settings again to restart it, then try again.',
      { cause: error },
    );
  }
  if (status !== 200) throw new AppError('webhook.test_refused', refusal(status));
}
