/**
 * The parts of a full mutation run, `npm run mutate -- --part NAME` (or `--part all`, one after another).
 * The whole set takes hours on two cores, so it goes part by part (a run stopped with SIGINT or SIGTERM
 * saves a partial incremental file; one killed outright keeps nothing): each part has its own incremental file (`reports/stryker-incremental-NAME.json`) and report
 * (`reports/mutation-NAME/`), a finished part keeps its results, and `node scripts/mutation-score.ts`
 * adds the reports up per folder.
 */
import { matchesGlob } from 'node:path';

const SYNC = 'src/main/core/sync';

/** The sync engine's run side (applying a plan, the journal, locks and run logs), covered by the slower engine tests. */
const SYNC_RUN_FILES = [
  'apply-ops.ts',
  'apply-rows.ts',
  'completion-lane.ts',
  'engine-plan.ts',
  'engine.ts',
  'interrupted-runs.ts',
  'journal.ts',
  'lever-writes.ts',
  'links-store.ts',
  'plan-store.ts',
  'posting-follow.ts',
  'progress.ts',
  'readers.ts',
  'run-export.ts',
  'run-filter-sql.ts',
  'run-lock.ts',
  'run-log.ts',
  'run-session.ts',
].map((file) => `${SYNC}/${file}`);

/** Each part's `mutate` globs (a leading `!` excludes). A new file in `core/sync` falls into `sync-plan`. */
export const MUTATION_PARTS: Readonly<Record<string, readonly string[]>> = {
  'sync-plan': [`${SYNC}/*.ts`, ...SYNC_RUN_FILES.map((file) => `!${file}`)],
  'sync-run': SYNC_RUN_FILES,
  'sync-undo': [`${SYNC}/undo/**/*.ts`],
  hires: ['src/main/core/hires/**/*.ts'],
  http: ['src/main/core/http/**/*.ts'],
  metrics: ['src/main/core/metrics/**/*.ts'],
  logging: ['src/main/core/logging/**/*.ts'],
  rules: ['src/main/core/charthop/people.ts', 'src/shared/settings/options.ts'],
};

/** True when `file` is matched by the globs: by one without `!` and by none with it. */
export function matchesPart(file: string, globs: readonly string[]): boolean {
  const include = globs.filter((g) => !g.startsWith('!'));
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  return include.some((g) => matchesGlob(file, g)) && !exclude.some((g) => matchesGlob(file, g));
}

/** The part names `--part` takes: one part, or every part in order for `all`. Throws on an unknown name. */
export function partNames(name: string): string[] {
  if (name === 'all') return Object.keys(MUTATION_PARTS);
  if (!(name in MUTATION_PARTS))
    throw new Error(`--part ${name} is not a part; use one of: ${Object.keys(MUTATION_PARTS).join(', ')}, all`);
  return [name];
}

/** Where a part keeps its results. */
export function partPaths(name: string): { config: string; incremental: string; report: string; html: string } {
  return {
    config: `reports/stryker-${name}.config.mjs`,
    incremental: `reports/stryker-incremental-${name}.json`,
    report: `reports/mutation-${name}/mutation.json`,
    html: `reports/mutation-${name}/index.html`,
  };
}

/** The Stryker config of one part: the project's config with the part's files, incremental file and reports. */
export function partConfigSource(name: string): string {
  const paths = partPaths(name);
  const options = {
    mutate: MUTATION_PARTS[name],
    incrementalFile: paths.incremental,
    htmlReporter: { fileName: paths.html },
    jsonReporter: { fileName: paths.report },
    tempDirName: `.stryker-tmp-${name}`,
  };
  return [
    `// Written by npm run mutate -- --part ${name}: the project's Stryker config for one part of the full run.`,
    `import base from '../stryker.config.mjs';`,
    `export default { ...base, ...${JSON.stringify(options)} };`,
    '',
  ].join('\n');
}
