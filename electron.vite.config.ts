import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// Main (the Electron glue, index.js, and the engine's process, core.js: the core, the embedded Sandbox and the
// background work, which the glue starts with utilityProcess.fork; ES modules, code they share in chunks beside them),
// preload (sandboxed, CommonJS) and renderer (React).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/electron/index.ts'),
          core: resolve(root, 'src/main/core-process/main.ts'),
          // The embedded Sandbox's worker thread, which the engine starts from beside core.js (host/sandbox-thread.ts).
          'sandbox-thread': resolve(root, 'src/main/host/sandbox-thread-main.ts'),
        },
        external: ['keytar', 'electron', 'conf', 'electron-updater'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; the page's first load is held to a budget (renderer-budget test).
      minify: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
