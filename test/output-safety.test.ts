// -o never overwrites an input of the same run, however the two are named: every command that writes
// × every way of naming the same file. The input must come out byte for byte as it went in.
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/in-process.js';
import { HISTORY } from './helpers/plan.js';
import { onePlan } from './helpers/json.js';

const DOCUMENT = 'examples/tongzhong-2020-safety-month.txt';

/** A folder with the input, and the other names it goes by. */
function names(input: string, file: string) {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-out-'));
  const path = join(dir, file);
  copyFileSync(input, path);
  mkdirSync(join(dir, 'other'));
  symlinkSync(path, join(dir, 'other', 'link'));
  linkSync(path, join(dir, 'other', 'hard'));
  return {
    dir,
    path,
    ways: {
      relative: relative(process.cwd(), path),
      'dot-relative': `./${relative(process.cwd(), path)}`,
      absolute: path,
      'parent-relative': join(dir, 'other', '..', file),
      symlink: join(dir, 'other', 'link'),
      'hard link': join(dir, 'other', 'hard'),
    },
  };
}

const COMMANDS: [string, string[], string, string][] = [
  ['status', ['status'], HISTORY, 'p.yaml'],
  ['weekly', ['weekly', '--week', '2020-W25'], HISTORY, 'p.yaml'],
  ['report', ['report', '-f', 'html'], HISTORY, 'p.yaml'],
  ['export', ['export', '-f', 'csv'], HISTORY, 'p.yaml'],
  ['rollup', ['rollup', '-f', 'json', '--no-cache'], HISTORY, 'p.yaml'],
  ['agenda', ['agenda', '-f', 'text'], HISTORY, 'p.yaml'],
  ['import', ['import', '--force'], DOCUMENT, 'doc.txt'],
];

describe('-o never overwrites an input', () => {
  for (const [name, args, source, file] of COMMANDS) {
    describe(name, () => {
      const { path, ways } = names(source, file);
      const before = readFileSync(path);
      for (const [way, output] of Object.entries(ways)) {
        it(`named ${way}`, async () => {
          const r = await cli([...args, path, '-o', output]);
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/^campaign: -o .* would overwrite (the input itself|the input .* \(the same file\)); choose another output file\n$/);
          expect(r.stderr.split('\n')).toHaveLength(2);
          expect(readFileSync(path).equals(before)).toBe(true);
        });
      }
    });
  }

  it('guards every input of a multi-plan run, and writes where it may', async () => {
    const { dir, path } = names(HISTORY, 'a.yaml');
    const second = join(dir, 'b.yaml');
    copyFileSync(HISTORY, second);
    const before = readFileSync(second);
    for (const cmd of [['status', path, second], ['rollup', dir]]) {
      const r = await cli([...cmd, '-f', 'json', '-o', join(dir, 'other', '..', 'b.yaml')]);
      expect(r.code).toBe(2);
      expect(readFileSync(second).equals(before)).toBe(true);
    }
    const ok = await cli(['status', path, second, '-f', 'json', '-o', join(dir, 'out.json'), '--as-of', '2020-06-21']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toHaveLength(2);
  });

  it('-o - is standard output', async () => {
    const r = await cli(['status', HISTORY, '-f', 'json', '-o', '-', '--as-of', '2020-06-21']);
    expect(r.code).toBe(0);
    expect(onePlan(r.stdout).overall.tasks).toBe(8);
  });
});
