/**
 * Electron hardening: the session's permission handlers, the external-link allow-list, and the
 * fuses in the packaging config (read with electron-builder's own loader and schema).
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternalSafely } from '../../../src/main/electron/external-links.ts';
import { lockPermissions } from '../../../src/main/electron/permissions.ts';
import { lockNavigation } from '../../../src/main/electron/window-options.ts';

vi.mock('electron', () => ({}));

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('permission handlers', () => {
  type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
  type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
  const session = { request: null as RequestHandler, check: null as CheckHandler };
  lockPermissions({
    setPermissionRequestHandler: (handler) => void (session.request = handler),
    setPermissionCheckHandler: (handler) => void (session.check = handler),
  });
  const asked = (permission: string): boolean => {
    let granted: boolean | null = null;
    session.request?.({} as WebContents, permission as never, (answer) => (granted = answer), {
      requestingUrl: 'app://reqbridge/index.html',
      isMainFrame: true,
    } as never);
    if (granted === null) throw new Error('the request handler did not answer');
    return granted;
  };
  const checked = (permission: string): boolean => session.check?.(null, permission as never, 'app://reqbridge', {} as never) ?? true;

  it('grant notifications only, when asked and when checked', () => {
    expect(asked('notifications')).toBe(true);
    expect(checked('notifications')).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'midi',
      'hid',
      'serial',
      'usb',
      'display-capture',
      'unknown',
    ]) {
      expect(asked(permission), permission).toBe(false);
      expect(checked(permission), permission).toBe(false);
    }
  });
});

describe('external links', () => {
  it("open Lever, ChartHop and the project's docs and releases over https", () => {
    for (const url of [
      'https://help.lever.co/hc/en-us/articles/360042364412',
      'https://hire.lever.co/settings/integrations',
      'https://lever.co/',
      'https://app.charthop.com/acme/settings/apps',
      'https://help.charthop.com/',
      'https://github.com/reqbridge/reqbridge',
      'https://github.com/reqbridge/reqbridge/blob/main/README.md#security',
      'https://github.com/reqbridge/reqbridge/releases/latest',
    ])
      expect(isAllowedExternalUrl(url), url).toBe(true);
  });

  it('refuse everything else, including look-alike hosts and plain http', () => {
    for (const url of [
      'http://help.lever.co/',
      'https://lever.co.attacker.example/',
      'https://evillever.co/',
      'https://attacker.example/?next=https://help.lever.co',
      'https://user:pass@help.lever.co/',
      'https://help.lever.co:8443/',
      'https://github.com/reqbridge/reqbridge-fork/releases',
      'https://github.com/someone/else',
      'https://github.com/reqbridge/reqbridge/settings',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(isAllowedExternalUrl(url), url).toBe(false);
  });

  it('are the only addresses a new-window request hands to the browser', () => {
    const contents = Object.assign(new EventEmitter(), { openHandler: null as null | ((details: { url: string }) => { action: string }) });
    const fake = Object.assign(contents, {
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => void (contents.openHandler = handler),
    });
    const openExternal = vi.fn();
    lockNavigation(fake as unknown as WebContents, openExternal);
    expect(fake.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.openHandler?.({ url: 'https://help.lever.co/' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://help.lever.co/']]);
    const shell = vi.fn();
    expect(openExternalSafely('https://evil.example/', shell)).toBe(false);
    expect(shell).not.toHaveBeenCalled();
  });
});

describe('packaging config (electron-builder)', () => {
  it('is found and accepted by electron-builder, packs only the built app, unpacks keytar and sets the fuses', async () => {
    const require = createRequire(import.meta.url);
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig(dir: string, path: string | null, options: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(ROOT, null, null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config).toMatchObject({
      appId: 'com.reqbridge.app',
      productName: 'ReqBridge',
      directories: { output: 'release' },
      files: [{ filter: expect.arrayContaining(['out/**', '!out/**/*.map', 'package.json']) }],
      asarUnpack: ['**/node_modules/keytar/**/*.node'],
      npmRebuild: false,
      // The installers: dmg + zip for both Mac architectures, NSIS per user, AppImage + deb.
      mac: {
        target: [
          { target: 'dmg', arch: ['arm64', 'x64'] },
          { target: 'zip', arch: ['arm64', 'x64'] },
        ],
      },
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      nsis: { oneClick: false, perMachine: false, allowElevation: false },
      linux: { target: ['AppImage', 'deb'], desktop: { entry: { StartupWMClass: 'ReqBridge' } } },
    });
    expect(
      (config.files as Array<{ filter: string[] }>)[0]?.filter.filter(
        (f) => !f.startsWith('!') && !f.startsWith('out/') && f !== 'package.json',
      ),
    ).toEqual([]);
    expect(config.asar).not.toBe(false);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const pkg = require('../../../package.json') as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['electron-builder']).toMatch(/^26\.\d+\.\d+$/);
  });
});
