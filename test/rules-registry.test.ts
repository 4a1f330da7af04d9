// Keeps the registry honest: every rule file is registered, every registered rule has a file and
// fixtures (at least one valid and one invalid), and ids are unique.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';

const SRC = new URL('../src/rules/', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/rules/', import.meta.url).pathname;

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? ruleFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [relative(SRC, join(dir, e.name)).replace(/\.ts$/, '')] : []);
}

describe('rule registry', () => {
  const ids = RULES.map((r) => r.id);

  it('registers every rule file exactly once, under the id its path gives', () => {
    const files = ruleFiles(SRC).filter((f) => f !== 'index' && f !== 'types');
    expect([...files].sort()).toEqual([...ids].sort());
  });

  it('has unique ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ids)('%s has valid and invalid fixtures', (id) => {
    const dir = join(FIXTURES, id);
    expect(existsSync(dir)).toBe(true);
    const names = readdirSync(dir);
    expect(names.some((n) => n.startsWith('valid'))).toBe(true);
    expect(names.some((n) => n.startsWith('invalid'))).toBe(true);
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s has a severity and descriptions in both languages', (_id, rule) => {
    expect(['error', 'warning', 'info']).toContain(rule.severity);
    expect(rule.description.en.length).toBeGreaterThan(5);
    expect(rule.description.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});
