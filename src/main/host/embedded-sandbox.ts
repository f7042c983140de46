/**
 * The embedded Sandbox for the app's built-in Sandbox profile: fake Lever and
 * ChartHop servers on 127.0.0.1 with demo data, started in-process by a host.
 * Their state is saved to the data folder when the host stops and restored at
 * the next start, so a rehearsal survives a restart (delete the folder's
 * `sandbox/` to start over with fresh demo data).
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { ensurePrivateDir, writePrivateFile } from '../core/files/private-files.ts';
import { join } from 'node:path';
import type { SandboxRuntime } from '../core/bootstrap.ts';
import type { Logger } from '../core/logging/logger.ts';
import type { Sandbox, StartSandboxOptions } from '../sandbox/start-sandbox.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';

/** A running embedded sandbox and what the core needs to know about it. */
export interface EmbeddedSandbox {
  runtime: SandboxRuntime;
  sandbox: Sandbox;
  /** Save the state now (the core process does after each run, so a crash loses no finished run's writes). */
  save(): void;
  /** Save the state and stop both servers. */
  close(): Promise<void>;
}

interface SavedState {
  version: 1;
  lever: unknown;
  charthop: unknown;
}

/** Start the embedded sandbox, restoring the state saved under `dataDir` when there is one. */
export async function startEmbeddedSandbox(dataDir: string, logger: Logger, options: StartSandboxOptions = {}): Promise<EmbeddedSandbox> {
  const folder = join(dataDir, 'sandbox');
  const file = join(folder, 'state.json');
  const sandbox = await startSandbox(options);
  if (existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
      sandbox.control.lever.seed(saved.lever as Parameters<Sandbox['control']['lever']['seed']>[0]);
      sandbox.control.charthop.seed(saved.charthop as Parameters<Sandbox['control']['charthop']['seed']>[0]);
    } catch (error) {
      logger.warn(`The saved sandbox state in ${file} could not be restored; starting from fresh demo data.`, error);
    }
  }
  const runtime: SandboxRuntime = {
    endpoints: { leverBaseUrl: sandbox.lever.url, charthopBaseUrl: sandbox.charthop.url, charthopOrg: sandbox.charthop.org },
    secrets: {
      leverApiKey: sandbox.credentials.leverKeys.full,
      charthopToken: sandbox.credentials.charthopToken,
      leverWebhookSignatureToken: sandbox.credentials.webhookSignatureToken,
    },
  };
  const save = (): void => {
    try {
      ensurePrivateDir(folder);
      const state: SavedState = { version: 1, lever: sandbox.control.lever.state(), charthop: sandbox.control.charthop.state() };
      writePrivateFile(`${file}.tmp`, JSON.stringify(state));
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      logger.warn('The sandbox state could not be saved; the next start uses fresh demo data.', error);
    }
  };
  return {
    runtime,
    sandbox,
    save,
    async close() {
      save();
      await sandbox.close();
    },
  };
}
