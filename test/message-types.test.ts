// What the compiler refuses about messages. Each refused line carries @ts-expect-error, and npm test
// type-checks the tests: were one of them to compile, the build would fail on the unused directive.
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.js';
import { en } from '../src/messages/en.js';
import { formatMessage } from '../src/messages/index.js';
import type { Catalogue } from '../src/messages/types.js';
import { defineRule } from '../src/rules/types.js';
import type { Plan } from '../src/model/types.js';
import { loadCalendar } from '../src/io/holidays.js';

const file = 'plan.yaml';

describe('message types', () => {
  it('UserError takes a message id and exactly its data', () => {
    // @ts-expect-error: io/missing takes { file }
    expect(new UserError('io/missing', { fil: file }).messageId).toBe('io/missing');
    // @ts-expect-error: io/missing needs its data
    expect(new UserError('io/missing').data).toEqual({});
    // @ts-expect-error: a rule's message is not a user error
    expect(new UserError('date/holiday:weekend', { what: '1', date: '2020-06-20', weekday: 6, before: '2020-06-19' }).outcome).toBe('failed');
    expect(new UserError('update/nothing').data).toEqual({});
    expect(new UserError('update/syntax', { file, line: 1, column: 2, message: 'x' }, 'findings').outcome).toBe('findings');
  });

  it('formatMessage takes a message id and exactly its data', () => {
    // @ts-expect-error: the weekend message takes no holiday name
    expect(formatMessage('date/holiday:weekend', { what: '1', date: '2020-06-20', weekday: 6, before: '2020-06-19', holidayZh: '端午节' }, 'en')).toMatch(/Saturday/);
    // @ts-expect-error: the holiday message needs the holiday's names
    expect(formatMessage('date/holiday:holiday', { what: '1', date: '2020-06-25', weekday: 4, before: '2020-06-24' }, 'en')).toMatch(/undefined/);
    // @ts-expect-error: the old id is gone
    expect(() => formatMessage('date/holiday-weekend', {}, 'en')).toThrow(/no message/);
  });

  it('a catalogue has every message, no other, and reads only the data each takes', () => {
    const { 'io/missing': _dropped, ...rest } = en;
    // @ts-expect-error: io/missing is missing
    const missing: Catalogue = rest;
    // @ts-expect-error: io/extra is no message
    const extra: Catalogue = { ...en, 'io/extra': () => 'x' };
    // @ts-expect-error: io/missing has no `fil`
    const misread: Catalogue = { ...en, 'io/missing': (d) => `${d.fil}: no such file` };
    expect([missing, extra, misread].map((c) => Object.keys(c).length)).toEqual([Object.keys(en).length - 1, Object.keys(en).length + 1, Object.keys(en).length]);
  });

  it("a rule reports only its own message ids, each with exactly that message's data", () => {
    const rule = defineRule({
      id: 'test/rule',
      severity: 'info',
      stage: 'plan',
      description: { en: 'a rule for this test', zh: '测试用规则' },
      messages: { one: { n: 1 }, two: { text: '活动', note: 'x' as string | undefined } },
      check(_plan, ctx) {
        ctx.report({ path: [], messageId: 'one', data: { n: 1 } });
        ctx.report({ path: [], messageId: 'two', data: { text: '活动', note: undefined } });
        // @ts-expect-error: the rule declares no message three
        ctx.report({ path: [], messageId: 'three', data: { n: 1 } });
        // @ts-expect-error: one takes a number
        ctx.report({ path: [], messageId: 'one', data: { n: '1' } });
        // @ts-expect-error: one takes no text
        ctx.report({ path: [], messageId: 'one', data: { n: 1, text: '活动' } });
        // @ts-expect-error: two needs its note, even when there is none
        ctx.report({ path: [], messageId: 'two', data: { text: '活动' } });
        // @ts-expect-error: every report names its message
        ctx.report({ path: [], data: { n: 1 } });
      },
    });
    const reported: string[] = [];
    rule.check({} as Plan, { asOf: '2020-07-01', calendar: loadCalendar(), report: (p) => { reported.push(p.messageId); } });
    expect(reported).toEqual(['one', 'two', 'three', 'one', 'one', 'two', undefined]);
  });
});
