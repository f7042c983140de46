// The test set of a mutation run (`npm run mutate`): the project's vitest config without the chaos soak.
// The soak's product code runs in child processes, which Stryker's active mutant never reaches, so the
// soak cannot kill a mutant there; it only cost minutes per mutant (about one mutant a minute at the end
// of the hires part). It still runs in `npm test`.
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** Test files left out of mutation runs, with the reason above. */
export const MUTATION_EXCLUDED_TESTS = ['test/integration/soak/soak.test.ts'];

export default mergeConfig(base, defineConfig({ test: { exclude: [...configDefaults.exclude, ...MUTATION_EXCLUDED_TESTS] } }));
