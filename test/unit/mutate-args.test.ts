// `npm run mutate -- --since REV`: the argument handling that turns a revision into Stryker's
// `--mutate` list (the changed files the config covers), and the changed files of a real git repo.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedSince, filesToMutate, parseMutateArgs, strykerArgs } from '../../scripts/mutate-args.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const GLOBS = [
  'src/main/core/{sync,hires,http,metrics,logging}/**/*.ts',
  'src/main/core/charthop/people.ts',
  'src/shared/settings/options.ts',
];

describe('npm run mutate arguments', () => {
  it('takes --since REV or --since=REV and passes every other argument through in order', () => {
    expect(parseMutateArgs(['--since', 'main', '--concurrency', '1'])).toEqual({
      since: 'main',
      part: null,
      passThrough: ['--concurrency', '1'],
    });
    expect(parseMutateArgs(['--logLevel', 'debug', '--since=origin/main'])).toEqual({
      since: 'origin/main',
      part: null,
      passThrough: ['--logLevel', 'debug'],
    });
    expect(parseMutateArgs(['--concurrency', '1'])).toEqual({ since: null, part: null, passThrough: ['--concurrency', '1'] });
    expect(parseMutateArgs([])).toEqual({ since: null, part: null, passThrough: [] });
  });

  it('refuses --since without a revision, followed by another option, or given twice', () => {
    expect(() => parseMutateArgs(['--since'])).toThrow(/--since needs a git revision/);
    expect(() => parseMutateArgs(['--since=', '--force'])).toThrow(/--since needs a git revision/);
    expect(() => parseMutateArgs(['--since', '--force'])).toThrow(/--since needs a git revision/);
    expect(() => parseMutateArgs(['--since', 'a', '--since=b'])).toThrow(/given twice/);
  });

  it('mutates only the changed files that the configured globs cover, once each, sorted', () => {
    const changed = [
      'src/main/core/sync/journal.ts',
      'src/main/core/http/retry-policy.ts',
      'src/main/core/sync/journal.ts',
      'src/main/core/hires/nested/deep.ts',
      'src/main/core/lever/client.ts',
      'src/main/core/charthop/people.ts',
      'src/main/core/charthop/jobs.ts',
      'src/shared/settings/options.ts',
      'README.md',
      'test/unit/sync/planning.test.ts',
      '',
    ];
    expect(filesToMutate(changed, GLOBS)).toEqual([
      'src/main/core/charthop/people.ts',
      'src/main/core/hires/nested/deep.ts',
      'src/main/core/http/retry-policy.ts',
      'src/main/core/sync/journal.ts',
      'src/shared/settings/options.ts',
    ]);
  });

  it('builds the stryker run: unchanged without --since, a --mutate list with it, nothing when no covered file changed', () => {
    expect(strykerArgs({ since: null, part: null, passThrough: ['--concurrency', '1'] }, null, GLOBS)).toEqual({
      run: ['run', '--concurrency', '1'],
    });
    expect(
      strykerArgs(
        { since: 'main', part: null, passThrough: ['--concurrency', '1'] },
        ['src/main/core/sync/links-store.ts', 'src/main/core/logging/redactor.ts', 'docs/x.md'],
        GLOBS,
      ),
    ).toEqual({ run: ['run', '--mutate', 'src/main/core/logging/redactor.ts,src/main/core/sync/links-store.ts', '--concurrency', '1'] });
    expect(strykerArgs({ since: 'main', part: null, passThrough: [] }, ['README.md'], GLOBS)).toEqual({
      nothing: expect.stringContaining('changed since main; nothing to mutate'),
    });
    expect(() => strykerArgs({ since: 'main', part: null, passThrough: ['--mutate', 'src/x.ts'] }, [], GLOBS)).toThrow(
      /leave out --mutate/,
    );
  });

  it('takes --part NAME or --part=NAME, refuses it without a name, twice, with --since or with --mutate', () => {
    expect(parseMutateArgs(['--part', 'hires', '--concurrency', '1'])).toEqual({
      since: null,
      part: 'hires',
      passThrough: ['--concurrency', '1'],
    });
    expect(parseMutateArgs(['--part=all'])).toMatchObject({ part: 'all' });
    expect(() => parseMutateArgs(['--part'])).toThrow(/--part needs a part name/);
    expect(() => parseMutateArgs(['--part', '--force'])).toThrow(/--part needs a part name/);
    expect(() => parseMutateArgs(['--part', 'a', '--part=b'])).toThrow(/--part was given twice/);
    expect(() => parseMutateArgs(['--part', 'hires', '--since', 'main'])).toThrow(/give one of them/);
    expect(() => strykerArgs({ since: null, part: 'hires', passThrough: ['-m', 'src/x.ts'] }, null, GLOBS)).toThrow(
      /--part chooses the files to mutate itself/,
    );
    expect(strykerArgs({ since: null, part: 'hires', passThrough: ['--concurrency', '1'] }, null, GLOBS)).toEqual({
      run: ['run', '--concurrency', '1'],
    });
  });
});

describe('changed files since a revision', () => {
  let repo: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => repo?.cleanup());

  it('are those committed, uncommitted and untracked since the branch point, not later changes on the revision', () => {
    repo = makeTempDir('reqbridge-mutate-git-');
    const cwd = repo.path;
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8', stdio: 'pipe' });
    const write = (file: string, text: string) => {
      mkdirSync(join(cwd, file, '..'), { recursive: true });
      writeFileSync(join(cwd, file), text);
    };
    git('init', '-q', '-b', 'main');
    write('src/a.ts', 'a');
    write('src/b.ts', 'b');
    write('.gitignore', 'ignored.ts\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'topic');
    write('src/a.ts', 'a2');
    git('commit', '-q', '-am', 'topic change');
    git('checkout', '-q', 'main');
    write('src/late-on-main.ts', 'x');
    git('add', '.');
    git('commit', '-q', '-m', 'main moves on');
    git('checkout', '-q', 'topic');
    write('src/b.ts', 'b2');
    write('src/new.ts', 'n');
    write('ignored.ts', 'i');
    expect(changedSince('main', cwd).sort()).toEqual(['src/a.ts', 'src/b.ts', 'src/new.ts']);
  });
});
