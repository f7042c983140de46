/**
 * Acceptance (issue 16, point 6): on the Sandbox a consultant verifies the webhook with a test delivery
 * (remembered after a reload, shown on Home, and no one is created); a "Job missing" hire says which
 * requisition it is and links its ChartHop job with Link now; Replay decides the same row again.
 */
import type { Page } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import type { HostInfo } from './host-fixture.ts';
import { openSection } from './app-pages.ts';
import { charthopJobRows, editLeverState, sandboxOf } from './sandbox-control.ts';

interface LeverRecord { id: string; email?: string; requisitionCode?: string; name?: string; hiringManager?: string | null }

/**
 * Lever's side of the story: the requisition of the demo's hire without a ChartHop job (LVR-0003) is the
 * same position as one of ChartHop's open jobs that was never linked — same title, same hiring manager.
 */
async function requisitionLikeAnUnlinkedJob(page: Page, host: HostInfo): Promise<{ title: string; code: string }> {
  const sandbox = sandboxOf(host);
  const rows = await charthopJobRows(page.request, sandbox, ['title', 'open', 'req', 'leverReqId', 'hireMgr.contact.workEmail']);
  const job = rows.find((row) => row['open'] === 'open' && !row['req'] && !row['leverReqId'] && row['hireMgr.contact.workEmail']);
  if (!job) throw new Error('The Sandbox has no open ChartHop job without a requisition.');
  const users = (await api(page, host, 'settings:get', { profileId: 'sandbox' })).mappings.users;
  const managerEmail = String(job['hireMgr.contact.workEmail']);
  const leverEmail = users[managerEmail] ?? managerEmail;
  const code = 'LVR-0003';
  await editLeverState(page.request, sandbox, (state) => {
    const manager = (state['users'] as LeverRecord[]).find((user) => user.email === leverEmail);
    const requisition = (state['requisitions'] as LeverRecord[]).find((req) => req.requisitionCode === code);
    if (!manager || !requisition) throw new Error(`The Sandbox's Lever has no user ${leverEmail} or no requisition ${code}.`);
    Object.assign(requisition, { name: String(job['title']), hiringManager: manager.id });
  });
  return { title: String(job['title']), code };
}

test('a test delivery verifies the Sandbox webhook for good and creates no one; Link now brings a Job missing hire in; Replay keeps one row', async ({ page, host }) => {
  // Setup, step 5: the consultant sends a test delivery and the step says the connection is verified.
  await openSection(page, 'Setup');
  const step = page.getByTestId('step-5');
  await step.getByRole('button', { name: 'Send a test delivery' }).click();
  await expect(step.getByTestId('test-delivery').getByRole('status')).toContainText('the connection is verified');
  await expect(step.locator('.step-header .chip')).toHaveText('Done — connection verified');
  await expect(step.getByTestId('webhook-live-status')).toContainText('connection verified just now');

  // Still verified after a reload, and Home's card says when.
  await page.reload();
  await expect(page.getByTestId('step-5').locator('.step-header .chip')).toHaveText('Done — connection verified');
  await openSection(page, 'Home');
  const webhook = page.locator('[data-testid="home-card"][data-profile="sandbox"]').getByTestId('home-webhook');
  await expect(webhook).toContainText('Last verification');
  await expect(webhook).not.toContainText('Not yet');

  // Hires: the ping is not a hire, and the empty state no longer sends the consultant to set the webhook up.
  await openSection(page, 'Hires');
  await expect(page.getByRole('heading', { name: 'No hires yet' })).toBeVisible();
  await expect(page.getByTestId('hires-webhook-ready')).toContainText('The webhook is set up');
  await expect(page.getByRole('button', { name: 'Set up the webhook' })).toHaveCount(0);

  // A hire whose requisition was never linked: Catch up now decides it "Job missing".
  const { title, code } = await requisitionLikeAnUnlinkedJob(page, host);
  await page.getByRole('button', { name: 'Catch up now' }).click();
  await expect(page.getByTestId('catch-up-result')).toContainText(/[1-9]\d* found/, { timeout: 30_000 });
  const rows = page.getByTestId('hire-row');
  const total = await rows.count();
  const missing = rows.filter({ has: page.locator('[data-decision="job_missing"]') });
  await expect(missing).toHaveCount(1);
  const missingId = await missing.getAttribute('data-hire-id');
  await missing.getByRole('button', { name: 'Details' }).click();

  // The detail names the requisition and the one job it matches, and Link now brings the hire in on the same row.
  const detail = page.getByTestId('hire-detail');
  await expect(detail).toContainText('a sync never creates ChartHop jobs from Lever');
  const match = detail.getByTestId('job-match');
  await expect(match).toContainText(`The open ChartHop job “${title}” has the title and hiring manager of Lever requisition ${code}`);
  await match.getByRole('button', { name: 'Link now' }).click();
  await expect(detail.getByRole('status')).toContainText('Linked and replayed: Created', { timeout: 30_000 });
  const linked = page.locator(`[data-testid="hire-row"][data-hire-id="${missingId}"]`);
  await expect(linked.getByTestId('decision-chip')).toHaveAttribute('data-decision', 'created');
  await expect(linked).toContainText(title);
  await expect(rows).toHaveCount(total);

  // Replay of a refused hire decides the same row again: no row is added.
  await linked.getByRole('button', { name: 'Hide' }).click();
  const refused = rows.filter({ has: page.locator('[data-decision="person_exists"], [data-decision="no_email"]') }).first();
  const refusedId = await refused.getAttribute('data-hire-id');
  await refused.getByRole('button', { name: 'Details' }).click();
  await page.getByTestId('hire-detail').getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByTestId('hire-detail').getByRole('status')).toContainText('Replayed:');
  await expect(page.locator(`[data-testid="hire-row"][data-hire-id="${refusedId}"]`)).toContainText('Replay');
  await expect(rows).toHaveCount(total);
});
