/**
 * The CLI runs the built-in Sandbox profile against the same embedded fake
 * servers as the app (with the app's saved sandbox state), started only for
 * the commands that talk to the APIs and only when the Sandbox is the target.
 */
import type { SandboxRuntime } from '../core/bootstrap.ts';
import type { Logger } from '../core/logging/logger.ts';
import { resolveDataDir } from '../core/paths.ts';
import { createConfBacking } from '../core/settings/conf-backing.ts';
import { createProfilesRepository } from '../core/settings/profiles-repository.ts';
import { startEmbeddedSandbox } from '../host/embedded-sandbox.ts';

const API_COMMANDS = new Set(['doctor', 'plan', 'sync', 'reconcile', 'metrics', 'daily', 'hires', 'webhook']);

/** Start the embedded sandbox when `command` talks to the APIs of the Sandbox profile; else null. */
export async function embeddedSandboxForCommand(
  command: string,
  profileArg: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
): Promise<{ runtime: SandboxRuntime; close(): Promise<void> } | null> {
  if (!API_COMMANDS.has(command)) return null;
  const dataDir = resolveDataDir(env);
  const view = createProfilesRepository(createConfBacking(dataDir)).list();
  const wanted = profileArg?.toLowerCase();
  const target = wanted ? view.profiles.find((p) => p.id === profileArg || p.name.toLowerCase() === wanted) : view.profiles.find((p) => p.id === view.selectedId);
  if (target?.kind !== 'sandbox') return null;
  const embedded = await startEmbeddedSandbox(dataDir, logger);
  return { runtime: embedded.runtime, close: () => embedded.close() };
}
