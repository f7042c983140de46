/* global process */
/**
 * Packaging config, read by electron-builder 26 (`npm run pack`, `npm run dist`).
 * app.asar holds only the built app (out/, without source maps) and package.json,
 * plus the production dependencies electron-builder adds; keytar's native module
 * stays outside the archive so it can load (N-API: the same build serves Node and
 * Electron, so nothing is rebuilt). Electron's fuses are flipped at package time
 * (reliability.md §3.1, item 12): no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no
 * --inspect, cookies encrypted, the asar archive's integrity checked and the app
 * loaded only from it.
 *
 * `REQBRIDGE_ELECTRON_DIST=DIR` packs with that Electron distribution
 * (electron-builder's `electronDist`) instead of downloading one: how tests
 * assemble the app where the binary cannot be downloaded.
 *
 * Installers (`npm run dist`): macOS dmg + zip for arm64 and x64; Windows NSIS,
 * per user (no admin rights); Linux AppImage + deb. Updates are published to
 * GitHub Releases, or a generic HTTPS server (electron-updater reads the feed
 * this config writes into the app as app-update.yml).
 *
 * @type {import('electron-builder').Configuration}
 */
const electronDist = process.env.REQBRIDGE_ELECTRON_DIST?.trim();

/**
 * The update feed written into the app as app-update.yml, named explicitly so electron-builder never guesses it
 * from the clone's remote (a clone whose origin is not a GitHub address fails the build otherwise).
 * @param {Record<string, string | undefined>} env
 * @returns {import('electron-builder').Configuration['publish']}
 */
function updateFeed(env) {
  const url = env.REQBRIDGE_UPDATE_URL?.trim();
  if (url) return [{ provider: 'generic', url }];
  const [owner, repo] = (env.GITHUB_REPOSITORY?.trim() ?? '').split('/');
  if (owner && repo) return [{ provider: 'github', owner, repo, releaseType: 'draft' }];
  return null;
}

module.exports = {
  appId: 'com.reqbridge.app',
  productName: 'ReqBridge',
  directories: { output: 'release', buildResources: 'build' },
  files: [
    'out/**',
    '!out/**/*.map',
    'package.json',
    '!**/node_modules/**/*.{map,md,markdown}',
    '!**/node_modules/**/{test,tests,__tests__,example,examples,docs}/**',
  ],
  asarUnpack: ['**/node_modules/keytar/**/*.node'],
  // Icons come from build/ (made by scripts/make-icons.ts); the tray's images ship beside app.asar.
  extraResources: [{ from: 'build', to: 'icons', filter: ['icon.png', 'trayTemplate.png', 'trayTemplate@2x.png'] }],
  npmRebuild: false,
  ...(electronDist ? { electronDist } : {}),
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  mac: {
    icon: 'build/icon.icns',
    category: 'public.app-category.business',
    target: [
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ],
    hardenedRuntime: true,
    notarize: true,
  },
  win: {
    icon: 'build/icon.ico',
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icon.png',
    category: 'Office',
    maintainer: 'ReqBridge',
    // The .desktop entry the AppImage and deb install (menus, the dock's window matching).
    desktop: {
      entry: { Name: 'ReqBridge', Comment: 'ChartHop and Lever requisition sync', StartupWMClass: 'ReqBridge', Categories: 'Office;' },
    },
  },
  // The update feed electron-updater reads: a generic HTTPS server when REQBRIDGE_UPDATE_URL names one at
  // build time, else GitHub Releases of the repository named by GITHUB_REPOSITORY (set in GitHub Actions).
  // Without either, the build carries no feed (a local `npm run pack`): "Check for updates" then says so.
  publish: updateFeed(process.env),
};
