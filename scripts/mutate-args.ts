/**
 * The argument handling of `npm run mutate`: `--since REV` (or `--since=REV`) becomes Stryker's
 * `--mutate` list, the files changed since REV that the config's `mutate` globs cover; `--part NAME`
 * runs one part of the full run (see `mutation-parts.ts`); every other argument goes to `stryker run`
 * unchanged. Stryker has no such options of its own.
 */
import { execFileSync } from 'node:child_process';
import { matchesGlob } from 'node:path';

/** The revision given with `--since`, the part given with `--part`, and the arguments meant for Stryker. */
export interface MutateArgs {
  since: string | null;
  part: string | null;
  passThrough: string[];
}

const OWN_OPTIONS = {
  since: '--since needs a git revision, e.g. --since main',
  part: '--part needs a part name, e.g. --part hires, or --part all',
} as const;

/** Splits `--since REV` and `--part NAME` (or `=` forms) from the rest; throws on one without a value, given twice, or both together. */
export function parseMutateArgs(argv: readonly string[]): MutateArgs {
  const own: Record<keyof typeof OWN_OPTIONS, string | null> = { since: null, part: null };
  const passThrough: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const name = (Object.keys(OWN_OPTIONS) as (keyof typeof OWN_OPTIONS)[]).find((n) => arg === `--${n}` || arg.startsWith(`--${n}=`));
    if (!name) {
      passThrough.push(arg);
      continue;
    }
    let value: string | undefined;
    if (arg === `--${name}`) {
      value = argv[i + 1];
      i += 1;
    } else {
      value = arg.slice(`--${name}=`.length);
    }
    if (!value || value.startsWith('--')) throw new Error(OWN_OPTIONS[name]);
    if (own[name] !== null) throw new Error(`--${name} was given twice`);
    own[name] = value;
  }
  if (own.since !== null && own.part !== null) throw new Error('--since and --part each choose the files to mutate; give one of them');
  return { since: own.since, part: own.part, passThrough };
}

/** The changed files (repository-relative, `/`-separated) that one of the `mutate` globs covers, sorted and unique. */
export function filesToMutate(changed: readonly string[], globs: readonly string[]): string[] {
  const wanted = changed.map((f) => f.trim().replaceAll('\\', '/')).filter((f) => f !== '' && globs.some((g) => matchesGlob(f, g)));
  return [...new Set(wanted)].sort();
}

/** What to run: Stryker's arguments, or nothing when `--since` leaves no file to mutate. */
export function strykerArgs(
  args: MutateArgs,
  changed: readonly string[] | null,
  globs: readonly string[],
): { run: string[] } | { nothing: string } {
  const mutateGiven = args.passThrough.some((a) => a === '--mutate' || a === '-m' || a.startsWith('--mutate='));
  if (args.part !== null && mutateGiven) throw new Error('--part chooses the files to mutate itself; leave out --mutate');
  if (args.since === null) return { run: ['run', ...args.passThrough] };
  if (mutateGiven) throw new Error('--since chooses the files to mutate itself; leave out --mutate');
  const files = filesToMutate(changed ?? [], globs);
  if (files.length === 0) return { nothing: `No file covered by mutation testing changed since ${args.since}; nothing to mutate.` };
  return { run: ['run', '--mutate', files.join(','), ...args.passThrough] };
}

/**
 * Files changed since the branch left `rev` (the merge base of `rev` and HEAD): committed,
 * uncommitted or untracked (but not ignored) — a file changed only on `rev` since does not count.
 */
export function changedSince(rev: string, cwd: string): string[] {
  const git = (...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const base = git('merge-base', rev, 'HEAD').trim();
  const lines = [...git('diff', '--name-only', base).split('\n'), ...git('ls-files', '--others', '--exclude-standard').split('\n')];
  return lines.filter((l) => l.trim() !== '');
}
