/**
 * The profile a CLI command acts on (the one the environment's overrides are
 * for), and the embedded sandbox: the CLI runs the built-in Sandbox profile
 * against the same fake servers as the app (with the app's saved sandbox
 * state), started only for the commands that talk to the APIs and only when
 * the Sandbox is the target.
 */
import type { SandboxRuntime } from '../core/bootstrap.ts';
import type { Logger } from '../core/logging/logger.ts';
import { resolveDataDir } from '../core/paths.ts';
import { createConfBacking } from '../core/settings/conf-backing.ts';
import { createProfilesRepository } from '../core/settings/profiles-repository.ts';
import { startEmbeddedSandbox } from '../host/embedded-sandbox.ts';

const API_COMMANDS = new Set(['doctor', 'plan', 'sync', 'reconcile', 'undo', 'metrics', 'daily', 'hires', 'webhook']);

/** True for the commands that call Lever and ChartHop. */
export const talksToApis = (command: string): boolean => API_COMMANDS.has(command);

/** A profile a command acts on, as the settings file names it. */
export interface CliTarget {
  id: string;
  kind: 'sandbox' | 'client';
}

/**
 * The profile a command acts on: `profileArg` (id or name, any case) or else the selected one;
 * null when the name matches no profile (the command itself then says so).
 */
export function cliTargetProfile(profileArg: string | undefined, env: Readonly<Record<string, string | undefined>>): CliTarget | null {
  const view = createProfilesRepository(createConfBacking(resolveDataDir(env))).list();
  const wanted = profileArg?.toLowerCase();
  const target = wanted
    ? view.profiles.find((p) => p.id === profileArg || p.name.toLowerCase() === wanted)
    : view.profiles.find((p) => p.id === view.selectedId);
  return target ? { id: target.id, kind: target.kind } : null;
}

/** Start the embedded sandbox when `command` talks to the APIs and its target is the Sandbox profile; else null. */
export async function embeddedSandboxFor(
  command: string,
  target: CliTarget | null,
  env: Readonly<Record<string, string | undefined>>,
  logger: Logger,
): Promise<{ runtime: SandboxRuntime; close(): Promise<void> } | null> {
  if (!talksToApis(command) || target?.kind !== 'sandbox') return null;
  const embedded = await startEmbeddedSandbox(resolveDataDir(env), logger);
  return { runtime: embedded.runtime, close: () => embedded.close() };
}
