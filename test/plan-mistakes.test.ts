// The mistakes of issue 24 that need more than a fixture: how sure each rule is (its severity, and where it is
// only a note), and what the as-of date does to the status rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { lintText } from './helpers/lint.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/rules/${name}`, import.meta.url), 'utf8');

describe('severities', () => {
  it('are errors for a plan that contradicts itself or a number no one can call, warnings for likely mistakes', () => {
    const severity = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));
    expect({
      'ref/lead-support': severity['ref/lead-support'],
      'text/phone': severity['text/phone'],
      'ref/external-lead': severity['ref/external-lead'],
      'date/report-before-end': severity['date/report-before-end'],
      'status/progress-down': severity['status/progress-down'],
      'status/log-order': severity['status/log-order'],
      'status/future-entry': severity['status/future-entry'],
    }).toEqual({
      'ref/lead-support': 'error',
      'text/phone': 'error',
      'ref/external-lead': 'warning',
      'date/report-before-end': 'warning',
      'status/progress-down': 'warning',
      'status/log-order': 'warning',
      'status/future-entry': 'warning',
    });
  });
});

describe('date/report-before-end', () => {
  it("notes a long campaign's summary due in its last month, and warns of one due before it", () => {
    const found = (name: string) =>
      lintText(fixture(`date/report-before-end/${name}`))
        .filter((p) => p.rule === 'date/report-before-end')
        .map((p) => `${p.line} ${p.severity} ${(p.data as { due: string }).due}`);
    expect(found('invalid-long-campaign.yaml')).toEqual(['16 info 2023-12-20']);
    expect(found('invalid-long-campaign-early.yaml')).toEqual(['18 warning 2023-10-20']);
  });
});

describe('status/future-entry', () => {
  const text = fixture('status/future-entry/invalid.yaml');
  const future = (asOf: string) => lintText(text, { asOf }).filter((p) => p.rule === 'status/future-entry').map((p) => `${p.line} ${(p.data as { date: string }).date}`);

  it('reports the entries after the as-of date the status rules judge by, and none once that day has come', () => {
    expect(future('2020-06-20')).toEqual(['18 2020-07-17', '25 2020-06-21']);
    expect(future('2020-06-21')).toEqual(['18 2020-07-17']);
    expect(future('2020-07-17')).toEqual([]);
  });

  it('leaves the order of the log to status/log-order once the misplaced entry is no longer in the future', () => {
    const order = lintText(text, { asOf: '2020-07-17' }).filter((p) => p.rule === 'status/log-order').map((p) => p.line);
    expect(order).toEqual([19]);
  });
});
