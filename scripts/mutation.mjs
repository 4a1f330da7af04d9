#!/usr/bin/env node
// npm run mutation [folder …]: Stryker's mutation testing of the folders whose tests must bite
// (rules/, text/, edit/, sheets/), each run with the tests that specify it, and each folder held to its
// own score. Not part of npm test: it takes tens of minutes. Scores: reports/mutation/<folder>.json and
// the table printed at the end; the README quotes the last run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BREAK = 80;

/**
 * The tests that specify each folder: its own unit tests and the in-process command tests that reach
 * it. Tests that spawn bin/campaign.js run the built bundle, which Stryker does not mutate, so none is
 * named here. They run in the order named: a folder's quick unit tests first, which kill most mutants in
 * milliseconds, the tests that run whole commands after them.
 */
const FOLDERS = {
  text: ['text-helpers', 'file-name', 'date-grammar', 'text-mutants', 'text-format', 'phone', 'width', 'well-formed', 'import-wordings', 'summary', 'messages', 'hostile-values'],
  edit: ['edit-nodes', 'edit', 'edit-refusals', 'edit-mutants', 'fix-replacements', 'editor-schema', 'cli-update', 'collect-week', 'who-reported'],
  sheets: ['sheet-values', 'sheet-check', 'sheet-read', 'sheet-write', 'sheets-mutants', 'who-reported', 'well-formed', 'sheets', 'collect-week', 'hardening-3', 'hostile-sheets'],
  rules: ['rule-fixtures', 'rule-fixes', 'rule-cases', 'rules-mutants', 'reduplication', 'clean-plans', 'disables', 'rules-registry', 'phase-rules', 'plan-mistakes', 'national-campaigns', 'user-data', 'phone', 'dates', 'schema'],
};

// Folders to run (all by default); anything starting with - goes to Stryker (e.g. --ignoreStatic, --dryRunOnly).
const args = process.argv.slice(2);
const passed = args.filter((a) => a.startsWith('-'));
const asked = args.filter((a) => !a.startsWith('-')).map((f) => f.replace(/^src\//, '').replace(/\/$/, ''));
for (const f of asked) {
  if (!(f in FOLDERS)) {
    console.error(`no mutation run for ${f}: one of ${Object.keys(FOLDERS).join(', ')} (a flag's value goes after =, as in --concurrency=1)`);
    process.exit(2);
  }
}
const folders = asked.length ? asked : Object.keys(FOLDERS);

mkdirSync(`${ROOT}reports/mutation`, { recursive: true });
const scores = [];
for (const folder of folders) {
  const tests = FOLDERS[folder].map((t) => `test/${t}.test.ts`);
  const r = spawnSync('npx', ['stryker', 'run', '--mutate', `src/${folder}/**/*.ts`, '--incrementalFile', `reports/mutation/${folder}.incremental.json`, ...passed], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, CAMPAIGN_MUTATION_TESTS: tests.join(',') },
  });
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 1);
  if (passed.includes('--dryRunOnly')) continue;
  renameSync(`${ROOT}reports/mutation/mutation.json`, `${ROOT}reports/mutation/${folder}.json`);
  scores.push({ folder, ...scoreOf(JSON.parse(readFileSync(`${ROOT}reports/mutation/${folder}.json`, 'utf8'))) });
}

/** Stryker's score: killed and timed out over every mutant a test covers or could cover (ignored ones aside). */
function scoreOf(report) {
  const n = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, CompileError: 0, RuntimeError: 0 };
  for (const file of Object.values(report.files)) for (const m of file.mutants) n[m.status] = (n[m.status] ?? 0) + 1;
  const detected = n.Killed + n.Timeout;
  const valid = detected + n.Survived + n.NoCoverage;
  return { mutants: valid, killed: n.Killed, timeout: n.Timeout, survived: n.Survived, noCoverage: n.NoCoverage, static: n.Ignored, score: valid ? (100 * detected) / valid : 100 };
}

writeFileSync(`${ROOT}reports/mutation/scores.json`, `${JSON.stringify(scores, null, 2)}\n`);
console.log('\nfolder   mutants  killed  timeout  survived  no test  score   static (apart)');
for (const s of scores) {
  console.log(`${`src/${s.folder}/`.padEnd(9)}${String(s.mutants).padStart(7)}${String(s.killed).padStart(8)}${String(s.timeout).padStart(9)}${String(s.survived).padStart(10)}${String(s.noCoverage).padStart(9)}${`${s.score.toFixed(1)} %`.padStart(8)}${String(s.static).padStart(9)}`);
}
const low = scores.filter((s) => s.score < BREAK);
if (low.length) {
  console.error(`below ${BREAK} %: ${low.map((s) => `src/${s.folder}/`).join(', ')}`);
  process.exit(1);
}
