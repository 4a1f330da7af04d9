// Mainland China's working-day calendar: public holidays and the make-up working days (调休) set each
// year by the State Council. Built from a table (src/io/holidays.ts loads it); pure lookups here.
import { addDays, isWeekday, type IsoDate } from './dates.js';

export interface HolidayName { en: string; zh: string }

export interface Calendar {
  /** First and last year the table covers; outside them only weekends are known. */
  years: readonly [number, number];
  covers(year: number): boolean;
  isWorkday(d: IsoDate): boolean;
  /** The public holiday on that date, if any. */
  holiday(d: IsoDate): HolidayName | undefined;
  /** The holiday a make-up working day belongs to, if the date is one. */
  makeUpDay(d: IsoDate): HolidayName | undefined;
}

export interface HolidayTable {
  /** date → "English name,中文名" (the chinese-days package's form, whose table data/holidays.json is made from) */
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** A schedule as a data file writes it (schemas/campaign-data.schema.json): each holiday a run of days. */
export interface HolidaySchedule {
  holidays?: readonly { name: string; en?: string; from: IsoDate; to?: IsoDate }[];
  workdays?: readonly { name: string; en?: string; date: IsoDate }[];
}

/** Every day from–to. */
export function daysFromTo(from: IsoDate, to: IsoDate = from): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** A schedule as a table: date → "English name,中文名". */
export function scheduleTable(schedule: HolidaySchedule): HolidayTable {
  const table: HolidayTable = { holidays: {}, workdays: {} };
  for (const h of schedule.holidays ?? []) for (const d of daysFromTo(h.from, h.to)) table.holidays[d] = `${h.en ?? h.name},${h.name}`;
  for (const w of schedule.workdays ?? []) table.workdays[w.date] = `${w.en ?? w.name},${w.name}`;
  return table;
}

const name = (entry: string): HolidayName => {
  const [en = '', zh = ''] = entry.split(',');
  return { en, zh: zh || en };
};

export function makeCalendar(table: HolidayTable): Calendar {
  const holidays = new Map(Object.entries(table.holidays).map(([d, e]) => [d, name(e)]));
  const workdays = new Map(Object.entries(table.workdays).map(([d, e]) => [d, name(e)]));
  const allYears = [...holidays.keys(), ...workdays.keys()].map((d) => Number(d.slice(0, 4)));
  const years = [allYears.reduce((a, b) => Math.min(a, b)), allYears.reduce((a, b) => Math.max(a, b))] as const;
  const covers = (y: number) => y >= years[0] && y <= years[1];
  return {
    years,
    covers,
    isWorkday: (d) => workdays.has(d) || (!holidays.has(d) && isWeekday(d)),
    holiday: (d) => holidays.get(d),
    makeUpDay: (d) => workdays.get(d),
  };
}

/** A calendar that knows only weekends: for tests and for years no table covers. */
export const WEEKENDS_ONLY: Calendar = {
  years: [0, -1],
  covers: () => false,
  isWorkday: isWeekday,
  holiday: () => undefined,
  makeUpDay: () => undefined,
};

/**
 * The first day of the next break of a named holiday ("国庆节", "元旦" — the table's Chinese names) on or
 * after a date: a break that starts on 31 December (元旦 2023) counts from that day.
 */
export function holidayStarts(cal: Calendar): (name: string, onOrAfter: IsoDate) => IsoDate | undefined {
  const cache = new Map<string, IsoDate | undefined>();
  const named = (d: IsoDate, name: string) => cal.holiday(d)?.zh.startsWith(name) ?? false;
  return (name, onOrAfter) => {
    const key = `${name}${onOrAfter}`;
    if (cache.has(key)) return cache.get(key);
    let found: IsoDate | undefined;
    for (let i = 0, d = onOrAfter; i < 400 && cal.covers(Number(d.slice(0, 4))); i++, d = addDays(d, 1)) {
      if (!named(d, name) || named(addDays(d, -1), name)) continue;
      // A break that joins another holiday (中秋 then 国庆, 2023) starts with the first of them.
      let first = d;
      while (cal.holiday(addDays(first, -1))) first = addDays(first, -1);
      found = first;
      break;
    }
    cache.set(key, found);
    return found;
  };
}
