// Golden files: compared byte for byte; regenerated on purpose only, with UPDATE_GOLDEN=1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const DIR = new URL('../golden/', import.meta.url);

export function expectGolden(name: string, actual: string): void {
  const file = new URL(name, DIR);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden file ${name} is missing (run UPDATE_GOLDEN=1 npm test)`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
