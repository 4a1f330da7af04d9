// The tests as Stryker runs them (npm run mutation, scripts/mutation.mjs). Four differences from npm test:
// - the test files are those scripts/mutation.mjs names for the folder being mutated
//   (CAMPAIGN_MUTATION_TESTS, comma-separated), so that a mutant of a table built when a module loads,
//   which every test of the run must try, costs seconds and not the whole suite;
// - the files run in the order scripts/mutation.mjs names them (Stryker stops at a mutant's first failing test,
//   and vitest's own order puts the slowest first): each folder names its quick unit tests before the tests
//   that run whole commands, so that most mutants die in milliseconds;
// - every module Stryker mutated is loaded before each test file (test/helpers/load-mutated.ts), so that a
//   table built when a module loads is a static mutant whichever test first reaches the module;
// - Stryker's vitest runner asks for worker threads, where process.chdir() is not allowed, and the
//   in-process CLI helper changes folder for a run given a cwd: once the runner's options are resolved,
//   this puts back the forks pool every other run of the tests uses.
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

const tests = process.env.CAMPAIGN_MUTATION_TESTS?.split(',').filter(Boolean);

/** Test files in the order they are named; others after them. */
class AsNamed extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = (tests ?? []).findIndex((t) => f.moduleId.endsWith(`/${t}`));
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  ...base,
  test: { ...base.test, setupFiles: ['test/helpers/load-mutated.ts'], ...(tests?.length ? { include: tests, sequence: { sequencer: AsNamed } } : {}) },
  plugins: [{
    name: 'campaign:forks-for-stryker',
    configureVitest({ project }) {
      project.config.pool = 'forks';
    },
  }],
});
