// Mutation testing (npm run mutation; not part of npm test): Stryker changes the code of the folders
// below one mutant at a time and runs the tests that cover it; a mutant no test notices is a test
// missing. scripts/mutation.mjs runs this and holds each folder to its own score.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  // TypeScript 7 has no JavaScript API for Stryker to rewrite a tsconfig with, and none needs rewriting:
  // vitest reads the sources directly.
  tsconfigFile: 'no-tsconfig-to-rewrite.json',
  mutate: ['src/rules/**/*.ts', 'src/text/**/*.ts', 'src/edit/**/*.ts', 'src/sheets/**/*.ts'],
  ignorePatterns: ['/dist/bundle/**/*.map', '/reports', '/.stryker-tmp'],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 20_000,
  // A mutant of a table built when a module loads (a static mutant) can only be tried by every test of
  // the run, reloading every module: left out of the score here, and counted apart in the README's
  // table; npm run mutation -- --ignoreStatic=false tries them too.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
