/**
 * For the built-in Sandbox profile only: registers a `candidateHired` webhook
 * pointing at the local listener in the embedded fake Lever, through Lever's
 * own webhooks API (lever-api.md §12.5), and keeps the signature token Lever
 * returns on create. Webhooks left by earlier runs (other loopback ports or
 * secrets) are removed first, so a hire is delivered once.
 */
import type { Logger } from '../logging/logger.ts';
import type { ProfileHires } from './profile-hires.ts';

const LOOPBACK_HOOK = /^http:\/\/127\.0\.0\.1:\d+\/webhooks\/lever\//;

/** Registers the webhook; the signature token, or null when the sandbox could not be reached. */
export async function registerSandboxWebhook(flow: ProfileHires, url: string, logger: Logger): Promise<string | null> {
  try {
    const { lever } = await flow.clients();
    if (!lever) return null;
    for await (const hook of lever.account.webhooks()) {
      if (hook.event === 'candidateHired' && LOOPBACK_HOOK.test(hook.url)) await lever.account.deleteWebhook(hook.id);
    }
    const created = await lever.account.createWebhook({ event: 'candidateHired', url });
    return created.record.signatureToken;
  } catch (error) {
    logger.warn(
      'The Sandbox webhook could not be registered in the embedded fake Lever; hires reach the Sandbox through Catch up only',
      error,
    );
    return null;
  }
}
