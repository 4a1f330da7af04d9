// Golden files: compared byte for byte; regenerated on purpose only, with UPDATE_GOLDEN=1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const DIR = new URL('../golden/', import.meta.url);

export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, DIR);
  // A test run never writes a golden file unless asked: a missing one is a failure.
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing (UPDATE_GOLDEN=1 npm test writes it)`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
