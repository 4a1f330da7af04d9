// The tests as Stryker runs them (npm run mutation, scripts/mutation.mjs). Two differences from npm test:
// - the test files are those scripts/mutation.mjs names for the folder being mutated
//   (CAMPAIGN_MUTATION_TESTS, comma-separated), so that a mutant of a table built when a module loads,
//   which every test of the run must try, costs seconds and not the whole suite;
// - Stryker's vitest runner asks for worker threads, where process.chdir() is not allowed, and the
//   in-process CLI helper changes folder for a run given a cwd: once the runner's options are resolved,
//   this puts back the forks pool every other run of the tests uses.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const tests = process.env.CAMPAIGN_MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  ...base,
  test: { ...base.test, ...(tests?.length ? { include: tests } : {}) },
  plugins: [{
    name: 'campaign:forks-for-stryker',
    configureVitest({ project }) {
      project.config.pool = 'forks';
    },
  }],
});
