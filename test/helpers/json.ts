// Reading what `-f json` prints for a report on each plan: a list of per-plan objects, whatever the count.
import { expect } from 'vitest';

/** The one plan's object of a run over one plan (a list of one). */
// biome-ignore lint/suspicious/noExplicitAny: untyped by default, as JSON.parse is, for tests that read a few fields
export function onePlan<T = any>(stdout: string): T {
  const list = JSON.parse(stdout) as T[];
  expect(Array.isArray(list) && list.length).toBe(1);
  return list[0]!;
}
