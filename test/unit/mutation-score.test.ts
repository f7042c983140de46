import { describe, expect, it } from 'vitest';
import { folderOf, formatScores, scoreByFolder } from '../../scripts/mutation-score.ts';

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

describe('mutation score per folder', () => {
  it('puts core files under their folder (undo with sync) and other files under their directory', () => {
    expect(folderOf('src/main/core/sync/undo/undo-rows.ts')).toBe('src/main/core/sync');
    expect(folderOf('src/main/core/charthop/people.ts')).toBe('src/main/core/charthop');
    expect(folderOf('src/shared/settings/options.ts')).toBe('src/shared/settings');
  });

  it('counts killed and timed-out as detected, survived and no coverage as not, and leaves the rest out', () => {
    const rows = scoreByFolder([
      {
        files: {
          'src/main/core/sync/a.ts': mutants('Killed', 'Killed', 'Timeout', 'Survived', 'CompileError', 'Ignored'),
          'src/main/core/sync/undo/b.ts': mutants('NoCoverage'),
          'src/main/core/http/c.ts': mutants('CompileError'),
        },
      },
    ]);
    expect(rows).toEqual([
      { folder: 'src/main/core/http', killed: 0, timedOut: 0, survived: 0, noCoverage: 0, notCounted: 1, score: null },
      { folder: 'src/main/core/sync', killed: 2, timedOut: 1, survived: 1, noCoverage: 1, notCounted: 2, score: 60 },
      { folder: 'all', killed: 2, timedOut: 1, survived: 1, noCoverage: 1, notCounted: 3, score: 60 },
    ]);
    expect(formatScores(rows)).toContain('src/main/core/sync                  60.0 %         3      5         1         1');
  });

  it('takes a file found in several reports from the last one', () => {
    const old = { files: { 'src/main/core/http/c.ts': mutants('Survived', 'Survived') } };
    const fresh = { files: { 'src/main/core/http/c.ts': mutants('Killed', 'Survived') } };
    expect(scoreByFolder([old, fresh])[0]).toMatchObject({ killed: 1, survived: 1, score: 50 });
  });
});
