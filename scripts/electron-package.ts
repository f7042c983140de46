/**
 * Where the `electron` npm package lives. `REQBRIDGE_ELECTRON_PACKAGE=DIR`
 * points `npm start`/`npm run dev` at another copy of it (tests use an
 * isolated copy, so the project's node_modules/electron is never written).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The `electron` package's folder for this project. */
export function electronPackageDir(projectRoot: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const override = env.REQBRIDGE_ELECTRON_PACKAGE?.trim();
  if (override) return override;
  try {
    return dirname(createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return join(projectRoot, 'node_modules', 'electron');
  }
}
