// Loads a plan fixture into the model, in-process.
import { readFileSync } from 'node:fs';
import { buildPlan } from '../../src/model/build.js';
import type { Plan } from '../../src/model/types.js';
import { parseSource } from '../../src/source/parse.js';
import { loadCalendar } from '../../src/io/holidays.js';

export const HISTORY = 'test/fixtures/tracking/history.yaml';

export function loadPlanFile(file: string): Plan {
  return buildPlan(parseSource(readFileSync(file, 'utf8')).data, loadCalendar());
}
