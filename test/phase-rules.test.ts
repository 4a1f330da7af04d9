// How sure date/phase-due is: a task finished in the next phase (整改销号 by the month's end while 总结 has
// begun) is how plans are written — a note; a task due past the next phase is a mistake — a warning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers/lint.js';

const FIXTURE = new URL('./fixtures/rules/date/phase-due/invalid.yaml', import.meta.url).pathname;

describe('date/phase-due', () => {
  it('warns past the next phase and notes a slip into it', () => {
    const found = lintText(readFileSync(FIXTURE, 'utf8'))
      .filter((p) => p.rule === 'date/phase-due')
      .map((p) => `${p.line}:${p.column} ${p.severity} ${(p.data as { task: string }).task}`);
    // 1.1 (phase 1, ends 6-05) due 6-28: past phase 2's end (6-24). 2 (the last phase, ends 6-24) due 6-29: within the period.
    expect(found).toEqual(['16:56 warning 1.1', '17:60 info 2']);
  });
});
