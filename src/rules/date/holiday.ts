import { defineRule } from '../types.js';
import type { Plan } from '../../model/types.js';
import { readDates } from '../../text/time.js';
import { dayOff } from '../../calendar/describe.js';
import { campaignOf } from '../../data/campaigns.js';
import { addDays } from '../../calendar/dates.js';
import type { Path } from '../../source/path.js';

/** Whether a task's words give `date` as the day (or the last day of the days) it takes place, not as a deadline. */
function plannedOn(text: string, date: string, plan: Plan): boolean {
  const ctx = { year: plan.year ?? Number(date.slice(0, 4)), ...(plan.period ? { period: plan.period } : {}), isWorkday: () => true };
  const hits = readDates(text, ctx).filter((h) => h.due === date);
  // Named as a deadline anywhere (6月8日前, 6月底前) the date is one to meet, not one to hold an event on.
  return hits.some((h) => h.kind === 'on' || h.kind === 'range') && !hits.some((h) => h.deadline);
}

const rule = defineRule({
  id: 'date/holiday',
  severity: 'warning',
  stage: 'plan',
  description: {
    en: 'A due date or report deadline on a public holiday or a weekend that is not a make-up working day',
    zh: '完成时限或报送期限落在法定节假日或非调休的周末',
  },
  messages: {
    holiday: { what: '1.2', date: '2020-06-25', holidayZh: '端午节', holidayEn: 'Dragon Boat Festival', before: '2020-06-24' },
    weekend: { what: 'summary', date: '2020-06-20', weekday: 6, before: '2020-06-19' },
  },
  check(plan, ctx) {
    const campaign = campaignOf(plan.title);
    // A task that takes its phase's end as its due date has no deadline of its own: a phase's end is not one.
    const phaseEnds = new Map(plan.phases.map((p) => [p.id, p.end]));
    const dates: { owner: { path: Path; title: string; text?: string }; field: 'due'; date: string; what: string; activity: boolean }[] = [
      ...plan.allTasks.filter((t) => t.due && !(t.phase !== undefined && phaseEnds.get(t.phase) === t.due)).map((t) => ({ owner: t, field: 'due' as const, date: t.due!, what: t.id, activity: true })),
      ...plan.reports.filter((r) => r.due && !r.every).map((r) => ({ owner: r, field: 'due' as const, date: r.due!, what: r.id, activity: false })),
    ];
    for (const d of dates) {
      const year = Number(d.date.slice(0, 4));
      if (!ctx.calendar.covers(year)) continue; // date/calendar-coverage says so once
      const off = dayOff(d.date, ctx.calendar);
      if (!off) continue;
      // An activity held on its campaign's national day (咨询日 on June 16 …) is fine on a Sunday.
      const text = `${d.owner.title}${d.owner.text ?? ''}`;
      if (campaign?.keyDays(year).some((k) => k.date === d.date && k.names.some((n) => text.includes(n)))) continue;
      const path = [...d.owner.path, d.field];
      // The 10th, the 20th and a month's last day are how 上旬 / 中旬 / 下旬 and 月底前 are written down:
      // on a weekend they are a convention, not a slip. A task whose own words name its date as the day it
      // takes place (5月17日（星期六）家长开放日, 时间：6月8日) is a planned activity, not a deadline. Both are
      // notes, a report's deadline as much as a task's (每月20日前报送 is the county's convention); a public holiday
      // under a deadline still warns.
      const conventional = !off.holiday && (/-(?:10|20)$/.test(d.date) || addDays(d.date, 1).endsWith('-01'));
      const activity = d.activity && plannedOn(`${d.owner.title}。${d.owner.text ?? ''}`, d.date, plan);
      if (off.holiday) {
        ctx.report({ path, messageId: 'holiday', data: { what: d.what, date: d.date, holidayZh: off.holiday.zh, holidayEn: off.holiday.en, before: off.before }, ...(activity ? { note: true } : {}) });
      } else {
        ctx.report({ path, messageId: 'weekend', data: { what: d.what, date: d.date, weekday: off.weekday, before: off.before }, ...(conventional || activity ? { note: true } : {}) });
      }
    }
  },
});
export default rule;
