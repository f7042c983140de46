/** Setup for specs about Sync now itself: the profile's first sync goes through the Preview, so these specs make it first. */
import type { Page } from '@playwright/test';
import type { HostInfo } from './host-fixture.ts';
import { api } from './host-fixture.ts';

/**
 * Apply one row of the Sandbox's sync plan through the API (a `link` when there is one, it changes the least),
 * so the profile has synced once and Sync now writes straight away; the rest of the plan is left for Sync now.
 */
export async function syncOnceFirst(page: Page, host: HostInfo, profileId = 'sandbox'): Promise<void> {
  const plan = await api(page, host, 'sync:plan', { profileId, mode: 'sync' });
  const row = plan.rows.find((r) => r.action === 'link') ?? plan.rows.find((r) => ['create', 'update'].includes(r.action));
  if (!row) throw new Error('The plan has no row to apply.');
  await api(page, host, 'sync:apply', { profileId, planId: plan.planId, rowIds: [row.id], confirmLargeChange: false });
}
