// The browser host runs the core in its own process. Killed (SIGKILL), it is restarted: the page says so
// under the top bar, keeps working, and the notice can be dismissed.
import { readFileSync } from 'node:fs';
import { api, expect, test } from './host-fixture.ts';
import { appModels } from './pages/app.ts';

/** The host's child processes (Linux: /proc), i.e. its core process. */
function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

test('the engine killed: a notice says it was restarted, the app keeps working, and Dismiss hides the notice', async ({ page, host }) => {
  const { shell } = appModels(page);
  const [engine] = childrenOf(host.pid!);
  expect(engine).toBeGreaterThan(0);
  await expect(shell.engineNotice).toHaveCount(0);
  process.kill(engine!, 'SIGKILL');

  await expect(shell.engineNotice).toContainText("ReqBridge's engine stopped unexpectedly and was restarted.");
  await expect.poll(() => childrenOf(host.pid!)).not.toContain(engine);
  expect((await api(page, host, 'profiles:list', {})).profiles.map((p) => p.name)).toEqual(['Sandbox']);
  await shell.open('Runs');
  await shell.dismissEngineNotice();
  await expect(shell.engineNotice).toHaveCount(0);
});
