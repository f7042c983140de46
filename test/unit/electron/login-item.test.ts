// "Start ReqBridge at login": an XDG autostart entry on Linux (in a temporary XDG_CONFIG_HOME), Electron's
// login item elsewhere; the Windows AppUserModelID.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ID, applyAppIdentity, autostartEntry, setStartAtLogin, trayIconFile } from '../../../src/main/electron/login-item.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const temp = makeTempDir();
afterAll(() => temp.cleanup());

describe('start at login', () => {
  it('on Linux writes the XDG autostart entry for the AppImage, and removes it when turned off', () => {
    const calls: boolean[] = [];
    const deps = {
      platform: 'linux' as const,
      env: { XDG_CONFIG_HOME: temp.path, APPIMAGE: '/home/c/Apps/ReqBridge "1.0".AppImage' },
      execPath: '/tmp/.mount_x/reqbridge',
      setLoginItemSettings: (s: { openAtLogin: boolean }) => calls.push(s.openAtLogin),
    };
    const file = join(temp.path, 'autostart', 'reqbridge.desktop');
    setStartAtLogin(deps, true);
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=ReqBridge\n');
    expect(entry).toContain('Exec="/home/c/Apps/ReqBridge \\"1.0\\".AppImage"\n');
    setStartAtLogin(deps, false);
    expect(existsSync(file)).toBe(false);
    setStartAtLogin(deps, false);
    expect(calls).toEqual([]);
  });

  it("uses the installed binary without an AppImage, and Electron's login item on macOS and Windows", () => {
    expect(autostartEntry('/opt/ReqBridge/reqbridge')).toContain('Exec="/opt/ReqBridge/reqbridge"');
    const calls: boolean[] = [];
    for (const platform of ['darwin', 'win32'] as const)
      setStartAtLogin(
        {
          platform,
          env: { XDG_CONFIG_HOME: join(temp.path, platform) },
          execPath: 'x',
          setLoginItemSettings: (s) => calls.push(s.openAtLogin),
        },
        true,
      );
    expect(calls).toEqual([true, true]);
    expect(existsSync(join(temp.path, 'darwin'))).toBe(false);
  });

  it('sets the AppUserModelID on Windows only', () => {
    const ids: string[] = [];
    const app = { setAppUserModelId: (id: string) => ids.push(id) };
    applyAppIdentity(app, 'linux');
    applyAppIdentity(app, 'darwin');
    applyAppIdentity(app, 'win32');
    expect(ids).toEqual([APP_ID]);
  });

  it('takes the tray image from the packaged resources (a template on macOS) or from build/ in development', () => {
    expect(trayIconFile('darwin', { resourcesPath: '/Applications/ReqBridge.app/Contents/Resources' }, '/x')).toBe(
      '/Applications/ReqBridge.app/Contents/Resources/icons/trayTemplate.png',
    );
    expect(trayIconFile('linux', null, '/src/reqbridge')).toBe('/src/reqbridge/build/icon.png');
  });
});
