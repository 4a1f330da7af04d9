import { defineRule } from '../types.js';
import type { Path } from '../../source/path.js';

const rule = defineRule({
  id: 'date/calendar-coverage',
  severity: 'info',
  stage: 'plan',
  description: {
    en: "The plan's dates fall in a year the holiday calendar does not cover (holidays there are not checked)",
    zh: '方案日期所在年份不在节假日日历范围内（这些日期未作节假日检查）',
  },
  messages: { uncovered: { years: [2030], from: 2004, to: 2026 } },
  check(plan, ctx) {
    // Most plans lie wholly inside the calendar: say so without listing every date first.
    const covered = (d: string | undefined) => !d || ctx.calendar.covers(Number(d.slice(0, 4)));
    if (
      covered(plan.period?.start) && covered(plan.period?.end) &&
      plan.allTasks.every((t) => covered(t.start) && covered(t.due)) &&
      plan.reports.every((r) => r.deadlines.every((d) => covered(d.due)))
    ) return;
    const dated: { path: Path; date: string }[] = [
      ...(plan.period ? [{ path: ['period', 'start'], date: plan.period.start }, { path: ['period', 'end'], date: plan.period.end }] : []),
      ...plan.allTasks.flatMap((t) => [t.start, t.due].filter((d): d is string => !!d).map((date) => ({ path: [...t.path, date === t.due ? 'due' : 'start'], date }))),
      ...plan.reports.flatMap((r) => r.deadlines.map((d) => ({ path: [...r.path, r.every ? 'every' : 'due'], date: d.due }))),
    ];
    const outside = dated.filter((d) => !ctx.calendar.covers(Number(d.date.slice(0, 4))));
    // Stryker disable next-line ConditionalExpression: unreachable, the shortcut above returns unless some date in `dated` is outside the calendar
    if (outside.length === 0) return;
    const years = [...new Set(outside.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
    ctx.report({ path: outside[0]!.path, messageId: 'uncovered', data: { years, from: ctx.calendar.years[0], to: ctx.calendar.years[1] } });
  },
});
export default rule;
