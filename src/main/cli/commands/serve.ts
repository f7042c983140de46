/**
 * `reqbridge serve [--json]`: the always-on mode. Runs, headless and for every profile, what the
 * desktop app runs in the background (Run Daily with its catch-up, Sync On Change, the new-hire
 * catch-up at start, the webhook listeners and tunnels), logging to stdout. Every client profile
 * whose new-hire flow is set up gets its listener, tunnel or not (a server sits behind its own
 * proxy). `--json` prints one JSON line when ready. SIGTERM or SIGINT stops it: the scheduler
 * and listeners close (acknowledged deliveries are already stored and resume at the next start),
 * then the databases; exit 0. Secrets come from `REQBRIDGE_SECRETS_FILE` when it is set.
 */
import { isAppError } from '../../core/errors.ts';
import { newHireFlowSetUp } from '../../core/hires/flow-setup.ts';
import { createLogger, streamSink } from '../../core/logging/logger.ts';
import { createRedactor } from '../../core/logging/redactor.ts';
import { startNodeCore } from '../../core/node-core.ts';
import { startBackground } from '../../core/background.ts';
import { resolveDataDir } from '../../core/paths.ts';
import type { SecretStore } from '../../core/secrets/secret-store.ts';
import type { CliOutput } from '../output.ts';
import { secretsFileStoreFromEnv } from '../secrets-file-choice.ts';
import { serveClock } from '../serve-clock.ts';
import { untilInterrupted } from './webhook.ts';

/** What `--json` prints once serve is ready, per profile. */
export interface ServeReadyProfile {
  id: string;
  name: string;
  /** The webhook listener's local URL, or null when the profile's new-hire flow is not set up. */
  listenerUrl: string | null;
  publicUrl: string | null;
  /** Next scheduled daily runs (ISO). */
  nextRuns: string[];
}

/** Runs serve until `stop` resolves (default: SIGTERM/SIGINT); resolves with the exit code. */
export async function runServeCommand(
  args: { json: boolean },
  out: CliOutput,
  options: { env?: Readonly<Record<string, string | undefined>>; stop?: () => Promise<void>; exitWhenStopped?: boolean } = {},
): Promise<number> {
  const env = options.env ?? process.env;
  const stop = options.stop ?? untilInterrupted;
  const stopped = stop();
  const redactor = createRedactor();
  const logSink = streamSink(process.stdout);
  const logger = createLogger({ redactor, sink: logSink, level: 'info' });
  const dataDir = resolveDataDir(env);
  let secretStore: SecretStore | undefined;
  let clock;
  try {
    clock = serveClock(env);
    secretStore = secretsFileStoreFromEnv(env, dataDir);
  } catch (error) {
    if (!isAppError(error)) throw error;
    out.error(error.message);
    return error.code === 'cli.usage' ? 2 : 1;
  }
  const core = startNodeCore({ host: 'cli', env, logSink, logLevel: 'info', redactor, ...(secretStore ? { secretStore } : {}) });
  const background = await startBackground(core, { clock });
  const ready: ServeReadyProfile[] = [];
  const nextRuns = background.schedule.nextRuns();
  for (const profile of core.service.deps.settings.list().profiles) {
    let status = null;
    if (profile.kind === 'client') {
      try {
        if (await newHireFlowSetUp(core.service.deps.secrets, profile.id)) status = await core.hires.serve(profile.id);
      } catch (error) {
        logger.warn(`The webhook listener of ${profile.name} could not open; its deliveries wait until the next start.`, error);
      }
    }
    ready.push({
      id: profile.id,
      name: profile.name,
      listenerUrl: status?.localUrl ?? null,
      publicUrl: status?.publicUrl ?? null,
      nextRuns: nextRuns.filter((n) => n.profileId === profile.id).map((n) => n.at.toISOString()),
    });
  }
  if (args.json)
    process.stdout.write(
      `${JSON.stringify({ ready: true, dataDir: core.dataDir, secrets: secretStore ? 'file' : 'keychain', profiles: ready })}\n`,
    );
  else {
    logger.info(`ReqBridge serve is running (data ${core.dataDir}, secrets from ${secretStore ? 'the secrets file' : 'the keychain'}).`);
    for (const p of ready)
      logger.info(
        `${p.name}: listener ${p.listenerUrl ?? 'off (no Lever webhook signature token)'}; next daily run ${p.nextRuns[0] ?? 'none'}`,
      );
  }
  await stopped;
  logger.info('Stopping: closing the scheduler, listeners and databases.');
  await background.stop();
  core.close();
  logger.info('Stopped.');
  // Work left after the grace period (a hire still waiting on an API) must not outlive the closed
  // databases: the process ends here, and that hire is processed again at the next start.
  if (options.exitWhenStopped) process.exit(0);
  return 0;
}
