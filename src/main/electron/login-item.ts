/**
 * "Start ReqBridge at login" on every OS, and the app's identity where the OS asks for it.
 * Electron's login-item API covers macOS and Windows; on Linux the app writes (or removes) an
 * XDG autostart entry, `$XDG_CONFIG_HOME/autostart/reqbridge.desktop`, that starts the AppImage
 * (or the installed binary). Windows needs the AppUserModelID set, or notifications do not show.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app id of the build config (electron-builder.cjs); Windows' AppUserModelID. */
export const APP_ID = 'com.reqbridge.app';

/** What the login item needs from Electron and the process. */
export interface LoginItemDeps {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The running executable (for an AppImage, `APPIMAGE` names the file to start instead). */
  execPath: string;
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  home?: string;
}

/** The XDG autostart entry's path. */
export function autostartFile(env: Readonly<Record<string, string | undefined>>, home: string = homedir()): string {
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), 'autostart', 'reqbridge.desktop');
}

/** Quotes an argument for a desktop entry's Exec key (Desktop Entry Specification, "The Exec key"). */
function execArgument(value: string): string {
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The autostart entry for the executable. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=ReqBridge',
    'Comment=ChartHop and Lever requisition sync',
    `Exec=${execArgument(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Sets "Start ReqBridge at login": Electron's login item on macOS and Windows, the XDG autostart entry on Linux. */
export function setStartAtLogin(deps: LoginItemDeps, openAtLogin: boolean): void {
  if (deps.platform !== 'linux') {
    deps.setLoginItemSettings({ openAtLogin });
    return;
  }
  const file = autostartFile(deps.env, deps.home);
  if (!openAtLogin) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, autostartEntry(deps.env.APPIMAGE?.trim() || deps.execPath), { mode: 0o644 });
}

/** Sets the Windows AppUserModelID (notifications need it); nothing elsewhere. */
export function applyAppIdentity(app: { setAppUserModelId?(id: string): void }, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId?.(APP_ID);
}

/**
 * The tray icon's file: the macOS template image (black, the menu bar tints it) or the app icon
 * elsewhere; from the packaged app's resources/icons, or the project's build/ folder in development.
 */
export function trayIconFile(platform: NodeJS.Platform, packaged: { resourcesPath: string } | null, projectRoot: string): string {
  const name = platform === 'darwin' ? 'trayTemplate.png' : 'icon.png';
  return packaged ? join(packaged.resourcesPath, 'icons', name) : join(projectRoot, 'build', name);
}
