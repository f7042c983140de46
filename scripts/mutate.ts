/**
 * `npm run mutate [-- --since REV | --part NAME|all] [stryker options]`: runs Stryker with the project's
 * config. With `--since REV` it mutates only the covered files changed since the branch left REV
 * (committed, uncommitted or new), so a check before a change to the core takes minutes. With `--part`
 * it runs one part of the full run, or every part one after another (`all`), each keeping its own
 * results, and prints the score per folder of the parts' reports.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { changedSince, parseMutateArgs, strykerArgs } from './mutate-args.ts';
import { MUTATION_PARTS, partConfigSource, partNames, partPaths } from './mutation-parts.ts';
import type { MutationReport } from './mutation-score.ts';
import { formatScores, scoreByFolder } from './mutation-score.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const stryker = join(dirname(createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json')), 'bin', 'stryker.js');

/** Runs Stryker with the given arguments; resolves with its exit code. */
function runStryker(args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [stryker, ...args], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs the named parts in order; a part under the floor does not stop the next. Returns the worst exit code. */
async function runParts(names: readonly string[], passThrough: readonly string[]): Promise<number> {
  let worst = 0;
  for (const [i, name] of names.entries()) {
    const paths = partPaths(name);
    mkdirSync(join(root, 'reports'), { recursive: true });
    writeFileSync(join(root, paths.config), partConfigSource(name));
    console.log(`\nPart ${i + 1} of ${names.length}: ${name} (${MUTATION_PARTS[name]!.join(', ')})`);
    const started = Date.now();
    const code = await runStryker(['run', paths.config, ...passThrough]);
    console.log(`Part ${name} ended with code ${code} after ${Math.round((Date.now() - started) / 60_000)} min.`);
    worst = Math.max(worst, code);
  }
  const reports = Object.keys(MUTATION_PARTS)
    .map((name) => join(root, partPaths(name).report))
    .filter((path) => existsSync(path))
    .map((path) => JSON.parse(readFileSync(path, 'utf8')) as MutationReport);
  if (reports.length > 0) console.log(`\nScore per folder, from every part's last report:\n${formatScores(scoreByFolder(reports))}`);
  return worst;
}

try {
  const args = parseMutateArgs(process.argv.slice(2));
  const config = (await import(pathToFileURL(`${root}stryker.config.mjs`).href)) as { default: { mutate: string[] } };
  const plan = strykerArgs(args, args.since === null ? null : changedSince(args.since, root), config.default.mutate);
  if ('nothing' in plan) {
    console.log(plan.nothing);
  } else if (args.part !== null) {
    process.exit(await runParts(partNames(args.part), args.passThrough));
  } else {
    if (args.since !== null) console.log(`Mutating the files changed since ${args.since}: ${plan.run[2]}`);
    process.exit(await runStryker(plan.run));
  }
} catch (error) {
  console.error(`npm run mutate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
