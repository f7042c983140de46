/**
 * Loads a package that is optional for ReqBridge (the tunnel clients) with a
 * dynamic `import()`, so the app builds, starts and tests without them and
 * only the provider that needs one says, clearly, that it is missing.
 */
import { AppError } from '../errors.ts';

/** What an optional package is for, to name it in the error. */
export interface OptionalPackage {
  name: string;
  version: string;
  purpose: string;
}

/** True when `error` says the module itself could not be found. */
export function isModuleMissing(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(name);
}

/** Imports `pkg.name`; an AppError naming the package and what to do when it is not installed. */
export async function importOptional<T>(pkg: OptionalPackage): Promise<T> {
  const specifier = pkg.name;
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    if (!isModuleMissing(error, pkg.name)) throw error;
    throw new AppError(
      'tunnel.package_missing',
      `The ${pkg.purpose} needs the ${pkg.name} package, which this installation of ReqBridge does not include. Choose another tunnel in Setup → New-hire data flow, or install it (npm install ${pkg.name}@${pkg.version}) and restart ReqBridge.`,
      { cause: error },
    );
  }
}
