// The built binary as a process: what only a real process shows — its exit status, a real standard
// input, the --version fast path, the environment it inherits. Everything else runs in process.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ANSI, BIN, ROOT, run, STACK } from './helpers/run.js';

const SEED = 'examples/tongzhong-2020.yaml';

describe('bin/campaign.js', () => {
  it('exits 0, 1 and 2 as the table says', () => {
    expect(run(['validate', 'examples/shifan-2025.yaml']).code).toBe(0);
    expect(run(['validate', SEED]).code).toBe(1);
    const missing = run(['status', 'missing.yaml']);
    expect([missing.code, missing.stderr]).toEqual([2, 'campaign: missing.yaml: no such file\n']);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('reads a plan from its standard input', () => {
    const r = run(['validate', '-f', 'json', '-'], { input: 'version: 1\ntitle: [\n' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ file: '<stdin>', rule: 'yaml/syntax' });
    expect(r.stderr).not.toMatch(STACK);
  });

  it('answers --version without loading the CLI', () => {
    const r = run(['--version']);
    expect([r.code, r.stdout.trim()]).toEqual([0, process.env.npm_package_version ?? expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
  });

  it('stops quietly when the reader of its output stops early (campaign … | head)', () => {
    // A shell pipeline into `head -1`: the pipe closes after the first line of a long listing.
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" rules | head -1 > /dev/null`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    expect(r.stderr).toBe('');
  });

  it('uses colour only when asked, when piped', () => {
    expect(run(['validate', SEED], { env: { NO_COLOR: undefined } }).stdout).not.toMatch(ANSI);
    expect(run(['validate', SEED], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
  });
});
