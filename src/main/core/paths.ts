/**
 * Where ReqBridge keeps its data. `REQBRIDGE_HOME` relocates everything
 * (settings, state databases) — tests use it for isolation. Without it, host
 * and CLI use the same folder as the desktop app's userData, so all three share
 * one set of profiles.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder for ReqBridge's data on this platform, honouring REQBRIDGE_HOME. */
export function resolveDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.REQBRIDGE_HOME?.trim();
  if (override) return override;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'ReqBridge');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'ReqBridge');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'ReqBridge');
}
