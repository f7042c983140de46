/**
 * Acceptance (issue 16, point 4): a Sync On Change poll with nothing to do records no run; Home shows when ChartHop
 * was last checked instead. ReqBridge's own writes to ChartHop (the Lever Req IDs of a sync) come back in its
 * events feed: before, each one left an "On change — nothing to change" run behind.
 */
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

test('after the consultant’s sync, Sync On Change reads ReqBridge’s own writes back from ChartHop and adds no run; Home says when it last checked', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const { shell, home, planSheet: preview } = appModels(page);
  // The first sync, through the Preview.
  await shell.syncNow();
  await preview.applyAll();
  await expect(preview.result).toContainText(/Sync (succeeded|partly failed):.*linked/, { timeout: 90_000 });
  await preview.close();
  const runsBefore = await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 50 });
  expect(runsBefore).toHaveLength(1);

  // Check ChartHop every 10 s (the watcher restarts with it); wait for two polls, the second reading the sync's writes.
  await api(page, host, 'settings:update', { profileId: 'sandbox', patch: { syncOnChangeIntervalSeconds: 10 } });
  const lastPoll = async () => (await api(page, host, 'schedule:status', {})).lastPolls?.find((p) => p.profileId === 'sandbox')?.at ?? '';
  const start = await lastPoll();
  await expect.poll(lastPoll, { timeout: 60_000, intervals: [1000] }).not.toBe(start);
  const first = await lastPoll();
  await expect.poll(lastPoll, { timeout: 60_000, intervals: [1000] }).not.toBe(first);

  // No "On change" run: the run log still holds the one sync.
  const runsAfter = await api(page, host, 'runs:list', { profileId: 'sandbox', limit: 50 });
  expect(runsAfter.map((run) => run.trigger)).toEqual(['manual']);
  // Home's card says when ChartHop was last checked.
  await expect(home.card('sandbox').syncOnChange).toContainText(/Last checked (just now|\d+ seconds? ago)/);
});
