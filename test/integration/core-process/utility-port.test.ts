// The same entry started the way Electron's utilityProcess.fork starts it: only `process.parentPort`
// (messages in `{ data }`), no `process.send` (test/support/fake-parent-port.ts). Calls, events, a
// start-up failure and a clean stop go through the port adapter.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../src/main/core/api/in-process-client.ts';
import type { CoreProcess } from '../../../src/main/core/process/core-process-client.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { valueOf } from '../../support/test-core.ts';
import type { CoreForks } from './support.ts';
import { coreForks, startCoreProcess } from './support.ts';

const PRELOAD = ['--import', fileURLToPath(new URL('../../support/fake-parent-port.ts', import.meta.url))];
let forks: CoreForks;
let core: CoreProcess | null = null;
let temp: ReturnType<typeof makeTempDir>;

afterEach(async () => {
  await core?.close();
  core = null;
  await forks.killAll();
  temp.cleanup();
});

describe('the core process over a utility-process port', () => {
  it('answers calls, forwards events and stops cleanly', async () => {
    forks = coreForks();
    temp = makeTempDir();
    core = await startCoreProcess(forks.options(temp.path, ['--no-sandbox', '--host', 'electron', '--app-version', '2.0.0'], {}, PRELOAD));
    const api = createInProcessClient(core.dispatch, core.events);
    // The version the desktop app passes (its own, app.getVersion()), not package.json's.
    expect(valueOf(await api.invoke('app:info', {}))).toMatchObject({ host: 'electron', version: '2.0.0', dataDir: temp.path });
    const changed: number[] = [];
    api.on('profiles:changed', (view) => changed.push(view.profiles.length));
    valueOf(await api.invoke('profiles:create', { name: 'Acme' }));
    // The announcement follows the keychain's answer, so it may come just after the call's own answer.
    await expect.poll(() => changed).toEqual([2]);
    const child = forks.children[0]!;
    await core.close();
    core = null;
    expect(child.exitCode).toBe(0);
  });

  it('sends a start-up failure through the port and exits', async () => {
    forks = coreForks();
    temp = makeTempDir();
    writeFileSync(join(temp.path, 'settings.json'), 'not json', { mode: 0o600 });
    const failed = await startCoreProcess(forks.options(temp.path, ['--no-sandbox'], {}, PRELOAD)).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 'core.startup_failed', message: expect.stringMatching(/settings/i) });
  });
});
