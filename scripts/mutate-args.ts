/**
 * The argument handling of `npm run mutate`: `--since REV` (or `--since=REV`) becomes Stryker's
 * `--mutate` list, the files changed since REV that the config's `mutate` globs cover; every other
 * argument goes to `stryker run` unchanged. Stryker has no such option of its own.
 */
import { execFileSync } from 'node:child_process';
import { matchesGlob } from 'node:path';

/** The revision given with `--since`, and the arguments meant for Stryker. */
export interface MutateArgs {
  since: string | null;
  passThrough: string[];
}

/** Splits `--since REV` / `--since=REV` from the rest; throws on a `--since` without a revision or given twice. */
export function parseMutateArgs(argv: readonly string[]): MutateArgs {
  let since: string | null = null;
  const passThrough: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === '--since') {
      value = argv[i + 1];
      i += 1;
    } else if (arg.startsWith('--since=')) {
      value = arg.slice('--since='.length);
    } else {
      passThrough.push(arg);
      continue;
    }
    if (!value || value.startsWith('--')) throw new Error('--since needs a git revision, e.g. --since main');
    if (since !== null) throw new Error('--since was given twice');
    since = value;
  }
  return { since, passThrough };
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
  if (args.since === null) return { run: ['run', ...args.passThrough] };
  if (args.passThrough.some((a) => a === '--mutate' || a === '-m' || a.startsWith('--mutate='))) {
    throw new Error('--since chooses the files to mutate itself; leave out --mutate');
  }
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
