// No lost data under faults: SIGKILL at random moments leaves the plan old or new, never torn; racing
// updates all land; a lock left by a killed process does not block.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { BIN, run } from './helpers/run.js';

const FIXTURE = 'test/fixtures/edit/commented.yaml';
const ENV = { PATH: process.env.PATH, LANG: 'C', NO_COLOR: '1' };

function plan(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-fault-'));
  const file = join(dir, 'plan.yaml');
  copyFileSync(FIXTURE, file);
  return { dir, file };
}

/** The notes in task 3's log, in order. */
function notes(file: string): string[] {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  expect(doc.errors).toEqual([]);
  return ((doc.toJS().tasks[2].updates ?? []) as { note: string }[]).map((u) => u.note);
}

function update(file: string, note: string) {
  return spawn(process.execPath, [BIN, 'update', file, '3', '-n', note, '-d', '2020-06-20'], { env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Exit code, and stderr when it is not 0 (so that a failure says why). */
const exited = (p: ReturnType<typeof spawn>) => new Promise<number | string | null>((resolve) => {
  let err = '';
  p.stderr?.on('data', (d) => { err += d; });
  p.on('close', (code) => resolve(code === 0 || code === null ? code : `${code} ${err}`));
});

describe('faults', () => {
  it('SIGKILL at random moments: the plan is always exactly the old or the new version', async () => {
    // How long one update takes here: kills are spread over that time (and a little past it), so that
    // they land in every phase — start-up, reading, taking the lock, writing, renaming.
    const probe = plan();
    const started = Date.now();
    expect(await exited(update(probe.file, 'probe'))).toBe(0);
    const span = (Date.now() - started) * 1.3;
    // Four plans killed in turn side by side, six times each: 24 kills, on both cores.
    const lane = async () => {
      const { dir, file } = plan();
      const original = readFileSync(file, 'utf8');
      let expected: string[] = [];
      let landed = 0;
      let killed = 0;
      for (let i = 0; i < 6; i++) {
        const child = update(file, `第${i}次`);
        const done = exited(child); // listen now: it may finish before the kill
        await new Promise((r) => setTimeout(r, Math.random() * span));
        child.kill('SIGKILL');
        const code = await done;
        const now = notes(file);
        // Either nothing happened, or exactly the one new entry — never a torn or half-written file.
        if (now.length === expected.length + 1) {
          expect(now).toEqual([...expected, `第${i}次`]);
          landed++;
        } else {
          expect(now).toEqual(expected);
          expect(code).not.toBe(0);
          killed++;
        }
        expected = now;
        // Apart from the new entries (and the status they give the task), the file is byte for byte what it was.
        expect(readFileSync(file, 'utf8').replace(/\n {4}updates:(\n {6}- \{date: 2020-06-20, note: 第\d+次\})+/, '').replace(/\n {4}status: in_progress/, '')).toBe(original);
      }
      // A later update cleans up what the killed ones left (their temporary files; a stale lock is taken over).
      expect(run(['update', file, '3', '-n', 'final', '-d', '2020-06-21']).code).toBe(0);
      expect(readdirSync(dir)).toEqual(['plan.yaml']);
      expect(notes(file).at(-1)).toBe('final');
      return { landed, killed };
    };
    const lanes = await Promise.all([lane(), lane(), lane(), lane()]);
    // Some kills must have struck mid-update, or the test proved nothing.
    expect(lanes.reduce((n, l) => n + l.killed, 0)).toBeGreaterThan(0);
  }, 60_000);

  it('racing updates take turns: no entry is lost', async () => {
    const { file } = plan();
    const children = Array.from({ length: 12 }, (_, i) => update(file, `并发${i}`));
    const codes = await Promise.all(children.map(exited));
    expect(codes).toEqual(Array(12).fill(0));
    expect([...notes(file)].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `并发${i}`).sort());
  }, 60_000);

  it('a stale lock from a killed process does not block; a live one makes it wait, then give up clearly', () => {
    const { dir, file } = plan();
    const lock = join(dir, '.plan.yaml.campaign-lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(lock, `${dead} abc\n`);
    expect(run(['update', file, '3', '-n', 'after stale lock', '-d', '2020-06-20']).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    writeFileSync(lock, `${process.pid} live\n`);
    const before = readFileSync(file);
    const r = run(['update', file, '3', '-n', 'blocked', '-d', '2020-06-20'], { env: { CAMPAIGN_LOCK_TIMEOUT_MS: '600' } });
    expect([r.code, r.stderr]).toEqual([2, `campaign: ${file} is being updated by another campaign command (lock ${lock}); try again in a moment\n`]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
