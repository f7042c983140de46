/**
 * What runs in the core's own process: the embedded Sandbox (unless the host says not to) on a thread
 * of its own (host/sandbox-thread.ts), the core, the start-up recovery of runs a dead process left going,
 * and the background work (new-hire endpoints, schedules). The browser host ran these in its own process before.
 */
import type { AppInfo } from '../../shared/api/views.ts';
import type { Background } from '../core/background.ts';
import { startBackground } from '../core/background.ts';
import type { Core } from '../core/bootstrap.ts';
import type { LogRecord } from '../core/logging/logger.ts';
import { createLogger } from '../core/logging/logger.ts';
import type { Redactor } from '../core/logging/redactor.ts';
import { startNodeCore } from '../core/node-core.ts';
import { resolveDataDir } from '../core/paths.ts';
import type { SecretStore } from '../core/secrets/secret-store.ts';
import { markInterruptedRuns } from '../core/sync/interrupted-runs.ts';
import type { SandboxThread } from '../host/sandbox-thread.ts';
import { startSandboxThread } from '../host/sandbox-thread.ts';

/** How the host wants the engine started. */
export interface EngineOptions {
  host: AppInfo['host'];
  /** What `app:info` says (the desktop app passes its own); default package.json's. */
  version?: string;
  /** Where secrets are kept; default the OS keychain. */
  secretStore?: SecretStore;
  env: Readonly<Record<string, string | undefined>>;
  logSink: (record: LogRecord) => void;
  redactor: Redactor;
  /** Start the embedded Sandbox servers (default true). */
  sandbox: boolean;
  /** Opens the Sandbox servers' `/__sandbox/…` control surface to callers presenting it (e2e tests). */
  controlToken?: string;
  /** The Sandbox thread's entry file (sandbox-thread.ts); default the TypeScript source. */
  sandboxThreadEntry?: URL;
  /** Jobs in fresh Sandbox demo data (default the Sandbox profile's 40; a saved state is restored whatever its size). */
  sandboxJobs?: number;
}

/** Opportunities per job in the demo data, as in the Sandbox profile's preset (300 for 40 jobs). */
const OPPORTUNITIES_PER_JOB = 7.5;

/** A started engine. */
export interface Engine {
  core: Core & { dataDir: string };
  embedded: SandboxThread | null;
  background: Background;
  /** Stop the background work, save and close the Sandbox, close the databases. */
  stop(): Promise<void>;
}

/** Start the Sandbox, the core and the background work; on a failure what started is closed again. */
export async function startEngine(options: EngineOptions): Promise<Engine> {
  const dataDir = resolveDataDir(options.env);
  const logger = createLogger({ redactor: options.redactor, sink: options.logSink });
  const size = options.sandboxJobs
    ? { jobs: options.sandboxJobs, opportunities: Math.round(options.sandboxJobs * OPPORTUNITIES_PER_JOB) }
    : {};
  const sandboxOptions = {
    ...size,
    ...(options.controlToken ? { controlToken: options.controlToken } : {}),
    ...(options.sandboxThreadEntry ? { entry: options.sandboxThreadEntry } : {}),
  };
  // The Sandbox answers on a thread of its own, so its servers never hold this process's event loop.
  const embedded = options.sandbox ? await startSandboxThread(dataDir, logger, sandboxOptions) : null;
  let core: (Core & { dataDir: string }) | null = null;
  try {
    core = startNodeCore({
      host: options.host,
      ...(options.version ? { version: options.version } : {}),
      ...(options.secretStore ? { secretStore: options.secretStore } : {}),
      env: options.env,
      logSink: options.logSink,
      sandbox: embedded?.runtime ?? null,
      redactor: options.redactor,
    });
    markInterruptedRuns(core, core.dataDir);
    const started = core;
    const background = await startBackground(started);
    // This process can die without a clean stop: the Sandbox's state is saved after every Sandbox run and hire.
    const saveSandbox = (profileId: string) => {
      if (embedded && started.service.deps.settings.list().profiles.some((p) => p.id === profileId && p.kind === 'sandbox'))
        embedded.save();
    };
    const stopSaving = [
      started.events.on('run:finished', (run) => saveSandbox(run.profileId)),
      started.events.on('hire:received', (hire) => saveSandbox(hire.profileId)),
    ];
    return {
      core: started,
      embedded,
      background,
      async stop() {
        for (const stopSave of stopSaving) stopSave();
        await background.stop();
        await embedded?.close();
        started.close();
      },
    };
  } catch (error) {
    core?.close();
    await embedded?.close();
    throw error;
  }
}
