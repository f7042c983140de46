/**
 * `npm run mutate [-- --since REV] [stryker options]`: runs Stryker with the project's config. With
 * `--since REV` it mutates only the covered files changed since the branch left REV (committed,
 * uncommitted or new), so a check before a change to the core takes minutes.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { changedSince, parseMutateArgs, strykerArgs } from './mutate-args.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  const args = parseMutateArgs(process.argv.slice(2));
  const config = (await import(pathToFileURL(`${root}stryker.config.mjs`).href)) as { default: { mutate: string[] } };
  const plan = strykerArgs(args, args.since === null ? null : changedSince(args.since, root), config.default.mutate);
  if ('nothing' in plan) {
    console.log(plan.nothing);
  } else {
    if (args.since !== null) console.log(`Mutating the files changed since ${args.since}: ${plan.run[2]}`);
    const stryker = join(dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');
    const child = spawn(process.execPath, [stryker, ...plan.run], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  }
} catch (error) {
  console.error(`npm run mutate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
