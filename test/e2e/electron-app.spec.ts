/**
 * The real desktop app under Playwright's Electron driver. It needs the
 * Electron binary, which is downloaded from the internet on first use; where
 * it is absent the test is skipped and says why.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const binary = findElectronBinary(ROOT);

test('the desktop app opens on the Sandbox profile with an isolated, sandboxed renderer', async () => {
  if ('reason' in binary) {
    const reason = `Electron binary unavailable: ${binary.reason}. This test runs where it can be downloaded.`;
    // Printed in the run's output as well as kept as the skip's annotation in the report.
    process.stderr.write(`skipped: ${reason}\n`);
    test.skip(true, reason);
    return;
  }
  const home = await mkdtemp(join(tmpdir(), 'reqbridge-electron-'));
  const app = await electron.launch({ executablePath: binary.path, args: [ROOT], env: { ...process.env, REQBRIDGE_HOME: home } });
  try {
    const window = await app.firstWindow();
    await expect(window.getByText('Sandbox').first()).toBeVisible();
    // No Node in the page; only the allow-listed bridge.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(['invoke', 'on']);
  } finally {
    await app.close();
    await rm(home, { recursive: true, force: true });
  }
});
