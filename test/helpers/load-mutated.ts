// Run before every test file when Stryker runs the tests (vitest.mutation.config.ts): every module Stryker
// has mutated is loaded here, outside any test. Then a table built when a module loads (a static mutant,
// which stryker.config.mjs leaves out of the score) is never first built inside a test — one that reaches
// the module through the in-process CLI's lazy imports — which Stryker would take for that one test's
// coverage and try the mutant with it alone (a "hybrid" mutant, counted in the score though the tests of the
// module never see it). With --ignoreStatic=false, Stryker's own setup file, which runs before this one, has
// activated the mutant, so every test of the run sees the mutated table. Outside Stryker nothing is mutated,
// and nothing is loaded.
import { readdirSync, readFileSync } from 'node:fs';

const SRC = new URL('../../src/', import.meta.url);
/** The helper Stryker's instrumenter writes into every file it mutates. */
const MUTATED = 'stryMutAct_9fa48';

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  // A worker's module is a process of its own, which reads its standard input when it loads.
  .filter((f) => f.endsWith('.ts') && !f.endsWith('-worker.ts'))
  .sort();
for (const f of files) {
  const url = new URL(f, SRC);
  if (readFileSync(url, 'utf8').includes(MUTATED)) await import(url.href);
}
