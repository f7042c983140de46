// "Send a test delivery" against a real listener and inbox: a token pasted with spaces still signs
// right, and each way it can fail tells the consultant what happened and what to do next, in words.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors.ts';
import { sendTestDelivery } from '../../../src/main/core/hires/test-delivery.ts';
import { NOW, PATH, TOKEN, useReceiverHarness } from './receiver-fixture.ts';

const h = useReceiverHarness();
const url = (path = PATH): string => `http://127.0.0.1:${h.listener.port}${path}`;

/** The error `sendTestDelivery` throws, as code and message. */
async function failure(run: Promise<void>): Promise<{ code: string; message: string; cause: unknown }> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, message: error.message, cause: error.cause };
}

describe('a test delivery', () => {
  it('is signed with the token as saved without the spaces around it, and recorded as a ping', async () => {
    await sendTestDelivery(url(), `  ${TOKEN}\n`, new Date(NOW));
    expect(h.inbox.lastReceived(['ping'])).toBe(new Date(NOW).toISOString());
  });

  it('says the listener is not running when there is no address', async () => {
    expect(await failure(sendTestDelivery(null, TOKEN, new Date(NOW)))).toMatchObject({
      code: 'webhook.not_listening',
      message:
        "This profile's webhook listener is not running, so there is nothing to send a test delivery to. " +
        'Choose how Lever reaches this computer (a tunnel or your own public URL) and save; the listener starts with it.',
    });
  });

  it('asks for the signature token first when none is saved', async () => {
    expect(await failure(sendTestDelivery(url(), '   ', new Date(NOW)))).toMatchObject({
      code: 'webhook.no_signature_token',
      message: 'Save the Lever webhook signature token first: the test delivery is signed with it, as Lever signs its deliveries.',
    });
  });
});

describe('when the listener refuses it', () => {
  it('says the signature token changed when the listener refuses the signature', async () => {
    expect(await failure(sendTestDelivery(url(), 'an-older-signature-token', new Date(NOW)))).toEqual({
      code: 'webhook.test_refused',
      message: "The listener refused the test delivery's signature: the signature token changed meanwhile. Try again.",
      cause: undefined,
    });
    expect(h.rows()).toBe(0);
  });

  it('asks to save the token in this step when the listener cannot read it', async () => {
    await h.start({}, undefined, async () => null);
    expect(await failure(sendTestDelivery(url(), TOKEN, new Date(NOW)))).toMatchObject({
      code: 'webhook.test_refused',
      message: 'The listener could not read the signature token. Save the Lever webhook signature token in this step, then try again.',
    });
  });

  it('says the address changed when the listener no longer serves it', async () => {
    expect(await failure(sendTestDelivery(url('/webhooks/lever/an-old-secret'), TOKEN, new Date(NOW)))).toMatchObject({
      code: 'webhook.test_refused',
      message: 'The listener no longer serves this webhook address (a new secret was made meanwhile). Try again.',
    });
  });

  it('names any other answer and points to the log', async () => {
    h.state.db.exec('DROP TABLE inbox');
    expect(await failure(sendTestDelivery(url(), TOKEN, new Date(NOW)))).toMatchObject({
      code: 'webhook.test_refused',
      message: 'The listener answered the test delivery with HTTP 500. The details are in the log; try again.',
    });
  });

  it('says the delivery did not arrive when the listener is gone, keeping the network error as the cause', async () => {
    const gone = url();
    await h.listener.close();
    const error = await failure(sendTestDelivery(gone, TOKEN, new Date(NOW)));
    expect(error).toMatchObject({
      code: 'webhook.test_unreachable',
      message:
        "The test delivery did not reach this profile's webhook listener (it stopped or did not answer in time). " +
        'Save the tunnel settings again to restart it, then try again.',
    });
    expect(error.cause).toBeInstanceOf(Error);
  });
});
