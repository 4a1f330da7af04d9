import { defineRule } from '../types.js';
import type { Path } from '../../model/types.js';
import { dayOff } from '../../calendar/describe.js';
import { campaignOf } from '../../data/campaigns.js';

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
    const dates: { owner: { path: Path; title: string; text?: string }; field: 'due'; date: string; what: string }[] = [
      ...plan.allTasks.filter((t) => t.due).map((t) => ({ owner: t, field: 'due' as const, date: t.due!, what: t.id })),
      ...plan.reports.filter((r) => r.due && !r.every).map((r) => ({ owner: r, field: 'due' as const, date: r.due!, what: r.id })),
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
      if (off.holiday) {
        ctx.report({ path, messageId: 'holiday', data: { what: d.what, date: d.date, holidayZh: off.holiday.zh, holidayEn: off.holiday.en, before: off.before } });
      } else {
        ctx.report({ path, messageId: 'weekend', data: { what: d.what, date: d.date, weekday: off.weekday, before: off.before } });
      }
    }
  },
});
export default rule;
