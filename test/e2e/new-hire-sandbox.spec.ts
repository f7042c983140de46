/**
 * Acceptance (issue 16, point 6): on the Sandbox a consultant verifies the webhook with a test delivery
 * (remembered after a reload, shown on Home, and no one is created); a "Job missing" hire says which
 * requisition it is and links its ChartHop job with Link now; Replay decides the same row again.
 */
import type { Page } from '@playwright/test';
import { api, expect, test } from './host-fixture.ts';
import type { HostInfo } from './host-fixture.ts';
import { appModels } from './pages/app.ts';
import { charthopJobRows, editLeverState, sandboxOf } from './sandbox-control.ts';

interface LeverRecord {
  id: string;
  email?: string;
  requisitionCode?: string;
  name?: string;
  hiringManager?: string | null;
}

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

test('a test delivery verifies the Sandbox webhook for good and creates no one; Link now brings a Job missing hire in; Replay keeps one row', async ({
  page,
  host,
}) => {
  const { home, setup, hires } = appModels(page);
  const webhook = setup.webhook;
  // Setup, step 5: the consultant sends a test delivery and the step says the connection is verified.
  await setup.open();
  await webhook.sendTestDelivery();
  await expect(webhook.testDeliveryStatus).toContainText('the connection is verified');
  await expect(webhook.chip).toHaveText('Done — connection verified');
  await expect(webhook.liveStatus).toContainText('connection verified just now');

  // Still verified after a reload, and Home's card says when.
  await page.reload();
  await expect(webhook.chip).toHaveText('Done — connection verified');
  await home.open();
  await expect(home.card('sandbox').webhook).toContainText('Last verification');
  await expect(home.card('sandbox').webhook).not.toContainText('Not yet');

  // Hires: the ping is not a hire, and the empty state no longer sends the consultant to set the webhook up.
  await hires.open();
  await expect(hires.noHiresHeading).toBeVisible();
  await expect(hires.webhookReady).toContainText('The webhook is set up');
  await expect(hires.setUpWebhookButton).toHaveCount(0);

  // A hire whose requisition was never linked: Catch up now decides it "Job missing".
  const { title, code } = await requisitionLikeAnUnlinkedJob(page, host);
  await hires.catchUp();
  await expect(hires.catchUpResult).toContainText(/[1-9]\d* found/, { timeout: 30_000 });
  const rows = hires.rows;
  const total = await rows.count();
  const missing = hires.rowsDecided('job_missing');
  await expect(missing).toHaveCount(1);
  const missingId = await missing.getAttribute('data-hire-id');
  await hires.openDetails(missing);

  // The detail names the requisition and the one job it matches, and Link now brings the hire in on the same row.
  await expect(hires.detail).toContainText('a sync never creates ChartHop jobs from Lever');
  await expect(hires.jobMatch).toContainText(
    `The open ChartHop job “${title}” has the title and hiring manager of Lever requisition ${code}`,
  );
  await hires.linkNow();
  await expect(hires.replayStatus).toContainText('Linked and replayed: Created', { timeout: 30_000 });
  const linked = hires.rowOfHire(missingId);
  await expect(hires.decisionOf(linked)).toHaveAttribute('data-decision', 'created');
  await expect(linked).toContainText(title);
  await expect(rows).toHaveCount(total);

  // Replay of a refused hire decides the same row again: no row is added.
  await hires.hideDetails(linked);
  const refused = hires.rowsDecided('person_exists', 'no_email').first();
  const refusedId = await refused.getAttribute('data-hire-id');
  await hires.openDetails(refused);
  await hires.replay();
  await expect(hires.replayStatus).toContainText('Replayed:');
  await expect(hires.rowOfHire(refusedId)).toContainText('Replay');
  await expect(rows).toHaveCount(total);
});
