// Test helpers: lint YAML text in-process with the shipped schemas.
import { lint, type LocatedProblem } from '../../src/lint.js';
import { loadSchemas } from '../../src/io/schemas.js';
import { loadCalendar } from '../../src/io/holidays.js';
import { compileSchemas, type SchemaValidator } from '../../src/schema/validator.js';
import { parseSource } from '../../src/source/parse.js';
import type { SeveritySetting } from '../../src/rules/types.js';

let validator: SchemaValidator | undefined;
export const schema = (): SchemaValidator => (validator ??= compileSchemas(loadSchemas()));

export function lintText(text: string, opts: { asOf?: string; severities?: Record<string, SeveritySetting> } = {}): LocatedProblem[] {
  return lint(parseSource(text), { asOf: opts.asOf ?? '2020-07-15', schema: schema(), severities: opts.severities, calendar: loadCalendar() }).problems;
}

/** "line:column rule" for each problem: compact and exact. */
export const where = (problems: LocatedProblem[]) => problems.map((p) => `${p.line}:${p.column} ${p.rule}`);

/** A small valid plan to build cases from; `extra` is appended verbatim (top-level keys). */
export function plan(tasks: string, extra = ''): string {
  return `version: 1
title: 测试乡2020年“安全生产月”活动方案
organizer: 测试乡
year: 2020
period: {start: 2020-06-01, end: 2020-06-30}
units:
  - {id: police, name: 派出所}
  - {id: edu, name: 教育站}
tasks:
${tasks}${extra}`;
}
