// One exit-code table for every command (README, "Exit codes"): 0 success, 1 findings or a plan that is
// invalid or cannot be read as a plan, 2 usage or I/O problems. Decided in one place, the CLI entry.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { HISTORY } from './helpers/plan.js';
import { STACK } from './helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'campaign-exit-'));
const OK = join(dir, 'ok.yaml');
writeFileSync(OK, readFileSync(HISTORY));
const BROKEN = join(dir, 'broken.yaml');
writeFileSync(BROKEN, 'version: 1\ntasks: [\n');
// Readable, but with a validation error (the period lies in another year).
const INVALID = join(dir, 'invalid.yaml');
writeFileSync(INVALID, readFileSync(HISTORY, 'utf8').replace('start: 2020-06-01', 'start: 2019-06-01'));
const MISSING = join(dir, 'missing.yaml');
const FOLDER = join(dir, 'empty');
mkdirSync(FOLDER);

// Each command with the arguments that make it run on a plan (the plan comes last).
const REPORTS: [string, string[]][] = [
  ['status', ['status', '--as-of', '2020-06-21']],
  ['weekly', ['weekly', '--week', '2020-W25']],
  ['report', ['report', '--as-of', '2020-06-21']],
  ['export', ['export', '--as-of', '2020-06-21', '-f', 'json']],
  ['rollup', ['rollup', '--as-of', '2020-06-21', '-f', 'json', '--no-cache']],
  ['agenda', ['agenda', '--as-of', '2020-06-21', '-f', 'text']],
];

async function code(args: string[]): Promise<number> {
  const r = await cli(args);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/internal error/);
  return r.code;
}

describe('the exit-code table holds for every command', () => {
  for (const [name, args] of REPORTS) {
    it(`${name}: 0 on a valid plan, 1 on an invalid or unreadable plan, 2 on a missing file or folder`, async () => {
      expect(await code([...args, OK])).toBe(0);
      expect(await code([...args, INVALID])).toBe(1);
      expect(await code([...args, BROKEN])).toBe(1);
      expect(await code([...args, MISSING])).toBe(2);
      expect(await code([...args, FOLDER])).toBe(2);
      // Missing beats invalid: the worst outcome of the run decides.
      expect(await code([...args, INVALID, MISSING])).toBe(2);
      expect(await code([...args, OK, '--format', 'nope'])).toBe(2);
      expect(await code([...args, OK, '--bogus'])).toBe(2);
    });
  }

  it('validate: 0 clean, 1 findings, 2 missing (the others still checked)', async () => {
    expect(await code(['validate', OK, '--as-of', '2020-06-01'])).toBe(0);
    expect(await code(['validate', INVALID])).toBe(1);
    expect(await code(['validate', BROKEN])).toBe(1);
    expect(await code(['validate', MISSING])).toBe(2);
    expect(await code(['validate', OK, MISSING])).toBe(2);
  });

  it('update: 0 recorded, 1 a plan whose YAML cannot be read, 2 usage and missing files', async () => {
    const plan = join(dir, 'update.yaml');
    writeFileSync(plan, readFileSync(HISTORY));
    expect(await code(['update', plan, '2.1', '-s', 'done', '-d', '2020-06-20'])).toBe(0);
    expect(await code(['update', BROKEN, '1', '-s', 'done'])).toBe(1);
    expect(await code(['update', MISSING, '1', '-s', 'done'])).toBe(2);
    expect(await code(['update', plan, '9.9', '-s', 'done'])).toBe(2);
  });

  it('import, init, rules, schema: 0 done, 2 usage and I/O', async () => {
    expect(await code(['import', 'examples/tongzhong-2020-safety-month.txt'])).toBe(0);
    expect(await code(['import', MISSING])).toBe(2);
    expect(await code(['init', join(dir, 'new.yaml')])).toBe(0);
    expect(await code(['init', join(dir, 'new.yaml')])).toBe(2);
    expect(await code(['rules'])).toBe(0);
    expect(await code(['schema'])).toBe(0);
    expect(await code(['frobnicate'])).toBe(2);
    expect(await code(['--help'])).toBe(0);
  });
});
