// Lever API keys (full and reduced) and the webhook signature token; the
// ChartHop tokens are made with the org (org.ts).
import { LEVER_ALL_READ, LEVER_INTEGRATION_WRITES } from '../lever/index.ts';
import type { LeverPermission } from '../lever/index.ts';
import type { DemoCredentials } from './types.ts';
import type { World } from './world.ts';

const MANAGE_WEBHOOKS: LeverPermission = 'Manage webhooks';

/** Adds the Lever keys (and the webhook, when `webhookUrl` is set); returns every credential. */
export function buildCredentials(world: World, webhookUrl: string | undefined): DemoCredentials {
  const secret = (label: string): string => `lvr_${label}_${world.r.hex(32)}`;
  const full: LeverPermission[] = [...LEVER_ALL_READ, ...LEVER_INTEGRATION_WRITES, MANAGE_WEBHOOKS];
  const keys = {
    full: { id: 'key-full', secret: secret('full'), name: 'ChartHop (full)', permissions: full, confidentialAccess: true },
    readOnly: {
      id: 'key-read-only',
      secret: secret('read'),
      name: 'Read only',
      permissions: [...LEVER_ALL_READ],
      confidentialAccess: true,
    },
    noCreateRequisitions: {
      id: 'key-no-create',
      secret: secret('nocreate'),
      name: 'ChartHop (without Create requisitions)',
      permissions: full.filter((p) => p !== 'Create requisitions'),
      confidentialAccess: true,
    },
    noConfidential: {
      id: 'key-no-confidential',
      secret: secret('noconf'),
      name: 'ChartHop (no confidential access)',
      permissions: full,
      confidentialAccess: false,
    },
  };
  world.lever.keys.push(keys.full, keys.readOnly, keys.noCreateRequisitions, keys.noConfidential);
  const signatureToken = world.r.hex(40);
  if (webhookUrl)
    world.lever.webhooks.push({ event: 'candidateHired', url: webhookUrl, signatureToken, createdAt: world.now - 30 * 86_400_000 });
  const [owner, recruitEditor, readOnly] = world.tokens;
  return {
    leverKeys: {
      full: keys.full.secret,
      readOnly: keys.readOnly.secret,
      noCreateRequisitions: keys.noCreateRequisitions.secret,
      noConfidential: keys.noConfidential.secret,
    },
    charthopToken: owner?.token ?? '',
    charthopTokens: { owner: owner?.token ?? '', recruitEditor: recruitEditor?.token ?? '', readOnly: readOnly?.token ?? '' },
    org: world.facts.orgSlug,
    orgId: world.facts.orgId,
    webhookSignatureToken: signatureToken,
  };
}
