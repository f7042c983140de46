// The parts of a full mutation run: together they cover exactly the files the Stryker config mutates, each
// file in one part only (so the per-folder sums count every mutant once), and each part's generated config
// is the project's config with that part's files, incremental file and reports.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MUTATION_PARTS, matchesPart, partConfigSource, partNames, partPaths } from '../../scripts/mutation-parts.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)).replaceAll('\\', '/'));
}

describe('mutation run parts', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.cleanup());

  it('cover every file the Stryker config mutates, each in exactly one part, and nothing else', async () => {
    const config = (await import(pathToFileURL(join(root, 'stryker.config.mjs')).href)) as { default: { mutate: string[] } };
    const all = sourceFiles('src');
    const mutated = all.filter((f) => matchesPart(f, config.default.mutate));
    expect(mutated.length).toBeGreaterThan(80);
    for (const file of all) {
      const parts = Object.keys(MUTATION_PARTS).filter((name) => matchesPart(file, MUTATION_PARTS[name]!));
      expect([file, parts.length]).toEqual([file, mutated.includes(file) ? 1 : 0]);
    }
    // The run side of sync is its own part; a new planning file falls into sync-plan.
    expect(matchesPart('src/main/core/sync/engine.ts', MUTATION_PARTS['sync-plan']!)).toBe(false);
    expect(matchesPart('src/main/core/sync/a-new-planner.ts', MUTATION_PARTS['sync-plan']!)).toBe(true);
    expect(matchesPart('src/main/core/sync/undo/undo-plan.ts', MUTATION_PARTS['sync-plan']!)).toBe(false);
  });

  it('are named one at a time or all in order; an unknown name lists the right ones', () => {
    expect(partNames('hires')).toEqual(['hires']);
    expect(partNames('all')).toEqual(Object.keys(MUTATION_PARTS));
    expect(() => partNames('sync')).toThrow(
      '--part sync is not a part; use one of: sync-plan, sync-run, sync-undo, hires, http, metrics, logging, rules, all',
    );
  });

  it("write a config that is the project's with the part's files, incremental file and reports", async () => {
    temp = makeTempDir('reqbridge-mutation-parts-');
    writeFileSync(
      join(temp.path, 'stryker.config.mjs'),
      "export default { testRunner: 'vitest', mutate: ['x'], incrementalFile: 'old.json' };\n",
    );
    mkdirSync(join(temp.path, 'reports'));
    const paths = partPaths('hires');
    writeFileSync(join(temp.path, paths.config), partConfigSource('hires'));
    const loaded = (await import(pathToFileURL(join(temp.path, paths.config)).href)) as { default: Record<string, unknown> };
    expect(loaded.default).toEqual({
      testRunner: 'vitest',
      mutate: ['src/main/core/hires/**/*.ts'],
      incrementalFile: 'reports/stryker-incremental-hires.json',
      htmlReporter: { fileName: 'reports/mutation-hires/index.html' },
      jsonReporter: { fileName: 'reports/mutation-hires/mutation.json' },
      tempDirName: '.stryker-tmp-hires',
    });
  });
});

describe('the test set of a mutation run', () => {
  it('is the project test set without the chaos soak, whose product code runs where no mutant is active', async () => {
    const stryker = (await import(pathToFileURL(join(root, 'stryker.config.mjs')).href)) as {
      default: { vitest: { configFile: string } };
    };
    expect(stryker.default.vitest.configFile).toBe('vitest.mutation.config.ts');
    const base = (await import(pathToFileURL(join(root, 'vitest.config.ts')).href)) as {
      default: { test: { include: string[]; exclude?: string[] } };
    };
    const mutation = (await import(pathToFileURL(join(root, 'vitest.mutation.config.ts')).href)) as {
      default: { test: { include: string[]; exclude: string[] } };
    };
    expect(mutation.default.test.include).toEqual(base.default.test.include);
    expect(mutation.default.test.exclude).toContain('test/integration/soak/soak.test.ts');
    expect(mutation.default.test.exclude.filter((glob) => glob.startsWith('test/'))).toEqual(['test/integration/soak/soak.test.ts']);
    expect(base.default.test.exclude ?? []).not.toContain('test/integration/soak/soak.test.ts');
  });
});
