/**
 * Packaging config, read by electron-builder 26 (`npx electron-builder`).
 * It packs only the built app (out/) and package.json into app.asar, keeps
 * keytar's native module outside the archive so it can load, and flips
 * Electron's fuses at package time (reliability.md §3.1, item 12):
 * no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect, cookies encrypted,
 * the asar archive's integrity checked and the app loaded only from it.
 *
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'com.reqbridge.app',
  productName: 'ReqBridge',
  directories: { output: 'release' },
  files: ['out/**', 'package.json'],
  asarUnpack: ['**/node_modules/keytar/**/*.node'],
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
};
